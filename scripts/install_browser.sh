#!/usr/bin/env bash
# Install headless Chromium and its WebDriver (Debian packages chromium, chromium-driver) for the
# browser test of the HTML report (tests/browser/, marker `browser`).
#
# Idempotent: does nothing when both are already on PATH. Never fails the caller: where the
# packages cannot be installed (no apt-get, no root, no network) it says so and exits 0, and the
# browser test then skips with a message naming this script.
set -u

have_browser() {
    { command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; } &&
        { command -v chromedriver >/dev/null 2>&1 || [ -x /usr/lib/chromium/chromedriver ]; }
}

if have_browser; then
    echo "install_browser: chromium and chromedriver already installed"
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install_browser: apt-get not available; install Chromium and chromedriver by hand" >&2
    echo "install_browser: the browser test will be skipped" >&2
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        SUDO="sudo -n"
    else
        echo "install_browser: need root (or password-less sudo) to apt-get install chromium" >&2
        echo "install_browser: the browser test will be skipped" >&2
        exit 0
    fi
fi

export DEBIAN_FRONTEND=noninteractive
echo "install_browser: apt-get install chromium chromium-driver (this takes a while)"
if $SUDO apt-get update -q >/dev/null &&
    $SUDO apt-get install -y -q chromium chromium-driver >/dev/null; then
    :
else
    echo "install_browser: apt-get failed; the browser test will be skipped" >&2
    exit 0
fi

if have_browser; then
    echo "install_browser: installed $(chromium --version 2>/dev/null | head -n 1)"
else
    echo "install_browser: packages installed but chromium/chromedriver not found on PATH" >&2
fi
exit 0
