#!/usr/bin/env bash
# The scan step of action.yml: runs the built CLI on INPUT_PATH, writes SARIF to INPUT_SARIF_FILE, sets outputs, fails per INPUT_FAIL_ON.
# Env (from action.yml inputs): INPUT_PATH, INPUT_SARIF_FILE, INPUT_MIN_SEVERITY, INPUT_FAIL_ON (findings|never), INPUT_ARGS;
# MLSEC_CLI (the built server/out/cli.js); GITHUB_OUTPUT (optional: where outputs go).
set -uo pipefail
cli="${MLSEC_CLI:?MLSEC_CLI must name server/out/cli.js}"
sarif="${INPUT_SARIF_FILE:-mlsec.sarif}"
# INPUT_ARGS is split on whitespace on purpose (extra flags such as `--exclude tests/**`), never evaluated.
read -r -a extra <<< "${INPUT_ARGS:-}"
node "$cli" scan "${INPUT_PATH:-.}" --format sarif --output "$sarif" --min-severity "${INPUT_MIN_SEVERITY:-warning}" "${extra[@]}"
code=$?
if [ "$code" -ge 2 ]; then
  echo "::error::mlsec could not complete the scan (exit $code)"
  exit "$code"
fi
results="$(node -e 'const s=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));console.log(s.runs.reduce((n,r)=>n+(r.results||[]).length,0))' "$sarif")"
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  { echo "sarif-file=$sarif"; echo "results=$results"; } >> "$GITHUB_OUTPUT"
fi
echo "mlsec: $results results in $sarif"
# Upload happens in the next step either way; this step's outcome decides whether the job fails.
if [ "$code" -eq 1 ] && [ "${INPUT_FAIL_ON:-findings}" = "findings" ]; then
  echo "::error::mlsec found problems at or above ${INPUT_MIN_SEVERITY:-warning} (see the code scanning alerts)"
  exit 1
fi
exit 0
