// Follows file includes (`-r other.txt`) after a scan's walk, so included files are analysed whatever their names.
import * as fs from 'fs';
import * as path from 'path';
import type { AnalyzePathOptions, FileAnalysis } from './analyze';
import { textAnalyzersFor } from '../plugins';

const inside = (parent: string, child: string) => {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/** The real path of an existing regular file, or undefined (missing, a directory, unreadable). */
function realFile(p: string): string | undefined {
  try {
    const real = fs.realpathSync.native(p);
    return fs.statSync(real).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

/** True when files of `target` can include others: their text is read again after analysis (followIncludes). */
export function hasIncludes(target: FileAnalysis['file']['target']): boolean {
  return textAnalyzersFor(target).some((t) => t.includes);
}

/**
 * Analyses the files that `analyses` include (recursively) and that are not analysed yet, each as
 * its includer's target. Only existing files inside `root` are followed (an include cannot make a
 * scan read outside its tree); every real path is visited once, so include cycles terminate.
 * Missing or outside includes are left alone: pip reports those, and the scan must not fail on them.
 * Returns only the new analyses. `knownReal` maps analysed paths to real paths already known (the walk's).
 */
export async function followIncludes(
  analyses: readonly FileAnalysis[],
  root: string,
  analyze: (file: string, options: AnalyzePathOptions) => Promise<FileAnalysis>,
  knownReal?: ReadonlyMap<string, string>,
): Promise<FileAnalysis[]> {
  let realRoot = root;
  try {
    realRoot = fs.realpathSync.native(root);
  } catch {
    // a root we cannot resolve is compared as given
  }
  const visited = new Set<string>();
  // The walk already knows most real paths; asking the file system for each of thousands costs seconds.
  for (const a of analyses) visited.add(knownReal?.get(a.file.path) ?? realFile(a.file.path) ?? a.file.path);
  const added: FileAnalysis[] = [];
  const queue = [...analyses];
  while (queue.length) {
    const a = queue.shift()!;
    const analyzers = textAnalyzersFor(a.file.target).filter((t) => t.includes);
    for (const t of analyzers) {
      let includes;
      try {
        includes = t.includes!(a.file);
      } catch {
        continue; // analysers must not throw; one that does only loses its includes
      }
      for (const inc of includes) {
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(inc.path)) continue; // a URL, not a file in the tree
        const real = realFile(path.resolve(path.dirname(a.file.path), inc.path));
        if (!real || visited.has(real) || !inside(realRoot, real)) continue;
        visited.add(real);
        const result = await analyze(path.resolve(path.dirname(a.file.path), inc.path), { target: a.file.target, variant: inc.variant });
        added.push(result);
        queue.push(result);
      }
    }
  }
  return added;
}
