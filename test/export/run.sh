#!/usr/bin/env bash
# Export checks with the real programs, as CI runs them (from .ci/run). Installs what is missing from
# Debian (LibreOffice Calc and Writer without GUI, its Python-UNO bridge, poppler's pdftoppm, Chromium,
# CJK fonts, and fonts with the metrics of Calibri and Times New Roman, so that column widths and Latin
# text measure as in Office), then runs test/export/*.office.ts: the xlsx form of every seed filled in and recalculated
# by LibreOffice against `rubric score` (and one form per seed saved by LibreOffice and read back),
# the CSV template of every seed filled in and saved by LibreOffice and scored by `rubric score`, and
# the docx/pdf/html/xlsx renders of Pingdingshan and
# 慈善组织类 as PNG images in test/artifacts/export/. Every step is bounded; exits non-zero on failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
START=$(date +%s)
# shellcheck source=../lib/debian.sh
. test/lib/debian.sh
step() { echo; echo "== [$(($(date +%s) - START)) s] $*"; }
mkdir -p test/artifacts/export

step "Debian packages"
PKGS=(libreoffice-calc-nogui libreoffice-writer-nogui python3-uno poppler-utils chromium fonts-noto-cjk fonts-crosextra-carlito fonts-liberation2)
ensure_debian_packages 1500 "${PKGS[@]}"

step "build"
[ -d node_modules ] || timeout 600 npx -y pnpm@10 install --frozen-lockfile
timeout 600 npx -y pnpm@10 build

step "LibreOffice and Chromium checks (test/export/*.office.ts)"
timeout 1500 npx vitest run --config test/export/vitest.office.config.ts

step "done"
ls test/artifacts/export/*.png | head -50
