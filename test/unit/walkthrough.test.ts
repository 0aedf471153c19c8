// The getting-started walkthrough: every step's page exists and is shipped, every command it links or waits for is contributed.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(__dirname, '../..');

interface Step { id: string; description: string; media: { markdown: string }; completionEvents: string[] }

test('walkthrough steps: scan, fix, baseline, threat model; pages exist and ship; commands exist', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { walkthroughs: { steps: Step[] }[]; commands: { command: string }[]; configuration: { properties: Record<string, unknown> } } };
  const [walk] = pkg.contributes.walkthroughs;
  assert.deepEqual(walk.steps.map((s) => s.id), ['scan', 'fix', 'baseline', 'threatModel']);
  const ours = new Set(pkg.contributes.commands.map((c) => c.command));
  const vscodeIgnore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8');
  assert.match(vscodeIgnore, /^!docs\/walkthrough\/\*\*$/m, 'the pages are packaged');
  for (const s of walk.steps) {
    assert.ok(fs.existsSync(path.join(ROOT, s.media.markdown)), s.media.markdown);
    const linked = [...s.description.matchAll(/\(command:([\w.]+)/g), ...s.completionEvents.map((e) => /^onCommand:([\w.]+)$/.exec(e))].map((m) => m?.[1]).filter((c): c is string => !!c);
    for (const c of linked.filter((x) => x.startsWith('mlsec.'))) assert.ok(ours.has(c), `${s.id}: ${c} is contributed`);
    for (const e of s.completionEvents.filter((x) => x.startsWith('onSettingChanged:'))) assert.ok(e.slice('onSettingChanged:'.length) in pkg.contributes.configuration.properties, e);
  }
});
