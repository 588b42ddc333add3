//! End-to-end tests of the corpus views: `keywords`, `kwic`, `analyze --cooccurrence`, `graph`
//! and `compare`, on the bundled news page and small texts written here. Expected values are
//! derived independently of corpus-cli (plain string searches, a sentence split by regex-free
//! scanning) rather than copied from its output.

use std::fs;
use std::path::Path;
use std::process::Command as StdCommand;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const PAGE: &str = "fixtures/news-page.txt";

fn cli() -> Command {
    Command::cargo_bin("corpus-cli").unwrap()
}

fn stdout_of(args: &[&str]) -> String {
    let out = cli().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json_of(args: &[&str]) -> Value {
    serde_json::from_str(&stdout_of(args)).unwrap()
}

fn jsonl_of(args: &[&str]) -> Vec<Value> {
    stdout_of(args)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn page() -> String {
    fs::read_to_string(PAGE).unwrap()
}

/// Sentences of a text, split independently of corpus-cli: each line cut after 。！？ (and their
/// ASCII forms).
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut cur = String::new();
        for c in line.chars() {
            cur.push(c);
            if matches!(c, '。' | '！' | '？' | '!' | '?') {
                out.push(std::mem::take(&mut cur));
            }
        }
        if !cur.trim().is_empty() {
            out.push(cur);
        }
    }
    out
}

fn sentences_with_all(text: &str, needles: &[&str]) -> usize {
    sentences(text)
        .iter()
        .filter(|s| needles.iter().all(|n| s.contains(n)))
        .count()
}

// ---------------------------------------------------------------- kwic

