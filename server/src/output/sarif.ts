// SARIF 2.1.0 writer: rules from the catalogue, results with regions, fixes and fingerprints, problems as notifications.
import * as path from 'path';
import { pathToFileURL } from 'url';
import type * as Sarif from 'sarif';
import type { FileAnalysis } from '../engine/analyze';
import type { Finding, OffsetRange, Problem, Severity } from '../engine/finding';
import type { RuleCard } from '../engine/rule';
import { printableFixes, type Redactor } from './redaction';
import { scanRedactor, secretSpansOnLine } from './secret-spans';
import { lineFingerprint, FINGERPRINT_KEY, numberFingerprints } from './fingerprint';
import { fileRegion, locate, type Region } from './locate';
import { relPath, reportedFindings, type ScanProblem, type ScanReport, sortedAnalyses } from './report';
import { mlsecVersion } from './version';

/** Where rule documentation lives; `<id>.md` is appended. */
export const DOCS_BASE_URL = 'https://github.com/mlsec-dev/mlsec/blob/main/docs/rules/';
const INFORMATION_URI = 'https://github.com/mlsec-dev/mlsec';
const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

/** Options beyond the report itself. */
export interface SarifOptions {
  /** Defaults to the version in mlsec's package.json. */
  toolVersion?: string;
  /** Overrides `invocations[0].executionSuccessful` (default: true unless a rule failed). */
  executionSuccessful?: boolean;
}

const levelOf = (s: Severity): Sarif.ReportingConfiguration.level => s;

