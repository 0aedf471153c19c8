// Edit builder: remove one keyword argument from a call, with its separating comma.
import type { Node } from 'web-tree-sitter';
import type { TextEdit } from '../../../engine/finding';

/** Edits that delete `kw` (a keyword_argument node) and one adjacent comma. */
export function removeKeywordArgument(kw: Node): TextEdit[] {
  const prev = kw.previousSibling;
  const next = kw.nextSibling;
  if (prev && prev.type === ',') return [{ range: { start: prev.startIndex, end: kw.endIndex }, newText: '' }];
  if (next && next.type === ',') {
    const after = next.nextSibling;
    return [{ range: { start: kw.startIndex, end: after && after.type !== ')' ? after.startIndex : next.endIndex }, newText: '' }];
  }
  return [{ range: { start: kw.startIndex, end: kw.endIndex }, newText: '' }];
}
