// Runs every rule fixture: `# expect:` / `# ok:` markers in test/rules/python, `.expect.yaml` sidecars elsewhere, `.fixed` files for fixes.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { analyzeModelFile, analyzeNotebookJson, analyzePython, analyzeText } from '../../server/src/engine/analyze';
import { positionAt } from '../../server/src/engine/source-file';
import { detectTarget } from '../../server/src/engine/targets';
import { applyEdits, engineContext, firstFixEdits } from '../helpers/engine';

const root = path.join(__dirname, '..', 'rules');

/** Equal texts, or a failure naming the first differing line only: fixtures hold fake secrets that test output must not print. */
function assertSameText(actual: string, expected: string, what: string): void {
  if (actual === expected) return;
  const a = actual.split('\n');
  const e = expected.split('\n');
  const line = a.findIndex((l, i) => l !== e[i]);
  assert.fail(`${what}: first difference at line ${(line < 0 ? a.length : line) + 1} (${a.length} vs ${e.length} lines)`);
}

interface Expectation { line: number; rule: string; severity?: string }

/**
 * Reads markers: `# expect: id[:severity], ...` and `# ok: id` apply to the next non-marker line.
 * `# fixture-path: examples/demo/x.py` analyses the fixture under that path (file roles come from paths).
 */
function readMarkers(text: string) {
  const lines = text.split('\n');
  const expect: Expectation[] = [];
  const ok: { line: number; rule: string }[] = [];
  const requirements: string[] = [];
  let fixturePath: string | undefined;
  let pendingExpect: { rule: string; severity?: string }[] = [];
  let pendingOk: string[] = [];
  lines.forEach((line, i) => {
    const req = /^#\s*fixture-requirements:\s*(.+)$/.exec(line);
    if (req) requirements.push(req[1].trim());
    const at = /^\s*#\s*fixture-path:\s*(\S+)/.exec(line);
    if (at) fixturePath = at[1];
    const e = /^\s*#\s*expect:\s*(.+)$/.exec(line);
    const o = /^\s*#\s*ok:\s*(.+)$/.exec(line);
    if (e) pendingExpect.push(...e[1].split(',').map((s) => { const [rule, severity] = s.trim().split(':'); return { rule, severity }; }));
    else if (o) pendingOk.push(...o[1].split(',').map((s) => s.trim()));
    else if (line.trim() !== '' && !req && !at) {
      for (const p of pendingExpect) expect.push({ line: i, ...p });
      for (const rule of pendingOk) ok.push({ line: i, rule });
      pendingExpect = [];
      pendingOk = [];
    }
  });
  return { expect, ok, requirements, fixturePath };
}

/** Checks `# expect:` / `# ok:` markers against findings given as 0-based lines; with `all`, every finding must be expected. */
function checkMarkers(markers: ReturnType<typeof readMarkers>, got: { line: number; rule: string; severity: string }[], all: boolean, what: string): void {
  for (const e of markers.expect) {
    const hit = got.find((g) => g.line === e.line && g.rule === e.rule);
    assert.ok(hit, `${what} line ${e.line + 1}: expected ${e.rule}`);
    if (e.severity) assert.equal(hit.severity, e.severity, `${what} line ${e.line + 1}: severity of ${e.rule}`);
  }
  for (const o of markers.ok) assert.ok(!got.some((g) => g.line === o.line && g.rule === o.rule), `${what} line ${o.line + 1}: ${o.rule} must not fire`);
  if (all) for (const g of got) assert.ok(markers.expect.some((e) => e.line === g.line && e.rule === g.rule), `${what} line ${g.line + 1}: unexpected ${g.rule}`);
}