/** `unsafe-torch-load` -> `UnsafeTorchLoad`, SARIF's friendly rule name. */
function ruleName(id: string): string {
  return id.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

/** One catalogue card as a SARIF reportingDescriptor. */
export function ruleDescriptor(card: RuleCard, level?: string): Sarif.ReportingDescriptor {
  const helpUri = `${DOCS_BASE_URL}${card.id}.md`;
  const refs = card.references.map((r) => `- ${r}`).join('\n');
  const markdown = `${card.help.trim()}\n\n## References\n${refs}\n- [${card.id} documentation](${helpUri})\n`;
  return {
    id: card.id,
    name: ruleName(card.id),
    shortDescription: { text: card.title },
    fullDescription: { text: card.message },
    help: { text: `${card.help.trim()}\n\nReferences:\n${refs}\n`, markdown },
    helpUri,
    defaultConfiguration: { level: levelOf(level === 'error' || level === 'warning' || level === 'note' ? level : card.severity) },
    properties: {
      category: card.category,
      tags: [
        card.category,
        'security',
        ...card.cwe.map((c) => `external/cwe/cwe-${c.replace(/^CWE-/i, '')}`),
        ...card.owasp.map((o) => `external/owasp/${o}`),
        ...card.atlas.map((a) => `external/atlas/${a}`),
      ],
      'security-severity': card.securitySeverity.toFixed(1),
      precision: card.precision,
    },
  };
}

/** The artifactLocation of a path: relative to %SRCROOT% when inside the root, else an absolute file URI. */
function artifactLocation(root: string, p: string): Sarif.ArtifactLocation {
  const rel = relPath(root, p);
  if (rel.startsWith('/') || /^[A-Za-z]:/.test(rel)) return { uri: pathToFileURL(rel).href };
  return { uri: rel.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function sarifRegion(r: Region): Sarif.Region {
  return { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn };
}

function fixesOf(a: FileAnalysis, f: Finding, loc: Sarif.ArtifactLocation, redact: Redactor): Sarif.Fix[] | undefined {
  // Lookup fixes hold unfilled slots until the editor completes them: not a fix a report can carry.
  const fixes = printableFixes(redact, f.fixes).filter((x) => x.edits.length > 0 && !x.lookup);
  if (fixes.length === 0 || a.file.target === 'model') return undefined;
  return fixes.map((fix) => ({
    description: { text: redact.text(fix.title) },
    artifactChanges: [{
      artifactLocation: loc,
      replacements: fix.edits.map((e) => ({ deletedRegion: sarifRegion(fileRegion(a, e.range)), insertedContent: { text: e.newText } })),
    }],
  }));
}

const NOTIFICATION_LEVEL: Record<Problem['kind'], Sarif.Notification.level> = {
  'rule-error': 'error',
  'parse-error': 'warning',
  'config-error': 'warning',
  skipped: 'note',
  'unused-suppression': 'note',
};

function notification(root: string, kind: Problem['kind'], message: string, p?: string, region?: Region, rule?: { id: string; index?: number }): Sarif.Notification {
  const n: Sarif.Notification = { level: NOTIFICATION_LEVEL[kind], message: { text: message }, descriptor: { id: kind } };
  if (p) {
    const physicalLocation: Sarif.PhysicalLocation = { artifactLocation: artifactLocation(root, p) };
    if (region) physicalLocation.region = sarifRegion(region);
    n.locations = [{ physicalLocation }];
  }
  if (rule) n.associatedRule = rule.index === undefined ? { id: rule.id } : { id: rule.id, index: rule.index };
  return n;
}

/**
 * Builds a SARIF 2.1.0 log for one scan. Pure: reads nothing but its inputs (and mlsec's version
 * when not given), so the CLI and the language server's "Export SARIF" share it. Source text is
 * never embedded; fingerprints hash the line with any secret span blanked.
 */
export function buildSarif(report: ScanReport, options: SarifOptions = {}): Sarif.Log {
  const levels = report.ruleLevels ?? {};
  const cards = report.registry.cards.filter((c) => levels[c.id] !== 'off');
  const ruleIndex = new Map(cards.map((c, i) => [c.id, i]));
  const rules = cards.map((c) => ruleDescriptor(c, levels[c.id]));

  const results: Sarif.Result[] = [];
  const byFile = new Map<string, { result: Sarif.Result; hash: string }[]>();
  for (const { analysis, finding, path: rel } of reportedFindings(report)) {
    const artifact = artifactLocation(report.root, analysis.file.path);
    const loc = locate(analysis, finding.range, finding.cell);
    const isModel = analysis.file.target === 'model';
    // Every printed string goes through the file's redactor: messages of any category may quote workspace text.
    const redact = scanRedactor(report);
    const region: Sarif.Region = isModel ? { startLine: 1 } : sarifRegion(loc);
    const result: Sarif.Result = {
      ruleId: finding.ruleId,
      level: levelOf(finding.severity),
      message: { text: redact.text(finding.message) },
      locations: [{ physicalLocation: { artifactLocation: artifact, region } }],
    };
    const index = ruleIndex.get(finding.ruleId);
    if (index !== undefined) result.ruleIndex = index;
    const fixes = fixesOf(analysis, finding, artifact, redact);
    if (fixes) result.fixes = fixes;
    const props: Record<string, unknown> = redact.deep({ ...(finding.properties ?? {}) });
    if (loc.cell) Object.assign(props, { cell: loc.cell.index, cellPart: loc.cell.part, cellLine: loc.cell.line, cellColumn: loc.cell.column });
    if (Object.keys(props).length > 0) result.properties = props;
    const hash = lineFingerprint(finding.ruleId, rel, loc.lineText, secretSpansOnLine(report, analysis, finding, loc));
    const list = byFile.get(rel) ?? [];
    list.push({ result, hash });
    byFile.set(rel, list);
    results.push(result);
  }
  for (const list of byFile.values()) {
    const numbered = numberFingerprints(list.map((x) => x.hash));
    list.forEach((x, i) => (x.result.partialFingerprints = { [FINGERPRINT_KEY]: numbered[i] }));
  }

  const notifications: Sarif.Notification[] = [];
  for (const a of sortedAnalyses(report)) {
    for (const p of a.problems) {
      const region = p.range && a.file.target !== 'model' ? fileRegion(a, p.range as OffsetRange) : undefined;
      const rule = p.ruleId ? { id: p.ruleId, index: ruleIndex.get(p.ruleId) } : undefined;
      notifications.push(notification(report.root, p.kind, scanRedactor(report).text(p.message), a.file.path, region, rule));
    }
  }
  for (const p of report.extraProblems ?? ([] as ScanProblem[])) notifications.push(notification(report.root, p.kind, scanRedactor(report).text(p.message), p.path));

  const ok = options.executionSuccessful ?? !report.analyses.some((a) => a.problems.some((p) => p.kind === 'rule-error'));
  const run: Sarif.Run = {
    tool: {
      driver: {
        name: 'mlsec',
        version: options.toolVersion ?? mlsecVersion(),
        informationUri: INFORMATION_URI,
        rules,
      },
    },
    // The base URI must end in a slash, or relative URIs would resolve against its parent.
    originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(report.root.endsWith(path.sep) ? report.root : `${report.root}${path.sep}`).href } },
    invocations: [{ executionSuccessful: ok, toolExecutionNotifications: notifications }],
    columnKind: 'utf16CodeUnits',
    results,
  };
  return { $schema: SCHEMA, version: '2.1.0', runs: [run] };
}
