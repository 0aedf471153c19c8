// Pinning fixes from the workspace's lock files: `numpy>=1` -> `numpy==1.26.4` (plus `--hash` lines where pip's hash mode is on).
import type { Fix, TextEdit } from '../../engine/finding';
import type { ProjectFacts } from '../../engine/project-facts';
import { lockedPackages } from './locks';
import { normaliseName } from './pins';

/** The spec's `name[extras]` and where the version part ends (before markers), or undefined when it is not a plain name. */
export function specHead(spec: string): { name: string; extras: string; length: number } | undefined {
  const head = spec.split(';')[0].trimEnd();
  const m = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?/.exec(head);
  if (!m || /^\s*@/.test(head.slice(m[0].length))) return undefined;
  return { name: m[1], extras: m[2] ?? '', length: head.length };
}

/**
 * A fix pinning the spec at `start` to the locked version. `hashesAt` (an offset at the end of the
 * requirement's line) adds the lock's hashes as continuation lines: only pass it where pip's hash mode is already on,
 * since one hashed line turns hash mode on for the whole file.
 */
export function pinFromLock(spec: string, start: number, facts: ProjectFacts, hashesAt?: number): Fix[] {
  const head = specHead(spec);
  if (!head) return [];
  const locked = lockedPackages(facts).get(normaliseName(head.name));
  if (!locked) return [];
  const edits: TextEdit[] = [{ range: { start, end: start + head.length }, newText: `${head.name}${head.extras}==${locked.version}` }];
  const withHashes = hashesAt !== undefined && locked.hashes.length > 0;
  if (withHashes) edits.push({ range: { start: hashesAt, end: hashesAt }, newText: locked.hashes.map((h) => ` \\\n    --hash=${h}`).join('') });
  const from = locked.source.replace(/^.*[\\/]/, '');
  return [{ title: `Pin ${head.name} to ${locked.version}${withHashes ? ' with hashes' : ''} (from ${from})`, edits, safe: true }];
}
