// URI <-> path helpers: the engine works on paths, LSP on URIs (untitled documents keep their URI as "path").
import { fileURLToPath, pathToFileURL } from 'url';

/** The file system path of a `file:` URI, or the URI itself for other schemes (untitled:, vscode-notebook-cell:). */
export function uriToPath(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}

/** A `file:` URI for a path, encoded the way VS Code encodes it (so diagnostics land on the open editor). */
export function pathToUri(path: string): string {
  // VS Code percent-encodes ':' in Windows drive letters; Node does not. Align on VS Code's form.
  return pathToFileURL(path).href.replace(/^file:\/\/\/([A-Za-z]):/, (_m, d: string) => `file:///${d.toLowerCase()}%3A`);
}
