// Loads web-tree-sitter and its grammars once, from files shipped beside the bundle (or node_modules in dev).
import * as fs from 'fs';
import * as path from 'path';
import { Language, Parser } from 'web-tree-sitter';

const candidates: Record<string, () => string[]> = {
  'web-tree-sitter.wasm': () => [path.join(__dirname, 'web-tree-sitter.wasm'), ...resolveInPackage('web-tree-sitter', 'web-tree-sitter.wasm')],
  'tree-sitter-python.wasm': () => [path.join(__dirname, 'tree-sitter-python.wasm'), ...resolveInPackage('tree-sitter-python', 'tree-sitter-python.wasm')],
};

/** Development fallback: node_modules/<pkg>/<file> in this or a parent directory (packages' exports maps hide package.json). */
function resolveInPackage(pkg: string, file: string): string[] {
  const out: string[] = [];
  for (let dir = __dirname, i = 0; i < 8; i++, dir = path.dirname(dir)) out.push(path.join(dir, 'node_modules', pkg, file));
  return out;
}

/** Finds a shipped .wasm file; throws a clear error if it is missing (a missing runtime would abort the process). */
export function wasmPath(name: keyof typeof candidates): string {
  const found = candidates[name]().find((p) => fs.existsSync(p));
  if (!found) throw new Error(`mlsec: ${name} not found next to ${__dirname}; the build must copy it there`);
  return found;
}

let ready: Promise<Language> | undefined;

/** Initialises the tree-sitter runtime and the Python grammar (once per process). */
export function loadPythonLanguage(): Promise<Language> {
  if (!ready) {
    ready = (async () => {
      const runtime = wasmPath('web-tree-sitter.wasm');
      await Parser.init({ locateFile: () => runtime });
      return Language.load(wasmPath('tree-sitter-python.wasm'));
    })();
  }
  return ready;
}
