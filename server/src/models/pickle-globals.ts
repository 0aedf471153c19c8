// Classifies pickle globals: an allowlist of known-safe names, a blocklist of dangerous ones, the rest unknown.

/** Verdict for one imported global. */
export type GlobalVerdict = 'safe' | 'dangerous' | 'unknown';

// Exact known-safe names: what torch, numpy, joblib and plain containers write for data-only objects.
const SAFE_EXACT = new Set([
  'collections.OrderedDict', 'collections.defaultdict', 'collections.Counter', 'collections.deque',
  'builtins.set', 'builtins.frozenset', 'builtins.slice', 'builtins.range', 'builtins.complex', 'builtins.bytearray',
  'builtins.bytes', 'builtins.object', 'builtins.int', 'builtins.float', 'builtins.str', 'builtins.list',
  'builtins.dict', 'builtins.tuple', 'builtins.bool',
  // Python 2 names that old NumPy/pandas pickles carry (`__builtin__.xrange` etc. map to builtins.*).
  'builtins.xrange', 'builtins.unicode', 'builtins.long', 'builtins.basestring',
  'copyreg._reconstructor', '_codecs.encode', 'codecs.encode',
  'torch._tensor._rebuild_from_type_v2', 'torch._tensor._rebuild_from_type', 'torch.nn.parameter.Parameter',
  'torch.Size', 'torch.device', 'torch.serialization._get_layout', 'torch.Tensor',
  'numpy.dtype', 'numpy.ndarray',
  'numpy.core.multiarray._reconstruct', 'numpy._core.multiarray._reconstruct',
  'numpy.core.multiarray.scalar', 'numpy._core.multiarray.scalar',
  'numpy.core.numeric._frombuffer', 'numpy._core.numeric._frombuffer',
  'joblib.numpy_pickle.NumpyArrayWrapper', 'joblib.numpy_pickle_compat.NDArrayWrapper',
  'numpy.random._pickle.__randomstate_ctor', 'numpy.random._pickle.__generator_ctor', 'numpy.random._pickle.__bit_generator_ctor',
]);

// Pure builtins: calling them only computes a value from their arguments. eval, exec, compile, getattr,
// setattr, __import__, open, input, breakpoint, globals, vars, type, map/filter and the rest stay dangerous.
const PURE_BUILTINS = [
  'abs', 'all', 'any', 'ascii', 'bin', 'callable', 'chr', 'divmod', 'enumerate', 'format', 'hash', 'hex', 'id',
  'isinstance', 'issubclass', 'iter', 'len', 'max', 'min', 'next', 'oct', 'ord', 'pow', 'repr', 'reversed',
  'round', 'sorted', 'sum', 'zip', 'Ellipsis', 'NotImplemented',
];
// NumPy scalar types (`numpy.float64` as a pickled dtype attribute, as sklearn estimators hold them).
const NUMPY_SCALARS = [
  'bool_', 'bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'intc', 'uintc', 'intp', 'uintp',
  'int_', 'uint', 'longlong', 'ulonglong', 'short', 'ushort', 'byte', 'ubyte', 'float16', 'float32', 'float64', 'float128',
  'half', 'single', 'double', 'longdouble', 'complex64', 'complex128', 'complex256', 'csingle', 'cdouble', 'clongdouble',
  'str_', 'bytes_', 'void', 'datetime64', 'timedelta64', 'object_', 'generic', 'number', 'integer', 'signedinteger',
  'unsignedinteger', 'inexact', 'floating', 'complexfloating', 'character', 'flexible',
];
for (const n of PURE_BUILTINS) SAFE_EXACT.add(`builtins.${n}`);
for (const n of NUMPY_SCALARS) SAFE_EXACT.add(`numpy.${n}`);
// Harmless standard-library data classes.
for (const n of ['decimal.Decimal', '_decimal.Decimal', 'fractions.Fraction', 'datetime.datetime', 'datetime.date', 'datetime.time',
  'datetime.timedelta', 'datetime.timezone', 'copyreg.__newobj__', 'copyreg.__newobj_ex__']) SAFE_EXACT.add(n);

