//! The per-document pipeline: paragraphs are folded, segmented, passed through the extractors and
//! counted, and the results gathered into a [`Document`], the record every reporter prints.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::extract::{
    self, DateValue, Detail, EntityKind, Extractor, Mention, NumberValue, Paragraph,
};
use crate::normalize;
use crate::segment::Segmenter;
use crate::stats::{self, Counts, Stats, Stopwords};

/// A character span in the decoded text (Unicode scalar values, end exclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// One distinct entity of a document: its text as written, how often it is mentioned and where,
/// and what its kind knows about it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    #[serde(skip)]
    pub kind: Option<EntityKind>,
    pub text: String,
    pub count: usize,
    /// Dates: the ISO 8601 value (a string). Numbers: the numeric value.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub value: Option<serde_json::Value>,
    /// Dates: true when the year was taken from context rather than written.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub inferred: Option<bool>,
    /// Numbers: the measure word or currency (null when there is none).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub unit: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub ordinal: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub percent: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub approximate: Option<bool>,
    /// Other surfaces that refer to this entity in the document (纳瓦卜 for 凯瑟·纳瓦卜).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub aliases: Vec<String>,
    pub mentions: Vec<Span>,
}

/// The entities of a document, by kind; every kind is always present.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Entities {
    pub person: Vec<Entity>,
    pub organization: Vec<Entity>,
    pub place: Vec<Entity>,
    pub date: Vec<Entity>,
    pub number: Vec<Entity>,
}

impl Entities {
    pub fn get(&self, kind: EntityKind) -> &Vec<Entity> {
        match kind {
            EntityKind::Person => &self.person,
            EntityKind::Organization => &self.organization,
            EntityKind::Place => &self.place,
            EntityKind::Date => &self.date,
            EntityKind::Number => &self.number,
        }
    }

    pub fn get_mut(&mut self, kind: EntityKind) -> &mut Vec<Entity> {
        match kind {
            EntityKind::Person => &mut self.person,
            EntityKind::Organization => &mut self.organization,
            EntityKind::Place => &mut self.place,
            EntityKind::Date => &mut self.date,
            EntityKind::Number => &mut self.number,
        }
    }
}

/// A word of the frequency table with its most frequent part of speech.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordCount {
    pub word: String,
    pub pos: String,
    pub count: usize,
}

/// How many tokens carry a part-of-speech tag.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PosCount {
    pub pos: String,
    pub count: usize,
}

/// Everything corpus-cli found in one document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub stats: Stats,
    pub entities: Entities,
    pub words: Vec<WordCount>,
    pub pos: Vec<PosCount>,
}

/// What the analysis is configured with; shared by every thread.
#[derive(Clone, Debug)]
pub struct Analyzer {
    segmenter: Segmenter,
    extractor: Extractor,
    stopwords: Stopwords,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new(Segmenter::shared(), Stopwords::builtin())
    }
}

impl Analyzer {
    pub fn new(segmenter: Segmenter, stopwords: Stopwords) -> Self {
        Analyzer {
            segmenter,
            extractor: Extractor,
            stopwords,
        }
    }

    /// Analyze a whole text.
    ///
    /// ```
    /// let doc = corpus_cli::Analyzer::default().analyze("新华社北京7月5日电 国家主席习近平出席会议。");
    /// assert_eq!(doc.entities.person[0].text, "习近平");
    /// assert_eq!(doc.entities.date[0].text, "7月5日");
    /// ```
    pub fn analyze(&self, text: &str) -> Document {
        let mut builder = self.builder();
        for line in text.split_inclusive('\n') {
            builder.push_line(line);
        }
        builder.finish()
    }

    /// A builder that takes a document line by line (for streaming large inputs).
    pub fn builder(&self) -> DocumentBuilder<'_> {
        DocumentBuilder {
            analyzer: self,
            offset: 0,
            counts: Counts::default(),
            mentions: Vec::new(),
            extra_pieces: 0,
        }
    }

    pub fn segmenter(&self) -> Segmenter {
        self.segmenter
    }

    pub fn stopwords(&self) -> &Stopwords {
        &self.stopwords
    }
}

/// A mention placed in the document, with its surface as written.
#[derive(Clone, Debug)]
struct Found {
    mention: Mention,
    text: String,
}

