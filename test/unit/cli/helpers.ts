// Test helpers for the CLI: temp project trees and a runner that spawns the built bundle (server/out/cli.js).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The repository root. */
export const ROOT = path.resolve(__dirname, '../../..');
/** The built CLI; `npm test` builds before running tests. */
export const CLI = path.join(ROOT, 'server/out/cli.js');

/** Python that the current catalogue flags with `unsafe-torch-load`. */
export const TORCH_LOAD = 'import torch\nstate = torch.load(p)\n';

/** A notebook whose cell 2 (index 1) holds `code` and cell 1 is markdown. */
export function notebook(code: string): string {
  const lines = code.split(/(?<=\n)/);
  return JSON.stringify({
    cells: [
      { cell_type: 'markdown', metadata: {}, source: ['# Training\n'] },
      { cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: lines },
    ],
    metadata: { kernelspec: { language: 'python', name: 'python3', display_name: 'Python 3' } },
    nbformat: 4,
    nbformat_minor: 5,
  }, null, 1);
}

/** Creates a temp directory holding `files` (relative path -> content) and returns its path. */
export function tree(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mlsec-cli-')));
  for (const [rel, text] of Object.entries(files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
  }
  return dir;
}

/** What one CLI run produced. */
export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node cli.js ...args` in `cwd` (no colour). */
export function mlsec(args: string[], cwd: string, cli = CLI, env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs a JSON-format scan and returns the parsed report. */
export function scanJson(args: string[], cwd: string): { run: Run; json: { findings: { path: string; ruleId: string; severity: string; cell: number | null; line: number }[]; problems: { kind: string; message: string; path: string | null }[]; summary: { files: number; skipped: number } } } {
  const run = mlsec(['scan', '--format', 'json', ...args], cwd);
  return { run, json: JSON.parse(run.stdout) };
}
