#!/usr/bin/env node
// Runs the same e2e suite in desktop VS Code (Electron) via @vscode/test-electron, for machines that can download VS Code.
//
// Not used by `npm test`: the CI box is offline apart from the npm registry and Debian apt, where
// downloadAndUnzipVSCode fails with `getaddrinfo ENOTFOUND update.code.visualstudio.com` and no
// desktop VS Code exists in either (scripts/test-real-vscode.sh runs the suite in the VS Code
// server + Chromium instead). On a developer machine or an online CI:
//
//   npm run build && npx tsc -p test/e2e/tsconfig.json && node test/e2e/run-electron-tests.js
//
// Env: MLSEC_VSCODE_VERSION (default 'stable'; e.g. '1.91.0' to test the engines minimum),
//      MLSEC_VSCODE_EXECUTABLE (use an installed VS Code instead of downloading one).
// On headless Linux wrap it in `xvfb-run -a`. Exit code = the suite's exit code.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { runTests } = require('@vscode/test-electron');

async function main() {
  const repo = path.resolve(__dirname, '..', '..');
  const suite = path.join(__dirname, 'out', 'suite', 'index.js');
  if (!fs.existsSync(suite)) throw new Error(`${suite} missing: run npx tsc -p test/e2e/tsconfig.json first`);
  // The suite edits train.py (quick fix), so it gets a throwaway copy of the fixtures.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsec-e2e-electron-'));
  const ws = path.join(tmp, 'workspace');
  fs.cpSync(path.join(__dirname, 'workspace'), ws, { recursive: true });
  try {
    return await runTests({
      version: process.env.MLSEC_VSCODE_VERSION || 'stable',
      vscodeExecutablePath: process.env.MLSEC_VSCODE_EXECUTABLE || undefined,
      extensionDevelopmentPath: repo,
      extensionTestsPath: suite,
      // --disable-extensions keeps the developer's installed extensions (e.g. a Python or Jupyter
      // extension) out of the run; built-ins such as the ipynb serializer stay enabled. runTests
      // itself adds --skip-welcome, --disable-workspace-trust and friends.
      launchArgs: [ws, '--disable-extensions', '--user-data-dir', path.join(tmp, 'user-data')],
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code), (e) => {
  // runTests rejects (TestRunFailedError, carrying VS Code's exit code) when the suite fails.
  console.error(`[electron-runner] ${e && e.message ? e.message : e}`);
  process.exit(typeof e?.code === 'number' && e.code !== 0 ? e.code : 1);
});
