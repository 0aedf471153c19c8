// UK National Insurance numbers: two prefix letters from the allowed set, six digits, suffix A-D.
import type { Recognizer } from './recognizer';

const BAD_PREFIX = new Set(['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ']);

/** `AB 12 34 56 C` or `AB123456C`. */
export const ukNino: Recognizer = {
  entity: 'uk-nino',
  pattern: /(?<![\w])[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![\w])/g,
  context: ['national insurance', 'nino', 'ni number', 'ni no', 'ni_number'],
  score(value) {
    const compact = value.replace(/ /g, '');
    if (BAD_PREFIX.has(compact.slice(0, 2))) return 0;
    if (/^..(\d)\1{5}/.test(compact)) return 0;
    return 0.7;
  },
};
