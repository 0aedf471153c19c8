// Keras checks: config.json of .keras archives and the model_config attribute of legacy .h5 files (read as bytes).
import * as fs from 'fs';
import { classifyGlobal } from './pickle-globals';
import type { ModelScanResult, RawModelFinding } from './scan-model';

const LAMBDA_CLASSES = new Set(['Lambda', 'TFOpLambda']);
const KERAS_MODULE = /^(keras|tf_keras|tensorflow)(\.|$)/;

interface ConfigHits {
  lambdas: string[];
  unsafeSwitch: boolean;
  dangerous: string[];
}

// Walks the whole config: Lambda layers nested in inner Functional/Sequential models count too (modelscan #343/#358).
// `__lambda__` is how Keras 3 serializes a Python lambda (marshal bytecode); it counts on its own outside a Lambda layer.
function walk(node: unknown, hits: ConfigHits, depth = 0, inLambda = false): void {
  if (depth > 200 || node === null || typeof node !== 'object') {
    if (typeof node === 'string' && node.includes('enable_unsafe_deserialization')) hits.unsafeSwitch = true;
    return;
  }
  if (Array.isArray(node)) {
    for (const v of node) walk(v, hits, depth + 1, inLambda);
    return;
  }
  const o = node as Record<string, unknown>;
  const cls = typeof o.class_name === 'string' ? o.class_name : undefined;
  const name = typeof (o.config as Record<string, unknown> | undefined)?.name === 'string' ? String((o.config as Record<string, unknown>).name) : undefined;
  const isLambda = !!cls && (LAMBDA_CLASSES.has(cls) || (cls === '__lambda__' && !inLambda));
  if (isLambda) hits.lambdas.push(name ? `${cls} \`${name}\`` : cls!);
  // `{"module": "builtins", "class_name": "function", "config": "exec"}` makes Keras import and call module.config.
  const mod = typeof o.module === 'string' ? o.module : undefined;
  if (mod && !KERAS_MODULE.test(mod)) {
    const target = typeof o.config === 'string' ? o.config : cls ?? '';
    if (classifyGlobal(mod, target) === 'dangerous') hits.dangerous.push(`${mod}.${target}`);
  }
  const reg = typeof o.registered_name === 'string' ? o.registered_name : undefined;
  if (reg && /[.>]/.test(reg)) {
    const [m, n] = reg.includes('>') ? reg.split('>', 2) : [reg.slice(0, reg.lastIndexOf('.')), reg.slice(reg.lastIndexOf('.') + 1)];
    if (classifyGlobal(m, n) === 'dangerous') hits.dangerous.push(reg);
  }
  for (const [k, v] of Object.entries(o)) {
    if (k.includes('enable_unsafe_deserialization')) hits.unsafeSwitch = true;
    walk(v, hits, depth + 1, inLambda || isLambda);
  }
}

function findingsFor(hits: ConfigHits, where: string, extra: Record<string, unknown>): RawModelFinding[] {
  const out: RawModelFinding[] = [];
  if (hits.lambdas.length) {
    out.push({ ruleId: 'keras-lambda-layer', message: `${where} has ${hits.lambdas.slice(0, 5).join(', ')} layer(s): their Python bytecode runs when the model is loaded with safe_mode=False (or an old Keras).`, properties: { layers: hits.lambdas, ...extra } });
  }
  if (hits.unsafeSwitch) {
    out.push({ ruleId: 'keras-lambda-layer', message: `${where} references \`enable_unsafe_deserialization\`: loading it can switch off Keras safe mode (CVE-2025-9906) and then run Lambda code.`, properties: extra });
  }
  if (hits.dangerous.length) {
    out.push({ ruleId: 'keras-lambda-layer', message: `${where} makes Keras import \`${hits.dangerous.slice(0, 5).join('`, `')}\` while loading (CVE-2025-1550 style): loading this model runs that function.`, properties: { globals: hits.dangerous, ...extra } });
  }
  return out;
}

/** Checks a .keras config.json (text). Invalid JSON is a parse-error problem. */
export function scanKerasConfig(text: string, entry: string): ModelScanResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { findings: [], problems: [{ kind: 'parse-error', message: `${entry}: invalid JSON: ${(e as Error).message}` }] };
  }
  const hits: ConfigHits = { lambdas: [], unsafeSwitch: false, dangerous: [] };
  walk(json, hits);
  return { findings: findingsFor(hits, `\`${entry}\``, { entry }), problems: [] };
}

/** True when `head` starts with the HDF5 signature. */
export function isHdf5(head: Uint8Array): boolean {
  return Buffer.from(head.subarray(0, 8)).equals(Buffer.from('\x89HDF\r\n\x1a\n', 'latin1'));
}

const LAMBDA_RE = /"class_name":\s*"(Lambda|TFOpLambda)"(?:[^}]{0,400}?"name":\s*"([^"]{1,100})")?/g;
const OVERLAP = 1024;

/**
 * Scans an .h5 file's bytes for the Keras model_config JSON attribute (no HDF5 library: attributes
 * are stored uncompressed, so the JSON text is in the file). Streams the file in chunks with overlap.
 */
export async function scanH5(path: string): Promise<ModelScanResult> {
  const hits: ConfigHits = { lambdas: [], unsafeSwitch: false, dangerous: [] };
  let carry = '';
  let carryBase = 0;
  const seen = new Set<number>();
  for await (const chunk of fs.createReadStream(path, { highWaterMark: 4 << 20 })) {
    const text = carry + (chunk as Buffer).toString('latin1');
    if (text.includes('enable_unsafe_deserialization')) hits.unsafeSwitch = true;
    for (const m of text.matchAll(LAMBDA_RE)) {
      const at = carryBase + m.index!;
      if (seen.has(at)) continue;
      seen.add(at);
      hits.lambdas.push(m[2] ? `${m[1]} \`${m[2]}\`` : m[1]);
    }
    carryBase += text.length - Math.min(OVERLAP, text.length);
    carry = text.slice(-OVERLAP);
  }
  return { findings: findingsFor(hits, 'HDF5 model_config', {}), problems: [] };
}
