//! Compact JSON for document records, written by hand: the same bytes as `serde_json::to_writer`
//! on a [`DocumentRecord`], at a fraction of the cost.
//!
//! A document record is mostly small objects (a mention span, a word and its count) whose keys
//! serde_json escapes one by one, through a map serializer since the record flattens its
//! article fields. Here keys are literal bytes, strings are escaped as serde_json escapes them
//! ([`write_str`]), integers are formatted by `itoa` as serde_json formats them, and JSON values
//! (a document's `id`, an entity's `value`) are left to serde_json. The serde derives stay the
//! contract: the tests compare this writer with them on fixture documents and on one with every
//! optional field set. Every type is taken apart with an exhaustive pattern, so a field added to
//! one of them stops the build here until it is written.

use crate::document::{AnchorSource, ArticleInfo, Entity, PosCount, Span, WordCount};
use crate::extract::ByKind;
use crate::stats::Stats;
use crate::views::cooccurrence::{EntityRef, Pair};

use super::DocumentRecord;

/// Append `record` to `out` as compact JSON (no line break).
pub fn write_document(out: &mut Vec<u8>, record: &DocumentRecord<'_>) -> serde_json::Result<()> {
    let DocumentRecord {
        record_type,
        path,
        id,
        encoding,
        article,
        stats,
        entities,
        words,
        pos,
        cooccurrence,
    } = record;
    out.extend_from_slice(b"{\"type\":");
    write_str(out, record_type);
    out.extend_from_slice(b",\"path\":");
    write_str(out, path);
    if let Some(id) = id {
        out.extend_from_slice(b",\"id\":");
        serde_json::to_writer(&mut *out, id)?;
    }
    out.extend_from_slice(b",\"encoding\":");
    write_str(out, encoding);
    if let Some(article) = article {
        // Flattened: its fields stand in the record itself.
        write_article_fields(out, article)?;
    }
    out.extend_from_slice(b",\"stats\":");
    stats.write_json(out)?;
    out.extend_from_slice(b",\"entities\":");
    entities.write_json(out)?;
    out.extend_from_slice(b",\"words\":");
    write_list(out, words)?;
    out.extend_from_slice(b",\"pos\":");
    write_list(out, pos)?;
    if let Some(pairs) = cooccurrence {
        out.extend_from_slice(b",\"cooccurrence\":");
        write_list(out, pairs)?;
    }
    out.push(b'}');
    Ok(())
}

/// The fields of an article, each preceded by a comma.
fn write_article_fields(out: &mut Vec<u8>, info: &ArticleInfo) -> serde_json::Result<()> {
    let ArticleInfo {
        article,
        title,
        span,
        captions,
    } = info;
    out.extend_from_slice(b",\"article\":");
    write_uint(out, *article);
    if let Some(title) = title {
        out.extend_from_slice(b",\"title\":");
        write_str(out, title);
    }
    out.extend_from_slice(b",\"span\":");
    span.write_json(out)?;
    if !captions.is_empty() {
        out.extend_from_slice(b",\"captions\":");
        write_list(out, captions)?;
    }
    Ok(())
}

/// A value written as compact JSON.
trait WriteJson {
    fn write_json(&self, out: &mut Vec<u8>) -> serde_json::Result<()>;
}

/// `[a,b,...]`.
fn write_list<T: WriteJson>(out: &mut Vec<u8>, list: &[T]) -> serde_json::Result<()> {
    out.push(b'[');
    for (i, item) in list.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        item.write_json(out)?;
    }
    out.push(b']');
    Ok(())
}

impl WriteJson for Stats {
    fn write_json(&self, out: &mut Vec<u8>) -> serde_json::Result<()> {
        let Stats {
            characters,
            han_characters,
            tokens,
            distinct_words,
            sentences,
            paragraphs,
        } = self;
        out.extend_from_slice(b"{\"characters\":");
        write_uint(out, *characters);
        out.extend_from_slice(b",\"han_characters\":");
        write_uint(out, *han_characters);
        out.extend_from_slice(b",\"tokens\":");
        write_uint(out, *tokens);
        out.extend_from_slice(b",\"distinct_words\":");
        write_uint(out, *distinct_words);
        out.extend_from_slice(b",\"sentences\":");
        write_uint(out, *sentences);
        out.extend_from_slice(b",\"paragraphs\":");
        write_uint(out, *paragraphs);
        out.push(b'}');
        Ok(())
    }
}

impl<T: WriteJson> WriteJson for ByKind<T> {
    fn write_json(&self, out: &mut Vec<u8>) -> serde_json::Result<()> {
        let ByKind {
            person,
            organization,
            place,
            date,
            number,
        } = self;
        out.extend_from_slice(b"{\"person\":");
        write_list(out, person)?;
        out.extend_from_slice(b",\"organization\":");
        write_list(out, organization)?;
        out.extend_from_slice(b",\"place\":");
        write_list(out, place)?;
        out.extend_from_slice(b",\"date\":");
        write_list(out, date)?;
        out.extend_from_slice(b",\"number\":");
        write_list(out, number)?;
        out.push(b'}');
        Ok(())
    }
}

