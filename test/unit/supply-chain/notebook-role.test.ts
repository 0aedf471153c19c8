// Notebook installs take their severity from the notebook's path, also when the editor passes a notebook URI.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeNotebookCells } from '../../../server/src/engine/analyze';
import { engineContext } from '../../helpers/engine';

const cells = [{ kind: 'code' as const, text: '!pip install transformers datasets\nimport transformers\n' }];

test('a notebook URI under a tutorial folder makes its installs notes that say why', async () => {
  const ctx = await engineContext();
  const tutorial = analyzeNotebookCells(cells, ctx, undefined, {}, 'file:///home/me/repo/tutorials/intro.ipynb').findings.filter((f) => f.ruleId === 'unpinned-requirement');
  assert.equal(tutorial.length, 1, 'one finding for the command');
  assert.equal(tutorial[0].severity, 'note');
  assert.match(tutorial[0].message, /under `tutorials\/`/);
  const app = analyzeNotebookCells(cells, ctx, undefined, {}, 'file:///home/me/repo/analysis/report.ipynb').findings.filter((f) => f.ruleId === 'unpinned-requirement');
  assert.deepEqual(app.map((f) => f.severity), ['warning']);
  assert.match(app[0].message, /2 packages unpinned, `transformers` \(no version\) and `datasets` \(no version\)/);
  const unknown = analyzeNotebookCells(cells, ctx).findings.filter((f) => f.ruleId === 'unpinned-requirement');
  assert.deepEqual(unknown.map((f) => f.severity), ['warning'], 'no path: no role');
});
