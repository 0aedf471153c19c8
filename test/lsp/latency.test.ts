// Protocol test: a one-character edit in a 5,000-line file reaches diagnostics within 15 ms (p95), measured over the wire.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PublishDiagnosticsNotification } from 'vscode-languageserver-protocol/node';
import { type Harness, startServer } from './harness';

let h: Harness;
const URI = 'file:///tmp/mlsec-latency/big.py';

before(async () => {
  h = await startServer();
});
after(async () => {
  await h.stop();
});

function bigFile(lines: number): string {
  const out = ['import torch', 'import pickle', 'import numpy as np', ''];
  for (let i = 0; out.length < lines; i++) {
    // Realistic density: a few findings among thousands of ordinary lines.
    const risky = i % 100 === 0 ? '        return torch.load(path)' : `        return np.load(path, mmap_mode="r")[${i}]`;
    out.push(`def step_${i}(path, x):`, `    y = np.add(x, ${i})  # running total`, `    if y > ${i}:`, risky, '    return x', '');
  }
  return out.join('\n');
}

test('one-character edit in a 5,000-line file: diagnostics p95 <= 15 ms', async () => {
  const text = bigFile(5000);
  await h.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'python', version: 1, text } });
  await h.waitFor(URI, (d) => d.length >= 5, 20000);
  const times: number[] = [];
  let version = 1;
  for (let i = 0; i < 60; i++) {
    version++;
    const line = 5 + 6 * (i % 500); // a comment line in the middle of the file
    const got = new Promise<number>((resolve) => {
      const d = h.conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
        if (p.uri === URI && p.version === version) {
          d.dispose();
          resolve(performance.now());
        }
      });
    });
    const t0 = performance.now();
    await h.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version },
      contentChanges: [{ range: { start: { line, character: 30 }, end: { line, character: 30 } }, text: 'x' }],
    });
    times.push((await got) - t0);
  }
  const steady = times.slice(10).sort((a, b) => a - b);
  const p95 = steady[Math.floor(steady.length * 0.95)];
  console.log(`edit→diagnostics over stdio: p50 ${steady[Math.floor(steady.length / 2)].toFixed(2)} ms, p95 ${p95.toFixed(2)} ms`);
  assert.ok(p95 <= 15, `p95 ${p95.toFixed(2)} ms`);
});
