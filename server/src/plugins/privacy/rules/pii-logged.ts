// Printing or logging PII-named fields/columns: print(df[["email","ssn"]]), logger.info(user.email), display(df["phone"]).
import type { Node } from 'web-tree-sitter';
import { defineRule, type PythonRuleContext } from '../../../engine/rule';
import { piiInArguments, piiReferences } from './pii-references';

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

/**
 * A bare top-level expression in a notebook that selects PII columns (`df[["email", "ssn"]]`,
 * `df["phone"].head()`): Jupyter displays it when it ends its cell. Scripts print nothing, so only
 * notebooks (analysed as '<notebook>') are checked; a mid-cell expression is a no-op we still flag.
 */
function displayedExpression(node: Node, ctx: PythonRuleContext): void {
  if (ctx.file.path !== '<notebook>' || node.parent?.type !== 'module' || node.namedChildCount !== 1) return;
  const expr = node.namedChild(0);
  if (!expr || expr.type === 'identifier' || expr.type === 'string') return;
  const fields = [...new Set(piiReferences(expr))];
  if (!fields.length) return;
  ctx.report({
    range: { start: node.startIndex, end: node.endIndex },
    message: `This expression displays personal data (${fields.map((f) => `\`${f}\``).join(', ')}) as the cell's output, which is saved in the notebook. Show a count, a sample of IDs or masked values instead.`,
    properties: { fields, displayed: true },
  });
}

export default defineRule({
  id: 'pii-logged',
  target: 'python',
  kinds: ['call', 'expression_statement'],
  visit(node, ctx) {
    if (node.type === 'expression_statement') return displayedExpression(node, ctx);
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
