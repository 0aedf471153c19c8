// Container image references: pinned by digest, tagged, `latest`/untagged, or unknown (variables, templates).

/** How an image reference is pinned. `placeholder` = an mlsec digest placeholder still to fill in. */
export type ImagePin = 'digest' | 'tag' | 'latest' | 'skip' | 'placeholder';

/** The marker the offline "insert a placeholder" fix writes; the rule recognises it and asks for the real digest. */
export const DIGEST_PLACEHOLDER = 'sha256:MLSEC-PLACEHOLDER-replace-with-the-image-digest';

// Tags that move by design, as bad as `latest`: `stable`, `stable-slim`, `main`, `master`, `latest-gpu`, `nightly`, `edge`.
const ROLLING_TAG = /^(latest|stable|main|master|nightly|edge)([-_.][a-z][\w.-]*)?$|[-_.]latest$/i;

// Values that stand for an image to be filled in (by a compiler, a template or the reader), not one that is pulled:
// `gcr.io/ml-pipeline/should-be-overridden-during-runtime`, `example.com/org/app:1`, `your-registry/app`, `REPLACE_ME`.
const PLACEHOLDER_IMAGE = /(^|[/.:_-])(should[-_]be[-_]overridden|overridden[-_]at[-_]runtime|placeholder|replace[-_]?me|change[-_]?me|your[-_][\w-]*|my[-_]registry)([/.:_-]|$)|^([\w-]+\.)*example\.(com|org|net)(:\d+)?\//i;

/** True for an image reference that is a placeholder rather than something pulled. */
export function isPlaceholderImage(ref: string): boolean {
  return PLACEHOLDER_IMAGE.test(ref);
}

/** True for a tag that moves by design (`latest`, `stable*`, `main`, `master`, `latest-*`, `*-latest`, `nightly`, `edge`). */
export function isRollingTag(tag: string): boolean {
  return ROLLING_TAG.test(tag);
}

/** Classifies `ref` (`python:3.11`, `ghcr.io/org/img@sha256:...`, `$BASE`). Rolling tags count as `latest`. */
export function classifyImage(ref: string): { pin: ImagePin; tag?: string } {
  const r = ref.trim().replace(/^["']|["']$/g, '');
  // `ko://github.com/org/cmd` and other build-tool schemes name an image built from source at deploy time, not one pulled.
  if (!r || /[$%{}<>]/.test(r) || r.toLowerCase() === 'scratch' || /^[a-z][\w+.-]*:\/\//i.test(r) || isPlaceholderImage(r.replace(/@.*$/, ''))) return { pin: 'skip' };
  const at = r.indexOf('@');
  if (at >= 0) {
    const digest = r.slice(at + 1);
    if (/^sha256:[0-9a-f]{64}$/i.test(digest)) return { pin: 'digest' };
    if (digest === DIGEST_PLACEHOLDER) return { pin: 'placeholder' };
    return { pin: 'skip' };
  }
  const last = r.slice(r.lastIndexOf('/') + 1);
  const colon = last.indexOf(':');
  const tag = colon >= 0 ? last.slice(colon + 1) : undefined;
  if (!tag || isRollingTag(tag)) return { pin: 'latest', tag };
  return { pin: 'tag', tag };
}

/** The finding message for an image that is not pinned by digest. */
export function imageMessage(ref: string, pin: ImagePin, where: string): string {
  if (pin === 'placeholder') return `${where} \`${ref}\` still has mlsec's digest placeholder: replace it with the image's real \`sha256\` digest.`;
  if (pin === 'latest') {
    const tag = /:([^:/@]+)$/.exec(ref)?.[1];
    const which = !tag ? 'has no tag (means `latest`)' : tag === 'latest' ? 'uses `latest`' : `uses \`${tag}\`, a rolling tag that moves like \`latest\`,`;
    return `${where} \`${ref}\` ${which} and no digest: every pull can get a different, possibly compromised image. Pin \`@sha256:<digest>\` (keep the tag for readability).`;
  }
  return `${where} \`${ref}\` is pinned to a tag but not a digest: tags can be moved or re-pushed. Pin \`@sha256:<digest>\`.`;
}

/** The offline fix: append the placeholder digest (a separate, non-automatic code action). */
export function placeholderDigestFix(end: number): { title: string; edits: { range: { start: number; end: number }; newText: string }[]; safe: boolean } {
  return { title: 'Insert a digest placeholder to fill in (enable mlsec.network.enabled to look the digest up)', edits: [{ range: { start: end, end }, newText: `@${DIGEST_PLACEHOLDER}` }], safe: false };
}
