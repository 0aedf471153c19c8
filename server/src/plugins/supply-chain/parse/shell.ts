// A small shell tokenizer for RUN bodies and notebook `!` lines: words with offsets, split into simple commands.

/** One shell word: its unquoted text and its range in the analysed text. */
export interface Word {
  text: string;
  start: number;
  end: number;
}

/** A simple command: its words, and whether its input is piped from the previous command. */
export interface ShellCommand {
  words: Word[];
  /** True when this command reads from a `|` pipe. */
  piped: boolean;
  /** The command this one is piped from (for `curl ... | sh`). */
  pipedFrom?: ShellCommand;
}

/**
 * Splits `text[start, end)` into simple commands on `&&`, `||`, `;`, `|`, `&` and newlines.
 * Quotes are removed from words; `\`-newline continues the line; `#` at a word start comments out
 * the rest of the line. Never throws: unbalanced quotes end at `end`.
 */
export function tokenizeShell(text: string, start = 0, end = text.length): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let current: ShellCommand = { words: [], piped: false };
  let word: Word | undefined;
  // Start of the line holding `i`, for increasing `i`: reads each character once, where a
  // `lastIndexOf('\n')` per comment walked back over the whole of a long line every time.
  let seenTo = start;
  let seenLineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineStartOf = (i: number) => {
    for (; seenTo < i; seenTo++) if (text.charCodeAt(seenTo) === 10) seenLineStart = seenTo + 1;
    return seenLineStart;
  };
  const finishWord = () => {
    if (word) current.words.push(word);
    word = undefined;
  };
  const finishCommand = (piped: boolean) => {
    finishWord();
    const prev = current;
    if (prev.words.length) commands.push(prev);
    current = { words: [], piped, pipedFrom: piped && prev.words.length ? prev : undefined };
  };
  let i = start;
  while (i < end) {
    const c = text[i];
    if (c === '\\' && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
      finishWord();
      i += text[i + 1] === '\r' ? 3 : 2;
      continue;
    }
    if (c === '\n' || c === ';') { finishCommand(false); i++; continue; }
    if (c === '&' || c === '|') {
      const doubled = text[i + 1] === c;
      finishCommand(c === '|' && !doubled);
      i += doubled ? 2 : 1;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') { finishWord(); i++; continue; }
    if (c === '#' && !word) {
      // A comment line inside a Dockerfile continuation is removed by Docker: skip its newline too.
      const lineStart = lineStartOf(i);
      const inContinuation = text.slice(lineStart, i).trim() === '' && /\\\r?\n$/.test(text.slice(Math.max(start, lineStart - 3), lineStart));
      while (i < end && text[i] !== '\n') i++;
      if (inContinuation) i++;
      continue;
    }
    if (c === '(' || c === ')') { finishWord(); i++; continue; }
    word ??= { text: '', start: i, end: i };
    if (c === "'" || c === '"') {
      const close = text.indexOf(c, i + 1);
      const stop = close < 0 || close >= end ? end : close;
      word.text += text.slice(i + 1, stop);
      i = stop + 1;
    } else if (c === '\\' && i + 1 < end) {
      word.text += text[i + 1];
      i += 2;
    } else {
      word.text += c;
      i++;
    }
    word.end = Math.min(i, end);
  }
  finishCommand(false);
  return commands;
}
