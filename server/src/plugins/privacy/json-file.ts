// JSON documents (.json): every key path is a column; a key with many PII values is one finding at its first value.
import type { AnalyzerContext, RawFinding, TextAnalyzer } from '../../engine/plugin';
import type { SourceFile } from '../../engine/source-file';
import { type Column, columnFindings, countShape, DATA_RULE, record, walkJson, worthScanning } from './columns';
import { labelledEntity } from './labels';
import { withRoleSeverity } from './role';
import { scanOptions, scanText } from './scan-text';

/** Tool configuration and lock files: they name maintainers and hosts, not data subjects. */
const CONFIG = /(^|[\\/])(package(-lock)?|composer(\.lock)?|tsconfig[\w.-]*|jsconfig|\.?eslintrc|\.prettierrc|\.babelrc|settings|launch|tasks|extensions|devcontainer|renovate|lerna|app|manifest|appsettings[\w.-]*|[\w.-]*lock)\.json$/i;

/** Findings for one JSON document's text (unparsable JSON yields nothing: other analysers report syntax). */
export function analyzeJsonText(path: string, text: string, ctx: AnalyzerContext): RawFinding[] {
  if (!ctx.enabled(DATA_RULE) || CONFIG.test(path) || text.length > ctx.settings.privacy.dataFileBudget * 4) return [];
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return [];
  }
  const opts = scanOptions(ctx.settings);
  const byKey = new Map<string, Column>();
  let cursor = 0;
  walkJson(doc, '', (key, value) => {
    const leaf = key.slice(key.lastIndexOf('.') + 1);
    const col = byKey.get(key) ?? { label: key, hits: [], rows: new Map(), total: 0 };
    byKey.set(key, col);
    col.total! += 1;
    countShape(col, value);
    if (!worthScanning(value, labelledEntity(leaf) !== undefined)) return;
    const matches = scanText(value, opts, leaf || undefined);
    if (!matches.length) return;
    // Values are visited in document order (integer-like keys aside), so search forward first.
    const needle = JSON.stringify(value).slice(1, -1);
    let at = text.indexOf(needle, cursor);
    if (at < 0) at = text.indexOf(needle);
    if (at >= 0) cursor = at + needle.length;
    record(col, at >= 0 && needle === value ? matches : matches.map((m) => ({ ...m, start: 0, end: 0 })), Math.max(0, at));
  });
  // Published contact and authorship metadata (OpenAPI `info.contact`, `authors`, `maintainers`) is public by design.
  const columns = [...byKey.values()].filter((c) => c.hits.length && !/(?:^|\.)(?:contact|authors?|maintainers?|contributors?)(?:\.|$)/i.test(c.label));
  for (const c of columns) c.at = { start: c.hits[0].start, end: c.hits[0].end };
  return withRoleSeverity(columnFindings(columns, 0, false), path);
}

/** The JSON-document analyser of the privacy plugin (files up to the engine's size limit, read whole). */
export const privacyJsonAnalyzer: TextAnalyzer = {
  name: 'privacy-json',
  targets: ['json'],
  analyze(file: SourceFile, ctx: AnalyzerContext) {
    return { findings: analyzeJsonText(file.path, file.text, ctx) };
  },
};
