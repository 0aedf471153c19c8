// Deterministic generators of realistic ML-project content (Python modules, notebooks, requirements, pickles) for the bench.

/** Small seeded PRNG (mulberry32): the same seed always yields the same tree. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
    // Log-normal sizes: most modules are small, a few are very large, as in real repos.
    lognormal: (median, sigma) => {
      const u = Math.max(next(), 1e-9);
      const v = next();
      return median * Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
    },
  };
}

const WORDS = ['feature', 'batch', 'loss', 'score', 'label', 'embedding', 'window', 'user', 'item', 'session', 'token', 'sample', 'metric', 'weight', 'grad', 'epoch', 'split', 'fold', 'shard', 'cache'];
const VERBS = ['load', 'build', 'compute', 'normalize', 'encode', 'filter', 'merge', 'train', 'evaluate', 'export', 'prepare', 'collate', 'resample', 'aggregate', 'validate'];

const IMPORTS = [
  'import os', 'import json', 'import logging', 'import math', 'import random', 'import time',
  'from pathlib import Path', 'from dataclasses import dataclass, field', 'from typing import Any, Iterable, Optional',
  'import numpy as np', 'import pandas as pd', 'import torch', 'import torch.nn as nn', 'import torch.nn.functional as F',
  'from torch.utils.data import DataLoader, Dataset', 'from sklearn.model_selection import train_test_split',
  'from sklearn.metrics import roc_auc_score, average_precision_score', 'import yaml', 'import joblib', 'import pickle',
];

// Hazardous snippets a scanner should flag; planted in a minority of modules.
const HAZARDS = [
  (v) => [`    with open(${v}_path, "rb") as f:`, `        ${v} = pickle.load(f)`],
  (v) => [`    ${v} = torch.load(${v}_path, map_location="cpu")`],
  (v) => [`    with open(${v}_path) as f:`, `        ${v} = yaml.load(f, Loader=yaml.Loader)`],
  (v) => [`    ${v} = np.load(${v}_path, allow_pickle=True)`],
  (v) => [`    ${v} = joblib.load(${v}_path)`],
  (v) => [`    ${v} = pd.read_pickle(${v}_path)`],
];
// Safe look-alikes that must stay clean.
const SAFE = [
  (v) => [`    ${v} = torch.load(${v}_path, map_location="cpu", weights_only=True)`],
  (v) => [`    with open(${v}_path) as f:`, `        ${v} = yaml.safe_load(f)`],
  (v) => [`    ${v} = np.load(${v}_path)`],
  (v) => [`    with open(${v}_path) as f:`, `        ${v} = json.load(f)`],
];

function ident(r) {
  return `${r.pick(WORDS)}_${r.pick(WORDS)}`;
}

/** One function body line from a pool of typical data/training statements. */
function statement(r, v, i) {
  const a = r.pick(WORDS);
  const n = r.int(1, 999);
  switch (r.int(0, 11)) {
    case 0: return [`    ${a}_${i} = ${v}.get("${a}", ${n})`];
    case 1: return [`    ${a}_${i} = np.asarray(${v}, dtype=np.float32) * ${n / 100}`];
    case 2: return [`    if ${a}_count > ${n}:`, `        logger.debug("too many ${a}s: %d", ${a}_count)`];
    case 3: return [`    for ${a} in ${v}:`, `        total += float(${a}) / ${n}`];
    case 4: return [`    ${a}_${i} = [x for x in ${v} if x is not None][:${n}]`];
    case 5: return [`    # ${r.pick(VERBS)} the ${a}s before the ${r.pick(WORDS)} step; order matters for reproducibility`];
    case 6: return [`    ${a}_${i} = pd.Series(${v}).rolling(${r.int(2, 30)}).mean().fillna(0.${n})`];
    case 7: return [`    ${a}_${i} = torch.tensor(${v}, dtype=torch.float32).clamp(min=0, max=${n})`];
    case 8: return [`    try:`, `        ${a}_${i} = int(${v}["${a}"])`, `    except (KeyError, ValueError):`, `        ${a}_${i} = ${n}`];
    case 9: return [`    ${a}_${i} = {k: val for k, val in enumerate(${v}) if k % ${r.int(2, 9)} == 0}`];
    case 10: return [`    ${a}_${i} = os.environ.get("${a.toUpperCase()}_DIR", "/tmp/${a}")`];
    default: return [`    ${a}_${i} = math.sqrt(abs(total) + ${n}) if total else ${n}`];
  }
}

