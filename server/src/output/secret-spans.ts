// What redaction knows about one analysed file: every secret span and value in it, reported or not, computed once per analysis.
import type { FileAnalysis } from '../engine/analyze';
import type { Finding } from '../engine/finding';
import type { Registry } from '../engine/registry';
import type { Target } from '../engine/source-file';
import { scanText, type ScanOptions } from '../plugins/secrets/scan';
import { locate, type Location } from './locate';
import { Redactor, type Span } from './redaction';

/** A secret's place: the line it starts on (cell line for notebooks) and its span in that line's text. */
interface Placed {
  key: string;
  span: Span;
}

/** What is known about a file's secrets, as plain data (it travels from a scan worker with the compacted analysis). */
export interface KnownSecrets {
  values: string[];
  placed: Placed[];
  /** The exact file text of each secrets finding's range (`start:end`), for keyed baseline fingerprints. */
  ranges: Record<string, string>;
}

/** The secrets of one file, for writers and fingerprints. */
export interface FileSecrets {
  /** Masks every secret value of the file (and anything secret-shaped) in printed text. */
  redactor: Redactor;
  /** Spans (in `loc.lineText`) of every secret on `loc`'s line. */
  spansOnLine(loc: Location): Span[];
}

// Files larger than this are not re-scanned for secrets no rule reported (the rules' own findings still count).
const MAX_RESCAN = 1024 * 1024;

const cache = new WeakMap<FileAnalysis, FileSecrets>();

/** What fileSecrets needs to know about the scan: the catalogue and the per-rule levels the findings were made with. */
export type SecretsContext = { registry: Registry; ruleLevels?: Record<string, string> };

const lineKey = (l: Location) => (l.cell ? `c${l.cell.index}:${l.cell.part}:${l.cell.line}` : `l${l.line}`);

/** How the secrets scanner reads a target's text (as its own analyser would). */
function scanOptions(target: Target): ScanOptions | undefined {
  if (target === 'model') return undefined;
  if (target === 'python') return { python: true };
  if (target === 'notebook') return { providersOnly: true };
  if (target === 'dockerfile') return { dockerfile: true };
  if (target === 'credentials') return { netrc: true };
  return {};
}

/** True when the file's findings may miss a secret the text holds: a secrets rule is off, or the file has suppression comments. */
function mayHideSecrets(ctx: SecretsContext, text: string): boolean {
  if (/mlsec:\s*ignore/.test(text)) return true;
  return Object.entries(ctx.ruleLevels ?? {}).some(([id, level]) => level === 'off' && ctx.registry.byId.get(id)?.category === 'secrets');
}

/**
 * The secrets of `analysis`: the spans of its secrets-category findings, plus (when a secrets rule
 * is off or a line is suppressed) what the secrets scanner finds in the text regardless of settings,
 * so such a secret is still masked when another finding's line or message shows it. Computed once
 * per analysis and kept: the baseline filter computes it before it drops accepted findings.
 */
export function fileSecrets(ctx: SecretsContext, analysis: FileAnalysis): FileSecrets {
  const hit = cache.get(analysis);
  if (hit) return hit;
  // A worker's compacted analysis has no text any more: it brought what the worker found.
  const carried = (analysis as FileAnalysis & { secrets?: KnownSecrets }).secrets;
  if (carried) return remember(analysis, carried);
  const registry = ctx.registry;
  const placed: Placed[] = [];
  const values: string[] = [];
  const ranges: Record<string, string> = {};
  const add = (range: { start: number; end: number }, cell?: Finding['cell']) => {
    const l = locate(analysis, range, cell);
    placed.push({ key: lineKey(l), span: l.span });
    values.push(l.lineText.slice(l.span.start, l.span.end), analysis.file.text.slice(range.start, range.end));
  };
  for (const f of analysis.findings) {
    if (registry.byId.get(f.ruleId)?.category !== 'secrets') continue;
    add(f.range, f.cell);
    ranges[`${f.range.start}:${f.range.end}`] = analysis.file.text.slice(f.range.start, f.range.end);
  }
  const opts = scanOptions(analysis.file.target);
  const text = analysis.file.text;
  if (opts && text.length > 0 && text.length <= MAX_RESCAN && mayHideSecrets(ctx, text)) {
    try {
      for (const h of scanText(text, opts)) add(h);
    } catch {
      // The scanner never throws by contract; redaction must not depend on it either.
    }
  }
  return remember(analysis, { values: [...new Set(values)].filter((v) => v.length > 0), placed, ranges });
}

function remember(analysis: FileAnalysis, known: KnownSecrets): FileSecrets {
  const result: FileSecrets = {
    redactor: new Redactor(known.values),
    spansOnLine: (loc) => {
      const key = lineKey(loc);
      return known.placed.filter((p) => p.key === key).map((p) => p.span);
    },
  };
  knownOf.set(result, known);
  cache.set(analysis, result);
  return result;
}

const knownOf = new WeakMap<FileSecrets, KnownSecrets>();

/**
 * `compact` (a copy of `analysis` without its text, sent from a scan worker) with the secrets found
 * in `analysis` attached, so the main thread's writers still mask them. The values never leave the
 * process: they travel between threads, not into any output.
 */
export function withSecrets<T extends FileAnalysis>(ctx: SecretsContext, analysis: FileAnalysis, compact: T): T & { secrets: KnownSecrets } {
  return Object.assign(compact, { secrets: knownOf.get(fileSecrets(ctx, analysis))! });
}

const scanWide = new WeakMap<object, Redactor>();

/**
 * The redactor writers use: every secret value found anywhere in the scan (a password reused in
 * two files is masked in both), from the files that have something to print.
 */
export function scanRedactor(report: SecretsContext & { analyses: readonly FileAnalysis[] }): Redactor {
  let r = scanWide.get(report);
  if (!r) {
    r = Redactor.union(report.analyses.filter((a) => a.findings.length > 0 || a.problems.length > 0).map((a) => fileSecrets(report, a).redactor));
    scanWide.set(report, r);
  }
  return r;
}

/** The redactor of one analysed file. */
export function redactorFor(ctx: SecretsContext, analysis: FileAnalysis): Redactor {
  return fileSecrets(ctx, analysis).redactor;
}

/** Spans (in `loc.lineText`) of every secret on `loc`'s line, `finding`'s own first when it is a secrets finding. */
export function secretSpansOnLine(ctx: SecretsContext, analysis: FileAnalysis, finding: Finding, loc: Location): Span[] {
  const own = ctx.registry.byId.get(finding.ruleId)?.category === 'secrets' ? [loc.span] : [];
  return [...own, ...fileSecrets(ctx, analysis).spansOnLine(loc)];
}

/** The exact text of a finding's range (a secret's value), also for a worker's analysis that arrived without its text. */
export function rangeText(ctx: SecretsContext, analysis: FileAnalysis, finding: Finding): string {
  if (analysis.file.text.length > 0) return analysis.file.text.slice(finding.range.start, finding.range.end);
  return knownOf.get(fileSecrets(ctx, analysis))?.ranges[`${finding.range.start}:${finding.range.end}`] ?? '';
}
