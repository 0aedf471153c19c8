// mlsec.* settings: pulled with workspace/configuration (or taken from didChangeConfiguration), parsed, then everything re-analysed.
import type { DidChangeConfigurationParams } from 'vscode-languageserver/node';
import { CATEGORIES } from '../shared/categories';
import { applyCategorySwitches, parseSettings } from '../shared/settings';
import { rebuildFacts } from './facts';
import { applyNetworkSettings } from './pin-lookup';
import { logError, type ServerState } from './state';

let lastWarnings = '';

/** Parses raw `mlsec` settings into state; shows new warnings once instead of on every change. */
export function applyRawSettings(state: ServerState, raw: unknown): void {
  const trusted = state.settings.trusted;
  // Trust comes from the editor (initialize, mlsec/trustChanged), never from the settings object:
  // parseSettings does not read `trusted`.
  const { settings, warnings } = parseSettings(raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {});
  settings.trusted = trusted;
  state.settings = applyCategorySwitches(settings, state.registry.cards);
  const unknown = Object.keys(settings.categories ?? {}).filter((c) => !(CATEGORIES as readonly string[]).includes(c));
  if (unknown.length) warnings.push(`categories: unknown ${unknown.join(', ')} (known: ${CATEGORIES.join(', ')})`);
  applyNetworkSettings(state);
  const text = warnings.join('; ');
  if (text && text !== lastWarnings) void state.connection.window.showWarningMessage(`mlsec settings: ${text}`);
  lastWarnings = text;
}

/** Pulls `mlsec` from the client when it supports workspace/configuration. */
export async function pullSettings(state: ServerState): Promise<void> {
  if (!state.caps.configuration) return;
  try {
    applyRawSettings(state, await state.connection.workspace.getConfiguration({ section: 'mlsec' }));
  } catch (e) {
    logError(state, 'workspace/configuration', e);
  }
}

/** workspace/didChangeConfiguration: re-read settings, then `reanalyze`. */
export async function onDidChangeConfiguration(state: ServerState, params: DidChangeConfigurationParams, reanalyze: () => void): Promise<void> {
  const python = state.settings.pythonPath;
  if (state.caps.configuration) await pullSettings(state);
  else applyRawSettings(state, (params.settings as { mlsec?: unknown } | undefined)?.mlsec);
  // A new interpreter means new installed versions for pinning fixes.
  if (state.settings.pythonPath !== python) await rebuildFacts(state);
  reanalyze();
}

/** mlsec/trustChanged: the user granted trust; baseline and pythonPath now count, so re-read settings and facts, then `reanalyze`. */
export async function onTrustChanged(state: ServerState, params: { trusted?: unknown } | undefined, reanalyze: () => void): Promise<void> {
  // A new settings object, not a mutation: the engine keys its caches on the settings value.
  state.settings = { ...state.settings, trusted: params?.trusted === true };
  await pullSettings(state);
  await rebuildFacts(state);
  reanalyze();
}
