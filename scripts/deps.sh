# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by scripts/run and scripts/test: the Debian 12 packages the project
# needs, and a function that installs the missing ones (as root) or says how.

BUILD_PACKAGES="meson ninja-build pkg-config gcc gettext libglib2.0-dev libgtk-4-dev
  libadwaita-1-dev libsqlite3-dev libxlsxwriter-dev libjson-glib-dev
  desktop-file-utils appstream fonts-noto-cjk"

TEST_PACKAGES="xvfb xauth dbus-x11 dbus at-spi2-core locales python3 python3-openpyxl
  python3-pyatspi gir1.2-atspi-2.0 python3-gi imagemagick sqlite3 clang
  libclang-rt-14-dev valgrind libreoffice-calc-nogui strace poppler-utils"

ensure_packages () {
  local missing=""
  local p
  for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing="$missing $p"
    fi
  done
  [ -z "$missing" ] && return 0

  if [ "$(id -u)" = 0 ]; then
    echo ">> installing:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing
  else
    echo "Missing Debian packages. Run this, then try again:" >&2
    echo "  sudo apt-get install$missing" >&2
    exit 1
  fi
}

ensure_zh_locale () {
  if locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
    return 0
  fi
  if [ "$(id -u)" = 0 ]; then
    echo ">> generating the zh_CN.UTF-8 locale"
    if [ -f /etc/locale.gen ] && grep -q 'zh_CN.UTF-8' /etc/locale.gen; then
      sed -i 's/^# *\(zh_CN.UTF-8 UTF-8\)/\1/' /etc/locale.gen
    else
      echo "zh_CN.UTF-8 UTF-8" >> /etc/locale.gen
    fi
    locale-gen >/dev/null
  else
    echo "The zh_CN.UTF-8 locale is missing. Run: sudo localedef -i zh_CN -f UTF-8 zh_CN.UTF-8" >&2
    exit 1
  fi
}

configure_build () {
  local dir="$1"
  shift
  if [ -f "$dir/build.ninja" ]; then
    meson configure "$dir" "$@" >/dev/null
  else
    meson setup "$dir" "$@"
  fi
}
