// Baseline matching keys, shared by the CLI and the editor: rule + path + line fingerprint, and for secrets a keyed hash of the value.
import { createHmac, randomBytes } from 'crypto';

/** A fresh random salt for a new baseline file (hex). */
export function newSalt(): string {
  return randomBytes(16).toString('hex');
}

/**
 * The keyed hash of a secret value: HMAC-SHA256 with the baseline's own random salt, truncated. It
 * tells one token from another without the file holding the value or an unsalted hash that could be
 * looked up (or brute-forced once for every repository): each baseline file has its own key.
 */
export function secretHash(salt: string, value: string): string {
  return createHmac('sha256', salt).update(value).digest('hex').slice(0, 32);
}

/** What an entry and a current finding are compared by. */
export interface KeyParts {
  ruleId: string;
  path: string;
  fingerprint: string;
  /** Keyed hash of the value: secrets findings only. */
  valueHmac?: string;
}

/**
 * The comparison key. A secrets finding needs its value hash: an entry without one (an unsalted,
 * version-1 baseline) never accepts a secrets finding, since it cannot tell a new token on the same
 * line from the accepted one.
 */
export function baselineKey(e: KeyParts, isSecret: boolean): string | undefined {
  const base = `${e.ruleId}\0${e.path}\0${e.fingerprint}`;
  if (!isSecret) return base;
  return e.valueHmac ? `${base}\0${e.valueHmac}` : undefined;
}

/** The message shown when an old baseline's secrets entries are ignored. */
export function unsaltedMessage(file: string, count: number): string {
  return `baseline ${file} has no salt (written before mlsec fingerprinted secret values): its ${count} secrets ${count === 1 ? 'entry no longer accepts a finding' : 'entries no longer accept findings'}, since a different token on the same line would have matched. Run \`mlsec scan --write-baseline ${file}\` again to accept the current ones.`;
}
