// Notebook pass: a DataFrame known to hold PII-named columns, shown whole as a cell's result (`df.head()`, `display(df)`, `print(df)`).
import type { CellAnalyzer, RawFinding } from '../../engine/plugin';
import { isPiiField } from './rules/pii-references';

const RULE = 'pii-logged';

// Where a frame's columns become known, in cell order. Each pattern captures the variable and the column text.
const DEFINITIONS: RegExp[] = [
  /^\s*(\w+)\s*=\s*(?:pd|pandas)\.DataFrame\(\s*(\{[^}]*\})/,
  /^\s*(\w+)\s*=\s*(?:pd|pandas)\.read_\w+\([^\n]*?usecols\s*=\s*(\[[^\]]*\])/,
  /^\s*(\w+)\s*=\s*\w+\s*\[\s*(\[[^\]]*\])\s*\]/,
  /^\s*(\w+)\.columns\s*=\s*(\[[^\]]*\])/,
];
const ADD_COLUMN = /^\s*(\w+)\s*\[\s*["'](\w+)["']\s*\]\s*=/;
const REASSIGN = /^\s*(\w+)\s*=(?!=)/;
// A frame shown whole: `df`, `df.head()`, `df.sample(5)`, `display(df.tail(3))`, `print(df)`.
// Optional parts each carry their own trailing blanks: `\s*\)?\s*;?\s*` was cubic on a name followed by spaces.
const SHOWN = /^[ \t]*(?:(display|print)\([ \t]*)?(\w+)(?:\.(?:head|tail|sample)\([^()]*\))?[ \t]*(?:\)[ \t]*)?(?:;[ \t]*)?\r?$/;

function columnsIn(text: string): string[] {
  return [...text.matchAll(/["'](\w+)["']/g)].map((m) => m[1]);
}

/** Lines of a cell with their offsets, comments and blank lines dropped. */
function codeLines(cell: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let start = 0;
  for (const line of cell.split('\n')) {
    if (line.trim() && !line.trimStart().startsWith('#')) out.push({ text: line, start });
    start += line.length + 1;
  }
  return out;
}

function finding(line: { text: string; start: number }, frame: string, pii: string[]): RawFinding {
  const shown = pii.slice(0, 4).map((c) => `\`${c}\``).join(', ');
  return {
    ruleId: RULE,
    range: { start: line.start + (line.text.length - line.text.trimStart().length), end: line.start + line.text.trimEnd().length },
    message: `\`${frame}\` has personal-data columns (${shown}${pii.length > 4 ? ', …' : ''}); showing it saves those values in the notebook's output. Display non-PII columns, or mask them first (\`${frame}.drop(columns=[...])\`).`,
  };
}

/** Tracks frames with PII-named columns across cells and reports where one is displayed whole. */
export const frameDisplayAnalyzer: CellAnalyzer = {
  name: 'privacy frame display',
  analyze: () => [],
  analyzeNotebook(cells, ctx) {
    if (!ctx.enabled(RULE)) return [];
    const frames = new Map<string, string[]>();
    const out: { cell: number; finding: RawFinding }[] = [];
    cells.forEach((cell, index) => {
      const lines = codeLines(cell);
      lines.forEach((line, i) => {
        const def = DEFINITIONS.map((re) => re.exec(line.text)).find(Boolean);
        const added = ADD_COLUMN.exec(line.text);
        if (def) {
          const pii = columnsIn(def[2]).filter(isPiiField);
          if (pii.length) frames.set(def[1], pii);
          else frames.delete(def[1]);
        } else if (added) {
          if (isPiiField(added[2]) && frames.has(added[1])) frames.get(added[1])!.push(added[2]);
          else if (isPiiField(added[2])) frames.set(added[1], [added[2]]);
        } else if (REASSIGN.exec(line.text)) {
          frames.delete(REASSIGN.exec(line.text)![1]);
        }
        const shown = SHOWN.exec(line.text);
        if (!shown || line.text.startsWith(' ') || line.text.startsWith('\t')) return;
        const pii = frames.get(shown[2]);
        // A bare expression only displays as the cell's result when it is the last line; print/display always do.
        if (pii && (shown[1] || i === lines.length - 1)) out.push({ cell: index, finding: finding(line, shown[2], pii) });
      });
    });
    return out;
  },
};
