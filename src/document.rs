//! The per-document pipeline: paragraphs are folded, segmented, passed through the extractors and
//! counted, and the results gathered into a [`Document`], the record every reporter prints.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasher;
use std::sync::Arc;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;
use serde::{Deserialize, Serialize};

use crate::extract::{
    self, DateValue, Detail, EntityKind, Extractor, Mention, NumberValue, Paragraph,
};
use crate::normalize;
use crate::segment::Segmenter;
use crate::split::{self, Dateline, OffsetMap};
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
    /// Dates with an inferred year: where the year came from.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub inferred_from: Option<AnchorSource>,
    /// Numbers: the measure word or currency (null when there is none).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub unit: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub ordinal: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub percent: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub approximate: Option<bool>,
    /// Other surfaces that refer to this entity in the document (纳瓦卜 for 凯瑟·纳瓦卜); each
    /// is an entity of its own, with its own count, that names this one in `alias_of`.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub aliases: Vec<String>,
    /// The full name this surface is a short form of (凯瑟·纳瓦卜 for 纳瓦卜).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub alias_of: Option<String>,
    /// Where it is mentioned: the first [`MAX_MENTION_SPANS`] mentions (`count` is exact).
    pub mentions: Vec<Span>,
}

impl Entity {
    /// An entity of `kind` with no mentions yet and no kind-specific fields.
    pub fn new(kind: EntityKind, text: impl Into<String>) -> Self {
        Entity {
            kind: Some(kind),
            text: text.into(),
            count: 0,
            value: None,
            inferred: None,
            inferred_from: None,
            unit: None,
            ordinal: None,
            percent: None,
            approximate: None,
            aliases: Vec::new(),
            alias_of: None,
            mentions: Vec::new(),
        }
    }

    /// An entity with these mention spans (count = their number).
    pub fn with_mentions(mut self, spans: &[(usize, usize)]) -> Self {
        self.mentions = spans
            .iter()
            .map(|&(start, end)| Span { start, end })
            .collect();
        self.count = self.mentions.len();
        self
    }
}

/// Where the year of a date written without one was taken from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AnchorSource {
    /// The article's dateline (新华社阿斯塔纳2024年7月5日电).
    Dateline,
    /// A date with its year written elsewhere in the same article.
    Article,
    /// The latest full date on the page the article stands in (with `--split-articles`).
    Page,
}

/// Where an article stands in its page (set when a page is split into articles).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleInfo {
    /// 1-based position of the article on the page.
    pub article: usize,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub title: Option<String>,
    /// The characters of the page the article covers; mention offsets are page offsets too.
    pub span: Span,
    /// Photo captions standing in the article (kept out of its counts and entities).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub captions: Vec<Span>,
}

/// The entities of a document, by kind; every kind is always present.
pub type Entities = crate::extract::ByKind<Entity>;

