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