// Known-safe families, consulted only after the blocklist (so `torch.os.system` can never match one).
const SAFE_PATTERNS: RegExp[] = [
  /^torch\.[A-Za-z0-9]*Storage$/,
  /^torch\._utils\._rebuild_[a-z0-9_]+$/,
  /^torch\.(float|double|half|bfloat16|complex|int|uint|bool|long|short|qint|quint|float8_)[a-z0-9_]*$/,
  /^numpy\.dtypes\.[A-Za-z0-9]+DType$/,
  // Abstract base classes and `__future__` feature objects: importing them runs nothing.
  /^_?collections(\.|_)abc\.[A-Z][A-Za-z]*$/,
  /^__future__\.(nested_scopes|generators|division|absolute_import|with_statement|print_function|unicode_literals|barry_as_FLUFL|generator_stop|annotations|_Feature)$/,
  // Estimator / module classes (Capitalized final name): their __setstate__ only restores attributes.
  /^(torch\.nn\.modules|sklearn|xgboost|lightgbm)(\.[a-z_][a-z0-9_]*)+\.[A-Z][A-Za-z0-9_]*$/,
  // What a pickled DataFrame/Series/Index is rebuilt from (frames, block managers, index and array
  // reconstructors); pandas' I/O and eval modules stay out of this family (`pandas.io` is blocklisted).
  /^pandas\.(core\.(frame|series|generic|internals|indexes|arrays|dtypes|sparse)|_libs)(\.[a-z_][a-z0-9_]*)*\.[A-Za-z_][A-Za-z0-9_]*$/,
  // SciPy sparse matrices and arrays (csr_matrix, coo_array, ...).
  /^scipy\.sparse(\.[a-z_][a-z0-9_]*)*\.[a-z]+_(matrix|array)$/,
];

// Modules where every name is dangerous (ModelScan CRITICAL/HIGH `*`, picklescan `*`, fickling UNSAFE_IMPORTS
// and UnsafeImportsML modules), plus importlib/marshal/inspect and the scanners themselves (scanner deactivation).
const DANGEROUS_MODULES = new Set([
  'builtins', '__builtin__', '__builtins__', 'os', 'posix', 'nt', 'subprocess', 'sys', 'pty', 'commands', 'multiprocessing',
  '_posixsubprocess', 'code', 'codeop', 'runpy', 'marshal', 'types', 'compile', 'exec', 'eval', 'doctest',
  '_interpreters', '_xxsubinterpreters', 'importlib', '_frozen_importlib', '_frozen_importlib_external', '_imp', 'imp',
  'pkgutil', 'zipimport', 'gc', 'site', 'unittest', 'inspect', 'test', '_operator', 'operator', 'functools',
  'cProfile', 'profile', 'pdb', 'bdb', 'timeit', 'trace', 'socket', '_socket', 'ssl', 'httplib', 'http', 'urllib', 'urllib2',
  'requests', 'aiohttp', 'asyncio', 'webbrowser', 'smtplib', 'imaplib', 'ftplib', 'poplib', 'telnetlib', 'nntplib',
  'ctypes', '_ctypes', 'pickle', '_pickle', 'cPickle', 'dill', 'cloudpickle', 'joblib', 'shutil', 'tempfile', 'filecmp',
  'distutils', 'pydoc', 'pexpect', 'pipes', 'venv', 'ensurepip', 'pip', 'idlelib', 'lib2to3', 'socketserver',
  'xmlrpc', 'signal', '_signal', 'threading', '_thread', 'atexit', 'sqlite3', '_sqlite3', 'fileinput', 'glob',
  'platform', 'linecache', 'difflib', 'compileall', 'py_compile', 'mmap', 'select', 'selectors', 'logging', 'syslog',
  'tarfile', 'zipfile', 'shelve', 'uuid', '_osx_support', '_aix_support', '_pyrepl', 'mailcap', 'ptyprocess',
  'numpy.f2py', 'numpy.distutils', 'numpy.testing._private.utils', 'numpy.lib.npyio',
  'torch.hub', 'torch._dynamo', 'torch._inductor', 'torch.jit', 'torch.compile', 'torch.utils.collect_env',
  'torch.utils.bottleneck', 'torch.utils.data.datapipes.utils.decoder', 'torch.distributed.elastic.rendezvous.api',
  'fickling', 'picklescan', 'modelscan', 'pandas.io', 'pandas.core.computation', 'mlflow.projects', 'keras.src.saving', 'IPython',
]);

