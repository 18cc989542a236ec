#!/usr/bin/env bash
# Renders every page and dialog of engage-admin in Japanese and English to
# docs/screenshots/*.png, under Xvfb, against the real demo service:
#
#   docs/screenshots/render.sh [BUILD_DIR]    (default: build/dev)
#
# Needs xvfb-run (package xvfb) and a Japanese font (fonts-noto-cjk), or the
# Japanese screenshots show empty boxes.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build/dev}
out=$root/docs/screenshots

command -v xvfb-run >/dev/null || { echo "render.sh: xvfb-run is missing (apt-get install xvfb)" >&2; exit 1; }
if [ -z "$(fc-list :lang=ja family)" ]; then
  echo "render.sh: no Japanese font (apt-get install fonts-noto-cjk)" >&2
  exit 1
fi

cmake --build "$build" --target engage_screenshots engage-server >/dev/null

export ENGAGE_BIN_DIR=$build/bin
# Qt's own strings (button boxes) in the language shown, whatever the host's.
export LANG=C.UTF-8
# A private session bus and keyring, as the tests use: sign-in keeps its
# refresh token there and nothing touches the user's own keychain.
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
XDG_DATA_HOME=$keyring_home xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- bash -c '
  echo -n engage-screenshots | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  "$0" "$1"
' "$build/bin/engage_screenshots" "$out"

# Anything over 100 KB is worth a look before it is committed.
find "$out" -name '*.png' -size +100k -printf 'render.sh: %p is %k KB\n' >&2
