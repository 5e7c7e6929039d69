#!/usr/bin/env bash
# Measures the packaged app (build it first: see installer/README.md):
#   - start to first window: the GUI launcher, started headless on the installed demo, until
#     JavaFX creates its first window (the JVM logs the load of the headless glass window class,
#     which happens in Stage.show()); wall clock from the launcher's start, polled every 20 ms;
#   - `lcw screenshot` and `lcw status` wall clock;
#   - the CPU seconds (user + system) of each, which a busy machine inflates far less than the
#     wall clock;
#   - the app-image's size.
# Each timing is taken RUNS times (default 5) after one warm-up; prints min / median.
# Usage: installer/measure-startup.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-5}"
APP="installer/target/jpackage/LabelCritic"
[ -x "$APP/bin/LabelCritic" ] || { echo "measure-startup: build the app-image first (installer/README.md)" >&2; exit 1; }
APP="$(cd "$APP" && pwd)"

WORK="$(mktemp -d)"
GUI_PID=""
cleanup() {
  [ -n "$GUI_PID" ] && kill "$GUI_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
unset LCW_DATA_DIR
export XDG_DATA_HOME="$WORK/xdg"
export JAVA_TOOL_OPTIONS="-Duser.home=$WORK/home"
DB="$XDG_DATA_HOME/labelcritic/demo.db"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", b - a}'; }
# "wall/cpu wall/cpu ..." -> min and median of each.
stats() {
  local xs
  xs="$(tr ' ' '\n' | sed '/^$/d')"
  wall=$(echo "$xs" | cut -d/ -f1 | sort -n | awk '{v[NR]=$1} END {printf "min %.2f s, median %.2f s", v[1], v[int((NR+1)/2)]}')
  cpu=$(echo "$xs" | cut -d/ -f2 | sort -n | awk '{v[NR]=$1} END {printf "median %.2f CPU-s (%d runs)", v[int((NR+1)/2)], NR}')
  echo "wall $wall; $cpu"
}

t0=$(now)
"$APP/bin/lcw" demo >/dev/null 2>&1
first_install=$(elapsed "$t0" "$(now)")

first_window() {
  local log="$WORK/classes.log" t start
  rm -f "$log"
  start=$(now)
  JAVA_TOOL_OPTIONS="-Duser.home=$WORK/home -Dglass.platform=Headless -Dprism.order=sw -Xlog:class+load=info:file=$log" \
    "$APP/bin/LabelCritic" >/dev/null 2>&1 &
  GUI_PID=$!
  for _ in $(seq 1 3000); do
    if [ -f "$log" ] && grep -q 'com.sun.glass.ui.headless.HeadlessWindow ' "$log"; then
      t=$(elapsed "$start" "$(now)")
      cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$GUI_PID/stat")
      break
    fi
    kill -0 "$GUI_PID" 2>/dev/null || break
    sleep 0.02
  done
  kill "$GUI_PID" 2>/dev/null || true
  wait "$GUI_PID" 2>/dev/null || true
  GUI_PID=""
  [ -n "${t:-}" ] || { echo "measure-startup: the GUI launcher showed no window" >&2; exit 1; }
  echo "$t/$cpu"
}

timed() {
  /usr/bin/env time -f "%e/%U/%S" -o "$WORK/time.txt" "$@" >/dev/null 2>&1
  awk -F/ '{printf "%.2f/%.2f", $1, $2 + $3}' "$WORK/time.txt"
}

first_window >/dev/null # warm-up (file cache)
windows=""
shots=""
statuses=""
for _ in $(seq 1 "$RUNS"); do
  windows="$windows $(first_window)"
  shots="$shots $(timed "$APP/bin/lcw" screenshot --db "$DB" --out "$WORK/w.png")"
  statuses="$statuses $(timed "$APP/bin/lcw" status --db "$DB")"
done

# The same commands run the way ./lcw runs them (the build's JDK, class path app/target/lib), for
# comparison, when that build output is there.
JAR="$(ls app/target/labelcritic-app-*.jar 2>/dev/null | head -1 || true)"
if [ -n "$JAR" ] && [ -d app/target/lib ] && [ -n "${JAVA_HOME:-}" ]; then
  plain=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$JAR:app/target/lib/*" org.labelcritic.app.Main)
  plain_shots=""
  plain_statuses=""
  for _ in $(seq 1 "$RUNS"); do
    plain_shots="$plain_shots $(timed "${plain[@]}" screenshot --db "$DB" --out "$WORK/p.png")"
    plain_statuses="$plain_statuses $(timed "${plain[@]}" status --db "$DB")"
  done
fi

echo "date:            $(date -u +%Y-%m-%d), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "app-image:       $(du -sb "$APP" | awk '{printf "%.1f MB", $1 / 1e6}') (runtime $(du -sb "$APP/lib/runtime" | awk '{printf "%.1f MB", $1 / 1e6}'))"
echo "first start:     lcw demo (creates the data folder, installs the demo) $first_install s"
echo "first window:    $(echo "$windows" | stats)"
echo "lcw screenshot:  $(echo "$shots" | stats)"
echo "lcw status:      $(echo "$statuses" | stats)"
if [ -n "${plain_shots:-}" ]; then
  echo "./lcw-style screenshot: $(echo "$plain_shots" | stats)"
  echo "./lcw-style status:     $(echo "$plain_statuses" | stats)"
fi
