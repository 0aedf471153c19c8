// "Add .env to .gitignore" for secret-in-env-file findings in a file that the workspace's root .gitignore does not ignore.
import * as fs from 'fs';
import * as path from 'path';
import { type CodeAction, CodeActionKind, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { DiagnosticData } from '../shared/protocol';
import type { ServerState } from './state';
import { pathToUri, uriToPath } from './uri';

/** A .gitignore pattern (`.env*`, `/config/.env`, `*.env`) as a test on a relative path; negations and nested files are not modelled. */
function matches(pattern: string, rel: string): boolean {
  const anchored = pattern.startsWith('/') || pattern.slice(0, -1).includes('/');
  const p = pattern.replace(/^\//, '').replace(/\/$/, '');
  const re = new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\0').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]').replace(/\0/g, '.*')}$`);
  return anchored ? re.test(rel) : rel.split('/').some((_, i, parts) => re.test(parts.slice(i).join('/')) || re.test(parts[i]));
}

/** True when the root .gitignore of `root` ignores `rel` (a simple reading: the last matching line wins). */
export function isIgnored(gitignore: string, rel: string): boolean {
  let ignored = false;
  for (const raw of gitignore.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (line.startsWith('!')) {
      if (matches(line.slice(1), rel)) ignored = false;
    } else if (matches(line, rel)) ignored = true;
  }
  return ignored;
}

/** The action, or none when the file is already ignored, outside the workspace, or the diagnostic is another rule's. */
export function envGitignoreAction(state: Pick<ServerState, 'folders'>, uri: string, d: Diagnostic): CodeAction | undefined {
  if ((d.data as DiagnosticData | undefined)?.ruleId !== 'secret-in-env-file' || !uri.startsWith('file:')) return undefined;
  const file = uriToPath(uri);
  const root = state.folders.find((f) => !path.relative(f, file).startsWith('..'));
  if (!root) return undefined;
  const rel = path.relative(root, file).split(path.sep).join('/');
  const gitignorePath = path.join(root, '.gitignore');
  let current: string | undefined;
  try {
    current = fs.readFileSync(gitignorePath, 'utf8');
  } catch {
    current = undefined;
  }
  if (current !== undefined && isIgnored(current, rel)) return undefined;
  const entry = `/${rel}`;
  const gitignoreUri = pathToUri(gitignorePath);
  const edit: WorkspaceEdit = current === undefined
    ? { documentChanges: [{ kind: 'create', uri: gitignoreUri, options: { ignoreIfExists: true } }, { textDocument: { uri: gitignoreUri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `${entry}\n` }] }] }
    : { changes: { [gitignoreUri]: [{ range: endOf(current), newText: `${current.length && !current.endsWith('\n') ? '\n' : ''}${entry}\n` }] } };
  return { title: `Add ${entry} to .gitignore (then revoke any credential that was committed)`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit };
}

function endOf(text: string) {
  const lines = text.split('\n');
  const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
  return { start: end, end };
}
