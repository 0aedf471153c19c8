// Notebook outputs: pandas text/plain tables, HTML tables, JSON and stream text; one finding per output and entity type.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeNotebookJson } from '../../../server/src/engine/analyze';
import { outputMatches } from '../../../server/src/plugins/privacy/output-analyzer';
import { scanOptions } from '../../../server/src/plugins/privacy/scan-text';
import { DEFAULT_SETTINGS } from '../../../server/src/shared/settings';
import { engineContext } from '../../helpers/engine';

const opts = scanOptions(DEFAULT_SETTINGS);
const FRAME = '      full_name                   email  date_of_birth  age\n0  Maria Garcia  maria.garcia@gmail.com     1987-03-14   34\n1     Wei Zhang   wei.zhang@outlook.com     1990-11-02   29\n';

test('pandas text/plain frames: labelled columns are read by their right edges', () => {
  const got = outputMatches({ kind: 'text/plain', text: FRAME }, opts).map((m) => `${m.entity}:${FRAME.slice(m.start, m.end)}`);
  assert.deepEqual(got, ['person-name:Maria Garcia', 'email:maria.garcia@gmail.com', 'date-of-birth:1987-03-14', 'person-name:Wei Zhang', 'email:wei.zhang@outlook.com', 'date-of-birth:1990-11-02']);
  assert.deepEqual(outputMatches({ kind: 'text/plain', text: '   model  score\n0  Maria Garcia  0.9\n' }, opts), []);
  assert.deepEqual(outputMatches({ kind: 'image/png', text: 'maria.garcia@gmail.com' }, opts), []);
});

test('one finding per output and entity type across MIME types; ranges land on the notebook file text', async () => {
  const ctx = await engineContext();
  const html = '<table><tr><th></th><th>email</th></tr><tr><th>0</th><td>maria.garcia@gmail.com</td></tr></table>';
  const nb = JSON.stringify({
    nbformat: 4, nbformat_minor: 5, metadata: {},
    cells: [{ cell_type: 'code', metadata: {}, execution_count: 1, source: ['df'], outputs: [
      { output_type: 'execute_result', metadata: {}, execution_count: 1, data: { 'text/plain': ['   email\n', '0  maria.garcia@gmail.com\n'], 'text/html': [html] } },
      { output_type: 'display_data', metadata: {}, data: { 'application/json': { contact: { phone: '+44 20 7946 0958', note: 'a\\"b' } } } },
    ] }],
  });
  const r = analyzeNotebookJson('n.ipynb', nb, ctx);
  const found = r.findings.filter((f) => f.ruleId === 'pii-in-notebook-output').map((f) => [f.properties?.output, f.properties?.entity, nb.slice(f.range.start, f.range.end)]);
  assert.deepEqual(found, [[0, 'email', 'maria.garcia@gmail.com'], [1, 'phone', '+44 20 7946 0958']]);
});
