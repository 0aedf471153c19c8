// mlsec.* settings as the server sees them: in an untrusted workspace only user-level values count.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

const KEYS = ['enable', 'rules', 'include', 'exclude', 'maxFileSizeMB'] as const;

/**
 * User (global) and default values only. A repository must not be able to silence its own
 * findings (`"mlsec.enable": false`, a rule set to off) before the user trusts it.
 */
export function userLevelSettings(): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration('mlsec');
  const out: Record<string, unknown> = {};
  for (const key of KEYS) {
    const v = config.inspect(key);
    const value = v?.globalValue ?? v?.defaultValue;
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** Answers workspace/configuration for `mlsec` from user-level settings while the workspace is untrusted. */
export const configurationMiddleware: NonNullable<Middleware['workspace']> = {
  configuration: async (params, token, next) => {
    if (vscode.workspace.isTrusted) return next(params, token);
    const result = await next(params, token);
    if (!Array.isArray(result)) return result;
    return params.items.map((item, i) => (item.section === 'mlsec' ? userLevelSettings() : result[i]));
  },
};
