//! Entity extraction: the five passes (date, number, organization, person, place) run over one
//! segmented paragraph, each claiming character spans, and the types they produce.

pub mod date;
pub mod number;
pub mod numeral;
pub mod organization;
pub mod person;
pub mod place;

use std::cell::Cell;

use serde::{Deserialize, Serialize};

use crate::segment::Token;

/// The kinds of entity corpus-cli extracts, in report order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Date,
    Number,
}

impl EntityKind {
    pub const ALL: [EntityKind; 5] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Date,
        EntityKind::Number,
    ];

    /// The name used in JSON keys, CSV rows and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Date => "date",
            EntityKind::Number => "number",
        }
    }
}

/// One list per entity kind, every kind always present: the shape of `"entities"` in every
/// record (a document's entities, the corpus summary's tables).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ByKind<T> {
    pub person: Vec<T>,
    pub organization: Vec<T>,
    pub place: Vec<T>,
    pub date: Vec<T>,
    pub number: Vec<T>,
}

impl<T> Default for ByKind<T> {
    fn default() -> Self {
        ByKind {
            person: Vec::new(),
            organization: Vec::new(),
            place: Vec::new(),
            date: Vec::new(),
            number: Vec::new(),
        }
    }
}

impl<T> ByKind<T> {
    pub fn get(&self, kind: EntityKind) -> &Vec<T> {
        match kind {
            EntityKind::Person => &self.person,
            EntityKind::Organization => &self.organization,
            EntityKind::Place => &self.place,
            EntityKind::Date => &self.date,
            EntityKind::Number => &self.number,
        }
    }

    pub fn get_mut(&mut self, kind: EntityKind) -> &mut Vec<T> {
        match kind {
            EntityKind::Person => &mut self.person,
            EntityKind::Organization => &mut self.organization,
            EntityKind::Place => &mut self.place,
            EntityKind::Date => &mut self.date,
            EntityKind::Number => &mut self.number,
        }
    }
}

/// The normalized value of a date: ISO 8601 (`2024-07-05`, `2024-07`, `2024`, a range
/// `2021/2025` or `2024-06-10/2024-06-13`), with `inferred` set when the year was not written
/// and was taken from context. A date whose year could not be found has a value like `--07-04`
/// (ISO 8601's form for a month and day without a year). A date of the lunar calendar (正月初三)
/// has none: `iso` is empty, reported as null.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateValue {
    pub iso: String,
    pub inferred: bool,
}

/// The normalized value of a number: `value` as a number, the measure word or currency that
/// follows it, and whether it is an ordinal (第二十四), a percentage (30%, 百分之三十) or
/// approximate (一千多, 约1.4万).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NumberValue {
    pub value: f64,
    pub unit: Option<String>,
    pub ordinal: bool,
    pub percent: bool,
    pub approximate: bool,
}

/// What a pass knows about a mention beyond its span.
#[derive(Clone, Debug, PartialEq)]
pub enum Detail {
    None,
    Date(DateValue),
    Number(NumberValue),
}

/// One mention found in a paragraph: character offsets `start..end` in the paragraph.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    pub kind: EntityKind,
    pub start: usize,
    pub end: usize,
    pub detail: Detail,
}

impl Mention {
    pub fn new(kind: EntityKind, start: usize, end: usize) -> Self {
        Mention {
            kind,
            start,
            end,
            detail: Detail::None,
        }
    }
}

