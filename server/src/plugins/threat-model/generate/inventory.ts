// Builds the inventory of an ML workspace (models, data, entry points, services, LLM use, secrets, pinning) from files and findings. Pure.
import { cmp } from './order';
import { detectTarget } from '../../../engine/targets';
import type { GenFinding, Inventory, Place, WorkspaceFile } from './types';

// Python packages whose import means the code talks to an LLM or runs an agent framework.
const LLM_PACKAGES = ['anthropic', 'autogen', 'cohere', 'crewai', 'google.generativeai', 'langchain', 'langchain_community', 'langchain_core', 'langchain_openai', 'langgraph', 'litellm', 'llama_index', 'mistralai', 'ollama', 'openai', 'semantic_kernel'];
// Web frameworks whose app object makes the module a network service.
const WEB_APPS: { name: string; pattern: RegExp }[] = [
  { name: 'FastAPI app', pattern: /\bFastAPI\s*\(/ },
  { name: 'Flask app', pattern: /\bFlask\s*\(\s*__name__/ },
  { name: 'Gradio interface', pattern: /\bgr\.(?:Interface|Blocks|ChatInterface)\s*\(/ },
  { name: 'Streamlit app', pattern: /^\s*import\s+streamlit\b/m },
  { name: 'Django project', pattern: /\bget_wsgi_application\s*\(|\bget_asgi_application\s*\(/ },
];

const byPlace = (a: Place, b: Place) => cmp(a.path, b.path) || (a.line ?? 0) - (b.line ?? 0) || cmp(a.detail ?? '', b.detail ?? '');

function lineOf(text: string, index: number): number {
  let n = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
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
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (!line || line.startsWith('#') || line.startsWith('-')) continue;
    if (/===?\s*[\w.*+!-]+/.test(line) && !/==\s*[\w.]*\*/.test(line)) pinned++;
    else unpinned++;
  }
  return { pinned, unpinned };
}

/** The strings of `dependencies = [...]` arrays in a pyproject.toml (a regex read: enough for counting pins). */
function pyprojectDependencies(text: string): string[] {
  const out: string[] = [];
  const re = /^\s*(?:dependencies|[\w-]+)\s*=\s*\[([^\]]*)\]/gm;
  const section = /^\s*\[([^\]]+)\]/gm;
  const sections: { at: number; name: string }[] = [];
  for (let m = section.exec(text); m; m = section.exec(text)) sections.push({ at: m.index, name: m[1].trim() });
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const here = [...sections].reverse().find((s) => s.at < m!.index)?.name;
    const isDeps = /^\s*dependencies\s*=/.test(m[0]) ? here === 'project' : here === 'project.optional-dependencies';
    if (!isDeps) continue;
    for (const s of m[1].matchAll(/"([^"]+)"|'([^']+)'/g)) out.push(s[1] ?? s[2]);
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
    for (const m of text.matchAll(/^\s*EXPOSE\s+(.+)$/gim)) out.push({ path: file.path, line: lineOf(text, m.index!), detail: `EXPOSE ${m[1].trim()}` });
  } else if (target === 'compose') {
    for (const m of text.matchAll(/^\s*-\s*["']?(\d[\d.:]*(?:\/\w+)?)["']?\s*$/gm)) {
      // Only entries under a `ports:` key: look back for the nearest key at lower indentation.
      const before = text.slice(0, m.index);
      const key = /(\w[\w-]*):\s*\n(?:\s*-[^\n]*\n|\s*#[^\n]*\n)*$/.exec(before);
      if (key?.[1] === 'ports') out.push({ path: file.path, line: lineOf(text, m.index!), detail: `port ${m[1]}` });
    }
  } else if (target === 'kubernetes' || target === 'yaml') {
    for (const m of text.matchAll(/^kind:\s*(Service|Ingress)\s*$/gm)) out.push({ path: file.path, line: lineOf(text, m.index!), detail: `Kubernetes ${m[1]}` });
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
