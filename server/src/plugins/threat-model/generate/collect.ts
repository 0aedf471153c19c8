// Reads a workspace for the generator: runs the same scan as `mlsec scan`, lists files and reads the small text files the inventory needs.
import * as fs from 'fs';
import * as path from 'path';
import ignore, { type Ignore } from 'ignore';
import { runScan } from '../../../cli/scan';
import { SKIP_DIRS } from '../../../cli/walk';
import { detectTarget } from '../../../engine/targets';
import { buildJsonReport } from '../../../output/json';
import { Redactor } from '../../../output/redaction';
import { redactorFor } from '../../../output/secret-spans';
import { generateThreatModel } from '.';
import { cmp } from './order';
import type { GenFinding, WorkspaceFile } from './types';

// Only these kinds are read as text by the inventory (entry points, services, LLM imports, pins).
const READ_TARGETS = new Set(['python', 'dockerfile', 'compose', 'yaml', 'kubernetes', 'requirements', 'pyproject']);
const MAX_TEXT_BYTES = 1024 * 1024;
// A workspace larger than this is summarised from its first files (sorted), never by exhausting memory.
const MAX_FILES = 20_000;

function rootIgnore(root: string): Ignore | undefined {
  try {
    return ignore().add(fs.readFileSync(path.join(root, '.gitignore'), 'utf8'));
  } catch {
    return undefined;
  }
}

/** Files below `root` (sorted, relative, `/`-separated), skipping VCS/env/cache directories and the root .gitignore. */
export function listWorkspace(root: string): WorkspaceFile[] {
  const ig = rootIgnore(root);
  const out: WorkspaceFile[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // unreadable directory: the inventory is a draft, not an audit
    }
    for (const e of entries.sort((a, b) => cmp(a.name, b.name))) {
      if (out.length >= MAX_FILES) return;
      const abs = path.join(dir, e.name);
      const rel = path.relative(root, abs).split(path.sep).join('/');
      if (ig?.ignores(e.isDirectory() ? `${rel}/` : rel)) continue;
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !(e.name.startsWith('.') && e.name !== '.github')) walk(abs);
      } else if (e.isFile()) {
        const file: WorkspaceFile = { path: rel };
        if (READ_TARGETS.has(detectTarget(rel))) {
          try {
            if (fs.statSync(abs).size <= MAX_TEXT_BYTES) file.text = fs.readFileSync(abs, 'utf8');
          } catch {
            // unreadable: listed without text
          }
        }
        out.push(file);
      }
    }
  };
  walk(root);
  return out;
}

/** Scans `root` like `mlsec scan` and flattens the findings with their cards' classification. */
export async function scanFindings(root: string): Promise<{ findings: GenFinding[]; redactor: Redactor; error?: string }> {
  const outcome = await runScan({ paths: ['.'], format: 'json', minSeverity: 'note', include: [], exclude: [], gitignore: true, quiet: true, verbose: false, strict: false, exitZero: true }, root);
  if (!outcome.ok) return { findings: [], redactor: new Redactor(), error: outcome.error };
  const { registry } = outcome.report;
  const findings = buildJsonReport(outcome.report, '0').findings.map((f): GenFinding => {
    const card = registry.byId.get(f.ruleId);
    return { path: f.path, line: f.line, ruleId: f.ruleId, severity: f.severity, category: f.category ?? 'unknown', title: card?.title ?? f.ruleId, cwe: card?.cwe ?? [], owasp: card?.owasp ?? [], atlas: card?.atlas ?? [] };
  });
  // One redactor for the whole draft: it knows every secret value found anywhere in the workspace.
  const redactor = Redactor.union(outcome.report.analyses.map((a) => redactorFor(outcome.report, a)));
  return { findings, redactor };
}

/** Generates the threat model for the workspace at `root`; `previous` is the current document (kept outside the markers). */
export async function generateForWorkspace(root: string, previous?: string): Promise<{ markdown: string; findings: number; error?: string }> {
  const abs = path.resolve(root);
  const { findings, redactor, error } = await scanFindings(abs);
  if (error) return { markdown: '', findings: 0, error };
  const markdown = generateThreatModel({ name: path.basename(abs), files: listWorkspace(abs), findings, previous, redact: (t) => redactor.text(t) });
  return { markdown, findings: findings.length };
}
