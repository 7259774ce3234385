#!/usr/bin/env bash
# Builds Roam and runs the end-to-end benchmark drivers and the JMH poll-cost benchmark; each prints
# its table and writes it to bench/results/<date>-<name>.md. Not part of the test suite.
#
#   roam-bench/run.sh                      # all of them: scimark capture startup poll (≈ 10–15 min)
#   roam-bench/run.sh node                 # the node kernel: context switch, memory, checkpoints
#   roam-bench/run.sh files                # virtual file I/O vs plain java
#   roam-bench/run.sh messages             # messages per second through io.roam.api mailboxes
#   roam-bench/run.sh threads              # thread switches inside a process (ping-pong)
#   roam-bench/run.sh capture startup      # only these
#   ROUNDS=3 SKIP_BUILD=1 roam-bench/run.sh scimark
#
# Environment: ROUNDS (SciMark and start-up rounds, default 5), CAPTURE_ARGS (extra CaptureCost
# flags, e.g. "--sizes 1MiB,100MiB --dir /tmp"), JMH_ROUNDS (default 3), SKIP_BUILD=1 (use what is
# built), JAVA_HOME (the JDK for the drivers and every JVM they start).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "run.sh: building (mvn -q -B install -DskipTests)…" >&2
  mvn -q -B install -DskipTests
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# The drivers run from a copy of their class path: colleagues rebuilding modules meanwhile must not
# swap jars under a running benchmark (the drivers copy the roam command's class path likewise).
SNAP="$(mktemp -d "${TMPDIR:-/tmp}/roam-bench-cp.XXXXXX")"
trap 'rm -rf "$SNAP"' EXIT
CP="" i=0
IFS=: read -r -a ENTRIES <<< "$ROOT/roam-bench/target/classes:$(cat "$ROOT/roam-bench/target/classpath.txt")"
for e in "${ENTRIES[@]}"; do
  [[ -z "$e" ]] && continue
  d="$SNAP/$i-$(basename "$e")"; i=$((i + 1))
  cp -r "$e" "$d"
  CP="${CP:+$CP:}$d"
done
# The kernel reads some JDK classes' fields to capture them (jvm.opens, as ./roam passes it).
OPENS=(@"$ROOT/jvm.opens")
bench() {
  local main="$1"; shift
  echo "run.sh: $main $*" >&2
  "$JAVA" "${OPENS[@]}" -Droam.home="$ROOT" "${JVM_ARGS[@]}" -cp "$CP" "io.roam.bench.$main" "$@"
}
WHICH=("$@")
[[ ${#WHICH[@]} -eq 0 ]] && WHICH=(scimark capture startup poll)
for w in "${WHICH[@]}"; do
  case "$w" in
    scimark) JVM_ARGS=(); bench ScimarkOverhead --rounds "${ROUNDS:-5}" ;;
    # 1 GiB of live state, its restored copy and the decoded snapshot section must fit at once; the heap is
    # pre-touched, as a node daemon's should be (else first touches of new heap pages are timed).
    capture) JVM_ARGS=(-Xms8g -Xmx8g -XX:+AlwaysPreTouch); bench CaptureCost ${CAPTURE_ARGS:-} ;;
    startup) JVM_ARGS=(); bench StartupCost --rounds "${ROUNDS:-5}" ;;
    poll)    JVM_ARGS=(); bench PollCost --rounds "${JMH_ROUNDS:-3}" ;;
    node)    JVM_ARGS=(-Xmx2g); bench NodeCost ${NODE_ARGS:-} ;;
    files)   JVM_ARGS=(); bench FileIoCost --rounds "${ROUNDS:-5}" ;;
    messages) JVM_ARGS=(-Xmx2g); bench MessageRate ${MESSAGE_ARGS:-} ;;
    threads) JVM_ARGS=(); bench ThreadSwitchCost ${THREADS_ARGS:-} ;;
    *) echo "run.sh: unknown benchmark '$w' (scimark, capture, startup, poll, node, files, messages, threads)" >&2; exit 2 ;;
  esac
done
