// mlsec/generateThreatModel: runs the generator on a workspace folder and writes threat-model.md there, keeping text outside the generated markers.
import * as fs from 'fs';
import * as path from 'path';
import { generateForWorkspace } from '../plugins/threat-model/generate/collect';
import type { GenerateThreatModelParams, GenerateThreatModelResult } from '../shared/protocol';
import type { ServerState } from './state';
import { pathToUri, uriToPath } from './uri';

/** The generated document's file name at the folder root. */
export const GENERATED_FILE = 'threat-model.md';

/** Generates and writes the threat model; errors come back as `{ error }`, never thrown. */
export async function generateThreatModelRequest(state: ServerState, params: Partial<GenerateThreatModelParams> | undefined): Promise<GenerateThreatModelResult> {
  const folder = params?.folder ? uriToPath(params.folder) : state.folders[0];
  if (!folder) return { error: 'open a folder to generate a threat model' };
  const target = path.join(folder, GENERATED_FILE);
  let previous: string | undefined;
  try {
    previous = fs.readFileSync(target, 'utf8');
  } catch {
    previous = undefined; // first generation
  }
  const result = await generateForWorkspace(folder, previous);
  if (result.error) return { error: result.error };
  try {
    fs.writeFileSync(target, result.markdown);
  } catch (e) {
    return { error: `cannot write ${target}: ${(e as Error).message}` };
  }
  return { uri: pathToUri(target), findings: result.findings };
}
