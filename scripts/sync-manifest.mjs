// Rewrites package.json's contributes.configuration from the rule cards (rules/**/*.yaml): one mlsec.rules entry per rule; and the untrusted-workspace restrictions.
// Only that section is touched (read/modify/write as JSON), so concurrent edits to scripts or dependencies survive.
// Usage: node scripts/sync-manifest.mjs [--check]   (--check exits 1 if package.json is out of date)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const LEVELS = ['error', 'warning', 'note', 'off'];

function cards(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...cards(p));
    else if (/\.ya?ml$/.test(e.name)) out.push(parse(readFileSync(p, 'utf8')));
  }
  return out;
}

const ruleProps = {};
for (const c of cards(join(root, 'rules')).sort((a, b) => a.id.localeCompare(b.id))) {
  ruleProps[c.id] = {
    type: 'string',
    enum: LEVELS,
    enumDescriptions: ['Report as an error', 'Report as a warning', 'Report as information', 'Do not run this rule'],
    default: c.severity,
    markdownDescription: `${c.title} (${c.category}). [Documentation](https://github.com/mlsec-dev/mlsec/blob/main/docs/rules/${c.id}.md)`,
  };
}

const configuration = {
  title: 'MLSec',
  properties: {
    'mlsec.enable': { type: 'boolean', default: true, description: 'Analyse Python files, notebooks and model files for ML security problems.' },
    'mlsec.rules': {
      type: 'object',
      default: {},
      markdownDescription: 'Per-rule level: `error`, `warning`, `note` or `off`. Rules not listed keep their default level. In an untrusted workspace only user settings apply.',
      properties: ruleProps,
      additionalProperties: { type: 'string', enum: LEVELS },
      scope: 'resource',
    },
    // Per-category switches: folded into mlsec.rules by applyCategorySwitches() (server/src/shared/settings.ts).
    'mlsec.categories': {
      type: 'object',
      default: {},
      markdownDescription: 'Turn whole categories off: `{ "privacy": false }`. A rule listed in `#mlsec.rules#` keeps its level. Unlisted categories are on.',
      properties: Object.fromEntries(['deserialization', 'secrets', 'supply-chain', 'privacy', 'insecure-config', 'code-execution'].map((c) => [c, { type: 'boolean', default: true, description: `Report ${c} findings.` }])),
      additionalProperties: false,
      scope: 'resource',
    },
    'mlsec.backgroundScan': { type: 'boolean', default: true, scope: 'resource', markdownDescription: 'Scan the workspace once in the background after start (skipped above 5,000 files) and keep model files, Dockerfiles, dependency and IaC files current as they change on disk, so findings in files nobody opened show up. **MLSec: Scan Workspace** works either way.' },
    'mlsec.include': { type: 'array', items: { type: 'string' }, default: [], markdownDescription: 'Glob patterns (relative to the workspace folder) that **MLSec: Scan Workspace** includes. Empty: every supported file.', scope: 'resource' },
    'mlsec.exclude': { type: 'array', items: { type: 'string' }, default: [], markdownDescription: 'Glob patterns a workspace scan skips, in addition to `.gitignore`, `node_modules`, `.git` and virtual environments.', scope: 'resource' },
    'mlsec.maxFileSizeMB': { type: 'number', default: 5, minimum: 0.1, description: 'Source files larger than this (MB) are skipped by workspace scans. Model files are streamed and have their own limit.' },
    // Privacy (PII) settings: parsed by parseSettings() in server/src/shared/settings.ts (`privacy` sub-object).
    'mlsec.privacy.entities': { type: 'object', default: {}, markdownDescription: 'Personal-data types to report: entity type -> `false` turns it off (`email`, `phone`, `credit-card`, `iban`, `us-ssn`, `us-itin`, `uk-nhs`, `uk-nino`, `aadhaar`, `ca-sin`, `ip-address`, `mac-address`, `date-of-birth`, `street-address`, `person-name`). Unlisted types are on.', additionalProperties: { type: 'boolean' }, scope: 'resource' },
    'mlsec.privacy.minConfidence': { type: 'number', default: 0.5, minimum: 0, maximum: 1, markdownDescription: 'Personal data recognised with a lower confidence (0-1) is not reported. Context words (`ssn`, `phone`, a column name) raise the confidence.', scope: 'resource' },
    'mlsec.privacy.dataFileBudgetMB': { type: 'number', default: 1, minimum: 0.01, markdownDescription: 'How much of each data file (CSV/TSV/JSON Lines) is sampled for personal data, from its start (MB). The rest is skipped and reported as such.', scope: 'resource' },
    'mlsec.privacy.allowlist': { type: 'array', items: { type: 'string' }, default: [], markdownDescription: 'Values never reported as personal data, or email domains written as `@example-corp.com`. In an untrusted workspace only your user-level privacy settings apply.', scope: 'resource' },
    // Supply chain: parsed by parseSettings() (`network` sub-object). Application scope: a workspace cannot turn lookups on.
    'mlsec.network.enabled': { type: 'boolean', default: false, markdownDescription: 'Opt-in: pinning quick fixes may look up current values online (image digests from container registries, Action commit SHAs from GitHub, PyPI releases with hashes, Hub commits). The lookup happens only when you pick such a fix, never while files are analysed; only https, only known public registries plus `mlsec.network.allowedHosts`, never a loopback, private or link-local address. Off: fixes use the workspace lock files, or insert a clearly marked placeholder.', scope: 'application' },
    'mlsec.network.allowedHosts': { type: 'array', items: { type: 'string' }, default: [], markdownDescription: 'Extra registry hosts the lookups of `mlsec.network.enabled` may use (`registry.example.com`, `registry.example.com:5000`, `*.example.com`), besides Docker Hub, ghcr.io, quay.io, gcr.io, `*.pkg.dev`, mcr.microsoft.com, nvcr.io, public.ecr.aws, PyPI, the GitHub API and Hugging Face. User settings only; names resolving to internal addresses are still refused.', scope: 'application' },
    // Supply chain: pinning fixes may use versions installed in this environment (read from its dist-info folders, never run).
    'mlsec.pythonPath': { type: 'string', default: '', scope: 'machine-overridable', markdownDescription: 'Python interpreter (or environment folder) whose installed package versions the "pin" quick fixes may use when no lock file pins a package. mlsec reads the environment\'s `*.dist-info` folder names; it never runs the interpreter. Ignored in untrusted workspaces.' },
    // Written to package.json by hand in f501b94; kept here so regenerating the manifest does not drop it.
    'mlsec.baseline': { type: 'string', default: '', scope: 'resource', markdownDescription: 'Baseline file written by `mlsec scan --write-baseline FILE` (absolute, or relative to the workspace folder). Findings it accepts are not shown, so only new ones appear. Read only in trusted workspaces.' },
  },
};

