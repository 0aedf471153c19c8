// Writes docs/rules/<id>.md and docs/rules/README.md from the rule cards; `--check` fails if they are stale.
import { readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

function cards() {
  const out = [];
  const walk = (d) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(n)) out.push(parse(readFileSync(p, 'utf8')));
    }
  };
  walk(join(root, 'rules'));
  return out.sort((a, b) => (a.category + a.id).localeCompare(b.category + b.id));
}

/** The Markdown page for one card. */
export function renderCard(c) {
  const lines = [
    `# ${c.id}`,
    '',
    `**${c.title}**`,
    '',
    '| | |',
    '|---|---|',
    `| Category | \`${c.category}\` |`,
    `| Applies to | ${c.target === 'python' ? 'Python files and notebook code cells' : 'model files on disk (read as bytes, never loaded)'} |`,
    `| Default severity | ${c.severity} (security-severity ${c['security-severity']}) |`,
    `| Precision | ${c.precision} |`,
    `| CWE | ${c.cwe.map((id) => `[${id}](https://cwe.mitre.org/data/definitions/${id.slice(4)}.html)`).join(', ')} |`,
    `| OWASP | ${c.owasp.join(', ')} |`,
    `| MITRE ATLAS | ${c.atlas.map((id) => `[${id}](https://atlas.mitre.org/${id.startsWith('AML.M') ? 'mitigations' : 'techniques'}/${id})`).join(', ')} |`,
    `| Quick fix | ${c.fix ? c.fix.title : c.target === 'python' ? 'see the rule (code rule) — always: ignore on this line, show documentation' : 'none (a file is not edited); ignore with a config entry'} |`,
    '',
    c.help.trim(),
    '',
    '## Suppress',
    c.target === 'python' ? `\`# mlsec: ignore[${c.id}] <reason>\` on the line or the line above; or set \`"mlsec.rules": { "${c.id}": "off" }\`.` : `Set \`"mlsec.rules": { "${c.id}": "off" }\` (or \`rules: { ${c.id}: off }\` in \`mlsec.yaml\`), or exclude the file.`,
    '',
    '## References',
    ...c.references.map((r) => `- <${r}>`),
    '',
  ];
  return lines.join('\n');
}

function renderIndex(all) {
  const rows = all.map((c) => `| [${c.id}](${c.id}.md) | ${c.category} | ${c.target} | ${c.severity} | ${c.title.replace(/\|/g, '\\|')} |`);
  return ['# mlsec rules', '', 'Generated from `rules/**/*.yaml` by `node scripts/gen-rule-docs.mjs`; do not edit by hand.', '', '| Rule | Category | Target | Severity | Title |', '|---|---|---|---|---|', ...rows, ''].join('\n');
}

const all = cards();
const outDir = join(root, 'docs/rules');
mkdirSync(outDir, { recursive: true });
const files = new Map(all.map((c) => [join(outDir, `${c.id}.md`), renderCard(c)]));
files.set(join(outDir, 'README.md'), renderIndex(all));
let stale = 0;
for (const [file, text] of files) {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (current === text) continue;
  stale++;
  if (check) console.error(`stale: ${file.slice(root.length + 1)}`);
  else writeFileSync(file, text);
}
if (check && stale) {
  console.error('rule docs are stale: run node scripts/gen-rule-docs.mjs');
  process.exit(1);
}
if (!check) console.log(`wrote ${stale} of ${files.size} rule doc pages`);
