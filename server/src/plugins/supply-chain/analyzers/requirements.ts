// Requirements / constraints files: unpinned or hash-less requirements, extra indexes, plain-http indexes and trusted hosts.
import type { Problem } from '../../../engine/finding';
import type { RawFinding, TextAnalyzer } from '../../../engine/plugin';
import { pinFromLock, specHead } from '../fix-pin';
import { pypiFix } from '../network/fixes';
import { parseRequirements } from '../parse/requirements';
import { classifyPip } from '../pins';
import { hasLockFile } from '../locks';
import { fileDowngrade, groupedFindings, type LooseEntry } from './requirement-groups';

/** Rule ids this analyser reports. */
export const REQUIREMENT_RULES = { unpinned: 'unpinned-requirement', extraIndex: 'pip-extra-index-url', insecureIndex: 'pip-insecure-index' } as const;

export { unpinnedMessage } from './requirement-groups';

// `-r` files are requirements like the includer; `-c` files only cap versions.
const INCLUDE_OPTS = new Map<string, string | undefined>([['-r', undefined], ['--requirement', undefined], ['-c', 'constraints'], ['--constraint', 'constraints']]);

/** The requirements analyser. */
export const requirementsAnalyzer: TextAnalyzer = {
  name: 'supply-chain/requirements',
  targets: ['requirements'],
  analyze(file, ctx) {
    const parsed = parseRequirements(file.text);
    const findings: RawFinding[] = [];
    const problems: Problem[] = parsed.errors.map((e) => ({ kind: 'parse-error', message: `requirements: ${e.message}`, range: { start: e.start, end: e.end } }));
    const isConstraints = file.variant === 'constraints' || /(^|[\\/])constraints[^\\/]*$/i.test(file.path);
    // pip-tools inputs (`requirements.in`) are meant to hold ranges when a compiled, hashed lock exists.
    const compiledInput = /\.in$/i.test(file.path) && hasLockFile(ctx.facts);
    const loose: LooseEntry[] = [];
    for (const e of parsed.entries) {
      if (e.kind === 'option') {
        const value = e.value ?? '';
        const range = { start: e.start, end: e.end };
        if (e.name === '--extra-index-url' && ctx.enabled(REQUIREMENT_RULES.extraIndex)) {
          findings.push({ ruleId: REQUIREMENT_RULES.extraIndex, range, message: `\`--extra-index-url ${value}\`: pip picks the highest version across all indexes, so anyone who publishes a same-named package on PyPI can replace your internal one (dependency confusion). Use a single \`--index-url\` that proxies PyPI, or pin with \`--hash\`.` });
        }
        if (['-i', '--index-url', '--extra-index-url', '-f', '--find-links'].includes(e.name) && /^http:\/\//i.test(value) && ctx.enabled(REQUIREMENT_RULES.insecureIndex)) {
          findings.push({ ruleId: REQUIREMENT_RULES.insecureIndex, range, message: `\`${e.name} ${value}\` fetches packages over plain HTTP: anyone on the network path can swap them. Use https.` });
        }
        if (e.name === '--trusted-host' && ctx.enabled(REQUIREMENT_RULES.insecureIndex)) {
          findings.push({ ruleId: REQUIREMENT_RULES.insecureIndex, range, message: `\`--trusted-host ${value}\` turns off TLS verification for that host: packages from it can be swapped in transit. Fix the host's certificate instead.` });
        }
        continue;
      }
      if (!ctx.enabled(REQUIREMENT_RULES.unpinned)) continue;
      const range = { start: e.start, end: e.end };
      const v = classifyPip(e.spec, e.hashes.length > 0);
      if (v.level === 'skip' || v.level === 'pinned') continue;
      // Constraints files only cap versions; a range there is its purpose, but an exact pin without hash is still only a note.
      if ((isConstraints || compiledInput) && !/VCS|URL/.test(v.why ?? '')) continue;
      const hashesAt = parsed.hashMode && e.hashes.length === 0 ? e.lineEnd : undefined;
      let fixes = pinFromLock(e.spec, e.start, ctx.facts, hashesAt);
      // No lock entry: with mlsec.network.enabled, offer the latest PyPI release (never a guess offline).
      const head = fixes.length === 0 && v.level === 'unpinned' ? specHead(e.spec) : undefined;
      if (head) fixes = pypiFix(ctx, head.name, head.extras, e.start, head.length, hashesAt);
      if (parsed.hashMode && e.hashes.length === 0 && !e.editable) {
        findings.push({ ruleId: REQUIREMENT_RULES.unpinned, range, severity: 'warning', fixes, message: `\`${v.name ?? e.spec}\` has no \`--hash\` but other lines do: pip's hash-checking mode is all-or-nothing, so this install fails (or, with the hashes removed, nothing is verified). Add its hashes${v.level === 'unpinned' ? ' and pin it with `==`' : ''}.` });
        continue;
      }
      if (v.level === 'unpinned') loose.push({ range, spec: e.spec, name: v.name, level: 'unpinned', why: v.why, fixes });
      else if (v.level === 'exact') loose.push({ range, spec: e.spec, name: v.name, level: 'exact', why: v.why, fixes: fixes.filter((f) => f.edits.length > 1) });
    }
    // One finding per file and kind, listing the packages (a 30-line file is one decision: lock it), not one per line.
    findings.push(...groupedFindings(REQUIREMENT_RULES.unpinned, loose, '', fileDowngrade(file.path)));
    return { findings, problems };
  },
  includes(file) {
    return parseRequirements(file.text).entries.flatMap((e) =>
      e.kind === 'option' && e.value && INCLUDE_OPTS.has(e.name) ? [{ path: e.value, variant: INCLUDE_OPTS.get(e.name) }] : []);
  },
};
