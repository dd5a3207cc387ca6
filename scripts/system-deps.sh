#!/usr/bin/env bash
# Debian packages Sala needs beyond Python: Pango and fonts for PDFs (Khmer shaped), poppler
# for the tests that look at PDF pages, gettext for translations, chromium for browser tests.
# Idempotent: installs only what is missing; does nothing when all is there.
set -euo pipefail
packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-core fonts-khmeros
          poppler-utils gettext)
[ "${1:-}" = "--with-browser" ] && packages+=(chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
