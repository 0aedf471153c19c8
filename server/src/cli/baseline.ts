// Baselines: accepted findings recorded by rule, path, line, line fingerprint and (secrets) a salted hash of the value — never the source or a secret.
import * as fs from 'fs';
import type { FileAnalysis } from '../engine/analyze';
import type { Finding } from '../engine/finding';
import { lineFingerprint, numberFingerprints } from '../output/fingerprint';
import { locate } from '../output/locate';
import { relPath, type ScanReport, sortedAnalyses } from '../output/report';
import { baselineKey, newSalt, secretHash, unsaltedMessage } from '../output/baseline-keys';
import { rangeText, secretSpansOnLine } from '../output/secret-spans';

/** One accepted finding. `fingerprint` is the SARIF partial fingerprint (secret spans blanked before hashing). */
export interface BaselineEntry {
  ruleId: string;
  path: string;
  /** 1-based line (the cell's line for notebooks); informative only, matching uses the fingerprint. */
  line: number;
  cell?: number;
  fingerprint: string;
  /** Secrets findings: HMAC-SHA256 of the value keyed with the file's `salt`, so a different token on the line is a new finding. */
  valueHmac?: string;
}

/**
 * The baseline file. Version 2 adds `salt` (random, per file) and `valueHmac` on secrets entries;
 * version 1 files still load: their other entries match as before, their secrets entries accept nothing.
 */
export interface Baseline {
  version: 1 | 2;
  tool: 'mlsec';
  salt?: string;
  findings: BaselineEntry[];
}

const isSecretRule = (report: Pick<ScanReport, 'registry'>, ruleId: string) => report.registry.byId.get(ruleId)?.category === 'secrets';

/** Every finding of the report with its baseline entry (fingerprints numbered per file, as in SARIF; secrets hashed with `salt`). */
export function baselineEntries(report: ScanReport, salt?: string): { analysis: FileAnalysis; finding: Finding; entry: BaselineEntry }[] {
  const out: { analysis: FileAnalysis; finding: Finding; entry: BaselineEntry }[] = [];
  for (const analysis of sortedAnalyses(report)) {
    const rel = relPath(report.root, analysis.file.path);
    const items = analysis.findings.map((finding) => {
      const loc = locate(analysis, finding.range, finding.cell);
      return { finding, loc, hash: lineFingerprint(finding.ruleId, rel, loc.lineText, secretSpansOnLine(report, analysis, finding, loc)) };
    });
    const numbered = numberFingerprints(items.map((i) => i.hash));
    items.forEach((i, n) => {
      const entry: BaselineEntry = { ruleId: i.finding.ruleId, path: rel, line: i.loc.cell ? i.loc.cell.line : i.loc.line, fingerprint: numbered[n] };
      if (i.loc.cell) entry.cell = i.loc.cell.index;
      if (salt !== undefined && isSecretRule(report, i.finding.ruleId)) entry.valueHmac = secretHash(salt, rangeText(report, analysis, i.finding));
      out.push({ analysis, finding: i.finding, entry });
    });
  }
  return out;
}

/** Writes the report's findings as a baseline file. Returns an error message instead of throwing. */
export function writeBaseline(report: ScanReport, file: string): string | undefined {
  // Rewriting a baseline keeps its salt, so entries that did not change keep their bytes (small diffs).
  const salt = readBaseline(file).baseline?.salt ?? newSalt();
  const baseline: Baseline = { version: 2, tool: 'mlsec', salt, findings: baselineEntries(report, salt).map((x) => x.entry) };
  try {
    fs.writeFileSync(file, `${JSON.stringify(baseline, null, 2)}\n`);
    return undefined;
  } catch (e) {
    return `cannot write baseline ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
  }
}

/** Reads a baseline file; a missing or malformed file is an error message. */
export function readBaseline(file: string): { baseline?: Baseline; error?: string } {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    return { error: `cannot read baseline ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  const b = data as Partial<Baseline>;
  if (!b || typeof b !== 'object' || !Array.isArray(b.findings) || !b.findings.every((f) => f && typeof f.ruleId === 'string' && typeof f.path === 'string' && typeof f.fingerprint === 'string')) {
    return { error: `${file} is not an mlsec baseline (expected {"findings": [{ruleId, path, fingerprint}]})` };
  }
  if (b.salt !== undefined && (typeof b.salt !== 'string' || b.salt.length < 16)) return { error: `${file}: "salt" must be a string of 16+ characters` };
  return { baseline: b as Baseline };
}

/** The keys a baseline accepts, and how many of its secrets entries cannot be used (no salt or no value hash). */
export function acceptedKeys(baseline: Baseline, isSecret: (ruleId: string) => boolean): { keys: Set<string>; unusable: number } {
  const keys = new Set<string>();
  let unusable = 0;
  for (const e of baseline.findings) {
    const k = baselineKey(e, isSecret(e.ruleId));
    if (k === undefined || (isSecret(e.ruleId) && baseline.salt === undefined)) unusable++;
    else keys.add(k);
  }
  return { keys, unusable };
}

/**
 * Removes the report's findings that the baseline accepts (in place); returns how many were removed
 * and a warning when an unsalted (version 1) baseline's secrets entries had to be ignored.
 */
export function applyBaseline(report: ScanReport, baseline: Baseline, file = 'the baseline'): { removed: number; warning?: string } {
  const isSecret = (id: string) => isSecretRule(report, id);
  const { keys, unusable } = acceptedKeys(baseline, isSecret);
  const warning = unusable > 0 ? unsaltedMessage(file, unusable) : undefined;
  const salt = baseline.salt;
  const drop = new Set(baselineEntries(report, salt).filter((x) => {
    const k = baselineKey(x.entry, isSecret(x.entry.ruleId));
    return k !== undefined && keys.has(k);
  }).map((x) => x.finding));
  if (drop.size === 0) return { removed: 0, warning };
  for (const a of report.analyses) (a as { findings: Finding[] }).findings = a.findings.filter((f) => !drop.has(f));
  return { removed: drop.size, warning };
}