const file = join(root, 'package.json');
const text = readFileSync(file, 'utf8');
const pkg = JSON.parse(text);
pkg.contributes ??= {};
pkg.contributes.configuration = configuration;
// In an untrusted workspace VS Code ignores workspace values of these (the client and server check too):
// every setting a workspace could set. Application-scoped ones (network.*) have no workspace value at all.
pkg.capabilities ??= {};
pkg.capabilities.untrustedWorkspaces = {
  supported: 'limited',
  description: 'In untrusted workspaces MLSec still analyses open files and never executes or loads anything from the workspace. Only your user-level mlsec settings apply: workspace values cannot silence findings, choose a baseline or a Python environment, and no baseline file is read until you trust the workspace.',
  restrictedConfigurations: Object.entries(configuration.properties).filter(([, p]) => p.scope !== 'application').map(([k]) => k),
};
const out = `${JSON.stringify(pkg, null, 2)}\n`;
if (process.argv.includes('--check')) {
  if (out !== text) {
    console.error('package.json contributes.configuration or capabilities.untrustedWorkspaces is out of date: run node scripts/sync-manifest.mjs');
    process.exit(1);
  }
} else if (out !== text) {
  writeFileSync(file, out);
  console.log(`package.json: ${Object.keys(ruleProps).length} rules in mlsec.rules`);
}
