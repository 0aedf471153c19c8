// Renders the generated part of a threat model as Markdown: inventory, Mermaid data flow, threats per asset, summary by risk. Pure.
import { cmp } from './order';
import { lookupId } from '../ids';
import { ASSETS, type AssetTemplate, type ThreatTemplate } from './threats';
import type { GenFinding, Inventory, Place } from './types';

/** Marks the start of the part `mlsec threat-model` rewrites. */
export const GENERATED_START = '<!-- mlsec:generated:start -->';
/** Marks the end of the part `mlsec threat-model` rewrites. */
export const GENERATED_END = '<!-- mlsec:generated:end -->';

/** Risk levels, most urgent first. */
export const RISKS = ['High', 'Medium', 'Low', 'To assess', 'Not present'] as const;
type Risk = (typeof RISKS)[number];

// More than this many findings per threat are summarised, so one noisy rule cannot drown the document.
const MAX_FINDINGS_PER_THREAT = 25;
const SEVERITY_ORDER = { error: 0, warning: 1, note: 2 } as const;

interface ThreatResult {
  id: string;
  asset: AssetTemplate;
  threat: ThreatTemplate;
  present: boolean;
  findings: GenFinding[];
  evidence: string[];
  risk: Risk;
}

function riskOf(present: boolean, findings: readonly GenFinding[]): Risk {
  if (findings.some((f) => f.severity === 'error')) return 'High';
  if (findings.some((f) => f.severity === 'warning')) return 'Medium';
  if (findings.length > 0) return 'Low';
  return present ? 'To assess' : 'Not present';
}

const link = (p: Place) => (p.line ? `[${p.path}:${p.line}](${encodeURI(p.path)}#L${p.line})` : `[${p.path}](${encodeURI(p.path)})`);
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function idText(id: string): string {
  const t = lookupId(id);
  return t ? `${id} ${t.name}` : id;
}

function placeList(title: string, places: readonly Place[], empty: string): string[] {
  if (places.length === 0) return [`- **${title}:** ${empty}`];
  return [`- **${title}:**`, ...places.map((p) => `  - ${link(p)}${p.detail ? ` — ${p.detail}` : ''}`)];
}

function inventorySection(inv: Inventory): string[] {
  const pins = inv.dependencies.map((d) => ({ ...d, detail: `${d.pinned} pinned, ${d.unpinned} floating` }));
  return [
    '## System inventory',
    '',
    ...placeList('Model files', inv.modelFiles, 'none found'),
    ...placeList('Where models and data are deserialised', inv.modelLoads, 'no unsafe loading found'),
    ...placeList('Datasets and data files', inv.datasets, 'none found in the workspace (data may live outside it)'),
    ...placeList('Training entry points', inv.trainingEntryPoints, 'none found'),
    ...placeList('Other entry points', inv.otherEntryPoints, 'none found'),
    ...placeList('Exposed services', inv.services, 'none found'),
    ...placeList('LLM / agent libraries', inv.llm, 'none found'),
    ...placeList('Secrets found', inv.secrets, 'none found by the scan'),
    ...placeList('Dependency manifests', pins, 'none found'),
    '',
  ];
}

const mermaidLabel = (s: string) => `"${s.replace(/"/g, '#quot;')}"`;
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const uniq = (xs: string[]) => [...new Set(xs)].sort();

function dataFlow(inv: Inventory): string[] {
  const label = (title: string, items: string[], none = 'none found') => mermaidLabel(`${title}: ${items.length ? (items.length > 3 ? `${items.slice(0, 3).join(', ')}, +${items.length - 3}` : items.join(', ')) : none}`);
  const pinned = inv.dependencies.reduce((n, d) => n + d.pinned, 0);
  const floating = inv.dependencies.reduce((n, d) => n + d.unpinned, 0);
  return [
    '## Data flow',
    '',
    '```mermaid',
    'flowchart LR',
    `  users([${mermaidLabel('Users and client systems')}])`,
    `  data[(${label('Data', inv.datasets.map((p) => p.path))})]`,
    `  training[[${label('Training', inv.trainingEntryPoints.map((p) => p.path))}]]`,
    `  models[(${label('Models', inv.modelFiles.map((p) => p.path))})]`,
    `  serving[${label('Serving', uniq(inv.services.map((p) => p.detail ?? p.path)))}]`,
    `  llm{{${label('LLM providers', uniq(inv.llm.map((p) => p.detail ?? '')))}}}`,
    `  secrets[/${mermaidLabel(`Secrets: ${count(inv.secrets.length, 'finding')}`)}/]`,
    `  deps[/${mermaidLabel(inv.dependencies.length ? `Dependencies: ${pinned} pinned, ${floating} floating` : 'Dependencies: no manifest found')}/]`,
    '  data --> training',
    '  training --> models',
    '  models --> serving',
    '  users -->|requests| serving',
    '  serving -->|prompts| llm',
    '  secrets -.-> serving',
    '  secrets -.-> training',
    '  deps -.-> training',
    '  deps -.-> serving',
    '```',
    '',
  ];
}

function findingLine(f: GenFinding): string {
  return `  - ${link(f)} \`${f.ruleId}\` (${f.severity}): ${f.title}`;
}