// Single dangerous names inside otherwise unlisted modules (picklescan/fickling name lists, modelscan #338).
const DANGEROUS_NAMES = new Set([
  'io.FileIO', 'io.open', '_io.FileIO', '_io.open', 'torch.load', 'torch.compile', 'torch.serialization.load',
  'torch.storage._load_from_bytes', 'torch.utils._config_module.ConfigModule',
  'torch.fx.experimental.symbolic_shapes.ShapeEnv', 'torch._C._jit_script_compile', 'numpy.load', 'numpy.fromfile',
  'numpy.loadtxt', 'numpy.genfromtxt',
]);

// Python 2 names that unpickling in Python 3 maps (pickle's _compat_pickle, fix_imports=True).
const PY2_MODULES: Record<string, string> = {
  __builtin__: 'builtins', copy_reg: 'copyreg', cPickle: 'pickle', commands: 'subprocess', urllib2: 'urllib.request',
  httplib: 'http.client', SocketServer: 'socketserver', thread: '_thread', Queue: 'queue', exceptions: 'builtins',
  cStringIO: 'io', StringIO: 'io', UserDict: 'collections', __main__: '__main__', ConfigParser: 'configparser',
};

// Attribute names that reach interpreter internals when a dotted name is resolved with getattr.
const DUNDER_ESCAPE = /(^|\.)__(globals|builtins|builtin__|subclasses|class|base|bases|mro|self|func|code|dict|getattribute|reduce|reduce_ex|import|loader|spec|init|new|call)__(\.|$)/;

const lower = (xs: Iterable<string>) => new Set([...xs].map((x) => x.toLowerCase()));
const MODULES_LC = lower(DANGEROUS_MODULES);
const NAMES_LC = lower(DANGEROUS_NAMES);

/** The module Python 3 will actually import: whitespace trimmed, Python 2 names mapped. */
export function canonicalModule(module: string): string {
  const m = module.trim();
  return PY2_MODULES[m] ?? m;
}

// True when `dotted` (lower-cased) is a dangerous name, or a dangerous module or one of its submodules/attributes.
function hitsBlocklist(dotted: string): boolean {
  if (NAMES_LC.has(dotted)) return true;
  const parts = dotted.split('.');
  for (let j = 1; j <= parts.length; j++) if (MODULES_LC.has(parts.slice(0, j).join('.'))) return true;
  return false;
}

/**
 * Classifies an imported global (module already canonical). Order: exact allowlist; blocklist
 * (case-insensitive, since case-insensitive file systems import `OS` as `os`; also every dotted
 * suffix of the name, because protocol 4 resolves `torch` + `os.system` by getattr to os.system;
 * dunder escapes and whitespace); then safe families; everything else is unknown.
 */
export function classifyGlobal(module: string, name: string): GlobalVerdict {
  const full = `${module}.${name}`;
  if (SAFE_EXACT.has(full)) return 'safe';
  // Whitespace and control characters never occur in real module names; they are scanner-evasion attempts.
  if (DUNDER_ESCAPE.test(name) || [...full].some((c) => c.charCodeAt(0) <= 0x20)) return 'dangerous';
  const lc = full.toLowerCase();
  if (hitsBlocklist(lc)) return 'dangerous';
  const nameParts = name.toLowerCase().split('.');
  for (let i = 0; i + 2 <= nameParts.length; i++) if (hitsBlocklist(nameParts.slice(i).join('.'))) return 'dangerous';
  if (SAFE_PATTERNS.some((re) => re.test(full))) return 'safe';
  return 'unknown';
}
