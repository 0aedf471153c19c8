// Builds the .vsix with @vscode/vsce: production bundles, no node_modules inside, nothing downloaded at run time.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(process.execPath, ['scripts/build.mjs', '--production']);
// vsce 3.9 is the last line that runs on Node 20. Everything the extension needs is in the bundles,
// so --no-dependencies keeps node_modules out of the package.
run(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', 'mlsec.vsix']);
