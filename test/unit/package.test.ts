// The .vsix contents (via `vsce ls`, which packages nothing): bundles, wasm, rules and docs; never node_modules or sources.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { test } from 'node:test';

const root = path.join(__dirname, '..', '..');

test('the extension package ships bundles, grammars, rules and docs, and no node_modules', () => {
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const files = r.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
  for (const must of ['package.json', 'client/out/extension.js', 'server/out/server.js', 'server/out/cli.js', 'server/out/scan-worker.js',
    'server/out/web-tree-sitter.wasm', 'server/out/tree-sitter-python.wasm', 'rules/python/unsafe-torch-load.yaml', 'rules/model/pickle-dangerous-global.yaml',
    'syntaxes/mlsec-ignore.injection.tmLanguage.json', 'docs/rules/unsafe-torch-load.md']) {
    assert.ok(files.includes(must), `package lacks ${must}`);
  }
  for (const f of files) {
    assert.ok(!f.startsWith('node_modules/') && !/\.ts$/.test(f) && !f.startsWith('test/') && !f.startsWith('.vscode-test/'), `package must not contain ${f}`);
  }
});
