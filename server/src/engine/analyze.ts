// The engine's entry points: analyse a text, a notebook, a model file or a path. Shared by the CLI and the server.
import * as fs from 'fs';
import { scanModelFile } from '../models/scan-model';
import { BudgetExceeded, checkBudget, DEFAULT_TIME_BUDGET_MS, overBudget, withBudget } from './budget';
import { initPythonParser } from '../parsers/python';
import { fileOffsetOf, parseNotebookJson, type ParsedNotebook } from '../parsers/notebook-json';
import type { MlsecSettings } from '../shared/settings';
import { type Finding, type Problem, shiftFinding } from './finding';
import { type CellFinding, findingsToCells, joinCodeCells, type NotebookCellInput } from './notebook';
import type { ProjectFacts } from './project-facts';
import { analyzePythonSource, PythonAnalysisCache, type PythonAnalysisOptions } from './python-analyzer';
import type { Registry } from './registry';
import { computeLineStarts, createSourceFile, positionAt, type SourceFile, type Target } from './source-file';
import { addStat, measure, measureAsync, statsEnabled } from './stats';
import { oneParseProblem } from './problems';
import { applySuppressions } from './suppressions';
import { detectTarget, looksLikePickle, refineYamlTarget } from './targets';
import type { AnalyzerContext, RawFinding, TextAnalyzer } from './plugin';
import { cellAnalyzers, outputAnalyzers, textAnalyzersFor } from '../plugins';

/** What every analysis needs: the catalogue, the user's settings and the workspace facts. */
export interface EngineContext {
  registry: Registry;
  settings: MlsecSettings;
  facts: ProjectFacts;
  /** Milliseconds one file's analysis may take (default DEFAULT_TIME_BUDGET_MS); past it, the rest is skipped with a problem. */
  timeBudgetMs?: number;
}

/** The result for one file. Findings' ranges are offsets into `file.text` (model files: empty text, line 1). */
export interface FileAnalysis {
  file: SourceFile;
  findings: Finding[];
  problems: Problem[];
}

/** Loads the parsers (tree-sitter WASM). Await once before analysing. */
export async function initEngine(): Promise<void> {
  await initPythonParser();
}

/**
 * The size limit (setting maxFileSize) for text handed over directly, as the editor does with open
 * documents: the same limit a file on disk gets in analyzePath. Undefined when `text` is within it.
 */
function oversize(text: string, ctx: EngineContext): Problem | undefined {
  const max = ctx.settings.maxFileSize;
  // UTF-8 is at most 3 bytes per UTF-16 unit: count bytes only when the length alone cannot decide.
  if (text.length <= max / 3) return undefined;
  const bytes = text.length > max ? text.length : Buffer.byteLength(text, 'utf8');
  if (bytes <= max) return undefined;
  return { kind: 'skipped', message: `file is ${(bytes / 1048576).toFixed(1)} MB, over the ${(max / 1048576).toFixed(1)} MB limit (setting maxFileSize)` };
}

/**
 * Runs one file's analysis under the time budget. A step that finds the budget spent throws
 * BudgetExceeded; `onOver` turns it into the result to return (one "skipped" problem, never a hang).
 */
function budgeted<T>(ctx: EngineContext, run: () => T, onOver: (p: Problem) => T): T {
  try {
    return withBudget(ctx.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS, run);
  } catch (e) {
    if (e instanceof BudgetExceeded) return onOver({ kind: 'skipped', message: `${e.message}; no findings are reported for it` });
    throw e;
  }
}

/** Analyses Python source text. `cache` (one per open document) makes re-analysis incremental. */
export function analyzePython(path: string, text: string, ctx: EngineContext, cache?: PythonAnalysisCache, options?: PythonAnalysisOptions): FileAnalysis {
  const file = createSourceFile(path, 'python', text);
  const big = oversize(text, ctx);
  if (big) return { file, findings: [], problems: [big] };
  return budgeted(ctx, () => {
    const { findings, problems } = analyzePythonSource(file, ctx.registry, ctx.settings, ctx.facts, cache, options);
    const { kept, unused } = applySuppressions(findings, text, file.lineStarts);
    return { file, findings: kept, problems: oneParseProblem([...problems, ...unused]) };
  }, (p) => ({ file, findings: [], problems: [p] }));
}

