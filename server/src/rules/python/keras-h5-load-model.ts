// Loading a legacy HDF5 (.h5) Keras model, whose Lambda layers carry bytecode outside Keras 3's safe mode.
import { literalValue } from '../../analysis/python/nodes';
import { callRule } from '../../matchers/call';

const CALLEES = [
  'keras.models.load_model', 'keras.saving.load_model', 'tensorflow.keras.models.load_model',
  'tensorflow.keras.saving.load_model', 'tf_keras.models.load_model', 'tf_keras.saving.load_model',
];

export default callRule('keras-h5-load-model', CALLEES, (node, ctx, name) => {
  const args = ctx.args(node);
  // Only a literal path is known to be HDF5; a variable path is unknown.
  const path = literalValue(args.keywords.get('filepath') ?? args.positional[0]);
  if (path?.kind !== 'string' || !/\.(h5|hdf5)$/i.test(path.value)) return;
  const callee = ctx.calleeText(node) || name;
  ctx.report({
    range: { start: node.startIndex, end: node.endIndex },
    message: `\`${callee}\` loads a legacy HDF5 model ("${path.value.replace(/^.*[\\/]/, '')}"): Lambda layers in .h5 files carry marshalled Python bytecode that older Keras/TensorFlow versions run while loading. Re-save trusted models in the \`.keras\` format and load untrusted ones only with safe_mode.`,
  });
});
