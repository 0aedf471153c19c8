#!/usr/bin/env node
// Runs the e2e mocha suite inside a real VS Code (the VS Code server from the npm package code-server + headless Chromium), offline.
//
// How: start lib/vscode/out/server-main.js with --enable-smoke-test-driver (a built workbench only
// honours a URL `payload` with extensionDevelopmentPath/extensionTestsPath when that flag is set;
// the code-server CLI rejects the flag, so we run the plain VS Code server it ships), open the
// workbench in Chromium via playwright-core, and wait for window.codeAutomationExit(code), the hook
// VS Code's own web integration tests use. The suite runs in the Node extension host exactly as
// under @vscode/test-electron; its console output comes back through window.codeAutomationLog.
//
// Usage: node test/e2e/run-vscode-tests.js --extensionDevelopmentPath=DIR --extensionTestsPath=FILE
//          --workspace=DIR [--timeout=SECONDS]
// Env (scripts/setup-real-vscode.sh prints the first three):
//   MLSEC_CODE_NODE           Node 24 binary for the VS Code server (default: `node` on PATH)
//   MLSEC_VSCODE_SERVER_MAIN  .../code-server/lib/vscode/out/server-main.js (required)
//   MLSEC_CHROMIUM            browser binary (default /usr/bin/chromium)
//   VSCODE_TEST_KEEP=1        keep the temp dir (server.log, exthost logs, timeout.png)
//   VSCODE_TEST_VERBOSE=1     print every workbench log line and browser console message
//   VSCODE_TEST_LOG           server log level (default info: lower levels hide the suite's output)
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const util = require('util');

const SERVER_START_MS = 60_000;
const WORKBENCH_LOAD_MS = 90_000;

function arg(name, fallback) {
  const prefix = `--${name}=`;
  const hit = process.argv.find((a) => a.startsWith(prefix));
  return hit ? hit.slice(prefix.length) : fallback;
}

