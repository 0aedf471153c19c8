// UK NHS numbers: ten digits with a mod-11 check digit; ten-digit runs are common, so a context word is needed.
import { looksLikeFillerDigits, nhsValid } from '../checksums';
import { digitsOf, type Recognizer } from './recognizer';

/** `943 476 5919` near "NHS". */
export const ukNhs: Recognizer = {
  entity: 'uk-nhs',
  pattern: /(?<![\w.-])\d{3}([ -]?)\d{3}\1\d{4}(?![\w-]|\.\d)/g,
  context: ['nhs', 'nhs number', 'nhs_number', 'nhs no', 'patient'],
  score(value) {
    const digits = digitsOf(value);
    if (!nhsValid(digits) || looksLikeFillerDigits(digits)) return 0;
    return /[ -]/.test(value) ? 0.35 : 0.2;
  },
};