/// A word of the frequency table with its most frequent part of speech.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordCount {
    /// Shared with the thread's vocabulary and its other documents (written and read as a
    /// plain string).
    pub word: Arc<str>,
    /// Shared by the words of a thread's documents that have this tag (it is written and read
    /// as a plain string).
    pub pos: Arc<str>,
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
    /// Set for the articles of a split page.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub article: Option<ArticleInfo>,
    pub stats: Stats,
    pub entities: Entities,
    pub words: Vec<WordCount>,
    pub pos: Vec<PosCount>,
    /// Entity pairs sharing a sentence, paragraph or document: only when asked for
    /// (`analyze --cooccurrence`), see [`crate::views::cooccurrence`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cooccurrence: Option<Vec<crate::views::cooccurrence::Pair>>,
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
            entities: Entities::default(),
            index: SPARE_INDEX.take(),
            dates: BTreeMap::new(),
            first_year: None,
            last_year: None,
            latest_full: None,
            dateline: None,
            map: None,
            extra_pieces: 0,
        }
    }

    /// Split a newspaper page into its articles ([`split::split_page`]) and analyze each one as
    /// a document of its own: counts and entities over its running text (captions left out, a
    /// sentence broken by an interleaved headline rejoined), mention offsets into the page, and
    /// dates without a year anchored to the article's dateline, a full date in the article or
    /// the latest full date on the page, in that order.
    ///
    /// ```
    /// let page = "（新华社北京7月5日电）\n活动在杜尚别举行\n新华社杜尚别2024年7月5日电 7月4日，活动开幕。";
    /// let docs = corpus_cli::Analyzer::default().analyze_page(page);
    /// assert_eq!(docs.len(), 2);
    /// let info = docs[1].article.as_ref().unwrap();
    /// assert_eq!(info.title.as_deref(), Some("活动在杜尚别举行"));
    /// ```
    pub fn analyze_page(&self, page: &str) -> Vec<Document> {
        let chars: Vec<char> = page.chars().collect();
        let articles = split::split_page(page);
        let builders: Vec<(ArticleInfo, DocumentBuilder<'_>)> = articles
            .iter()
            .map(|a| {
                let run = a.running_text(&chars);
                let mut b = self.builder();
                b.map = Some(run.map);
                for line in run.text.split_inclusive('\n') {
                    b.push_line(line);
                }
                let info = ArticleInfo {
                    article: a.number,
                    title: a.title.clone(),
                    span: a.span,
                    captions: a.captions.clone(),
                };
                (info, b)
            })
            .collect();
        let page_anchor = builders
            .iter()
            .filter_map(|(_, b)| b.latest_full_date())
            .max();
        builders
            .into_iter()
            .map(|(info, b)| {
                let mut doc = b.finish_with(page_anchor);
                doc.article = Some(info);
                doc
            })
            .collect()
    }

    pub fn segmenter(&self) -> Segmenter {
        self.segmenter
    }

    pub fn stopwords(&self) -> &Stopwords {
        &self.stopwords
    }
}

/// At most this many spans are kept in an entity's `mentions` (the first ones); its `count`
/// is always exact. This keeps a document's memory bounded by its vocabulary, not its length.
pub const MAX_MENTION_SPANS: usize = 200;

/// A date as the date pass valued it, before its year is inferred, with the nearest year written
/// before its first mention (the last resort for its year).
#[derive(Clone, Debug)]
struct RawDate {
    value: DateValue,
    year_before: Option<u32>,
}

/// Lines longer than this (in bytes) are analyzed in pieces of at most about this size, cut after
/// a sentence's end where there is one, so that a file that is one huge line (a 50 MB dump
/// without line breaks) is segmented and scanned with bounded memory. Offsets are unchanged.
pub const MAX_PIECE_BYTES: usize = 64 * 1024;

/// Accumulates a document paragraph by paragraph. Mentions are grouped into entities as they
/// come, so memory grows with the number of distinct entities, not with the text's length;
/// years of dates are inferred at the end, when the whole document has been seen.
pub struct DocumentBuilder<'a> {
    analyzer: &'a Analyzer,
    offset: usize,
    counts: Counts,
    /// Entities so far, by kind, in the order of their first mentions.
    entities: Entities,
    /// Per kind (`kind as usize`): the position in `entities` of each entity, found by its
    /// surface as written (a number's by its surface and unit, see `add_mention`).
    index: EntityIndex,
    /// Dates by surface, as first valued.
    dates: BTreeMap<String, RawDate>,
    /// The first year written in the text, and the last one so far.
    first_year: Option<u32>,
    last_year: Option<u32>,
    /// The latest date written with its year and month.
    latest_full: Option<FullDate>,
    /// The first dateline met (the article's own).
    dateline: Option<Dateline>,
    /// Running text of a page's article: maps offsets back into the page.
    map: Option<OffsetMap>,
    /// Pieces counted as paragraphs beyond the first of each long line (taken off at the end).
    extra_pieces: usize,
}

