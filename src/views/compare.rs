//! Keyness: which words and entities are over-used in one corpus against another, by
//! log-likelihood (G², Dunning 1993 / Rayson & Garside 2000) with Log Ratio (Hardie 2014) as the
//! effect size.

use std::cmp::Ordering;
use std::collections::HashMap;

use serde::Serialize;

use crate::document::Document;
use crate::extract::EntityKind;
use crate::normalize::is_han;

/// G² for p < 0.05 with one degree of freedom; the default cut-off.
pub const G2_P05: f64 = 3.84;

/// Log-likelihood G² of a term seen `a` times in a corpus of `c` tokens and `b` times in one of
/// `d` tokens: 2 Σ O ln(O/E), with E the counts expected if both corpora used the term at the
/// same rate (a zero count contributes 0).
pub fn g2(a: usize, b: usize, c: usize, d: usize) -> f64 {
    if c == 0 || d == 0 {
        return 0.0;
    }
    let (a, b, c, d) = (a as f64, b as f64, c as f64, d as f64);
    let e1 = c * (a + b) / (c + d);
    let e2 = d * (a + b) / (c + d);
    let term = |o: f64, e: f64| if o > 0.0 { o * (o / e).ln() } else { 0.0 };
    2.0 * (term(a, e1) + term(b, e2))
}

/// Log Ratio: log2 of the ratio of relative frequencies, a zero count taken as 0.5 so that a term
/// absent from one corpus still has a finite size of effect. +1 means twice as frequent in A.
pub fn log_ratio(a: usize, b: usize, c: usize, d: usize) -> f64 {
    if c == 0 || d == 0 {
        return 0.0;
    }
    let adj = |x: usize| if x == 0 { 0.5 } else { x as f64 };
    ((adj(a) / c as f64) / (adj(b) / d as f64)).log2()
}

/// What a compared term is: a word, or an entity of some kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TermKind {
    Word,
    Entity(EntityKind),
}

impl TermKind {
    pub fn name(self) -> &'static str {
        match self {
            TermKind::Word => "word",
            TermKind::Entity(k) => k.name(),
        }
    }
}

impl Serialize for TermKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// Which terms to compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Items {
    /// Words and named entities (people, organizations, places).
    All,
    Words,
    Entities,
}

#[derive(Clone, Debug, Default)]
struct Counted {
    count: usize,
    documents: usize,
    pos: HashMap<String, usize>,
}

/// The frequencies of one corpus.
#[derive(Clone, Debug, Default)]
pub struct FrequencyTable {
    pub documents: usize,
    /// Tokens (punctuation included), the corpus size every rate is relative to.
    pub tokens: usize,
    /// Per term: occurrences, documents it occurs in, and (words) occurrences by POS.
    counts: HashMap<(TermKind, String), Counted>,
}

impl FrequencyTable {
    /// Add a document's words (as counted by `analyze`, stopwords left out) and its entities of
    /// `kinds`, as `items` says.
    pub fn add(&mut self, doc: &Document, items: Items, kinds: &[EntityKind]) {
        self.documents += 1;
        self.tokens += doc.stats.tokens;
        if items != Items::Entities {
            // Words with a Han character or a letter: bare numbers (the 13 of 13日) are left out.
            for w in doc
                .words
                .iter()
                .filter(|w| w.word.chars().any(|c| is_han(c) || c.is_alphabetic()))
            {
                let slot = self
                    .counts
                    .entry((TermKind::Word, String::from(&*w.word)))
                    .or_default();
                slot.count += w.count;
                slot.documents += 1;
                *slot.pos.entry(String::from(&*w.pos)).or_default() += w.count;
            }
        }
        if items != Items::Words {
            for &kind in kinds {
                for e in doc.entities.get(kind) {
                    let slot = self
                        .counts
                        .entry((TermKind::Entity(kind), e.text.clone()))
                        .or_default();
                    slot.count += e.count;
                    slot.documents += 1;
                }
            }
        }
    }

    fn count(&self, key: &(TermKind, String)) -> usize {
        self.counts.get(key).map_or(0, |c| c.count)
    }

    fn documents_with(&self, key: &(TermKind, String)) -> usize {
        self.counts.get(key).map_or(0, |c| c.documents)
    }

    /// The most frequent part of speech of a word (ties by tag), if any.
    fn pos(&self, key: &(TermKind, String)) -> Option<String> {
        let tags = &self.counts.get(key)?.pos;
        tags.iter()
            .max_by(|x, y| x.1.cmp(y.1).then_with(|| y.0.cmp(x.0)))
            .map(|(p, _)| p.clone())
    }
}

/// A term that is key in one corpus against the other, with the counts behind its scores.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KeyTerm {
    pub kind: TermKind,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pos: Option<String>,
    /// Occurrences in A and in B.
    pub a: usize,
    pub b: usize,
    /// Documents of A and of B it occurs in (a term crowded into one article is weaker
    /// evidence than one spread over many).
    pub a_documents: usize,
    pub b_documents: usize,
    /// Occurrences per million tokens in A and in B.
    pub a_per_million: f64,
    pub b_per_million: f64,
    pub g2: f64,
    /// log2 of (rate in A / rate in B): positive for terms key in A.
    pub log_ratio: f64,
}

/// Both directions of a comparison.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Keyness {
    /// Terms used more in A than in B, by G² (descending).
    pub a_over_b: Vec<KeyTerm>,
    /// Terms used more in B than in A, by G² (descending).
    pub b_over_a: Vec<KeyTerm>,
}

