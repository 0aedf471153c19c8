// Bundles the client, the language server and the CLI with esbuild, and copies the tree-sitter .wasm files beside them.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // jsonc-parser's `main` is a UMD build whose internal requires esbuild cannot follow; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  // web-tree-sitter's ESM build reads import.meta.url, which is empty in a CJS bundle; its CJS build uses __dirname.
  alias: { 'web-tree-sitter': join(root, 'node_modules/web-tree-sitter/web-tree-sitter.cjs') },
};

const serverOut = join(root, 'server/out');
mkdirSync(serverOut, { recursive: true });
const wasm = [
  'node_modules/web-tree-sitter/web-tree-sitter.wasm',
  'node_modules/tree-sitter-python/tree-sitter-python.wasm',
];
for (const f of wasm) {
  const src = join(root, f);
  if (!existsSync(src)) throw new Error(`build: ${f} missing (run npm ci)`);
  copyFileSync(src, join(serverOut, f.split('/').pop()));
}

const builds = [
  { entryPoints: [join(root, 'server/src/cli.ts')], outfile: join(serverOut, 'cli.js'), banner: { js: '#!/usr/bin/env node' } },
  // Large CLI scans analyse on worker threads; each runs this bundle.
  { entryPoints: [join(root, 'server/src/cli/scan-worker.ts')], outfile: join(serverOut, 'scan-worker.js') },
];
if (existsSync(join(root, 'server/src/lsp/server.ts'))) builds.push({ entryPoints: [join(root, 'server/src/lsp/server.ts')], outfile: join(serverOut, 'server.js') });
if (existsSync(join(root, 'client/src/extension.ts'))) builds.push({ entryPoints: [join(root, 'client/src/extension.ts')], outfile: join(root, 'client/out/extension.js'), external: ['vscode'] });

await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));

// Pre-parsed rule cards (content hash -> parsed YAML): the server and CLI skip the YAML parse at start
// for cards whose text is unchanged, and still validate every card (engine/registry.ts).
const catalogue = {};
const walkCards = (d) => {
  for (const n of readdirSync(d).sort()) {
    const p = join(d, n);
    if (statSync(p).isDirectory()) walkCards(p);
    else if (/\.ya?ml$/.test(n)) {
      const text = readFileSync(p, 'utf8');
      catalogue[createHash('sha256').update(text).digest('hex')] = parseYaml(text);
    }
  }
};
walkCards(join(root, 'rules'));
writeFileSync(join(serverOut, 'catalogue.json'), JSON.stringify(catalogue));
chmodSync(join(serverOut, 'cli.js'), 0o755);
console.log(`built ${builds.length} bundles${production ? ' (production)' : ''}`);
