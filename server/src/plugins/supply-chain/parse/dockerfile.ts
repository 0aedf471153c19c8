// Parses a Dockerfile into instructions with offsets (continuations, comments, escape directive, RUN heredocs); never throws.

/** One instruction: its keyword (upper-cased), the range of the whole instruction and of its arguments. */
export interface Instruction {
  keyword: string;
  start: number;
  end: number;
  argsStart: number;
  /** Arguments as written (continuations kept, so offsets map 1:1 onto the file). */
  args: string;
  /** For `RUN <<EOF` heredocs: the body's range (a shell script). */
  heredoc?: { start: number; end: number };
}

/** A parsed Dockerfile; `errors` name lines that are not instructions. */
export interface Dockerfile {
  instructions: Instruction[];
  errors: { message: string; start: number; end: number }[];
  escape: string;
}

/**
 * The `# escape=` parser directive among the comment lines at the top of the file (blank lines
 * skipped), read line by line: a regex split on `\n(?!\s*#)` re-read every run of blank lines.
 */
function escapeDirective(text: string): string | undefined {
  for (let at = 0; at < text.length;) {
    const nl = text.indexOf('\n', at);
    const line = text.slice(at, nl < 0 ? text.length : nl).trim();
    at = nl < 0 ? text.length : nl + 1;
    if (!line) continue;
    if (!line.startsWith('#')) return undefined;
    const m = /^#[ \t]*escape[ \t]*=[ \t]*([\\`])/i.exec(line);
    if (m) return m[1];
  }
  return undefined;
}

/** Parses Dockerfile text. */
export function parseDockerfile(text: string): Dockerfile {
  const out: Dockerfile = { instructions: [], errors: [], escape: '\\' };
  const esc = escapeDirective(text);
  if (esc) out.escape = esc;
  // Line offsets in two number arrays and each line's text read when asked: an object per line made a
  // file of blank lines cost far more than its size (garbage collection).
  const starts: number[] = [];
  const ends: number[] = [];
  for (let pos = 0; ; ) {
    const nl = text.indexOf('\n', pos);
    starts.push(pos);
    ends.push(nl < 0 ? text.length : nl);
    if (nl < 0) break;
    pos = nl + 1;
  }
  const textOf = (i: number) => {
    const raw = text.slice(starts[i], ends[i]);
    return raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  };
  const lines = {
    length: starts.length,
    at: (i: number) => ({ start: starts[i], end: ends[i], text: textOf(i) }),
  };
  for (let i = 0; i < lines.length; i++) {
    if (starts[i] === ends[i]) continue;
    const line = lines.at(i);
    const trimmed = line.text.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const m = /^(\s*)([A-Za-z]+)(\s+|$)/.exec(line.text);
    if (!m) {
      out.errors.push({ message: `not a Dockerfile instruction: \`${trimmed.slice(0, 40)}\``, start: line.start, end: line.end });
      continue;
    }
    const start = line.start + m[1].length;
    const argsStart = line.start + m[0].length;
    let end = line.start + line.text.length;
    // Continuations: a line ending in the escape character goes on; comment lines inside are skipped.
    let j = i;
    let more = textOf(j).trimEnd().endsWith(out.escape);
    while (more && j + 1 < lines.length) {
      j++;
      const t = textOf(j).trim();
      // Docker drops comment and empty lines inside a continuation; the instruction goes on after them.
      if (t.startsWith('#') || t === '') continue;
      end = starts[j] + textOf(j).length;
      more = textOf(j).trimEnd().endsWith(out.escape);
    }
    const ins: Instruction = { keyword: m[2].toUpperCase(), start, end, argsStart, args: text.slice(argsStart, end) };
    const here = /<<-?\s*["']?(\w+)["']?/.exec(ins.args);
    if (here && (ins.keyword === 'RUN' || ins.keyword === 'COPY' || ins.keyword === 'ADD')) {
      let k = j + 1;
      while (k < lines.length && textOf(k).trim() !== here[1]) k++;
      const bodyEnd = k < lines.length ? starts[k] : text.length;
      if (j + 1 < lines.length) ins.heredoc = { start: starts[j + 1], end: Math.max(starts[j + 1], bodyEnd - 1) };
      if (k >= lines.length) out.errors.push({ message: `heredoc \`${here[1]}\` is never closed`, start, end });
      ins.end = k < lines.length ? ends[k] : text.length;
      j = Math.min(k, lines.length - 1);
    }
    out.instructions.push(ins);
    i = j;
  }
  return out;
}

/** Splits instruction arguments into words with offsets (flags like `--platform=x` are words too; escape characters dropped). */
export function argWords(ins: Instruction, escape = '\\'): { text: string; start: number; end: number }[] {
  const words: { text: string; start: number; end: number }[] = [];
  for (const m of ins.args.matchAll(/\S+/g)) {
    if (m[0] === escape) continue;
    words.push({ text: m[0], start: ins.argsStart + m.index, end: ins.argsStart + m.index + m[0].length });
  }
  return words;
}