/** Analyses notebook cells as one program; results are relative to each cell's text. `path` (the notebook's, when known) gives cell analysers the file role. */
export function analyzeNotebookCells(cells: readonly NotebookCellInput[], ctx: EngineContext, cache?: PythonAnalysisCache, options?: PythonAnalysisOptions, path?: string): { findings: CellFinding[]; problems: (Problem & { cell?: number })[] } {
  const size = cells.reduce((n, c) => n + c.text.length, 0);
  const big = oversize(size > ctx.settings.maxFileSize / 3 ? cells.map((c) => c.text).join('\n') : '', ctx);
  if (big) return { findings: [], problems: [{ ...big, message: `notebook code ${big.message.slice('file '.length)}` }] };
  return budgeted(ctx, () => analyzeCellsWithin(cells, ctx, cache, options, path), (p) => ({ findings: [], problems: [p] }));
}

function analyzeCellsWithin(cells: readonly NotebookCellInput[], ctx: EngineContext, cache?: PythonAnalysisCache, options?: PythonAnalysisOptions, path?: string): { findings: CellFinding[]; problems: (Problem & { cell?: number })[] } {
  const joined = joinCodeCells(cells);
  const joinedFile = createSourceFile('<notebook>', 'python', joined.text);
  const file = path ? { ...joinedFile, origin: path } : joinedFile;
  const { findings, problems } = analyzePythonSource(file, ctx.registry, ctx.settings, ctx.facts, cache, options);
  findings.push(...runCellAnalyzers(cells, joined.cellStarts, ctx, problems, path));
  const { kept, unused } = applySuppressions(findings, joined.text, file.lineStarts);
  const cellProblems = [...problems, ...unused].map((p) => {
    if (!p.range) return p;
    const [mapped] = findingsToCells(joined, [{ ruleId: '', severity: 'note', message: '', range: p.range, fixes: [] }]);
    return mapped ? { ...p, range: mapped.range, cell: mapped.cell.cell } : p;
  });
  return { findings: findingsToCells(joined, kept), problems: oneParseProblem(cellProblems) };
}

/** Runs the cell analysers over each joined code cell's raw text; ranges and edits shifted into the joined text. */
function runCellAnalyzers(cells: readonly NotebookCellInput[], cellStarts: readonly number[], ctx: EngineContext, problems: Problem[], path?: string): Finding[] {
  const analyzers = cellAnalyzers();
  if (analyzers.length === 0) return [];
  const actx = path === undefined ? analyzerContext(ctx) : { ...analyzerContext(ctx), path };
  const raw: RawFinding[] = [];
  const code = cells.map((c, i) => ({ text: c.text, index: i })).filter(({ index }) => cellStarts[index] >= 0);
  for (const a of analyzers) {
    if (!a.analyzeNotebook) continue;
    try {
      const found = measure(`cell:${a.name}`, 0, () => a.analyzeNotebook!(code.map((c) => c.text), actx));
      for (const { cell, finding } of found) raw.push(shiftFinding(finding, cellStarts[code[cell].index]));
    } catch (e) {
      problems.push({ kind: 'rule-error', message: `${a.name} failed: ${(e as Error).message}` });
    }
  }
  for (const { text, index } of code) {
    checkBudget('running the notebook cell analysers');
    for (const a of analyzers) {
      try {
        for (const f of measure(`cell:${a.name}`, text.length, () => a.analyze(text, actx))) raw.push(shiftFinding(f, cellStarts[index]));
      } catch (e) {
        problems.push({ kind: 'rule-error', message: `${a.name} failed on cell ${index}: ${(e as Error).message}` });
      }
    }
  }
  return finalizeFindings(raw, ctx, problems);
}

/** Analyses an .ipynb file's JSON text; ranges are mapped into the JSON text and carry their cell. */
export function analyzeNotebookJson(path: string, text: string, ctx: EngineContext, cache?: PythonAnalysisCache, options?: PythonAnalysisOptions): FileAnalysis & { notebook: ParsedNotebook } {
  const file = createSourceFile(path, 'notebook', text);
  const big = oversize(text, ctx);
  if (big) return { file, findings: [], problems: [big], notebook: parseNotebookJson('') };
  return withBudget(ctx.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS, () => analyzeNotebookWithin(file, ctx, cache, options));
}

