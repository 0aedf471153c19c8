// Printing or logging PII-named fields/columns: print(df[["email","ssn"]]), logger.info(user.email), display(df["phone"]).
import type { Node } from 'web-tree-sitter';
import { defineRule, type PythonRuleContext } from '../../../engine/rule';
import { piiInArguments } from './pii-references';

const LEVELS = new Set(['debug', 'info', 'warning', 'warn', 'error', 'critical', 'exception', 'log', 'fatal']);
const PRINTERS = new Set(['print', 'pprint', 'pprint.pprint', 'display', 'IPython.display.display', 'rich.print', 'click.echo', 'typer.echo', 'tqdm.write', 'tqdm.tqdm.write']);

/** True for print/display and for logging calls (the `logging` module, or an object named like a logger). */
export function isLogCall(call: Node, ctx: PythonRuleContext): boolean {
  const fn = call.childForFieldName('function');
  if (!fn) return false;
  const name = ctx.calleeName(call) ?? fn.text;
  if (PRINTERS.has(name)) return true;
  if (fn.type !== 'attribute') return false;
  const method = fn.childForFieldName('attribute')?.text ?? '';
  if (!LEVELS.has(method)) return false;
  if (name.startsWith('logging.') || name.startsWith('loguru.logger.')) return true;
  const obj = fn.childForFieldName('object');
  return !!obj && /(^|[._])(log|logger|logging|_log|_logger|LOG|LOGGER|log_)$/i.test(obj.text.replace(/^self\./, ''));
}

export default defineRule({
  id: 'pii-logged',
  target: 'python',
  kinds: ['call'],
  visit(node, ctx) {
    if (!isLogCall(node, ctx)) return;
    const fields = piiInArguments(node);
    if (!fields.length) return;
    ctx.report({
      range: { start: node.startIndex, end: node.endIndex },
      message: `\`${ctx.calleeText(node)}\` writes personal data (${fields.map((f) => `\`${f}\``).join(', ')}) to logs or notebook output, where it outlives its purpose and is rarely access-controlled. Log an ID, a count or a masked value instead.`,
      properties: { fields },
    });
  },
});