/// Lines longer than this (in bytes) are analyzed in pieces of at most about this size, cut after
/// a sentence's end where there is one, so that a file that is one huge line (a 50 MB dump
/// without line breaks) is segmented and scanned with bounded memory. Offsets are unchanged.
pub const MAX_PIECE_BYTES: usize = 64 * 1024;

/// Accumulates a document paragraph by paragraph.
pub struct DocumentBuilder<'a> {
    analyzer: &'a Analyzer,
    offset: usize,
    counts: Counts,
    mentions: Vec<Found>,
    /// Pieces counted as paragraphs beyond the first of each long line (taken off at the end).
    extra_pieces: usize,
}

impl DocumentBuilder<'_> {
    /// Add one line of the text (with or without its line break).
    pub fn push_line(&mut self, line: &str) {
        self.push_line_in_pieces(line, MAX_PIECE_BYTES);
    }

    fn push_line_in_pieces(&mut self, line: &str, max_piece: usize) {
        let n_chars = line.chars().count();
        let body = line.trim_end_matches(['\n', '\r']);
        self.counts.add_raw(line);
        if !body.trim().is_empty() {
            let mut piece_offset = self.offset;
            let mut pieces = 0usize;
            for piece in split_long_line(body, max_piece) {
                let piece_chars = piece.chars().count();
                if !piece.trim().is_empty() {
                    self.push_piece(piece, piece_offset);
                    pieces += 1;
                }
                piece_offset += piece_chars;
            }
            self.extra_pieces += pieces.saturating_sub(1);
        }
        self.offset += n_chars;
    }

    /// Segment, count and extract one non-blank piece of a line starting at character `offset`.
    fn push_piece(&mut self, body: &str, offset: usize) {
        let folded = normalize::fold(body);
        let tokens = self.analyzer.segmenter.tag(&folded);
        self.counts
            .add_paragraph(&folded, &tokens, body, &self.analyzer.stopwords);
        let mut para = Paragraph::new(&folded, &tokens);
        let original: Vec<char> = body.chars().collect();
        for m in self.analyzer.extractor.extract(&mut para) {
            let text: String = original[m.start..m.end].iter().collect();
            let mut mention = m;
            mention.start += offset;
            mention.end += offset;
            self.mentions.push(Found { mention, text });
        }
    }

    /// Resolve context (years of dates, short names) and build the document.
    pub fn finish(mut self) -> Document {
        infer_years(&mut self.mentions);
        let entities = group_entities(self.mentions);
        let (mut stats, words, pos) = self.counts.finish();
        // Each piece was counted as a paragraph; a long line is still one paragraph.
        stats.paragraphs -= self.extra_pieces;
        Document {
            stats,
            entities,
            words,
            pos,
        }
    }
}

/// Cut `line` into pieces of at most about `max` bytes. A cut goes after the last sentence end
/// (。！？!? or ；;, with any closing quotes or brackets that follow it) in the window; where
/// the window has none, after the last comma or space; where it has neither, at the last
/// character boundary. Short lines are one piece. The pieces, joined, are `line`.
fn split_long_line(line: &str, max: usize) -> impl Iterator<Item = &str> {
    let mut rest = line;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        if rest.len() <= max {
            return Some(std::mem::take(&mut rest));
        }
        let mut window_end = max.max(1);
        while !rest.is_char_boundary(window_end) {
            window_end += 1;
        }
        let window = &rest[..window_end];
        let after = |i: usize, c: char| i + c.len_utf8();
        let closers = ['”', '’', '」', '』', '）', ')', '"', '\'', '》', '】'];
        let cut = window
            .char_indices()
            .rev()
            .find(|&(_, c)| matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';'))
            .map(|(i, c)| {
                let mut end = after(i, c);
                for c in rest[end..].chars() {
                    if !closers.contains(&c) {
                        break;
                    }
                    end += c.len_utf8();
                }
                end
            })
            .or_else(|| {
                window
                    .char_indices()
                    .rev()
                    .find(|&(_, c)| matches!(c, '，' | ',' | '、' | ' ' | '\t' | '\u{3000}'))
                    .map(|(i, c)| after(i, c))
            })
            .unwrap_or(window_end);
        let (piece, tail) = rest.split_at(cut);
        rest = tail;
        Some(piece)
    })
}

