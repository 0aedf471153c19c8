// Pinning fixes filled by an online lookup when the user picks them (mlsec.network.enabled, editor only): analysis only describes them.
import type { Fix, TextEdit } from '../../../engine/finding';
import type { AnalyzerContext } from '../../../engine/plugin';
import { splitImage } from './pin-resolver';

/** The slot in a lookup fix's edits that the looked-up value fills (a digest, a commit SHA or a version). */
export const LOOKUP_SLOT = '{{mlsec:value}}';
/** The slot for PyPI hashes (` \` line continuations with `--hash=` options), empty when there are none. */
export const HASHES_SLOT = '{{mlsec:hashes}}';

/** True when the user opted in to online lookups. */
export function networkEnabled(ctx: Pick<AnalyzerContext, 'settings'>): boolean {
  return ctx.settings.network?.enabled === true;
}

/** A fix whose edits hold slots; nothing is looked up until the editor resolves it. */
function lookupFix(ctx: Pick<AnalyzerContext, 'settings'>, key: string, title: string, edits: TextEdit[]): Fix[] {
  return networkEnabled(ctx) ? [{ title, edits, safe: false, lookup: key }] : [];
}

function registryName(ref: string): string {
  const host = splitImage(ref)?.host ?? 'the registry';
  return host === 'docker.io' ? 'Docker Hub' : host;
}

/** `image:tag` -> `image:tag@sha256:...` at `end`. */
export function digestFix(ctx: Pick<AnalyzerContext, 'settings'>, ref: string, end: number): Fix[] {
  return lookupFix(ctx, `image:${ref}`, `Pin ${ref} to its current digest (looked up on ${registryName(ref)} when you pick this)`, [{ range: { start: end, end }, newText: `@${LOOKUP_SLOT}` }]);
}

/** `owner/repo@v4` -> `owner/repo@<sha> # v4`, replacing [refStart, refEnd). */
export function actionShaFix(ctx: Pick<AnalyzerContext, 'settings'>, uses: string, refStart: number, refEnd: number): Fix[] {
  const at = uses.lastIndexOf('@');
  const repo = uses.slice(0, at).split('/').slice(0, 2).join('/');
  const ref = uses.slice(at + 1);
  return lookupFix(ctx, `action:${repo}@${ref}`, `Pin to the commit ${ref} points at now (looked up on GitHub when you pick this)`, [{ range: { start: refStart, end: refEnd }, newText: `${LOOKUP_SLOT} # ${ref}` }]);
}

/** `name` -> `name==<latest>` (with hashes at `hashesAt` when given) from PyPI, replacing [start, start + headLength). */
export function pypiFix(ctx: Pick<AnalyzerContext, 'settings'>, name: string, extras: string, start: number, headLength: number, hashesAt?: number): Fix[] {
  const edits: TextEdit[] = [{ range: { start, end: start + headLength }, newText: `${name}${extras}==${LOOKUP_SLOT}` }];
  if (hashesAt !== undefined) edits.push({ range: { start: hashesAt, end: hashesAt }, newText: HASHES_SLOT });
  return lookupFix(ctx, `pypi:${name.toLowerCase()}`, `Pin ${name} to its latest release on PyPI${hashesAt !== undefined ? ', with hashes' : ''} (looked up when you pick this; review before use)`, edits);
}

/** A looked-up value: a digest or commit SHA, or a PyPI release. */
export type LookupValue = string | { version: string; hashes: string[] };

const SHAPES: Record<string, RegExp> = { image: /^sha256:[0-9a-f]{64}$/, action: /^[0-9a-f]{40}$/, hf: /^[0-9a-f]{40}$/ };

/**
 * The edits of a lookup fix with its slots filled, or undefined when the value does not have the
 * shape the key's kind promises (it is written into the user's file, so it is checked again here).
 */
export function fillLookupEdits<E extends { newText: string }>(key: string, edits: readonly E[], value: LookupValue): E[] | undefined {
  const kind = key.slice(0, key.indexOf(':'));
  let text: string;
  let hashes = '';
  if (typeof value === 'string') {
    if (!SHAPES[kind]?.test(value)) return undefined;
    text = value;
  } else {
    if (kind !== 'pypi' || !/^[0-9A-Za-z][0-9A-Za-z.!+_-]{0,63}$/.test(value.version) || !value.hashes.every((h) => /^sha256:[0-9a-f]{64}$/.test(h))) return undefined;
    text = value.version;
    hashes = value.hashes.map((h) => ` \\\n    --hash=${h}`).join('');
  }
  return edits.map((e) => ({ ...e, newText: e.newText.split(LOOKUP_SLOT).join(text).split(HASHES_SLOT).join(hashes) }));
}
