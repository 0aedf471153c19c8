// Pinning fixes that look their value up online, offered as code actions and looked up only on codeAction/resolve (the user picked one).
import { type CodeAction, CodeActionKind, type Diagnostic } from 'vscode-languageserver/node';
import { fillLookupEdits } from '../plugins/supply-chain/network/fixes';
import { type Endpoints, PinResolver, type ResolverOptions } from '../plugins/supply-chain/network/pin-resolver';
import type { DiagnosticFix, LookupActionData } from '../shared/protocol';
import type { ServerState } from './state';

/**
 * Test-only: MLSEC_TEST_LOOKUP_ORIGIN=http://127.0.0.1:<port> points every endpoint at one local
 * server and exempts exactly that origin from the policy (so protocol tests never leave the machine).
 * Only a loopback IPv4 origin is accepted; the variable is process environment, which no workspace sets.
 */
export function resolverOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ResolverOptions {
  const origin = env.MLSEC_TEST_LOOKUP_ORIGIN;
  if (!origin || !/^http:\/\/127\.0\.0\.1:\d{1,5}$/.test(origin)) return {};
  const endpoints: Endpoints = { github: origin, huggingface: origin, pypi: origin, registries: { 'docker.io': origin } };
  return { endpoints, timeoutMs: 2000, testing: { origins: [origin] } };
}

/** The server's resolver (one cache per process). */
export const resolver = new PinResolver(resolverOptionsFromEnv());

/** Applies the user-level host list (mlsec.network.allowedHosts) to the resolver. */
export function applyNetworkSettings(state: Pick<ServerState, 'settings'>): void {
  resolver.setUserHosts(state.settings.network?.allowedHosts ?? []);
}

/** A lookup fix as a code action without edits: the edit is computed on resolve. None unless enabled and the client can resolve. */
export function lookupAction(state: ServerState, uri: string, d: Diagnostic, fix: DiagnosticFix): CodeAction | undefined {
  if (!fix.lookup || state.settings.network?.enabled !== true || !state.caps.resolveEdits) return undefined;
  const data: LookupActionData = { mlsecLookup: { uri, key: fix.lookup, edits: fix.edits } };
  return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], data };
}

/** codeAction/resolve: performs the lookup for a lookup action; other actions come back unchanged. */
export async function onCodeActionResolve(state: ServerState, action: CodeAction): Promise<CodeAction> {
  const data = (action.data as Partial<LookupActionData> | undefined)?.mlsecLookup;
  if (!data || typeof data.key !== 'string' || typeof data.uri !== 'string' || !Array.isArray(data.edits)) return action;
  // Checked again here: the setting may have been switched off since the action was offered.
  if (state.settings.network?.enabled !== true) {
    void state.connection.window.showWarningMessage('mlsec: online lookups are off (mlsec.network.enabled); nothing was looked up.');
    return action;
  }
  const result = await resolver.request(data.key);
  const edits = 'value' in result ? fillLookupEdits(data.key, data.edits, result.value) : undefined;
  if (!edits) {
    void state.connection.window.showWarningMessage(`mlsec: could not look up ${data.key.slice(data.key.indexOf(':') + 1)}: ${'error' in result ? result.error : 'unexpected answer'}`);
    return action;
  }
  return { ...action, edit: { changes: { [data.uri]: edits } } };
}
