//! End-to-end tests of `analyze --input jsonl`: documents framed one per JSON line (the fixture
//! page cut into articles), with their ids and `FILE:LINE` paths, malformed lines, renamed fields,
//! standard input, and the same analysis as the texts read as files.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use serde_json::{Value, json};

const PAGE: &str = "fixtures/news-page.txt";

fn cli() -> Command {
    Command::cargo_bin("corpus-cli").unwrap()
}

/// The fixture page cut into articles of a few paragraphs each (paragraphs are separated by blank
/// lines), each with its line breaks as written.
fn articles() -> Vec<String> {
    let page = fs::read_to_string(PAGE).unwrap();
    let paragraphs: Vec<&str> = page
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .collect();
    paragraphs
        .chunks(6)
        .map(|c| c.join("\n\n") + "\n")
        .collect()
}

fn records(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn of_type<'a>(records: &'a [Value], t: &str) -> Vec<&'a Value> {
    records.iter().filter(|r| r["type"] == t).collect()
}

fn write_jsonl(dir: &Path, name: &str, lines: &[String]) -> String {
    let path = dir.join(name);
    fs::write(&path, lines.join("\n") + "\n").unwrap();
    path.display().to_string()
}

#[test]
fn each_line_is_a_document_with_its_id_and_line_and_the_same_analysis_as_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let arts = articles();
    assert!(arts.len() >= 4, "the fixture gives {} articles", arts.len());
    let lines: Vec<String> = arts
        .iter()
        .enumerate()
        .map(|(i, t)| json!({"id": format!("art-{i}"), "text": t, "section": "国际"}).to_string())
        .collect();
    let file = write_jsonl(dir.path(), "page.jsonl", &lines);
    let out = cli()
        .args(["analyze", &file, "--input", "jsonl", "--format", "jsonl"])
        .args(["--top", "0"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty());
    let recs = records(&out.stdout);
    let docs = of_type(&recs, "document");
    assert_eq!(docs.len(), arts.len());
    // The same texts as files give the same analysis.
    let texts = tempfile::tempdir().unwrap();
    for (i, text) in arts.iter().enumerate() {
        fs::write(texts.path().join(format!("art-{i:03}.txt")), text).unwrap();
    }
    let as_files = cli()
        .args([
            "analyze",
            texts.path().to_str().unwrap(),
            "--format",
            "jsonl",
        ])
        .args(["--top", "0"])
        .output()
        .unwrap();
    let file_recs = records(&as_files.stdout);
    let file_docs = of_type(&file_recs, "document");
    assert_eq!(file_docs.len(), arts.len());
    for (i, (doc, single)) in docs.iter().zip(&file_docs).enumerate() {
        assert_eq!(doc["id"], format!("art-{i}"));
        assert_eq!(doc["path"], format!("{file}:{}", i + 1));
        assert_eq!(doc["encoding"], "UTF-8");
        for key in ["stats", "entities", "words", "pos"] {
            assert_eq!(doc[key], single[key], "article {i}: {key}");
        }
    }
    let summary = of_type(&recs, "summary")[0];
    let file_summary = of_type(&file_recs, "summary")[0];
    assert_eq!(summary, file_summary);
    // The record keeps its field order, with the id right after the path.
    let first = String::from_utf8_lossy(&out.stdout)
        .lines()
        .next()
        .unwrap()
        .to_string();
    let order: Vec<usize> = [
        "\"type\"",
        "\"path\"",
        "\"id\"",
        "\"encoding\"",
        "\"stats\"",
    ]
    .iter()
    .map(|k| first.find(k).unwrap())
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{first:.120}");
    assert_eq!(summary["documents"], arts.len());
    assert_eq!(summary["errors"], 0);
    let people: Vec<&str> = summary["entities"]["person"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    assert!(people.contains(&"习近平"), "{people:?}");
}

#[test]
fn a_malformed_line_is_an_error_record_and_the_other_lines_are_analyzed() {
    let dir = tempfile::tempdir().unwrap();
    let arts = articles();
    let lines = vec![
        json!({"id": 1, "text": arts[0]}).to_string(),
        "{\"id\": 2, \"text\": \"没有结束的引号}".to_string(),
        json!({"id": 3, "body": arts[1]}).to_string(),
        json!({"id": 4, "text": arts[2]}).to_string(),
    ];
    let file = write_jsonl(dir.path(), "broken.jsonl", &lines);
    let out = cli()
        .args(["analyze", &file, "--input", "jsonl", "--format", "jsonl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("corpus-cli: {file}:2: not valid JSON")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("corpus-cli: {file}:3: no \"text\" field")),
        "{stderr}"
    );
    let recs = records(&out.stdout);
    let kinds: Vec<(&str, &str)> = recs
        .iter()
        .filter(|r| r["type"] != "summary")
        .map(|r| (r["type"].as_str().unwrap(), r["path"].as_str().unwrap()))
        .collect();
    let at = |n: usize| format!("{file}:{n}");
    let (l1, l2, l3, l4) = (at(1), at(2), at(3), at(4));
    assert_eq!(
        kinds,
        [
            ("document", l1.as_str()),
            ("error", l2.as_str()),
            ("error", l3.as_str()),
            ("document", l4.as_str()),
        ]
    );
    let docs = of_type(&recs, "document");
    assert_eq!(
        (docs[0]["id"].clone(), docs[1]["id"].clone()),
        (json!(1), json!(4))
    );
    assert!(docs[1]["stats"]["han_characters"].as_u64().unwrap() > 0);
    let summary = of_type(&recs, "summary")[0];
    assert_eq!(
        (summary["documents"].clone(), summary["errors"].clone()),
        (json!(2), json!(2))
    );
}

