// Re-analyses every open document and notebook, after settings, trust or workspace facts change.
import { scheduleDocument } from './diagnostics';
import { reanalyzeNotebooks } from './notebooks';
import type { ServerState } from './state';

/** Schedules analysis of everything open (coalesced per document with setImmediate). */
export function reanalyzeAll(state: ServerState): void {
  for (const doc of state.documents.all()) scheduleDocument(state, doc.uri);
  reanalyzeNotebooks(state);
}
