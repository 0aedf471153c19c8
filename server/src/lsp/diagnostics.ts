// Analyses open text documents (Python files, raw .ipynb JSON) on open and on every change, and publishes diagnostics.
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeNotebookJson, analyzePython, analyzeText, isAnalyzable, PythonAnalysisCache, type PythonAnalysisOptions } from '../engine/analyze';
import { detectTarget } from '../engine/targets';
import { createSourceFile } from '../engine/source-file';
import { type IgnoreStyle, toDiagnostics } from './convert';
import { cancelSettle, coalesce, settleLater } from './settle';
import { logError, publish, type ServerState } from './state';
import { uriToPath } from './uri';

/** Which analyser an open text document goes to, if any: Python, raw .ipynb JSON, or a plugin-handled file kind. */
export function documentKind(doc: Pick<TextDocument, 'uri' | 'languageId'>): 'python' | 'ipynb' | 'text' | undefined {
  const path = doc.uri.split(/[?#]/)[0].toLowerCase();
  if (path.endsWith('.ipynb')) return 'ipynb';
  if (doc.languageId === 'python' || /\.pyw?$|\.pyi$/.test(path)) return 'python';
  return isAnalyzable(detectTarget(uriToPath(doc.uri))) ? 'text' : undefined;
}

/** '#' comments work on the line in most text formats; JSON has none; a Dockerfile's goes on the line above (no inline comments). */
function ignoreStyleOf(kind: 'python' | 'ipynb' | 'text', target: string): IgnoreStyle {
  if (kind === 'python') return 'python';
  if (kind === 'ipynb') return 'ipynb-json';
  if (target === 'dockerfile') return 'line-above';
  return target === 'json' || target === 'data' ? 'none' : 'python';
}

function cacheFor(state: ServerState, uri: string): PythonAnalysisCache {
  let cache = state.caches.get(uri);
  if (!cache) state.caches.set(uri, (cache = new PythonAnalysisCache()));
  return cache;
}

/**
 * Analyses one document now and publishes its diagnostics, tagged with the analysed version.
 * `quick` (keystrokes) lets the engine re-parse only the edited statement; a full pass follows when idle.
 */
export function analyzeDocument(state: ServerState, doc: TextDocument, options: PythonAnalysisOptions = {}): void {
  const kind = documentKind(doc);
  if (!kind) return;
  if (!state.settings.enable) return publish(state, doc.uri, [], doc.version);
  const text = doc.getText();
  try {
    const path = uriToPath(doc.uri);
    const cache = cacheFor(state, doc.uri);
    const result = kind === 'python' ? analyzePython(path, text, state, cache, options) : kind === 'ipynb' ? analyzeNotebookJson(path, text, state, cache, options) : analyzeText(path, text, state);
    publish(state, doc.uri, toDiagnostics(result, result.file, ignoreStyleOf(kind, result.file.target)), doc.version);
    settleLater(doc.uri, cache, () => {
      const current = state.documents.get(doc.uri);
      if (current) analyzeDocument(state, current);
    });
  } catch (e) {
    // A crash in one document must not take others down; drop its cache in case it is what broke.
    logError(state, `analysis of ${doc.uri}`, e);
    state.caches.get(doc.uri)?.dispose();
    state.caches.delete(doc.uri);
    const file = createSourceFile(doc.uri, 'unknown', text);
    publish(state, doc.uri, [{ ...toDiagnostics({ findings: [], problems: [{ kind: 'rule-error', message: `mlsec could not analyse this file: ${(e as Error).message}` }] }, file, 'none')[0], severity: DiagnosticSeverity.Warning }], doc.version);
  }
}

/** Analyses a document on the next event-loop turn (changes in one turn coalesce), taking the keystroke fast path. */
export function scheduleDocument(state: ServerState, uri: string): void {
  coalesce(uri, () => {
    const doc = state.documents.get(uri);
    if (doc) analyzeDocument(state, doc, { quick: true });
  });
}

/** Forgets a closed document: frees its parse tree and clears its diagnostics. */
export function closeDocument(state: ServerState, uri: string): void {
  cancelSettle(uri);
  state.caches.get(uri)?.dispose();
  state.caches.delete(uri);
  publish(state, uri, []);
}
