// Reads package-install commands (pip, uv pip, conda/mamba, npm -g, apt-get) out of tokenized shell commands.
import type { ShellCommand, Word } from './parse/shell';
import { classifyConda, classifyNpm, classifyPip, type PinVerdict } from './pins';

/** One unpinned (or weakly pinned) thing an install command fetches. */
export interface InstallIssue {
  tool: 'pip' | 'conda' | 'npm' | 'apt';
  /** The word the finding points at (the spec, or the `-r` file, or the command). */
  word: Word;
  verdict: PinVerdict;
  /** The raw spec as written (for fixes). */
  spec: string;
}

// pip options that take a value (the next word unless written `--opt=value`).
const PIP_VALUE_OPTS = new Set(['-r', '--requirement', '-c', '--constraint', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '--trusted-host',
  '-t', '--target', '--prefix', '--root', '--platform', '--python-version', '--implementation', '--abi', '--only-binary', '--no-binary', '--progress-bar',
  '--cache-dir', '--src', '--upgrade-strategy', '--log', '--proxy', '--retries', '--timeout', '--exists-action', '--config-settings', '-C',
  '--global-option', '--report', '--python', '-p', '--index', '--default-index', '--index-strategy', '--keyring-provider', '--group', '--extra',
  // uv pip options with a value
  '--torch-backend', '--resolution', '--prerelease', '--link-mode', '--exclude-newer', '--reinstall-package', '--upgrade-package', '-P', '--no-build-isolation-package', '--config-setting']);
const CONDA_VALUE_OPTS = new Set(['-c', '--channel', '-n', '--name', '-p', '--prefix', '--file', '--override-channels-file', '--repodata-fn']);
// Words that can precede a command in a simple command: wrappers and shell keywords (`if ...; then pip install x; fi`).
const SHELL_PREFIXES = new Set(['sudo', 'env', 'time', 'nohup', 'exec', 'command', 'then', 'else', 'do', '!', '{']);

/** Strips `sudo`, `VAR=x` and similar prefixes; returns the command's words from the program name on. */
function program(words: Word[]): Word[] {
  let i = 0;
  while (i < words.length && (SHELL_PREFIXES.has(words[i].text) || /^[A-Za-z_]\w*=/.test(words[i].text) || (words[i - 1]?.text === 'sudo' && words[i].text.startsWith('-')))) i++;
  return words.slice(i);
}

/** The index after `pip install` / `python -m pip install` / `uv pip install`, or -1. */
function pipInstallStart(w: Word[]): number {
  const t = w.map((x) => x.text.replace(/^.*\//, ''));
  let i: number;
  if (/^(python[\d.]*|py|\{sys\.executable\}|\$\{?PYTHON\w*\}?)$/.test(t[0] ?? '') || w[0]?.text === '{sys.executable}') {
    const m = t.indexOf('-m');
    if (m < 0 || t[m + 1] !== 'pip') return -1;
    i = m + 2;
  } else if (/^pip[\d.]*$/.test(t[0] ?? '')) i = 1;
  else if (t[0] === 'uv' && t[1] === 'pip') i = 2;
  else return -1;
  while (t[i]?.startsWith('-')) i++; // pip global options before the subcommand (rare; e.g. -q)
  return t[i] === 'install' ? i + 1 : -1;
}

/** Issues of a `pip install ...` argument list. */
function pipIssues(args: Word[]): InstallIssue[] {
  const out: InstallIssue[] = [];
  const hasRequireHashes = args.some((a) => a.text === '--require-hashes');
  const hashed = args.some((a) => a.text.startsWith('--hash'));
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const [opt, inline] = a.text.startsWith('-') ? a.text.split(/=(.*)/s) : [a.text, undefined];
    if (opt === '-r' || opt === '--requirement' || /^-r\S/.test(opt)) {
      const separate = inline === undefined && !(opt.length > 2 && opt.startsWith('-r'));
      const file = inline ?? (separate ? args[++i]?.text : opt.slice(2));
      const word = separate && args[i] ? { text: `${a.text} ${args[i].text}`, start: a.start, end: args[i].end } : a;
      if (!hasRequireHashes && file) out.push({ tool: 'pip', word, spec: file, verdict: { level: 'unpinned', why: `\`-r ${file}\` without \`--require-hashes\`: whatever the file lists is installed without integrity checks` } });
      continue;
    }
    if (opt === '-e' || opt === '--editable') {
      const spec = inline ?? args[++i]?.text;
      const w = inline ? a : args[i];
      if (spec && w) {
        const v = classifyPip(spec, hashed);
        if (v.level === 'unpinned') out.push({ tool: 'pip', word: w, spec, verdict: v });
      }
      continue;
    }
    if (opt.startsWith('-')) {
      if (inline === undefined && PIP_VALUE_OPTS.has(opt)) i++;
      continue;
    }
    const v = classifyPip(a.text, hashed);
    if (v.level === 'unpinned' || v.level === 'exact') out.push({ tool: 'pip', word: a, spec: a.text, verdict: v });
  }
  return out;
}

/** Issues of a conda/mamba `install`/`create` argument list. */
function condaIssues(args: Word[]): InstallIssue[] {
  const out: InstallIssue[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.text.startsWith('-')) {
      if (!a.text.includes('=') && CONDA_VALUE_OPTS.has(a.text)) i++;
      continue;
    }
    const v = classifyConda(a.text);
    if (v.level === 'unpinned' || v.level === 'exact') out.push({ tool: 'conda', word: a, spec: a.text, verdict: v });
  }
  return out;
}

