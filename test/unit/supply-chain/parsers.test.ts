// Supply-chain parsers: requirements, Dockerfile, shell words, TOML and YAML keep offsets and never throw on malformed input.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../../../server/src/engine/analyze';
import { parseDockerfile } from '../../../server/src/plugins/supply-chain/parse/dockerfile';
import { parseRequirements } from '../../../server/src/plugins/supply-chain/parse/requirements';
import { tokenizeShell } from '../../../server/src/plugins/supply-chain/parse/shell';
import { parseTomlEntries, stringElements } from '../../../server/src/plugins/supply-chain/parse/toml';
import { parseYamlDocs } from '../../../server/src/plugins/supply-chain/parse/yaml-docs';
import { classifyConda, classifyNpm, classifyPip } from '../../../server/src/plugins/supply-chain/pins';
import { engineContext } from '../../helpers/engine';

test('requirements: specs, options, continuations, hashes, comments and offsets', () => {
  const text = '# top\n-i https://pypi.org/simple\nnumpy >= 1.2 ; python_version<"3.12"  # why\nreq==1.0 \\\n    --hash=sha256:aa \\\n    --hash=sha256:bb\n-e git+https://x/y.git@main#egg=y\n';
  const r = parseRequirements(text);
  assert.deepEqual(r.errors, []);
  assert.equal(r.hashMode, true);
  const [opt, numpy, req, editable] = r.entries;
  assert.deepEqual(opt, { kind: 'option', name: '-i', value: 'https://pypi.org/simple', start: 6, end: 32 });
  assert.equal(numpy.kind === 'requirement' && numpy.spec, 'numpy >= 1.2 ; python_version<"3.12"');
  assert.equal(text.slice(numpy.start, numpy.end), 'numpy >= 1.2 ; python_version<"3.12"');
  assert.ok(req.kind === 'requirement' && req.hashes.length === 2 && text.slice(req.start, req.end) === 'req==1.0');
  assert.ok(editable.kind === 'requirement' && editable.editable && editable.spec === 'git+https://x/y.git@main#egg=y');
});

test('requirements: malformed lines are errors with positions, parsing goes on', () => {
  const r = parseRequirements('--bogus-option\n-r\n<<<garbage\nnumpy\n--hash=sha256:aa\n');
  assert.deepEqual(r.errors.map((e) => e.message.split(' ')[0]), ['unknown', '`-r`', '`--hash`', 'not']);
  assert.ok(r.entries.some((e) => e.kind === 'requirement' && e.spec === 'numpy'));
});

test('pin classification: pip, conda and npm', () => {
  assert.equal(classifyPip('numpy', false).level, 'unpinned');
  assert.equal(classifyPip('numpy==1.2.3', false).level, 'exact');
  assert.equal(classifyPip('numpy==1.2.3', true).level, 'pinned');
  assert.equal(classifyPip('numpy==1.*', true).level, 'unpinned');
  assert.equal(classifyPip('numpy>=1,<2', true).level, 'unpinned');
  assert.equal(classifyPip('x @ git+https://h/x.git@86b5e0934494bd15c9632b12f734a8a67f723594', false).level, 'pinned');
  assert.equal(classifyPip('git+ssh://git@github.com/o/x.git@v1#egg=x', false).level, 'unpinned');
  assert.equal(classifyPip('./pkg', false).level, 'skip');
  assert.equal(classifyPip('$PKG', false).level, 'skip');
  assert.equal(classifyConda('numpy').level, 'unpinned');
  assert.equal(classifyConda('numpy>=1.2').level, 'unpinned');
  assert.equal(classifyConda('numpy=1.26.4=py311h_0').level, 'exact');
  assert.equal(classifyNpm('pkg@1.2.3').level, 'exact');
  assert.equal(classifyNpm('@scope/pkg').level, 'unpinned');
});

test('Dockerfile: continuations, comment lines inside them, heredocs, and offsets', () => {
  const text = 'FROM a:1 AS b\nRUN pip install \\\n# a comment\n    torch\nRUN <<EOF\napt-get update\nEOF\nCMD ["x"]\n';
  const d = parseDockerfile(text);
  assert.deepEqual(d.instructions.map((i) => i.keyword), ['FROM', 'RUN', 'RUN', 'CMD']);
  assert.equal(text.slice(d.instructions[1].argsStart, d.instructions[1].end), 'pip install \\\n# a comment\n    torch');
  assert.equal(text.slice(d.instructions[2].heredoc!.start, d.instructions[2].heredoc!.end), 'apt-get update');
  assert.deepEqual(d.errors, []);
});

test('Dockerfile: malformed lines and unclosed heredocs are errors, never exceptions', () => {
  const d = parseDockerfile('FROM a\n!!! nonsense\nRUN <<EOF\npip install x\n');
  assert.equal(d.errors.length, 2);
  assert.doesNotThrow(() => parseDockerfile('\\\n\\\n"'));
});

test('shell words: quotes, pipes, && and continuation keep offsets into the text', () => {
  const text = 'curl -fsSL "https://x/y.sh" | sudo bash && pip install \\\n  "torch>=2"';
  const cmds = tokenizeShell(text);
  assert.deepEqual(cmds.map((c) => c.words.map((w) => w.text)), [['curl', '-fsSL', 'https://x/y.sh'], ['sudo', 'bash'], ['pip', 'install', 'torch>=2']]);
  assert.ok(cmds[1].piped && cmds[1].pipedFrom === cmds[0]);
  const torch = cmds[2].words[2];
  assert.equal(text.slice(torch.start, torch.end), '"torch>=2"');
  assert.doesNotThrow(() => tokenizeShell('echo "unterminated'));
});

test('TOML: flattened entries with ranges; malformed TOML is an error value', () => {
  const text = '[project]\ndependencies = ["a>=1", "b"]\n[tool.poetry.dependencies]\nc = { git = "u", branch = "main" }\n';
  const { entries, error } = parseTomlEntries(text);
  assert.equal(error, undefined);
  const deps = entries.find((e) => e.path.join('.') === 'project.dependencies')!;
  assert.deepEqual(stringElements(deps.value).map((s) => text.slice(s.start, s.end)), ['a>=1', 'b']);
  assert.ok(entries.some((e) => e.path.join('.') === 'tool.poetry.dependencies.c.branch'));
  const bad = parseTomlEntries('[project\nx = ');
  assert.ok(bad.error && bad.entries.length === 0);
});

test('YAML: several documents, errors with offsets', () => {
  assert.equal(parseYamlDocs('a: 1\n---\nb: 2\n').docs.length, 2);
  const bad = parseYamlDocs('a: [1, 2\nb: : :\n');
  assert.ok(bad.errors.length > 0 && typeof bad.errors[0].start === 'number');
});

test('malformed files of every supply-chain target give a parse problem, not a crash', async () => {
  const ctx = await engineContext();
  for (const [name, text] of [
    ['requirements.txt', '--nonsense\n'],
    ['Dockerfile', 'FROM a\n??\n'],
    ['pyproject.toml', '[project\n'],
    ['Pipfile', '[packages\n'],
    ['environment.yml', 'dependencies: [a\n'],
    ['compose.yml', 'services: {a: [\n'],
    ['.github/workflows/ci.yml', 'jobs: {a: [\n'],
  ]) {
    const r = analyzeText(name, text, ctx);
    assert.ok(r.problems.some((p) => p.kind === 'parse-error'), `${name}: ${JSON.stringify(r.problems)}`);
    assert.ok(!r.problems.some((p) => p.kind === 'rule-error'), `${name}: analyser threw`);
  }
});
