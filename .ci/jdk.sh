# Sourced by ./jdump and .ci/test: sets JAVA_HOME to a JDK 25 or newer, or says what to install.
# JAVA_HOME wins when it is new enough; otherwise the newest JDK under /usr/lib/jvm that is.

jdump_java_major() {   # prints the feature version of "$1/bin/java", or nothing
  local v
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
  echo "${v%%.*}"
}

jdump_find_jdk() {
  local cand major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(jdump_java_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then return 0; fi
  fi
  for cand in /usr/lib/jvm/*; do
    [ -d "$cand" ] || continue
    major=$(jdump_java_major "$cand")
    if [ -n "$major" ] && [ "$major" -ge 25 ] && [ "$major" -gt "$best_major" ]; then
      best=$cand best_major=$major
    fi
  done
  if [ -z "$best" ]; then
    echo "jdump: needs a JDK 25 or newer; none found in JAVA_HOME or /usr/lib/jvm." >&2
    echo "jdump: install one (for example the temurin-25-jdk package) or set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME=$best
}