function analyzeNotebookWithin(file: SourceFile, ctx: EngineContext, cache?: PythonAnalysisCache, options?: PythonAnalysisOptions): FileAnalysis & { notebook: ParsedNotebook } {
  const { path, text } = file;
  const notebook = measure('parse:notebook', text.length, () => parseNotebookJson(text));
  const problems: Problem[] = notebook.errors.map((message) => ({ kind: 'parse-error', message }));
  if (notebook.cells.length === 0) return { file, findings: analyzeOutputs(notebook, ctx, problems, path), problems, notebook };
  const result = analyzeNotebookCells(notebook.cells, ctx, cache, options, path);
  const toFile = (cell: number, r: { start: number; end: number }) => ({
    start: fileOffsetOf(notebook.sources[cell], r.start),
    end: fileOffsetOf(notebook.sources[cell], r.end),
  });
  const findings: Finding[] = result.findings.map((f) => {
    // 1-based line/column inside the cell, for CLI text output and SARIF properties.
    const at = positionAt(computeLineStarts(notebook.cells[f.cell.cell].text), f.range.start);
    return {
      ...f,
      range: toFile(f.cell.cell, f.range),
      properties: { ...f.properties, cellLine: at.line + 1, cellColumn: at.character + 1 },
      // Edits to cell text would need JSON re-encoding; file-level fixes are offered on notebook documents instead.
      fixes: f.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ range: toFile(f.cell.cell, e.range), newText: JSON.stringify(e.newText).slice(1, -1) })) })),
    };
  });
  for (const p of result.problems) {
    const cell = (p as { cell?: number }).cell;
    problems.push(cell !== undefined && p.range ? { ...p, range: toFile(cell, p.range) } : p);
  }
  findings.push(...analyzeOutputs(notebook, ctx, problems, path));
  findings.sort((a, b) => a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId));
  return { file, findings, problems: oneParseProblem(problems), notebook };
}

/** Analyses a model file on disk (bytes only; nothing is loaded or executed). */
export async function analyzeModelFile(path: string, ctx: EngineContext): Promise<FileAnalysis> {
  const file = createSourceFile(path, 'model', '');
  const scan = await scanModelFile(path, { maxBytes: ctx.settings.maxModelFileSize });
  const problems = [...scan.problems];
  // Model findings have no text: they sit at line 1.
  const findings = finalizeFindings(scan.findings.map((f) => ({ ...f, range: { start: 0, end: 0 } })), ctx, problems);
  return { file, findings, problems: oneParseProblem(problems) };
}

/** The analyser context plugins get: the engine context plus a cheap "is this rule on?" check. */
function analyzerContext(ctx: EngineContext): AnalyzerContext {
  return { ...ctx, enabled: (id) => ctx.registry.byId.has(id) && ctx.settings.rules[id] !== 'off' };
}

/** Applies cards to raw plugin findings: card message/severity as defaults, settings overrides, 'off' rules dropped. */
export function finalizeFindings(raw: readonly RawFinding[], ctx: EngineContext, problems: Problem[]): Finding[] {
  const out: Finding[] = [];
  for (const r of raw) {
    const card = ctx.registry.byId.get(r.ruleId);
    if (!card) {
      problems.push({ kind: 'rule-error', ruleId: r.ruleId, message: `finding for unknown rule ${r.ruleId}` });
      continue;
    }
    const level = ctx.settings.rules[r.ruleId];
    if (level === 'off') continue;
    out.push({ ruleId: r.ruleId, severity: level ?? r.severity ?? card.severity, message: r.message ?? card.message, range: r.range, fixes: r.fixes ?? [], properties: r.properties });
  }
  return out;
}

/** Runs the plugins' text analysers for `file` (each guarded: one that throws becomes a problem). */
function runTextAnalyzers(file: SourceFile, ctx: EngineContext): FileAnalysis {
  const problems: Problem[] = [];
  const raw: RawFinding[] = [];
  const actx = analyzerContext(ctx);
  const skipped: string[] = [];
  for (const a of textAnalyzersFor(file.target)) {
    // The budget is checked between analysers: those that did run keep their findings.
    if (overBudget()) {
      skipped.push(a.name);
      continue;
    }
    try {
      const r = measure(`analyser:${a.name}`, file.text.length, () => a.analyze(file, actx));
      raw.push(...r.findings);
      problems.push(...(r.problems ?? []));
    } catch (e) {
      problems.push({ kind: 'rule-error', message: `${a.name} failed: ${(e as Error).message}` });
    }
  }
  if (skipped.length) problems.push({ kind: 'skipped', message: `${new BudgetExceeded('analysing', ctx.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS).message}; skipped the analysers ${skipped.join(', ')}` });
  const { kept, unused } = applySuppressions(finalizeFindings(raw, ctx, problems), file.text, file.lineStarts);
  kept.sort((x, y) => x.range.start - y.range.start || x.ruleId.localeCompare(y.ruleId));
  return { file, findings: kept, problems: oneParseProblem([...problems, ...unused]) };
}

