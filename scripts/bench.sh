#!/usr/bin/env bash
# Throughput, start-up and memory of corpus-cli against a raw jieba-rs baseline, in one run.
#
# Usage: scripts/bench.sh [TEXTS.jsonl]
#
# The corpus is fixtures/news-page.txt plus, when given (as the argument or $BENCH_TEXTS), the
# "text" field of every line of a JSON Lines file, repeated to about $BENCH_MB MB (default 20);
# without it, the texts of fixtures/ are repeated. It is timed as one file and as a folder of
# articles:
#   (a) raw jieba-rs: examples/raw_jieba reads and POS-tags every line, nothing else;
#   (b) corpus-cli analyze -j1;  (c) corpus-cli analyze -j2;
# plus one 3 KB article, whole process (hyperfine when installed), and the peak RSS of
# analyze -j2 on a folder of at least $BENCH_BIG_MB MB (default 250; /usr/bin/time -v).
# Every figure is a median of $BENCH_RUNS runs (default 5), runs of the tools interleaved.
# Ratios are only meaningful within one run: run it on a quiet machine.
# Needs: cargo, python3, GNU time (/usr/bin/time); hyperfine is optional.
set -euo pipefail

cd "$(dirname "$0")/.."
TEXTS=${1:-${BENCH_TEXTS:-}}
RUNS=${BENCH_RUNS:-5}
MB=${BENCH_MB:-20}
BIG_MB=${BENCH_BIG_MB:-250}
COLD_RUNS=${BENCH_COLD_RUNS:-30}

command -v python3 >/dev/null || { echo "bench.sh: python3 is needed" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench.sh: GNU time is needed (apt-get install time)" >&2; exit 2; }
if [ -n "$TEXTS" ] && [ ! -r "$TEXTS" ]; then
    echo "bench.sh: cannot read $TEXTS" >&2
    exit 2
fi

cargo build --release --quiet --bin corpus-cli --example raw_jieba
target=$(cargo metadata --format-version 1 --no-deps |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
CLI="$target/release/corpus-cli"
RAW="$target/release/examples/raw_jieba"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/corpus-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# The corpus: one file, a folder of articles, and a 3 KB article.
python3 - "$WORK" "$MB" "$TEXTS" <<'EOF'
import json, os, pathlib, sys
work, mb, texts_path = pathlib.Path(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
seed = pathlib.Path("fixtures/news-page.txt").read_text(encoding="utf-8")
articles = [seed]
if texts_path:
    with open(texts_path, encoding="utf-8") as f:
        articles += [json.loads(line)["text"] for line in f if line.strip()]
else:
    articles += [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path("fixtures").rglob("*.txt"))
                 if p.name != "news-page.txt"]
articles = [a if a.endswith("\n") else a + "\n" for a in articles if a.strip()]
folder = work / "folder"
total, rep = 0, 0
with open(work / "one.txt", "w", encoding="utf-8") as one:
    while total < mb * 1e6:
        d = folder / f"r{rep:03d}"
        d.mkdir(parents=True)
        for i, a in enumerate(articles):
            (d / f"a{i:05d}.txt").write_text(a, encoding="utf-8")
            one.write(a + "\n")
            total += len(a.encode()) + 1
        rep += 1
small = []
for line in seed.splitlines(keepends=True):
    small.append(line)
    if len("".join(small).encode()) >= 3000:
        break
(work / "article.txt").write_text("".join(small), encoding="utf-8")
files = sum(1 for _ in folder.rglob("*.txt"))
print(f"corpus: {len(articles)} articles x {rep} = {files} files, {total / 1e6:.1f} MB "
      f"({'seed page + ' + os.path.basename(texts_path) if texts_path else 'fixtures only'}); "
      f"3 KB article: {len(''.join(small).encode())} bytes")
EOF
BYTES=$(stat -c %s "$WORK/one.txt")

# Median wall-clock seconds of each command, runs interleaved (round robin) against noise.
declare -A TIMES
run_round_robin() { # NAME=COMMAND...
    local i spec name start end
    for ((i = 0; i < RUNS; i++)); do
        for spec in "$@"; do
            name=${spec%%=*}
            start=$(date +%s.%N)
            bash -c "${spec#*=}" >/dev/null
            end=$(date +%s.%N)
            TIMES[$name]+="$(calc "$end - $start") "
        done
    done
}
calc() { awk "BEGIN { printf \"%.4f\", $1 }"; }
median() { printf '%s\n' $1 | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
mbps() { calc "$BYTES / 1000000 / $1"; }

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); runs: $RUNS"
"$CLI" analyze "$WORK/one.txt" -j1 -f jsonl >/dev/null # warm the page cache
"$RAW" "$WORK/folder" >/dev/null
run_round_robin \
    "raw_file=$RAW $WORK/one.txt" \
    "j1_file=$CLI analyze $WORK/one.txt -j1 --format jsonl" \
    "j2_file=$CLI analyze $WORK/one.txt -j2 --format jsonl" \
    "raw_dir=$RAW $WORK/folder" \
    "j1_dir=$CLI analyze $WORK/folder -j1 --format jsonl" \
    "j2_dir=$CLI analyze $WORK/folder -j2 --format jsonl"

echo
printf '%-34s %10s %10s\n' "throughput (median)" "seconds" "MB/s"
declare -A MED
for name in raw_file j1_file j2_file raw_dir j1_dir j2_dir; do
    MED[$name]=$(median "${TIMES[$name]}")
    case $name in
        raw_*) label="raw jieba-rs (read + tag)" ;;
        j1_*) label="corpus-cli analyze -j1" ;;
        j2_*) label="corpus-cli analyze -j2" ;;
    esac
    case $name in *_file) where="one file" ;; *) where="folder" ;; esac
    printf '%-34s %10.3f %10s\n' "$label, $where" "${MED[$name]}" "$(mbps "${MED[$name]}")"
