// Blanks Go-template actions (`{{ … }}`, Helm charts) so the YAML around them parses; every offset is kept.

/** What an action that shares its line with YAML text becomes: `$` is legal in plain and quoted scalars and marks the value as templated. */
export const TEMPLATE_FILLER = '$';

/** Start offsets and ends (exclusive) of the Go-template actions in `text`; GitHub Actions' `${{ … }}` is not one. */
function actionSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let i = 0;
  // indexOf from a moving position: linear in the text, whatever it holds.
  for (;;) {
    const s = text.indexOf('{{', i);
    if (s < 0) break;
    if (s > 0 && text[s - 1] === '$') {
      i = s + 2;
      continue;
    }
    const close = text.indexOf('}}', s + 2);
    // An action never closed runs to the end of its line (what a reader of the chart would assume).
    const lineEnd = text.indexOf('\n', s);
    const e = close >= 0 ? close + 2 : lineEnd >= 0 ? lineEnd : text.length;
    spans.push([s, e]);
    i = e;
  }
  return spans;
}

/** True when `text` holds at least one Go-template action (`{{ … }}` not preceded by `$`). */
export function hasGoTemplate(text: string): boolean {
  return actionSpans(text).length > 0;
}

/**
 * Replaces each Go-template action with same-length text: an action alone on its line(s)
 * (`{{- if … }}`, `{{- toYaml . | nindent 8 }}`, `{{- end }}`) becomes whitespace, so the YAML
 * around it reads as if the branch markers were not there; an action inside a value
 * (`image: "{{ .Values.image }}:{{ .Values.tag }}"`, `name: {{ .Release.Name }}-svc`) becomes `$`
 * characters, a scalar the image checks treat as unknown. Newlines are always kept,
 * so line numbers and offsets map one to one onto the original text.
 */
export function blankGoTemplates(text: string): string {
  const spans = actionSpans(text);
  if (spans.length === 0) return text;
  // Lines with only whitespace once the actions are removed: their actions are structure, not values.
  const masked = text.split('');
  for (const [s, e] of spans) for (let k = s; k < e; k++) if (masked[k] !== '\n') masked[k] = ' ';
  const maskedText = masked.join('');
  const standalone = (s: number, e: number): boolean => {
    const lineStart = maskedText.lastIndexOf('\n', s - 1) + 1;
    const nl = maskedText.indexOf('\n', e);
    const lineEnd = nl < 0 ? maskedText.length : nl;
    return maskedText.slice(lineStart, s).trim() === '' && maskedText.slice(e, lineEnd).trim() === '';
  };
  const out = text.split('');
  for (const [s, e] of spans) {
    const fill = standalone(s, e) ? ' ' : TEMPLATE_FILLER;
    for (let k = s; k < e; k++) if (out[k] !== '\n' && out[k] !== '\r') out[k] = fill;
  }
  return out.join('');
}
