// Fix for a secret in a Dockerfile ENV/ARG line: drop the literal and pass it as a BuildKit secret to the RUN lines that use it.
import type { Fix, TextEdit } from '../../engine/finding';
import type { SourceFile } from '../../engine/source-file';
import { looksLikeCredential } from './generic';
import type { Hit } from './hit';

/** The fix, or none when the line is not a single-variable ENV/ARG instruction (continuations, several pairs). */
export function dockerfileSecretFix(file: SourceFile, hit: Hit): Fix[] {
  const text = file.text;
  const lineStart = text.lastIndexOf('\n', hit.start - 1) + 1;
  let lineEnd = text.indexOf('\n', hit.start);
  if (lineEnd < 0) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  const m = /^[ \t]*(ENV|ARG)[ \t]+([A-Za-z_]\w*)(?:[ \t]*=[ \t]*|[ \t]+)(\S+)[ \t]*$/i.exec(line);
  if (!m || line.endsWith('\\') || looksLikeCredential(m[2], 'weak-key')) return [];
  const name = m[2];
  const edits: TextEdit[] = [{
    range: { start: lineStart, end: lineStart + line.length },
    newText: `# ${name} is passed at build time, never stored in the image: docker build --secret id=${name},env=${name} .`,
  }];
  // Each later RUN that reads $NAME gets the secret mounted as an environment variable for that step only.
  const uses = new RegExp(`\\$\\{?${name}\\b`);
  const run = /^([ \t]*RUN[ \t]+)/gim;
  run.lastIndex = lineEnd;
  for (let r = run.exec(text); r; r = run.exec(text)) {
    const end = text.indexOf('\n', r.index);
    const body = text.slice(r.index, end < 0 ? text.length : end);
    if (!uses.test(body)) continue;
    edits.push({ range: { start: r.index + r[1].length, end: r.index + r[1].length }, newText: `--mount=type=secret,id=${name},env=${name} ` });
  }
  return [{ title: `Remove the literal ${m[1]} and pass ${name} as a BuildKit secret (then revoke the leaked value)`, edits, safe: false }];
}
