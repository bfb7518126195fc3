#!/usr/bin/env bash
# npm run local-action: runs src/action/main.ts under GitHub's @github/local-action with the inputs in .env
# (copy .env.example), then prints the job summary the run wrote. local-action stands in for
# @actions/core, so it shows exactly what goes through it: log, annotations, outputs, summary.
set -euo pipefail
cd "$(dirname "$0")/.."
env_file="${1:-.env}"
if [ ! -f "$env_file" ]; then
  echo "No $env_file: cp .env.example .env, start the stand-in with npm run stand-in, then run this again." >&2
  exit 2
fi
summary="${GITHUB_STEP_SUMMARY:-$(mktemp -t local-action-summary.XXXXXX.md)}"
export GITHUB_STEP_SUMMARY="$summary"
# local-action calls `npm exec tsx`; answering yes keeps it from stopping at a prompt.
npm_config_yes=true npx --no-install local-action . src/action/main.ts "$env_file"
echo
echo "================================================================================"
echo "                          Job summary ($summary)"
echo "================================================================================"
cat "$summary"