/// A segmented paragraph as the passes see it: the full-width-folded text, its characters, its
/// tokens, and which characters earlier passes have claimed.
pub struct Paragraph<'a> {
    pub text: &'a str,
    pub chars: Vec<char>,
    pub tokens: &'a [Token<'a>],
    /// `byte_at[i]` is the byte offset of character `i` in `text` (plus one past the end).
    byte_at: Vec<usize>,
    claimed: Vec<Option<EntityKind>>,
    /// The runs the number pass searches, when the date pass found them in its scan of the
    /// characters (see `numeral::RunFilterPair`).
    pub(crate) number_runs: Option<Vec<numeral::Run>>,
    /// [`place::is_place_token`] of each token once asked (0: not yet, 1: no, 2: yes): the
    /// organization and place passes both ask it of most tokens.
    place_token: Vec<Cell<u8>>,
    /// [`place::gazetteer_at`] of each character once asked (0: not yet, 1: no place, n + 1: a
    /// place of n characters): the place and organization passes ask it of every token.
    gazetteer: Vec<Cell<u8>>,
    /// The organization pass's anchor of each token (see `organization::anchor_at`, which
    /// reads 0 as none): its chains ask it again of the tokens they walk.
    org_anchor: Vec<Cell<u64>>,
    /// The organization head each token's word ends in once asked (0: not yet; see
    /// `organization::head_at`), filled by that pass: its rules ask it of most tokens more
    /// than once.
    org_head: Vec<Cell<u8>>,
    /// [`place::is_translit`] of each token once asked (0: not yet, 1: no, 2: yes): the person
    /// and place passes walk runs of transliteration from every token.
    translit: Vec<Cell<u8>>,
}

impl<'a> Paragraph<'a> {
    pub fn new(text: &'a str, tokens: &'a [Token<'a>]) -> Self {
        let n = text.chars().count();
        let mut chars = Vec::with_capacity(n);
        let mut byte_at = Vec::with_capacity(n + 1);
        for (b, c) in text.char_indices() {
            chars.push(c);
            byte_at.push(b);
        }
        byte_at.push(text.len());
        Paragraph::with_chars(text, tokens, chars, byte_at)
    }

    /// A paragraph whose characters are known already: `chars` are those of `text`, and
    /// `byte_at` their byte offsets in it, plus `text.len()` (as [`crate::normalize::Folded`]
    /// records them).
    pub fn with_chars(
        text: &'a str,
        tokens: &'a [Token<'a>],
        chars: Vec<char>,
        byte_at: Vec<usize>,
    ) -> Self {
        debug_assert_eq!(byte_at.len(), chars.len() + 1);
        let n = chars.len();
        Paragraph {
            text,
            chars,
            tokens,
            byte_at,
            claimed: vec![None; n],
            number_runs: None,
            place_token: vec![Cell::new(0); tokens.len()],
            gazetteer: vec![Cell::new(0); n],
            org_anchor: vec![Cell::new(0); tokens.len()],
            org_head: Vec::new(),
            translit: vec![Cell::new(0); tokens.len()],
        }
    }