#[test]
fn renamed_fields_and_documents_without_an_id() {
    let dir = tempfile::tempdir().unwrap();
    let arts = articles();
    let lines = vec![
        json!({"doc_id": "x-1", "body": arts[0], "text": "不是正文"}).to_string(),
        json!({"body": arts[1]}).to_string(),
    ];
    let file = write_jsonl(dir.path(), "renamed.jsonl", &lines);
    let out = cli()
        .args(["analyze", &file, "--input", "jsonl", "--format", "jsonl"])
        .args(["--id-field", "doc_id", "--text-field", "body"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = records(&out.stdout);
    let docs = of_type(&recs, "document");
    assert_eq!(docs[0]["id"], "x-1");
    // The body was analyzed, not the "text" field.
    assert!(docs[0]["stats"]["characters"].as_u64().unwrap() > 100);
    // No id: the field is absent, not null.
    assert!(docs[1].get("id").is_none(), "{:.200}", docs[1].to_string());
    assert_eq!(docs[1]["path"], format!("{file}:2"));
    // Text input keeps its records as they were: no id.
    let text = cli()
        .args(["analyze", PAGE, "--format", "json"])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&text.stdout).unwrap();
    assert!(doc.get("id").is_none());
}

#[test]
fn standard_input_and_folders_of_jsonl_files() {
    let arts = articles();
    let input = format!(
        "{}\n\n{}\n",
        json!({"id": "a", "text": arts[0]}),
        json!({"id": "b", "text": arts[1]})
    );
    let out = cli()
        .args(["analyze", "-", "--input", "jsonl", "--format", "jsonl"])
        .write_stdin(input.clone())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let recs = records(&out.stdout);
    let paths: Vec<(&str, &str)> = of_type(&recs, "document")
        .iter()
        .map(|d| (d["path"].as_str().unwrap(), d["id"].as_str().unwrap()))
        .collect();
    assert_eq!(paths, [("-:1", "a"), ("-:3", "b")]);

    // A folder: its *.jsonl files are read (not the .txt beside them), in path order.
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("b.jsonl"), &input).unwrap();
    fs::write(
        dir.path().join("a.jsonl"),
        format!("{}\n", json!({"text": arts[2]})),
    )
    .unwrap();
    fs::write(dir.path().join("notes.txt"), "不是 JSON").unwrap();
    let out = cli()
        .args(["analyze", dir.path().to_str().unwrap(), "--input", "jsonl"])
        .args(["--format", "jsonl"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = records(&out.stdout);
    let names: Vec<String> = of_type(&recs, "document")
        .iter()
        .map(|d| {
            let p = d["path"].as_str().unwrap();
            Path::new(p)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(names, ["a.jsonl:1", "b.jsonl:1", "b.jsonl:3"]);

    // Nothing but blank lines: nothing analyzed.
    cli()
        .args(["analyze", "-", "--input", "jsonl"])
        .write_stdin("\n\n")
        .assert()
        .code(2);
}

#[test]
fn output_is_the_same_for_any_thread_count() {
    let arts = articles();
    let input: String = arts
        .iter()
        .cycle()
        .take(60)
        .enumerate()
        .map(|(i, t)| json!({"id": i, "text": t}).to_string() + "\n")
        .collect();
    let run = |j: &str| {
        cli()
            .args([
                "analyze", "-", "--input", "jsonl", "--format", "jsonl", "-j", j,
            ])
            .write_stdin(input.clone())
            .output()
            .unwrap()
            .stdout
    };
    let one = run("1");
    assert_eq!(of_type(&records(&one), "document").len(), 60);
    assert_eq!(one, run("2"));
}

#[test]
fn cooccurrence_works_on_lines_and_other_options_are_refused() {
    let line = json!({"id": "a", "text": "国家主席习近平会见俄罗斯总统普京。"}).to_string() + "\n";
    let out = cli()
        .args([
            "analyze",
            "-",
            "--input",
            "jsonl",
            "--format",
            "jsonl",
            "--cooccurrence",
            "sentence",
        ])
        .write_stdin(line.clone())
        .output()
        .unwrap();
    assert!(out.status.success());
    let recs = records(&out.stdout);
    let doc = of_type(&recs, "document")[0];
    let pairs = doc["cooccurrence"].as_array().unwrap();
    assert!(
        pairs
            .iter()
            .any(|p| p["a"]["text"] == "习近平" && p["b"]["text"] == "普京" && p["count"] == 1)
    );
    cli()
        .args(["analyze", "-", "--input", "jsonl", "--split-articles"])
        .write_stdin(line.clone())
        .assert()
        .code(2);
    cli()
        .args(["kwic", "习近平", "-", "--input", "jsonl"])
        .write_stdin(line)
        .assert()
        .code(2);
}