const extDev = path.resolve(arg('extensionDevelopmentPath', '.'));
const extTests = path.resolve(arg('extensionTestsPath', 'test/e2e/out/suite/index.js'));
const workspace = path.resolve(arg('workspace', extDev));
const timeoutMs = Number(arg('timeout', '300')) * 1000;
const nodeBin = process.env.MLSEC_CODE_NODE || 'node';
const serverMain = process.env.MLSEC_VSCODE_SERVER_MAIN;
const chromiumBin = process.env.MLSEC_CHROMIUM || '/usr/bin/chromium';
const verbose = !!process.env.VSCODE_TEST_VERBOSE;
const keep = !!process.env.VSCODE_TEST_KEEP;

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const say = (msg) => console.log(`[runner] ${msg}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

class RunnerError extends Error {}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function tail(file, lines) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return `(no ${file})`;
  }
}

function findFiles(dir, name) {
  const out = [];
  const walk = (d) => {
    let entries;
    try { entries = fs.readdirSync(d, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === name) out.push(p);
    }
  };
  walk(dir);
  return out;
}

// Workbench chatter that reaches codeAutomationLog at log level info; none of it is about the
// suite (Open VSX gallery lookups fail offline, the agent host and chat services log their start).
const NOISE = new RegExp([
  '^\\[(AgentHost|AgentHost:remote|ChatModelSelection|AccountPolicyGate|Service Worker|reconnection-grace-time)\\]',
  '^Resolv(ing|ed) connection token', '^Creating a socket', '^Updating additional builtin extensions cache',
  'getaddrinfo ENOTFOUND', '^Timed out waiting for authentication provider', '^\\s+at ',
].join('|'));

async function main() {
  if (!serverMain || !fs.existsSync(serverMain)) {
    throw new RunnerError(`MLSEC_VSCODE_SERVER_MAIN not set or missing (${serverMain}); run: eval "$(bash scripts/setup-real-vscode.sh)"`);
  }
  if (!fs.existsSync(extTests)) throw new RunnerError(`extensionTestsPath ${extTests} does not exist (suite not compiled?)`);
  if (!fs.existsSync(chromiumBin)) throw new RunnerError(`Chromium not found at ${chromiumBin} (apt-get install chromium, or set MLSEC_CHROMIUM)`);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsec-vscode-'));
  const port = await freePort();
  const serverLogFile = path.join(tmp, 'server.log');
  const serverLog = fs.openSync(serverLogFile, 'w');
  // detached: the server gets its own process group, so one kill(-pid) also ends the extension
  // host and the language server it forks, even if the server itself is wedged.
  const server = spawn(nodeBin, [
    serverMain,
    '--host', '127.0.0.1', '--port', String(port),
    '--without-connection-token', '--accept-server-license-terms',
    '--enable-smoke-test-driver', '--disable-telemetry',
    '--user-data-dir', path.join(tmp, 'user-data'),
    '--server-data-dir', path.join(tmp, 'server-data'),
    '--extensions-dir', path.join(tmp, 'extensions'),
    '--log', process.env.VSCODE_TEST_LOG || 'info',
  ], {
    detached: true,
    stdio: ['ignore', serverLog, serverLog],
    // XDG dirs in tmp so nothing of the developer's own config leaks in or gets written.
    env: { ...process.env, XDG_DATA_HOME: path.join(tmp, 'xdg-data'), XDG_CONFIG_HOME: path.join(tmp, 'xdg-config') },
  });
  let serverExit = null;
  server.on('exit', (code, signal) => { serverExit = signal || code; });
  server.on('error', (e) => { serverExit = `spawn error: ${e.message}`; });

  let browser = null;
  const killServerGroup = (sig) => {
    if (serverExit === null && server.pid) {
      try { process.kill(-server.pid, sig); } catch { /* already gone */ }
    }
  };
  // Last resort on any exit path (including an uncaught error): synchronous, so it runs in 'exit'.
  process.on('exit', () => killServerGroup('SIGKILL'));
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      say(`got ${sig}, stopping`);
      cleanup().finally(() => process.exit(130));
    });
  }

  let cleaned = false;
  async function cleanup() {
    if (cleaned) return;
    cleaned = true;
    if (browser) await browser.close().catch(() => {});
    if (serverExit === null) {
      killServerGroup('SIGTERM');
      const gone = await Promise.race([new Promise((r) => server.once('exit', () => r(true))), sleep(5000).then(() => false)]);
      if (!gone) killServerGroup('SIGKILL');
    }
    // The group may outlive its leader (extension host still shutting down): make sure it's gone.
    try { process.kill(-server.pid, 'SIGKILL'); } catch { /* none left */ }
    fs.closeSync(serverLog);
    if (keep) say(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }

  const diagnose = () => {
    console.error(`--- server.log (last lines) ---\n${tail(serverLogFile, 30)}`);
    for (const f of findFiles(tmp, 'remoteexthost.log')) console.error(`--- ${path.relative(tmp, f)} (last lines) ---\n${tail(f, 30)}`);
  };

  try {
    const base = `http://127.0.0.1:${port}`;
    for (;;) {
      if (serverExit !== null) throw new RunnerError(`VS Code server exited early (${serverExit})`);
      try {
        const r = await fetch(`${base}/version`);
        if (r.ok) break;
      } catch { /* not listening yet */ }
      if (Date.now() - t0 > SERVER_START_MS) throw new RunnerError(`VS Code server did not answer within ${SERVER_START_MS / 1000}s`);
      await sleep(200);
    }
    say(`VS Code server up on ${base} after ${elapsed()}`);

    const { chromium } = require('playwright-core');
    try {
      browser = await chromium.launch({
        executablePath: chromiumBin,
        headless: true,
        // Offline CI box, often as root in a container: no sandbox, no GPU, no background fetches.
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
          '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
        timeout: 60_000,
      });
    } catch (e) {
      // playwright appends its whole call log; the first lines say what went wrong.
      throw new RunnerError(`could not launch Chromium (${chromiumBin}): ${String(e.message).split('\n').slice(0, 3).join('\n')}`);
    }
    const page = await (await browser.newContext()).newPage();

    let settle;
    const outcome = new Promise((r) => { settle = r; });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      // Console arguments arrive printf-style (e.g. ['  ✔ %s (%dms)', title, ms]).
      const line = Array.isArray(args) ? util.format(...args) : String(args);
      if (!verbose && NOISE.test(line)) return;
      (type === 'error' ? console.error : console.log)(line);
    });
    await page.exposeFunction('codeAutomationExit', (code) => settle({ code: Number(code) }));
    page.on('crash', () => settle({ error: 'the workbench page crashed' }));
    page.on('pageerror', (e) => console.error(`[browser pageerror] ${e.message}`));
    if (verbose) page.on('console', (m) => console.log(`[browser ${m.type()}] ${m.text()}`));
    browser.on('disconnected', () => settle({ error: 'Chromium disconnected' }));
    server.on('exit', () => settle({ error: `VS Code server exited during the run (${serverExit})` }));

    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p.split(path.sep).join('/')}`;
    const payload = [
      ['extensionDevelopmentPath', remote(extDev)],
      ['extensionTestsPath', remote(extTests)],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ];
    const url = `${base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    try {
      await page.goto(url, { timeout: WORKBENCH_LOAD_MS });
    } catch (e) {
      throw new RunnerError(`workbench did not load: ${e.message}`);
    }
    say(`workbench loaded after ${elapsed()}`);

    const result = await Promise.race([outcome, sleep(timeoutMs).then(() => ({ timeout: true }))]);
    if (result.timeout) {
      if (keep) await page.screenshot({ path: path.join(tmp, 'timeout.png') }).catch(() => {});
      console.error(`[runner] no result from the extension host within ${timeoutMs / 1000}s ` +
        '(suite hung, or the payload was ignored: is --enable-smoke-test-driver honoured?)');
      diagnose();
      return 124;
    }
    if (result.error) {
      console.error(`[runner] ${result.error}`);
      diagnose();
      return 1;
    }
    say(`extension tests exited with ${result.code} after ${elapsed()}`);
    if (result.code !== 0 && verbose) diagnose();
    return result.code;
  } catch (e) {
    if (e instanceof RunnerError) {
      console.error(`[runner] ERROR: ${e.message}`);
      diagnose();
      return 1;
    }
    throw e;
  } finally {
    await cleanup();
  }
}

main().then((code) => process.exit(code), (e) => {
  console.error('[runner] unexpected failure:', e);
  process.exit(1);
});
