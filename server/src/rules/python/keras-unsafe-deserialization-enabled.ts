// keras.config.enable_unsafe_deserialization(): switches off Keras' safe mode for the whole process.
import { enclosingStatement } from '../../analysis/python/nodes';
import { defineRule } from '../../engine/rule';
import { removeStatement } from '../../fixes/callee';

const CALLEES = new Set([
  'keras.config.enable_unsafe_deserialization',
  'keras.src.saving.serialization_lib.enable_unsafe_deserialization',
  'keras.saving.serialization_lib.enable_unsafe_deserialization',
  'tensorflow.keras.config.enable_unsafe_deserialization',
  'tf_keras.config.enable_unsafe_deserialization',
]);

export default defineRule({
  id: 'keras-unsafe-deserialization-enabled',
  target: 'python',
  kinds: ['call'],
  visit(node, ctx) {
    const name = ctx.calleeName(node);
    if (!name || !CALLEES.has(name)) return;
    const stmt = enclosingStatement(node);
    const edits = stmt.type === 'expression_statement' && stmt.namedChild(0)?.id === node.id ? removeStatement(stmt, ctx.file.text) : [];
    ctx.report({
      range: { start: node.startIndex, end: node.endIndex },
      fixes: edits.length ? [{ title: 'Remove enable_unsafe_deserialization()', edits, safe: false }] : [],
    });
  },
});
