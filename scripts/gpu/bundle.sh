#!/usr/bin/env bash
# Builds .gpu/ for a GPU machine that has a driver but no JDK, Maven or network, small enough for
# the device tool (the checkout and its carried paths must stay under 64 MiB):
#   bash scripts/gpu/bundle.sh        # from the project root; then carry .gpu and run
#   bash .gpu/session.sh              # there (see session.sh for its settings)
# It runs the shared make-bundle.sh ($JDPX_GPU_KIT, default ../shared/gpu) with a JDK image that
# also has jdk.jfr and the compiler (tests use both), drops the jars only Spark needs (the
# distributed rows then fail with NoClassDefFoundError there), packs jars and classes into one xz
# archive, and adds this folder's scripts.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd); cd "$root"
kit=${JDPX_GPU_KIT:-$root/../shared/gpu}
[ -f "$kit/make-bundle.sh" ] || { echo "bundle: no make-bundle.sh in $kit (set JDPX_GPU_KIT)" >&2; exit 1; }
. scripts/jdk.sh; jdpx_find_java
G=$root/.gpu; mkdir -p "$G"
if [ ! -s "$G/jdk.tar.xz" ] || [ ! -f "$G/.jdk-with-jfr" ]; then
  echo "bundle: jlink (with jdk.jfr and jdk.compiler) + xz, about a minute"
  t=$(mktemp -d)
  "$JDPX_JAVA_HOME/bin/jlink" --add-modules java.base,java.desktop,java.sql,java.logging,java.management,jdk.management,jdk.unsupported,jdk.incubator.vector,jdk.zipfs,jdk.jfr,java.compiler,jdk.compiler \
      --strip-debug --no-header-files --no-man-pages --output "$t/jdk" 2>/dev/null
  tar -C "$t" -cf - jdk | xz -T0 -6 > "$G/jdk.tar.xz"; rm -rf "$t"; touch "$G/.jdk-with-jfr"
fi
rm -rf "$G/lib" "$G/mod"
bash "$kit/make-bundle.sh"
# The jars below jdpx-distributed in the CLI's dependency tree (Spark, Hadoop, Netty, ...), kept
# when another branch needs them (Jackson).
tree=$(mktemp)
mvn -B -q -o -ntp dependency:tree -pl cli -DoutputFile="$tree" >/dev/null
awk '/jdpx-distributed/ {d = index($0, "+-") + index($0, "\\-"); on = 1; next}
     on { i = index($0, "+-") + index($0, "\\-"); if (i <= d) exit; print }' "$tree" \
  | grep -o '[A-Za-z0-9_.-]*:[A-Za-z0-9_.-]*:jar:[A-Za-z0-9_.:-]*' | awk -F: '{print $2 "-" (NF >= 6 ? $5 : $4)}' \
  | grep -v '^jackson-\(core\|databind\|annotations\)-' \
  | while read -r j; do rm -f "$G/lib/$j".jar "$G/lib/$j"-*.jar; done
rm -f "$tree" "$G"/lib/scala-library-*.jar "$G"/lib/netty-*.jar
rm -rf "$G/mod/interop" "$G/mod/perf"          # not among the modules session.sh tests
tar -C "$G" -cf - lib mod | xz -T0 -6 > "$G/payload.tar.xz"; rm -rf "$G/lib" "$G/mod"
cp scripts/gpu/env.sh scripts/gpu/session.sh scripts/gpu/tests-parallel.sh scripts/gpu/gemm-sweep.sh scripts/gpu/gemv-sweep.sh "$G/"
echo "bundle: $(du -sh "$G" | cut -f1) in .gpu, $(git ls-files -z | du -cb --files0-from=- | tail -1 | cut -f1) bytes of tracked files"
