// Parses requirements / constraints files into options and requirements with offsets; never throws.

/** A pip option line (`-r x`, `--extra-index-url u`, `--trusted-host h`, `--require-hashes`, ...). */
export interface ReqOption {
  kind: 'option';
  name: string;
  value?: string;
  /** The whole option (name and value). */
  start: number;
  end: number;
}

/** A requirement line. `start`/`end` cover the requirement spec (not its options). */
export interface ReqLine {
  kind: 'requirement';
  spec: string;
  editable: boolean;
  hashes: string[];
  start: number;
  end: number;
  /** End of the logical line's content (before any comment), for fixes that append hashes. */
  lineEnd: number;
}

/** A parsed requirements file. `errors` are lines pip would reject; they never stop parsing. */
export interface RequirementsFile {
  entries: (ReqOption | ReqLine)[];
  errors: { message: string; start: number; end: number }[];
  /** True when any line has `--hash` or the file says `--require-hashes`: pip then requires hashes everywhere. */
  hashMode: boolean;
}

interface Tok { text: string; start: number; end: number }

const VALUE_OPTS = new Set(['-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links',
  '--trusted-host', '--hash', '--no-binary', '--only-binary', '--config-settings', '--global-option', '-Z']);
const FLAG_OPTS = new Set(['--require-hashes', '--pre', '--no-index', '--prefer-binary', '--use-feature', '--always-unzip']);

/** Splits the text into logical lines (joining `\`-newline continuations), each as tokens with offsets; comments dropped. */
function logicalLines(text: string): Tok[][] {
  const lines: Tok[][] = [];
  let toks: Tok[] = [];
  let cur: Tok | undefined;
  const push = () => { if (cur) toks.push(cur); cur = undefined; };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) { push(); i += text[i + 1] === '\r' ? 2 : 1; continue; }
    if (c === '\n') { push(); lines.push(toks); toks = []; continue; }
    // pip strips `#` comments at line start or after whitespace (a `#` inside a URL fragment stays).
    if (c === '#' && (!cur || /\s/.test(text[i - 1] ?? ' '))) {
      push();
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') { push(); continue; }
    cur ??= { text: '', start: i, end: i };
    cur.text += c;
    cur.end = i + 1;
  }
  push();
  lines.push(toks);
  return lines.filter((l) => l.length);
}

/** Parses requirements text. Markers after `;` stay part of the spec (they do not change pinning). */
export function parseRequirements(text: string): RequirementsFile {
  const out: RequirementsFile = { entries: [], errors: [], hashMode: false };
  for (const toks of logicalLines(text)) {
    let i = 0;
    let req: ReqLine | undefined;
    let editable = false;
    // The spec of a requirement with spaces is sliced once it is complete: re-slicing it at every token
    // was quadratic in a line of many words.
    let grown: ReqLine | undefined;
    const settle = () => {
      if (grown) grown.spec = text.slice(grown.start, grown.end).replace(/\\\r?\n/g, ' ');
      grown = undefined;
    };
    while (i < toks.length) {
      const t = toks[i];
      // After a marker's `;` an option-looking token is part of the marker expression (the spec's last character is the text's at `end - 1`).
      if (t.text.startsWith('-') && !(req && text[req.end - 1] === ';')) {
        settle();
        const eq = t.text.indexOf('=');
        let name = eq > 0 && t.text.startsWith('--') ? t.text.slice(0, eq) : t.text;
        let value: string | undefined = eq > 0 && t.text.startsWith('--') ? t.text.slice(eq + 1) : undefined;
        let end = t.end;
        if (/^-[rcefiZ]./.test(name)) { value = name.slice(2); name = name.slice(0, 2); }
        if (value === undefined && VALUE_OPTS.has(name)) {
          const next = toks[i + 1];
          if (!next) { out.errors.push({ message: `\`${name}\` needs a value`, start: t.start, end: t.end }); i++; continue; }
          value = next.text;
          end = next.end;
          i++;
        } else if (value === undefined && !FLAG_OPTS.has(name)) {
          out.errors.push({ message: `unknown option \`${name}\``, start: t.start, end: t.end });
        }
        i++;
        if (name === '--hash') {
          out.hashMode = true;
          if (req) req.hashes.push(value ?? '');
          else out.errors.push({ message: '`--hash` without a requirement on the same line', start: t.start, end });
          continue;
        }
        if (name === '--require-hashes') out.hashMode = true;
        if (name === '-e' || name === '--editable') {
          editable = true;
          req = { kind: 'requirement', spec: value ?? '', editable, hashes: [], start: end - (value?.length ?? 0), end, lineEnd: end };
          out.entries.push(req);
          continue;
        }
        out.entries.push({ kind: 'option', name, value, start: t.start, end });
        continue;
      }
      if (!req) {
        req = { kind: 'requirement', spec: t.text, editable, hashes: [], start: t.start, end: t.end, lineEnd: t.end };
        out.entries.push(req);
      } else if (!req.hashes.length) {
        // Spaces inside a requirement (`numpy >= 1.2`, markers): the spec runs on until an option.
        req.end = t.end;
        grown = req;
      } else {
        out.errors.push({ message: `unexpected \`${t.text}\` after --hash`, start: t.start, end: t.end });
      }
      req.lineEnd = Math.max(req.lineEnd, t.end);
      i++;
    }
    settle();
    if (req) req.lineEnd = toks[toks.length - 1].end;
  }
  for (const e of out.entries) {
    if (e.kind === 'requirement' && !e.editable && !/^([A-Za-z0-9]|\.|\/|~|[a-z+]+:)/i.test(e.spec)) {
      out.errors.push({ message: `not a requirement: \`${e.spec.slice(0, 40)}\``, start: e.start, end: e.end });
    }
  }
  return out;
}
