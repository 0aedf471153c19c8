// Every pattern recognizer, in one list (labelled-field recognizers live in labels.ts).
import { aadhaar } from './aadhaar';
import { caSin } from './ca-sin';
import { creditCard } from './credit-card';
import { email } from './email';
import { iban } from './iban';
import { ipv4, ipv6 } from './ip-address';
import { macAddress } from './mac-address';
import { phone } from './phone';
import type { Recognizer } from './recognizer';
import { ukNhs } from './uk-nhs';
import { ukNino } from './uk-nino';
import { usItin } from './us-itin';
import { usSsn } from './us-ssn';

/** All free-text recognizers. Order matters only for ties: earlier wins an overlap of equal confidence. */
export const RECOGNIZERS: readonly Recognizer[] = [email, iban, creditCard, usSsn, usItin, ukNino, aadhaar, ukNhs, caSin, ipv4, ipv6, macAddress, phone];
