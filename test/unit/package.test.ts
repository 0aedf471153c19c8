// The real `vsce package` (offline, its secret scan on): the .vsix ships bundles, wasm, rules and docs, never tests, fixtures, sources, maps or node_modules.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import yauzl from 'yauzl';
import { scanText } from '../../server/src/plugins/secrets/scan';

const root = path.join(__dirname, '..', '..');

/** Entry names and the text of the bundled .js files of a .vsix (a zip). */
function readVsix(file: string): Promise<{ names: string[]; bundles: Map<string, string> }> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const names: string[] = [];
      const bundles = new Map<string, string>();
      zip.on('entry', (e: yauzl.Entry) => {
        names.push(e.fileName);
        if (!e.fileName.endsWith('.js')) return zip.readEntry();
        zip.openReadStream(e, (er, s) => {
          if (er || !s) return reject(er);
          const chunks: Buffer[] = [];
          s.on('data', (c: Buffer) => chunks.push(c));
          s.on('end', () => (bundles.set(e.fileName, Buffer.concat(chunks).toString('utf8')), zip.readEntry()));
        });
      });
      zip.on('end', () => resolve({ names, bundles }));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

test('vsce package builds a .vsix (secret scan on) with bundles, grammars, rules and docs only', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsec-vsix-'));
  const out = path.join(dir, 'mlsec.vsix');
  try {
    // Exactly what `npm run package` runs after its production build, minus the rebuild (other tests use the bundles).
    const r = spawnSync(process.execPath, [path.join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', out], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 0, `vsce package failed:\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
    const { names, bundles } = await readVsix(out);
    const files = names.filter((n) => n.startsWith('extension/')).map((n) => n.slice('extension/'.length));
    for (const must of ['package.json', 'client/out/extension.js', 'server/out/server.js', 'server/out/cli.js', 'server/out/scan-worker.js',
      'server/out/web-tree-sitter.wasm', 'server/out/tree-sitter-python.wasm', 'rules/python/unsafe-torch-load.yaml', 'rules/model/pickle-dangerous-global.yaml',
      'syntaxes/mlsec-ignore.injection.tmLanguage.json', 'docs/rules/unsafe-torch-load.md']) {
      assert.ok(files.includes(must), `package lacks ${must}`);
    }
    for (const f of files) {
      const bad = f.startsWith('node_modules/') || f.includes('/node_modules/') || /\.ts$|\.map$/.test(f) || /^(?:test|\.vscode-test|bench|examples|scripts)\//.test(f) || /(?:^|\/)fixtures?\//.test(f);
      assert.ok(!bad, `package must not contain ${f}`);
    }
    // Our own scanner agrees with vsce's: no bundle holds a provider-format token or a private key.
    for (const [name, text] of bundles) {
      const hits = scanText(text, { providersOnly: true });
      assert.equal(hits.length, 0, `${name} holds ${hits.length} secret-shaped literal(s): ${hits.map((h) => `${h.provider} at ${h.start}`).join(', ')}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
