//! Concordance (key word in context): every occurrence of a string, or every mention of an
//! entity kind, with a few characters of context on each side, at character offsets.

use std::cmp::Ordering;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::document::Document;
use crate::extract::EntityKind;

/// One occurrence: `text[start..end]` (character offsets) is `matched`, with up to `width`
/// characters of context on each side, exactly as written (line breaks included).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub left: String,
    #[serde(rename = "match")]
    pub matched: String,
    pub right: String,
}

/// How a concordance is ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum SortBy {
    /// By path, then position in the text.
    #[default]
    Path,
    /// By the left context read backwards from the term (the word just before it first).
    Left,
    /// By the right context (the word just after the term first).
    Right,
}

fn hit(chars: &[char], start: usize, end: usize, width: usize) -> Hit {
    let from = start.saturating_sub(width);
    let to = (end + width).min(chars.len());
    Hit {
        start,
        end,
        left: chars[from..start].iter().collect(),
        matched: chars[start..end].iter().collect(),
        right: chars[end..to].iter().collect(),
    }
}

/// Every occurrence of `term` in `text`, left to right and not overlapping (as a plain string
/// search counts them). An empty term matches nothing.
///
/// ```
/// let hits = corpus_cli::views::kwic::find_term("上合组织和上合组织", "上合组织", 2);
/// assert_eq!(hits.len(), 2);
/// assert_eq!((hits[1].start, hits[1].end), (5, 9));
/// assert_eq!(hits[1].left, "织和");
/// ```
pub fn find_term(text: &str, term: &str, width: usize) -> Vec<Hit> {
    if term.is_empty() {
        return Vec::new();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    // Walk the byte offsets of matches and the character count alongside.
    let mut char_pos = 0;
    let mut byte_pos = 0;
    let term_chars = term.chars().count();
    for (b, _) in text.match_indices(term) {
        char_pos += text[byte_pos..b].chars().count();
        byte_pos = b;
        out.push(hit(&chars, char_pos, char_pos + term_chars, width));
    }
    out
}

/// Every mention of an entity of `kind` in the analyzed `doc` of `text`, in text order.
pub fn find_entities(text: &str, doc: &Document, kind: EntityKind, width: usize) -> Vec<Hit> {
    let chars: Vec<char> = text.chars().collect();
    let mut spans: Vec<(usize, usize)> = doc
        .entities
        .get(kind)
        .iter()
        .flat_map(|e| e.mentions.iter().map(|m| (m.start, m.end)))
        .filter(|&(s, e)| s < e && e <= chars.len())
        .collect();
    spans.sort_unstable();
    spans.dedup();
    spans
        .into_iter()
        .map(|(s, e)| hit(&chars, s, e, width))
        .collect()
}

/// Compare two hits (with their paths) as `sort` says; ties fall back to path and offset.
pub fn compare(sort: SortBy, a: (&str, &Hit), b: (&str, &Hit)) -> Ordering {
    let by_place = || a.0.cmp(b.0).then(a.1.start.cmp(&b.1.start));
    match sort {
        SortBy::Path => by_place(),
        SortBy::Left => {
            a.1.left
                .chars()
                .rev()
                .cmp(b.1.left.chars().rev())
                .then_with(|| a.1.matched.cmp(&b.1.matched))
                .then_with(by_place)
        }
        SortBy::Right => {
            a.1.right
                .cmp(&b.1.right)
                .then_with(|| a.1.matched.cmp(&b.1.matched))
                .then_with(by_place)
        }
    }
}

/// Context made printable on one line: line breaks and tabs become spaces.
pub fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Pad `s` on the left with spaces to `width` display columns (CJK characters count two).
pub fn pad_left(s: &str, width: usize) -> String {
    let w = UnicodeWidthStr::width(s);
    format!("{}{s}", " ".repeat(width.saturating_sub(w)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Analyzer;

    #[test]
    fn offsets_are_characters_and_context_is_clipped() {
        let text = "甲\n上合组织峰会";
        let hits = find_term(text, "峰会", 3);
        assert_eq!(hits.len(), 1);
        let h = &hits[0];
        assert_eq!((h.start, h.end), (6, 8));
        assert_eq!(h.left, "合组织");
        assert_eq!(h.right, "");
        let all: Vec<char> = text.chars().collect();
        assert_eq!(all[h.start..h.end].iter().collect::<String>(), "峰会");
    }

    #[test]
    fn matches_do_not_overlap() {
        assert_eq!(find_term("哈哈哈", "哈哈", 5).len(), 1);
        assert!(find_term("abc", "", 5).is_empty());
    }

    #[test]
    fn entity_mentions_of_a_kind() {
        let text = "国家主席习近平在北京出席会议。习近平指出，合作很重要。";
        let doc = Analyzer::default().analyze(text);
        let hits = find_entities(text, &doc, EntityKind::Person, 4);
        assert_eq!(hits.len(), 2, "{hits:?}");
        assert!(hits.iter().all(|h| h.matched == "习近平"));
        assert_eq!(hits[0].left, "国家主席");
    }

    #[test]
    fn sort_by_left_reads_backwards() {
        let a = Hit {
            start: 0,
            end: 1,
            left: "XA".into(),
            matched: "m".into(),
            right: "".into(),
        };
        let b = Hit {
            left: "AB".into(),
            ..a.clone()
        };
        // Last characters: A < B, so a (…A) sorts before b (…B).
        assert_eq!(compare(SortBy::Left, ("p", &a), ("p", &b)), Ordering::Less);
        assert_eq!(compare(SortBy::Path, ("p", &a), ("q", &b)), Ordering::Less);
    }

    #[test]
    fn padding_counts_display_columns() {
        assert_eq!(pad_left("上合", 6), "  上合");
        assert_eq!(pad_left("ab", 3), " ab");
    }
}
