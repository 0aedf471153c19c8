// mlsec.* settings as the server sees them: in an untrusted workspace only the user's own values count; network.* is always user-level.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { userLevelSettings } from '../../server/src/shared/settings';

const NETWORK = ['network.enabled', 'network.allowedHosts'];

/** workspaceState key: rule ids the user turned off here with "Disable <rule> in this workspace". */
export const USER_DISABLED_KEY = 'mlsec.userDisabledRules';
let decisions: vscode.Memento | undefined;

/** Gives the middleware the workspace's memento (extension storage, outside the repository). */
export function useUserDecisions(memento: vscode.Memento): void {
  decisions = memento;
}

/** Records that the user (not the repository) turned `ruleId` off in this workspace. */
export async function recordUserDisabled(ruleId: string): Promise<void> {
  const ids = new Set(userDisabledRules());
  ids.add(ruleId);
  await decisions?.update(USER_DISABLED_KEY, [...ids]);
}

/** Forgets every such choice; returns the rule ids it held. */
export async function clearUserDisabled(): Promise<string[]> {
  const ids = userDisabledRules();
  await decisions?.update(USER_DISABLED_KEY, undefined);
  return ids;
}

/**
 * Rules the user turned off here with our action. In Restricted Mode VS Code ignores workspace values
 * of restricted settings (mlsec.rules among them), so these are honoured from extension storage,
 * which a repository cannot write.
 */
export function userDisabledRules(): string[] {
  const ids = decisions?.get<unknown>(USER_DISABLED_KEY);
  return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
}

/** The user's own (user-level) and default values of every mlsec setting, as the server parses them. */
function userLevel(names?: readonly string[]): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration('mlsec');
  const out = userLevelSettings((name) => config.inspect(name), names);
  // The user's own "Disable <rule> in this workspace" choices count even before the workspace is trusted.
  const off = names ? [] : userDisabledRules();
  if (off.length) out.rules = { ...(out.rules as Record<string, unknown> | undefined), ...Object.fromEntries(off.map((id) => [id, 'off'])) };
  return out;
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
