// secret-in-notebook-output: secrets printed into saved notebook outputs (stream text, text/plain, HTML, tracebacks).
import type { OutputAnalyzer, RawFinding } from '../../engine/plugin';
import { secretMessage, secretProperties } from './message';
import { scanText } from './scan';
import { assessHit, whySentence } from './severity';

export const SECRET_IN_NOTEBOOK_OUTPUT = 'secret-in-notebook-output';

/** Scans one decoded output; the engine maps ranges into the file and marks them `cellPart: output`. */
export const secretsOutputAnalyzer: OutputAnalyzer = {
  name: 'secrets-output',
  analyze(output, ctx) {
    if (!ctx.enabled(SECRET_IN_NOTEBOOK_OUTPUT)) return [];
    // Tracebacks and reprs print Python source and dicts, so names and values read as in code or config.
    return scanText(output.text, {}).map((hit): RawFinding => {
      const value = output.text.slice(hit.start, hit.end);
      const assessed = assessHit(hit, output.text);
      return {
        ruleId: SECRET_IN_NOTEBOOK_OUTPUT,
        range: { start: hit.start, end: hit.end },
        severity: assessed.severity,
        message: secretMessage(hit, value, 'output') + whySentence(assessed),
        properties: secretProperties(hit, value),
      };
    });
  },
};
