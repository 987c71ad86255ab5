#!/bin/sh
# Installs the Debian packages dyad needs to build and test, when they are missing.
set -e
PKGS="gcc make pkg-config libutf8proc-dev libcjson-dev libsqlite3-dev libxxhash-dev libmicrohttpd-dev libpq-dev sqlite3 curl wrk clang libclang-rt-14-dev valgrind check libsubunit-dev"
missing=""
for p in $PKGS; do
    dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
command -v npm > /dev/null 2>&1 || missing="$missing nodejs npm"
[ -z "$missing" ] && exit 0
echo "dyad: installing Debian packages:$missing" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends $missing
