//! End-to-end tests of `corpus-cli analyze`: every output format, standard input, folders with
//! mixed encodings and broken files, exit codes, and a reader that closes the pipe early.

use std::fs;
use std::path::Path;
use std::process::{Command as StdCommand, Stdio};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const PAGE: &str = "fixtures/news-page.txt";

fn cli() -> Command {
    Command::cargo_bin("corpus-cli").unwrap()
}

fn json_of(args: &[&str]) -> Value {
    let out = cli().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn texts(doc: &Value, kind: &str) -> Vec<String> {
    doc["entities"][kind]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn json_document_has_the_documented_shape() {
    let doc = json_of(&["analyze", PAGE, "--format", "json"]);
    assert_eq!(doc["type"], "document");
    assert_eq!(doc["path"], PAGE);
    assert_eq!(doc["encoding"], "UTF-8");
    let keys: Vec<&String> = doc["entities"].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["date", "number", "organization", "person", "place"]);
    for field in [
        "characters",
        "han_characters",
        "tokens",
        "distinct_words",
        "sentences",
        "paragraphs",
    ] {
        assert!(doc["stats"][field].as_u64().unwrap() > 0, "{field}");
    }
    assert!(texts(&doc, "person").contains(&"习近平".to_string()));
    assert!(texts(&doc, "organization").contains(&"新华社".to_string()));
    let xi = doc["entities"]["person"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["text"] == "习近平")
        .unwrap();
    let page: Vec<char> = fs::read_to_string(PAGE).unwrap().chars().collect();
    let mentions = xi["mentions"].as_array().unwrap();
    assert_eq!(xi["count"].as_u64().unwrap() as usize, mentions.len());
    for m in mentions {
        let (s, e) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(page[s..e].iter().collect::<String>(), "习近平");
    }
    // The words table: default top 20, sorted by count.
    let words = doc["words"].as_array().unwrap();
    assert_eq!(words.len(), 20);
    let counts: Vec<u64> = words.iter().map(|w| w["count"].as_u64().unwrap()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]));
    assert!(words.iter().all(|w| w["pos"].is_string()));
    assert!(
        doc["pos"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["pos"] == "n")
    );
}

#[test]
fn dates_and_numbers_carry_values() {
    let doc = json_of(&["analyze", PAGE, "--format", "json"]);
    let dates = doc["entities"]["date"].as_array().unwrap();
    let full = dates.iter().find(|d| d["text"] == "2024年7月5日").unwrap();
    assert_eq!(full["value"], "2024-07-05");
    assert_eq!(full["inferred"], false);
    let numbers = doc["entities"]["number"].as_array().unwrap();
    let n = numbers
        .iter()
        .find(|d| d["text"].as_str().unwrap().contains("1.4万"))
        .unwrap();
    assert_eq!(n["value"], 14000);
}

