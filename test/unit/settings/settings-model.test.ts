// One settings model for the CLI and the editor: the key lists match package.json, config files refuse unsafe keys, user-level values survive an untrusted workspace.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { PUBLIC_HOSTS } from '../../../server/src/plugins/supply-chain/network/policy';
import { EDITOR_SETTINGS, type InspectedSetting, parseConfigFileSettings, parseSettings, SETTING_KEYS, userLevelSettings } from '../../../server/src/shared/settings';

const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { scope?: string }> } };
  capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } };
};
const props = pkg.contributes.configuration.properties;

test('the editor settings in package.json are exactly EDITOR_SETTINGS, each a key of the model', () => {
  assert.deepEqual(Object.keys(props).map((k) => k.replace(/^mlsec\./, '')).sort(), [...EDITOR_SETTINGS].sort());
  for (const name of EDITOR_SETTINGS) assert.ok(Object.hasOwn(SETTING_KEYS, name.split('.')[0]), name);
});

test('package.json restricts every setting a workspace could set in untrusted workspaces; network.* is user-level only', () => {
  const restricted = pkg.capabilities.untrustedWorkspaces.restrictedConfigurations;
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
  for (const [key, p] of Object.entries(props)) {
    if (p.scope === 'application') assert.ok(!restricted.includes(key), key);
    else assert.ok(restricted.includes(key), `${key} must be in restrictedConfigurations`);
  }
  assert.equal(props['mlsec.network.enabled'].scope, 'application');
  assert.equal(props['mlsec.network.allowedHosts'].scope, 'application');
  for (const key of ['mlsec.baseline', 'mlsec.pythonPath', 'mlsec.privacy.allowlist', 'mlsec.rules', 'mlsec.enable']) assert.ok(restricted.includes(key), key);
});

test('a config file keeps privacy and baseline, refuses network and pythonPath (and trusted) with the reason, names unknown keys', () => {
  const { settings, warnings } = parseConfigFileSettings({
    privacy: { allowlist: ['@acme-corp.io'], minConfidence: 0.8 },
    baseline: 'mlsec-baseline.json',
    network: { enabled: true, allowedHosts: ['10.0.0.5'] },
    pythonPath: '.venv/bin/python',
    trusted: false,
    colour: 'blue',
  }, 'mlsec.yaml');
  assert.deepEqual(settings.privacy.allowlist, ['@acme-corp.io']);
  assert.equal(settings.privacy.minConfidence, 0.8);
  assert.equal(settings.baseline, 'mlsec-baseline.json');
  assert.deepEqual(settings.network, { enabled: false });
  assert.equal(settings.pythonPath, undefined);
  assert.equal(settings.trusted, true, 'the default; a file cannot claim anything about trust');
  assert.equal(warnings.length, 4, warnings.join('\n'));
  assert.match(warnings[0], /^mlsec\.yaml: 'network' is not read from a config file: online lookups are a per-user choice/);
  assert.match(warnings[1], /^mlsec\.yaml: 'pythonPath' is not read from a config file: a repository must not choose which environment mlsec reads; pass --python-path/);
  assert.match(warnings[2], /^mlsec\.yaml: 'trusted' is not read from a config file/);
  assert.match(warnings[3], /^mlsec\.yaml: unknown key 'colour' ignored \(known: enable, rules, .*privacy, baseline\)/);
  assert.deepEqual(parseConfigFileSettings({ privacy: { minConfidence: 7 } }, 'c.json').warnings, ['c.json: privacy.minConfidence: expected a number from 0 to 1']);
});

test('parseSettings never reads trust from the settings object', () => {
  assert.equal(parseSettings({ trusted: false }).settings.trusted, true);
  assert.equal(parseSettings({ trusted: true }).settings.trusted, true);
});

test('network.allowedHosts: host names, host:port and *.suffix are kept (lower-cased); anything else is a warning', () => {
  const { settings, warnings } = parseSettings({ network: { enabled: true, allowedHosts: ['Registry.Corp.example', 'mirror.example:5000', '*.pkg.example', 'https://x.example/', 'a b'] } });
  assert.deepEqual(settings.network, { enabled: true, allowedHosts: ['registry.corp.example', 'mirror.example:5000', '*.pkg.example'] });
  assert.equal(warnings.length, 2);
  assert.match(warnings[0], /'https:\/\/x\.example\/' is not a host name/);
});

test("untrusted workspace: the user's own values (privacy included) are kept, workspace values are not", () => {
  // What VS Code's inspect() reports: the user set a privacy allowlist and entity switch; the repository set more.
  const inspected: Record<string, InspectedSetting & { workspaceValue?: unknown }> = {
    enable: { defaultValue: true, workspaceValue: false },
    rules: { defaultValue: {}, workspaceValue: { 'unsafe-torch-load': 'off' } },
    'privacy.allowlist': { defaultValue: [], globalValue: ['@acme-corp.io'], workspaceValue: ['@evil.example'] },
    'privacy.entities': { defaultValue: {}, globalValue: { phone: false } },
    'privacy.minConfidence': { defaultValue: 0.5, workspaceValue: 1 },
    baseline: { defaultValue: '', workspaceValue: 'hide-everything.json' },
    'network.enabled': { defaultValue: false, globalValue: true },
  };
  const raw = userLevelSettings((name) => inspected[name]);
  assert.deepEqual(raw, { enable: true, rules: {}, privacy: { allowlist: ['@acme-corp.io'], entities: { phone: false }, minConfidence: 0.5 }, baseline: '', network: { enabled: true } });
  const { settings } = parseSettings(raw);
  assert.equal(settings.enable, true);
  assert.deepEqual(settings.rules, {});
  assert.deepEqual(settings.privacy.allowlist, ['@acme-corp.io']);
  assert.deepEqual(settings.privacy.entities, { phone: false });
  assert.equal(settings.baseline, undefined);
  assert.equal(settings.network?.enabled, true);
});

test('docs/settings.md covers every editor setting, every config-file key and every public lookup host', () => {
  const doc = fs.readFileSync(path.join(__dirname, '../../../docs/settings.md'), 'utf8');
  for (const name of [...EDITOR_SETTINGS, ...Object.keys(SETTING_KEYS).filter((k) => k !== 'maxFileSize' && k !== 'trusted')]) assert.ok(doc.includes(`\`${name}`), `docs/settings.md lacks ${name}`);
  for (const host of PUBLIC_HOSTS) assert.ok(doc.includes(`\`${host}\``), `docs/settings.md lacks ${host}`);
});