const pythonDir = path.join(root, 'python');
for (const name of fs.readdirSync(pythonDir).filter((f) => f.endsWith('.py') && !f.endsWith('.fixed.py')).sort()) {
  // `<rule-id>.py`, or `<rule-id>.<variant>.py` for a second scenario (e.g. other dependency pins).
  const base = name.replace(/\.py$/, '');
  const ruleId = base.split('.')[0];
  test(`python fixture ${name}`, async () => {
    const text = fs.readFileSync(path.join(pythonDir, name), 'utf8');
    const markers = readMarkers(text);
    const ctx = await engineContext(markers.requirements);
    const result = analyzePython(markers.fixturePath ?? name, text, ctx);
    assert.deepEqual(result.problems.filter((p) => p.kind !== 'unused-suppression'), [], 'fixture must parse cleanly');
    const got = result.findings.map((f) => ({ line: positionAt(result.file.lineStarts, f.range.start).line, rule: f.ruleId, severity: f.severity }));
    checkMarkers(markers, got, true, name);
    const fixable = result.findings.filter((f) => f.ruleId === ruleId && f.fixes.length);
    const fixedPath = path.join(pythonDir, `${base}.fixed.py`);
    if (fixable.length === 0) {
      assert.ok(!fs.existsSync(fixedPath), `${base}.fixed.py exists but no finding has a fix`);
      return;
    }
    assert.ok(fs.existsSync(fixedPath), `${base}.fixed.py is missing (findings have fixes)`);
    const fixed = applyEdits(text, firstFixEdits(fixable.map((f) => f.fixes)));
    assertSameText(fixed, fs.readFileSync(fixedPath, 'utf8'), 'applying every fix must give the .fixed file exactly');
    const again = analyzePython(`${base}.fixed.py`, fixed, ctx);
    assert.equal(again.problems.filter((p) => p.kind === 'parse-error').length, 0, 'fixed file re-parses');
    assert.deepEqual(again.findings.filter((f) => f.ruleId === ruleId && f.fixes.length).map((f) => positionAt(again.file.lineStarts, f.range.start).line + 1), [], 'no fixable finding is left');
  });
}

interface SidecarItem { rule: string; cell?: number; cellPart?: 'source' | 'output'; line?: number; severity?: string; 'message-includes'?: string }

/** `problems:` in a sidecar (optional) lists every problem the file must give: kind and message text. */
interface SidecarProblem { kind: string; 'message-includes'?: string }

function checkSidecar(file: string, got: { rule: string; cell?: number; cellPart?: string; line: number; severity: string; message: string }[], problems: { kind: string; message: string }[] = []) {
  const sidecar = parseYaml(fs.readFileSync(`${file}.expect.yaml`, 'utf8')) as { expect: SidecarItem[]; problems?: SidecarProblem[] };
  if (sidecar.problems) {
    const actual = problems.filter((p) => p.kind !== 'unused-suppression');
    assert.equal(actual.length, sidecar.problems.length, `${path.basename(file)}: problems ${JSON.stringify(actual.map((p) => `${p.kind}: ${p.message}`))}`);
    sidecar.problems.forEach((e, i) => {
      assert.equal(actual[i].kind, e.kind, `${path.basename(file)}: problem ${i + 1} kind`);
      if (e['message-includes']) assert.ok(actual[i].message.includes(e['message-includes']), `${path.basename(file)}: problem ${i + 1} says ${JSON.stringify(actual[i].message)}`);
    });
  }
  const expected = sidecar.expect ?? [];
  const remaining = [...got];
  for (const e of expected) {
    const i = remaining.findIndex((g) => g.rule === e.rule && (e.cell === undefined || g.cell === e.cell) && (e.cellPart === undefined || g.cellPart === e.cellPart) && (e.line === undefined || g.line === e.line) && (e.severity === undefined || g.severity === e.severity) && (!e['message-includes'] || g.message.includes(e['message-includes'])));
    assert.ok(i >= 0, `${path.basename(file)}: expected ${JSON.stringify(e)}; got ${JSON.stringify(got)}`);
    remaining.splice(i, 1);
  }
  assert.deepEqual(remaining, [], `${path.basename(file)}: unexpected findings`);
}

for (const dir of ['notebook', 'model']) {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) continue;
  for (const name of fs.readdirSync(full).filter((f) => fs.existsSync(path.join(full, `${f}.expect.yaml`))).sort()) {
    test(`${dir} fixture ${name}`, async () => {
      const ctx = await engineContext();
      const file = path.join(full, name);
      if (dir === 'notebook') {
        const raw = fs.readFileSync(file, 'utf8');
        // A code cell may say `# fixture-path: course/chapter1/x.ipynb` (the role of a notebook comes from its path).
        const at = /#\s*fixture-path:\s*([^\s"\\]+)/.exec(raw)?.[1];
        const r = analyzeNotebookJson(at ?? name, raw, ctx);
        checkSidecar(file, r.findings.map((f) => {
          const cell = f.cell!.cell;
          return { rule: f.ruleId, cell, cellPart: f.cell!.cellPart, line: f.properties?.cellLine as number, severity: f.severity, message: f.message };
        }), r.problems);
      } else {
        const r = await analyzeModelFile(file, ctx);
        checkSidecar(file, r.findings.map((f) => ({ rule: f.ruleId, line: 1, severity: f.severity, message: f.message })), r.problems);
      }
    });
  }
}