/**
 * True when some analyser handles `target` (the CLI walk and the workspace scan only read such files).
 * A generic YAML file counts when Kubernetes manifests are handled: its text decides (refineYamlTarget).
 */
export function isAnalyzable(target: Target): boolean {
  if (target === 'python' || target === 'notebook' || target === 'model') return true;
  return textAnalyzersFor(target).length > 0 || (target === 'yaml' && textAnalyzersFor('kubernetes').length > 0);
}

/** Analyses text whose target is known from its path: Python, notebooks, or any target a plugin handles. */
export function analyzeText(path: string, text: string, ctx: EngineContext, cache?: PythonAnalysisCache): FileAnalysis {
  return analyzeTextAs(path, text, refineYamlTarget(detectTarget(path, text.slice(0, 64)), text), ctx, cache);
}

/** Analyses text as `target` (and `variant`), whatever its path says. */
function analyzeTextAs(path: string, text: string, target: Target, ctx: EngineContext, cache?: PythonAnalysisCache, variant?: string): FileAnalysis {
  if (target === 'python') return analyzePython(path, text, ctx, cache);
  if (target === 'notebook') return analyzeNotebookJson(path, text, ctx, cache);
  const big = oversize(text, ctx);
  if (big) return { file: createSourceFile(path, target, ''), findings: [], problems: [big] };
  return withBudget(ctx.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS, () => runTextAnalyzers(createSourceFile(path, target, text, variant), ctx));
}

/** How analyzePath reads a file: `target` forces the target (a file another one includes, whose name says nothing). */
export interface AnalyzePathOptions {
  target?: Target;
  /** Passed to the analysers on the SourceFile (e.g. 'constraints'). */
  variant?: string;
}

/** Runs the notebook-output analysers over a parsed notebook's saved outputs; ranges mapped into the file. */
function analyzeOutputs(notebook: ParsedNotebook, ctx: EngineContext, problems: Problem[], path: string): Finding[] {
  const analyzers = outputAnalyzers();
  if (analyzers.length === 0 || notebook.outputs.length === 0) return [];
  const actx = { ...analyzerContext(ctx), path };
  const out: Finding[] = [];
  for (const [i, output] of notebook.outputs.entries()) {
    if (overBudget()) {
      problems.push({ kind: 'skipped', message: `${new BudgetExceeded('reading saved outputs', ctx.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS).message}; skipped ${notebook.outputs.length - i} of ${notebook.outputs.length} outputs` });
      break;
    }
    for (const a of analyzers) {
      let raw: RawFinding[];
      try {
        raw = measure(`output:${a.name}`, output.text.length, () => a.analyze(output, actx));
      } catch (e) {
        problems.push({ kind: 'rule-error', message: `${a.name} failed on cell ${output.cell}: ${(e as Error).message}` });
        continue;
      }
      for (const f of finalizeFindings(raw, ctx, problems)) {
        out.push({
          ...f,
          range: { start: fileOffsetOf(output.pieces, f.range.start), end: fileOffsetOf(output.pieces, f.range.end) },
          cell: { cell: output.cell, cellPart: 'output' },
          properties: { ...f.properties, output: output.output, outputKind: output.kind },
        });
      }
    }
  }
  addClearOutputFixes(notebook, out);
  return out;
}

/**
 * Every output finding (any category) gets "Clear outputs of this cell", and "Clear all outputs with
 * mlsec findings" when several cells have some: the cell's `outputs` array becomes `[]`, so the JSON stays a valid notebook.
 */
