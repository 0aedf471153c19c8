// Finding messages and properties for a hit: what it is and a redacted preview, never the value.
import { looksLikeCredential } from './generic';
import type { Hit } from './hit';
import { redact } from './redact';

/** The variable name, when it is safe to show: a name that itself looks like a token (a secret used as a key) is never printed. */
function shownName(hit: Hit): string | undefined {
  if (!hit.name || hit.name.length > 60 || looksLikeCredential(hit.name, 'weak-key')) return undefined;
  return hit.name;
}

/** Where the secret was found, for the message's second half. */
export type Place = 'code' | 'output' | 'dockerfile' | 'env' | 'config';

const ADVICE: Record<Place, string> = {
  code: 'Anyone who can read this code can use it. Read it from the environment or a secret manager, and revoke the leaked credential.',
  output: 'Saved notebook outputs travel with the .ipynb file. Clear this output and revoke the leaked credential.',
  dockerfile: 'ENV/ARG values are stored in the image layers and history. Pass it as a BuildKit secret (`RUN --mount=type=secret`) and revoke the leaked credential.',
  env: 'Keep .env files out of version control (.gitignore) and revoke the credential if the file was ever committed.',
  config: 'Configuration files are committed and shared. Reference it from the environment or a secret store, and revoke the leaked credential.',
};

/** The finding message for `hit` whose value is `value` (shown only redacted). */
export function secretMessage(hit: Hit, value: string, place: Place): string {
  const name = shownName(hit);
  const what = name ? `${hit.label} in \`${name}\`` : hit.label;
  const lead = place === 'output' ? `${what[0].toUpperCase()}${what.slice(1)} in a saved output` : `Hard-coded ${what}`;
  return `${lead}: ${redact(value)}. ${ADVICE[place]}`;
}

/** Finding properties: provider, variable, redacted preview and checksum status. No value, no hash of it. */
export function secretProperties(hit: Hit, value: string): Record<string, unknown> {
  const props: Record<string, unknown> = { provider: hit.provider, redacted: redact(value), length: value.length };
  const name = shownName(hit);
  if (name) props.variable = name;
  if (hit.checksum) props.checksum = hit.checksum;
  return props;
}