fn by_score(x: &KeyTerm, y: &KeyTerm) -> Ordering {
    y.g2.total_cmp(&x.g2)
        .then_with(|| y.log_ratio.abs().total_cmp(&x.log_ratio.abs()))
        .then_with(|| x.kind.cmp(&y.kind))
        .then_with(|| x.text.cmp(&y.text))
}

/// The terms of `a` and `b` with G² at least `min_g2`, split by direction, best `top` of each
/// (0 = all). A word with the same text as a key entity of the same direction is left out.
pub fn keyness(a: &FrequencyTable, b: &FrequencyTable, min_g2: f64, top: usize) -> Keyness {
    let (c, d) = (a.tokens, b.tokens);
    let mut out = Keyness::default();
    let keys = a
        .counts
        .keys()
        .chain(b.counts.keys().filter(|k| !a.counts.contains_key(*k)));
    for key in keys {
        let (fa, fb) = (a.count(key), b.count(key));
        let score = g2(fa, fb, c, d);
        if score < min_g2 || score <= 0.0 {
            continue;
        }
        let per_million = |f: usize, n: usize| {
            if n == 0 {
                0.0
            } else {
                f as f64 * 1e6 / n as f64
            }
        };
        let term = KeyTerm {
            kind: key.0,
            text: key.1.clone(),
            pos: a.pos(key).or_else(|| b.pos(key)),
            a: fa,
            b: fb,
            a_documents: a.documents_with(key),
            b_documents: b.documents_with(key),
            a_per_million: per_million(fa, c),
            b_per_million: per_million(fb, d),
            g2: score,
            log_ratio: log_ratio(fa, fb, c, d),
        };
        // Compare rates exactly (fa/c against fb/d) to choose the side.
        match (fa as u128 * d as u128).cmp(&(fb as u128 * c as u128)) {
            Ordering::Greater => out.a_over_b.push(term),
            Ordering::Less => out.b_over_a.push(term),
            Ordering::Equal => {}
        }
    }
    for list in [&mut out.a_over_b, &mut out.b_over_a] {
        // A word written like a key entity (南非 the word and 南非 the place) says the same
        // thing twice: the entity stands for both.
        let entities: std::collections::HashSet<String> = list
            .iter()
            .filter(|t| t.kind != TermKind::Word)
            .map(|t| t.text.clone())
            .collect();
        list.retain(|t| t.kind != TermKind::Word || !entities.contains(&t.text));
        list.sort_by(by_score);
        if top > 0 {
            list.truncate(top);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn g2_by_hand() {
        // a = 20 in c = 1000, b = 5 in d = 1000: E1 = E2 = 1000 × 25 / 2000 = 12.5.
        // G² = 2 (20 ln(20/12.5) + 5 ln(5/12.5)) = 2 (9.400073 − 4.581454) = 9.637238.
        assert!((g2(20, 5, 1000, 1000) - 9.637238).abs() < 1e-6);
        // Log Ratio = log2((20/1000) / (5/1000)) = log2 4 = 2.
        assert!((log_ratio(20, 5, 1000, 1000) - 2.0).abs() < 1e-12);
        // a = 10 in 500, b = 0 in 1500: E1 = 500 × 10 / 2000 = 2.5; the zero cell adds nothing,
        // so G² = 2 × 10 ln(10 / 2.5) = 20 ln 4 = 27.725887.
        assert!((g2(10, 0, 500, 1500) - 27.725887).abs() < 1e-6);
        // Log Ratio with 0.5 for the zero: log2((10/500) / (0.5/1500)) = log2 60 = 5.906891.
        assert!((log_ratio(10, 0, 500, 1500) - 5.906891).abs() < 1e-6);
        // Same rate in both corpora: no keyness; G² is symmetric in the corpora.
        assert!(g2(10, 20, 1000, 2000).abs() < 1e-12);
        assert!((g2(5, 20, 1000, 1000) - g2(20, 5, 1000, 1000)).abs() < 1e-12);
        assert!((log_ratio(5, 20, 1000, 1000) + 2.0).abs() < 1e-12);
    }

    #[test]
    fn keyness_splits_directions() {
        let analyzer = crate::Analyzer::default();
        let mut a = FrequencyTable::default();
        let mut b = FrequencyTable::default();
        let kinds = crate::views::cooccurrence::NAMED_KINDS;
        for _ in 0..5 {
            a.add(
                &analyzer.analyze("大家在北京举行活动，看足球，谈足球。"),
                Items::All,
                &kinds,
            );
            b.add(
                &analyzer.analyze("大家在上海举行活动，看经济，谈经济。"),
                Items::All,
                &kinds,
            );
        }
        let k = keyness(&a, &b, G2_P05, 0);
        assert!(
            k.a_over_b
                .iter()
                .any(|t| t.text == "足球" && t.a == 10 && t.b == 0)
        );
        assert!(
            k.b_over_a
                .iter()
                .any(|t| t.text == "经济" && t.a == 0 && t.b == 10)
        );
        assert!(
            k.a_over_b
                .iter()
                .all(|t| t.log_ratio > 0.0 && t.g2 >= G2_P05)
        );
        assert!(k.b_over_a.iter().all(|t| t.log_ratio < 0.0));
        // 举行 is in both at the same rate: key in neither.
        assert!(
            !k.a_over_b
                .iter()
                .chain(&k.b_over_a)
                .any(|t| t.text == "举行")
        );
    }
}