/** One function: signature, docstring, 4-30 statements, a return. `extra` is spliced in the body. */
function pyFunction(r, extra) {
  const name = `${r.pick(VERBS)}_${ident(r)}`;
  const v = r.pick(WORDS);
  const lines = [`def ${name}(${v}, ${v}_path: str = "data/${v}.bin", ${r.pick(WORDS)}_count: int = ${r.int(1, 64)}):`];
  const verb = r.pick(VERBS);
  lines.push(`    """${verb[0].toUpperCase()}${verb.slice(1)} ${r.pick(WORDS)}s for the ${r.pick(WORDS)} pipeline."""`);
  lines.push('    total = 0.0');
  const nStmts = r.int(4, 30);
  const at = r.int(0, nStmts - 1);
  for (let i = 0; i < nStmts; i++) {
    if (extra && i === at) lines.push(...extra(v));
    lines.push(...statement(r, v, i));
  }
  lines.push(`    return total`);
  return lines;
}

function pyClass(r) {
  const name = ident(r).split('_').map((w) => w[0].toUpperCase() + w.slice(1)).join('') + r.pick(['Dataset', 'Model', 'Encoder', 'Head']);
  const h = r.pick([32, 64, 128, 256]);
  return [
    `class ${name}(nn.Module):`,
    `    def __init__(self, n_in: int, hidden: int = ${h}, dropout: float = 0.${r.int(1, 5)}):`,
    '        super().__init__()',
    '        self.proj = nn.Linear(n_in, hidden)',
    '        self.drop = nn.Dropout(dropout)',
    '        self.out = nn.Linear(hidden, 1)',
    '',
    '    def forward(self, x):',
    '        x = F.relu(self.proj(x))',
    '        return self.out(self.drop(x)).squeeze(-1)',
  ];
}

/**
 * A Python module of roughly `targetLines` lines. `hazards` hazardous calls and some safe
 * look-alikes are placed inside function bodies.
 */
export function pythonModule(r, targetLines, hazards = 0) {
  const lines = [`"""${r.pick(VERBS)} ${r.pick(WORDS)}s: part of the ${r.pick(WORDS)} pipeline."""`, 'from __future__ import annotations', ''];
  const imports = new Set(['import logging', 'import math', 'import os', 'import json', 'import pickle', 'import yaml', 'import joblib', 'import numpy as np', 'import pandas as pd', 'import torch', 'import torch.nn as nn', 'import torch.nn.functional as F']);
  for (let i = 0; i < r.int(0, 4); i++) imports.add(r.pick(IMPORTS));
  lines.push(...[...imports].sort(), '', 'logger = logging.getLogger(__name__)', `SEED = ${r.int(0, 9999)}`, '');
  let left = hazards;
  while (lines.length < targetLines) {
    lines.push('');
    if (r.chance(0.12)) {
      lines.push(...pyClass(r));
    } else {
      let extra;
      if (left > 0 && r.chance(0.5)) {
        extra = r.pick(HAZARDS);
        left--;
      } else if (r.chance(0.1)) {
        extra = r.pick(SAFE);
      }
      lines.push(...pyFunction(r, extra));
    }
    lines.push('');
  }
  while (left-- > 0) lines.push('', ...pyFunction(r, r.pick(HAZARDS)));
  return lines.join('\n') + '\n';
}

