// Never leak it: the built CLI's text, JSON and SARIF reports on the privacy fixtures contain no full PII value.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { test } from 'node:test';

const root = path.join(__dirname, '..', '..', '..');
const cli = path.join(root, 'server', 'out', 'cli.js');
const FIXTURES = [
  'test/rules/python/pii-literal-in-code.py',
  'test/rules/python/pii-logged.py',
  'test/rules/python/pii-sent-to-third-party.py',
  'test/rules/data/pii-in-data-file.csv',
  'test/rules/data/pii-in-data-file.jsonl',
  'test/rules/notebook-output/pii-in-notebook-output.ipynb',
];
/** Every PII value the fixtures hold (the look-alikes they hold may appear: they are not personal data). */
const VALUES = [
  'maria.garcia@gmail.com', 'wei.zhang@outlook.com', 'amit.patel@yahoo.co.in', 'olga.ivanova@mail.ru', 'kwame.mensah@proton.me',
  'lucia.rossi@libero.it', 'jon.ostrander@proton.me', '536-22-1234', '412-58-9630', '4539 1488 0343 6467', '5425 2334 3010 9903',
  'DE89 3704 0044 0532 0130 00', '(415) 555-2671', '(202) 310-0512', '+44 20 7946 0958', 'Maria Garcia', 'Wei Zhang', 'Amit Patel',
  'Olga Ivanova', 'Kwame Mensah', 'Lucia Rossi', '1987-03-14', '81.2.69.142',
];

test('no fixture PII value appears in any output format (npm test builds the CLI first)', () => {
  for (const format of ['text', 'json', 'sarif']) {
    const r = spawnSync(process.execPath, [cli, 'scan', ...FIXTURES, '--format', format, '--no-gitignore'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 1, `${format}: findings expected; ${r.stderr}`);
    const out = r.stdout + r.stderr;
    assert.match(out, /pii-in-data-file/);
    assert.match(out, /pii-in-notebook-output/);
    for (const v of VALUES) {
      assert.ok(!out.includes(v), `${format} output contains ${v}`);
      assert.ok(!out.includes(JSON.stringify(v).slice(1, -1)), `${format} output contains escaped ${v}`);
    }
  }
});
