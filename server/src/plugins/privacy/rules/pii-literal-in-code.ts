// PII written into Python string literals (emails, card numbers, SSNs...), and labelled literals (first_name="...").
import type { Node } from 'web-tree-sitter';
import { sampleDataReason } from '../role';
import { defineRule } from '../../../engine/rule';
import type { MlsecSettings } from '../../../shared/settings';
import { redact } from '../redact';
import { scanOptions, scanText } from '../scan-text';
import { describe } from '../summarize';

// Scan options follow the user's privacy settings (entities, minimum confidence, allowlist); built once per settings value.
const optionsFor = new WeakMap<object, ReturnType<typeof scanOptions>>();
function options(settings: MlsecSettings) {
  let o = optionsFor.get(settings);
  if (!o) optionsFor.set(settings, (o = scanOptions(settings)));
  return o;
}

/** The key a string literal is the value of: a dict key, keyword or assigned name (`"full_name": "..."`, `VERSION = "..."`). */
function keyOf(node: Node): string | undefined {
  const p = node.parent;
  if (!p) return undefined;
  let key: string | undefined;
  if (p.type === 'pair' && p.childForFieldName('value')?.id === node.id) key = p.childForFieldName('key')?.text.replace(/^['"]|['"]$/g, '');
  else if (p.type === 'keyword_argument') key = p.childForFieldName('name')?.text;
  else if (p.type === 'assignment' && p.childForFieldName('right')?.id === node.id) key = p.childForFieldName('left')?.text.replace(/^.*\./, '');
  // In code a bare `name=` / `"name":` names objects (runs, layers, loggers) far more often than people.
  return key && /^(name|display_name)$/i.test(key) ? undefined : key;
}

/** Test modules hold fixtures by design ("obvious test data"): `tests/`, `test_*.py`, `*_test.py`, `conftest.py`. */
function isTestFile(path: string): boolean {
  const p = path.replace(/\\/g, '/');
  return /(^|\/)(tests?|testing)\//.test(p) || /(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py$/.test(p);
}

/** A docstring: a string that is a whole statement (module/class/function docs, author lines, licence text). */
function isDocstring(node: Node): boolean {
  return node.parent?.type === 'expression_statement' && node.parent.namedChildCount === 1;
}

/** Package metadata: `__author__ = "Name <mail>"`, `__email__`, `__maintainer__`, `__credits__`, `__contact__`. */
const METADATA = /^__(author|email|maintainer|maintainer_email|author_email|credits|contact|copyright)__$/;
/** Package and API metadata keys (`setup(author_email=...)`, `{"maintainer": ...}`): public by design. */
const METADATA_KEY = /^(?:authors?|author_email|maintainers?|maintainer_email|contact|contact_email|copyright|credits|license)$/i;

/** True when the literal sits (possibly inside a tuple, list or implicit concatenation) in a package-metadata assignment. */
function inMetadata(node: Node): boolean {
  let n: Node | null = node.parent;
  while (n && ['concatenated_string', 'parenthesized_expression', 'tuple', 'list', 'expression_list'].includes(n.type)) n = n.parent;
  return n?.type === 'assignment' && METADATA.test(n.childForFieldName('left')?.text ?? '');
}

/** Cheapest necessary condition for any recognizer or labelled field to match. */
const MAY_HOLD_PII = /@|\d{2}|[A-Z][a-z]/;

/** Network identifiers in code are infrastructure unless a key labels them as someone's (`client_ip`, `user_mac`). */
const INFRASTRUCTURE = new Set(['ip-address', 'mac-address']);
const PERSONAL_KEY = /(user|client|customer|patient|person|visitor|member|subscriber|remote)/i;

export default defineRule({
  id: 'pii-literal-in-code',
  target: 'python',
  kinds: ['string'],
  visit(node, ctx) {
    // Every string literal comes through here; most (`"cuda"`, `"loss"`) cannot hold PII. A value needs
    // an `@`, a run of digits, or a capitalised word (a labelled name) — checked on the source text
    // before any tree walk, which costs calls into WASM.
    if (isTestFile(ctx.file.path) || !MAY_HOLD_PII.test(ctx.file.text.slice(node.startIndex, node.endIndex))) return;
    if (isDocstring(node) || inMetadata(node)) return;
    const key = keyOf(node);
    if (key && METADATA_KEY.test(key)) return;
    // Docs, tutorials and examples (a notebook's own path is its origin) show sample data: notes that say so.
    const why = sampleDataReason(ctx.file.origin ?? ctx.file.path);
    // One finding per literal and entity: a paragraph naming three places is one finding, not three.
    const seen = new Set<string>();
    for (const part of node.namedChildren) {
      if (part?.type !== 'string_content') continue;
      for (const m of scanText(part.text, options(ctx.settings), key)) {
        if (INFRASTRUCTURE.has(m.entity) && !(key && PERSONAL_KEY.test(key))) continue;
        if (seen.has(m.entity)) continue;
        seen.add(m.entity);
        ctx.report({
          range: { start: part.startIndex + m.start, end: part.startIndex + m.end },
          ...(why ? { severity: 'note' as const } : {}),
          message: `String literal holds ${describe({ entity: m.entity, count: 1, samples: [redact(m.entity, m.value)] })}. Personal data in code is copied to every clone and log; load it from a protected source or use synthetic values.${why}`,
          properties: { entity: m.entity, samples: [redact(m.entity, m.value)], confidence: m.confidence },
        });
      }
    }
  },
});
