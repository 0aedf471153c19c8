// Go-template blanking for Helm charts: same offsets, structure lines to whitespace, inline actions to `$`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blankGoTemplates, hasGoTemplate } from '../../server/src/parsers/go-template';
import { parseYamlDocs } from '../../server/src/plugins/supply-chain/parse/yaml-docs';

test('actions alone on their lines become whitespace, actions inside values become `$`, offsets are kept', () => {
  const text = '{{- if .Values.on }}\nname: {{ .Release.Name }}-svc\nimage: "{{ .Values.img }}:{{ .Values.tag }}"\n  {{- toYaml . | nindent 2 }}{{- end }}\n';
  const out = blankGoTemplates(text);
  assert.equal(out.length, text.length);
  const l = out.split('\n');
  assert.match(l[0], /^ +$/);
  assert.match(l[1], /^name: \$+-svc$/);
  assert.match(l[2], /^image: "\$+:\$+"$/);
  assert.match(l[3], /^ +$/);
});

test('a multi-line action keeps its line breaks; GitHub `${{ }}` and unclosed braces do not run away', () => {
  const text = '{{- include "x" (dict\n  "a" 1) -}}\nkey: v\n';
  const out = blankGoTemplates(text);
  assert.equal(out.split('\n').length, text.split('\n').length);
  assert.equal(out.split('\n')[2], 'key: v');
  assert.equal(hasGoTemplate('run: ${{ github.sha }}'), false);
  assert.equal(blankGoTemplates('run: ${{ github.sha }}'), 'run: ${{ github.sha }}');
  assert.equal(blankGoTemplates('a: {{ x\nb: 1').split('\n')[1], 'b: 1');
  const big = '{{'.repeat(20000);
  assert.equal(blankGoTemplates(big).length, big.length);
});

test('YAML that parses is never blanked; a chart that does not is parsed again with actions blanked', () => {
  const argo = 'args: ["{{inputs.parameters.x}}"]\n';
  assert.deepEqual(parseYamlDocs(argo).templated, undefined);
  const chart = 'kind: Pod\nspec:\n  containers:\n{{- if .Values.a }}\n    - image: nginx:1.25\n{{- else }}\n    - image: nginx:1.24\n{{- end }}\n  name: {{ .Values.n }}\n';
  const r = parseYamlDocs(chart);
  assert.equal(r.templated, true);
  assert.deepEqual(r.errors, []);
});
