// Privacy settings reach the Python rules: the allowlist and entity switches apply to PII literals in code too.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzePython } from '../../../server/src/engine/analyze';
import { parseSettings } from '../../../server/src/shared/settings';
import { engineContext } from '../../helpers/engine';

const SRC = 'contact = {"email": "dana.lee@acme-corp.io", "role": "admin"}\n';

test('code literals follow mlsec.privacy: allowlisted domains and switched-off entities are quiet', async () => {
  const ctx = await engineContext();
  assert.deepEqual(analyzePython('a.py', SRC, ctx).findings.map((f) => f.ruleId), ['pii-literal-in-code']);
  const allow = parseSettings({ privacy: { allowlist: ['@acme-corp.io'] } }).settings;
  assert.deepEqual(analyzePython('a.py', SRC, { ...ctx, settings: allow }).findings, []);
  const noEmail = parseSettings({ privacy: { entities: { email: false } } }).settings;
  assert.deepEqual(analyzePython('a.py', SRC, { ...ctx, settings: noEmail }).findings, []);
});

test('code literals in test modules, docstrings and package metadata are not personal data', async () => {
  const ctx = await engineContext();
  for (const path of ['tests/test_users.py', 'pkg/test_users.py', 'pkg/users_test.py', 'conftest.py']) {
    assert.deepEqual(analyzePython(path, SRC, ctx).findings, [], path);
  }
  const doc = '"""Users module.\n\nWritten by Dana Lee (dana.lee@acme-corp.io)."""\n__maintainer__ = "dana.lee@acme-corp.io"\n';
  assert.deepEqual(analyzePython('pkg/users.py', doc, ctx).findings, []);
  assert.equal(analyzePython('pkg/users.py', SRC, ctx).findings.length, 1);
});
