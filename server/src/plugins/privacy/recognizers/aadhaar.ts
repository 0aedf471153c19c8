// Indian Aadhaar numbers: twelve digits, first digit 2-9, Verhoeff check digit.
import { looksLikeFillerDigits, verhoeffValid } from '../checksums';
import { digitsOf, type Recognizer } from './recognizer';

/** `2345 6789 0124`; an undelimited run needs a context word. */
export const aadhaar: Recognizer = {
  entity: 'aadhaar',
  pattern: /(?<![\w.-])[2-9]\d{3}([ -]?)\d{4}\1\d{4}(?![\w-]|\.\d)/g,
  context: ['aadhaar', 'aadhar', 'uidai', 'uid'],
  score(value) {
    const digits = digitsOf(value);
    if (!verhoeffValid(digits) || looksLikeFillerDigits(digits)) return 0;
    return /[ -]/.test(value) ? 0.55 : 0.25;
  },
};
