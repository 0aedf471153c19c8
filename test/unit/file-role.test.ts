// fileRole: test code, golden/generated test data and documentation/tutorial/example folders are told apart by path.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileRole, roleClause } from '../../server/src/engine/file-role';

test('test data wins over test code, test code over docs', () => {
  assert.equal(fileRole('repo/tests/golden/pipeline.yaml')?.kind, 'test-data');
  assert.equal(fileRole('repo/test_data/compiled-workflows/x.yaml')?.segment, 'test_data');
  assert.equal(fileRole('repo/docs/tests/x.py')?.kind, 'test');
  assert.equal(fileRole('src/pkg/test_io.py')?.kind, 'test');
  assert.equal(fileRole('C:\\work\\proj\\testdata\\a.yaml')?.kind, 'test-data');
});

test('docs words are whole words of a folder name', () => {
  assert.deepEqual(fileRole('notebooks/transformers_doc/en/quicktour.ipynb'), { kind: 'docs', segment: 'transformers_doc' }, 'the folder closest to the file');
  assert.equal(fileRole('transformers_doc/en/quicktour.ipynb')?.segment, 'transformers_doc');
  assert.equal(fileRole('amazon-sagemaker-examples/x/train.ipynb')?.kind, 'docs');
  assert.equal(fileRole('course/en/chapter1/section3.ipynb')?.kind, 'docs');
  assert.equal(fileRole('file:///home/u/proj/examples/run.py')?.kind, 'docs');
});

test('ordinary source has no role', () => {
  for (const p of ['src/model/train.py', 'docker/Dockerfile', 'documents/app/requirements.txt', 'contest/a.py', 'latest/x.yaml', 'samplers/x.py', 'examples.py', 'fraud/notebooks/eda.ipynb', 'team-notebooks/train.ipynb']) {
    assert.equal(fileRole(p), undefined, p);
  }
});

test('the clause names the deciding folder', () => {
  assert.match(roleClause({ kind: 'docs', segment: 'examples' }), /under `examples\/`/);
  assert.match(roleClause({ kind: 'test', segment: 'test_io.py' }), /test module/);
});
