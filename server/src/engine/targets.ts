// Decides which analyser a file goes to, from its name and (for unknown names) its first bytes.
import type { Target } from './source-file';

/** File extensions of model/serialized artefacts that are scanned as bytes. */
export const MODEL_EXTENSIONS = [
  '.pkl', '.pickle', '.joblib', '.dat', '.data', '.dill',
  '.pt', '.pth', '.bin', '.ckpt',
  '.npy', '.npz',
  '.h5', '.hdf5', '.keras',
  '.safetensors',
];

const PYTHON_EXTENSIONS = ['.py', '.pyw', '.pyi'];
const DATA_EXTENSIONS = ['.csv', '.tsv', '.jsonl', '.ndjson', '.parquet', '.xlsx'];

function baseName(path: string): string {
  return path.replace(/^.*[\\/]/, '').toLowerCase();
}

function lowerExt(path: string): string {
  const base = baseName(path);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot);
}

/** Targets decided by the file name alone (dependency files, IaC, config, secrets-bearing files). */
function targetByName(path: string): Target | undefined {
  const base = baseName(path);
  const norm = path.replace(/\\/g, '/').toLowerCase();
  const ext = lowerExt(path);
  if (base === 'dockerfile' || base.startsWith('dockerfile.') || base.endsWith('.dockerfile') || base === 'containerfile') return 'dockerfile';
  if (/^(requirements|constraints).*\.(txt|in)$/.test(base) || /(^|\/)requirements\/[^/]+\.(txt|in)$/.test(norm)) return 'requirements';
  if (base === 'pyproject.toml') return 'pyproject';
  if (base === 'pipfile') return 'pipfile';
  if (base === 'setup.cfg') return 'setup-cfg';
  if (/^(environment|conda)[\w.-]*\.ya?ml$/.test(base)) return 'conda-env';
  if (['poetry.lock', 'uv.lock', 'pipfile.lock', 'pylock.toml', 'conda-lock.yml', 'conda-lock.yaml'].includes(base)) return 'lockfile';
  if (/^(docker-)?compose[\w.-]*\.ya?ml$/.test(base)) return 'compose';
  if (/(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(norm) || /(^|\/)action\.ya?ml$/.test(norm)) return 'github-actions';
  if (/\.threatmodel\.ya?ml$/.test(base)) return 'threatmodel';
  if (ext === '.tf' || ext === '.tfvars' || base.endsWith('.tf.json')) return 'terraform';
  if (base === '.env' || base.startsWith('.env.') || base.endsWith('.env')) return 'env';
  if (['.netrc', '_netrc', '.pypirc', '.npmrc', '.git-credentials', '.s3cfg', '.boto'].includes(base) || ['.pem', '.key', '.p12', '.pfx'].includes(ext)) return 'credentials';
  // AWS CLI credentials/config files copied into a repository (`.aws/credentials`).
  if (/(^|\/)\.aws\/(credentials|config)$/.test(norm)) return 'credentials';
  if (DATA_EXTENSIONS.includes(ext)) return 'data';
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  if (ext === '.json') return 'json';
  if (ext === '.toml') return 'toml';
  if (ext === '.ini' || ext === '.cfg' || ext === '.conf' || ext === '.properties') return 'ini';
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  return undefined;
}

/**
 * Picks the analyser for `path`. `head` (the first bytes, optional) lets files with
 * unusual names that start with pickle or zip magic be scanned as model files.
 * A YAML file holding Kubernetes objects is refined to 'kubernetes' by `refineYamlTarget`.
 */
export function detectTarget(path: string, head?: Uint8Array | string): Target {
  const ext = lowerExt(path);
  if (PYTHON_EXTENSIONS.includes(ext)) return 'python';
  if (ext === '.ipynb') return 'notebook';
  if (MODEL_EXTENSIONS.includes(ext)) return 'model';
  const byName = targetByName(path);
  if (byName) return byName;
  if (head && typeof head !== 'string' && looksLikePickle(head)) return 'model';
  if (typeof head === 'string' && /^#!.*\bpython[0-9.]*\b/.test(head)) return 'python';
  return 'unknown';
}

/** A generic YAML file that declares `apiVersion` and `kind` is a Kubernetes manifest. */
export function refineYamlTarget(target: Target, text: string): Target {
  if (target === 'yaml' && /^apiVersion:\s*\S+/m.test(text) && /^kind:\s*\S+/m.test(text)) return 'kubernetes';
  return target;
}

/** True when the bytes start with a pickle protocol 2-5 header (0x80 0x02..0x05). */
export function looksLikePickle(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x80 && head[1] >= 2 && head[1] <= 5;
}
