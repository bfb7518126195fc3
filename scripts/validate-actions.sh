#!/usr/bin/env bash
# Validates action.yml and every workflow against GitHub's schemas with @action-validator/cli.
# Its 0.6.0 schema predates node24, so action.yml is validated with only that value swapped.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed 's/^\(  using: \)'"'"'node24'"'"'$/\1'"'"'node20'"'"'/' action.yml > "$tmp/action.yml"
grep -q "using: 'node20'" "$tmp/action.yml" || { echo "action.yml: expected using: 'node24'" >&2; exit 1; }
npx action-validator "$tmp/action.yml"
for workflow in .github/workflows/*.yml; do
  npx action-validator "$workflow"
done
# The README's complete workflow examples (yaml blocks with a jobs: key).
node -e '
  const fs = require("fs");
  const blocks = [...fs.readFileSync("README.md", "utf8").matchAll(/```yaml\n([\s\S]*?)```/g)].map(m => m[1]);
  blocks.filter(b => /^jobs:/m.test(b)).forEach((b, i) => fs.writeFileSync(`${process.argv[1]}/readme-workflow-${i + 1}.yml`, b));
' "$tmp"
for workflow in "$tmp"/readme-workflow-*.yml; do
  npx action-validator "$workflow"
done
echo "action.yml, $(ls .github/workflows/*.yml | wc -l) workflow(s) and $(ls "$tmp"/readme-workflow-*.yml | wc -l) README workflow(s) are valid"
