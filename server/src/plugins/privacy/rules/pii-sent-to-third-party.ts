// Raw PII-named columns/fields sent to third parties: experiment trackers, LLM APIs, HTTP POSTs to non-local URLs.
import type { Node } from 'web-tree-sitter';
import { literalValue } from '../../../analysis/python/nodes';
import { defineRule, type PythonRuleContext } from '../../../engine/rule';
import { piiInArguments } from './pii-references';

const TRACKERS = /^(wandb\.(log|Table|summary\.update|config\.update)|mlflow\.(log_\w+|set_tags?)|comet_ml\.\w+\.log_\w+|neptune\.\w+)$/;
const LLM_METHODS = /(\.chat\.completions\.create|\.completions\.create|\.messages\.create|\.responses\.create|\.generate_content|ChatCompletion\.create|Completion\.create)$/;
const HTTP = /^(requests|httpx)\.(post|put|patch|request)$/;
const LOCAL = /^https?:\/\/(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[::1\]|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|[\w-]+(:\d+)?\/|[\w-]+\.(local|internal|svc|cluster\.local)\b)/i;

/** What kind of third party the call talks to, or undefined. HTTP needs a literal non-local URL (a variable is unknown). */
function destination(call: Node, ctx: PythonRuleContext): string | undefined {
  const name = ctx.calleeName(call);
  const written = call.childForFieldName('function')?.text ?? '';
  if (name && TRACKERS.test(name)) return 'an experiment tracker';
  if (LLM_METHODS.test(name ?? written)) return 'an LLM API';
  if (name && HTTP.test(name)) {
    const args = ctx.args(call);
    const urlNode = args.keywords.get('url') ?? (name.endsWith('.request') ? args.positional[1] : args.positional[0]);
    const url = literalValue(urlNode);
    if (url?.kind !== 'string' || LOCAL.test(url.value) || !/^https?:\/\//.test(url.value)) return undefined;
    return `\`${new URL(url.value).host}\``;
  }
  return undefined;
}

export default defineRule({
  id: 'pii-sent-to-third-party',
  target: 'python',
  kinds: ['call'],
  visit(node, ctx) {
    const to = destination(node, ctx);
    if (!to) return;
    const fields = piiInArguments(node);
    if (!fields.length) return;
    ctx.report({
      range: { start: node.startIndex, end: node.endIndex },
      message: `\`${ctx.calleeText(node)}\` sends personal data (${fields.map((f) => `\`${f}\``).join(', ')}) to ${to}, outside your control and retention rules. Drop, hash or pseudonymise these fields first.`,
      properties: { fields },
    });
  },
});
