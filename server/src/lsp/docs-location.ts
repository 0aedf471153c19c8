// Where a rule's documentation is linked from diagnostics and hovers: the docs/rules/*.md shipped beside the server.
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { ruleDocsUrl } from '../shared/protocol';

let bundledDir: string | null | undefined;

/** docs/rules of the installed extension (the server runs from server/out/), or null if it is not shipped. */
export function bundledDocsDir(): string | null {
  if (bundledDir === undefined) {
    const dir = path.resolve(__dirname, '..', '..', 'docs', 'rules');
    bundledDir = fs.existsSync(dir) ? dir : null;
  }
  return bundledDir;
}

/** The rule page's file path in the bundled docs, when it exists. */
export function bundledDocsPath(ruleId: string): string | undefined {
  const dir = bundledDocsDir();
  // The id comes from a client (executeCommand argument): only plain rule ids name a file.
  if (!dir || !/^[a-z0-9][a-z0-9-]*$/.test(ruleId)) return undefined;
  const p = path.join(dir, `${ruleId}.md`);
  return fs.existsSync(p) ? p : undefined;
}

/**
 * `codeDescription.href` and hover links: the bundled page (works offline, matches the installed
 * version), falling back to the public repository only when the docs were not shipped.
 */
export function ruleDocsHref(ruleId: string): string {
  const p = bundledDocsPath(ruleId);
  return p ? pathToFileURL(p).href : ruleDocsUrl(ruleId);
}
