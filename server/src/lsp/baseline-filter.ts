// The editor honours `mlsec.baseline` (trusted workspaces only): diagnostics whose CLI key (rule, path, line fingerprint, salted secret hash) is in the file are dropped.
import * as fs from 'fs';
import * as path from 'path';
import type { Diagnostic } from 'vscode-languageserver/node';
import { acceptedKeys as keysOf, readBaseline } from '../cli/baseline';
import { computeLineStarts, offsetAt } from '../engine/source-file';
import { baselineKey, secretHash } from '../output/baseline-keys';
import { lineFingerprint, numberFingerprints } from '../output/fingerprint';
import type { DiagnosticData } from '../shared/protocol';
import type { ServerState } from './state';
import { uriToPath } from './uri';

let loaded: { file: string; mtime: number; keys: Set<string>; salt?: string } | undefined;

/** The accepted keys (and salt) of the baseline file, re-read when it changes; undefined when unset or unreadable. */
function acceptedKeys(state: Pick<ServerState, 'settings' | 'folders' | 'registry'>): { keys: Set<string>; salt?: string } | undefined {
  // Decided here, not only by the client: in an untrusted workspace a baseline file (a workspace file,
  // or a path a workspace could name) must not hide findings.
  const setting = state.settings.trusted ? state.settings.baseline : undefined;
  if (!setting) return undefined;
  const file = path.isAbsolute(setting) ? setting : path.join(state.folders[0] ?? process.cwd(), setting);
  let mtime: number;
  try {
    mtime = fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
  if (loaded?.file !== file || loaded.mtime !== mtime) {
    const { baseline } = readBaseline(file);
    // Same rules as the CLI: an unsalted (version 1) baseline's secrets entries accept nothing.
    const keys = baseline ? keysOf(baseline, (id) => state.registry.byId.get(id)?.category === 'secrets').keys : new Set<string>();
    loaded = { file, mtime, keys, salt: baseline?.salt };
  }
  return loaded;
}

/** The exact text of a diagnostic's range (a secret's value, possibly over several lines), as the CLI slices it from the file. */
function valueOf(file: { text: string; lineStarts: readonly number[] }, d: Diagnostic): string {
  return file.text.slice(offsetAt(file, d.range.start), offsetAt(file, d.range.end));
}

/** `diagnostics` without those the baseline accepts. Files only (notebook cells keep theirs); never throws. */
export function withoutBaselined(state: Pick<ServerState, 'settings' | 'folders' | 'registry' | 'documents'>, uri: string, diagnostics: Diagnostic[]): Diagnostic[] {
  try {
    if (diagnostics.length === 0 || !uri.startsWith('file:')) return diagnostics;
    const accepted = acceptedKeys(state);
    if (!accepted || accepted.keys.size === 0) return diagnostics;
    const { keys, salt } = accepted;
    const fsPath = uriToPath(uri);
    const root = state.folders.find((f) => !path.relative(f, fsPath).startsWith('..')) ?? state.folders[0];
    if (!root) return diagnostics;
    const rel = path.relative(root, fsPath).split(path.sep).join('/');
    const text = state.documents.get(uri)?.getText() ?? fs.readFileSync(fsPath, 'utf8');
    const lines = text.split(/\r\n|\r|\n/);
    const file = { text, lineStarts: computeLineStarts(text) };
    const ours = diagnostics.filter((d) => d.source === 'mlsec' && (d.data as DiagnosticData | undefined)?.ruleId);
    const spanOf = (d: Diagnostic) => {
      const lineText = lines[d.range.start.line] ?? '';
      return { start: d.range.start.character, end: d.range.end.line === d.range.start.line ? d.range.end.character : lineText.length };
    };
    const isSecret = (d: Diagnostic) => state.registry.byId.get((d.data as DiagnosticData).ruleId)?.category === 'secrets';
    const secrets = ours.filter(isSecret);
    const hashes = ours.map((d) => {
      const ruleId = (d.data as DiagnosticData).ruleId;
      // As the CLI does: every secret span on the line is blanked before hashing.
      const blank = secrets.filter((s) => s.range.start.line === d.range.start.line).map(spanOf);
      return lineFingerprint(ruleId, rel, lines[d.range.start.line] ?? '', blank);
    });
    // Numbered per file in finding order, exactly as the CLI numbers them.
    const numbered = numberFingerprints(hashes);
    const drop = new Set(ours.filter((d, i) => {
      const secret = isSecret(d);
      const k = baselineKey({ ruleId: (d.data as DiagnosticData).ruleId, path: rel, fingerprint: numbered[i], valueHmac: secret && salt ? secretHash(salt, valueOf(file, d)) : undefined }, secret);
      return k !== undefined && keys.has(k);
    }));
    return drop.size ? diagnostics.filter((d) => !drop.has(d)) : diagnostics;
  } catch {
    return diagnostics;
  }
}
