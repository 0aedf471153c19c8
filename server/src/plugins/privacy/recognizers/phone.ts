// Phone numbers, validated by libphonenumber-js; the written grouping must match the country's format.
import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js';
import { digitsOf, type Recognizer } from './recognizer';

const COUNTRIES: CountryCode[] = ['US', 'GB', 'IN', 'DE', 'FR', 'CA', 'AU'];

/** Lengths of the digit groups as written ("(415) 555-2671" -> 3,3,4). */
function groups(s: string): string {
  return (s.match(/\d+/g) ?? []).map((g) => g.length).join(',');
}

function written(p: PhoneNumber): string[] {
  return [groups(p.formatNational()), groups(p.formatInternational()).replace(/^\d+,/, ''), groups(p.formatInternational())];
}

/** Phone numbers; plain digit runs only count near a context word, since IDs and timestamps look alike. */
export const phone: Recognizer = {
  entity: 'phone',
  pattern: /(?<![\w+.\-/:=])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?(?:\d{6,15}|\d{2,5}(?:[\s.-]\d{2,5}){0,4})(?![\w/:]|[.-]\d)/g,
  context: ['phone', 'tel', 'telephone', 'mobile', 'cell', 'fax', 'contact', 'call', 'whatsapp'],
  score(value) {
    const digits = digitsOf(value);
    if (digits.length < 8 || digits.length > 15) return 0;
    // Dates, times and version strings.
    if (/^\d{4}[-./]\d{1,2}[-./]\d{1,2}/.test(value) || /^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/.test(value)) return 0;
    if (/^\d+(\.\d+){1,3}$/.test(value) && !/^\d{3}\.\d{3}\.\d{4}$/.test(value)) return 0;
    if (/(\d)\1{6,}/.test(digits) || /^0+$/.test(digits)) return 0;
    const plain = /^\+?\d+$/.test(value);
    // Without a country code, fewer than ten digits is a year range (2001-2023), a count or a local extension far more often than a phone.
    if (!value.startsWith('+') && digits.length < 10) return 0;
    if (value.startsWith('+')) {
      const p = parsePhoneNumberFromString(value);
      if (!p) return 0;
      if (p.countryCallingCode === '1' && /^\d{3}55501\d\d$/.test(p.nationalNumber)) return 0;
      if (p.isValid()) return plain || written(p).includes(groups(value)) ? 0.85 : 0.55;
      return p.isPossible() ? 0.35 : 0;
    }
    for (const country of COUNTRIES) {
      const p = parsePhoneNumberFromString(value, country);
      if (!p || !p.isValid()) continue;
      // 555-01xx is reserved for fiction in North America.
      if (p.countryCallingCode === '1' && /^\d{3}55501\d\d$/.test(p.nationalNumber)) return 0;
      if (plain) return 0.3;
      return written(p).includes(groups(value)) ? 0.75 : 0.25;
    }
    const us = parsePhoneNumberFromString(value, 'US');
    return !plain && us?.isPossible() && groups(value) === '3,3,4' ? 0.4 : 0;
  },
};
