// mlsec's own version, read once from the package.json above this module (works from source and from the bundles).
import * as fs from 'fs';
import * as path from 'path';

let cached: string | undefined;

/** The `version` of the mlsec package.json, or '0.0.0' if it cannot be found. */
export function mlsecVersion(): string {
  if (cached) return cached;
  cached = '0.0.0';
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'mlsec' && typeof pkg.version === 'string') return (cached = pkg.version);
    } catch {
      // not here; keep climbing
    }
    dir = path.dirname(dir);
  }
  return cached;
}
