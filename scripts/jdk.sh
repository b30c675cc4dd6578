# Sourced by ./jdpx and ./run-tests.sh: finds a JDK 25 or newer without the user setting anything.
# Sets JDPX_JAVA to its java binary, or prints what to install and returns 1.

jdpx_java_feature() { # prints the feature version of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1
}

jdpx_find_java() {
  local candidates=() c v best="" bestv=0
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  for c in /usr/lib/jvm/*/bin/java /opt/java/*/bin/java /opt/*jdk*/bin/java "$HOME"/.sdkman/candidates/java/*/bin/java; do
    [ -x "$c" ] && candidates+=("$c")
  done
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  for c in "${candidates[@]}"; do
    v=$(jdpx_java_feature "$c")
    v=${v%%.*}
    if [ -n "$v" ] && [ "$v" -ge 25 ] 2>/dev/null && [ "$v" -gt "$bestv" ]; then best=$c; bestv=$v; fi
  done
  if [ -z "$best" ]; then
    echo "jdpx needs a JDK 25 or newer and found none (looked at \$JAVA_HOME, /usr/lib/jvm, /opt and the java on PATH)." >&2
    echo "Install one, e.g. 'apt-get install temurin-25-jdk' (Adoptium repository) or a JDK 25 tarball, then run this again." >&2
    return 1
  fi
  JDPX_JAVA=$best
  JDPX_JAVA_HOME=$(dirname "$(dirname "$best")")
}
