// Canadian Social Insurance Numbers: nine digits, Luhn-valid, first digit never 0 or 8; needs a context word.
import { looksLikeFillerDigits, luhnValid } from '../checksums';
import { digitsOf, type Recognizer } from './recognizer';

/** `046 454 286` near "SIN". */
export const caSin: Recognizer = {
  entity: 'ca-sin',
  pattern: /(?<![\w.-])[1-79]\d{2}([ -]?)\d{3}\1\d{3}(?![\w-]|\.\d)/g,
  context: ['sin', 'social insurance', 'social_insurance', 'nas'],
  score(value) {
    const digits = digitsOf(value);
    if (!luhnValid(digits) || looksLikeFillerDigits(digits)) return 0;
    return /[ -]/.test(value) ? 0.35 : 0.2;
  },
};
