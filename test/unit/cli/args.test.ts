// parseArgs: flags, values, defaults and the errors that make the CLI exit 2.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseArgs } from '../../../server/src/cli/args';

test('defaults: scan . as text at note', () => {
  const cmd = parseArgs(['scan']);
  assert.equal(cmd.kind, 'scan');
  if (cmd.kind !== 'scan') return;
  assert.deepEqual(cmd.options.paths, ['.']);
  assert.equal(cmd.options.format, 'text');
  assert.equal(cmd.options.minSeverity, 'note');
  assert.equal(cmd.options.gitignore, true);
});

test('values by space or =, repeatable globs, -- ends options', () => {
  const cmd = parseArgs(['scan', 'a', '-f', 'sarif', '--output=o.sarif', '--exclude', 'x/**', '--exclude=y', '--max-file-size-mb', '2.5', '--no-gitignore', '--', '--weird-name.py']);
  assert.equal(cmd.kind, 'scan');
  if (cmd.kind !== 'scan') return;
  assert.deepEqual(cmd.options.paths, ['a', '--weird-name.py']);
  assert.equal(cmd.options.format, 'sarif');
  assert.equal(cmd.options.output, 'o.sarif');
  assert.deepEqual(cmd.options.exclude, ['x/**', 'y']);
  assert.equal(cmd.options.maxFileSizeMB, 2.5);
  assert.equal(cmd.options.gitignore, false);
});

test('errors', () => {
  for (const argv of [['scan', '--nope'], ['scan', '--format', 'xml'], ['scan', '--max-file-size-mb', '-1'], ['scan', '--config'], ['scan', '--quiet=1'], ['scan', '-q', '-v'], ['frob']]) {
    assert.equal(parseArgs(argv).kind, 'error', argv.join(' '));
  }
});

test('help and version', () => {
  assert.equal(parseArgs([]).kind, 'help');
  assert.equal(parseArgs(['scan', '--help']).kind, 'help');
  assert.equal(parseArgs(['--version']).kind, 'version');
  assert.equal(parseArgs(['scan', '-V']).kind, 'version');
});
