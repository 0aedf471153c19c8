// Shared helpers of the real-VS-Code suites: mlsec diagnostics by rule, and polling until a condition holds.
import * as vscode from 'vscode';

/** How long a suite waits for the language server by default. */
export const DIAG_WAIT_MS = 30_000;

/** A diagnostic's rule id (`code` may be a plain value or `{ value, target }`). */
export function ruleId(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

/** The mlsec diagnostics of `rule` on `uri`. */
export function ruleDiagnostics(uri: vscode.Uri, rule: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mlsec' && ruleId(d) === rule);
}

/** Polls `probe` every 100 ms until it returns a value; fails naming `what` after `ms`. */
export async function waitFor<T>(what: string, probe: () => T | undefined, ms = DIAG_WAIT_MS): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() - start > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
