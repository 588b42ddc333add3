#!/usr/bin/env bash
# Runs examples/spark/corpus_job.py on Apache Spark (local[2]) over the fixtures plus a few hundred
# articles made from their paragraphs, and checks that the corpus summary it merges equals what
# one `corpus-cli analyze` run over the same files gives, and that every document's analysis is
# the same. Installs pyspark 4 into target/spark-venv when it is not there (Java 17 needed).
# Exits non-zero on any difference.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
START=$(date +%s)

VENV=${SPARK_VENV:-$ROOT/target/spark-venv}
ARTICLES=${SPARK_TEST_ARTICLES:-300}

if ! "$VENV/bin/python" -c 'import pyspark, sys; sys.exit(pyspark.__version__.split(".")[0] != "4")' 2>/dev/null; then
    echo "spark test: installing pyspark 4 into $VENV" >&2
    t0=$(date +%s)
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet 'pyspark>=4,<5'
    echo "spark test: pyspark installed in $(( $(date +%s) - t0 )) s" >&2
fi
command -v java >/dev/null || { echo "spark test: java not found (Spark needs Java 17)" >&2; exit 1; }

cargo build --release --locked --quiet
BIN=$ROOT/target/release/corpus-cli

WORK=$(mktemp -d "${TMPDIR:-/tmp}/corpus-spark.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/corpus/generated"
cp -r fixtures "$WORK/corpus/fixtures"

# Articles made by recombining the fixtures' paragraphs (a fixed seed: the same corpus every run).
"$VENV/bin/python" - "$WORK/corpus/generated" "$ARTICLES" fixtures <<'EOF'
import glob, random, sys
out, n, root = sys.argv[1], int(sys.argv[2]), sys.argv[3]
paragraphs = []
for path in sorted(glob.glob(root + "/**/*.txt", recursive=True)):
    try:
        with open(path, encoding="utf-8") as f:
            paragraphs += [p.strip() for p in f.read().split("\n\n") if p.strip()]
    except UnicodeDecodeError:
        pass  # a fixture in another encoding: Spark and one machine still both read it
rng = random.Random(8)
for i in range(n):
    body = rng.sample(paragraphs, rng.randint(2, min(12, len(paragraphs))))
    with open("%s/article-%04d.txt" % (out, i), "w", encoding="utf-8") as f:
        f.write("\n\n".join(body) + "\n")
EOF

# One machine: the reference.
"$BIN" analyze "$WORK/corpus" --format jsonl --top 0 --progress never > "$WORK/reference.jsonl"

# Spark, local mode, two cores, no web UI.
export SPARK_LOCAL_IP=127.0.0.1
export PYSPARK_PYTHON=$VENV/bin/python PYSPARK_DRIVER_PYTHON=$VENV/bin/python
t0=$(date +%s)
"$VENV/bin/spark-submit" --master 'local[2]' \
    --conf spark.ui.enabled=false --conf spark.driver.host=127.0.0.1 \
    examples/spark/corpus_job.py --binary "$BIN" --ship --merge-fan-in 3 --partitions 8 \
    --output "$WORK/out" "$WORK/corpus/fixtures" "$WORK/corpus/generated" \
    2> "$WORK/spark.log" || { tail -50 "$WORK/spark.log" >&2; echo "spark test: the job failed" >&2; exit 1; }
JOB_SECONDS=$(( $(date +%s) - t0 ))
grep '^corpus_job:' "$WORK/spark.log" >&2 || true

"$VENV/bin/python" - "$WORK" <<'EOF'
import glob, json, sys
from urllib.parse import unquote, urlparse

work = sys.argv[1]
reference = [json.loads(l) for l in open(work + "/reference.jsonl", encoding="utf-8")]
ref_summary = next(r for r in reference if r["type"] == "summary")
ref_docs = {r["path"]: r for r in reference if r["type"] == "document"}

lines = []
for part in sorted(glob.glob(work + "/out/documents/part-*")):
    lines += [json.loads(l) for l in open(part, encoding="utf-8") if l.strip()]
spark_docs = {unquote(urlparse(r["id"]).path): r for r in lines if r["type"] == "document"}
summaries = [json.loads(l) for p in glob.glob(work + "/out/summary/part-*")
             for l in open(p, encoding="utf-8") if l.strip()]

failures = []
def check(what, got, want):
    if got != want:
        failures.append(what)
        if len(failures) <= 10:
            print("MISMATCH %s:\n  spark: %.300s\n  one machine: %.300s" % (what, json.dumps(got, ensure_ascii=False), json.dumps(want, ensure_ascii=False)))

check("number of summaries", len(summaries), 1)
summary = summaries[0] if summaries else {}
for key in ["documents", "errors", "stats", "complete", "pos", "words"]:
    check("summary " + key, summary.get(key), ref_summary[key])
for kind in ["person", "organization", "place", "date", "number"]:
    check("summary entities." + kind, summary.get("entities", {}).get(kind), ref_summary["entities"][kind])
check("whole summary", summary, ref_summary)
check("document paths", sorted(spark_docs), sorted(ref_docs))
for path in sorted(set(spark_docs) & set(ref_docs)):
    for key in ["stats", "entities", "words", "pos"]:
        if spark_docs[path][key] != ref_docs[path][key]:
            check("document %s %s" % (path, key), spark_docs[path][key], ref_docs[path][key])

n = ref_summary["documents"]
words = sum(w["count"] for w in ref_summary["words"])
entities = sum(len(ref_summary["entities"][k]) for k in ref_summary["entities"])
if failures:
    print("spark test: %d differences between Spark and one machine (%s)" % (len(failures), ", ".join(failures[:5])))
    print("0 passed, 1 failed")
    sys.exit(1)
print("spark test: %d documents, %d word occurrences, %d distinct entities: the merged summary and "
      "every document equal one machine's analysis" % (n, words, entities))
EOF
echo "spark test: job ${JOB_SECONDS} s, whole test $(( $(date +%s) - START )) s"
echo "1 passed, 0 failed"
