// Payment card numbers: Luhn-valid, issuer prefix and length consistent, processor test numbers excluded.
import { looksLikeFillerDigits, luhnValid } from '../checksums';
import { digitsOf, type Recognizer } from './recognizer';

/** [prefix pattern, allowed lengths] per issuer: Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay, Maestro. */
const ISSUERS: [RegExp, number[]][] = [
  [/^4/, [13, 16, 19]],
  [/^(5[1-5]|2(2[2-9][1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720))/, [16]],
  [/^3[47]/, [15]],
  [/^(6011|65|64[4-9])/, [16, 19]],
  [/^35(2[89]|[3-8]\d)/, [16, 17, 18, 19]],
  [/^3(0[0-5]|[689])/, [14, 16, 19]],
  [/^62/, [16, 17, 18, 19]],
  [/^(5018|5020|5038|6304|6759|676[1-3])/, [12, 13, 14, 15, 16, 17, 18, 19]],
];

// Numbers card processors publish for testing (Stripe, Visa, Adyen docs): obvious test data, not a cardholder's.
const TEST_CARDS = new Set([
  '4111111111111111', '4242424242424242', '4012888888881881', '4000056655665556', '4222222222222',
  '5555555555554444', '5105105105105100', '2223003122003222', '378282246310005', '371449635398431',
  '6011111111111117', '6011000990139424', '3056930009020004', '3566002020360505', '6200000000000005',
]);

/** Card numbers written as one run or in 4-4-4-4 / 4-6-5 groups. */
export const creditCard: Recognizer = {
  entity: 'credit-card',
  pattern: /(?<![\w.-])\d{4}(?:[ -]?\d{2,6}){2,4}(?:[ -]?\d{1,4})?(?![\w-]|\.\d)/g,
  context: ['card', 'credit', 'visa', 'mastercard', 'amex', 'payment', 'pan', 'cc_', 'ccnum', 'cc number'],
  score(value, text, start) {
    // A number that is a path segment (`projects/5229…/datasets/7532…`) is a resource id, not a card.
    if (text[start - 1] === '/' || text[start + value.length] === '/') return 0;
    const digits = digitsOf(value);
    if (digits.length < 13 || digits.length > 19 || !luhnValid(digits)) return 0;
    if (TEST_CARDS.has(digits) || looksLikeFillerDigits(digits)) return 0;
    if (!ISSUERS.some(([re, lengths]) => re.test(digits) && lengths.includes(digits.length))) return 0;
    const seps = value.match(/[ -]/g) ?? [];
    if (seps.length && new Set(seps).size > 1) return 0;
    const grouping = (value.match(/\d+/g) ?? []).map((g) => g.length).join(',');
    if (seps.length === 0) return 0.7;
    return ['4,4,4,4', '4,6,5', '4,6,4', '4,4,4,4,3', '4,4,4,1', '4,4,4,3', '4,4,4,2'].includes(grouping) ? 0.9 : 0.3;
  },
};
