#!/usr/bin/env bash
# Install the Debian packages the app and its test suite use.
#   scripts/install-system-deps.sh        everything the tests use: PostgreSQL server, Chromium
#                                          (the browser for page tests), its headless shell (which
#                                          prints the PDFs), poppler-utils, Node.js with npm (for
#                                          ESLint and Stylelint), LibreOffice Writer without its
#                                          GUI (exports the Word resumes the import is tested on)
#   scripts/install-system-deps.sh run    only what the app itself needs: the headless shell
# Skips what is already there; needs root (or sudo) only when something is missing.
set -euo pipefail

say() { printf '==> %s\n' "$*" >&2; }

missing=()
[ -x /usr/lib/chromium/chromium-headless-shell ] || missing+=(chromium-headless-shell)
if [ "${1:-}" != run ]; then
  ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
  command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
fi

if [ ${#missing[@]} -eq 0 ]; then
  say "system packages present"
  exit 0
fi

sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
say "installing ${missing[*]} from Debian's packages"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# The packaged cluster is not used (tests start their own on loopback); keep it from holding 5432.
if [[ " ${missing[*]} " == *" postgresql "* ]] && command -v pg_lsclusters >/dev/null 2>&1; then
  $sudo pg_ctlcluster --skip-systemctl-redirect "$(pg_lsclusters -h | awk 'NR==1{print $1}')" main stop 2>/dev/null || true
fi
say "system packages installed"
