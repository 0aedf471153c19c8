// "Disable <rule> in this workspace" (writes `mlsec.rules[<rule>] = "off"` to the workspace settings) and its undo; the server re-reads settings.
import * as vscode from 'vscode';
import { DidChangeConfigurationNotification, type LanguageClient } from 'vscode-languageclient/node';
import { clearUserDisabled, recordUserDisabled } from './configuration';

const target = () => (vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);

/** The `mlsec.rules` value already at `where` (merging the effective value would copy user settings into the repository). */
function rulesAt(where: vscode.ConfigurationTarget): Record<string, string> {
  const inspected = vscode.workspace.getConfiguration('mlsec').inspect<Record<string, string>>('rules');
  return { ...((where === vscode.ConfigurationTarget.Workspace ? inspected?.workspaceValue : inspected?.globalValue) ?? {}) };
}

/** Turns `ruleId` off for this workspace (user settings when no folder is open); returns where it was written. */
export async function disableRule(client: LanguageClient, ruleId: unknown): Promise<vscode.ConfigurationTarget | undefined> {
  let id = typeof ruleId === 'string' ? ruleId : undefined;
  id ??= await vscode.window.showInputBox({ prompt: 'mlsec rule id to turn off in this workspace', placeHolder: 'unsafe-torch-load' });
  if (!id) return undefined;
  const where = target();
  // In Restricted Mode workspace values of mlsec.rules do not apply; this choice is the user's own, so it
  // is also kept in extension storage (configuration.ts honours it there).
  if (where === vscode.ConfigurationTarget.Workspace) await recordUserDisabled(id);
  try {
    await vscode.workspace.getConfiguration('mlsec').update('rules', { ...rulesAt(where), [id]: 'off' }, where);
  } catch (e) {
    // Restricted Mode may refuse the write; the stored choice still applies.
    if (vscode.workspace.isTrusted) throw e;
  }
  // A refused or ignored write fires no change event: ask the server to re-read settings either way.
  await client.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  return where;
}

/** Undoes every "Disable <rule> in this workspace": drops the stored choices and those `off` entries. Returns the ids. */
export async function enableDisabledRules(client: LanguageClient): Promise<string[]> {
  const ids = await clearUserDisabled();
  const where = target();
  const rules = rulesAt(where);
  const kept = Object.fromEntries(Object.entries(rules).filter(([id, level]) => !(ids.includes(id) && level === 'off')));
  if (Object.keys(kept).length !== Object.keys(rules).length) {
    try {
      await vscode.workspace.getConfiguration('mlsec').update('rules', Object.keys(kept).length ? kept : undefined, where);
    } catch {
      // Restricted Mode: nothing of ours applied from the file anyway.
    }
  }
  await client.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  return ids;
}
