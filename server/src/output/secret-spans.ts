// The spans of every secrets finding on a finding's line: writers mask them all and fingerprints blank them all.
import type { FileAnalysis } from '../engine/analyze';
import type { Finding } from '../engine/finding';
import type { Registry } from '../engine/registry';
import { locate, type Location } from './locate';

/** Spans (in `loc.lineText`) of all secrets findings of `analysis` that start on the same line (and cell part) as `loc`, `finding`'s own first. */
export function secretSpansOnLine(registry: Registry, analysis: FileAnalysis, finding: Finding, loc: Location): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (registry.byId.get(finding.ruleId)?.category === 'secrets') out.push(loc.span);
  for (const f of analysis.findings) {
    if (f === finding || registry.byId.get(f.ruleId)?.category !== 'secrets') continue;
    const l = locate(analysis, f.range, f.cell);
    const same = loc.cell ? !!l.cell && l.cell.index === loc.cell.index && l.cell.part === loc.cell.part && l.cell.line === loc.cell.line : !l.cell && l.line === loc.line;
    if (same) out.push(l.span);
  }
  return out;
}
