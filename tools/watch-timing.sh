#!/usr/bin/env bash
# Edit-to-verdict timing of `java tools/Workbook.java watch`: starts watch on a lesson with standard input closed,
# waits for its first verdict, then N times changes a comment at the end of the lesson's exercise file and waits for
# the verdict line ("<lesson> solved|failing…"). Prints each time and the median; puts the file back afterwards.
# Between a verdict and the next save it waits PAUSE seconds (default 5), as a student reading the verdict would; watch
# warms up the next test JVM meanwhile. Those saves leave the exercise failing, so each run stops at its first failing
# test. With SOLVE=1 it instead saves the reference solution over the exercise once and times the verdict on a correct
# fix, which runs every test ("<lesson> solved").
#   tools/watch-timing.sh lesson01-atomic-puts 10
#   PAUSE=0.5 tools/watch-timing.sh lesson01-atomic-puts 10
#   SOLVE=1 tools/watch-timing.sh lesson01-atomic-puts
set -euo pipefail
cd "$(dirname "$0")/.."
lesson=${1:?lesson module, e.g. lesson01-atomic-puts}
saves=${2:-10}
file=$(find "$lesson/src/main/java" -name '*.java' | sort | head -1)
out=$(mktemp)
cp "$file" "$out.orig"
now() { date +%s.%N; }
verdicts() { grep -c "^$lesson \(solved\|failing\)" "$out" || true; }
java tools/Workbook.java watch "$lesson" < /dev/null > "$out" 2>&1 &
watcher=$!
cleanup() {
  cp "$out.orig" "$file"
  kill "$watcher" 2>/dev/null || true
  wait "$watcher" 2>/dev/null || true
  rm -f "$out" "$out.orig"
}
trap cleanup EXIT
start=$(now)
alive() { kill -0 "$watcher" 2>/dev/null || { echo "watch ended:"; cat "$out"; exit 1; }; }
until [ "$(verdicts)" -ge 1 ]; do alive; sleep 0.05; done
printf 'first verdict: %.1f s\n' "$(echo "$(now) - $start" | bc)"
if [ -n "${SOLVE:-}" ]; then
  sleep "${PAUSE:-5}"
  start=$(now)
  cp "solutions/$file" "$file"
  until grep -q "^$lesson solved" "$out"; do alive; sleep 0.05; done
  printf 'a correct fix saved: solved after %.2f s\n' "$(echo "$(now) - $start" | bc)"
  exit 0
fi
times=()
for i in $(seq 1 "$saves"); do
  seen=$(verdicts)
  sleep "${PAUSE:-5}"
  start=$(now)
  printf '\n// edit %s\n' "$i" >> "$file"
  until [ "$(verdicts)" -gt "$seen" ]; do alive; sleep 0.05; done
  t=$(echo "$(now) - $start" | bc)
  times+=("$t")
  printf 'save %d: %.2f s\n' "$i" "$t"
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {
  m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
  printf "median edit-to-verdict over %d saves: %.2f s\n", NR, m
}'
grep "^$lesson \(solved\|failing\)" "$out" | tail -1
