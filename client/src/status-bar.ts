// The MLSec status-bar item: counts of mlsec findings by severity, and a menu (scan, open Problems, settings) on click.
import * as vscode from 'vscode';
import { Commands } from '../../server/src/shared/protocol';

/** Codes of mlsec's own problems (parse errors, skips…): not findings, so not counted. */
const PROBLEM_CODES = new Set(['parse-error', 'skipped', 'rule-error', 'config-error', 'unused-suppression']);

/** mlsec findings in the workspace, by severity. */
export function countFindings(): { errors: number; warnings: number; infos: number } {
  const n = { errors: 0, warnings: 0, infos: 0 };
  for (const [, diags] of vscode.languages.getDiagnostics()) {
    for (const d of diags) {
      const code = typeof d.code === 'object' ? d.code.value : d.code;
      if (d.source !== 'mlsec' || PROBLEM_CODES.has(String(code))) continue;
      if (d.severity === vscode.DiagnosticSeverity.Error) n.errors++;
      else if (d.severity === vscode.DiagnosticSeverity.Warning) n.warnings++;
      else if (d.severity === vscode.DiagnosticSeverity.Information) n.infos++;
    }
  }
  return n;
}

/** Creates the item and keeps it current; the returned item is disposed with the extension. */
export function registerStatusBar(context: vscode.ExtensionContext): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('mlsec.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'MLSec';
  item.command = Commands.showMenu;
  let timer: NodeJS.Timeout | undefined;
  const update = () => {
    timer = undefined;
    const n = countFindings();
    item.text = `$(shield) MLSec $(error) ${n.errors} $(warning) ${n.warnings} $(info) ${n.infos}`;
    item.tooltip = `MLSec: ${n.errors} errors, ${n.warnings} warnings, ${n.infos} notes — click for scan, Problems, settings`;
    item.show();
  };
  update();
  context.subscriptions.push(
    item,
    // Diagnostics change on every keystroke: recount at most every 250 ms.
    vscode.languages.onDidChangeDiagnostics(() => (timer ??= setTimeout(update, 250))),
    { dispose: () => timer && clearTimeout(timer) },
  );
  return item;
}

interface MenuEntry extends vscode.QuickPickItem {
  run(): Thenable<unknown>;
}

/** The menu behind the status-bar item; returns the picked entry's label (tests). */
export async function showMenu(pick?: string): Promise<string | undefined> {
  const entries: MenuEntry[] = [
    { label: '$(search) Scan Workspace', run: () => vscode.commands.executeCommand(Commands.scanWorkspace) },
    { label: '$(warning) Open Problems', run: () => vscode.commands.executeCommand('workbench.actions.view.problems') },
    { label: '$(file) Scan Current File', run: () => vscode.commands.executeCommand(Commands.scanFile) },
    { label: '$(export) Export SARIF', run: () => vscode.commands.executeCommand(Commands.exportSarif) },
    { label: '$(check-all) Re-enable Rules Disabled in This Workspace', run: () => vscode.commands.executeCommand(Commands.enableDisabledRules) },
    { label: '$(gear) Settings', run: () => vscode.commands.executeCommand('workbench.action.openSettings', 'mlsec.') },
  ];
  const chosen = pick ? entries.find((e) => e.label.endsWith(pick)) : await vscode.window.showQuickPick(entries, { title: 'MLSec', placeHolder: 'Choose an action' });
  if (!chosen) return undefined;
  await chosen.run();
  return chosen.label;
}