function threatSection(r: ThreatResult): string[] {
  const ids = r.threat.ids;
  const atlas = ids.filter((i) => i.startsWith('AML.'));
  const owasp = ids.filter((i) => /^(ML|LLM|ASI)\d/.test(i));
  const cwe = ids.filter((i) => i.startsWith('CWE-'));
  const shown = r.findings.slice(0, MAX_FINDINGS_PER_THREAT);
  const out = [
    `#### ${r.id}: ${r.threat.title}`,
    '',
    `- **Risk:** ${r.risk}${r.findings.length ? ` (${count(r.findings.length, 'finding')})` : ''}`,
    `- **STRIDE:** ${r.threat.stride.join(', ')}`,
    `- **ATLAS:** ${atlas.map(idText).join(' · ') || '—'}`,
    `- **OWASP:** ${owasp.map(idText).join(' · ') || '—'}`,
    `- **CWE:** ${cwe.map(idText).join(' · ') || '—'}`,
  ];
  if (r.evidence.length) out.push('- **Evidence:**', ...r.evidence.map((e) => `  - ${e}`));
  if (r.findings.length) {
    out.push('- **Findings:**', ...shown.map(findingLine));
    if (r.findings.length > shown.length) out.push(`  - … and ${r.findings.length - shown.length} more (run \`mlsec scan\`)`);
  } else {
    out.push(`- **Findings:** ${r.present ? 'none from the scan; review by hand' : 'asset not found in this workspace'}`);
  }
  out.push('- **Mitigations:**', ...r.threat.mitigations.map((m) => `  - ${m}`), '');
  return out;
}

function results(inv: Inventory, findings: readonly GenFinding[]): ThreatResult[] {
  const relevant = findings.filter((f) => !f.ruleId.startsWith('threatmodel-'));
  const out: ThreatResult[] = [];
  for (const asset of ASSETS) {
    const present = asset.present(inv);
    asset.threats.forEach((threat, i) => {
      const linked = relevant
        .filter((f) => threat.categories.includes(f.category) || threat.alsoLinks?.(f, inv) === true)
        .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || cmp(a.path, b.path) || a.line - b.line || cmp(a.ruleId, b.ruleId));
      const evidence = threat.evidence?.(inv) ?? { lines: [], raises: false };
      let risk = riskOf(present || linked.length > 0, linked);
      if (risk === 'To assess' && evidence.raises) risk = 'Medium';
      out.push({ id: `TM-${asset.key.toUpperCase()}-${i + 1}`, asset, threat, present: present || linked.length > 0, findings: linked, evidence: evidence.lines, risk });
    });
  }
  return out;
}

function summary(rs: readonly ThreatResult[]): string[] {
  const sorted = [...rs].sort((a, b) => RISKS.indexOf(a.risk) - RISKS.indexOf(b.risk) || ASSETS.indexOf(a.asset) - ASSETS.indexOf(b.asset) || cmp(a.id, b.id));
  return [
    '## Summary by risk',
    '',
    '| Risk | Threat | Asset | Findings | STRIDE |',
    '|---|---|---|---|---|',
    ...sorted.map((r) => `| ${r.risk} | ${r.id}: ${cell(r.threat.title)} | ${r.asset.title} | ${r.findings.length} | ${r.threat.stride.join(', ')} |`),
    '',
    'Risk is derived from the linked findings (an error makes it High, a warning Medium, notes Low;',
    'floating dependency versions make the supply-chain threat Medium);',
    '"To assess" means the asset exists but the scan cannot judge the threat: decide it by hand below.',
    '',
  ];
}

/** The generated part, markers included. Same inputs → same text (everything sorted, no timestamps). */
export function renderGenerated(inv: Inventory, findings: readonly GenFinding[]): string {
  const rs = results(inv, findings);
  const lines = [
    GENERATED_START,
    `_Generated by mlsec from a scan of the workspace (${count(findings.length, 'finding')}). Regenerate with \`mlsec threat-model\` or "MLSec: Generate Threat Model"; text between the mlsec:generated markers is replaced, everything else is kept._`,
    '',
    ...inventorySection(inv),
    ...dataFlow(inv),
    '## Threats by asset',
    '',
  ];
  for (const asset of ASSETS) {
    const mine = rs.filter((r) => r.asset === asset);
    lines.push(`### ${asset.title}${mine.some((r) => r.present) ? '' : ' (not found in this workspace)'}`, '');
    for (const r of mine) lines.push(...threatSection(r));
  }
  lines.push(...summary(rs), GENERATED_END);
  return `${lines.join('\n')}\n`;
}

/** A whole new document: title, generated part, and a section that is the user's to edit. */
export function renderDocument(name: string, generated: string): string {
  return [
    `# Threat model: ${name}`,
    '',
    generated.trimEnd(),
    '',
    '## Decisions and accepted risks',
    '',
    'This section is yours: record owners, decisions, accepted risks and mitigations in progress.',
    'Regeneration keeps everything outside the generated markers.',
    '',
  ].join('\n');
}

/**
 * Puts a freshly generated part into an existing document: the text between the markers is
 * replaced, everything else is kept byte for byte. Without markers (or with broken ones) the
 * generated part is appended, so nothing the user wrote is ever lost.
 */
export function mergeGenerated(existing: string, generated: string): string {
  const start = existing.indexOf(GENERATED_START);
  const end = existing.indexOf(GENERATED_END, start + GENERATED_START.length);
  const block = generated.trimEnd();
  if (start >= 0 && end > start) return existing.slice(0, start) + block + existing.slice(end + GENERATED_END.length);
  return `${existing.trimEnd()}\n\n${block}\n`;
}
