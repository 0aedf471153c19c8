// Turns one disassembled pickle into findings: dangerous and unknown globals, dangerous calls, malformed streams.
import type { Disassembly } from './pickle-disassembler';
import { canonicalModule, classifyGlobal } from './pickle-globals';
import type { RawModelFinding } from './scan-model';

/** Where a pickle stream sits, for messages and `properties`. */
export interface PickleOrigin {
  /** Archive entry name (e.g. `archive/data.pkl`), when the pickle is inside a zip. */
  entry?: string;
  /** Extra wording, e.g. "object array body" or "second pickle at offset 120". */
  what?: string;
}

const EFFECTS: [RegExp, string][] = [
  [/^(os|posix|nt)\.(system|popen|exec\w*|spawn\w*|posix_spawn\w*|fork\w*)$|^(subprocess|pty|commands|_posixsubprocess|pexpect)\.|^multiprocessing\.util\.spawnv|^torch\.utils\.collect_env\.run$/, 'runs a shell command'],
  [/^builtins\.(eval|exec|compile|breakpoint)$|^(code|codeop|runpy|marshal|types|pydoc|timeit|trace|cprofile|profile|pdb|bdb)\./i, 'runs arbitrary Python code'],
  [/^builtins\.__import__$|^(importlib|imp|_imp|pkgutil|zipimport|_frozen_importlib\w*)\./, 'imports arbitrary modules'],
  [/^builtins\.getattr$|^(_?operator|functools|inspect)\./, 'can fetch any attribute of any object, a known way to reach dangerous functions past scanners'],
  [/^(socket|_socket|ssl|http|httplib|urllib\w*|requests|aiohttp|asyncio|webbrowser|smtplib|imaplib|ftplib|poplib|telnetlib|nntplib|xmlrpc|socketserver)\./, 'can open network connections'],
  [/^(pickle|_pickle|dill|cloudpickle|joblib|shelve)\.|^torch\.(load|serialization\.load)$|^numpy\.load$/, 'deserializes more data, which can hide a second payload'],
  [/^builtins\.open$|^(_?io|shutil|tempfile|os)\./, 'can read, write or delete files'],
];

// Matched on every dotted suffix, lower-cased, so `torch.os.system` and `OS.system` read as os.system.
function effect(name: string): string {
  const parts = name.toLowerCase().split('.');
  for (let i = 0; i < parts.length - 1; i++) {
    for (const [re, text] of EFFECTS) if (re.test(parts.slice(i).join('.'))) return text;
  }
  return 'runs code from outside the data';
}

const quote = (names: string[], max = 6) => names.slice(0, max).map((n) => `\`${n}\``).join(', ') + (names.length > max ? ` and ${names.length - max} more` : '');

/** Builds the findings for one pickle stream. */
export function pickleFindings(d: Disassembly, origin: PickleOrigin = {}): RawModelFinding[] {
  const where = [origin.entry ? `\`${origin.entry}\`` : '', origin.what ?? ''].filter(Boolean).join(' ');
  const prefix = where ? `${where}: ` : '';
  const extra = origin.entry ? { entry: origin.entry } : {};
  const dangerous: string[] = [];
  const unknown: string[] = [];
  const verdict = new Map<string, string>();
  const canon = (g: { module: string; name: string }) => `${canonicalModule(g.module)}.${g.name}`;
  for (const imp of d.imports) {
    const name = canon(imp);
    if (verdict.has(name)) continue;
    const v = classifyGlobal(canonicalModule(imp.module), imp.name);
    verdict.set(name, v);
    if (v === 'dangerous') dangerous.push(name);
    if (v === 'unknown') unknown.push(name);
  }
  const findings: RawModelFinding[] = [];
  const dangerousCalls = d.calls.filter((c) => dangerous.includes(canon(c)));
  if (dangerous.length) {
    // The indirect call (e.g. on a getattr result) or else the last one is the payload; earlier calls set it up.
    const called = dangerousCalls.find((c) => c.indirect) ?? dangerousCalls[dangerousCalls.length - 1];
    const head = called ? canon(called) : dangerous[0];
    const how = called
      ? called.indirect
        ? ` and calls the result of \`${head}(...)\` with ${called.opcode}`
        : ` and calls \`${head}\` with ${called.opcode}`
      : '';
    const tail = called ? `loading this file ${effect(head)}` : `\`${head}\` ${effect(head)}; unpickling imports it even if it is never called`;
    findings.push({
      ruleId: 'pickle-dangerous-global',
      message: `${prefix}pickle imports ${quote(dangerous)}${how}; ${tail}.`,
      properties: { globals: dangerous, calls: [...new Set(dangerousCalls.map(canon))], ...extra },
    });
  }
  if (unknown.length) {
    findings.push({
      ruleId: 'pickle-unknown-global',
      message: `${prefix}pickle imports ${quote(unknown)}, not on mlsec's list of known-safe globals; unpickling runs their code. Check where this file comes from.`,
      properties: { globals: unknown, ...extra },
    });
  }
  if (d.unresolved.length) {
    const u = d.unresolved[0];
    findings.push({
      ruleId: 'pickle-unknown-global',
      severity: 'error',
      message: `${prefix}pickle uses ${u.opcode} at offset ${u.offset} with ${u.detail}, so the imported name cannot be read statically; this only happens in hand-crafted pickles.`,
      properties: { globals: [], unresolved: d.unresolved.slice(0, 20), ...extra },
    });
  }
  if (d.error && d.error.kind !== 'limit') {
    const ran = d.imports.length ? ' Opcodes before this point (including its imports) still run when loaded.' : '';
    findings.push({
      ruleId: 'pickle-malformed',
      message: `${prefix}pickle stream is malformed at offset ${d.error.offset}: ${d.error.message}.${ran}`,
      properties: { globals: [...verdict.keys()], offset: d.error.offset, reason: d.error.kind, ...extra },
    });
  }
  return findings;
}
