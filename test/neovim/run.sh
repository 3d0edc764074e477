#!/usr/bin/env bash
# The language server in a real Neovim (headless), configured with editors/neovim/senderguard.lua:
# `npm run test:neovim` builds first and then runs this. Installs Neovim from Debian when it is
# missing (apt needs root) and fails when it cannot. Edits a copy of examples/broken.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if ! command -v nvim >/dev/null; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "test:neovim: nvim is missing; install the Debian package neovim (needs root)" >&2
    exit 1
  fi
  echo "test:neovim: installing neovim …"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q neovim >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q neovim >/dev/null 2>&1; }
fi
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cp "$ROOT"/examples/broken/* "$WORK"/
echo "test:neovim: $(nvim --version | head -n 1)"
# --clean: no user configuration or plugins; the test sources only the project's own setup file.
SG_ROOT="$ROOT" SG_WORK="$WORK" timeout 300 nvim --headless --clean -n -c "luafile $ROOT/test/neovim/run.lua"