/// Dates written without a year take the year of the nearest date before them that has one
/// (or, at the top of the text, the first one after them).
fn infer_years(found: &mut [Found]) {
    let years: Vec<Option<u32>> = found
        .iter()
        .map(|f| match &f.mention.detail {
            Detail::Date(v) => extract::date::year_of(v),
            _ => None,
        })
        .collect();
    let first = years.iter().flatten().next().copied();
    let mut last = None;
    for (f, y) in found.iter_mut().zip(&years) {
        if y.is_some() {
            last = *y;
        }
        if let Detail::Date(v) = &mut f.mention.detail {
            extract::date::infer_year(&f.text, v, last.or(first));
        }
    }
}

fn json_number(v: f64) -> serde_json::Value {
    if v.fract() == 0.0 && v.abs() < 9e15 {
        serde_json::Value::from(v as i64)
    } else {
        serde_json::Number::from_f64(v).map_or(serde_json::Value::Null, serde_json::Value::Number)
    }
}

fn group_entities(found: Vec<Found>) -> Entities {
    let mut groups: BTreeMap<(EntityKind, String), Entity> = BTreeMap::new();
    for f in found {
        let kind = f.mention.kind;
        let span = Span {
            start: f.mention.start,
            end: f.mention.end,
        };
        let entry = groups.entry((kind, f.text.clone())).or_insert_with(|| {
            let mut e = Entity {
                kind: Some(kind),
                text: f.text.clone(),
                count: 0,
                value: None,
                inferred: None,
                unit: None,
                ordinal: None,
                percent: None,
                approximate: None,
                aliases: Vec::new(),
                mentions: Vec::new(),
            };
            match &f.mention.detail {
                Detail::Date(DateValue { iso, inferred }) => {
                    e.value = Some(serde_json::Value::from(iso.clone()));
                    e.inferred = Some(*inferred);
                }
                Detail::Number(NumberValue {
                    value,
                    unit,
                    ordinal,
                    percent,
                    approximate,
                }) => {
                    e.value = Some(json_number(*value));
                    e.unit = Some(unit.clone());
                    e.ordinal = Some(*ordinal);
                    e.percent = Some(*percent);
                    e.approximate = Some(*approximate);
                }
                Detail::None => {}
            }
            e
        });
        entry.count += 1;
        entry.mentions.push(span);
    }
    let mut entities = Entities::default();
    for ((kind, _), e) in groups {
        entities.get_mut(kind).push(e);
    }
    link_short_names(&mut entities.person);
    for kind in EntityKind::ALL {
        sort_entities(entities.get_mut(kind));
    }
    entities
}

/// A later short mention of a transliterated name (纳瓦卜 after 凯瑟·纳瓦卜) joins the full name
/// as an alias instead of standing as a person of its own.
fn link_short_names(persons: &mut Vec<Entity>) {
    let mut by_part: HashMap<String, usize> = HashMap::new();
    let mut ambiguous = Vec::new();
    for (i, e) in persons.iter().enumerate() {
        let parts: Vec<&str> = e.text.split(['·', '•', '・', '.', '．']).collect();
        if parts.len() < 2 {
            continue;
        }
        for part in [parts[0], parts[parts.len() - 1]] {
            if part.chars().count() >= 2 && by_part.insert(part.to_string(), i).is_some() {
                ambiguous.push(part.to_string());
            }
        }
    }
    for a in ambiguous {
        by_part.remove(&a);
    }
    let mut merged = vec![false; persons.len()];
    for i in 0..persons.len() {
        if let Some(&full) = by_part.get(&persons[i].text)
            && full != i
        {
            let short = persons[i].clone();
            let target = &mut persons[full];
            target.count += short.count;
            target.mentions.extend(short.mentions);
            target.mentions.sort();
            target.aliases.push(short.text);
            merged[i] = true;
        }
    }
    let mut i = 0;
    persons.retain(|_| {
        let keep = !merged[i];
        i += 1;
        keep
    });
}

/// Sort by count (descending), then text: the order every report uses.
pub fn sort_entities(list: &mut [Entity]) {
    list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.text.cmp(&b.text)));
}

