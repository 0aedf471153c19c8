// msgpack_numpy decoding: object arrays are rebuilt with pickle.loads.
import { dottedParts } from '../../analysis/python/nodes';
import { defineRule } from '../../engine/rule';

const DECODING_CALLS = new Set(['msgpack_numpy.patch', 'msgpack_numpy.unpackb', 'msgpack_numpy.loads', 'msgpack_numpy.unpack', 'msgpack_numpy.load']);
const DECODERS = new Set(['msgpack_numpy.decode']);

export default defineRule({
  id: 'unsafe-msgpack-numpy',
  target: 'python',
  kinds: ['call'],
  visit(node, ctx) {
    const name = ctx.calleeName(node);
    const range = { start: node.startIndex, end: node.endIndex };
    if (name && DECODING_CALLS.has(name)) {
      const callee = ctx.calleeText(node) || name;
      ctx.report({ range, message: `\`${callee}\` decodes NumPy object arrays with \`pickle.loads\`: a crafted message runs code. Decode with plain msgpack and numeric dtypes only.` });
      return;
    }
    const hook = ctx.args(node).keywords.get('object_hook');
    const parts = dottedParts(hook);
    const hookName = parts ? ctx.imports.resolve(parts) : undefined;
    if (hookName && DECODERS.has(hookName)) {
      ctx.report({ range, message: '`object_hook=msgpack_numpy.decode` decodes NumPy object arrays with `pickle.loads`: a crafted message runs code. Decode with plain msgpack and numeric dtypes only.' });
    }
  },
});
