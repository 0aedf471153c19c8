// Every plugin, in one list: each category adds analysers and rules in its own folder, never here.
import type { CellAnalyzer, OutputAnalyzer, Plugin, TextAnalyzer } from '../engine/plugin';
import type { Target } from '../engine/source-file';
import { plugin as privacy } from './privacy';
import { plugin as secrets } from './secrets';
import { plugin as supplyChain } from './supply-chain';
import { plugin as threatModel } from './threat-model';

/** All plugins. */
export const plugins: readonly Plugin[] = [secrets, supplyChain, privacy, threatModel];

/** Text analysers that handle `target`. */
export function textAnalyzersFor(target: Target): TextAnalyzer[] {
  return plugins.flatMap((p) => p.textAnalyzers ?? []).filter((a) => a.targets.includes(target));
}

/** All notebook-output analysers. */
export function outputAnalyzers(): OutputAnalyzer[] {
  return plugins.flatMap((p) => p.outputAnalyzers ?? []);
}

/** All notebook code-cell analysers (they see IPython `!`/`%` lines). */
export function cellAnalyzers(): CellAnalyzer[] {
  return plugins.flatMap((p) => p.cellAnalyzers ?? []);
}