done

# One 3 KB article, whole process.
echo
if command -v hyperfine >/dev/null; then
    hyperfine --style none --warmup 3 --runs "$COLD_RUNS" -N \
        --export-json "$WORK/cold.json" \
        "$RAW $WORK/article.txt" "$CLI analyze $WORK/article.txt --format json" >/dev/null
    read -r COLD_RAW COLD_CLI < <(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["results"]
print(r[0]["median"], r[1]["median"])' "$WORK/cold.json")
    how="hyperfine, $COLD_RUNS runs"
else
    RUNS=$COLD_RUNS run_round_robin \
        "cold_raw=$RAW $WORK/article.txt" \
        "cold_cli=$CLI analyze $WORK/article.txt --format json"
    COLD_RAW=$(median "${TIMES[cold_raw]}")
    COLD_CLI=$(median "${TIMES[cold_cli]}")
    how="$COLD_RUNS runs"
fi
printf '3 KB article, whole process (%s): raw jieba-rs %.1f ms, corpus-cli %.1f ms\n' \
    "$how" "$(calc "$COLD_RAW * 1000")" "$(calc "$COLD_CLI * 1000")"

# Peak RSS on a folder of at least BIG_MB MB (copies of the folder, hard-linked).
big="$WORK/big"
mkdir "$big"
copies=$(( (BIG_MB * 1000000 + BYTES - 1) / BYTES ))
for ((i = 0; i < copies; i++)); do cp -al "$WORK/folder" "$big/c$i"; done
big_mb=$(du -sbL "$big" | awk '{printf "%.0f", $1 / 1e6}')
/usr/bin/time -v -o "$WORK/rss.txt" "$CLI" analyze "$big" -j2 --format jsonl >/dev/null
RSS_KB=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/rss.txt")
BIG_S=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$WORK/rss.txt")
printf 'peak RSS, analyze -j2 on a %s MB folder (%d copies): %.1f MB (took %s)\n' \
    "$big_mb" "$copies" "$(calc "$RSS_KB / 1024")" "$BIG_S"

# The targets of the issue.
echo
verdict() { awk "BEGIN { print (($1) ? \"ok\" : \"MISSED\") }"; }
r1f=$(calc "${MED[raw_file]} / ${MED[j1_file]}")
r1d=$(calc "${MED[raw_dir]} / ${MED[j1_dir]}")
r2d=$(calc "${MED[j1_dir]} / ${MED[j2_dir]}")
r2f=$(calc "${MED[j1_file]} / ${MED[j2_file]}")
rc=$(calc "$COLD_CLI / $COLD_RAW")
rss=$(calc "$RSS_KB / 1024")
printf '%-58s %8s %8s %s\n' "target" "value" "bound" "verdict"
printf '%-58s %8s %8s %s\n' "analyze -j1 / raw jieba-rs throughput, folder" "$r1d" ">= 0.6" "$(verdict "$r1d >= 0.6")"
printf '%-58s %8s %8s %s\n' "analyze -j1 / raw jieba-rs throughput, one file" "$r1f" ">= 0.6" "$(verdict "$r1f >= 0.6")"
printf '%-58s %8s %8s %s\n' "analyze -j2 / -j1 throughput, folder" "$r2d" ">= 1.8" "$(verdict "$r2d >= 1.8")"
printf '%-58s %8s %8s %s\n' "analyze -j2 / -j1 throughput, one file (one document)" "$r2f" "-" "(one document: one thread)"
printf '%-58s %8s %8s %s\n' "3 KB article: corpus-cli / raw jieba-rs process time" "$rc" "<= 1.3" "$(verdict "$rc <= 1.3")"
printf '%-58s %8s %8s %s\n' "peak RSS (MB) on the ${big_mb} MB folder" "$rss" "<= 150" "$(verdict "$rss <= 150")"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
