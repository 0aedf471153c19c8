// Quiet privacy (issue 10, class 3): versions and resolver output are not IPs, metadata and role mailboxes are public, names need a person key, one finding per place.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../../server/src/engine/analyze';
import { scanOptions, scanText } from '../../../server/src/plugins/privacy/scan-text';
import { DEFAULT_SETTINGS } from '../../../server/src/shared/settings';
import { engineContext } from '../../helpers/engine';

const opts = scanOptions(DEFAULT_SETTINGS);
const entities = (text: string) => scanText(text, opts).map((m) => m.entity);

test('four-part versions, pip logs and DNS/connection output are not IP addresses', () => {
  assert.deepEqual(entities('Requirement already satisfied: nvidia-cusparse-cu12==12.1.0.106 in /env/site-packages (from torch) (12.1.0.106)'), []);
  assert.deepEqual(entities('pin nvidia-cudnn-cu12==8.9.2.26'), []);
  assert.deepEqual(entities('Resolving cdn.acme-corp.io (cdn.acme-corp.io)... 52.84.17.101, 52.84.17.33, ...'), []);
  assert.deepEqual(entities('Connecting to cdn.acme-corp.io (cdn.acme-corp.io)|52.84.17.101|:443... connected.'), []);
  assert.deepEqual(entities('*   Trying 52.84.17.101:443...'), []);
  // A visitor's address in a log line is still one.
  assert.deepEqual(entities('login from client 52.84.17.101 at 10:31'), ['ip-address']);
});

test('role mailboxes, textbook stand-ins and authorship lines are not personal emails', () => {
  assert.deepEqual(entities('mail support@acme-corp.io or ml-platform-team@acme-corp.io or companyinfo@acme-corp.io'), []);
  assert.deepEqual(entities('emails: a@b.com, c@d.com'), []);
  assert.deepEqual(entities('    author: Ola Nordmann <ola.nordmann@acme-corp.io>'), []);
  assert.deepEqual(entities('Copyright (c) 2021 Ola Nordmann <ola.nordmann@acme-corp.io>'), []);
  assert.deepEqual(entities('ping ola.nordmann@acme-corp.io about it'), ['email']);
});

test('a lower-case `name:` of a step or model card is not a person; a person key is', () => {
  assert.deepEqual(entities('- name: Print Text\n  image: python'), []);
  assert.deepEqual(entities('model-index:\n- name: Abstractive Text Summarization'), []);
  assert.deepEqual(entities('customer_name: Marta Quiroga'), ['person-name']);
});

test('OpenAPI contact metadata is public, and one place is reported once per entity', async () => {
  const ctx = await engineContext();
  const api = JSON.stringify({ swagger: '2.0', info: { title: 'Runs API', contact: { name: 'Runs team', email: 'ola.nordmann@acme-corp.io' } } }, null, 1);
  assert.deepEqual(analyzeText('svc/api/runs.swagger.json', api, ctx).findings.map((f) => f.ruleId), []);
  const doc = `{"steps": {"a": {"command": ["python", "-c", "print(1)\\n# by Ola Nordmann, ola.nordmann@gmail.com", "then ola.nordmann@gmail.com"]}}}`;
  const pii = analyzeText('svc/pipelines/spec.json', doc, ctx).findings.filter((f) => f.ruleId === 'pii-in-data-file');
  assert.ok(pii.length >= 1, 'the personal address in the command is found');
  const places = pii.map((f) => `${f.range.start}:${f.range.end}`);
  assert.equal(new Set(places).size, places.length, 'no place is reported twice');
});

test('resource ids, mail relays, list addresses, dataset credits and place names are not personal', () => {
  assert.deepEqual(entities('Resource name: projects/52297779/locations/us-central1/datasets/7532459492777132032'), []);
  assert.deepEqual(entities('Received : from relay.acme-corp.io [193.120.211.219] by localhost'), []);
  assert.deepEqual(entities('list-unsubscribe@groups.acme-corp.io'), []);
  assert.deepEqual(entities('    :Donor: Ola Nordmann (ola.nordmann@acme-corp.io)'), []);
  assert.deepEqual(scanText('San Francisco', opts, 'name').map((m) => m.entity), []);
  assert.deepEqual(scanText('Marta Quiroga', opts, 'customer_name').map((m) => m.entity), ['person-name']);
});
