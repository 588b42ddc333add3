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
    /// Where it is mentioned: the first [`MAX_MENTION_SPANS`] mentions (`count` is exact).
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
            groups: BTreeMap::new(),
            first_year: None,
            last_year: None,
            pending: BTreeMap::new(),
        }
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
pub const MAX_MENTION_SPANS: usize = 1000;

/// Accumulates a document paragraph by paragraph. Mentions are grouped into entities as they
/// come, so memory grows with the number of distinct entities, not with the text's length.
pub struct DocumentBuilder<'a> {
    analyzer: &'a Analyzer,
    offset: usize,
    counts: Counts,
    /// Entities so far, by kind and surface as written.
    groups: BTreeMap<(EntityKind, String), Entity>,
    /// The first year written in the text, and the last one so far.
    first_year: Option<u32>,
    last_year: Option<u32>,
    /// Dates first met before any year was written, with their value as extracted: their year
    /// comes from the first year found later (or stays unknown).
    pending: BTreeMap<String, DateValue>,
}

impl DocumentBuilder<'_> {
    /// Add one line of the text (with or without its line break).
    pub fn push_line(&mut self, line: &str) {
        let n_chars = line.chars().count();
        let body = line.trim_end_matches(['\n', '\r']);
        self.counts.add_raw(line);
        if !body.trim().is_empty() {
            let folded = normalize::fold(body);
            let tokens = self.analyzer.segmenter.tag(&folded);
            self.counts
                .add_paragraph(&folded, &tokens, body, &self.analyzer.stopwords);
            let mut para = Paragraph::new(&folded, &tokens);
            let mentions = self.analyzer.extractor.extract(&mut para);
            if !mentions.is_empty() {
                let original: Vec<char> = body.chars().collect();
                for m in mentions {
                    let text: String = original[m.start..m.end].iter().collect();
                    self.add_mention(m, text);
                }
            }
        }
        self.offset += n_chars;
    }

    /// Place a mention (in text order): dates without a year take the year of the nearest
    /// date before them that has one (or, at the top of the text, the first one after them).
    fn add_mention(&mut self, mut m: Mention, text: String) {
        let span = Span {
            start: m.start + self.offset,
            end: m.end + self.offset,
        };
        let mut unresolved = None;
        if let Detail::Date(v) = &mut m.detail {
            if let Some(year) = extract::date::year_of(v) {
                self.last_year = Some(year);
                if self.first_year.is_none() {
                    self.first_year = Some(year);
                    self.resolve_pending(Some(year));
                }
            }
            if self.last_year.is_some() {
                extract::date::infer_year(&text, v, self.last_year);
            } else {
                unresolved = Some(v.clone());
            }
        }
        let key = (m.kind, text);
        let entity = match self.groups.get_mut(&key) {
            Some(e) => e,
            None => {
                if let Some(v) = unresolved {
                    self.pending.insert(key.1.clone(), v);
                }
                let e = new_entity(m.kind, key.1.clone(), &m.detail);
                self.groups.entry(key).or_insert(e)
            }
        };
        entity.count += 1;
        if entity.mentions.len() < MAX_MENTION_SPANS {
            entity.mentions.push(span);
        }
    }

    /// Give the dates met before any year their year, now that it is known (or not).
    fn resolve_pending(&mut self, year: Option<u32>) {
        for (text, mut v) in std::mem::take(&mut self.pending) {
            extract::date::infer_year(&text, &mut v, year);
            if let Some(e) = self.groups.get_mut(&(EntityKind::Date, text)) {
                set_detail(e, &Detail::Date(v));
            }
        }
    }

    /// Resolve context (years of dates, short names) and build the document.
    pub fn finish(mut self) -> Document {
        self.resolve_pending(None);
        let entities = group_entities(self.groups);
        let (stats, words, pos) = self.counts.finish();
        Document {
            stats,
            entities,
            words,
            pos,
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

/// A new entity for the first mention of a surface.
fn new_entity(kind: EntityKind, text: String, detail: &Detail) -> Entity {
    let mut e = Entity {
        kind: Some(kind),
        text,
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
    set_detail(&mut e, detail);
    e
}

/// Copy what a pass knows about a mention (a date's or a number's value) into its entity.
fn set_detail(e: &mut Entity, detail: &Detail) {
    match detail {
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
}

fn group_entities(groups: BTreeMap<(EntityKind, String), Entity>) -> Entities {
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
            target.mentions.truncate(MAX_MENTION_SPANS);
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
