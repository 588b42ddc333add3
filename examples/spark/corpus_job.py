"""corpus-cli on Apache Spark: analyze a corpus too large for one machine.

Map: every document is framed as one JSON line, {"id": ..., "text": ...}, and each partition is
piped through `corpus-cli analyze - --input jsonl --format jsonl --top 0 -j N` (RDD.pipe, with an
absolute path to the binary, an explicit environment and checkCode=True). The document records
are kept as they come; each partition's `summary` line is set aside.
Reduce: the summary lines are combined with `corpus-cli merge` -- in the executors while there
are many, then once on the driver -- into the summary of the whole corpus, the same as one
`corpus-cli analyze --top 0` run over every document would give.

Output folder:
  OUT/documents/part-*   one JSON line per document (its "id" is the file's URI, or the id of
                         the JSON Lines record), and `error` records for inputs that failed
  OUT/summary/part-00000 the corpus summary, one JSON line

Run (local, 4 cores):
  spark-submit --master 'local[4]' examples/spark/corpus_job.py \\
      --binary target/release/corpus-cli --output out/ news/
On a cluster: see "Scaling out" in README.md.
"""

import argparse
import fnmatch
import json
import os
import posixpath
import subprocess
import sys

from pyspark import SparkConf, SparkContext, SparkFiles, StorageLevel

# The environment of every corpus-cli process: nothing inherited from the executor.
PIPE_ENV = {"LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"}


def dumps(record):
    """One JSON line, compact like corpus-cli's."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="folders of text files (read recursively), or JSON Lines files with --jsonl")
    p.add_argument("--output", required=True, help="output folder (must not exist)")
    p.add_argument("--binary", default="target/release/corpus-cli",
                   help="corpus-cli on the driver (default: %(default)s)")
    p.add_argument("--ship", action="store_true",
                   help="send the binary to the executors with SparkContext.addFile; without it, "
                        "--binary must be installed at the same absolute path on every node")
    p.add_argument("--jsonl", action="store_true",
                   help="the inputs are JSON Lines, one document per line")
    p.add_argument("--id-field", default="id", help="with --jsonl: the id field")
    p.add_argument("--text-field", default="text", help="with --jsonl: the text field")
    p.add_argument("--glob", default="*.txt", help="files to read inside folders (default: %(default)s)")
    p.add_argument("--threads", type=int, default=0,
                   help="corpus-cli -j per task (default: spark.task.cpus); set spark.task.cpus "
                        "to the same number so Spark does not oversubscribe the executor cores")
    p.add_argument("--partitions", type=int, default=0,
                   help="how many corpus-cli processes (default: 2 x default parallelism)")
    p.add_argument("--merge-fan-in", type=int, default=32,
                   help="summaries combined per merge process in the executors (default: %(default)s)")
    return p.parse_args(argv)


def decode(data):
    """Decode a file's bytes as corpus-cli's --encoding auto does: a UTF-16 or UTF-8 byte-order
    mark, else UTF-8, else GB18030. Returns (text, None) or (None, error message)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            return None, "not valid UTF-16 text"
    if b"\x00" in data:
        return None, "looks like a binary file (NUL byte at offset %d); skipped" % data.index(b"\x00")
    for codec in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(codec), None
        except UnicodeDecodeError:
            pass
    return None, "not valid UTF-8 or GB18030 text"


def frame_file(item):
    """(uri, bytes) -> a JSON line for corpus-cli, or an error record."""
    uri, data = item
    text, error = decode(data)
    if error is not None:
        return ("error", dumps({"type": "error", "path": uri, "message": error}))
    return ("doc", dumps({"id": uri, "text": text}))


def frame_line(id_field, text_field, where):
    """A JSON Lines record -> a JSON line for corpus-cli with the fields it expects, or an error
    record naming the line (malformed lines never reach corpus-cli, whose exit code is checked)."""

    def frame(item):
        line, index = item
        at = "%s:%d" % (where, index + 1)
        try:
            record = json.loads(line)
        except ValueError as e:
            return ("error", dumps({"type": "error", "path": at,
                                    "message": "not valid JSON: %s" % e}))
        text = record.get(text_field) if isinstance(record, dict) else None
        if not isinstance(text, str):
            return ("error", dumps({"type": "error", "path": at,
                                    "message": 'no "%s" string field' % text_field}))
        doc_id = record.get(id_field)
        if not isinstance(doc_id, (str, int, float)) or isinstance(doc_id, bool):
            doc_id = at
        return ("doc", dumps({"id": doc_id, "text": text}))

    return frame


