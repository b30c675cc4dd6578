#!/usr/bin/env bash
# On the GPU machine: the modules' test classes, each in its own JVM, PARALLEL at a time, each
# stopped after PER_CLASS_TIMEOUT seconds; a log per class and one summary line per class in
# $OUT/t (a JVM that is stopped leaves its log empty, not the others').
#   bash .gpu/tests-parallel.sh PER_CLASS_TIMEOUT PARALLEL MODULE...
# CLASSES='org.jdpx.a.BTest ...' narrows to those classes.
set -u
G=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export OUT=${OUT:-/tmp/jdpx-gpu-out}; mkdir -p "$OUT/t"
. "$G/env.sh"
export JDPX_CACHE_DIR=/tmp/jdpx-gpu/cache
cp=""; for m in "$G"/mod/*/; do cp="$cp:$m/target/classes"; done
export CP="$G/junit-console.jar:$G/mod/device/target/test-classes$cp:$G/lib/*" G
TO=$1; P=$2; shift 2
one() { m=$1; c=$2; cd "$G/mod/$m" || exit 1
  s=$(date +%s.%N)
  timeout "$TO" "$J" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xss4m -cp "target/test-classes:$CP" \
    org.junit.platform.console.ConsoleLauncher execute --select-class "$c" --details=tree --disable-banner --disable-ansi-colors > "$OUT/t/$m.$c.txt" 2>&1
  rc=$?; e=$(date +%s.%N)
  printf '%s %s rc=%s %.1fs %s\n' "$m" "$c" "$rc" "$(awk "BEGIN{print $e - $s}")" "$(grep -oE '[0-9]+ tests (successful|failed|aborted)' "$OUT/t/$m.$c.txt" | tr '\n' ' ')" >> "$OUT/t/summary.txt"
}
export -f one; export TO
for m in "$@"; do
  (cd "$G/mod/$m/target/test-classes" && find . -name '*Test.class' ! -name '*$*' | sed 's|^\./||; s|\.class$||; s|/|.|g' | sed "s|^|$m |")
done | { if [ -n "${CLASSES:-}" ]; then grep -wF "$(echo $CLASSES | tr ' ' '\n')"; else cat; fi; } > "$OUT/t/list.txt"
echo "$(wc -l < "$OUT/t/list.txt") classes"
xargs -P "$P" -L 1 bash -c 'one "$0" "$1"' < "$OUT/t/list.txt"
grep -c . "$OUT/t/summary.txt"; ! grep -v "rc=0" "$OUT/t/summary.txt"   # exit status 0: every class passed