impl WriteJson for Entity {
    fn write_json(&self, out: &mut Vec<u8>) -> serde_json::Result<()> {
        let Entity {
            kind: _, // not serialized: the list it stands in says it
            text,
            count,
            value,
            inferred,
            inferred_from,
            unit,
            ordinal,
            percent,
            approximate,
            aliases,
            alias_of,
            mentions,
        } = self;
        out.extend_from_slice(b"{\"text\":");
        write_str(out, text);
        out.extend_from_slice(b",\"count\":");
        write_uint(out, *count);
        if let Some(value) = value {
            out.extend_from_slice(b",\"value\":");
            serde_json::to_writer(&mut *out, value)?;
        }
        if let Some(inferred) = inferred {
            out.extend_from_slice(b",\"inferred\":");
            write_bool(out, *inferred);
        }
        if let Some(source) = inferred_from {
            out.extend_from_slice(b",\"inferred_from\":");
            write_str(out, anchor_name(*source));
        }
        if let Some(unit) = unit {
            out.extend_from_slice(b",\"unit\":");
            match unit {
                Some(unit) => write_str(out, unit),
                None => out.extend_from_slice(b"null"),
            }
        }
        if let Some(ordinal) = ordinal {
            out.extend_from_slice(b",\"ordinal\":");
            write_bool(out, *ordinal);
        }
        if let Some(percent) = percent {
            out.extend_from_slice(b",\"percent\":");
            write_bool(out, *percent);
        }
        if let Some(approximate) = approximate {
            out.extend_from_slice(b",\"approximate\":");
            write_bool(out, *approximate);
        }
        if !aliases.is_empty() {
            out.extend_from_slice(b",\"aliases\":");
            write_list(out, aliases)?;
        }
        if let Some(full) = alias_of {
            out.extend_from_slice(b",\"alias_of\":");
            write_str(out, full);
        }
        out.extend_from_slice(b",\"mentions\":");
        write_list(out, mentions)?;
        out.push(b'}');
        Ok(())
    }
}

impl WriteJson for WordCount {
    fn write_json(&self, out: &mut Vec<u8>) -> serde_json::Result<()> {
        let WordCount { word, pos, count } = self;
        out.extend_from_slice(b"{\"word\":");
        write_str(out, word);
        out.extend_from_slice(b",\"pos\":");
        write_str(out, pos);
        out.extend_from_slice(b",\"count\":");
        write_uint(out, *count);
        out.push(b'}');
        Ok(())
    }
}

impl WriteJson for PosCount {
    fn write_json(&self, out: &mut Vec<u8>) -> serde_json::Result<()> {
        let PosCount { pos, count } = self;
        out.extend_from_slice(b"{\"pos\":");
        write_str(out, pos);
        out.extend_from_slice(b",\"count\":");
        write_uint(out, *count);
        out.push(b'}');
        Ok(())
    }
}

impl WriteJson for Pair {
    fn write_json(&self, out: &mut Vec<u8>) -> serde_json::Result<()> {
        let Pair { a, b, count } = self;
        out.extend_from_slice(b"{\"a\":");
        write_entity_ref(out, a);
        out.extend_from_slice(b",\"b\":");
        write_entity_ref(out, b);
        out.extend_from_slice(b",\"count\":");
        write_uint(out, *count);
        out.push(b'}');
        Ok(())
    }
}

fn write_entity_ref(out: &mut Vec<u8>, entity: &EntityRef) {
    let EntityRef { kind, text } = entity;
    out.extend_from_slice(b"{\"kind\":");
    write_str(out, kind.name());
    out.extend_from_slice(b",\"text\":");
    write_str(out, text);
    out.push(b'}');
}

impl WriteJson for Span {
    fn write_json(&self, out: &mut Vec<u8>) -> serde_json::Result<()> {
        let Span { start, end } = self;
        out.extend_from_slice(b"{\"start\":");
        write_uint(out, *start);
        out.extend_from_slice(b",\"end\":");
        write_uint(out, *end);
        out.push(b'}');
        Ok(())
    }
}

impl WriteJson for String {
    fn write_json(&self, out: &mut Vec<u8>) -> serde_json::Result<()> {
        write_str(out, self);
        Ok(())
    }
}

/// An [`AnchorSource`] as serde names it (`rename_all = "lowercase"`).
fn anchor_name(source: AnchorSource) -> &'static str {
    match source {
        AnchorSource::Dateline => "dateline",
        AnchorSource::Article => "article",
        AnchorSource::Page => "page",
    }
}

