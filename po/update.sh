#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Re-syncs the translations with the sources, in one command:
#  1. regenerates po/assessor-workbench.pot from the files in po/POTFILES.in
#     and merges it into every po/<lang>.po of po/LINGUAS
#     (meson compile assessor-workbench-update-po);
#  2. reports, per language, the counts from msgfmt --statistics and lists the
#     untranslated and fuzzy messages to work on;
#  3. runs the template check of the test suite, which also names source files
#     that mark strings but are missing from po/POTFILES.in.
# Usage: po/update.sh [BUILD_DIR]   (default: build; set up if missing)
# Exit status: 0 every language complete; 1 something is left to translate.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"

if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build"
fi
meson compile -C "$build" assessor-workbench-update-po >/dev/null
echo "po/assessor-workbench.pot: $(grep -c '^msgid ' po/assessor-workbench.pot) entries (header included)"

complete=1
for lang in $(sed -e 's/#.*//' po/LINGUAS); do
  po="po/$lang.po"
  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1)
  echo "$po: $stats"
  case "$stats" in
    *untranslated*|*fuzzy*)
      complete=0
      echo "  to translate or review:"
      msgattrib --no-obsolete --untranslated "$po" | msgcat --no-wrap - 2>/dev/null \
        | sed -n 's/^msgid "\(..*\)"$/    untranslated: \1/p'
      msgattrib --no-obsolete --only-fuzzy "$po" | msgcat --no-wrap - 2>/dev/null \
        | sed -n 's/^msgid "\(..*\)"$/    fuzzy: \1/p'
      ;;
  esac
done

if ! AWB_SOURCE_ROOT="$PWD" /usr/bin/python3 tests/i18n/test_template.py >/dev/null; then
  complete=0
fi
if [ "$complete" = 1 ]; then
  echo "every language is complete"
  exit 0
fi
echo "translations are incomplete: edit po/<lang>.po (terms: po/TERMINOLOGY.md), then rerun"
exit 1
