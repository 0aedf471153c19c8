// Text writer: locations, caret underline (tabs, long lines), notebook cells, masking of secrets, sanitising, summary.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FileAnalysis } from '../../../server/src/engine/analyze';
import type { Finding } from '../../../server/src/engine/finding';
import type { Registry } from '../../../server/src/engine/registry';
import type { RuleCard } from '../../../server/src/engine/rule';
import { createSourceFile } from '../../../server/src/engine/source-file';
import { formatCategoryTotals, formatSummary, formatText, sanitize, snippet } from '../../../server/src/output/text';

const card = (id: string, category: RuleCard['category']): RuleCard => ({
  id, target: 'python', category, title: id, message: id, severity: 'error', securitySeverity: 5, precision: 'high',
  cwe: ['CWE-1'], owasp: ['ML01'], atlas: ['AML.T0000'], references: [], help: '', file: `${id}.yaml`,
});
const registry: Registry = { cards: [card('r', 'deserialization'), card('s', 'secrets')], byId: new Map([['r', card('r', 'deserialization')], ['s', card('s', 'secrets')]]), python: new Map() };
const finding = (ruleId: string, start: number, end: number, extra: Partial<Finding> = {}): Finding => ({ ruleId, severity: 'error', message: 'msg', range: { start, end }, fixes: [], ...extra });
const analysis = (path: string, text: string, findings: Finding[], target: 'python' | 'notebook' | 'model' = 'python'): FileAnalysis => ({ file: createSourceFile(path, target, text), findings, problems: [] });

test('python finding: path:line:col, source line and carets', () => {
  const text = 'import x\n\tval = x.load(p)\n';
  const start = text.indexOf('x.load');
  const out = formatText({ registry, root: '/proj', analyses: [analysis('/proj/src/a.py', text, [finding('r', start, start + 'x.load(p)'.length)])] });
  assert.equal(out.report, 'src/a.py:2:8: r [error] msg\n  |\n2 |     val = x.load(p)\n  |           ^^^^^^^^^\n\nFound 1 finding (1 error) in 1 file.\n');
  assert.equal(out.problems, '');
});

test('model files are reported at 1:1 with no source', () => {
  const out = formatText({ registry, root: '/p', analyses: [analysis('/p/m.pkl', '', [finding('r', 0, 0)], 'model')] });
  assert.match(out.report, /^m\.pkl:1:1: r \[error\] msg\n\n/);
});

test('notebook finding uses the cell (1-based) and the line inside it', () => {
  const nb = JSON.stringify({ cells: [{ cell_type: 'code', source: ['a = 1\n'] }, { cell_type: 'code', source: ['import x\n', 'y = x.load(p)\n'] }] });
  const start = nb.indexOf('x.load');
  const out = formatText({ registry, root: '/p', analyses: [analysis('/p/n.ipynb', nb, [finding('r', start, start + 9, { cell: { cell: 1, cellPart: 'source' } })], 'notebook')] });
  assert.match(out.report, /^n\.ipynb:cell 2:2:5: r \[error\] msg\n {2}\|\n2 \| y = x\.load\(p\)\n {2}\| {5}\^{9}\n/);
});

test('secret spans are masked in place: a 4-character prefix of long values, nothing of short ones', () => {
  const text = 'TOKEN = "hf_abcdefghijklmnopqrstu"; PW = "Zq8!xK2m"\n';
  const a = text.indexOf('hf_');
  const b = text.indexOf('Zq8');
  const out = formatText({ registry, root: '/p', analyses: [analysis('/p/a.py', text, [finding('s', a, a + 24), finding('s', b, b + 8)])] });
  assert.ok(!out.report.includes('abcdefghijklmnop') && !out.report.includes('Zq8'), 'no part of either value beyond the long one\'s prefix');
  assert.ok(out.report.includes('TOKEN = "hf_a********************"; PW = "********"'), out.report);
});

test('control characters cannot reach the terminal', () => {
  assert.equal(sanitize('a\x1b[31mb\x07'), 'a?[31mb?');
});

test('long lines are cut to a window around the span', () => {
  const line = `${'a'.repeat(300)}BAD${'b'.repeat(300)}`;
  const s = snippet(7, line, { start: 300, end: 303 });
  const [, src, carets] = s.split('\n');
  assert.ok(src.length < 200);
  assert.equal(src.indexOf('BAD'), carets.indexOf('^'));
  assert.match(carets, /\| +\^{3}$/);
  assert.ok(src.includes('…'));
});

test('summary wording', () => {
  assert.equal(formatSummary({ files: 1, skipped: 0, findings: { error: 0, warning: 0, note: 0 } }), 'No findings in 1 file.');
  assert.equal(formatSummary({ files: 3, skipped: 2, findings: { error: 1, warning: 0, note: 2 } }), 'Found 3 findings (1 error, 2 notes) in 3 files; 2 files skipped.');
  assert.equal(formatSummary({ files: 12, skipped: 0, findings: { error: 1, warning: 2, note: 0 }, filesWithFindings: 2 }), 'Found 3 findings (1 error, 2 warnings) in 2 of 12 files.');
  const two = [{ category: 'deserialization', error: 1, warning: 1, note: 0 }, { category: 'secrets', error: 0, warning: 2, note: 1 }];
  assert.deepEqual(formatCategoryTotals({ files: 1, skipped: 0, findings: { error: 1, warning: 3, note: 1 }, categories: two }), ['  deserialization: 1 error, 1 warning', '  secrets:         2 warnings, 1 note']);
  // One category: the summary line already says it all.
  assert.deepEqual(formatCategoryTotals({ files: 1, skipped: 0, findings: { error: 1, warning: 1, note: 0 }, categories: [two[0]] }), []);
  assert.equal(formatSummary({ files: 4, skipped: 0, findings: { error: 0, warning: 1, note: 0 }, unparsed: 1 }), 'Found 1 finding (1 warning) in 4 files; 1 file could not be parsed completely (findings there may be missing).');
});

test('problems go to their own stream, not the report', () => {
  const a = analysis('/p/a.py', 'x(\n', []);
  a.problems.push({ kind: 'parse-error', message: 'syntax error', range: { start: 1, end: 2 } }, { kind: 'rule-error', ruleId: 'r', message: 'rule r failed: boom' });
  const out = formatText({ registry, root: '/p', analyses: [a] });
  assert.equal(out.problems, 'warning: a.py:1:2: syntax error\nerror: a.py: rule r failed: boom\n');
  assert.equal(out.report, 'No findings in 1 file; 1 file could not be parsed completely (findings there may be missing).\n');
});
