// "Disable <rule> in this workspace": writes `mlsec.rules[<rule>] = "off"` to the workspace settings (the server re-analyses on the change).
import * as vscode from 'vscode';
import { recordUserDisabled } from './configuration';

/** Turns `ruleId` off for this workspace (user settings when no folder is open); returns where it was written. */
export async function disableRule(ruleId: unknown): Promise<vscode.ConfigurationTarget | undefined> {
  let id = typeof ruleId === 'string' ? ruleId : undefined;
  id ??= await vscode.window.showInputBox({ prompt: 'mlsec rule id to turn off in this workspace', placeHolder: 'unsafe-torch-load' });
  if (!id) return undefined;
  const config = vscode.workspace.getConfiguration('mlsec');
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  // Only the values already at that level: merging the effective value would copy user settings into the repository.
  const inspected = config.inspect<Record<string, string>>('rules');
  const current = (target === vscode.ConfigurationTarget.Workspace ? inspected?.workspaceValue : inspected?.globalValue) ?? {};
  // Untrusted workspaces ignore workspace-level mlsec settings (configuration.ts); this choice is the
  // user's own, so it is remembered outside the repository and honoured there too. First, so the
  // configuration pull that the update triggers already sees it.
  if (target === vscode.ConfigurationTarget.Workspace) await recordUserDisabled(id);
  await config.update('rules', { ...current, [id]: 'off' }, target);
  return target;
}
