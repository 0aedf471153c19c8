#!/usr/bin/env bash
# Runs the e2e suite (test/e2e) inside a real VS Code: installs the harness if needed, builds, compiles the suite, runs it on a temp copy of the fixtures.
#
# Env: MLSEC_E2E_TIMEOUT (seconds for the whole suite, default 300), MLSEC_E2E_GREP (run only the
# tests whose title matches), plus the runner's VSCODE_TEST_KEEP / VSCODE_TEST_VERBOSE /
# VSCODE_TEST_LOG (see test/e2e/run-vscode-tests.js).
set -euo pipefail
cd "$(dirname "$0")/.."

# Setup prints only `export ...` lines on stdout; a failed setup stops here (set -e on the subshell).
exports="$(bash scripts/setup-real-vscode.sh)"
eval "$exports"

# The extension under test is the repo itself (package.json main = client/out/extension.js).
# esbuild takes well under a second, and building here keeps `npm run test:vscode` honest on its own.
npm run --silent build
[ -f client/out/extension.js ] || { echo "test-real-vscode: client/out/extension.js was not built (client/src/extension.ts missing?)" >&2; exit 1; }

rm -rf test/e2e/out
npx --no-install tsc -p test/e2e/tsconfig.json

# The suite edits files (the quick fix), so it works on a throwaway copy of the fixtures.
ws="$(mktemp -d "${TMPDIR:-/tmp}/mlsec-e2e-ws.XXXXXX")"
trap 'rm -rf "$ws"' EXIT
cp -R test/e2e/workspace/. "$ws/"

set +e
node test/e2e/run-vscode-tests.js \
  --extensionDevelopmentPath="$PWD" \
  --extensionTestsPath="$PWD/test/e2e/out/suite/index.js" \
  --workspace="$ws" \
  --timeout="${MLSEC_E2E_TIMEOUT:-300}"
code=$?
set -e
exit "$code"
