// Values shaped like names, references and images rather than key material (pipeline keys, env-var names, anchors, image refs).

// One part of a lower-case name: a word with up to three trailing digits (`branches`, `oneof`, `v1`), or a short number.
const LOWER_PART = /^(?:[a-z]+\d{0,3}|\d{1,8})$/;
// One part of an UPPER_SNAKE name (`V1_ALLOWED_NAMESPACES`, `INVALID_SECRET_ACCESS_KEY_67890`).
const UPPER_PART = /^(?:[A-Z]+\d{0,3}|\d{1,8})$/;

/** A word rather than random letters: long runs of letters carry a vowel and no five consonants in a row. */
function wordLike(part: string): boolean {
  const letters = part.replace(/\d+$/, '').toLowerCase();
  if (letters.length < 4) return true;
  return /[aeiouy]/.test(letters) && !/[^aeiouy\d]{5}/.test(letters);
}

/** `parts` name something when every part is a word or a short number and at least two parts are real words. */
function namedParts(parts: string[], shape: RegExp): boolean {
  if (parts.length < 2 || !parts.every((p) => shape.test(p) && wordLike(p))) return false;
  return parts.filter((p) => /^[A-Za-z]{3,}/.test(p)).length >= 2;
}

/** Container image references: `gcr.io/org/app:1.2@sha256:…`, `docker.io/library/python:3.11-slim`, `quay.io/x/y`. */
function isImageRef(v: string): boolean {
  return /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?\/)?[a-z0-9._-]+(?:\/[a-z0-9._-]+)*(?::[\w.-]{1,128})?@sha256:[a-f0-9]{64}$/.test(v)
    || /^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?::\d+)?\/[a-z0-9._-]+(?:\/[a-z0-9._-]+)*(?::[\w.-]{1,128})?$/.test(v);
}

/**
 * True when `v` is a name or reference, not a credential: anything with `{`/`}` (templates, format strings,
 * JSON), YAML anchors and aliases (`&x`, `*x`), UPPER_SNAKE and lower-case kebab/snake/dotted names made of
 * words (`pipelinechannel--condition-branches-1-oneof-1`, `stage_2_deadline_hours`), `namespace/name`
 * references, image references and comma-separated lists of such names. `allowWords` off keeps word-made
 * passphrases (`correct-horse-battery`) for password-named keys.
 */
export function looksLikeIdentifier(v: string, allowWords = true): boolean {
  if (/[{}]/.test(v)) return true;
  if (/^[&*][A-Za-z_][\w.-]*$/.test(v)) return true;
  if (namedParts(v.split('_'), UPPER_PART) && /^[A-Z]/.test(v)) return true;
  if (isImageRef(v)) return true;
  if (/^[a-z0-9][a-z0-9.-]*\/[a-z0-9][a-z0-9.-]*$/.test(v) && v.split('/').every((s) => namedParts(s.split(/[-.]+/), LOWER_PART) || (LOWER_PART.test(s) && wordLike(s)))) return true;
  if (!allowWords) return false;
  if (/^[a-z0-9]+(?:[-_.]+[a-z0-9]+)+$/.test(v) && namedParts(v.split(/[-_.]+/), LOWER_PART)) return true;
  if (v.includes(',')) {
    const items = v.split(',').map((s) => s.trim()).filter(Boolean);
    // `service-x,service-y`: each item is a name made of words and short parts.
    return items.length >= 2 && items.every((s) => /^[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*$/.test(s)
      && s.split(/[-_.]/).every((p) => LOWER_PART.test(p.toLowerCase()) && wordLike(p)) && /[A-Za-z]{3}/.test(s));
  }
  return false;
}