fn write_uint(out: &mut Vec<u8>, n: usize) {
    // Half the integers of a record are one digit (counts of 1): a push spares them itoa's
    // buffer and a call to copy it.
    if n < 10 {
        out.push(b'0' + n as u8);
    } else {
        out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
    }
}

fn write_bool(out: &mut Vec<u8>, b: bool) {
    out.extend_from_slice(if b { b"true" } else { b"false" });
}

/// `s` as a JSON string, escaped as serde_json escapes it: `"` and `\` with a backslash, the
/// control characters below U+0020 as `\b \f \n \r \t` or else `\u00XX` (lower-case hex), and
/// nothing else (non-ASCII is written as is).
fn write_str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.push(b'"');
    if is_plain(bytes) {
        out.extend_from_slice(bytes);
    } else {
        write_escaped(out, bytes);
    }
    out.push(b'"');
}

/// Whether JSON escapes a byte.
fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// Whether no byte of `bytes` needs escaping, tested eight bytes at a time (the strings of a
/// record are mostly a few CJK characters, none escaped): whole words, and for a string shorter
/// than a word its first and last four bytes, which overlap or meet.
fn is_plain(bytes: &[u8]) -> bool {
    if let Some(last) = bytes.last_chunk::<8>() {
        let (words, _) = bytes.as_chunks::<8>();
        words.iter().all(|w| plain_word(u64::from_le_bytes(*w)))
            && plain_word(u64::from_le_bytes(*last))
    } else if let (Some(first), Some(last)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        let (first, last) = (u32::from_le_bytes(*first), u32::from_le_bytes(*last));
        plain_word(u64::from(first) << 32 | u64::from(last))
    } else {
        !bytes.iter().any(|&b| needs_escape(b))
    }
}

/// Whether no byte of `word` needs escaping, tested on the whole word at once.
fn plain_word(word: u64) -> bool {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES * 0x80;
    // Not zero exactly when some byte of `v` is below `n` (n <= 0x80), for n subtracted from
    // every byte: with no byte below n, nothing borrows and a byte whose high bit is clear stays
    // below 0x80; the lowest byte below n wraps to 0x80 or more with its high bit clear in `v`.
    let below = |v: u64, n: u8| v.wrapping_sub(ONES * u64::from(n)) & !v & HIGH;
    // A byte equal to `c` is a zero byte of `word ^ c..c`, that is, a byte below 1.
    let equal = |c: u8| below(word ^ (ONES * u64::from(c)), 1);
    (below(word, 0x20) | equal(b'"') | equal(b'\\')) == 0
}

