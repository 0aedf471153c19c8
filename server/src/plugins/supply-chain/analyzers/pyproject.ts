// pyproject.toml and Pipfile: VCS/URL dependencies on moving refs, and (once) no lock file for an application-like project.
import type { Problem } from '../../../engine/finding';
import type { AnalyzerContext, RawFinding, TextAnalyzer } from '../../../engine/plugin';
import type { SourceFile } from '../../../engine/source-file';
import { hasLockFile } from '../locks';
import { parseTomlEntries, stringElements, type TomlEntry } from '../parse/toml';
import { classifyPip, isCommitSha } from '../pins';
import { REQUIREMENT_RULES } from './requirements';

/** Rule id for the project-level "no lock file" finding. */
export const NO_LOCK_RULE = 'no-dependency-lock-file';

const isDepArray = (p: string[]) =>
  (p.length === 2 && p[0] === 'project' && p[1] === 'dependencies') ||
  (p.length === 3 && p[0] === 'project' && p[1] === 'optional-dependencies') ||
  (p.length === 2 && p[0] === 'dependency-groups');
// Poetry / Pipfile dependency tables: tool.poetry.dependencies.X, tool.poetry.group.G.dependencies.X, packages.X, dev-packages.X.
const depTableKey = (p: string[]): string | undefined => {
  if (p[0] === 'tool' && p[1] === 'poetry' && p[2] === 'dependencies' && p.length === 4) return p[3];
  if (p[0] === 'tool' && p[1] === 'poetry' && p[2] === 'group' && p[4] === 'dependencies' && p.length === 6) return p[5];
  if ((p[0] === 'packages' || p[0] === 'dev-packages') && p.length === 2) return p[1];
  if (p[0] === 'tool' && p[1] === 'uv' && p[2] === 'sources' && p.length === 4) return p[3];
  return undefined;
};

function vcsFindings(entries: TomlEntry[], out: RawFinding[]): void {
  for (const e of entries) {
    if (isDepArray(e.path)) {
      for (const s of stringElements(e.value)) {
        const v = classifyPip(s.value, false);
        // Ranges in metadata are normal; a VCS/URL dependency on a moving ref is not.
        if (v.level === 'unpinned' && /VCS|URL/.test(v.why ?? '')) out.push({ ruleId: REQUIREMENT_RULES.unpinned, range: { start: s.start, end: s.end }, message: `\`${v.name ?? s.value}\`: ${v.why}.` });
      }
      continue;
    }
    const name = depTableKey(e.path);
    if (!name || e.value.type !== 'TOMLInlineTable') continue;
    const field = (k: string) => entries.find((x) => x.path.length === e.path.length + 1 && x.path[e.path.length] === k && x.path.slice(0, -1).join('\0') === e.path.join('\0'));
    const git = field('git');
    if (!git) continue;
    const rev = field('rev') ?? field('ref');
    const revValue = typeof rev?.value.value === 'string' ? rev.value.value : undefined;
    if (revValue && isCommitSha(revValue)) continue;
    const moving = field('branch') ?? field('tag') ?? rev;
    const ref = typeof moving?.value.value === 'string' ? moving.value.value : undefined;
    out.push({ ruleId: REQUIREMENT_RULES.unpinned, range: { start: e.range[0], end: e.range[1] }, message: `\`${name}\` comes from git ${ref ? `at \`${ref}\`, a branch or tag that can move` : 'without a ref (the default branch)'}: pin \`rev\` to a full 40-character commit SHA.` });
  }
}

/** Application-like: entry-point scripts, no build system (not a publishable library), or Poetry `package-mode = false`. */
function applicationLike(entries: TomlEntry[], tables: TomlEntry[]): boolean {
  const has = (p: string) => tables.some((t) => t.path.join('.') === p) || entries.some((e) => e.path.join('.') === p);
  const poetryNoPackage = entries.some((e) => e.path.join('.') === 'tool.poetry.package-mode' && e.value.value === false);
  return has('project.scripts') || has('tool.poetry.scripts') || poetryNoPackage || !has('build-system');
}

function analyze(file: SourceFile, ctx: AnalyzerContext, pipfile: boolean) {
  const { entries, tables, error } = parseTomlEntries(file.text);
  const problems: Problem[] = error ? [{ kind: 'parse-error', message: `${pipfile ? 'Pipfile' : 'pyproject.toml'}: ${error.message}`, range: { start: error.offset, end: error.offset } }] : [];
  const findings: RawFinding[] = [];
  if (ctx.enabled(REQUIREMENT_RULES.unpinned)) vcsFindings(entries, findings);
  if (ctx.enabled(NO_LOCK_RULE) && !hasLockFile(ctx.facts) && (pipfile || applicationLike(entries, tables))) {
    const deps = pipfile ? tables.find((t) => t.path.join('.') === 'packages') : entries.find((e) => e.path.join('.') === 'project.dependencies') ?? tables.find((t) => t.path.join('.') === 'tool.poetry.dependencies');
    const loose = pipfile ? deps !== undefined : entries.some((e) => isDepArray(e.path) && stringElements(e.value).some((s) => classifyPip(s.value, false).level === 'unpinned')) || deps?.value.type === 'TOMLTable';
    if (deps && loose) {
      const end = Math.min(deps.range[1], file.text.indexOf('\n', deps.range[0]) < 0 ? deps.range[1] : file.text.indexOf('\n', deps.range[0]));
      findings.push({ ruleId: NO_LOCK_RULE, range: { start: deps.range[0], end }, message: `This project installs from version ranges but the workspace has no lock file (${pipfile ? 'Pipfile.lock' : 'uv.lock, poetry.lock, pylock.toml or hashed requirements'}): builds resolve whatever is newest, unverified. Commit a lock with hashes (\`${pipfile ? 'pipenv lock' : 'uv lock'}\`).` });
    }
  }
  return { findings, problems };
}

/** pyproject.toml and Pipfile analysers. */
export const pyprojectAnalyzers: TextAnalyzer[] = [
  { name: 'supply-chain/pyproject', targets: ['pyproject'], analyze: (file, ctx) => analyze(file, ctx, false) },
  { name: 'supply-chain/pipfile', targets: ['pipfile'], analyze: (file, ctx) => analyze(file, ctx, true) },
];
