//! `--split-articles` on the seed newspaper page (fixtures/news-page.txt).

use assert_cmd::Command;
use serde_json::Value;

const PAGE: &str = "fixtures/news-page.txt";

fn articles() -> Vec<Value> {
    let out = Command::cargo_bin("corpus-cli")
        .unwrap()
        .args(["analyze", "--split-articles", "--format", "jsonl", PAGE])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|r| r["type"] == "document")
        .collect()
}

fn page_text(span: &Value) -> String {
    let page: Vec<char> = std::fs::read_to_string(PAGE).unwrap().chars().collect();
    let (s, e) = (
        span["start"].as_u64().unwrap() as usize,
        span["end"].as_u64().unwrap() as usize,
    );
    page[s..e].iter().collect()
}

#[test]
fn seed_page_comes_out_as_its_three_articles() {
    let arts = articles();
    assert_eq!(arts.len(), 3);
    for (i, a) in arts.iter().enumerate() {
        assert_eq!(a["article"], i + 1);
        assert_eq!(a["path"], PAGE);
    }
    // The SCO reactions: their headline stands in the middle of a sentence.
    assert_eq!(
        arts[0]["title"],
        "为实现共同繁荣振兴贡献『上海合作组织力量』"
    );
    let first = page_text(&arts[0]["span"]);
    assert!(first.starts_with("7月4日，国家主席习近平在阿斯塔纳"));
    assert!(first.ends_with("（新华社北京7月5日电 执笔记者：何毅、王雅楠）"));
    // Its subheads stay inside it.
    assert!(first.contains("践行多边主义 共建更加美好共同家园"));
    // The end of the joint statement: continued from another page, no headline here.
    assert!(arts[1].get("title").is_none());
    let second = page_text(&arts[1]["span"]);
    assert!(second.starts_with("（上接第二版）"));
    assert!(second.ends_with("（新华社杜尚别7月5日电）"));
    // The media exchange.
    assert_eq!(arts[2]["title"], "中国塔吉克斯坦人文交流活动在杜尚别举行");
    assert!(page_text(&arts[2]["span"]).contains("新华社杜尚别7月5日电"));
}

#[test]
fn caption_is_kept_out_of_the_running_text() {
    let arts = articles();
    let captions = arts[1]["captions"].as_array().unwrap();
    assert_eq!(captions.len(), 1);
    let caption = page_text(&captions[0]);
    assert!(caption.contains("图为7月3日") && caption.ends_with("新华社发"));
    // 7月3日 stands only in the caption: it is not among the statement's dates.
    let dates: Vec<&str> = arts[1]["entities"]["date"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["text"].as_str().unwrap())
        .collect();
    assert!(!dates.contains(&"7月3日"), "{dates:?}");
}

#[test]
fn broken_sentence_is_rejoined() {
    // The library view: the running text of the first article holds the whole sentence, and
    // its headline, which stood in the middle of it, is read first.
    let page = std::fs::read_to_string(PAGE).unwrap();
    let chars: Vec<char> = page.chars().collect();
    let arts = corpus_cli::split::split_page(&page);
    let run = arts[0].running_text(&chars);
    assert!(
        run.text
            .contains("阿明认同习近平主席关于“阿富汗是地区安全不可或缺的一环”的论述。"),
        "sentence not rejoined"
    );
    assert!(
        run.text
            .starts_with("为实现共同繁荣振兴贡献『上海合作组织力量』\n")
    );
    let at = run.text.chars().collect::<Vec<_>>();
    let i = run.text[..run.text.find("地区安全不可或缺").unwrap()]
        .chars()
        .count();
    assert_eq!(at[i], '地');
    assert_eq!(chars[run.map.to_page(i)], '地');
    assert_eq!(chars[run.map.to_page(i + 1)], '区');
    // The command's view: the two halves count as one paragraph, so the article has one
    // paragraph fewer than the non-blank lines of its span.
    let first = &articles()[0];
    let lines = page_text(&first["span"])
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count();
    assert_eq!(first["stats"]["paragraphs"], lines - 1);
}

#[test]
fn yearless_date_takes_the_pages_year() {
    let arts = articles();
    let d = arts[0]["entities"]["date"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["text"] == "7月4日")
        .expect("7月4日 in the first article")
        .clone();
    assert_eq!(d["value"], "2024-07-04");
    assert_eq!(d["inferred"], true);
    assert_eq!(d["inferred_from"], "page");
    // Mentions point into the page.
    let m = &d["mentions"][0];
    assert_eq!(page_text(m), "7月4日");
}

#[test]
fn without_the_flag_the_page_is_one_document_dated_by_its_dateline() {
    let out = Command::cargo_bin("corpus-cli")
        .unwrap()
        .args(["analyze", "--format", "json", PAGE])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let doc: Value = serde_json::from_slice(&out).unwrap();
    assert!(doc.get("article").is_none());
    let d = doc["entities"]["date"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["text"] == "7月4日")
        .unwrap()
        .clone();
    assert_eq!(d["value"], "2024-07-04");
}
