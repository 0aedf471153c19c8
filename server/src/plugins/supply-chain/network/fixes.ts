// Pinning fixes from online lookups (only with mlsec.network.enabled): digests, Action SHAs, PyPI versions; lookups start on first sight.
import type { Fix } from '../../../engine/finding';
import type { AnalyzerContext } from '../../../engine/plugin';
import { pinResolver, type PypiPin } from './pin-resolver';

/** True when the user opted in to online lookups. */
export function networkEnabled(ctx: Pick<AnalyzerContext, 'settings'>): boolean {
  return ctx.settings.network?.enabled === true;
}

/** The cached value for `key`, starting the lookup when it is not cached yet (the server re-analyses when it lands). */
function lookup(ctx: Pick<AnalyzerContext, 'settings'>, key: string): ReturnType<typeof pinResolver.peek> {
  if (!networkEnabled(ctx)) return undefined;
  const v = pinResolver.peek(key);
  if (v === undefined) void pinResolver.request(key);
  return v;
}

/** `image:tag` -> `image:tag@sha256:...` at `end`, when the registry answered. */
export function digestFix(ctx: Pick<AnalyzerContext, 'settings'>, ref: string, end: number): Fix[] {
  const v = lookup(ctx, `image:${ref}`);
  return typeof v === 'string' ? [{ title: `Pin ${ref} to its current digest ${v.slice(0, 19)}… (looked up from the registry)`, edits: [{ range: { start: end, end }, newText: `@${v}` }], safe: false }] : [];
}

/** `owner/repo@v4` -> `owner/repo@<sha> # v4`, replacing [refStart, refEnd). */
export function actionShaFix(ctx: Pick<AnalyzerContext, 'settings'>, uses: string, refStart: number, refEnd: number): Fix[] {
  const at = uses.lastIndexOf('@');
  const repo = uses.slice(0, at).split('/').slice(0, 2).join('/');
  const ref = uses.slice(at + 1);
  const v = lookup(ctx, `action:${repo}@${ref}`);
  return typeof v === 'string' ? [{ title: `Pin to commit ${v.slice(0, 12)} (${ref}, looked up on GitHub)`, edits: [{ range: { start: refStart, end: refEnd }, newText: `${v} # ${ref}` }], safe: false }] : [];
}

/** `name` -> `name==<latest>` (with hashes at `hashesAt` when given) from PyPI, replacing [start, start + headLength). */
export function pypiFix(ctx: Pick<AnalyzerContext, 'settings'>, name: string, extras: string, start: number, headLength: number, hashesAt?: number): Fix[] {
  const v = lookup(ctx, `pypi:${name.toLowerCase()}`) as PypiPin | undefined;
  if (!v || typeof v !== 'object') return [];
  const edits = [{ range: { start, end: start + headLength }, newText: `${name}${extras}==${v.version}` }];
  if (hashesAt !== undefined && v.hashes.length) edits.push({ range: { start: hashesAt, end: hashesAt }, newText: v.hashes.map((h) => ` \\\n    --hash=${h}`).join('') });
  return [{ title: `Pin ${name} to ${v.version}, the latest release on PyPI${hashesAt !== undefined && v.hashes.length ? ', with hashes' : ''} (review before use)`, edits, safe: false }];
}