/// The bytes of a string that needs escaping; runs without an escape are copied whole.
fn write_escaped(out: &mut Vec<u8>, bytes: &[u8]) {
    // Bytes from `start` on are not written yet.
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if !needs_escape(b) {
            continue;
        }
        out.extend_from_slice(&bytes[start..i]);
        start = i + 1;
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 0xf)]);
            }
        }
    }
    out.extend_from_slice(&bytes[start..]);
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use proptest::prelude::*;

    use super::*;
    use crate::document::{Analyzer, Document};
    use crate::extract::EntityKind;
    use crate::views::cooccurrence::{self, NAMED_KINDS, Unit};

    /// Both writers on `record`: they must give the same bytes.
    fn assert_same(record: &DocumentRecord<'_>) {
        let mut ours = Vec::new();
        write_document(&mut ours, record).unwrap();
        let serde = serde_json::to_vec(record).unwrap();
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            String::from_utf8(serde).unwrap()
        );
    }

    /// `doc` written bare, with identifiers of each JSON type, and with its top words only.
    fn assert_same_every_way(path: &str, doc: &Document) {
        assert_same(&DocumentRecord::new(path, "UTF-8", doc, 0));
        assert_same(&DocumentRecord::new(path, "GB18030", doc, 3));
        for id in [
            serde_json::json!("a\"b\\c\n"),
            serde_json::json!(42),
            serde_json::json!(-1.5),
            serde_json::json!({"feed": ["新华社", null, true]}),
        ] {
            assert_same(&DocumentRecord::new(path, "UTF-8", doc, 0).with_id(Some(&id)));
        }
    }

    /// The texts of fixtures/, each with its path.
    fn fixture_texts() -> Vec<(String, String)> {
        let mut texts = Vec::new();
        let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "txt") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    texts.push((path.display().to_string(), text));
                }
            }
        }
        texts.sort();
        assert!(texts.len() >= 5, "{texts:?}");
        texts
    }

    #[test]
    fn fixture_documents_are_written_as_serde_writes_them() {
        let analyzer = Analyzer::default();
        let (mut titled, mut numbers, mut pairs) = (0, 0, 0);
        for (path, text) in fixture_texts() {
            let mut doc = analyzer.analyze(&text);
            assert_same_every_way(&path, &doc);
            for unit in [Unit::Sentence, Unit::Document] {
                doc.cooccurrence = Some(cooccurrence::pairs(&text, &doc, unit, &NAMED_KINDS));
                pairs += doc.cooccurrence.as_ref().unwrap().len();
                assert_same_every_way(&path, &doc);
            }
            numbers += doc.entities.number.len();
            for mut doc in analyzer.analyze_page(&text) {
                titled += usize::from(doc.article.as_ref().is_some_and(|a| a.title.is_some()));
                assert_same_every_way(&path, &doc);
                doc.cooccurrence = Some(cooccurrence::pairs(&text, &doc, Unit::Sentence, &[]));
                assert_same_every_way(&path, &doc);
            }
        }
        // The fixtures exercise what they are meant to.
        assert!(
            titled > 3 && numbers > 10 && pairs > 10,
            "{titled} {numbers} {pairs}"
        );
    }

    /// A document with every optional field of every type set, strings that need escaping, and
    /// floats: what the fixtures may not have.
    #[test]
    fn every_field_is_written_as_serde_writes_it() {
        let span = |start, end| Span { start, end };
        let mut doc = Analyzer::default().analyze("");
        doc.article = Some(ArticleInfo {
            article: 3,
            title: Some("标题 \"引号\"\t".into()),
            span: span(10, 2000),
            captions: vec![span(12, 30), span(40, 55)],
        });
        let mut date = Entity::new(EntityKind::Date, "7月4日").with_mentions(&[(1, 5), (9, 13)]);
        date.value = Some(serde_json::json!("2024-07-04"));
        date.inferred = Some(true);
        let mut dates = Vec::new();
        for source in [
            AnchorSource::Dateline,
            AnchorSource::Article,
            AnchorSource::Page,
        ] {
            let mut d = date.clone();
            d.inferred_from = Some(source);
            dates.push(d);
        }
        let mut number = Entity::new(EntityKind::Number, "12.5亿").with_mentions(&[(0, 5)]);
        number.value = Some(serde_json::json!(1.25e9));
        number.unit = Some(Some("吨".into()));
        number.ordinal = Some(false);
        number.percent = Some(true);
        number.approximate = Some(false);
        let mut unitless = number.clone();
        unitless.value = Some(serde_json::json!(0.034));
        unitless.unit = Some(None);
        let mut full = Entity::new(EntityKind::Person, "凯瑟·纳瓦卜").with_mentions(&[(0, 6)]);
        full.aliases = vec!["纳瓦卜".into(), "a\\b".into()];
        let mut short = Entity::new(EntityKind::Person, "纳瓦卜\u{1}").with_mentions(&[]);
        short.alias_of = Some("凯瑟·纳瓦卜".into());
        doc.entities.person = vec![full, short];
        doc.entities.date = dates;
        doc.entities.number = vec![number, unitless];
        doc.words = vec![WordCount {
            word: "\u{7f}\r\n".into(),
            pos: "x".into(),
            count: usize::MAX,
        }];
        doc.pos = vec![PosCount {
            pos: "\u{8}\u{c}".into(),
            count: 0,
        }];
        let entity = |kind, text: &str| EntityRef {
            kind,
            text: text.into(),
        };
        doc.cooccurrence = Some(
            EntityKind::ALL
                .into_iter()
                .map(|kind| Pair {
                    a: entity(kind, "\"a\""),
                    b: entity(kind, "b"),
                    count: 7,
                })
                .collect(),
        );
        assert_same_every_way("dir/\"odd\" name\\.txt", &doc);
    }

    #[test]
    fn every_escaped_byte_is_found_at_every_place() {
        // Next to bytes of each kind (ASCII, lead and continuation bytes of CJK, DEL, Latin-1),
        // in strings shorter and longer than the words they are tested in.
        for filler in ["a", "中", "\u{7f}", "\u{ff}"] {
            for len in 0..12 {
                for at in 0..=len {
                    for b in 0..0x80u8 {
                        let s = format!(
                            "{}{}{}",
                            filler.repeat(at),
                            b as char,
                            filler.repeat(len - at)
                        );
                        let mut ours = Vec::new();
                        write_str(&mut ours, &s);
                        assert_eq!(ours, serde_json::to_vec(&s).unwrap(), "{s:?}");
                    }
                }
            }
        }
    }

    proptest! {
        #[test]
        fn strings_are_escaped_as_serde_escapes_them(
            s in prop_oneof![any::<String>(), r#"[\x00-\x1f"\\\x7fa/中é😀 ]{0,40}"#]
        ) {
            let mut ours = Vec::new();
            write_str(&mut ours, &s);
            prop_assert_eq!(ours, serde_json::to_vec(&s).unwrap());
        }
    }
}