/** Where a target is recognised only by its file name, the name its fixtures are analysed under. */
const CANONICAL_NAMES: Record<string, string> = { 'github-actions': '.github/workflows/fixture.yml', pyproject: 'pyproject.toml', pipfile: 'Pipfile', 'setup-cfg': 'setup.cfg', 'conda-env': 'environment.yml', compose: 'compose.yml' };

// Every other target directory (Dockerfile, requirements, threat models, ...): the file is analysed as
// text under its own name (so target detection sees it), lines are 1-based from each finding's offset.
for (const dir of fs.readdirSync(root).filter((d) => !['python', 'notebook', 'model'].includes(d) && fs.statSync(path.join(root, d)).isDirectory()).sort()) {
  const full = path.join(root, dir);
  // A fixture has a `.expect.yaml` sidecar, or `# expect:` / `# ok:` markers (then every finding must be marked).
  const isFixture = (f: string) => !f.endsWith('.expect.yaml') && !/\.fixed(\.|$)/.test(f) && fs.statSync(path.join(full, f)).isFile()
    && (fs.existsSync(path.join(full, `${f}.expect.yaml`)) || /^\s*#\s*(expect|ok):/m.test(fs.readFileSync(path.join(full, f), 'utf8')));
  for (const name of fs.readdirSync(full).filter(isFixture).sort()) {
    test(`${dir} fixture ${name}`, async () => {
      const ctx = await engineContext();
      const file = path.join(full, name);
      const text = fs.readFileSync(file, 'utf8');
      const markers = readMarkers(text);
      // Fixture names start with the rule id; targets decided by the file name are analysed under their canonical name.
      // Paths are relative to the fixture folder (or `# fixture-path:`): the folders above (`test/rules/`) would make every fixture test code.
      // A name that only its folder makes a target (`requirements/x.txt`) keeps that one folder.
      const as = markers.fixturePath ?? (CANONICAL_NAMES[dir] && detectTarget(file) !== dir ? CANONICAL_NAMES[dir] : detectTarget(name) === detectTarget(file) ? name : `${dir}/${name}`);
      const r = analyzeText(as, text, ctx);
      const sidecar = fs.existsSync(`${file}.expect.yaml`);
      // Notebooks here (notebook-output/) also carry their cell; `line` is then the JSON file's line.
      if (sidecar) checkSidecar(file, r.findings.map((f) => ({ rule: f.ruleId, ...(f.cell ? { cell: f.cell.cell, cellPart: f.cell.cellPart } : {}), line: positionAt(r.file.lineStarts, f.range.start).line + 1, severity: f.severity, message: f.message })), r.problems);
      checkMarkers(markers, r.findings.map((f) => ({ line: positionAt(r.file.lineStarts, f.range.start).line, rule: f.ruleId, severity: f.severity })), !sidecar, name);
      // `<base>.fixed<.ext>` next to a fixture: applying every first fix gives it exactly, and no fixable finding is left.
      const ext = path.extname(name);
      const fixedPath = path.join(full, `${name.slice(0, name.length - ext.length)}.fixed${ext}`);
      if (!fs.existsSync(fixedPath)) return;
      const fixed = applyEdits(text, firstFixEdits(r.findings.filter((f) => f.fixes.length).map((f) => f.fixes)));
      assertSameText(fixed, fs.readFileSync(fixedPath, 'utf8'), `${path.basename(fixedPath)}: applying every fix must give it exactly`);
      const again = analyzeText(as, fixed, ctx);
      assert.deepEqual(again.findings.filter((f) => f.fixes.length).map((f) => f.ruleId), [], `${path.basename(fixedPath)}: no fixable finding is left`);
    });
  }
}
