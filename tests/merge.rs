//! `corpus-cli merge`: merging the summaries of two analyze runs gives the summary of one run
//! over both sets of inputs.

use assert_cmd::Command;
use serde_json::Value;

const PART_A: &[&str] = &[
    "fixtures/news-page.txt",
    "fixtures/articles/harbor.txt",
    "fixtures/articles/library.txt",
];
const PART_B: &[&str] = &[
    "fixtures/articles/orchard.txt",
    "fixtures/articles/marathon.txt",
];

fn cli() -> Command {
    Command::cargo_bin("corpus-cli").unwrap()
}

/// `analyze --format jsonl` over `paths`, with `extra` options: its whole output.
fn analyze(paths: &[&str], extra: &[&str]) -> String {
    let out = cli()
        .arg("analyze")
        .args(paths)
        .args(["--format", "jsonl"])
        .args(extra)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The `summary` record of JSON Lines output.
fn summary_of(jsonl: &str) -> Value {
    let summaries: Vec<Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|v| v["type"] == "summary")
        .collect();
    assert_eq!(summaries.len(), 1, "{jsonl}");
    summaries.into_iter().next().unwrap()
}

fn write_part(dir: &tempfile::TempDir, name: &str, text: &str) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn merged_parts_equal_one_run_over_all_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let a = write_part(&dir, "a.jsonl", &analyze(PART_A, &["--top", "0"]));
    let b = write_part(&dir, "b.jsonl", &analyze(PART_B, &["--top", "0"]));
    let all: Vec<&str> = PART_A.iter().chain(PART_B).copied().collect();

    for top in ["0", "5"] {
        let expected = summary_of(&analyze(&all, &["--top", top]));
        let out = cli()
            .args(["merge", &a, &b, "--format", "jsonl", "--top", top])
            .output()
            .unwrap();
        assert!(out.status.success());
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let merged = summary_of(&String::from_utf8(out.stdout).unwrap());
        assert_eq!(merged, expected, "--top {top}");
    }

    // The merge did real work: counts of both parts were added, rows seen in several documents
    // of different parts were combined.
    let merged = summary_of(&analyze(&all, &["--top", "0"]));
    let only_a = summary_of(&std::fs::read_to_string(&a).unwrap());
    assert_eq!(merged["documents"], 5);
    assert_eq!(merged["complete"], true);
    assert_ne!(merged["words"], only_a["words"]);
    let tokens = |s: &Value| s["stats"]["tokens"].as_u64().unwrap();
    let only_b = summary_of(&std::fs::read_to_string(&b).unwrap());
    assert_eq!(tokens(&merged), tokens(&only_a) + tokens(&only_b));
    let words = merged["words"].as_array().unwrap();
    assert!(
        words.iter().any(|w| w["documents"].as_u64().unwrap() >= 4),
        "some word occurs in documents of both parts"
    );
}

#[test]
fn merge_reads_standard_input_and_its_own_output() {
    let a = analyze(PART_A, &["--top", "0"]);
    let b = analyze(PART_B, &["--top", "0"]);
    let all: Vec<&str> = PART_A.iter().chain(PART_B).copied().collect();
    let expected = summary_of(&analyze(&all, &["--top", "0"]));

    let out = cli()
        .args(["merge", "-", "--format", "jsonl", "--top", "0"])
        .write_stdin(format!("{a}{b}"))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        summary_of(&String::from_utf8(out.stdout).unwrap()),
        expected
    );

    // A merged summary merges again (a tree of reducers).
    let dir = tempfile::tempdir().unwrap();
    let a_part = write_part(&dir, "a.jsonl", &a);
    let first = cli()
        .args(["merge", &a_part, "--format", "jsonl", "--top", "0"])
        .output()
        .unwrap();
    let first = write_part(
        &dir,
        "first.jsonl",
        &String::from_utf8(first.stdout).unwrap(),
    );
    let b_part = write_part(&dir, "b.jsonl", &b);
    let out = cli()
        .args(["merge", &first, &b_part, "--format", "jsonl", "--top", "0"])
        .output()
        .unwrap();
    assert_eq!(
        summary_of(&String::from_utf8(out.stdout).unwrap()),
        expected
    );
}

#[test]
fn cut_summaries_are_merged_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    // The default --top 20 cuts the word table of the news page.
    let a = write_part(&dir, "a.jsonl", &analyze(PART_A, &[]));
    let out = cli()
        .args(["merge", &a, "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("a.jsonl") && stderr.contains("--top 0"),
        "{stderr}"
    );
    let merged: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(merged["complete"], false);
    assert_eq!(merged["documents"], 3);
}

#[test]
fn bad_parts_are_reported_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let a = write_part(&dir, "a.jsonl", &analyze(PART_A, &["--top", "0"]));
    let not_jsonl = write_part(&dir, "notes.txt", "这不是 JSON\n");
    let no_summary = write_part(
        &dir,
        "docs.jsonl",
        "{\"type\":\"document\",\"path\":\"x\"}\n",
    );

    let out = cli()
        .args(["merge", &a, &not_jsonl, &no_summary, "missing.jsonl"])
        .args(["--format", "jsonl", "--top", "0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("notes.txt: line 1: not a JSON record"),
        "{stderr}"
    );
    assert!(stderr.contains("docs.jsonl: no summary line"), "{stderr}");
    assert!(
        stderr.contains("missing.jsonl: no such file or directory"),
        "{stderr}"
    );
    let merged = summary_of(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(merged, summary_of(&std::fs::read_to_string(&a).unwrap()));

    // Nothing merged at all: a usage error, and no output.
    cli()
        .args(["merge", &not_jsonl])
        .assert()
        .code(2)
        .stdout("");
}
