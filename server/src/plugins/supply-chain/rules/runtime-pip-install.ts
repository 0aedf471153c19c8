// `pip.main(["install", ...])`, `subprocess.run([... "pip", "install" ...])`, `os.system("pip install ...")`: unverified installs at run time.
import type { Node } from 'web-tree-sitter';
import { literalValue } from '../../../analysis/python/nodes';
import { defineRule } from '../../../engine/rule';

const SUBPROCESS = new Set(['subprocess.run', 'subprocess.call', 'subprocess.check_call', 'subprocess.check_output', 'subprocess.Popen', 'os.system', 'os.popen']);
const PIP_MAIN = new Set(['pip.main', 'pip._internal.main', 'pip._internal.cli.main.main']);

/** The literal strings of a list/tuple argument, or the words of a literal command string. */
function words(node: Node | undefined): string[] | undefined {
  if (!node) return undefined;
  if (node.type === 'list' || node.type === 'tuple') {
    return node.namedChildren.map((c) => {
      const l = literalValue(c);
      return l?.kind === 'string' ? l.value : c?.type === 'attribute' && c.text === 'sys.executable' ? 'python' : '?';
    });
  }
  const l = literalValue(node);
  return l?.kind === 'string' ? l.value.split(/\s+/) : undefined;
}

/** True when the words run `pip install` (`pip`, `pip3`, `python -m pip`, `uv pip`). */
function isPipInstall(w: string[]): boolean {
  const i = w.findIndex((x) => /(^|\/)pip3?$/.test(x));
  return i >= 0 && w.slice(i + 1).some((x) => x === 'install');
}

export default defineRule({
  id: 'runtime-pip-install',
  target: 'python',
  kinds: ['call'],
  visit(node, ctx) {
    const text = ctx.file.text.slice(node.startIndex, node.endIndex);
    if (!text.includes('install')) return;
    const name = ctx.calleeName(node);
    if (!name) return;
    const first = ctx.args(node).positional[0] ?? ctx.args(node).keywords.get('args');
    const w = words(first);
    if (!w) {
      // An f-string command (`os.system(f"pip install {pkg}")`): its literal text still says what runs.
      if (first?.type === 'string' && SUBPROCESS.has(name) && /\bpip3?\s+install\b|-m\s+pip\s+install\b/.test(first.text)) {
        ctx.report({ range: { start: node.startIndex, end: node.endIndex }, message: `\`${ctx.calleeText(node)}\` installs packages while the program runs: nothing pins or verifies what is fetched. Declare the dependency in a hashed lock file instead.` });
      }
      return;
    }
    const hit = PIP_MAIN.has(name) ? w[0] === 'install' : SUBPROCESS.has(name) && isPipInstall(w);
    if (!hit) return;
    ctx.report({ range: { start: node.startIndex, end: node.endIndex }, message: `\`${ctx.calleeText(node)}\` installs packages while the program runs: nothing pins or verifies what is fetched, and it runs with the program's privileges. Declare the dependency in a hashed lock file instead.` });
  },
});
