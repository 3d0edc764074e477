#!/usr/bin/env bash
# Installs what the end-to-end tests need to run a real VS Code headless:
#   - Debian packages: chromium (the browser that opens the workbench), ripgrep, and the
#     toolchain + -dev headers that code-server's native modules build against;
#   - code-server (VS Code 1.100.3 as a server) and playwright-core, into .e2e/tools/ (ignored).
# Idempotent: a second run only checks and returns within a second or two.
# Run as root on a fresh machine (apt). Set E2E_SETUP_VERBOSE=1 to see the full install output.
set -Eeuo pipefail

CODE_SERVER_VERSION=4.100.3
PLAYWRIGHT_RANGE=1
# code-server's @vscode/ripgrep postinstall looks for this exact archive in its cache first.
RG_CACHE_NAME=vscode-ripgrep-cache-1.15.11
RG_ARCHIVE=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
APT_PACKAGES=(chromium ripgrep build-essential python3 pkg-config libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev)

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
E2E="$ROOT/.e2e"
TOOLS="$E2E/tools"
LOGS="$E2E/logs"
STAMP="$TOOLS/.installed"
# Native modules are built for the running Node: a different Node means a reinstall.
STAMP_TEXT="code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_RANGE node@$(node -v)"

mkdir -p "$LOGS"
# Keep the logs of the last few setups only.
{ ls -1t "$LOGS"/setup-*.log 2>/dev/null || true; } | tail -n +6 | xargs -r rm -f
LOG="$LOGS/setup-$(date +%Y%m%d-%H%M%S)-$$.log"
STEP="starting"
start_s=$SECONDS

say() { printf 'e2e-setup: %s\n' "$*"; }

fail() {
  local status=$?
  {
    printf '\ne2e-setup: FAILED during: %s (exit %s)\n' "$STEP" "$status"
    if [[ -s "$LOG" ]]; then
      printf 'e2e-setup: last lines of %s:\n' "$LOG"
      tail -n 40 "$LOG" | sed 's/^/    /'
    fi
    printf 'e2e-setup: full log: %s\n' "$LOG"
  } >&2
  ((status)) || status=1
  exit "$status"
}
trap fail ERR

# Runs a command with its output in the log (or on the terminal when verbose).
run_logged() {
  if [[ "${E2E_SETUP_VERBOSE:-}" == 1 ]]; then
    "$@" 2>&1 | tee -a "$LOG"
    return "${PIPESTATUS[0]}"
  fi
  "$@" >>"$LOG" 2>&1
}

# --- Debian packages -------------------------------------------------------------------------
STEP="checking Debian packages"
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]})); then
  if [[ "$(id -u)" != 0 ]]; then
    printf 'e2e-setup: FAILED: missing Debian packages: %s\n' "${missing[*]}" >&2
    printf 'e2e-setup: run this script as root, or install them: apt-get install -y %s\n' "${missing[*]}" >&2
    exit 1
  fi
  say "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  STEP="apt-get update"
  run_logged apt-get update
  STEP="apt-get install ${missing[*]}"
  run_logged apt-get install -y -o Dpkg::Use-Pty=0 "${missing[@]}"
fi
for exe in /usr/bin/chromium /usr/bin/rg; do
  [[ -x "$exe" ]] || { STEP="checking $exe"; echo "e2e-setup: $exe is missing after the apt step" >>"$LOG"; false; }
done

# --- code-server + playwright-core -----------------------------------------------------------
code_server_ok() {
  [[ -f "$STAMP" && "$(cat "$STAMP")" == "$STAMP_TEXT" ]] || return 1
  [[ -x "$TOOLS/node_modules/.bin/code-server" ]] || return 1
  [[ -f "$TOOLS/node_modules/playwright-core/package.json" ]] || return 1
  [[ -f "$TOOLS/node_modules/code-server/lib/vscode/out/server-main.js" ]] || return 1
}

if ! code_server_ok; then
  say "installing code-server@$CODE_SERVER_VERSION and playwright-core@$PLAYWRIGHT_RANGE into .e2e/tools (about 2 minutes)"
  STEP="preparing $TOOLS"
  rm -rf "$TOOLS"
  mkdir -p "$TOOLS"
  # A private TMPDIR: the ripgrep cache lives there and nothing is left in /tmp.
  SETUP_TMP="$E2E/setup-tmp"
  rm -rf "$SETUP_TMP"
  mkdir -p "$SETUP_TMP/$RG_CACHE_NAME" "$SETUP_TMP/rg"
  STEP="seeding the ripgrep cache from /usr/bin/rg"
  cp /usr/bin/rg "$SETUP_TMP/rg/rg"
  tar czf "$SETUP_TMP/$RG_CACHE_NAME/$RG_ARCHIVE" -C "$SETUP_TMP/rg" rg
  cat >"$TOOLS/package.json" <<'JSON'
{
  "name": "sender-guard-e2e-tools",
  "private": true,
  "description": "code-server and playwright-core for the end-to-end tests (installed by scripts/e2e-setup.sh)"
}
JSON
  STEP="npm install code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_RANGE"
  cd "$TOOLS"
  # unsafe_perm: code-server's postinstall refuses to run as root otherwise.
  # yes: node-pty's build runs `npx node-gyp`, which would otherwise ask and abort.
  run_logged env TMPDIR="$SETUP_TMP" \
    npm_config_unsafe_perm=true npm_config_yes=true npm_config_update_notifier=false \
    npm install --no-audit --no-fund "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_RANGE"
  cd "$ROOT"
  STEP="checking the code-server install"
  # (with its config and data kept in the private TMPDIR, not in ~/.config)
  version="$(XDG_CONFIG_HOME="$SETUP_TMP/xdg" XDG_DATA_HOME="$SETUP_TMP/xdg" \
    "$TOOLS/node_modules/.bin/code-server" --version 2>>"$LOG" | grep -E '^[0-9]+\.[0-9]+\.[0-9]+ ' || true)"
  echo "code-server --version: $version" >>"$LOG"
  [[ "$version" == "$CODE_SERVER_VERSION "* ]] || { echo "unexpected code-server version: '$version'" >>"$LOG"; false; }
  [[ -f "$TOOLS/node_modules/code-server/lib/vscode/out/server-main.js" ]] || { echo "code-server has no lib/vscode (postinstall did not run?)" >>"$LOG"; false; }
  rm -rf "$SETUP_TMP"
  printf '%s' "$STAMP_TEXT" >"$STAMP"
fi

# The log of a setup that had nothing to do is noise.
[[ -s "$LOG" ]] || rm -f "$LOG"
say "ready (code-server $CODE_SERVER_VERSION, $(/usr/bin/chromium --version 2>/dev/null | head -n 1)) in $((SECONDS - start_s)) s"
