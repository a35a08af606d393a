#!/usr/bin/env bash
# What the tests need beyond npm, from Debian's packages: poppler (pdftotext,
# pdffonts, pdfinfo), qpdf, pdfminer.six (pdf2txt, an extractor the accuracy
# harness scores) and a Chromium. Installed when missing and we can
# (root with apt-get); otherwise a message says what to install.
set -euo pipefail
need=()
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || need+=(qpdf)
command -v pdf2txt >/dev/null 2>&1 || need+=(python3-pdfminer)
# The browser for the proof sheet and the cross-engine check, unless puppeteer has its own or one is named.
if [ -z "${PUPPETEER_EXECUTABLE_PATH:-}" ] && ! ls "${HOME:-/root}"/.cache/puppeteer/chrome* >/dev/null 2>&1; then
  command -v chromium >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1 || need+=(chromium)
fi
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing ${need[*]} (Debian packages the tests use)" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  echo "the tests need ${need[*]}: install them with your package manager (e.g. sudo apt-get install ${need[*]})" >&2
  exit 1
fi
