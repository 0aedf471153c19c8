// A small RFC 4180 reader over sampled text: rows of cells with their offsets, never throwing on ragged or broken quoting.

/** One cell: its decoded text and where it sits in the input. */
export interface CsvCell {
  value: string;
  start: number;
  end: number;
}

/** Splits `text` into rows (a final row without a newline is dropped when `partialTail`: the sample cut it). */
export function* readCsv(text: string, delimiter: string, partialTail: boolean): Generator<CsvCell[]> {
  let i = 0;
  const n = text.length;
  while (i < n) {
    const row: CsvCell[] = [];
    let ended = false;
    while (!ended) {
      const start = i;
      let value = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) {
            // Unterminated quote: the rest is this cell (or a cut sample).
            value += text.slice(i);
            i = n;
            break;
          }
          value += text.slice(i, q);
          if (text[q + 1] === '"') {
            value += '"';
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        // Anything between the closing quote and the delimiter is kept, as lenient readers do.
        while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') value += text[i++];
      } else {
        let j = i;
        while (j < n && text[j] !== delimiter && text[j] !== '\n' && text[j] !== '\r') j++;
        value = text.slice(i, j);
        i = j;
      }
      row.push({ value, start, end: i });
      if (i >= n) {
        if (partialTail) return;
        ended = true;
      } else if (text[i] === delimiter) i++;
      else {
        if (text[i] === '\r' && text[i + 1] === '\n') i++;
        i++;
        ended = true;
      }
    }
    if (!(row.length === 1 && row[0].value === '')) yield row;
  }
}