    /// The text of characters `start..end`.
    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        &self.text[self.byte_at[start]..self.byte_at[end]]
    }

    /// The byte offset of character `i` in `text` (`text.len()` for `i == len()`).
    pub fn byte_of(&self, i: usize) -> usize {
        self.byte_at[i]
    }

    /// The character index of byte offset `byte` (which must start a character).
    pub fn char_at_byte(&self, byte: usize) -> usize {
        self.byte_at.partition_point(|&b| b < byte)
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// [`place::is_place_token`] for token `i`, worked out once per paragraph.
    pub fn is_place_token(&self, i: usize) -> bool {
        let Some(memo) = self.place_token.get(i) else {
            return place::is_place_token(self.tokens, i);
        };
        match memo.get() {
            0 => {
                let yes = place::is_place_token(self.tokens, i);
                memo.set(1 + u8::from(yes));
                yes
            }
            m => m == 2,
        }
    }

    /// [`place::gazetteer_at`] for character `i`, worked out once per paragraph.
    pub fn gazetteer_at(&self, i: usize) -> Option<usize> {
        let Some(memo) = self.gazetteer.get(i) else {
            return place::gazetteer_at(&self.chars, i);
        };
        match memo.get() {
            0 => {
                let n = place::gazetteer_at(&self.chars, i);
                if let Ok(m) = u8::try_from(n.unwrap_or(0) + 1) {
                    memo.set(m);
                }
                n
            }
            1 => None,
            m => Some(usize::from(m) - 1),
        }
    }

    /// [`Paragraph::gazetteer_at`] for the first pass to ask it of (nearly) every token: most
    /// positions are turned away by the gazetteer's first test, made here inline instead of
    /// behind the memo and a call, and that answer is remembered for the passes after.
    #[inline]
    pub fn gazetteer_first_ask(&self, i: usize) -> Option<usize> {
        if !place::may_start_place(&self.chars, i) {
            if let Some(memo) = self.gazetteer.get(i) {
                memo.set(1);
            }
            return None;
        }
        self.gazetteer_at(i)
    }

    /// True when token `i` is written in transliteration characters only
    /// (`place::is_translit`), worked out once per paragraph.
    pub fn is_translit_token(&self, i: usize) -> bool {
        let memo = &self.translit[i];
        match memo.get() {
            0 => {
                let yes = place::is_translit(self.tokens[i].word);
                memo.set(1 + u8::from(yes));
                yes
            }
            m => m == 2,
        }
    }

    /// The organization pass's remembered anchor of token `i` (see `organization::anchor_at`).
    pub(crate) fn org_anchor_memo(&self, i: usize) -> Option<&Cell<u64>> {
        self.org_anchor.get(i)
    }

    /// The kind that claimed character `i`, if any.
    pub fn claimed_by(&self, i: usize) -> Option<EntityKind> {
        self.claimed.get(i).copied().flatten()
    }

    /// True when no character of `start..end` is claimed by a kind that `pred` rejects.
    pub fn is_free(&self, start: usize, end: usize, pred: impl Fn(EntityKind) -> bool) -> bool {
        self.claimed[start..end].iter().all(|c| c.is_none_or(&pred))
    }

    pub fn is_unclaimed(&self, start: usize, end: usize) -> bool {
        self.claimed[start..end].iter().all(Option::is_none)
    }

    /// Claim `start..end` for `kind` (later passes see it).
    pub fn claim(&mut self, start: usize, end: usize, kind: EntityKind) {
        for c in &mut self.claimed[start..end] {
            *c = Some(kind);
        }
    }
}

/// Runs the five passes over a paragraph.
#[derive(Clone, Copy, Debug, Default)]
pub struct Extractor;

impl Extractor {
    /// All mentions in the paragraph, sorted by start offset. Passes run in a fixed order: dates
    /// and numbers first (so digits in a date are not numbers), then organizations (the longest
    /// names), persons, and places (which may stand inside an organization's name).
    pub fn extract(&self, p: &mut Paragraph<'_>) -> Vec<Mention> {
        let mut out = Vec::new();
        date::find(p, &mut out);
        number::find(p, &mut out);
        organization::find(p, &mut out);
        person::find(p, &mut out);
        place::find(p, &mut out);
        out.sort_by_key(|m| (m.start, m.end, m.kind));
        out
    }
}

/// Test helper: segment one paragraph and run one pass (`date::find`, `number::find` …) alone
/// over it, returning its mentions.
#[cfg(test)]
pub(crate) fn run_pass(
    text: &str,
    pass: fn(&mut Paragraph<'_>, &mut Vec<Mention>),
) -> Vec<Mention> {
    let folded = crate::normalize::fold(text);
    let tokens = crate::segment::Segmenter::shared().tag(&folded);
    let mut p = Paragraph::new(&folded, &tokens);
    let mut out = Vec::new();
    pass(&mut p, &mut out);
    out
}

/// Test helper: segment and extract one paragraph, returning (kind, text) pairs.
#[cfg(test)]
pub(crate) fn extract_texts(text: &str) -> Vec<(EntityKind, String)> {
    let mentions = run_pass(text, |p, out| *out = Extractor.extract(p));
    let chars: Vec<char> = text.chars().collect();
    mentions
        .iter()
        .map(|m| (m.kind, chars[m.start..m.end].iter().collect()))
        .collect()
}

#[cfg(test)]
pub(crate) fn texts_of(text: &str, kind: EntityKind) -> Vec<String> {
    extract_texts(text)
        .into_iter()
        .filter(|(k, _)| *k == kind)
        .map(|(_, t)| t)
        .collect()
}
