// Which loader calls fetch from a model hub, and whether a literal name is a hub id or a local path.
import type { Node } from 'web-tree-sitter';
import { literalValue } from '../../../analysis/python/nodes';
import type { PythonRuleContext } from '../../../engine/rule';

/** Libraries whose `X.from_pretrained(name)` downloads from the Hugging Face Hub. */
const FROM_PRETRAINED_ROOTS = new Set(['transformers', 'diffusers', 'peft', 'optimum', 'sentence_transformers', 'setfit', 'adapters', 'huggingface_hub']);

/** Hub loaders other than `from_pretrained`: qualified name -> positional index of the repo/model name. */
export const HUB_LOADERS: Record<string, number> = {
  'transformers.pipeline': 1, // pipeline(task, model): a bare task uses transformers' own pinned default
  'huggingface_hub.hf_hub_download': 0,
  'huggingface_hub.snapshot_download': 0,
  'huggingface_hub.file_download.hf_hub_download': 0,
  'datasets.load_dataset': 0,
  'sentence_transformers.SentenceTransformer': 0,
  'sentence_transformers.CrossEncoder': 0,
};

// `load_dataset("csv", data_files=...)`: packaged builders read local files, nothing is fetched.
const DATASET_BUILDERS = new Set(['csv', 'json', 'parquet', 'text', 'imagefolder', 'audiofolder', 'videofolder', 'arrow', 'pandas', 'webdataset', 'sql', 'generator', 'xml', 'folder']);

/** True when `name` resolves to a hub `from_pretrained`. */
export function isFromPretrained(name: string): boolean {
  return name.endsWith('.from_pretrained') && FROM_PRETRAINED_ROOTS.has(name.split('.')[0]);
}

/** A literal hub id ('org/model', 'bert-base-uncased'), or undefined for paths, non-literals and builders. */
export function hubName(node: Node | undefined, loader: string): string | undefined {
  const lit = literalValue(node);
  if (!lit || lit.kind !== 'string') return undefined;
  const v = lit.value.trim();
  if (!v || /^(\.|\/|~|[A-Za-z]:[\\/]|file:)/.test(v) || v.includes('\\') || /\.(json|bin|pt|pth|safetensors|ckpt|onnx|csv|parquet|txt|jsonl)$/i.test(v)) return undefined;
  if (v.split('/').length > 2) return undefined; // hub ids are `name` or `org/name`; deeper paths are local
  if (loader === 'datasets.load_dataset' && DATASET_BUILDERS.has(v)) return undefined;
  if (!/^[\w.-]+(\/[\w.-]+)?$/.test(v)) return undefined;
  return v;
}

/** The argument node `name` (keyword, else positional `index`). */
export function argument(call: Node, ctx: PythonRuleContext, name: string, index: number): Node | undefined {
  const args = ctx.args(call);
  return args.keywords.get(name) ?? (index >= 0 ? args.positional[index] : undefined);
}
