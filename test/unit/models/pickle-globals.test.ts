// Unit tests for global classification and the findings built from a disassembly.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalModule, classifyGlobal } from '../../../server/src/models/pickle-globals';
import { pickleFindings } from '../../../server/src/models/pickle-verdict';
import { bytes, dis, glob, sbu } from './helpers';

const verdict = (module: string, name: string) => classifyGlobal(canonicalModule(module), name);

test('known-safe globals are clean', () => {
  for (const [m, n] of [['collections', 'OrderedDict'], ['torch', 'FloatStorage'], ['torch', 'BFloat16Storage'], ['torch._utils', '_rebuild_tensor_v2'],
    ['torch._tensor', '_rebuild_from_type_v2'], ['torch.nn.parameter', 'Parameter'], ['numpy.core.multiarray', '_reconstruct'], ['numpy._core.multiarray', 'scalar'],
    ['numpy', 'dtype'], ['_codecs', 'encode'], ['__builtin__', 'set'], ['copy_reg', '_reconstructor'], ['joblib.numpy_pickle', 'NumpyArrayWrapper'],
    ['sklearn.linear_model._logistic', 'LogisticRegression'], ['torch.nn.modules.linear', 'Linear'], ['numpy.random._pickle', '__randomstate_ctor']]) {
    assert.equal(verdict(m, n), 'safe', `${m}.${n}`);
  }
});

test('blocklisted globals, submodules, Python 2 names and scanner bypasses are dangerous', () => {
  for (const [m, n] of [['posix', 'system'], ['nt', 'system'], ['os', 'system'], ['os.path', 'join'], ['builtins', 'eval'], ['__builtin__', 'getattr'],
    ['builtins', 'getattr'], ['operator', 'attrgetter'], ['_operator', 'methodcaller'], ['importlib', 'import_module'], ['inspect', 'getattr_static'],
    ['marshal', 'loads'], ['runpy', '_run_code'], ['pip', 'main'], ['torch.utils.collect_env', 'run'], ['multiprocessing.util', 'spawnv_passfds'],
    ['subprocess', 'Popen'], ['commands', 'getoutput'], ['OS', 'system'], ['Builtins', 'exec'], ['os ', 'system'], ['torch', 'os.system'],
    ['numpy', 'testing._private.utils.runstring'], ['collections', 'OrderedDict.__init__.__globals__'], ['torch.serialization', 'load'],
    ['joblib', 'load'], ['dill', 'loads'], ['webbrowser', 'open'], ['requests.api', 'get'], ['_io', 'FileIO'], ['functools', 'partial'],
    ['sklearn.utils', 'os.system'], ['types', 'CodeType'], ['fickling', 'hook']]) {
    assert.equal(verdict(m, n), 'dangerous', `${m}.${n}`);
  }
});

test('anything else is unknown', () => {
  for (const [m, n] of [['__main__', 'Net'], ['mypkg.models', 'Net'], ['torch.nn.modules.linear', 'linear_helper'], ['statsmodels.regression.linear_model', 'OLS']]) {
    assert.equal(verdict(m, n), 'unknown', `${m}.${n}`);
  }
});

test('pickled DataFrames and sparse matrices are data; pandas eval and I/O are not', () => {
  for (const [m, n] of [['pandas.core.frame', 'DataFrame'], ['pandas._libs.internals', '_unpickle_block'], ['pandas.core.indexes.base', '_new_Index'], ['scipy.sparse._csr', 'csr_matrix']]) {
    assert.equal(verdict(m, n), 'safe', `${m}.${n}`);
  }
  for (const [m, n] of [['pandas.core.computation.eval', 'eval'], ['pandas.io.pickle', 'read_pickle'], ['pandas.core.frame', 'os.system']]) {
    assert.equal(verdict(m, n), 'dangerous', `${m}.${n}`);
  }
});

test('REDUCE on a dangerous callable is named in the message, with its effect and properties', async () => {
  const [f] = pickleFindings(await dis(bytes('\x80\x02', glob('posix', 'system'), sbu('id'), '\x85R.')), { entry: 'archive/data.pkl' });
  assert.equal(f.ruleId, 'pickle-dangerous-global');
  assert.match(f.message, /^`archive\/data\.pkl`: pickle imports `posix\.system` and calls `posix\.system` with REDUCE; loading this file runs a shell command/);
  assert.deepEqual(f.properties, { globals: ['posix.system'], calls: ['posix.system'], entry: 'archive/data.pkl' });
});

test('an import that is never called says so', async () => {
  const [f] = pickleFindings(await dis(bytes('\x80\x02', glob('os', 'system'), '.')));
  assert.match(f.message, /unpickling imports it even if it is never called/);
});

test('safe-only pickles give no findings; unknown ones a warning-level finding', async () => {
  assert.deepEqual(pickleFindings(await dis(bytes('\x80\x02', glob('collections', 'OrderedDict'), ')R.'))), []);
  const [f] = pickleFindings(await dis(bytes('\x80\x02', glob('__main__', 'Net'), ')\x81.')));
  assert.equal(f.ruleId, 'pickle-unknown-global');
  assert.equal(f.severity, undefined);
  assert.deepEqual(f.properties, { globals: ['__main__.Net'] });
});

test('an unresolvable STACK_GLOBAL is an error-level unknown-global finding', async () => {
  const fs = pickleFindings(await dis(bytes('\x80\x04', glob('collections', 'OrderedDict'), ')R', sbu('x'), '\x93.')));
  const f = fs.find((x) => x.severity === 'error');
  assert.equal(f?.ruleId, 'pickle-unknown-global');
});

test('Python 2 builtin names in old NumPy pickles are data', () => {
  assert.equal(verdict('__builtin__', 'xrange'), 'safe');
  assert.equal(verdict('__builtin__', 'eval'), 'dangerous');
});

test('NumPy scalar types, pure builtins and stdlib data classes are safe; eval, getattr, open and friends stay dangerous', () => {
  for (const [m, n] of [['numpy', 'float64'], ['numpy', 'int32'], ['numpy', 'bool_'], ['numpy', 'dtype'], ['numpy.core.multiarray', 'scalar'], ['builtins', 'len'],
    ['__builtin__', 'max'], ['decimal', 'Decimal'], ['collections.abc', 'Mapping'], ['_collections_abc', 'Sequence'], ['__future__', 'division'], ['datetime', 'datetime']]) {
    assert.equal(verdict(m, n), 'safe', `${m}.${n}`);
  }
  for (const [m, n] of [['builtins', 'eval'], ['builtins', 'exec'], ['builtins', 'getattr'], ['builtins', '__import__'], ['builtins', 'open'], ['builtins', 'compile'],
    ['builtins', 'map'], ['builtins', 'vars'], ['Builtins', 'len'], ['numpy', 'load'], ['numpy', 'float64.__globals__'], ['collections.abc', 'os.system']]) {
    assert.equal(verdict(m, n), 'dangerous', `${m}.${n}`);
  }
  assert.equal(verdict('numpy', 'frompyfunc'), 'unknown');
});
