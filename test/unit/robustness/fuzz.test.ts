// Bounded fuzzing with fast-check: generated notebooks, YAML, Dockerfiles, requirements, .env, Python and pickle bytes never throw past the engine or take long.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyzeModelFile, analyzeNotebookJson, analyzeText, type EngineContext } from '../../../server/src/engine/analyze';
import { engineContext } from '../../helpers/engine';

// Fixed seed and case counts: the same cases on every run (a failure is reproducible), the whole file in a few seconds.
const RUNS = { numRuns: 100, seed: 20261204 };
// Per input: far above what these small inputs need, far below a hang.
const MAX_MS = 3000;

// Characters that matter to the parsers and patterns: quotes, brackets, escapes, separators, blanks, non-ASCII.
const piece = fc.oneof(
  fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '#', '"', "'", '`', '\\', '[', ']', '{', '}', '(', ')', '<', '>', '=', '==', ':', ',', ';', '-', '--', '@', '$', '${', '%', '!', '|', '&', 'é', '\u2028'),
  fc.constantFrom('password', 'API_KEY', 'token', 'secret', 'numpy', 'torch', 'pickle', 'import', 'from', 'os', 'FROM', 'RUN', 'ENV', 'pip install', 'name', 'value', 'image', 'email', 'ssn', '<<EOF', 'EOF', 'sk-', 'ghp_', 'AKIA', 'hf_'),
  fc.string({ maxLength: 12 }),
  fc.stringMatching(/^[A-Za-z0-9]{8,40}$/),
);
const blob = fc.array(piece, { maxLength: 60 }).map((p) => p.join(''));
const lines = (line: fc.Arbitrary<string>) => fc.array(line, { maxLength: 30 }).map((l) => l.join('\n'));

const yaml = lines(fc.tuple(fc.nat({ max: 6 }), fc.constantFrom('', '- '), blob, fc.constantFrom(':', ': ', ' '), blob).map(([indent, dash, k, sep, v]) => `${' '.repeat(indent)}${dash}${k}${sep}${v}`));
const dockerfile = lines(fc.tuple(fc.constantFrom('FROM', 'RUN', 'ENV', 'ARG', 'COPY', 'ADD', 'USER', '#', '', 'RUN <<EOF', 'EXPOSE'), blob, fc.constantFrom('', ' \\')).map(([k, a, c]) => `${k} ${a}${c}`));
const requirements = lines(fc.tuple(fc.stringMatching(/^[A-Za-z][A-Za-z0-9._-]{0,12}$/), fc.constantFrom('', '==', '>=', '~=', '[x]', ' @ ', ';', ' --hash=sha256:'), blob).map(([n, op, rest]) => `${n}${op}${rest}`));
const dotenv = lines(fc.tuple(fc.constantFrom('', 'export ', '#'), fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,15}$/), fc.constantFrom('=', '= ', ' = ', ':'), blob).map(([p, k, eq, v]) => `${p}${k}${eq}${v}`));
const python = lines(fc.oneof(
  blob,
  fc.tuple(fc.nat({ max: 8 }), fc.constantFrom('x = ', 'import ', 'from x import ', 'def f(', 'if x:', 'pickle.loads(', 'torch.load(', 'yaml.load(', 'API_KEY = "', '# ', '"""'), blob).map(([i, k, r]) => `${' '.repeat(i)}${k}${r}`),
));
const notebook = fc.oneof(
  fc.record({
    cells: fc.array(fc.record({
      cell_type: fc.constantFrom('code', 'markdown', 'raw', 'other'),
      source: fc.oneof(fc.array(python, { maxLength: 4 }), python),
      metadata: fc.constant({}),
      outputs: fc.array(fc.oneof(
        fc.record({ output_type: fc.constant('stream'), name: fc.constant('stdout'), text: fc.array(blob, { maxLength: 3 }) }),
        fc.record({ output_type: fc.constant('execute_result'), data: fc.record({ 'text/plain': fc.array(blob, { maxLength: 3 }), 'text/html': fc.array(blob.map((b) => `<table><tr><th>${b}</th></tr><tr><td>${b}`), { maxLength: 2 }) }) }),
        fc.record({ output_type: fc.constant('error'), traceback: fc.array(blob, { maxLength: 3 }) }),
      ), { maxLength: 3 }),
    }), { maxLength: 5 }),
    metadata: fc.constant({}),
    nbformat: fc.constant(4),
  }).map((nb) => JSON.stringify(nb)),
  // Broken or odd JSON: truncated, deeply nested, not a notebook.
  fc.tuple(blob, fc.nat({ max: 3000 })).map(([b, depth]) => `{"cells": [${'['.repeat(depth)}"${b.replace(/["\\]/g, '')}"`),
  blob,
);
// Pickle-ish bytes: protocol header, then opcodes and operands in any order (GLOBAL, STACK_GLOBAL, MEMOIZE, REDUCE...).
const pickle = fc.array(fc.oneof(
  fc.constantFrom(0x80, 0x63, 0x93, 0x94, 0x52, 0x2e, 0x8c, 0x58, 0x28, 0x74, 0x7d, 0x71, 0x68, 0x62, 0x81, 0x4b, 0x4a, 0x95).map((b) => [b]),
  fc.string({ maxLength: 16 }).map((s) => [...Buffer.from(`${s}\n`)]),
  fc.uint8Array({ maxLength: 8 }).map((a) => [...a]),
), { maxLength: 80 }).map((parts) => Buffer.from([0x80, 0x04, ...parts.flat(), 0x2e]));

