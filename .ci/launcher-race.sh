#!/usr/bin/env bash
# By hand (not part of CI): after a source change, N concurrent ./xianjie runs must all succeed, one build only,
# and the jar must never be missing. Also checks LANG=C with a Chinese option value and a Chinese file name.
# Usage: .ci/launcher-race.sh [N]   (default 4; takes about 30 s)
set -uo pipefail
cd "$(dirname "$0")/.."
n="${1:-4}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
./xianjie --version >/dev/null || exit 1          # a jar to start from
touch src/main/java/io/github/xianjie/cli/XianjieCommand.java
( while [ ! -f "$tmp/stop" ]; do [ -f target/xianjie.jar ] || echo missing >> "$tmp/missing"; sleep 0.05; done ) &
watcher=$!
pids=()
for i in $(seq "$n"); do
  ./xianjie check fixtures/wusu-2024/central.json > "$tmp/out.$i" 2> "$tmp/err.$i" & pids+=("$!")
done
fail=0
for i in "${!pids[@]}"; do
  if ! wait "${pids[$i]}"; then echo "run $((i + 1)) failed:"; cat "$tmp/err.$((i + 1))"; fail=1; fi
done
touch "$tmp/stop"; wait "$watcher"
builds="$(cat "$tmp"/err.* | grep -c '正在构建' || true)"
echo "concurrent runs: $n, builds: $builds, jar missing: $( [ -f "$tmp/missing" ] && wc -l < "$tmp/missing" || echo 0 ) times"
[ "$builds" = 1 ] || fail=1
[ -f "$tmp/missing" ] && fail=1
cmp -s "$tmp/out.1" "$tmp/out.$n" || { echo "outputs differ"; fail=1; }
# LANG=C: a Chinese option value and a Chinese file name
mkdir -p "$tmp/表格"; cp fixtures/wusu-2024/central.json "$tmp/表格/乌苏.json"
if LANG=C LC_ALL=C ./xianjie check "$tmp/表格/乌苏.json" | grep -q '计划：乌苏市'; then echo "LANG=C file name: ok"; else echo "LANG=C file name: FAILED"; fail=1; fi
csv="$(ls fixtures/wusu-2024/*.csv 2>/dev/null | head -n 1)"
if [ -n "$csv" ]; then
  if LANG=C LC_ALL=C ./xianjie check "$csv" --county 乌苏市 --year 2024 --fund CENTRAL | grep -q '乌苏市'; then echo "LANG=C --county 乌苏市: ok"; else echo "LANG=C --county: FAILED"; fail=1; fi
fi
[ "$fail" = 0 ] && echo "launcher race: OK" || echo "launcher race: FAILED"
exit "$fail"