#[test]
fn kwic_finds_every_occurrence_of_the_term() {
    let text = page();
    let expected = text.matches("上合组织").count();
    assert!(expected > 10);
    let lines = jsonl_of(&["kwic", "上合组织", PAGE, "--format", "jsonl"]);
    let hits: Vec<&Value> = lines.iter().filter(|l| l["type"] == "hit").collect();
    assert_eq!(hits.len(), expected);
    let summary = lines.last().unwrap();
    assert_eq!(summary["type"], "summary");
    assert_eq!(summary["hits"], expected);
    // Character offsets: the text at start..end is the term, and the context is what surrounds
    // it, at most --width characters on each side.
    let chars: Vec<char> = text.chars().collect();
    for h in hits {
        let (s, e) = (
            h["start"].as_u64().unwrap() as usize,
            h["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(chars[s..e].iter().collect::<String>(), "上合组织");
        assert_eq!(h["match"], "上合组织");
        let left = h["left"].as_str().unwrap();
        let right = h["right"].as_str().unwrap();
        assert_eq!(left.chars().count(), s.min(20));
        assert_eq!(
            chars[s - left.chars().count()..s]
                .iter()
                .collect::<String>(),
            left
        );
        assert_eq!(
            chars[e..e + right.chars().count()]
                .iter()
                .collect::<String>(),
            right
        );
        assert_eq!(h["path"], PAGE);
    }
}

#[test]
fn kwic_width_sort_and_formats() {
    let json = json_of(&[
        "kwic",
        "上合组织",
        PAGE,
        "--format",
        "json",
        "--width",
        "5",
        "--sort",
        "right",
    ]);
    assert_eq!(json["type"], "concordance");
    let hits = json["hits"].as_array().unwrap();
    assert!(
        hits.iter()
            .all(|h| h["left"].as_str().unwrap().chars().count() <= 5)
    );
    let rights: Vec<&str> = hits.iter().map(|h| h["right"].as_str().unwrap()).collect();
    let mut sorted = rights.clone();
    sorted.sort();
    assert_eq!(rights, sorted);
    // CSV: a header and one row per hit.
    let csv = stdout_of(&["kwic", "上合组织", PAGE, "--format", "csv"]);
    assert!(csv.starts_with("path,start,end,left,match,right\n"));
    // Context with line breaks is quoted, so count the match fields rather than lines.
    assert_eq!(
        csv.matches(",上合组织,").count(),
        page().matches("上合组织").count()
    );
}

#[test]
fn kwic_table_aligns_the_term() {
    let out = stdout_of(&["kwic", "上合组织", PAGE, "--top", "0", "--width", "8"]);
    let columns: Vec<usize> = out
        .lines()
        .filter_map(|l| {
            let i = l.find("  上合组织  ")?;
            Some(unicode_width::UnicodeWidthStr::width(&l[..i]))
        })
        .collect();
    assert_eq!(columns.len(), page().matches("上合组织").count());
    // Quotation marks are ambiguous-width characters, counted as one column; every line
    // puts the term at the same display column.
    assert!(columns.iter().all(|&c| c == columns[0]), "{columns:?}");
}

#[test]
fn kwic_kind_lists_entity_mentions() {
    let analyzed = json_of(&["analyze", PAGE, "--format", "json"]);
    let persons = analyzed["entities"]["person"].as_array().unwrap();
    let mentions: usize = persons
        .iter()
        .map(|e| e["mentions"].as_array().unwrap().len())
        .sum();
    let lines = jsonl_of(&["kwic", "--kind", "person", PAGE, "--format", "jsonl"]);
    let hits: Vec<&Value> = lines.iter().filter(|l| l["type"] == "hit").collect();
    assert_eq!(hits.len(), mentions);
    // Every 习近平 in the text is a person mention (a plain string count).
    let xi = hits.iter().filter(|h| h["match"] == "习近平").count();
    assert_eq!(xi, page().matches("习近平").count());
}

#[test]
fn kwic_usage_errors_and_missing_files() {
    cli()
        .args(["kwic", "上合组织"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("TERM and at least one PATH"));
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "上合组织峰会").unwrap();
    let missing = dir.path().join("missing.txt");
    cli()
        .args(["kwic", "峰会"])
        .arg(dir.path().join("a.txt"))
        .arg(&missing)
        .args(["--format", "jsonl"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "corpus-cli: {}: no such file or directory",
            missing.display()
        )))
        .stdout(predicate::str::contains(r#""match":"峰会""#));
    // Standard input.
    cli()
        .args(["kwic", "峰会", "-", "--format", "csv"])
        .write_stdin("上合组织峰会\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("-,4,6,上合组织,峰会,"));
}

// ---------------------------------------------------------------- co-occurrence

fn pairs(doc: &Value) -> &Vec<Value> {
    doc["cooccurrence"].as_array().unwrap()
}

fn pair_count(doc: &Value, x: &str, y: &str) -> Option<u64> {
    pairs(doc)
        .iter()
        .find(|p| {
            let (a, b) = (p["a"]["text"].as_str(), p["b"]["text"].as_str());
            (a == Some(x) && b == Some(y)) || (a == Some(y) && b == Some(x))
        })
        .map(|p| p["count"].as_u64().unwrap())
}

#[test]
fn cooccurrence_is_added_only_when_asked_for() {
    let plain = json_of(&["analyze", PAGE, "--format", "json"]);
    assert!(plain.get("cooccurrence").is_none());
    let keys: Vec<&String> = plain.as_object().unwrap().keys().collect();
    let with = json_of(&[
        "analyze",
        PAGE,
        "--format",
        "json",
        "--cooccurrence",
        "sentence",
    ]);
    // The other fields are unchanged.
    for k in keys {
        assert_eq!(plain[k], with[k], "{k}");
    }
    let list = pairs(&with);
    assert!(!list.is_empty());
    // Sorted by count, then text; a pair joins two distinct entities.
    for w in list.windows(2) {
        assert!(w[0]["count"].as_u64() >= w[1]["count"].as_u64());
    }
    assert!(list.iter().all(|p| p["a"] != p["b"]));
}

#[test]
fn xi_jinping_and_the_sco_share_sentences() {
    // The seed page names 习近平 and 上海合作组织 in the same sentences. Which entity stands for
    // the 上海合作组织 mentions depends on the extractors (being improved elsewhere): today the
    // organization pass does not find the full name and the place pass finds 上海 inside it;
    // later 上海合作组织 itself. So the test looks up the entity covering the first
    // 上海合作组织 mention and checks the pair against plain string counts over sentences:
    // at least the sentences holding both 习近平 and 上海合作组织, at most those holding 习近平
    // and the entity's text (or one of its aliases).
    let text = page();
    let doc = json_of(&[
        "analyze",
        PAGE,
        "--format",
        "json",
        "--cooccurrence",
        "sentence",
    ]);
    let at = text[..text.find("上海合作组织").unwrap()].chars().count();
    let mut covering = None;
    for kind in ["organization", "place"] {
        for e in doc["entities"][kind].as_array().unwrap() {
            let covers = e["mentions"].as_array().unwrap().iter().any(|m| {
                let (s, t) = (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap());
                s as usize <= at && at < t as usize
            });
            if covers && covering.is_none() {
                covering = Some(e.clone());
            }
        }
    }
    let entity = covering.expect("an organization or place covers 上海合作组织");
    let name = entity["text"].as_str().unwrap();
    assert!("上海合作组织".contains(name), "{name}");
    let count = pair_count(&doc, "习近平", name).expect("习近平 pairs with the SCO mention");
    let lower = sentences_with_all(&text, &["习近平", "上海合作组织"]) as u64;
    let mut upper = 0;
    for s in sentences(&text) {
        let names = std::iter::once(name.to_string()).chain(
            entity["aliases"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|a| a.as_str().unwrap().to_string()),
        );
        if s.contains("习近平") && names.into_iter().any(|n| s.contains(&n)) {
            upper += 1;
        }
    }
    assert!(lower >= 5, "{lower}");
    assert!(
        (lower..=upper).contains(&count),
        "{name}: {count} not in {lower}..={upper}"
    );
}

#[test]
fn cooccurrence_units_nest() {
    // Every pair sharing a sentence shares its paragraph, and every pair sharing a paragraph
    // shares the document, where each pair counts once.
    let doc = json_of(&[
        "analyze",
        PAGE,
        "--format",
        "json",
        "--cooccurrence",
        "document",
    ]);
    let para = json_of(&[
        "analyze",
        PAGE,
        "--format",
        "json",
        "--cooccurrence",
        "paragraph",
    ]);
    let sent = json_of(&[
        "analyze",
        PAGE,
        "--format",
        "json",
        "--cooccurrence",
        "sentence",
    ]);
    assert!(pairs(&doc).iter().all(|p| p["count"] == 1));
    let paragraphs = para["stats"]["paragraphs"].as_u64().unwrap();
    for (inner, outer) in [(&sent, &para), (&para, &doc)] {
        for p in pairs(inner) {
            let (a, b) = (
                p["a"]["text"].as_str().unwrap(),
                p["b"]["text"].as_str().unwrap(),
            );
            assert!(pair_count(outer, a, b).is_some(), "{a} {b}");
        }
    }
    assert!(
        pairs(&para)
            .iter()
            .all(|p| p["count"].as_u64().unwrap() <= paragraphs)
    );
    assert!(pairs(&sent).len() <= pairs(&para).len());
    assert!(pairs(&para).len() <= pairs(&doc).len());
}

#[test]
fn cooccurrence_in_a_small_text() {
    // Paragraph 1 has two sentences naming 习近平 and 北京; paragraph 2 names 习近平 and 上海.
    let text = "习近平在北京讲话。习近平离开北京。\n习近平到达上海。\n";
    let run = |unit: &str| -> Value {
        serde_json::from_slice(
            &cli()
                .args(["analyze", "-", "--format", "json", "--cooccurrence", unit])
                .write_stdin(text)
                .output()
                .unwrap()
                .stdout,
        )
        .unwrap()
    };
    let sent = run("sentence");
    assert_eq!(pair_count(&sent, "习近平", "北京"), Some(2));
    assert_eq!(pair_count(&sent, "习近平", "上海"), Some(1));
    assert_eq!(pair_count(&sent, "北京", "上海"), None);
    // Once per unit: the two sentences are one paragraph.
    let para = run("paragraph");
    assert_eq!(pair_count(&para, "习近平", "北京"), Some(1));
    assert_eq!(pair_count(&para, "北京", "上海"), None);
    let doc = run("document");
    assert_eq!(pair_count(&doc, "北京", "上海"), Some(1));
    // Person before place in every pair.
    assert!(pairs(&sent).iter().all(|p| p["a"]["kind"] == "person"));
}

// ---------------------------------------------------------------- graph

#[test]
fn graph_dot_renders_with_graphviz() {
    let dot = stdout_of(&["graph", PAGE, "--format", "dot"]);
    assert!(dot.starts_with("graph entities {"));
    assert!(dot.contains("label=\"习近平\""));
    let available = StdCommand::new("dot").arg("-V").output().is_ok();
    if !available {
        println!("SKIPPED: Graphviz `dot` is not installed; install graphviz to run this check");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("g.dot");
    fs::write(&file, &dot).unwrap();
    let out = StdCommand::new("dot")
        .arg("-Tsvg")
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "dot failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("<svg"));
}

#[test]
fn graph_matches_the_cooccurrence_counts() {
    let doc = json_of(&[
        "analyze",
        PAGE,
        "--format",
        "json",
        "--cooccurrence",
        "sentence",
    ]);
    let g = json_of(&["graph", PAGE, "--format", "json"]);
    let nodes = g["nodes"].as_array().unwrap();
    let edges = g["edges"].as_array().unwrap();
    assert_eq!(edges.len(), pairs(&doc).len());
    for e in edges {
        let a = &nodes[e["source"].as_u64().unwrap() as usize];
        let b = &nodes[e["target"].as_u64().unwrap() as usize];
        // The same text may stand under two kinds, so match kind and text.
        let key = |n: &Value| (n["kind"].clone(), n["text"].clone());
        let c = pairs(&doc)
            .iter()
            .find(|p| {
                let (x, y) = (key(&p["a"]), key(&p["b"]));
                (x == key(a) && y == key(b)) || (x == key(b) && y == key(a))
            })
            .map(|p| p["count"].as_u64().unwrap());
        assert_eq!(c, e["count"].as_u64(), "{a} {b}");
    }
    // Node counts are the entities' mention counts.
    let xi = nodes.iter().find(|n| n["text"] == "习近平").unwrap();
    assert_eq!(xi["kind"], "person");
    assert_eq!(
        xi["count"].as_u64().unwrap() as usize,
        page().matches("习近平").count()
    );
    // --min-count keeps only the heavier edges.
    let g3 = json_of(&["graph", PAGE, "--format", "json", "--min-count", "3"]);
    let heavy = edges
        .iter()
        .filter(|e| e["count"].as_u64().unwrap() >= 3)
        .count();
    assert_eq!(g3["edges"].as_array().unwrap().len(), heavy);
    assert!(heavy > 0 && heavy < edges.len());
}

#[test]
fn graph_graphml_and_csv() {
    let xml = stdout_of(&["graph", PAGE, "--format", "graphml"]);
    assert!(xml.contains("<graphml"));
    assert_eq!(
        xml.matches("<edge ").count(),
        xml.matches("</edge>").count()
    );
    let csv = stdout_of(&["graph", PAGE, "--format", "csv"]);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("Source,Target,Weight,Type,source_kind,target_kind")
    );
    assert_eq!(lines.count(), xml.matches("<edge ").count());
}

// ---------------------------------------------------------------- keywords

#[test]
fn keywords_of_the_page() {
    let doc = json_of(&["keywords", PAGE, "--format", "json", "--top", "15"]);
    assert_eq!(doc["type"], "document");
    assert_eq!(doc["method"], "tfidf");
    assert_eq!(doc["idf"], "builtin");
    let kws = doc["keywords"].as_array().unwrap();
    assert_eq!(kws.len(), 15);
    let words: Vec<&str> = kws.iter().map(|k| k["word"].as_str().unwrap()).collect();
    // 习近平 and 合作 run through the whole page.
    assert!(words.contains(&"习近平"), "{words:?}");
    assert!(words.contains(&"合作"), "{words:?}");
    for w in kws.windows(2) {
        assert!(w[0]["weight"].as_f64() >= w[1]["weight"].as_f64());
    }
    for k in kws {
        let w = k["word"].as_str().unwrap();
        assert!(
            w.chars().count() >= 2 && w.chars().any(|c| c.is_alphabetic()),
            "{w}"
        );
        assert!(k["pos"].is_string());
    }
    let tr = json_of(&["keywords", PAGE, "--format", "json", "--method", "textrank"]);
    assert_eq!(tr["method"], "textrank");
    assert!(tr["idf"].is_null());
    assert_eq!(tr["keywords"][0]["weight"], 1.0);
}

const TOPICS: [&str; 8] = [
    "足球", "音乐", "电影", "绘画", "旅游", "围棋", "书法", "摄影",
];

/// Write `n` documents about the same thing plus one word of their own each.
fn small_corpus(dir: &Path, n: usize) {
    for i in 0..n {
        let own = TOPICS[i % TOPICS.len()];
        fs::write(
            dir.join(format!("{i:02}.txt")),
            format!("经济发展很快。{own}爱好者很多，{own}活动丰富，{own}比赛精彩。"),
        )
        .unwrap();
    }
}

#[test]
fn keywords_take_idf_from_a_large_enough_corpus() {
    let dir = tempfile::tempdir().unwrap();
    small_corpus(dir.path(), 24);
    let path = dir.path().to_str().unwrap();
    let lines = jsonl_of(&["keywords", path, "--format", "jsonl", "--top", "3"]);
    let summary = lines.last().unwrap();
    assert_eq!(summary["type"], "summary");
    assert_eq!(summary["idf"], "corpus");
    assert_eq!(summary["documents"], 24);
    // 经济 and 发展 are in every document: IDF ln(24/24) = 0, so each document's best term is
    // its own topic word.
    for (i, doc) in lines[..24].iter().enumerate() {
        assert_eq!(doc["idf"], "corpus");
        assert!(
            doc["path"]
                .as_str()
                .unwrap()
                .ends_with(&format!("{i:02}.txt"))
        );
        let best = doc["keywords"][0]["word"].as_str().unwrap();
        assert!(best.contains(TOPICS[i % TOPICS.len()]), "{doc}");
    }
    // Below the threshold the built-in table is used, unless --idf corpus says otherwise.
    let few = tempfile::tempdir().unwrap();
    small_corpus(few.path(), 5);
    let path = few.path().to_str().unwrap();
    let lines = jsonl_of(&["keywords", path, "--format", "jsonl"]);
    assert_eq!(lines.last().unwrap()["idf"], "builtin");
    let lines = jsonl_of(&["keywords", path, "--format", "jsonl", "--idf", "corpus"]);
    assert_eq!(lines.last().unwrap()["idf"], "corpus");
    // The table says which IDF was used.
    let table = stdout_of(&["keywords", path]);
    assert!(table.contains("built-in"), "{table}");
}

#[test]
fn keywords_report_failures_and_go_on() {
    let dir = tempfile::tempdir().unwrap();
    small_corpus(dir.path(), 2);
    fs::write(dir.path().join("bad.txt"), b"\x00\x01binary").unwrap();
    cli()
        .arg("keywords")
        .arg(dir.path())
        .args(["--format", "jsonl"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "bad.txt: looks like a binary file",
        ))
        .stdout(predicate::str::contains(r#""type":"error""#));
}

// ---------------------------------------------------------------- compare

#[test]
fn compare_finds_what_sets_each_side_apart() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    fs::create_dir_all(&a).unwrap();
    fs::create_dir_all(&b).unwrap();
    for i in 0..6 {
        fs::write(
            a.join(format!("{i}.txt")),
            "代表团在北京参观工厂。球迷观看足球，大家喜欢足球。\n",
        )
        .unwrap();
        fs::write(
            b.join(format!("{i}.txt")),
            "代表团在上海参观工厂。乐迷欣赏音乐，大家喜欢音乐。\n",
        )
        .unwrap();
    }
    let json = json_of(&[
        "compare",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--format",
        "json",
        "--top",
        "0",
    ]);
    assert_eq!(json["a"]["documents"], 6);
    let find = |list: &str, text: &str| -> Option<Value> {
        json[list]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["text"] == text)
            .cloned()
    };
    // 足球 twice per document in A, never in B.
    let football = find("a_over_b", "足球").expect("足球 key in A");
    assert_eq!(
        (football["a"].as_u64(), football["b"].as_u64()),
        (Some(12), Some(0))
    );
    assert_eq!(
        (
            football["a_documents"].as_u64(),
            football["b_documents"].as_u64()
        ),
        (Some(6), Some(0))
    );
    assert!(football["log_ratio"].as_f64().unwrap() > 0.0);
    // G² from the counts shown: 2·a·ln(a/E1), E1 = c(a+b)/(c+d).
    let (c, d) = (
        json["a"]["tokens"].as_f64().unwrap(),
        json["b"]["tokens"].as_f64().unwrap(),
    );
    let e1 = c * 12.0 / (c + d);
    let g2 = 2.0 * 12.0 * (12.0 / e1).ln();
    assert!((football["g2"].as_f64().unwrap() - g2).abs() < 1e-9);
    assert!(find("b_over_a", "音乐").is_some());
    // Entities too: the place 上海 is key in B.
    let shanghai = find("b_over_a", "上海").expect("上海 key in B");
    assert!(
        json["b_over_a"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["text"] == "上海" && t["kind"] == "place"),
        "{shanghai}"
    );
    // Shared words are key in neither direction.
    assert!(find("a_over_b", "代表团").is_none() && find("b_over_a", "代表团").is_none());
}

#[test]
fn compare_needs_two_paths() {
    cli()
        .args(["compare", PAGE])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("exactly two paths"));
}
