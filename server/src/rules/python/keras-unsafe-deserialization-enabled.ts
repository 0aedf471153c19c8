// keras.config.enable_unsafe_deserialization(): switches off Keras' safe mode for the whole process.
import { enclosingStatement } from '../../analysis/python/nodes';
import { callRule } from '../../matchers/call';
import { removeStatement } from '../../fixes/callee';

const CALLEES = [
  'keras.config.enable_unsafe_deserialization',
  'keras.src.saving.serialization_lib.enable_unsafe_deserialization',
  'keras.saving.serialization_lib.enable_unsafe_deserialization',
  'tensorflow.keras.config.enable_unsafe_deserialization',
  'tf_keras.config.enable_unsafe_deserialization',
];

export default callRule('keras-unsafe-deserialization-enabled', CALLEES, (node, ctx) => {
  const stmt = enclosingStatement(node);
  const edits = stmt.type === 'expression_statement' && stmt.namedChild(0)?.id === node.id ? removeStatement(stmt, ctx.file.text) : [];
  ctx.report({
    range: { start: node.startIndex, end: node.endIndex },
    fixes: edits.length ? [{ title: 'Remove enable_unsafe_deserialization()', edits, safe: false }] : [],
  });
});
