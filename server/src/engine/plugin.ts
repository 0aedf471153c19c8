// Extension points for non-Python targets: text analysers per file kind, notebook-output analysers, and their rules.
import type { OutputText } from '../parsers/notebook-json';
import type { Finding, OffsetRange, Problem, Severity } from './finding';
import type { ProjectFacts } from './project-facts';
import type { Registry } from './registry';
import type { CodeRule } from './rule';
import type { SourceFile, Target } from './source-file';
import type { MlsecSettings } from '../shared/settings';

/** A finding before the engine applies the rule's card: severity, settings overrides, 'off'. */
export interface RawFinding {
  ruleId: string;
  range: OffsetRange;
  /** Defaults to the card's message. */
  message?: string;
  /** Defaults to the card's severity; a user override in settings always wins. */
  severity?: Severity;
  fixes?: Finding['fixes'];
  properties?: Record<string, unknown>;
}

/** What analysers get: the catalogue (to know which rules are on), settings and workspace facts. */
export interface AnalyzerContext {
  registry: Registry;
  settings: MlsecSettings;
  facts: ProjectFacts;
  /** True when `ruleId` exists and is not turned off: skip work for disabled rules. */
  enabled(ruleId: string): boolean;
  /** The analysed file's path or URI when the analyser's input does not carry it (notebook cells and outputs): file roles come from it. */
  path?: string;
}

/** Analyses one text file of the given targets (Dockerfile, requirements, YAML, .env, ...). Must not throw on bad input. */
export interface TextAnalyzer {
  name: string;
  targets: readonly Target[];
  analyze(file: SourceFile, ctx: AnalyzerContext): { findings: RawFinding[]; problems?: Problem[] };
  /**
   * Optional, for large files read from disk (data files): reads `path` itself within its own byte
   * budget instead of the engine loading the whole file. Ranges are offsets into the returned `text`
   * (e.g. the sampled head of the file), which becomes the analysed SourceFile's text.
   */
  analyzePath?(path: string, ctx: AnalyzerContext): Promise<{ text: string; findings: RawFinding[]; problems?: Problem[] }>;
  /**
   * Optional: the files this file pulls in (`-r other.txt`), as written (relative to the file's
   * directory). Scans analyse them as this file's target, with `variant`, even when their names say nothing.
   */
  includes?(file: SourceFile): FileInclude[];
}

/** A file one file includes: its path as written and the variant to analyse it as (e.g. 'constraints'). */
export interface FileInclude {
  path: string;
  variant?: string;
}

/** Analyses one saved notebook output (stream text, text/plain, text/html, traceback). Ranges are offsets into `output.text`. */
export interface OutputAnalyzer {
  name: string;
  analyze(output: OutputText, ctx: AnalyzerContext): RawFinding[];
}

/**
 * Analyses one notebook code cell's own text, IPython `!`/`%` lines included (the Python analysis
 * blanks them). Ranges are offsets into `cell`. Used for `!pip install ...` and similar shell lines.
 */
export interface CellAnalyzer {
  name: string;
  analyze(cell: string, ctx: AnalyzerContext): RawFinding[];
  /**
   * Optional whole-notebook pass over the code cells in order (e.g. a frame defined in cell 2 and
   * displayed in cell 5). `cell` indexes `cells`; ranges are offsets into that cell's text.
   */
  analyzeNotebook?(cells: readonly string[], ctx: AnalyzerContext): { cell: number; finding: RawFinding }[];
}

/** One category's contribution: analysers plus the code rules (Python rules and scanner-rule declarations) behind its cards. */
export interface Plugin {
  name: string;
  textAnalyzers?: readonly TextAnalyzer[];
  outputAnalyzers?: readonly OutputAnalyzer[];
  cellAnalyzers?: readonly CellAnalyzer[];
  rules?: readonly CodeRule[];
}
