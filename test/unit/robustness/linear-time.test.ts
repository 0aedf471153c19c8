// Workspace text cannot make matching super-linear: each shape that was quadratic (or worse) is timed at two sizes.
import { test } from 'node:test';
import { analyzeNotebookJson, analyzeText } from '../../../server/src/engine/analyze';
import { keepNonOverlapping, overlapsAny } from '../../../server/src/engine/intervals';
import { lowerBounds } from '../../../server/src/engine/project-facts';
import { buildInventory } from '../../../server/src/plugins/threat-model/generate/inventory';
import { engineContext } from '../../helpers/engine';
import { assertLinear } from '../../helpers/timing';

const spaces = (n: number) => ' '.repeat(n);

// [label, file name, text of about n characters]. Each was measured on main before the fix (see CHANGELOG).
const SHAPES: [string, string, (n: number) => string][] = [
  ['requirements: a package name then a long run of spaces', 'requirements.txt', (n) => `numpy${spaces(n)}`],
  ['.env: a credential name then spaces (key/value pattern)', '.env', (n) => `API_KEY${spaces(n)}\n`],
  ['YAML: a credential key then spaces', 'config.yaml', (n) => `password${spaces(n)}\n`],
  ['Python comment: a credential name then spaces', 'train.py', (n) => `# api_key${spaces(n)}\n`],
  ['Python: import then spaces (import-os check of the secret fix)', 'app.py', (n) => `import${spaces(n)}\nAPI_KEY = "Zq8xK2mPw4Lr7Tv9"\n`],
  ['Terraform: an unclosed heredoc over blank lines', 'main.tf', (n) => `resource "aws_s3_bucket" "data" {\n  policy = <<EOF\n${'\n'.repeat(n)}`],
  ['.env: `password=` repeated (each value re-read the rest of the line)', '.env', (n) => 'password='.repeat(Math.ceil(n / 9))],
  ['.env: an unclosed quote after `password=` repeated', '.env', (n) => 'password="'.repeat(Math.ceil(n / 10))],
  ['Dockerfile: blank lines (escape-directive split)', 'Dockerfile', (n) => `${'\n'.repeat(n)}FROM python:3.12\n`],
  ['requirements: one requirement of many words (spec re-sliced per word)', 'requirements.txt', (n) => `numpy ${'x '.repeat(n / 2)}`],
  ['pyproject: blank lines then a dependency table', 'pyproject.toml', (n) => `${'\n'.repeat(n)}[project]\ndependencies = ["numpy"]\n`],
  ['setup.cfg: a key then spaces before a CR', 'setup.cfg', (n) => `[options]\ninstall_requires =${spaces(n)}\r\n`],
  ['.env: many secrets (overlap check compared every hit with every other)', '.env', (n) => Array.from({ length: Math.ceil(n / 40) }, (_, i) => `DB_PASSWORD_${i}=Zq8!xK2m${(i * 7919).toString(36)}\n`).join('')],
  ['Kubernetes env: `name:` then spaces before `value:`', 'deploy/app.yaml', (n) => `apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - env:\n    - name: API_TOKEN\n${spaces(n)}-${spaces(n)}x\n`],
];

test('every reproduced shape costs time linear in its size (×16 input, well under ×256 time)', async () => {
  const ctx = await engineContext();
  for (const [label, file, make] of SHAPES) assertLinear(label, make, (text) => analyzeText(file, text, ctx), 16000);
});

test('notebook outputs: unclosed HTML rows and cells, and `<` runs, stay linear', async () => {
  const ctx = await engineContext();
  const notebook = (html: string) => JSON.stringify({
    cells: [{ cell_type: 'code', source: ['df'], metadata: {}, execution_count: 1, outputs: [{ output_type: 'execute_result', execution_count: 1, metadata: {}, data: { 'text/html': [html] } }] }],
    metadata: {}, nbformat: 4, nbformat_minor: 5,
  });
  assertLinear('unclosed <tr> rows', (n) => notebook(`<table>${'<tr>'.repeat(n / 4)}`), (t) => analyzeNotebookJson('a.ipynb', t, ctx), 16000);
  assertLinear('one row of unclosed <td> cells', (n) => notebook(`<table><tr><th>name</th></tr><tr>${'<td>'.repeat(n / 4)}</tr>`), (t) => analyzeNotebookJson('a.ipynb', t, ctx), 16000);
  assertLinear('a run of <', (n) => notebook('<'.repeat(n)), (t) => analyzeNotebookJson('a.ipynb', t, ctx), 16000);
});

test('dependency facts (read from every requirements file) stay linear', () => {
  assertLinear('unclosed extras on many lines', (n) => 'a[\n'.repeat(n / 3), (t) => lowerBounds('requirements.txt', t), 16000);
  assertLinear('operator then spaces', (n) => `numpy==${spaces(n)}x\n`, (t) => lowerBounds('requirements.txt', t), 16000);
  assertLinear('blank lines in a lock file', (n) => `name = "numpy"\n${'\n'.repeat(n)}x`, (t) => lowerBounds('poetry.lock', t), 16000);
  assertLinear('blank lines in pyproject', (n) => '\n'.repeat(n), (t) => lowerBounds('pyproject.toml', t), 16000);
});

test('the threat-model inventory stays linear in the number of ports, imports and blank lines', () => {
  assertLinear('compose ports', (n) => `services:\n  web:\n    ports:\n${'      - "8080"\n'.repeat(n / 15)}`, (t) => buildInventory([{ path: 'docker-compose.yml', text: t }], []), 16000);
  assertLinear('python imports', (n) => 'import os\n'.repeat(n / 10), (t) => buildInventory([{ path: 'app.py', text: t }], []), 16000);
  assertLinear('blank lines before EXPOSE', (n) => `FROM x\n${'\n'.repeat(n)}EXPOSE 80\n`, (t) => buildInventory([{ path: 'Dockerfile', text: t }], []), 16000);
});

test('keepNonOverlapping equals the pairwise check on random ranges', () => {
  let seed = 7;
  const rnd = (m: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % m);
  for (let round = 0; round < 30; round++) {
    const items = Array.from({ length: 50 + rnd(400) }, () => {
      const start = rnd(2000);
      return { start, end: start + rnd(40) };
    });
    const naive: typeof items = [];
    for (const h of items) if (h.end > h.start && !naive.some((k) => h.start < k.end && k.start < h.end)) naive.push(h);
    const fast = keepNonOverlapping(items);
    if (JSON.stringify(fast) !== JSON.stringify(naive)) throw new Error(`round ${round}: ${fast.length} kept, expected ${naive.length}`);
  }
});

test('overlapsAny equals the pairwise check on random ranges', () => {
  let seed = 11;
  const rnd = (m: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % m);
  for (let round = 0; round < 30; round++) {
    const make = () => {
      const start = rnd(2000);
      return { start, end: start + rnd(60) };
    };
    const spans = Array.from({ length: rnd(50) }, make);
    const test = overlapsAny(spans);
    for (let q = 0; q < 200; q++) {
      const r = make();
      const naive = spans.some((x) => r.start < x.end && x.start < r.end);
      if (test(r) !== naive) throw new Error(`round ${round}: [${r.start}, ${r.end}) gave ${test(r)}`);
    }
  }
});
