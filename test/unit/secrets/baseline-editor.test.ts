// The editor honours mlsec.baseline: diagnostics whose CLI fingerprints are in the file are not published; new ones are.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyzeText } from '../../../server/src/engine/analyze';
import { withoutBaselined } from '../../../server/src/lsp/baseline-filter';
import { findingDiagnostic } from '../../../server/src/lsp/convert';
import { pathToUri } from '../../../server/src/lsp/uri';
import { DEFAULT_SETTINGS } from '../../../server/src/shared/settings';
import { CLI, TORCH_LOAD, tree } from '../cli/helpers';
import { engineContext } from '../../helpers/engine';
import { fakeTokens } from './tokens';

const t = fakeTokens(9);

test('diagnostics accepted by the baseline file are dropped, others kept', async () => {
  const dir = tree({ 'train.py': `${TORCH_LOAD}HF_TOKEN = "${t.hf}"\n` });
  assert.equal(spawnSync(process.execPath, [CLI, 'scan', '.', '--write-baseline', 'base.json', '--exit-zero'], { cwd: dir }).status, 0);
  const file = path.join(dir, 'train.py');
  const text = `${TORCH_LOAD}HF_TOKEN = "${t.hf}"\nGROQ = "${t.groq}"\n`;
  const ctx = await engineContext();
  const r = analyzeText(file, text, ctx);
  const diags = r.findings.map((f) => findingDiagnostic(f, r.file, 'python'));
  assert.equal(diags.length, 3, 'torch.load, the accepted token and a new token');
  const state = { settings: { ...DEFAULT_SETTINGS, baseline: 'base.json' }, folders: [dir], registry: ctx.registry, documents: { get: () => ({ getText: () => text }) } } as unknown as Parameters<typeof withoutBaselined>[0];
  const kept = withoutBaselined(state, pathToUri(file), diags);
  assert.deepEqual(kept.map((d) => [d.code, d.range.start.line + 1]), [['hardcoded-secret', 4]]);
  const off = { ...state, settings: DEFAULT_SETTINGS } as typeof state;
  assert.equal(withoutBaselined(off, pathToUri(file), diags).length, 3, 'no baseline setting: everything is shown');
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the editor uses the salted value hash too: another token on an accepted line is shown; an unsalted baseline accepts no secret', async () => {
  const dir = tree({ 'train.py': `${TORCH_LOAD}HF_TOKEN = "${t.hf}"\n` });
  assert.equal(spawnSync(process.execPath, [CLI, 'scan', '.', '--write-baseline', 'base.json', '--exit-zero'], { cwd: dir }).status, 0);
  const file = path.join(dir, 'train.py');
  const ctx = await engineContext();
  const shown = (text: string, baseline: string) => {
    const r = analyzeText(file, text, ctx);
    const diags = r.findings.map((f) => findingDiagnostic(f, r.file, 'python'));
    const state = { settings: { ...DEFAULT_SETTINGS, baseline, trusted: true }, folders: [dir], registry: ctx.registry, documents: { get: () => ({ getText: () => text }) } } as unknown as Parameters<typeof withoutBaselined>[0];
    return withoutBaselined(state, pathToUri(file), diags).map((d) => d.code);
  };
  assert.deepEqual(shown(`${TORCH_LOAD}HF_TOKEN = "${t.hf}"\n`, 'base.json'), [], 'the accepted token is hidden');
  assert.deepEqual(shown(`${TORCH_LOAD}HF_TOKEN = "${fakeTokens(77).hf}"\n`, 'base.json'), ['hardcoded-secret'], 'a different token on the same line is shown');
  const b = JSON.parse(fs.readFileSync(path.join(dir, 'base.json'), 'utf8')) as { salt?: string; findings: { valueHmac?: string }[] };
  delete b.salt;
  for (const f of b.findings) delete f.valueHmac;
  fs.writeFileSync(path.join(dir, 'old.json'), JSON.stringify(b));
  assert.deepEqual(shown(`${TORCH_LOAD}HF_TOKEN = "${t.hf}"\n`, 'old.json'), ['hardcoded-secret'], 'unsalted: the secret shows, torch.load stays accepted');
  fs.rmSync(dir, { recursive: true, force: true });
});
