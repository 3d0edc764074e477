#!/usr/bin/env bash
# End-to-end tests in a real VS Code (code-server + headless chromium). `npm run test:e2e` builds
# first and then runs this. Installs what is missing (scripts/e2e-setup.sh; apt needs root),
# then runs the suite through scripts/e2e-launch.mjs and exits with the suite's status.
# Environment: E2E_TIMEOUT_MS, E2E_GREP, E2E_KEEP_RUNS, E2E_VERBOSE, E2E_EXTENSION, E2E_VSIX,
# E2E_UPDATE_IMAGES, E2E_TRACE (see scripts/e2e-launch.mjs and test/e2e/README.md).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
bash scripts/e2e-setup.sh
exec node scripts/e2e-launch.mjs "$@"
