// mlsec.* settings as the server sees them: in an untrusted workspace only the user's own values count; network.* is always user-level.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { userLevelSettings } from '../../server/src/shared/settings';

const NETWORK = ['network.enabled', 'network.allowedHosts'];

/** The user's own (user-level) and default values of every mlsec setting, as the server parses them. */
function userLevel(names?: readonly string[]): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration('mlsec');
  return userLevelSettings((name) => config.inspect(name), names);
}

/**
 * Answers workspace/configuration for `mlsec`. Untrusted: user-level values only, so a repository
 * cannot silence its own findings (`"mlsec.enable": false`, a rule set to off, a privacy allowlist)
 * or point mlsec at files before the user trusts it; the user's own settings (privacy included) stay.
 * Trusted or not, `network.*` comes from user settings only (application scope, said twice).
 */
export const configurationMiddleware: NonNullable<Middleware['workspace']> = {
  configuration: async (params, token, next) => {
    const result = await next(params, token);
    if (!Array.isArray(result)) return result;
    return params.items.map((item, i) => {
      if (item.section !== 'mlsec') return result[i];
      if (!vscode.workspace.isTrusted) return userLevel();
      const merged = result[i] && typeof result[i] === 'object' ? (result[i] as Record<string, unknown>) : {};
      return { ...merged, ...userLevel(NETWORK) };
    });
  },
};
