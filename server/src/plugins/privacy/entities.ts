// The personal-data entity types the privacy plugin recognises, with their display names.

/** One kind of personal data. */
export type EntityType =
  | 'email' | 'phone' | 'credit-card' | 'iban' | 'us-ssn' | 'us-itin' | 'uk-nhs' | 'uk-nino'
  | 'aadhaar' | 'ca-sin' | 'ip-address' | 'mac-address' | 'date-of-birth' | 'street-address' | 'person-name';

/** Every entity type, in report order. */
export const ENTITY_TYPES: readonly EntityType[] = [
  'email', 'phone', 'credit-card', 'iban', 'us-ssn', 'us-itin', 'uk-nhs', 'uk-nino',
  'aadhaar', 'ca-sin', 'ip-address', 'mac-address', 'date-of-birth', 'street-address', 'person-name',
];

/** Plural nouns for messages ("3 email addresses"). */
export const ENTITY_PLURAL: Record<EntityType, string> = {
  email: 'email addresses',
  phone: 'phone numbers',
  'credit-card': 'credit card numbers',
  iban: 'IBANs',
  'us-ssn': 'US Social Security numbers',
  'us-itin': 'US ITINs',
  'uk-nhs': 'NHS numbers',
  'uk-nino': 'UK National Insurance numbers',
  aadhaar: 'Aadhaar numbers',
  'ca-sin': 'Canadian SINs',
  'ip-address': 'public IP addresses',
  'mac-address': 'MAC addresses',
  'date-of-birth': 'dates of birth',
  'street-address': 'street addresses',
  'person-name': 'person names',
};

/** Singular nouns for messages ("1 email address"). */
export const ENTITY_SINGULAR: Record<EntityType, string> = {
  email: 'email address',
  phone: 'phone number',
  'credit-card': 'credit card number',
  iban: 'IBAN',
  'us-ssn': 'US Social Security number',
  'us-itin': 'US ITIN',
  'uk-nhs': 'NHS number',
  'uk-nino': 'UK National Insurance number',
  aadhaar: 'Aadhaar number',
  'ca-sin': 'Canadian SIN',
  'ip-address': 'public IP address',
  'mac-address': 'MAC address',
  'date-of-birth': 'date of birth',
  'street-address': 'street address',
  'person-name': 'person name',
};

/** One recognised value: where it is, what it is, how sure we are. `value` never leaves the plugin unredacted. */
export interface PiiMatch {
  entity: EntityType;
  start: number;
  end: number;
  value: string;
  confidence: number;
}