/** Runs one analysis, failing on a throw or on taking longer than MAX_MS. */
function bounded<T>(label: string, input: string, run: () => T): T {
  const t = performance.now();
  let r: T;
  try {
    r = run();
  } catch (e) {
    // Never print the input in full: generated text may look like a token.
    throw new Error(`${label} threw on a ${input.length}-character input: ${(e as Error).message}`, { cause: e });
  }
  const took = performance.now() - t;
  assert.ok(took < MAX_MS, `${label} took ${took.toFixed(0)} ms on a ${input.length}-character input`);
  return r;
}

const TEXT_KINDS: [string, string, fc.Arbitrary<string>][] = [
  ['YAML', 'config.yaml', yaml],
  ['Kubernetes YAML', 'deploy/app.yaml', yaml.map((y) => `apiVersion: v1\nkind: Secret\ndata:\n${y}`)],
  ['compose', 'docker-compose.yml', yaml.map((y) => `services:\n  web:\n${y}`)],
  ['Dockerfile', 'Dockerfile', dockerfile],
  ['requirements', 'requirements.txt', requirements],
  ['.env', '.env', dotenv],
  ['Python', 'train.py', python],
  ['Terraform', 'main.tf', lines(blob).map((b) => `resource "aws_s3_bucket" "data" {\n${b}`)],
];

test('text analysers: generated files of every kind never throw past the engine and stay fast', async () => {
  const ctx: EngineContext = await engineContext();
  for (const [label, file, arb] of TEXT_KINDS) {
    fc.assert(fc.property(arb, (text) => {
      const r = bounded(label, text, () => analyzeText(file, text, ctx));
      assert.ok(Array.isArray(r.findings) && Array.isArray(r.problems));
      for (const f of r.findings) assert.ok(f.range.start >= 0 && f.range.end <= text.length && f.range.start <= f.range.end, `${label}: range out of the text`);
    }), RUNS);
  }
});

test('notebooks: generated, broken and deeply nested notebook JSON never throws and stays fast', async () => {
  const ctx = await engineContext();
  fc.assert(fc.property(notebook, (text) => {
    const r = bounded('notebook', text, () => analyzeNotebookJson('nb.ipynb', text, ctx));
    for (const f of r.findings) assert.ok(f.range.start >= 0 && f.range.end <= text.length, 'notebook: range out of the file');
  }), RUNS);
});

test('pickle opcodes: generated byte streams are disassembled without a throw (bytes only, never loaded)', async () => {
  const ctx = await engineContext();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsec-fuzz-'));
  const file = path.join(dir, 'model.pkl');
  await fc.assert(fc.asyncProperty(pickle, async (bytes) => {
    fs.writeFileSync(file, bytes);
    const t = performance.now();
    const r = await analyzeModelFile(file, ctx);
    assert.ok(performance.now() - t < MAX_MS, `pickle scan took too long on ${bytes.length} bytes`);
    assert.ok(Array.isArray(r.findings) && Array.isArray(r.problems));
  }), RUNS);
  fs.rmSync(dir, { recursive: true, force: true });
});
