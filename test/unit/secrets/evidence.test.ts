// Identifier-shaped values and severity by evidence (issue 10, classes 1 and 2): names are never credentials, random literals stay found.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { looksLikeIdentifier } from '../../../server/src/plugins/secrets/identifiers';
import { sampleReason } from '../../../server/src/plugins/secrets/samples';
import { scanText } from '../../../server/src/plugins/secrets/scan';
import { assessHit } from '../../../server/src/plugins/secrets/severity';
import { redact } from '../../../server/src/plugins/secrets/redact';
import { randomString } from './tokens';

let seed = 11;
const next = () => {
  seed = (seed * 16807) % 2147483647;
  return seed / 2147483647;
};

test('names, references, anchors and images are identifiers', () => {
  for (const v of [
    'pipelinechannel--score-batch-3-oneof-2', 'stage_3_trial_budget_hours', 'nightly-index-digest-2025-01-31', 'V2_ENABLED_REGIONS',
    'INVALID_TOKEN_FOR_RETRY_99', '&shared_token_schema', '*shared_token_schema', 'ingress/webhook-serving-ca', 'alpha-ns,beta-ns',
    'quay.io/acme/proxy:v1.4@sha256:' + 'ab'.repeat(32), 'ghcr.io/acme/trainer:2.3.1', '{base}.lora_up', 'prefix-{run_id}',
  ]) assert.equal(looksLikeIdentifier(v), true, `identifier expected: ${v}`);
});

test('random-looking values are not identifiers (no recall lost to the name check)', () => {
  for (let i = 0; i < 300; i++) {
    const v = randomString(next, 16 + (i % 30));
    assert.equal(looksLikeIdentifier(v), false, `random value ${redact(v)} taken for a name`);
    const kebab = `${randomString(next, 6).toLowerCase()}-${randomString(next, 8).toLowerCase()}-${randomString(next, 6).toLowerCase()}`;
    if (/\d/.test(kebab)) assert.equal(looksLikeIdentifier(kebab), false, `random kebab value ${redact(kebab)} taken for a name`);
  }
  // Word passphrases stay reportable under password names.
  assert.equal(looksLikeIdentifier('orbit-lantern-gravel-quartz', false), false);
});

test('severity follows the evidence: format error, name warning, test-path and sample notes', () => {
  const token = `hf_${randomString(next, 34)}`;
  const pw = `Qz${randomString(next, 10)}7`;
  const sev = (text: string, path?: string) => scanText(text, { python: true }).map((h) => assessHit(h, text, path).severity);
  assert.deepEqual(sev(`HF = "${token}"`), ['error']);
  assert.deepEqual(sev(`db_password = "${pw}"`), ['warning']);
  assert.deepEqual(sev(`db_password = "${pw}"`, 'svc/tests/test_db.py'), ['note']);
  assert.deepEqual(sev(`HF = "${token}"`, 'svc/tests/test_db.py'), ['error'], 'provider formats stay errors in tests');
  assert.deepEqual(sev(`db_password = "${pw}"  # replace with yours`), ['note']);
  assert.deepEqual(sev('db_password = "minio123"'), ['note']);
  assert.ok(sampleReason('$2b$12$abcdefghijklmnopqrstuv')?.includes('hash'));
});
