// The threat-model generator: golden file for examples/fraud-detection, empty workspace, determinism, user edits kept, CLI arguments.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { parseArgs } from '../../../server/src/cli/args';
import { initEngine } from '../../../server/src/engine/analyze';
import { GENERATED_END, GENERATED_START, generateThreatModel } from '../../../server/src/plugins/threat-model/generate';
import { generateForWorkspace, listWorkspace, scanFindings } from '../../../server/src/plugins/threat-model/generate/collect';
import { ASSETS } from '../../../server/src/plugins/threat-model/generate/threats';
import { lookupId } from '../../../server/src/plugins/threat-model/ids';
import { engineContext } from '../../helpers/engine';

const root = path.join(__dirname, '..', '..', '..');
const example = path.join(root, 'examples', 'fraud-detection');
const golden = path.join(root, 'test', 'golden', 'fraud-detection.threat-model.md');

test('examples/fraud-detection matches the reviewed golden file (MLSEC_UPDATE_GOLDEN=1 rewrites it)', async () => {
  const { registry } = await engineContext();
  const scan = await scanFindings(example);
  assert.equal(scan.error, undefined);
  // Only the core catalogue's findings (Python, notebook, model rules): plugin categories still growing
  // (secrets, supply chain, privacy) would otherwise change this file with every new rule.
  const core = scan.findings.filter((f) => ['python', 'model', 'notebook-output'].includes(registry.byId.get(f.ruleId)?.target ?? ''));
  const markdown = generateThreatModel({ name: 'fraud-detection', files: listWorkspace(example), findings: core });
  if (process.env.MLSEC_UPDATE_GOLDEN === '1') fs.writeFileSync(golden, markdown);
  assert.equal(markdown, fs.readFileSync(golden, 'utf8'), 'generated threat model differs from test/golden/fraud-detection.threat-model.md; review the change, then rerun with MLSEC_UPDATE_GOLDEN=1');
});

test('generation is deterministic: two runs give the same bytes', async () => {
  await initEngine();
  const a = await generateForWorkspace(example);
  const b = await generateForWorkspace(example);
  assert.equal(a.markdown, b.markdown);
});

test('an empty folder gives a useful skeleton', async () => {
  await initEngine();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsec-tm-empty-'));
  try {
    const { markdown, error, findings } = await generateForWorkspace(dir);
    assert.equal(error, undefined);
    assert.equal(findings, 0);
    assert.ok(markdown.startsWith(`# Threat model: ${path.basename(dir)}\n`));
    assert.ok(markdown.includes(GENERATED_START) && markdown.includes(GENERATED_END));
    assert.ok(markdown.includes('```mermaid\nflowchart LR'));
    for (const asset of ASSETS) assert.ok(markdown.includes(`### ${asset.title}`), asset.title);
    assert.ok(markdown.includes('## Summary by risk'));
    assert.ok(markdown.includes('## Decisions and accepted risks'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('regeneration keeps everything outside the generated markers', async () => {
  await initEngine();
  const first = (await generateForWorkspace(example)).markdown;
  const start = first.indexOf(GENERATED_START);
  const end = first.indexOf(GENERATED_END) + GENERATED_END.length;
  const edited = `# Our fraud model\n\nOwner: risk-team\n\n${first.slice(start, end).replace('## System inventory', '## System inventory (stale edit)')}\n\n## Decisions\n\n- TM-MODELS-1 accepted until Q3 (signed: CISO)\n`;
  const again = (await generateForWorkspace(example, edited)).markdown;
  assert.ok(again.startsWith('# Our fraud model\n\nOwner: risk-team\n\n'));
  assert.ok(again.endsWith('\n\n## Decisions\n\n- TM-MODELS-1 accepted until Q3 (signed: CISO)\n'));
  assert.ok(!again.includes('(stale edit)'), 'the generated part is replaced');
  assert.equal(again.slice(again.indexOf(GENERATED_START), again.indexOf(GENERATED_END)), first.slice(start, first.indexOf(GENERATED_END)));
  // A document without markers is never overwritten: the generated part is appended.
  const appended = (await generateForWorkspace(example, '# Notes\n\nhand-written\n')).markdown;
  assert.ok(appended.startsWith('# Notes\n\nhand-written\n\n<!-- mlsec:generated:start -->'));
});

test('every id the generator cites is in the bundled table', () => {
  for (const asset of ASSETS) for (const t of asset.threats) for (const id of t.ids) assert.ok(lookupId(id), `${asset.key}/${t.key}: ${id}`);
});

test('CLI: mlsec threat-model [PATH] [--output FILE]', () => {
  assert.deepEqual(parseArgs(['threat-model']), { kind: 'threat-model', options: { path: '.' } });
  assert.deepEqual(parseArgs(['threat-model', 'proj', '-o', 'tm.md']), { kind: 'threat-model', options: { path: 'proj', output: 'tm.md' } });
  assert.deepEqual(parseArgs(['threat-model', '--output=tm.md']), { kind: 'threat-model', options: { path: '.', output: 'tm.md' } });
  assert.equal(parseArgs(['threat-model', '--format', 'json']).kind, 'error');
  assert.equal(parseArgs(['threat-model', 'a', 'b']).kind, 'error');
});
