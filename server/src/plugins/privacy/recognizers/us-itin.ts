// US Individual Taxpayer Identification Numbers: 9xx-GG-xxxx with the group digits the IRS issues.
import { digitsOf, type Recognizer } from './recognizer';

/** ITIN groups: 50-65, 70-88, 90-92, 94-99. */
function itinGroup(g: number): boolean {
  return (g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || (g >= 94 && g <= 99);
}

/** `9xx-7x-xxxx`; undelimited forms need a context word. */
export const usItin: Recognizer = {
  entity: 'us-itin',
  pattern: /(?<![\w.-])9\d{2}([- ]?)\d{2}\1\d{4}(?![\w-]|\.\d)/g,
  context: ['itin', 'taxpayer', 'tax id', 'tin'],
  score(value) {
    const digits = digitsOf(value);
    if (!itinGroup(Number(digits.slice(3, 5))) || digits.slice(5) === '0000') return 0;
    if (value.includes('-')) return 0.7;
    return value.includes(' ') ? 0.4 : 0.25;
  },
};