def pipe_command(binary_on_executors, args):
    """The argument list that runs corpus-cli on an executor."""
    if binary_on_executors is not None:
        return [binary_on_executors] + args
    # Shipped to a cluster: the copy is in each executor's working directory, which is also the
    # working directory of the processes RDD.pipe starts.
    return ["/bin/sh", "-c", 'exec "$(pwd)/corpus-cli" "$@"', "corpus-cli"] + args


def quote(argv):
    import shlex
    return " ".join(shlex.quote(a) for a in argv)


def spread(rdd, parts):
    """The same elements in `parts` partitions, none of them empty (corpus-cli exits 2 when it is
    given no document, which checkCode=True would turn into a failed task). Needs parts <= count."""
    return (rdd.zipWithIndex()
               .map(lambda x: (x[1], x[0]))
               .partitionBy(parts, lambda i: i)
               .values())


def main(argv):
    opts = parse_args(argv)
    binary = os.path.abspath(opts.binary)
    if not os.access(binary, os.X_OK):
        sys.exit("corpus_job: %s: not an executable corpus-cli" % binary)
    sc = SparkContext.getOrCreate(SparkConf().setAppName("corpus-cli"))
    sc.setLogLevel("WARN")

    if opts.ship:
        sc.addFile(binary)
        if sc.master.startswith("local"):
            # Local executors share the driver's copy of the added files.
            on_executors = SparkFiles.get(os.path.basename(binary))
        else:
            on_executors = None
    else:
        on_executors = binary

    if opts.jsonl:
        lines = sc.textFile(",".join(opts.inputs)).zipWithIndex()
        lines = lines.filter(lambda x: x[0].strip())
        where = opts.inputs[0] if len(opts.inputs) == 1 else "input"
        framed = lines.map(frame_line(opts.id_field, opts.text_field, where))
    else:
        sc._jsc.hadoopConfiguration().set(
            "mapreduce.input.fileinputformat.input.dir.recursive", "true")
        pattern = opts.glob
        files = sc.binaryFiles(",".join(opts.inputs))
        files = files.filter(lambda kv: fnmatch.fnmatchcase(posixpath.basename(kv[0]), pattern))
        framed = files.map(frame_file)
    framed = framed.persist(StorageLevel.MEMORY_AND_DISK)
    docs = framed.filter(lambda t: t[0] == "doc").values()
    input_errors = framed.filter(lambda t: t[0] == "error").values()
    n_docs = docs.count()
    n_input_errors = input_errors.count()
    if n_docs == 0:
        sys.exit("corpus_job: no documents in %s" % " ".join(opts.inputs))

    threads = opts.threads or int(sc.getConf().get("spark.task.cpus", "1"))
    parts = min(opts.partitions or 2 * sc.defaultParallelism, n_docs)
    analyze = pipe_command(on_executors, [
        "analyze", "-", "--input", "jsonl", "--format", "jsonl", "--top", "0",
        "-j", str(threads), "--progress", "never"])
    records = (spread(docs, parts)
               .pipe(quote(analyze), env=PIPE_ENV, checkCode=True)
               .persist(StorageLevel.MEMORY_AND_DISK))
    is_summary = lambda line: line.startswith('{"type":"summary"')
    records.filter(lambda l: not is_summary(l)).union(input_errors) \
        .saveAsTextFile(opts.output.rstrip("/") + "/documents")

    # Reduce: merge the summaries in the executors while there are many of them.
    summaries = records.filter(is_summary)
    count = parts
    merge = pipe_command(on_executors, ["merge", "-", "--format", "jsonl", "--top", "0"])
    fan_in = max(2, opts.merge_fan_in)
    while count > fan_in:
        count = (count + fan_in - 1) // fan_in
        summaries = spread(summaries, count).pipe(quote(merge), env=PIPE_ENV, checkCode=True)
    last = summaries.collect()

    # The last merge, on the driver.
    done = subprocess.run([binary, "merge", "-", "--format", "jsonl", "--top", "0"],
                          input="\n".join(last) + "\n", capture_output=True, text=True,
                          env=PIPE_ENV)
    if done.returncode != 0:
        sys.exit("corpus_job: merge failed (exit %d): %s" % (done.returncode, done.stderr))
    summary = done.stdout.strip()
    if n_input_errors:
        record = json.loads(summary)
        record["errors"] += n_input_errors
        summary = dumps(record)
    sc.parallelize([summary], 1).saveAsTextFile(opts.output.rstrip("/") + "/summary")
    sys.stderr.write("corpus_job: %d documents, %d failed inputs, %d corpus-cli processes\n"
                     % (n_docs, n_input_errors, parts))
    sc.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