impl DocumentBuilder<'_> {
    /// Add one line of the text (with or without its line break).
    pub fn push_line(&mut self, line: &str) {
        self.push_line_in_pieces(line, MAX_PIECE_BYTES);
    }

    fn push_line_in_pieces(&mut self, line: &str, max_piece: usize) {
        let body = line.trim_end_matches(['\n', '\r']);
        // The characters of the body: a piece analyzed says how many it has.
        let mut body_chars = 0;
        if body.trim().is_empty() {
            body_chars = body.chars().count();
        } else {
            let mut pieces = 0usize;
            for piece in split_long_line(body, max_piece) {
                let piece_offset = self.offset + body_chars;
                body_chars += if piece.trim().is_empty() {
                    piece.chars().count()
                } else {
                    if self.dateline.is_none() && pieces == 0 {
                        self.dateline = split::find_dateline(piece);
                    }
                    pieces += 1;
                    self.push_piece(piece, piece_offset)
                };
            }
            self.extra_pieces += pieces.saturating_sub(1);
        }
        // The line break's characters are one byte each.
        let n_chars = body_chars + (line.len() - body.len());
        self.counts.add_characters(n_chars);
        self.offset += n_chars;
    }

    /// Segment, count and extract one non-blank piece of a line starting at character `offset`;
    /// returns its number of characters.
    fn push_piece(&mut self, body: &str, offset: usize) -> usize {
        let mut folded = normalize::Folded::new(body);
        let n_chars = folded.chars.len();
        let tokens = self.analyzer.segmenter.tag(&folded.text);
        self.counts
            .add_paragraph(&folded, &tokens, body, &self.analyzer.stopwords);
        let chars = std::mem::take(&mut folded.chars);
        let byte_at = std::mem::take(&mut folded.byte_at);
        let mut para = Paragraph::with_chars(&folded.text, &tokens, chars, byte_at);
        let mentions = self.analyzer.extractor.extract(&mut para);
        // Folding keeps one character for one: mentions are cut from the text as written.
        let written_at = &folded.written_at;
        for m in mentions {
            let text = &body[written_at[m.start]..written_at[m.end]];
            self.add_mention(m, text, offset);
        }
        n_chars
    }

    /// Place a mention (in text order) into its entity.
    fn add_mention(&mut self, m: Mention, text: &str, offset: usize) {
        let mut span = Span {
            start: m.start + offset,
            end: m.end + offset,
        };
        if let Some(map) = &self.map {
            span = map.span_to_page(span.start, span.end);
        }
        if let Detail::Date(v) = &m.detail {
            if let Some(year) = extract::date::year_of(v) {
                self.last_year = Some(year);
                self.first_year.get_or_insert(year);
            }
            if let Some(full) = FullDate::of(v) {
                self.latest_full = self.latest_full.max(Some(full));
            }
            if !self.dates.contains_key(text) {
                let raw = RawDate {
                    value: v.clone(),
                    year_before: self.last_year,
                };
                self.dates.insert(text.to_string(), raw);
            }
        }
        // Numbers are told apart by their unit as well: 5 (座) and 5 (米) are two quantities.
        let unit = match &m.detail {
            Detail::Number(NumberValue {
                unit: Some(unit), ..
            }) => Some(unit.as_str()),
            _ => None,
        };
        let list = self.entities.get_mut(m.kind);
        let index = &mut self.index[m.kind as usize];
        let hash = key_hash(text, unit);
        let at = match index.find(hash, |&i| has_key(&list[i], text, unit)) {
            Some(&i) => i,
            None => {
                list.push(new_entity(m.kind, text.to_string(), &m.detail));
                let i = list.len() - 1;
                index.insert_unique(hash, i, |&j| entity_hash(&list[j]));
                i
            }
        };
        let entity = &mut list[at];
        entity.count += 1;
        if entity.mentions.len() < MAX_MENTION_SPANS {
            entity.mentions.push(span);
        }
    }

    /// The latest date of the document written with its year and month.
    fn latest_full_date(&self) -> Option<FullDate> {
        self.latest_full
    }

    /// Resolve context (years of dates, short names) and build the document.
    pub fn finish(self) -> Document {
        self.finish_with(None)
    }

    /// Like [`finish`](Self::finish), with the latest full date of the page the document stands
    /// in as the last anchor for years.
    fn finish_with(mut self, page: Option<FullDate>) -> Document {
        let years = YearContext {
            dateline: self.dateline,
            article: self.latest_full,
            page,
            first_year: self.first_year,
        };
        let dates = &mut self.entities.date;
        let date_index = &self.index[EntityKind::Date as usize];
        for (text, raw) in std::mem::take(&mut self.dates) {
            let mut value = raw.value;
            let source = years.infer(&text, &mut value, raw.year_before);
            let found =
                date_index.find(key_hash(&text, None), |&i| has_key(&dates[i], &text, None));
            if let Some(&i) = found {
                let e = &mut dates[i];
                set_detail(e, &Detail::Date(value));
                e.inferred_from = source;
            }
        }
        keep_spare_index(self.index);
        let entities = group_entities(self.entities);
        let (mut stats, words, pos) = self.counts.finish();
        // Each piece was counted as a paragraph; a long line is still one paragraph.
        stats.paragraphs -= self.extra_pieces;
        Document {
            article: None,
            stats,
            entities,
            words,
            pos,
            cooccurrence: None,
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

/// A written date with at least its year and month (the day when written), ordered in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct FullDate {
    pub year: u32,
    pub month: u32,
    pub day: u32,
}

impl FullDate {
    /// The full date at the start of an ISO value written with its year (`2024-07-05`,
    /// `2024-06-10/2024-06-13`, `2024-07`); `None` for a year alone or no year.
    fn of(value: &DateValue) -> Option<FullDate> {
        if value.inferred || value.iso.starts_with('-') {
            return None;
        }
        let first = value.iso.split('/').next()?;
        let mut parts = first.split('-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next().and_then(|d| d.parse().ok()).unwrap_or(0);
        Some(FullDate { year, month, day })
    }
}

/// Dates whose year is counted from the anchor (今年, 去年…) never roll over to another year.
fn is_relative(text: &str) -> bool {
    [
        "今年", "去年", "明年", "来年", "前年", "后年", "本年", "当年", "同年",
    ]
    .iter()
    .any(|p| text.starts_with(p))
}

/// A month at least half a year after the `reference` month lies in the year before (a report
/// dated in January speaks of the December just gone).
fn roll_back(month: u32, reference: u32) -> bool {
    month >= reference + 6
}

/// What a document knows about years, for the dates written without one.
#[derive(Clone, Copy, Debug)]
struct YearContext {
    dateline: Option<Dateline>,
    /// The latest full date written in the document.
    article: Option<FullDate>,
    /// The latest full date of the page the document stands in.
    page: Option<FullDate>,
    /// The first year written in the document.
    first_year: Option<u32>,
}

impl YearContext {
    /// Dates written without a year take a year from, in order: the document's dateline (when
    /// it has a year), the latest full date written in the document, the latest full date of
    /// the page, and last the nearest date with a written year before the date's first mention
    /// (`year_before`; the first one of the document when none comes before). A dateline without
    /// a year (新华社杜尚别7月5日电) still dates the report: a full date half a year after its month is
    /// taken for the year before the report, and so are the months without a year that lie half a
    /// year after the dateline's (relative dates such as 去年10月 count from the report's year).
    /// Returns where the year came from when one was inferred.
    fn infer(
        &self,
        text: &str,
        v: &mut DateValue,
        year_before: Option<u32>,
    ) -> Option<AnchorSource> {
        if is_relative_to_date(text) {
            let (anchor, source) = self.anchor_date()?;
            return extract::date::resolve_relative(text, v, anchor).then_some(source);
        }
        if !v.iso.starts_with("--") {
            return None;
        }
        let anchor: Option<(u32, AnchorSource)> = match self.dateline {
            Some(Dateline { year: Some(y), .. }) => Some((y, AnchorSource::Dateline)),
            dateline => self
                .article
                .map(|d| (d, AnchorSource::Article))
                .or(self.page.map(|d| (d, AnchorSource::Page)))
                .map(|(d, source)| {
                    let year = match dateline {
                        Some(dl) if roll_back(d.month, dl.month) => d.year + 1,
                        _ => d.year,
                    };
                    (year, source)
                }),
        };
        let report_month = self.dateline.map(|d| d.month);
        let (year, source) = match anchor {
            Some((year, source)) => {
                let month = v.iso.get(2..4).and_then(|m| m.parse::<u32>().ok());
                let back = match (month, report_month) {
                    (Some(m), Some(r)) => !is_relative(text) && roll_back(m, r),
                    _ => false,
                };
                (Some(if back { year - 1 } else { year }), source)
            }
            None => (year_before.or(self.first_year), AnchorSource::Article),
        };
        extract::date::infer_year(text, v, year);
        v.inferred.then_some(source)
    }
}

impl YearContext {
    /// The date that dates counted in months or weeks (本月15日, 上周三) count from: the
    /// dateline's (its year, when it has none, found as for the other dates), else the latest
    /// full date of the document, else of the page. The day is 0 when only the month is known.
    fn anchor_date(&self) -> Option<((i32, u32, u32), AnchorSource)> {
        if let Some(dl) = self.dateline {
            let year = dl.year.or_else(|| {
                self.article.or(self.page).map(|d| {
                    if roll_back(d.month, dl.month) {
                        d.year + 1
                    } else {
                        d.year
                    }
                })
            })?;
            let date = (year as i32, dl.month, dl.day.unwrap_or(0));
            return Some((date, AnchorSource::Dateline));
        }
        self.article
            .map(|d| (d, AnchorSource::Article))
            .or(self.page.map(|d| (d, AnchorSource::Page)))
            .map(|(d, source)| ((d.year as i32, d.month, d.day), source))
    }
}

/// Dates counted from the anchor's month or week rather than its year: 本月15日, 上月20日,
/// 星期三, 下周一.
fn is_relative_to_date(text: &str) -> bool {
    ["本月", "上月", "下月"].iter().any(|p| text.starts_with(p))
        || ["星期", "礼拜", "周"].iter().any(|w| {
            text.trim_start_matches(['上', '下', '本', '这', '个'])
                .starts_with(w)
        })
}

fn json_number(v: f64) -> serde_json::Value {
    if v.fract() == 0.0 && v.abs() < 9e15 {
        serde_json::Value::from(v as i64)
    } else {
        serde_json::Number::from_f64(v).map_or(serde_json::Value::Null, serde_json::Value::Number)
    }
}

/// A new entity for the first mention of a surface.
fn new_entity(kind: EntityKind, text: String, detail: &Detail) -> Entity {
    let mut e = Entity::new(kind, text);
    set_detail(&mut e, detail);
    e
}

/// Copy what a pass knows about a mention (a date's or a number's value) into its entity.
fn set_detail(e: &mut Entity, detail: &Detail) {
    match detail {
        Detail::Date(DateValue { iso, inferred }) => {
            // A lunar date has no ISO value: null.
            e.value = Some(if iso.is_empty() {
                serde_json::Value::Null
            } else {
                serde_json::Value::from(iso.clone())
            });
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
}

/// Per kind (`kind as usize`): positions in a kind's list of entities, hashed by
/// [`key_hash`].
type EntityIndex = [HashTable<usize>; EntityKind::ALL.len()];

/// The index tables of a thread's last document, emptied: the next one fills them without
/// growing them again. Tables grown past this many entries are not kept.
const MAX_SPARE_INDEX: usize = 4096;

thread_local! {
    static SPARE_INDEX: RefCell<EntityIndex> = RefCell::default();
}

/// Keep a finished document's index tables, emptied, for the thread's next document.
fn keep_spare_index(mut index: EntityIndex) {
    if index.iter().all(|t| t.capacity() <= MAX_SPARE_INDEX) {
        index.iter_mut().for_each(HashTable::clear);
        SPARE_INDEX.set(index);
    }
}

/// The hash of an entity's key: its surface as written, and a number's unit.
fn key_hash(text: &str, unit: Option<&str>) -> u64 {
    FxBuildHasher.hash_one((text, unit))
}

/// The unit an entity is told apart by (a number's; `None` for the other kinds).
fn key_unit(e: &Entity) -> Option<&str> {
    e.unit.as_ref().and_then(|u| u.as_deref())
}

fn entity_hash(e: &Entity) -> u64 {
    key_hash(&e.text, key_unit(e))
}

fn has_key(e: &Entity, text: &str, unit: Option<&str>) -> bool {
    e.text == text && key_unit(e) == unit
}

/// Lists of at most this many entities are sorted in place (see `group_entities`).
const SHORT_LIST: usize = 20;

/// The entities by kind, in report order (that of [`sort_entities`]).
fn group_entities(mut entities: Entities) -> Entities {
    // Short names and abbreviations are linked in the order of their texts (a person's or an
    // organization's text is its key: unique).
    for list in [&mut entities.person, &mut entities.organization] {
        list.sort_unstable_by(|a, b| a.text.cmp(&b.text));
    }
    link_short_names(&mut entities.person);
    link_org_abbrevs(&mut entities.organization);
    for kind in EntityKind::ALL {
        let list = entities.get_mut(kind);
        let key = |e: &Entity| stats::order_key(e.count, &e.text);
        // A short list is sorted in place, its keys compared first; a long one by key, which
        // moves each entity once.
        if list.len() <= SHORT_LIST {
            list.sort_unstable_by(|a, b| key(a).cmp(&key(b)).then_with(|| cmp_entities(a, b)));
        } else {
            stats::sort_keyed(list, key, cmp_entities);
        }
    }
    entities
}

/// A later short mention of a transliterated name (纳瓦卜 after 凯瑟·纳瓦卜) joins the full name
/// as an alias instead of standing as a person of its own.
fn link_short_names(persons: &mut [Entity]) {
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
    let links: Vec<(usize, usize)> = (0..persons.len())
        .filter_map(|i| by_part.get(&persons[i].text).map(|&full| (i, full)))
        .collect();
    fold_aliases(persons, &links);
}

/// An abbreviation of an organization (上合组织, from `org_abbrevs.txt`) whose full name
/// (上海合作组织) also occurs in the document joins the full name as an alias. `orgs` are in
/// the order of their texts (each text once).
fn link_org_abbrevs(orgs: &mut [Entity]) {
    let links: Vec<(usize, usize)> = (0..orgs.len())
        .filter_map(|i| {
            let full = crate::lexicon::ORG_ABBREVS.value(&orgs[i].text)?;
            let target = orgs.binary_search_by(|e| e.text.as_str().cmp(full)).ok()?;
            Some((i, target))
        })
        .collect();
    fold_aliases(orgs, &links);
}

/// Link each `(short, full)` pair: the full name lists the short form in `aliases`, the short
/// form names the full one in `alias_of`; each keeps its own count and mentions, as every
/// surface is an entity of its own. A short form links to one full name only; a pair pointing at
/// itself, or at an entity that is itself a short form, is ignored.
fn fold_aliases(list: &mut [Entity], links: &[(usize, usize)]) {
    for &(short, full) in links {
        if short == full || list[short].alias_of.is_some() || list[full].alias_of.is_some() {
            continue;
        }
        let (s, f) = (list[short].text.clone(), list[full].text.clone());
        list[full].aliases.push(s);
        list[short].alias_of = Some(f);
    }
}

/// Sort by count (descending), then text: the order every report uses. Numbers of the same text
/// and count are ordered by their unit (none first). No two entities of a document are equal in
/// all three, so the sort need not be stable.
pub fn sort_entities(list: &mut [Entity]) {
    list.sort_unstable_by(cmp_entities);
}

/// The order of [`sort_entities`].
fn cmp_entities(a: &Entity, b: &Entity) -> std::cmp::Ordering {
    b.count
        .cmp(&a.count)
        .then_with(|| a.text.cmp(&b.text))
        .then_with(|| a.unit.cmp(&b.unit))
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
    fn numbers_with_different_units_are_different_entities() {
        let doc = Analyzer::default().analyze("这里有5座桥和5米长的路，5座桥都很新。\n");
        let mut found: Vec<(&str, Option<&str>, usize)> = doc
            .entities
            .number
            .iter()
            .map(|e| {
                (
                    e.text.as_str(),
                    e.unit.as_ref().and_then(|u| u.as_deref()),
                    e.count,
                )
            })
            .collect();
        found.sort();
        assert_eq!(found, [("5", Some("座"), 2), ("5", Some("米"), 1)]);
    }

    #[test]
    fn a_document_after_another_on_the_same_thread_is_found_alike() {
        let first =
            "国家主席习近平出席会议。这里有5座桥和5米长的路。2024年7月5日，上海合作组织开会。\n";
        let second = "上合组织秘书长说，5座桥7月4日通车，习近平致信。\n";
        let fresh = std::thread::spawn(move || Analyzer::default().analyze(second))
            .join()
            .unwrap();
        let analyzer = Analyzer::default();
        // The second document reuses the index tables the first one left, emptied.
        let _ = analyzer.analyze(first);
        let after = analyzer.analyze(second);
        assert_eq!(after, fresh);
        let texts: Vec<&str> = after
            .entities
            .person
            .iter()
            .map(|e| e.text.as_str())
            .collect();
        assert_eq!(texts, ["习近平"]);
        assert_eq!(after.entities.number[0].count, 1);
    }

    #[test]
    fn kinds_index_the_groups_in_report_order() {
        for (i, kind) in EntityKind::ALL.into_iter().enumerate() {
            assert_eq!(kind as usize, i);
        }
    }

    #[test]
    fn numbers_of_one_text_and_count_are_ordered_by_unit() {
        let doc = Analyzer::default().analyze("有5米长的路、5座桥和5个人，还有5。\n");
        let units: Vec<Option<&str>> = doc
            .entities
            .number
            .iter()
            .filter(|e| e.text == "5")
            .map(|e| e.unit.as_ref().and_then(|u| u.as_deref()))
            .collect();
        let mut sorted = units.clone();
        sorted.sort();
        assert!(units.len() >= 3, "{units:?}");
        assert_eq!(units, sorted);
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

    fn date<'d>(doc: &'d Document, text: &str) -> &'d Entity {
        doc.entities
            .date
            .iter()
            .find(|e| e.text == text)
            .unwrap_or_else(|| panic!("no date {text}: {:?}", doc.entities.date))
    }

    #[test]
    fn dateline_year_comes_first() {
        let doc = Analyzer::default().analyze(
            "新华社阿斯塔纳2024年7月5日电 会议回顾了2023年5月19日的峰会。7月4日，会议开幕。",
        );
        let d = date(&doc, "7月4日");
        assert_eq!(d.value, Some(serde_json::json!("2024-07-04")));
        assert_eq!(d.inferred_from, Some(AnchorSource::Dateline));
    }

    #[test]
    fn latest_full_date_of_the_article_comes_next() {
        // The dateline has no year: the latest full date written in the article gives it,
        // whatever order the dates come in.
        let doc = Analyzer::default().analyze(
            "新华社杜尚别7月5日电 7月4日，活动开幕。会议回顾了2023年5月19日的峰会和2024年6月10日的会议。",
        );
        let d = date(&doc, "7月4日");
        assert_eq!(d.value, Some(serde_json::json!("2024-07-04")));
        assert_eq!(d.inferred, Some(true));
        assert_eq!(d.inferred_from, Some(AnchorSource::Article));
    }

    #[test]
    fn the_page_comes_last() {
        let page = "7月4日，峰会开幕。\n（新华社北京7月5日电）\n两国签署协定\n新华社杜尚别7月5日电 协定于2024年7月5日签署。";
        let docs = Analyzer::default().analyze_page(page);
        assert_eq!(docs.len(), 2);
        let d = date(&docs[0], "7月4日");
        assert_eq!(d.value, Some(serde_json::json!("2024-07-04")));
        assert_eq!(d.inferred_from, Some(AnchorSource::Page));
        // Mention offsets are page offsets.
        let chars: Vec<char> = page.chars().collect();
        let s = date(&docs[1], "2024年7月5日").mentions[0];
        assert_eq!(
            chars[s.start..s.end].iter().collect::<String>(),
            "2024年7月5日"
        );
    }

    #[test]
    fn december_in_a_january_report_is_the_year_before() {
        let doc = Analyzer::default()
            .analyze("本报北京１月３日讯 １９９８年１月２日，会议召开。１２月３１日，方案公布。去年１０月，试点开始。");
        assert_eq!(
            date(&doc, "１２月３１日").value,
            Some(serde_json::json!("1997-12-31"))
        );
        assert_eq!(
            date(&doc, "去年１０月").value,
            Some(serde_json::json!("1997-10"))
        );
    }

    #[test]
    fn months_and_weekdays_count_from_the_dateline() {
        // The dateline has no year: it comes from the full date in the report (1998-01-09 was
        // a Friday).
        let doc = Analyzer::default().analyze(
            "本报北京１月９日讯 １９９８年１月８日，会议召开。代表们星期三报到，上月２０日起草方案，本月１５日闭幕，下周一返程。",
        );
        for (surface, iso) in [
            ("星期三", "1998-01-07"),
            ("上月２０日", "1997-12-20"),
            ("本月１５日", "1998-01-15"),
            ("下周一", "1998-01-12"),
        ] {
            let d = date(&doc, surface);
            assert_eq!(d.value, Some(serde_json::json!(iso)), "{surface}");
            assert_eq!(d.inferred, Some(true));
            assert_eq!(d.inferred_from, Some(AnchorSource::Dateline));
        }
        // Without a dateline the latest full date of the article anchors them.
        let doc = Analyzer::default().analyze("１９９８年１月９日，会议闭幕。代表们星期三报到。");
        let d = date(&doc, "星期三");
        assert_eq!(d.value, Some(serde_json::json!("1998-01-07")));
        assert_eq!(d.inferred_from, Some(AnchorSource::Article));
        // With nothing to count from, a weekday keeps its bare value.
        let doc = Analyzer::default().analyze("代表们星期三报到。");
        assert_eq!(date(&doc, "星期三").value, Some(serde_json::json!("-W-3")));
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
            Entity::new(EntityKind::Person, "凯瑟·纳瓦卜").with_mentions(&[(0, 6)]),
            Entity::new(EntityKind::Person, "纳瓦卜").with_mentions(&[(10, 13), (20, 23)]),
        ];
        link_short_names(&mut persons);
        assert_eq!(persons.len(), 2);
        assert_eq!(persons[0].count, 1);
        assert_eq!(persons[0].aliases, ["纳瓦卜"]);
        assert_eq!(persons[1].count, 2);
        assert_eq!(persons[1].alias_of.as_deref(), Some("凯瑟·纳瓦卜"));
    }

    #[test]
    fn organization_abbreviation_becomes_an_alias_of_its_full_name() {
        let doc =
            Analyzer::default().analyze("上海合作组织成立以来，上合组织不断发展。新华社记者报道。");
        let orgs: Vec<&str> = doc
            .entities
            .organization
            .iter()
            .map(|e| e.text.as_str())
            .collect();
        assert!(orgs.contains(&"上海合作组织"), "{orgs:?}");
        assert!(orgs.contains(&"上合组织"), "{orgs:?}");
        let full = doc
            .entities
            .organization
            .iter()
            .find(|e| e.text == "上海合作组织")
            .unwrap();
        assert_eq!(full.aliases, ["上合组织"]);
        assert_eq!(full.count, 1);
        let short = doc
            .entities
            .organization
            .iter()
            .find(|e| e.text == "上合组织")
            .unwrap();
        assert_eq!(short.alias_of.as_deref(), Some("上海合作组织"));
    }
}
