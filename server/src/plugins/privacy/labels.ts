// Labelled fields: column/key names that say a value is a date of birth, a street address or a person's name.
import type { EntityType } from './entities';

/** Normalises `Date Of Birth`, `date-of-birth`, `dateOfBirth` to `date_of_birth`. */
export function normalizeKey(key: string): string {
  return key.trim().replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
}

const DOB = /^(dob|d_o_b|date_of_birth|birth_?date|birthday|born|born_on|geburtsdatum)$/;
const ADDRESS = /^((home|street|mailing|postal|residential|billing|shipping|customer|patient|user)_)?(street|address|addr)(_line)?(_?[12])?$|^street_address$/;
const NAME = /^(name|full_?name|first_?name|last_?name|given_?name|family_?name|surname|forename|middle_?name|display_?name|(customer|patient|client|employee|person|contact|account_holder|cardholder|card_holder|member|student|applicant|user|owner|holder|beneficiary)_?name)$/;

/** Keys that hold one part of a person's name, so a single word is expected. */
const PART_OF_NAME = /^(first|last|given|family|middle)_?name$|^(surname|forename)$/;

// Keys repeat (a column per cell, a log key per line): remember the answers, bounded so odd inputs cannot grow it without end.
const byKey = new Map<string, EntityType | null>();
const MEMO_LIMIT = 20_000;

/** The labelled entity a key names, if any. `address` alone counts; `email_address`/`ip_address` do not (their own recognizers cover them). */
export function labelledEntity(key: string): EntityType | undefined {
  const hit = byKey.get(key);
  if (hit !== undefined) return hit ?? undefined;
  const found = entityOfKey(key);
  if (byKey.size >= MEMO_LIMIT) byKey.clear();
  byKey.set(key, found ?? null);
  return found;
}

function entityOfKey(key: string): EntityType | undefined {
  const k = normalizeKey(key);
  if (DOB.test(k)) return 'date-of-birth';
  if (ADDRESS.test(k)) return 'street-address';
  if (NAME.test(k)) return 'person-name';
  return undefined;
}

const MONTHS = 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec';
const DATE = new RegExp(`^(\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}|\\d{1,2} (${MONTHS})[a-z]* \\d{4}|(${MONTHS})[a-z]* \\d{1,2},? \\d{4})$`, 'i');
const STREET = /^\d{1,6}[A-Za-z]?,? [A-Za-z0-9.' -]{2,60}\b(street|st|avenue|ave|road|rd|lane|ln|drive|dr|boulevard|blvd|court|ct|way|place|pl|terrace|close|crescent|square|sq|highway|hwy|parkway|pkwy|circle|cir|trail|row|gardens|grove|hill|walk|strasse|straße)\b\.?/i;
const PERSON = /^\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,3}$/u;
const PLACEHOLDER_NAMES = /^(john|jane|joe|richard|test|foo|first|last|user|sample|your|max) (doe|roe|bloggs|user|bar|name|last|smith_test|mustermann|example)$|^(n\/a|none|null|unknown|anonymous|redacted|test|admin)$/i;

// Words that make a Title Case value under a bare `name` key a thing (model, run, product, company), not a person.
const NOT_A_PERSON = /\b(model|models|data|dataset|pipeline|detection|detector|classifier|service|project|team|run|baseline|experiment|layer|net|network|inc|ltd|llc|corp|co|company|group|bank|university|college|school|hospital|store|shop|city|county|street|road|avenue|park|center|centre|lab|labs|api|app|test|demo|example|sample|default|new|old|final|version|release|report|dashboard|config|server|client|system|studio|digital|global|international|the|of|and|for)\b/i;

// Place names read like two capitalised words (`San Francisco`, `New Delhi`, `Fort Worth`): their first word gives them away.
const PLACE = /^(?:San|Santa|Santo|São|Los|Las|El|New|Fort|Saint|St\.?|Mount|Mt\.?|Lake|Port|Palo|Salt|Baton|Des|Grand|North|South|East|West|Rio|Buenos|Kuala|Hong|Abu|Cape)\s/;

/** Confidence that `value` of a field labelled `entity` really is one (0 = no). */
export function labelledScore(entity: EntityType, value: string, key: string): number {
  const v = value.trim();
  if (!v || v.length > 120) return 0;
  if (entity === 'date-of-birth') {
    if (!DATE.test(v)) return 0;
    const year = Number((/(?<!\d)(\d{4})(?!\d)/.exec(v) ?? [])[1]);
    // A birth year in the future or before 1900 is not a birth date (and 1970-01-01 is an epoch default).
    if (year && (year < 1900 || year > new Date().getFullYear())) return 0;
    return /^1970-01-01/.test(v) ? 0 : 0.85;
  }
  if (entity === 'street-address') return STREET.test(v) ? 0.85 : 0;
  if (entity === 'person-name') {
    if (!PERSON.test(v) || PLACEHOLDER_NAMES.test(v) || PLACE.test(v)) return 0;
    // A bare `name` key also names models, files and datasets: ask for at least two words there.
    const words = v.split(' ').length;
    const k = normalizeKey(key);
    if (k === 'name' || k === 'display_name') return words >= 2 && words <= 4 && !NOT_A_PERSON.test(v) ? 0.7 : 0;
    // Only a part of a name (first, last, given, family, middle, surname, forename) is one word by nature;
    // a role's name (`member_name`, `owner_name`: API schemas use these for fields) must look like a full name.
    if (!PART_OF_NAME.test(k) && (words < 2 || NOT_A_PERSON.test(v))) return 0;
    return 0.8;
  }
  return 0;
}
