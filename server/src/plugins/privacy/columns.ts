// Per-column statistics of PII hits in tabular data (CSV columns, JSON keys) and the findings they turn into.
import type { RawFinding } from '../../engine/plugin';
import { ENTITY_PLURAL, type EntityType, type PiiMatch } from './entities';
import { redact } from './redact';
import { describe, summarize } from './summarize';

/** The rule id of data-file findings. */
export const DATA_RULE = 'pii-in-data-file';

/** Up to this many hits in a column are reported one by one; more make one finding on the header. */
const FEW = 3;

/** One column (or JSON key path): where its header is, its hits and per-entity row counts. */
export interface Column {
  label: string;
  /** Offset range of the header cell (or of the first hit when there is no header). */
  at?: { start: number; end: number };
  hits: PiiMatch[];
  rows: Map<EntityType, number>;
  /** Values seen under this key (JSON documents); tables use their row count instead. */
  total?: number;
  /** Cells that are bare digit runs (IDs, amounts, card or ID numbers). */
  numeric?: number;
}

/** Entities whose check digit a random number passes about one time in ten. */
const CHANCE_CHECKSUM = new Set<EntityType>(['credit-card', 'aadhaar', 'ca-sin', 'uk-nhs']);
const DIGIT_RUN = /^\d[\d -]{8,22}$/;

/** Counts a cell shaped like a bare number, for the chance-checksum test in columnFindings. */
export function countShape(col: Column, value: string): void {
  if (DIGIT_RUN.test(value.trim())) col.numeric = (col.numeric ?? 0) + 1;
}

/**
 * A column of random IDs passes a mod-10/11 check about one time in ten: when most of its numeric
 * cells fail the check, the few that pass are chance, not card or ID numbers.
 */
function chanceHits(col: Column, entity: EntityType, rowCount: number): boolean {
  return CHANCE_CHECKSUM.has(entity) && (col.numeric ?? 0) >= 10 && rowCount / (col.numeric ?? 1) < 0.5;
}

/** Cheap pre-filter: unlabelled cells without a digit, `@` or `:` hold nothing a recognizer finds. */
export function worthScanning(value: string, labelled: boolean): boolean {
  return labelled || /[\d@:]/.test(value);
}

/** Records one cell's matches (offsets shifted by `offset`); a row counts once per entity. */
export function record(col: Column, matches: PiiMatch[], offset: number): void {
  const seen = new Set<EntityType>();
  for (const m of matches) {
    if (col.hits.length < 1000) col.hits.push({ ...m, start: offset + m.start, end: offset + m.end });
    if (!seen.has(m.entity)) col.rows.set(m.entity, (col.rows.get(m.entity) ?? 0) + 1);
    seen.add(m.entity);
  }
}

/** Visits every string/number leaf with its dotted key path (bounded depth and array length). */
export function walkJson(value: unknown, key: string, visit: (key: string, value: string) => void, depth = 0): void {
  if (depth > 20) return;
  if (typeof value === 'string' || typeof value === 'number') visit(key, String(value));
  else if (Array.isArray(value)) for (const v of value.slice(0, 1000)) walkJson(v, key, visit, depth + 1);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walkJson(v, key ? `${key}.${k}` : k, visit, depth + 1);
}

/** Turns column statistics into findings: a column summary on the header when many rows hit, else one per row. */
export function columnFindings(columns: Column[], rows: number, header: boolean): RawFinding[] {
  const out: RawFinding[] = [];
  // One finding per place and entity: values of one key path written on one line (a list) would otherwise repeat it.
  const placed = new Set<string>();
  const push = (f: RawFinding & { properties: { entity: string } }) => {
    const k = `${f.range.start}:${f.range.end}:${f.properties.entity}`;
    if (!placed.has(k)) out.push(f);
    placed.add(k);
  };
  for (const col of columns) {
    if (!col) continue;
    for (const s of summarize(col.hits)) {
      const rowCount = col.rows.get(s.entity) ?? 0;
      if (chanceHits(col, s.entity, rowCount)) continue;
      if (rowCount > FEW) {
        const range = header && col.at ? col.at : { start: s.first.start, end: s.first.end };
        push({
          ruleId: DATA_RULE,
          range,
          message: `Column \`${col.label}\`: ${rowCount.toLocaleString('en-US')} of ${(col.total ?? rows).toLocaleString('en-US')} sampled ${col.total === undefined ? 'rows' : 'values'} hold ${ENTITY_PLURAL[s.entity]} (e.g. ${s.samples.join(', ')}).`,
          properties: { entity: s.entity, column: col.label, rows: rowCount, sampledRows: col.total ?? rows, samples: s.samples },
        });
        continue;
      }
      for (const m of col.hits.filter((h) => h.entity === s.entity)) {
        push({
          ruleId: DATA_RULE,
          range: { start: m.start, end: m.end },
          message: `Column \`${col.label}\` holds ${describe({ entity: m.entity, count: 1, samples: [redact(m.entity, m.value)] })}.`,
          properties: { entity: m.entity, column: col.label, samples: [redact(m.entity, m.value)] },
        });
      }
    }
  }
  return out;
}