function addClearOutputFixes(notebook: ParsedNotebook, findings: Finding[]): void {
  const cells = [...new Set(findings.map((f) => f.cell!.cell))].filter((c) => notebook.outputRanges[c]).sort((a, b) => a - b);
  const clear = (c: number) => ({ range: notebook.outputRanges[c]!, newText: '[]' });
  for (const f of findings) {
    const c = f.cell!.cell;
    if (!notebook.outputRanges[c]) continue;
    f.fixes = [...f.fixes, { title: 'Clear outputs of this cell', edits: [clear(c)], safe: false }];
    if (cells.length > 1) f.fixes.push({ title: 'Clear all outputs with mlsec findings', edits: cells.map(clear), safe: false });
  }
}

const decoder = new TextDecoder('utf-8', { fatal: false });

/**
 * Reads and analyses one file from disk, enforcing the size limits. Never throws: I/O errors,
 * binary content in a text file and oversize files become problems ("skipped" with a reason).
 */
export async function analyzePath(path: string, ctx: EngineContext, options: AnalyzePathOptions = {}): Promise<FileAnalysis> {
  if (!statsEnabled()) return analyzePathUntimed(path, ctx, options);
  const t0 = performance.now();
  const a = await analyzePathUntimed(path, ctx, options);
  const skipped = a.problems.some((p) => p.kind === 'skipped');
  addStat(`target:${a.file.target}${skipped ? ' (skipped)' : ''}`, performance.now() - t0, a.file.text.length);
  return a;
}

async function analyzePathUntimed(path: string, ctx: EngineContext, options: AnalyzePathOptions): Promise<FileAnalysis> {
  const empty = (target: SourceFile['target'], problem: Problem): FileAnalysis => ({ file: createSourceFile(path, target, ''), findings: [], problems: [problem] });
  let size: number;
  let head: Uint8Array;
  try {
    const stat = await fs.promises.stat(path);
    if (!stat.isFile()) return empty('unknown', { kind: 'skipped', message: 'not a regular file' });
    size = stat.size;
    const fh = await fs.promises.open(path, 'r');
    try {
      head = new Uint8Array(16);
      const { bytesRead } = await fh.read(head, 0, 16, 0);
      head = head.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch (e) {
    return empty('unknown', { kind: 'skipped', message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
  }
  const target = options.target ?? detectTarget(path, head);
  try {
    if (target === 'model') return await analyzeModelFile(path, ctx);
    if (!isAnalyzable(target)) return empty(target, { kind: 'skipped', message: 'not a file type mlsec analyses' });
    const streaming = textAnalyzersFor(target).filter((a) => a.analyzePath);
    if (streaming.length) return await analyzeStreaming(path, target, streaming, ctx);
    if (size > ctx.settings.maxFileSize) {
      return empty(target, { kind: 'skipped', message: `file is ${(size / 1048576).toFixed(1)} MB, over the ${(ctx.settings.maxFileSize / 1048576).toFixed(1)} MB limit (setting maxFileSize)` });
    }
    const r0 = statsEnabled() ? performance.now() : 0;
    const bytes = await fs.promises.readFile(path);
    if (bytes.includes(0) && !looksLikePickle(head)) return empty(target, { kind: 'skipped', message: 'binary content (NUL bytes) in a text file' });
    const text = decoder.decode(bytes);
    if (r0) addStat('read', performance.now() - r0, bytes.length);
    return options.target ? analyzeTextAs(path, text, options.target, ctx, undefined, options.variant) : analyzeText(path, text, ctx);
  } catch (e) {
    // A crash is a tool error (exit 2 under --strict, shown as an error), never a quiet skip.
    return empty(target, { kind: 'rule-error', message: `analysis failed: ${(e as Error).message}` });
  }
}

/** Analysers that read their file themselves (large data files); their texts are joined in order. */
async function analyzeStreaming(path: string, target: Target, analyzers: TextAnalyzer[], ctx: EngineContext): Promise<FileAnalysis> {
  const problems: Problem[] = [];
  const raw: RawFinding[] = [];
  let text = '';
  for (const a of analyzers) {
    try {
      const r = await measureAsync(`analyser:${a.name}`, 0, () => a.analyzePath!(path, analyzerContext(ctx)));
      if (!text) text = r.text;
      raw.push(...r.findings);
      problems.push(...(r.problems ?? []));
    } catch (e) {
      problems.push({ kind: 'rule-error', message: `${a.name} failed: ${(e as Error).message}` });
    }
  }
  const findings = finalizeFindings(raw, ctx, problems);
  return { file: createSourceFile(path, target, text), findings, problems: oneParseProblem(problems) };
}

export { PythonAnalysisCache, type PythonAnalysisOptions };
