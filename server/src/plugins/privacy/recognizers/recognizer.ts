// The shape of a pattern recognizer: candidate regex, validation with a confidence, and context words.
import type { EntityType } from '../entities';

/** Finds one entity type in free text. */
export interface Recognizer {
  entity: EntityType;
  /** Global regex of candidates (the whole match is the value). */
  pattern: RegExp;
  /** Confidence in [0, 1] that `value` is this entity; 0 rejects it (failed checksum, reserved range, test data). */
  score(value: string, text: string, start: number): number;
  /** Lower-case words that, shortly before the value (or in its column/key name), raise the confidence. */
  context: readonly string[];
}

/** The digits of `s`. */
export function digitsOf(s: string): string {
  return s.replace(/\D/g, '');
}
