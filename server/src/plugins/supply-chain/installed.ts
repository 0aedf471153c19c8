// Package versions installed in a configured Python environment, read from its *.dist-info / *.egg-info folder names.
// Nothing is run: executing even the user's venv interpreter would run workspace code (sitecustomize, .pth files).
import * as fs from 'fs';
import * as path from 'path';
import { normaliseName } from './pins';

/** What an environment has installed: normalised name -> version, and a label for fix titles. */
export interface InstalledEnvironment {
  source: string;
  packages: Record<string, string>;
}

/** `site-packages` folders of the environment an interpreter path belongs to (venv, conda, system layouts). */
function sitePackageDirs(interpreter: string): string[] {
  // bin/python (POSIX venv/conda) or Scripts/python.exe (Windows venv) -> the environment root; a root itself also works.
  const root = fs.existsSync(interpreter) && fs.statSync(interpreter).isDirectory() ? interpreter : path.dirname(path.dirname(interpreter));
  const out: string[] = [];
  for (const lib of ['lib', 'lib64']) {
    const dir = path.join(root, lib);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir)) {
      if (/^python\d/.test(name)) for (const sub of ['site-packages', 'dist-packages']) out.push(path.join(dir, name, sub));
    }
    out.push(path.join(dir, 'site-packages'));
  }
  out.push(path.join(root, 'Lib', 'site-packages'));
  return out.filter((d) => fs.existsSync(d));
}

const META = /^(.+?)-([0-9][^-]*?)(?:-py[\d.]+)?\.(dist-info|egg-info)$/;

/**
 * The packages installed next to `interpreter`, or undefined when no site-packages folder is found.
 * Never throws: an unreadable environment simply pins nothing.
 */
export function readInstalledEnvironment(interpreter: string): InstalledEnvironment | undefined {
  try {
    const dirs = sitePackageDirs(interpreter);
    if (dirs.length === 0) return undefined;
    const packages: Record<string, string> = {};
    for (const dir of dirs) {
      for (const entry of fs.readdirSync(dir)) {
        const m = META.exec(entry);
        if (m && !packages[normaliseName(m[1])]) packages[normaliseName(m[1])] = m[2];
      }
    }
    return { source: 'the installed environment', packages };
  } catch {
    return undefined;
  }
}
