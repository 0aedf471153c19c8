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

function lowerExt(path: string): string {
  const base = path.replace(/^.*[\\/]/, '').toLowerCase();
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot);
}

/**
 * Picks the analyser for `path`. `head` (the first bytes, optional) lets files with
 * unusual names that start with pickle or zip magic be scanned as model files.
 */
export function detectTarget(path: string, head?: Uint8Array | string): Target {
  const ext = lowerExt(path);
  if (PYTHON_EXTENSIONS.includes(ext)) return 'python';
  if (ext === '.ipynb') return 'notebook';
  if (MODEL_EXTENSIONS.includes(ext)) return 'model';
  if (head && typeof head !== 'string' && looksLikePickle(head)) return 'model';
  if (typeof head === 'string' && /^#!.*\bpython[0-9.]*\b/.test(head)) return 'python';
  return 'unknown';
}

/** True when the bytes start with a pickle protocol 2-5 header (0x80 0x02..0x05). */
export function looksLikePickle(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x80 && head[1] >= 2 && head[1] <= 5;
}
