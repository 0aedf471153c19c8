// The threat-model snippets: contributed for Markdown and YAML, every snippet well-formed with a tm- prefix, every id in a body known.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ID_PATTERN, lookupId } from '../../../server/src/plugins/threat-model/ids';

const root = path.join(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const contributed: { language: string; path: string }[] = manifest.contributes.snippets ?? [];

test('snippets are contributed for markdown and yaml, and the files exist', () => {
  assert.deepEqual([...new Set(contributed.map((s) => s.language))].sort(), ['markdown', 'yaml']);
  for (const s of contributed) assert.ok(fs.existsSync(path.join(root, s.path)), s.path);
});

for (const s of contributed) {
  test(`snippets ${s.path}: prefix tm-*, body, description, known ids`, () => {
    const snippets = JSON.parse(fs.readFileSync(path.join(root, s.path), 'utf8')) as Record<string, { prefix?: unknown; body?: unknown; description?: unknown }>;
    assert.ok(Object.keys(snippets).length > 0);
    const prefixes = new Set<string>();
    for (const [name, sn] of Object.entries(snippets)) {
      assert.ok(typeof sn.prefix === 'string' && sn.prefix.startsWith('tm-'), `${name}: prefix must start with tm-`);
      assert.ok(!prefixes.has(sn.prefix as string), `${name}: duplicate prefix ${sn.prefix}`);
      prefixes.add(sn.prefix as string);
      assert.ok(typeof sn.description === 'string' && sn.description.length > 0, `${name}: description`);
      assert.ok(Array.isArray(sn.body) && sn.body.length > 0 && sn.body.every((l) => typeof l === 'string'), `${name}: body is a list of lines`);
      const text = (sn.body as string[]).join('\n');
      for (const m of text.matchAll(ID_PATTERN)) assert.ok(lookupId(m[0]), `${name}: ${m[0]} is not in the bundled id table`);
      // Anything id-shaped but malformed (AML.T51, LLM1) would slip past the pattern above.
      for (const m of text.matchAll(/\b(?:AML\.[TM]\d+(?:\.\d+)?|(?:LLM|ML|ASI)\d+|CWE-\d+)\b/g)) assert.ok(lookupId(m[0]), `${name}: ${m[0]} is not in the bundled id table`);
    }
  });
}

test('the id-highlighting grammar is contributed for Markdown and YAML', () => {
  const g = (manifest.contributes.grammars as { scopeName: string; injectTo?: string[]; path: string }[]).find((x) => x.scopeName === 'mlsec.threat-ids.injection');
  assert.ok(g, 'grammar mlsec.threat-ids.injection');
  assert.deepEqual(g.injectTo, ['text.html.markdown', 'source.yaml']);
  const grammar = JSON.parse(fs.readFileSync(path.join(root, g.path), 'utf8')) as { patterns: { match: string }[] };
  const hits = (s: string) => grammar.patterns.some((p) => new RegExp(p.match).test(s));
  for (const id of ['AML.T0051.001', 'AML.M0014', 'LLM01', 'ML10', 'ASI05', 'CWE-502']) assert.ok(hits(id), id);
  for (const text of ['HTML01', 'LLM11', 'AML.T51']) assert.ok(!hits(text), text);
});
