// US Social Security numbers: area 000/666/9xx, group 00 and serial 0000 are never issued; known test values rejected.
import { looksLikeFillerDigits } from '../checksums';
import { digitsOf, type Recognizer } from './recognizer';

// The Woolworth wallet card and the SSA's advertising numbers, plus the textbook placeholder.
const KNOWN_FAKE = new Set(['078051120', '219099999', '123456789', '457555462']);

/** True when the nine digits are an issuable SSN. */
export function ssnIssuable(digits: string): boolean {
  const area = digits.slice(0, 3);
  if (area === '000' || area === '666' || area[0] === '9') return false;
  if (digits.slice(3, 5) === '00' || digits.slice(5) === '0000') return false;
  // 111-22-3333, 222-33-4444: stepped filler that tutorials and docs use.
  if (/^(\d)\1\1(\d)\2(\d)\3\3\3$/.test(digits)) return false;
  return !KNOWN_FAKE.has(digits) && !looksLikeFillerDigits(digits);
}

/** `123-45-6789`; spaced or undelimited forms need a context word. */
export const usSsn: Recognizer = {
  entity: 'us-ssn',
  pattern: /(?<![\w.-])\d{3}([- ]?)\d{2}\1\d{4}(?![\w-]|\.\d)/g,
  context: ['ssn', 'social security', 'social_security', 'socialsecurity', 'ss#', 'ss no'],
  score(value) {
    const digits = digitsOf(value);
    if (!ssnIssuable(digits)) return 0;
    if (value.includes('-')) return 0.75;
    return value.includes(' ') ? 0.4 : 0.25;
  },
};
