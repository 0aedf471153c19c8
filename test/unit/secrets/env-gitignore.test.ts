// The "Add .env to .gitignore" action: offered only when the env file is not ignored; appends to or creates .gitignore.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver/node';
import { envGitignoreAction, isIgnored } from '../../../server/src/lsp/env-gitignore-action';
import { pathToUri } from '../../../server/src/lsp/uri';
import { tree } from '../cli/helpers';

const diag = (ruleId: string): Diagnostic => ({ range: { start: { line: 0, character: 9 }, end: { line: 0, character: 20 } }, message: 'm', source: 'mlsec', data: { ruleId, fixes: [] } });

test('gitignore reading: names, globs, anchors and negation', () => {
  assert.equal(isIgnored('.env\n', '.env'), true);
  assert.equal(isIgnored('.env*\n', 'svc/.env.local'), true);
  assert.equal(isIgnored('*.env\n', 'prod.env'), true);
  assert.equal(isIgnored('/config/.env\n', 'config/.env'), true);
  assert.equal(isIgnored('/config/.env\n', 'other/config/.env'), false);
  assert.equal(isIgnored('.env*\n!.env.example\n', '.env.example'), false);
  assert.equal(isIgnored('node_modules/\n# .env\n', '.env'), false);
});

test('offered when the .env file is not ignored, appending to .gitignore; absent once it is', () => {
  const dir = tree({ '.env': 'X=1\n', '.gitignore': 'node_modules/' });
  const uri = pathToUri(path.join(dir, '.env'));
  const action = envGitignoreAction({ folders: [dir] }, uri, diag('secret-in-env-file'));
  assert.ok(action?.edit?.changes, 'an edit of .gitignore');
  const [edit] = Object.values(action.edit.changes)[0];
  assert.equal(edit.newText, '\n/.env\n');
  assert.equal(envGitignoreAction({ folders: [dir] }, uri, diag('hardcoded-secret')), undefined, 'other rules get no such action');
  fs.writeFileSync(path.join(dir, '.gitignore'), 'node_modules/\n/.env\n');
  assert.equal(envGitignoreAction({ folders: [dir] }, uri, diag('secret-in-env-file')), undefined, 'already ignored');
  fs.rmSync(dir, { recursive: true, force: true });
});

test('creates .gitignore when there is none', () => {
  const dir = tree({ 'svc/.env.prod': 'X=1\n' });
  const action = envGitignoreAction({ folders: [dir] }, pathToUri(path.join(dir, 'svc/.env.prod')), diag('secret-in-env-file'));
  const changes = action?.edit?.documentChanges ?? [];
  assert.equal(changes.length, 2);
  assert.equal((changes[0] as { kind: string }).kind, 'create');
  assert.equal((changes[1] as { edits: { newText: string }[] }).edits[0].newText, '/svc/.env.prod\n');
  fs.rmSync(dir, { recursive: true, force: true });
});
