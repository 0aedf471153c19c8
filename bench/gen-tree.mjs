// Writes the bench's synthetic ML monorepo to bench/.tree/ (deterministic; reused when its stamp matches).
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { notebook, pickleBytes, pythonModule, requirements, rng } from './pysource.mjs';

// The stamp hashes the generator sources, so editing them rebuilds the tree instead of silently reusing a stale one.
const HERE = dirname(fileURLToPath(import.meta.url));
const GEN_VERSION = 'seed=20240318 ' + createHash('sha1')
  .update(readFileSync(join(HERE, 'gen-tree.mjs')))
  .update(readFileSync(join(HERE, 'pysource.mjs')))
  .digest('hex');
const PROJECTS = 20;
const MODULES_PER_PROJECT = 100;

/** Ensures the tree exists; returns its file count and total bytes. */
export function ensureTree(dir) {
  const stamp = join(dir, '.stamp');
  if (!(existsSync(stamp) && readFileSync(stamp, 'utf8') === GEN_VERSION)) {
    rmSync(dir, { recursive: true, force: true });
    generate(dir);
    writeFileSync(stamp, GEN_VERSION);
  }
  return measure(dir);
}

function generate(dir) {
  const r = rng(20240318);
  for (let p = 0; p < PROJECTS; p++) {
    const proj = join(dir, `project-${String(p).padStart(2, '0')}`);
    const pkg = join(proj, 'src', `pkg${p}`);
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(proj, 'requirements.txt'), requirements(r));
    writeFileSync(join(pkg, '__init__.py'), '');
    for (let m = 1; m < MODULES_PER_PROJECT; m++) {
      const sub = m % 4 === 0 ? join(pkg, 'models') : m % 4 === 1 ? join(pkg, 'data') : pkg;
      mkdirSync(sub, { recursive: true });
      const lines = Math.min(1500, Math.max(15, Math.round(r.lognormal(120, 0.9))));
      // About one module in seven has a hazardous load, as in a real codebase with a few loaders.
      const hazards = r.chance(0.15) ? r.int(1, 2) : 0;
      writeFileSync(join(sub, `module_${m}.py`), pythonModule(r, lines, hazards));
    }
    mkdirSync(join(proj, 'notebooks'), { recursive: true });
    for (let n = 0; n < r.int(1, 2); n++) writeFileSync(join(proj, 'notebooks', `explore_${n}.ipynb`), notebook(r));
    mkdirSync(join(proj, 'models'), { recursive: true });
    for (let k = 0; k < r.int(1, 2); k++) writeFileSync(join(proj, 'models', `artifact_${k}.pkl`), pickleBytes(r, r.chance(0.2)));
  }
}

function measure(dir) {
  let files = 0;
  let bytes = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name !== '.stamp') {
        files++;
        bytes += statSync(p).size;
      }
    }
  };
  walk(dir);
  return { files, bytes };
}
