// Which dependency entries in a library's metadata (setup.cfg, setup.py) are worth reporting: moving VCS refs and unhashed URLs only.
import { classifyPip } from './pins';

/**
 * The problem with one metadata requirement (`pkg @ git+https://...@main`), or undefined. Ranges and
 * bare names are normal in a library's metadata (the installer resolves them against a lock), so only
 * sources that can change under the same spec are reported.
 */
export function metadataRequirementProblem(spec: string): { name?: string; why: string } | undefined {
  const v = classifyPip(spec, false);
  if (v.level !== 'unpinned' || !/VCS|URL/.test(v.why ?? '')) return undefined;
  return { name: v.name, why: v.why! };
}
