#!/usr/bin/env bash
# Install everything Laoke needs on Debian/Ubuntu: Qt's system libraries, a CJK font, a venv with the app.
# Safe to run again; it only adds what is missing.
# `--server` (or LAOKE_SERVER=1) adds team mode: Debian's PostgreSQL server and the psycopg driver, for a
# shop's own server and for the tests that run against a throw-away one.
set -euo pipefail
cd "$(dirname "$0")/.."

SERVER=${LAOKE_SERVER:-0}
for argument in "$@"; do
  case "$argument" in
    --server) SERVER=1 ;;
    *) echo "usage: scripts/install.sh [--server]" >&2; exit 2 ;;
  esac
done

SYSTEM_PACKAGES=(
  python3 python3-venv python3-pip
  # Qt offscreen and on X11 (PySide6 wheels bring Qt itself, not these)
  libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1
  fonts-wqy-microhei  # Chinese glyphs; without a CJK font they draw as boxes
  xvfb xauth          # a real X display for the window test (tests/real_window), headless
  binutils            # objdump, for building the installer with PyInstaller
)
# The server (initdb, pg_ctl, pg_dump, pg_restore in /usr/lib/postgresql/N/bin); Debian's package does not
# start a cluster where services are not run, and Laoke's tests start their own.
if [ "$SERVER" = 1 ]; then SYSTEM_PACKAGES+=(postgresql); fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for package in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
extras=dev
if [ "$SERVER" = 1 ]; then extras=dev,server; fi
.venv/bin/python -m pip install --quiet -e ".[$extras]"
echo "Laoke is installed. Open it with: .venv/bin/python main.py"
