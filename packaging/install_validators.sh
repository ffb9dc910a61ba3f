#!/bin/sh
# Best effort: install the official desktop-file and AppStream validators so that
# tests/unit/test_desktop_files.py runs them too. Never fails the build: without them the
# tests still check the essentials in Python and warn that the validator did not run.
command -v desktop-file-validate >/dev/null 2>&1 && command -v appstreamcli >/dev/null 2>&1 && exit 0
command -v apt-get >/dev/null 2>&1 || exit 0
[ "$(id -u)" = 0 ] || exit 0
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq desktop-file-utils appstream >/dev/null 2>&1 \
  || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq desktop-file-utils appstream >/dev/null 2>&1; } \
  || echo "note: could not install desktop-file-utils/appstream; desktop file checks run in Python only"
exit 0