/** Issues of `npm install -g ...` (project installs use package-lock.json and are not reported). */
function npmIssues(args: Word[]): InstallIssue[] {
  if (!args.some((a) => a.text === '-g' || a.text === '--global' || a.text === '--location=global')) return [];
  return args.filter((a) => !a.text.startsWith('-')).flatMap((a) => {
    const v = classifyNpm(a.text);
    return v.level === 'unpinned' || v.level === 'exact' ? [{ tool: 'npm' as const, word: a, spec: a.text, verdict: v }] : [];
  });
}

/** One note for an `apt-get install` whose packages carry no `=version`. */
function aptIssues(cmd: Word, args: Word[]): InstallIssue[] {
  const pkgs = args.filter((a) => !a.text.startsWith('-'));
  const loose = pkgs.filter((a) => !a.text.includes('=') && !a.text.includes('$') && !a.text.endsWith('.deb'));
  if (loose.length === 0) return [];
  return [{ tool: 'apt', word: cmd, spec: loose.map((l) => l.text).join(' '), verdict: { level: 'exact', why: `no versions for ${loose.map((l) => `\`${l.text}\``).slice(0, 4).join(', ')}${loose.length > 4 ? ', ...' : ''}` } }];
}

/** Every unpinned or weakly pinned package a shell command installs. */
export function installIssues(command: ShellCommand, options: { apt?: boolean } = {}): InstallIssue[] {
  const w = program(command.words);
  if (w.length < 2) return [];
  const pip = pipInstallStart(w);
  if (pip >= 0) return pipIssues(w.slice(pip));
  const prog = w[0].text.replace(/^.*\//, '');
  const sub = w[1].text;
  if (/^(conda|mamba|micromamba)$/.test(prog) && (sub === 'install' || sub === 'create')) return condaIssues(w.slice(2));
  if (prog === 'npm' && (sub === 'install' || sub === 'i' || sub === 'add')) return npmIssues(w.slice(2));
  if (options.apt && (prog === 'apt-get' || prog === 'apt') && w.slice(1).some((x) => x.text === 'install')) {
    const at = w.findIndex((x) => x.text === 'install');
    return aptIssues(w[0], w.slice(at + 1));
  }
  return [];
}

/** True when `cmd` runs a shell/interpreter reading a script from a pipe (`curl ... | sh`). */
export function pipesDownloadToShell(cmd: ShellCommand): boolean {
  if (!cmd.piped || !cmd.pipedFrom) return false;
  const w = program(cmd.words);
  const prog = w[0]?.text.replace(/^.*\//, '') ?? '';
  if (!/^(sh|bash|zsh|dash|ksh|ash|python[\d.]*|perl|ruby|node)$/.test(prog)) return false;
  // `| python -c "..."` reads code from -c, not the pipe.
  if (w.slice(1).some((x) => x.text === '-c') && !/sh$/.test(prog)) return false;
  let from: ShellCommand | undefined = cmd.pipedFrom;
  while (from) {
    const p = program(from.words)[0]?.text.replace(/^.*\//, '');
    if (p === 'curl' || p === 'wget') return true;
    from = from.piped ? from.pipedFrom : undefined;
  }
  return false;
}

/** `sh -c "$(curl ...)"` / `bash <(curl ...)` forms, found in the raw text of a command. */
export function substitutesDownloadIntoShell(raw: string): boolean {
  return /\b(ba|z|da|k)?sh\b[^\n]*(\$\(|<\(|`)\s*(curl|wget)\b/.test(raw) || /\b(ba|z)?sh\s+<\(\s*(curl|wget)\b/.test(raw);
}
