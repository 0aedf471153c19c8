// Pinning from a configured Python environment: versions read from its dist-info folders (nothing is run).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyzeText } from '../../../server/src/engine/analyze';
import { factsFromFiles } from '../../../server/src/engine/project-facts';
import { readInstalledEnvironment } from '../../../server/src/plugins/supply-chain/installed';
import { applyEdits, engineContext } from '../../helpers/engine';

/** A fake venv: bin/python (an empty file that is never executed) and site-packages with dist-info folders. */
function fakeVenv(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsec-venv-'));
  fs.mkdirSync(path.join(root, 'bin'));
  fs.writeFileSync(path.join(root, 'bin', 'python'), '#!/bin/sh\necho this must never run\nexit 3\n', { mode: 0o755 });
  const sp = path.join(root, 'lib', 'python3.11', 'site-packages');
  for (const d of ['torch-2.3.1.dist-info', 'scikit_learn-1.5.0.dist-info', 'PyYAML-6.0.1-py3.11.egg-info', 'torch']) fs.mkdirSync(path.join(sp, d), { recursive: true });
  return root;
}

test('installed versions are read from dist-info/egg-info folder names next to the interpreter', () => {
  const root = fakeVenv();
  const env = readInstalledEnvironment(path.join(root, 'bin', 'python'));
  assert.deepEqual(env?.packages, { torch: '2.3.1', 'scikit-learn': '1.5.0', pyyaml: '6.0.1' });
  assert.deepEqual(readInstalledEnvironment(root)?.packages.torch, '2.3.1');
  assert.equal(readInstalledEnvironment(path.join(os.tmpdir(), 'no-such-env', 'bin', 'python')), undefined);
});

test('an unpinned requirement gets a pin fix from the installed environment when no lock file pins it', async () => {
  const ctx = await engineContext();
  const facts = { ...factsFromFiles([]), installed: readInstalledEnvironment(path.join(fakeVenv(), 'bin', 'python')) };
  const text = 'torch\nscikit-learn>=1.2\n';
  const r = analyzeText('requirements.txt', text, { ...ctx, facts });
  const torch = r.findings.find((f) => f.ruleId === 'unpinned-requirement' && f.range.start === 0);
  assert.ok(torch, 'torch is reported');
  // The file's unpinned lines are one finding; its fixes pin them all, then each one alone.
  const fix = torch.fixes.find((f) => /^Pin torch .*installed environment/.test(f.title));
  assert.ok(fix, `a pin fix from the installed environment: ${torch.fixes.map((f) => f.title).join(' | ')}`);
  assert.equal(applyEdits(text, fix.edits), 'torch==2.3.1\nscikit-learn>=1.2\n');
});
