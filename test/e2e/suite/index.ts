// Mocha entry point the VS Code extension host loads as extensionTestsPath: runs every *.test.js beside it.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  // 'spec' reporter output travels through the extension host's console to the runner; no colours
  // because the escape codes would end up verbatim in CI logs.
  const mocha = new Mocha({ ui: 'tdd', color: false, reporter: 'spec', timeout: 60_000 });
  // The extension host inherits the runner's environment, so a subset can be run for debugging.
  if (process.env.MLSEC_E2E_GREP) mocha.grep(process.env.MLSEC_E2E_GREP);
  for (const f of fs.readdirSync(__dirname).sort()) {
    if (f.endsWith('.test.js')) mocha.addFile(path.join(__dirname, f));
  }
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(() => {
        // From the runner's stats, not suite.total(): with a grep, total() also counts filtered-out tests.
        const { passes = 0, failures = 0, pending = 0 } = runner.stats ?? {};
        // One plain summary line that CI can grep, whatever the reporter prints.
        console.log(`${passes} passed, ${failures} failed${pending ? `, ${pending} pending` : ''}`);
        if (failures > 0) reject(new Error(`${failures} e2e test(s) failed`));
        else if (passes === 0) reject(new Error('no e2e test ran'));
        else resolve();
      });
    } catch (e) {
      reject(e);
    }
  });
}
