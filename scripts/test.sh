#!/usr/bin/env bash
# npm test: build, type-check, lint, unit + protocol tests (node --test), then the real-VS-Code suite.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent build
npx tsc -b
npx eslint .
node scripts/run-node-tests.mjs
if [ -f scripts/test-real-vscode.sh ] && [ "${MLSEC_SKIP_VSCODE:-}" != 1 ]; then
  bash scripts/test-real-vscode.sh
fi