/** An .ipynb (nbformat 4.5) with markdown, code and text outputs; some cells load pickles. */
export function notebook(r) {
  const cells = [];
  let ec = 0;
  const src = (s) => s.split('\n').map((l, i, a) => (i < a.length - 1 ? l + '\n' : l));
  const nCells = r.int(8, 24);
  cells.push({ cell_type: 'code', execution_count: ++ec, id: `c${cells.length}`, metadata: {}, outputs: [], source: src('%matplotlib inline\nimport pickle\nimport numpy as np\nimport pandas as pd\nimport torch') });
  for (let i = 1; i < nCells; i++) {
    const id = `c${i}`;
    if (r.chance(0.3)) {
      cells.push({ cell_type: 'markdown', id, metadata: {}, source: src(`## ${r.pick(VERBS)} ${r.pick(WORDS)}s\n\nNotes on the ${r.pick(WORDS)} distribution and why we ${r.pick(VERBS)} it here.`) });
      continue;
    }
    let code;
    if (r.chance(0.1)) code = `with open("../data/${r.pick(WORDS)}.pkl", "rb") as f:\n    obj = pickle.load(f)\nlen(obj)`;
    else if (r.chance(0.05)) code = `state = torch.load("../models/${r.pick(WORDS)}.pt")\nlist(state)[:5]`;
    else code = Array.from({ length: r.int(2, 12) }, (_, k) => statement(r, 'df', k).map((l) => l.slice(4)).join('\n')).join('\n');
    const table = Array.from({ length: 5 }, (_, k) => `${k}  ${r.int(0, 9999)}  ${r.next().toFixed(4)}  ${r.pick(WORDS)}`);
    ec++;
    cells.push({
      cell_type: 'code', execution_count: ec, id, metadata: {}, source: src(code),
      outputs: r.chance(0.5)
        ? [{ output_type: 'execute_result', execution_count: ec, metadata: {}, data: { 'text/plain': src(`   id  value  ${r.pick(WORDS)}\n` + table.join('\n')) } }]
        : [{ output_type: 'stream', name: 'stdout', text: src(`${r.pick(WORDS)}: ${r.next().toFixed(5)}\n`) }],
    });
  }
  return JSON.stringify({
    cells,
    metadata: { kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' }, language_info: { name: 'python', version: '3.11.7' } },
    nbformat: 4, nbformat_minor: 5,
  }, null, 1) + '\n';
}

/** A requirements.txt: some pinned, some ranged, some bare. */
export function requirements(r) {
  const pkgs = ['torch', 'numpy', 'pandas', 'scikit-learn', 'pyyaml', 'joblib', 'fastapi', 'uvicorn', 'transformers', 'datasets', 'mlflow', 'matplotlib', 'tqdm', 'pydantic'];
  return pkgs.filter(() => r.chance(0.7)).map((p) => {
    const k = r.int(0, 2);
    return k === 0 ? p : k === 1 ? `${p}==${r.int(0, 3)}.${r.int(0, 20)}.${r.int(0, 5)}` : `${p}>=${r.int(1, 2)}.${r.int(0, 9)}`;
  }).join('\n') + '\n';
}

function pstr(s) {
  const b = Buffer.from(s, 'utf8');
  return Buffer.concat([Buffer.from([0x8c, b.length]), b]); // SHORT_BINUNICODE
}

/**
 * A small protocol-4 pickle: a dict of floats (benign), optionally with an `os.system` REDUCE
 * (malicious). Bytes are assembled by hand; nothing is ever unpickled.
 */
export function pickleBytes(r, malicious) {
  const parts = [Buffer.from('}\x94(', 'latin1')];
  for (let i = 0, n = r.int(3, 40); i < n; i++) {
    const f = Buffer.alloc(9);
    f[0] = 0x47; // BINFLOAT
    f.writeDoubleBE(r.next(), 1);
    parts.push(pstr(`${r.pick(WORDS)}_${i}`), f);
  }
  if (malicious) parts.push(pstr('hook'), pstr('os'), pstr('system'), Buffer.from([0x93]), pstr('echo pwned'), Buffer.from([0x85, 0x52]));
  parts.push(Buffer.from('u.', 'latin1'));
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(11);
  head.write('\x80\x04\x95', 0, 'latin1');
  head.writeBigUInt64LE(BigInt(body.length), 3);
  return Buffer.concat([head, body]);
}
