// Builds the inventory of an ML workspace (models, data, entry points, services, LLM use, secrets, pinning) from files and findings. Pure.
import { cmp } from './order';
import { computeLineStarts, lastAtOrBefore } from '../../../engine/source-file';
import { detectTarget } from '../../../engine/targets';
import type { GenFinding, Inventory, Place, WorkspaceFile } from './types';

// Python packages whose import means the code talks to an LLM or runs an agent framework.
const LLM_PACKAGES = ['anthropic', 'autogen', 'cohere', 'crewai', 'google.generativeai', 'langchain', 'langchain_community', 'langchain_core', 'langchain_openai', 'langgraph', 'litellm', 'llama_index', 'mistralai', 'ollama', 'openai', 'semantic_kernel'];
// Web frameworks whose app object makes the module a network service.
const WEB_APPS: { name: string; pattern: RegExp }[] = [
  { name: 'FastAPI app', pattern: /\bFastAPI\s*\(/ },
  { name: 'Flask app', pattern: /\bFlask\s*\(\s*__name__/ },
  { name: 'Gradio interface', pattern: /\bgr\.(?:Interface|Blocks|ChatInterface)\s*\(/ },
  { name: 'Streamlit app', pattern: /^[ \t]*import[ \t]+streamlit\b/m },
  { name: 'Django project', pattern: /\bget_wsgi_application\s*\(|\bget_asgi_application\s*\(/ },
];

const byPlace = (a: Place, b: Place) => cmp(a.path, b.path) || (a.line ?? 0) - (b.line ?? 0) || cmp(a.detail ?? '', b.detail ?? '');

// The line table of the last text asked about: counting newlines from the start for every match was
// quadratic in a file with many matches (imports, ports).
let lineStartsOf: { text: string; starts: number[] } | undefined;

function lineOf(text: string, index: number): number {
  if (lineStartsOf?.text !== text) lineStartsOf = { text, starts: computeLineStarts(text) };
  return lastAtOrBefore(lineStartsOf.starts, index) + 1;
}

/** Top-level packages imported by a Python text, with the line of the first import of each. */
function pythonImports(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const re = /^[ \t]*(?:from[ \t]+([\w.]+)[ \t]+import|import[ \t]+([\w.]+(?:[ \t]*,[ \t]*[\w.]+)*))/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const names = m[1] ? [m[1]] : m[2].split(',').map((s) => s.trim());
    for (const n of names) if (!out.has(n)) out.set(n, lineOf(text, m.index));
  }
  return out;
}

function llmUse(file: WorkspaceFile, text: string): Place[] {
  const out: Place[] = [];
  const seen = new Set<string>();
  for (const [name, line] of pythonImports(text)) {
    const pkg = LLM_PACKAGES.find((p) => name === p || name.startsWith(`${p}.`));
    if (pkg && !seen.has(pkg)) {
      seen.add(pkg);
      out.push({ path: file.path, line, detail: pkg });
    }
  }
  return out;
}

/** Pinned (`==`/`===`, or a lock-style hash) versus floating requirement lines of a requirements file. */
function requirementPins(lines: string[]): { pinned: number; unpinned: number } {
  let pinned = 0;
  let unpinned = 0;
  for (const raw of lines) {
    const line = raw.replace(/(?<!\s)\s+#.*$/, '').trim();
    if (!line || line.startsWith('#') || line.startsWith('-')) continue;
    if (/===?\s*[\w.*+!-]+/.test(line) && !/==\s*[\w.]*\*/.test(line)) pinned++;
    else unpinned++;
  }
  return { pinned, unpinned };
}

/** The strings of `dependencies = [...]` arrays in a pyproject.toml (a regex read: enough for counting pins). */
function pyprojectDependencies(text: string): string[] {
  const out: string[] = [];
  const re = /^[ \t]*(?:dependencies|[\w-]+)[ \t]*=[ \t]*\[([^\]]*)\]/gm;
  const section = /^[ \t]*\[([^\]\n]+)\]/gm;
  const sections: { at: number; name: string }[] = [];
  for (let m = section.exec(text); m; m = section.exec(text)) sections.push({ at: m.index, name: m[1].trim() });
  let s = -1;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // Matches come in text order, so the enclosing section only moves forward.
    while (s + 1 < sections.length && sections[s + 1].at < m.index) s++;
    const here = sections[s]?.name;
    const isDeps = /^\s*dependencies\s*=/.test(m[0]) ? here === 'project' : here === 'project.optional-dependencies';
    if (!isDeps) continue;
    for (const s of m[1].matchAll(/"([^"]+)"|'([^']+)'/g)) out.push(s[1] ?? s[2]);
  }
  return out;
}

/**
 * Port entries of a compose file: list items (`- "8080:80"`) whose nearest line above that is not an
 * item, a comment or blank is `ports:`. One pass over the lines; matching a regex against everything
 * before each item was quadratic in the number of items.
 */
function composePorts(text: string): { index: number; port: string }[] {
  const out: { index: number; port: string }[] = [];
  let key: string | undefined;
  for (let at = 0; at < text.length;) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(at, end);
    const trimmed = line.trim();
    const item = /^[ \t]*-[ \t]*["']?(\d[\d.:]*(?:\/\w+)?)["']?[ \t]*\r?$/.exec(line);
    if (item && key === 'ports') out.push({ index: at, port: item[1] });
    if (trimmed && !trimmed.startsWith('-') && !trimmed.startsWith('#')) key = /^(\w[\w-]*):$/.exec(trimmed)?.[1];
    at = end + 1;
  }
  return out;
}

function services(file: WorkspaceFile, text: string, target: string): Place[] {
  const out: Place[] = [];
  if (target === 'python') {
    for (const w of WEB_APPS) {
      const m = w.pattern.exec(text);
      if (m) out.push({ path: file.path, line: lineOf(text, m.index), detail: w.name });
    }
  } else if (target === 'dockerfile') {
    for (const m of text.matchAll(/^[ \t]*EXPOSE[ \t]+(.+)$/gim)) out.push({ path: file.path, line: lineOf(text, m.index!), detail: `EXPOSE ${m[1].trim()}` });
  } else if (target === 'compose') {
    for (const p of composePorts(text)) out.push({ path: file.path, line: lineOf(text, p.index), detail: `port ${p.port}` });
  } else if (target === 'kubernetes' || target === 'yaml') {
    for (const m of text.matchAll(/^kind:[ \t]*(Service|Ingress)[ \t]*\r?$/gm)) out.push({ path: file.path, line: lineOf(text, m.index!), detail: `Kubernetes ${m[1]}` });
  }
  return out;
}

const TRAINING = /(^|[/_.-])train(ing)?([/_.-]|$)|\.fit\(|optimizer\.step\(|\bTrainer\(/;

/** Builds the inventory. Files and findings may come in any order; every list of the result is sorted. */
export function buildInventory(files: readonly WorkspaceFile[], findings: readonly GenFinding[]): Inventory {
  const inv: Inventory = { modelFiles: [], modelLoads: [], datasets: [], trainingEntryPoints: [], otherEntryPoints: [], services: [], llm: [], secrets: [], dependencies: [] };
  for (const file of files) {
    const target = detectTarget(file.path, file.text?.slice(0, 64));
    if (target === 'model') inv.modelFiles.push({ path: file.path });
    else if (target === 'data') inv.datasets.push({ path: file.path });
    const text = file.text;
    if (text === undefined) continue;
    const yamlTarget = target === 'yaml' && /^apiVersion:\s*\S+/m.test(text) && /^kind:\s*\S+/m.test(text) ? 'kubernetes' : target;
    inv.services.push(...services(file, text, yamlTarget));
    if (target === 'python') {
      inv.llm.push(...llmUse(file, text));
      const main = /^if\s+__name__\s*==\s*["']__main__["']\s*:/m.exec(text);
      if (main) {
        const place = { path: file.path, line: lineOf(text, main.index) };
        (TRAINING.test(file.path) || TRAINING.test(text) ? inv.trainingEntryPoints : inv.otherEntryPoints).push(place);
      }
    } else if (target === 'requirements') {
      inv.dependencies.push({ path: file.path, ...requirementPins(text.split(/\r?\n/)) });
    } else if (target === 'pyproject') {
      const deps = pyprojectDependencies(text);
      if (deps.length) inv.dependencies.push({ path: file.path, ...requirementPins(deps) });
    }
  }
  const modelFiles = new Map(inv.modelFiles.map((p) => [p.path, p]));
  for (const f of findings) {
    const place = { path: f.path, line: f.line, detail: f.ruleId };
    // A finding in a model file is about the file's content, not a place that loads it.
    const model = modelFiles.get(f.path);
    if (model && f.category === 'deserialization') model.detail = [...(model.detail ? model.detail.split(', ') : []), f.ruleId].filter((x, i, a) => a.indexOf(x) === i).sort().join(', ');
    else if (f.category === 'deserialization') inv.modelLoads.push(place);
    if (f.category === 'secrets') inv.secrets.push(place);
  }
  for (const list of Object.values(inv) as Place[][]) list.sort(byPlace);
  return inv;
}
