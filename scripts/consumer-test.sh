#!/usr/bin/env bash
# jdpx as a dependency, tested as a user meets it: installs jdpx with README's command into a
# temporary local repository, runs `mvn test` in examples/consumer (a stand-alone project that
# imports jdpx-bom), then compiles examples/modular and starts it on the module path.
# The temporary repository links every artifact of the usual one (~/.m2/repository, or
# $JDPX_M2_REPO) except org/jdpx, so nothing is downloaded twice and jdpx never lands there.
# Called by run-tests.sh; alone: scripts/consumer-test.sh [device filter for the modular app].
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
. scripts/jdk.sh
jdpx_find_java || exit 1

shared=${JDPX_M2_REPO:-$HOME/.m2/repository}
work=$(mktemp -d "${TMPDIR:-/tmp}/jdpx-consumer.XXXXXX")
trap 'rm -rf "$work"' EXIT
repo=$work/repository
mkdir -p "$repo/org"
shopt -s nullglob
for e in "$shared"/*; do [ "${e##*/}" = org ] || ln -s "$e" "$repo/"; done
for e in "$shared"/org/*; do [ "${e##*/}" = jdpx ] || ln -s "$e" "$repo/org/"; done
shopt -u nullglob
mvn_local=(mvn -B -ntp -Dmaven.repo.local="$repo")

# README's program is examples/consumer's Hello.java (without its package line), word for word.
hello=examples/consumer/src/main/java/com/example/consumer/Hello.java
if ! diff <(awk '/^```java$/ {b = ""; inb = 1; next} /^```$/ {if (inb && b ~ /public class Hello/) printf "%s", b; inb = 0; next} inb {b = b $0 "\n"}' README.md) \
          <(tail -n +3 "$hello") >&2; then
  echo "consumer-test: README's program differs from $hello (above); make them the same" >&2
  exit 1
fi

start=$SECONDS
echo "consumer-test: installing jdpx into $repo (mvn -DskipTests install)"
"${mvn_local[@]}" -q -DskipTests install
echo "consumer-test: installed in $((SECONDS - start)) s; running examples/consumer's mvn test"
(cd examples/consumer && "${mvn_local[@]}" test)
echo "consumer-test: examples/modular on the module path"
(cd examples/modular && "${mvn_local[@]}" -q compile)
# The modules that call native code (JOCL, the Level Zero backend, USM); README gives the same list.
out=$("$JDPX_JAVA" --enable-native-access=jocl,org.jdpx.device,org.jdpx.usm \
  -p examples/modular/target/classes:examples/modular/target/lib \
  -m com.example.modular/com.example.modular.Main "${1:-gpu:0}" 2>&1) || { echo "$out"; exit 1; }
echo "$out"
if grep -q "restricted method" <<<"$out"; then
  echo "consumer-test: the modular application printed native-access warnings; the module list above is incomplete" >&2
  exit 1
fi
echo "consumer-test: passed in $((SECONDS - start)) s"
