#!/usr/bin/env bash
# Installs what capsim needs from Debian's packages when it is missing: GSL (libgsl-dev) and pkg-config.
set -euo pipefail
if pkg-config --exists gsl 2>/dev/null; then
  exit 0
fi
echo "capsim: installing libgsl-dev and pkg-config (GNU Scientific Library)..." >&2
sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
$sudo_cmd apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq libgsl-dev pkg-config >/dev/null
pkg-config --exists gsl