#[test]
fn stdin_is_read_with_a_dash() {
    let text = fs::read(PAGE).unwrap();
    let out = cli()
        .args(["analyze", "-", "--format", "json"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert!(out.status.success());
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["path"], "-");
    assert!(texts(&doc, "person").contains(&"习近平".to_string()));
}

#[test]
fn table_lists_words_and_entities() {
    cli()
        .args(["analyze", PAGE])
        .assert()
        .success()
        .stdout(predicate::str::contains("Words (top 20"))
        .stdout(predicate::str::contains("People"))
        .stdout(predicate::str::contains("习近平"))
        .stdout(predicate::str::contains("2024-07-05"));
}

#[test]
fn csv_is_long_form() {
    let out = cli()
        .args(["analyze", PAGE, "--format", "csv", "--top", "5"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("kind,text,count"));
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert!(
        rows.iter()
            .all(|r| r.len() == 3 && r[2].parse::<u64>().is_ok())
    );
    assert_eq!(rows.iter().filter(|r| r[0] == "word").count(), 5);
    assert!(rows.iter().any(|r| r[0] == "person" && r[1] == "习近平"));
}

/// A folder with a UTF-8 article, a GB18030 article and a binary file named like an article.
fn mixed_folder(dir: &Path) {
    fs::copy(PAGE, dir.join("a-page.txt")).unwrap();
    let (gbk, _, _) = encoding_rs::GB18030
        .encode("新华社北京7月5日电 国家主席习近平在北京会见了来访的外国客人。\n");
    fs::write(dir.join("b-gbk.txt"), gbk).unwrap();
    fs::write(dir.join("c-broken.txt"), b"\x7fELF\x00\x00\x01binary").unwrap();
    fs::write(dir.join("d-ignored.md"), "不读这个文件").unwrap();
}

#[test]
fn folder_with_gb18030_and_a_broken_file() {
    let dir = tempfile::tempdir().unwrap();
    mixed_folder(dir.path());
    let out = cli()
        .args(["analyze"])
        .arg(dir.path())
        .args(["--format", "jsonl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "some input failed");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("c-broken.txt: looks like a binary file"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    let records: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let types: Vec<&str> = records
        .iter()
        .map(|r| r["type"].as_str().unwrap())
        .collect();
    assert_eq!(types, ["document", "document", "error", "summary"]);
    assert_eq!(records[1]["encoding"], "GB18030");
    assert!(texts(&records[1], "person").contains(&"习近平".to_string()));
    assert!(
        records[2]["path"]
            .as_str()
            .unwrap()
            .ends_with("c-broken.txt")
    );
    let summary = &records[3];
    assert_eq!(summary["documents"], 2);
    assert_eq!(summary["errors"], 1);
    let xi = summary["entities"]["person"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["text"] == "习近平")
        .unwrap();
    assert_eq!(xi["documents"], 2);
}

#[test]
fn json_with_several_inputs_is_a_corpus() {
    let dir = tempfile::tempdir().unwrap();
    mixed_folder(dir.path());
    let out = cli()
        .args(["analyze"])
        .arg(dir.path())
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let corpus: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(corpus["type"], "corpus");
    assert_eq!(corpus["documents"].as_array().unwrap().len(), 2);
    assert_eq!(corpus["errors"].as_array().unwrap().len(), 1);
    assert_eq!(corpus["summary"]["documents"], 2);
}

#[test]
fn nothing_to_analyze_is_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    cli()
        .args(["analyze"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no input files found"));
    cli()
        .args(["analyze", "no/such/file.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "corpus-cli: no/such/file.txt: no such file or directory",
        ));
}

#[test]
fn usage_errors_are_exit_2() {
    cli().args(["analyze"]).assert().code(2);
    cli()
        .args(["analyze", PAGE, "--format", "xml"])
        .assert()
        .code(2);
    cli().args(["frobnicate"]).assert().code(2);
}

#[test]
fn help_has_examples() {
    cli()
        .args(["analyze", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"))
        .stdout(predicate::str::contains("--format jsonl"));
}

#[test]
fn closed_stdout_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..40 {
        fs::copy(PAGE, dir.path().join(format!("page-{i:02}.txt"))).unwrap();
    }
    let bin = assert_cmd::cargo::cargo_bin("corpus-cli");
    let mut child = StdCommand::new(bin)
        .args(["analyze", "--format", "jsonl"])
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read the first line, then close the pipe like `| head -1`.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = Vec::new();
    let mut byte = [0u8; 1];
    while std::io::Read::read(&mut stdout, &mut byte).unwrap() == 1 && byte[0] != b'\n' {
        first.push(byte[0]);
    }
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert!(serde_json::from_slice::<Value>(&first).is_ok());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn user_dictionary_and_stopword_options() {
    let dir = tempfile::tempdir().unwrap();
    let dict = dir.path().join("dict.txt");
    fs::write(&dict, "贝内泰国际大学 1000 nt\n").unwrap();
    let doc = json_of(&[
        "analyze",
        PAGE,
        "--format",
        "json",
        "--dict",
        dict.to_str().unwrap(),
        "--top",
        "0",
    ]);
    assert!(
        doc["words"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["word"] == "贝内泰国际大学")
    );
    let with = json_of(&[
        "analyze",
        PAGE,
        "--format",
        "json",
        "--top",
        "0",
        "--no-stopwords",
    ]);
    let has = |d: &Value, w: &str| {
        d["words"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["word"] == w)
    };
    assert!(has(&with, "的"));
    assert!(!has(&doc, "的"));
    let stop = dir.path().join("stop.txt");
    fs::write(&stop, "合作\n").unwrap();
    let custom = json_of(&[
        "analyze",
        PAGE,
        "--format",
        "json",
        "--top",
        "0",
        "--stopwords",
        stop.to_str().unwrap(),
    ]);
    assert!(!has(&custom, "合作") && has(&custom, "的"));
}

#[test]
fn output_is_deterministic() {
    let a = cli()
        .args(["analyze", PAGE, "--format", "json"])
        .output()
        .unwrap()
        .stdout;
    let b = cli()
        .args(["analyze", PAGE, "--format", "json"])
        .output()
        .unwrap()
        .stdout;
    assert_eq!(a, b);
}
