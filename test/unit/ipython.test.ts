// IPython cell preparation: automagics, continued shell lines and doctest prompts, with offsets that map back to the cell.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { originalOffset, prepareCell } from '../../server/src/engine/ipython';

const lines = (s: string) => prepareCell(s).text.split('\n');

test('automagic lines with arguments are blanked like %magics; Python that starts with a magic name is kept', () => {
  const cell = 'pip install diffusers torch\ncd ..\nls -la\nhistory -n\nimport os';
  const out = prepareCell(cell).text;
  assert.equal(out.length, cell.length);
  assert.deepEqual(out.split('\n').map((l) => l.trim()), ['', '', '', '', 'import os']);
  for (const py of ['time = 3', 'time.sleep(1)', 'run(x)', "env['A'] = 1", 'history: list = []', 'pwd', 'load', 'cd -= 1', 'pip == 3', 'run if ok else stop']) {
    assert.equal(prepareCell(py).text, py, py);
  }
});

test('a backslash-continued shell command is blanked to its last line, and only that far', () => {
  assert.deepEqual(lines('!pip install a \\\n    b \\\n    c\nx = 1').map((l) => l.trim()), ['', '', '', 'x = 1']);
  assert.deepEqual(lines('%pip install a\n    b = 2').map((l) => l.trim()), ['', 'b = 2']);
});

test('doctest prompts move to the end of the line; output lines are blanked; offsets map back', () => {
  const cell = '>>> import torch\n>>> m = torch.load(\n...     f)\n>>> m\nModel()';
  const p = prepareCell(cell);
  assert.equal(p.text.length, cell.length);
  assert.deepEqual(p.text.split('\n').map((l) => l.trimEnd()), ['import torch', 'm = torch.load(', '    f)', 'm', '']);
  const at = p.text.indexOf('torch.load');
  assert.equal(cell.slice(originalOffset(p.moves, at), originalOffset(p.moves, at + 'torch.load'.length)), 'torch.load');
  // Without a prompt on the first line IPython strips nothing: `>>>` later in a cell stays (and is a syntax error).
  assert.equal(prepareCell('x = 1\n>>> y').text, 'x = 1\n>>> y');
});

test('whole non-Python cell magics are blank; %%time keeps its Python body', () => {
  assert.match(prepareCell('%%bash\npip install x\n').text, /^\s+$/);
  assert.equal(lines('%%time\nimport os')[1], 'import os');
});
