// Runs the unit and protocol tests (test/**/*.test.ts, except the real-VS-Code suite) with node --test via tsx.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const filter = process.argv.slice(2);
const files = [];
const walk = (d) => {
  for (const name of readdirSync(d)) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) {
      if (!['e2e', 'fixtures', 'rules', 'node_modules'].includes(name)) walk(p);
    } else if (name.endsWith('.test.ts')) files.push(relative(root, p));
  }
};
walk(join(root, 'test'));
const selected = filter.length ? files.filter((f) => filter.some((x) => f.includes(x))) : files;
if (selected.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...selected.sort()], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
