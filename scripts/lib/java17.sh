# Sourced by the scripts: makes sure a JDK 17 is used (Karaf 4.4 does not start on newer JDKs).
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q '"17\.'; then
  for candidate in /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk /usr/lib/jvm/temurin-17-jdk-amd64 /usr/lib/jvm/openjdk-17; do
    if [ -x "$candidate/bin/java" ]; then
      export JAVA_HOME="$candidate"
      break
    fi
  done
fi
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q '"17\.'; then
  echo "Freelance Island needs a JDK 17: set JAVA_HOME to one (for example /usr/lib/jvm/java-17-openjdk-amd64)." >&2
  exit 1
fi
export PATH="$JAVA_HOME/bin:$PATH"
