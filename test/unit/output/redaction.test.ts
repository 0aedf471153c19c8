// The one redaction step: the preview policy, prose and line masking, second copies, secret-shaped text, printable fixes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskInPlace, preview, printableFixes, Redactor } from '../../../server/src/output/redaction';
import { fakeTokens } from '../secrets/tokens';

const t = fakeTokens(7);
// A failure message names what leaked and its length, never the value.
const hidden = (out: string, value: string, what: string) => assert.ok(!out.includes(value), `${what} (${value.length} chars) is printed in full`);

test('short values show their length only; long values a 4-character prefix', () => {
  assert.equal(preview('Zq8!xK2m'), '…(8 chars)');
  assert.equal(maskInPlace('Zq8!xK2m'), '********');
  assert.equal(preview('Pw0123456789abcdefg'), '…(19 chars)');
  assert.equal(preview(t.hf), `hf_${t.hf[3]}…(${t.hf.length} chars)`);
  assert.equal(maskInPlace(t.hf), `${t.hf.slice(0, 4)}${'*'.repeat(t.hf.length - 4)}`);
});

test('prose: every known value is masked wherever it appears, however often', () => {
  const r = new Redactor([t.dbPassword, t.password]);
  const out = r.text(`connect with ${t.dbPassword}, then ${t.dbPassword} again; login ${t.password}.`);
  hidden(out, t.dbPassword, 'the database password');
  hidden(out, t.password, 'the password');
  assert.equal(out, `connect with …(18 chars), then …(18 chars) again; login …(14 chars).`);
});

test('prose: secret-shaped text is masked even when no rule reported it (URL passwords, provider tokens)', () => {
  const r = new Redactor();
  const url = `--extra-index-url https://deploy:${t.dbPassword}@pypi.internal.example.org/simple`;
  const out = r.text(`\`${url}\`: pip picks the highest version`);
  hidden(out, t.dbPassword, 'the index password');
  assert.ok(out.includes('https://deploy:…(18 chars)@pypi.internal.example.org/simple'), 'the URL stays readable around the masked password');
  hidden(r.text(`token ${t.github} in a message`), t.github, 'a GitHub token');
  hidden(r.text(`key ${t.anthropic}`), t.anthropic, 'an Anthropic key');
});

test('lines: positional spans, second copies and neighbours are masked in place and the length is kept', () => {
  const line = `A=${t.password} B=${t.password} C=${t.github} D=x.load(p)`;
  const a = line.indexOf(t.password);
  const r = new Redactor([t.password]);
  const out = r.line(line, [{ start: a, end: a + t.password.length }]);
  assert.equal(out.length, line.length);
  hidden(out, t.password, 'the password (second copy)');
  hidden(out, t.github, 'the neighbouring GitHub token');
  assert.ok(out.endsWith(' D=x.load(p)'), 'the rest of the line is unchanged');
});

test('lines: a short value given only as a span is masked; short values are not looked for by value', () => {
  const r = new Redactor(['abc']);
  assert.equal(r.line('pw=abc; for abc in x', [{ start: 3, end: 6 }]), 'pw=***; for abc in x');
  assert.equal(r.text('for abc in x'), 'for abc in x');
});

test('lines: only the shown window of a very long line is scanned for secret shapes, but known values anywhere', () => {
  const line = `${'x '.repeat(5000)}${t.github} ${'y '.repeat(5000)}${t.password}`;
  const at = line.indexOf(t.github);
  const out = new Redactor([t.password]).line(line, [], { start: at - 10, end: at + 100 });
  hidden(out, t.github, 'the token in the window');
  hidden(out, t.password, 'the known value outside the window');
});

test('deep masking covers every string of a properties object, keys included', () => {
  const r = new Redactor([t.dbPassword]);
  const out = r.deep({ url: `postgresql://ml:${t.dbPassword}@db/x`, list: [t.dbPassword, 3], nested: { [t.dbPassword]: true } });
  hidden(JSON.stringify(out), t.dbPassword, 'a property value');
  assert.deepEqual((out as { list: unknown[] }).list[1], 3);
});

test('a fix whose inserted text would carry a secret is not printable; others are', () => {
  const r = new Redactor([t.password]);
  const fixes = [
    { title: 'keep', safe: true, edits: [{ range: { start: 0, end: 1 }, newText: 'os.environ["PW"]' }] },
    { title: 'leaks', safe: false, edits: [{ range: { start: 0, end: 1 }, newText: `--index-url https://u:${t.password}@h/simple` }] },
  ];
  assert.deepEqual(printableFixes(r, fixes).map((f) => f.title), ['keep']);
});

test('a union redactor knows every member\'s values', () => {
  const u = Redactor.union([new Redactor([t.dbPassword]), new Redactor([t.password])]);
  const out = u.text(`${t.dbPassword} ${t.password}`);
  hidden(out, t.dbPassword, 'the first value');
  hidden(out, t.password, 'the second value');
});