pub use stats::sort_words;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_char_offsets_into_the_whole_text() {
        let text = "第一段。\r\n国家主席习近平出席。\n";
        let doc = Analyzer::default().analyze(text);
        let xi = &doc.entities.person[0];
        assert_eq!(xi.text, "习近平");
        let chars: Vec<char> = text.chars().collect();
        let s = xi.mentions[0];
        assert_eq!(chars[s.start..s.end].iter().collect::<String>(), "习近平");
    }

    #[test]
    fn long_lines_are_cut_after_sentence_ends_and_nothing_is_lost() {
        let line = "国家主席习近平出席会议。“这是好事！”他说，合作共赢；ABC def";
        let pieces: Vec<&str> = split_long_line(line, 40).collect();
        assert_eq!(pieces.concat(), line);
        assert_eq!(pieces[0], "国家主席习近平出席会议。");
        assert!(pieces.iter().all(|p| !p.is_empty()));
        // A closing quote stays with its sentence.
        assert!(pieces.contains(&"“这是好事！”"), "{pieces:?}");
        // No sentence end and no comma: cut at a character boundary, never inside a character.
        let han = "中".repeat(50);
        let pieces: Vec<&str> = split_long_line(&han, 10).collect();
        assert_eq!(pieces.concat(), han);
        assert!(pieces.iter().all(|p| p.len() <= 12), "{pieces:?}");
        assert_eq!(
            split_long_line("短句。", 64).collect::<Vec<_>>(),
            ["短句。"]
        );
        assert_eq!(split_long_line("", 64).count(), 0);
    }

    #[test]
    fn a_line_analyzed_in_pieces_gives_the_same_document() {
        let one_line = "2023年3月18日，宁波舟山港集团在浙江宁波召开年度工作会议。\
            去年全港完成货物吞吐量12.5亿吨，同比增长3.4%。集团董事长陈明表示，将新开通航线二十条。\
            3月20日，交通运输部有关负责人前往梅山港区调研。"
            .repeat(40);
        let text = format!("第一段。\n{one_line}\r\n最后一段，王晓红报道。\n");
        let analyzer = Analyzer::default();
        let whole = {
            let mut b = analyzer.builder();
            for line in text.split_inclusive('\n') {
                b.push_line_in_pieces(line, usize::MAX);
            }
            b.finish()
        };
        let pieces = {
            let mut b = analyzer.builder();
            for line in text.split_inclusive('\n') {
                b.push_line_in_pieces(line, 300);
            }
            b.finish()
        };
        assert_eq!(whole.stats.paragraphs, 3);
        assert_eq!(pieces, whole);
        let march18 = whole
            .entities
            .date
            .iter()
            .find(|e| e.text == "2023年3月18日")
            .unwrap();
        assert_eq!(march18.count, 40);
    }

    #[test]
    fn year_is_inferred_from_context() {
        let doc = Analyzer::default().analyze("2024年7月5日，峰会闭幕。7月4日，会议开幕。");
        let d = doc
            .entities
            .date
            .iter()
            .find(|e| e.text == "7月4日")
            .unwrap();
        assert_eq!(d.value, Some(serde_json::json!("2024-07-04")));
        assert_eq!(d.inferred, Some(true));
    }

    #[test]
    fn full_width_digits_keep_their_surface() {
        let doc = Analyzer::default().analyze("１９９８年１月１日");
        assert_eq!(doc.entities.date[0].text, "１９９８年１月１日");
        assert_eq!(
            doc.entities.date[0].value,
            Some(serde_json::json!("1998-01-01"))
        );
    }

    #[test]
    fn short_transliterated_name_becomes_an_alias() {
        let mut persons = vec![
            Entity {
                kind: Some(EntityKind::Person),
                text: "凯瑟·纳瓦卜".into(),
                count: 1,
                value: None,
                inferred: None,
                unit: None,
                ordinal: None,
                percent: None,
                approximate: None,
                aliases: vec![],
                mentions: vec![Span { start: 0, end: 6 }],
            },
            Entity {
                kind: Some(EntityKind::Person),
                text: "纳瓦卜".into(),
                count: 2,
                value: None,
                inferred: None,
                unit: None,
                ordinal: None,
                percent: None,
                approximate: None,
                aliases: vec![],
                mentions: vec![Span { start: 10, end: 13 }, Span { start: 20, end: 23 }],
            },
        ];
        link_short_names(&mut persons);
        assert_eq!(persons.len(), 1);
        assert_eq!(persons[0].count, 3);
        assert_eq!(persons[0].aliases, ["纳瓦卜"]);
    }
}
