#!/usr/bin/env bash
# Installs what livechat-rtm needs to build and test on Debian 12, only where it is missing.
# Idempotent: a second run installs nothing. Needs root (or sudo) for apt-get.
set -euo pipefail

packages=(
    g++ cmake make
    libboost1.81-dev          # Beast + Asio + System, header-only use; never plain libboost-dev (1.74)
    libssl-dev                # OpenSSL 3
    nlohmann-json3-dev        # JSON 3.11
    libgtest-dev libgmock-dev # GoogleTest 1.12
    openssl                   # the mock server's test certificate is generated at build time
    ca-certificates           # system trust store for wss:// to the real service
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}"
    sudo_cmd=()
    if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo_cmd[@]}" apt-get update -qq
    "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
    echo "setup: all packages present"
fi
