// hardcoded-secret in notebook magics and shell lines (`%env X=...`, `!export X=...`, `%%bash` bodies), which Python analysis never sees.
import type { CellAnalyzer, RawFinding } from '../../engine/plugin';
import { blankMagics } from '../../engine/notebook';
import { secretMessage, secretProperties } from './message';
import { HARDCODED_SECRET } from './python-rule';
import { scanText } from './scan';
import { assessHit, whySentence } from './severity';

/** Scans the lines of a code cell that the Python analysis blanks, with shell/env syntax (bare `NAME=value`, `--flag value`). */
export const secretsMagicAnalyzer: CellAnalyzer = {
  name: 'secrets-magics',
  analyze(cell, ctx) {
    if (!ctx.enabled(HARDCODED_SECRET)) return [];
    const blanked = blankMagics(cell);
    if (blanked === cell) return [];
    const out: RawFinding[] = [];
    // A `%%writefile x.py` body is Python: only quoted literals are values (`x = model_output[0]` is an expression).
    const python = /^\s*%%(?:writefile|file)\b[^\n]*\.pyw?\s*(?:\n|$)/.test(cell);
    let at = 0;
    for (const line of cell.split('\n')) {
      const start = at;
      at += line.length + 1;
      // Only lines the Python analysis did not see: the rest is reported by the Python rule.
      if (line.trim() === '' || blanked.slice(start, start + line.length).trim() !== '') continue;
      for (const hit of scanText(line, { python })) {
        const value = line.slice(hit.start, hit.end);
        const assessed = assessHit(hit, line);
        out.push({
          ruleId: HARDCODED_SECRET, range: { start: start + hit.start, end: start + hit.end }, severity: assessed.severity,
          message: secretMessage(hit, value, 'code') + whySentence(assessed), properties: secretProperties(hit, value),
        });
      }
    }
    return out;
  },
};
