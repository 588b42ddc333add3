//! The corpus summary: counts added over every document of a run (and over runs, by `merge`),
//! entity and word tables with total counts and the number of documents they appear in.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::extract::EntityKind;
use crate::stats::Stats;

/// An entity across the corpus.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryEntity {
    pub text: String,
    pub count: usize,
    pub documents: usize,
}

/// A word (with the part of speech it had in its documents) across the corpus.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryWord {
    pub word: String,
    pub pos: String,
    pub count: usize,
    pub documents: usize,
}

/// A part-of-speech tag across the corpus.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryPos {
    pub pos: String,
    pub count: usize,
}

/// Entity tables by kind; every kind is always present.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryEntities {
    pub person: Vec<SummaryEntity>,
    pub organization: Vec<SummaryEntity>,
    pub place: Vec<SummaryEntity>,
    pub date: Vec<SummaryEntity>,
    pub number: Vec<SummaryEntity>,
}

impl SummaryEntities {
    pub fn get(&self, kind: EntityKind) -> &Vec<SummaryEntity> {
        match kind {
            EntityKind::Person => &self.person,
            EntityKind::Organization => &self.organization,
            EntityKind::Place => &self.place,
            EntityKind::Date => &self.date,
            EntityKind::Number => &self.number,
        }
    }

    fn get_mut(&mut self, kind: EntityKind) -> &mut Vec<SummaryEntity> {
        match kind {
            EntityKind::Person => &mut self.person,
            EntityKind::Organization => &mut self.organization,
            EntityKind::Place => &mut self.place,
            EntityKind::Date => &mut self.date,
            EntityKind::Number => &mut self.number,
        }
    }
}

/// The `summary` record: what a run (or several merged runs) saw.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    #[serde(rename = "type")]
    pub record_type: String,
    pub documents: usize,
    pub errors: usize,
    pub stats: Stats,
    pub entities: SummaryEntities,
    pub words: Vec<SummaryWord>,
    pub pos: Vec<SummaryPos>,
    /// False when `--top` cut the tables, so the summary cannot be merged exactly.
    pub complete: bool,
}

/// Counts gathered document by document.
#[derive(Clone, Debug, Default)]
pub struct SummaryBuilder {
    documents: usize,
    errors: usize,
    stats: Stats,
    entities: BTreeMap<(EntityKind, String), (usize, usize)>,
    words: HashMap<(String, String), (usize, usize)>,
    pos: HashMap<String, usize>,
    incomplete: bool,
}

impl SummaryBuilder {
    pub fn add_document(&mut self, doc: &Document) {
        self.documents += 1;
        self.stats.add(&doc.stats);
        for kind in EntityKind::ALL {
            for e in doc.entities.get(kind) {
                let slot = self.entities.entry((kind, e.text.clone())).or_default();
                slot.0 += e.count;
                slot.1 += 1;
            }
        }
        for w in &doc.words {
            let slot = self
                .words
                .entry((w.word.clone(), w.pos.clone()))
                .or_default();
            slot.0 += w.count;
            slot.1 += 1;
        }
        for p in &doc.pos {
            *self.pos.entry(p.pos.clone()).or_default() += p.count;
        }
    }

    pub fn add_error(&mut self) {
        self.errors += 1;
    }

    /// Add an earlier run's summary (for `merge`).
    pub fn add_summary(&mut self, s: &Summary) {
        self.documents += s.documents;
        self.errors += s.errors;
        self.stats.add(&s.stats);
        self.incomplete |= !s.complete;
        for kind in EntityKind::ALL {
            for e in s.entities.get(kind) {
                let slot = self.entities.entry((kind, e.text.clone())).or_default();
                slot.0 += e.count;
                slot.1 += e.documents;
            }
        }
        for w in &s.words {
            let slot = self
                .words
                .entry((w.word.clone(), w.pos.clone()))
                .or_default();
            slot.0 += w.count;
            slot.1 += w.documents;
        }
        for p in &s.pos {
            *self.pos.entry(p.pos.clone()).or_default() += p.count;
        }
    }

    pub fn documents(&self) -> usize {
        self.documents
    }

    pub fn errors(&self) -> usize {
        self.errors
    }

    /// The summary with at most `top` rows per table (0 = all).
    pub fn build(&self, top: usize) -> Summary {
        let limit = |n: usize| if top == 0 { n } else { n.min(top) };
        let mut complete = !self.incomplete;
        let mut entities = SummaryEntities::default();
        for ((kind, text), (count, documents)) in &self.entities {
            entities.get_mut(*kind).push(SummaryEntity {
                text: text.clone(),
                count: *count,
                documents: *documents,
            });
        }
        for kind in EntityKind::ALL {
            let list = entities.get_mut(kind);
            list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.text.cmp(&b.text)));
            complete &= list.len() <= limit(list.len());
            list.truncate(limit(list.len()));
        }
        let mut words: Vec<SummaryWord> = self
            .words
            .iter()
            .map(|((word, pos), (count, documents))| SummaryWord {
                word: word.clone(),
                pos: pos.clone(),
                count: *count,
                documents: *documents,
            })
            .collect();
        words.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then_with(|| a.word.cmp(&b.word))
                .then_with(|| a.pos.cmp(&b.pos))
        });
        complete &= words.len() <= limit(words.len());
        words.truncate(limit(words.len()));
        let mut pos: Vec<SummaryPos> = self
            .pos
            .iter()
            .map(|(pos, count)| SummaryPos {
                pos: pos.clone(),
                count: *count,
            })
            .collect();
        pos.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.pos.cmp(&b.pos)));
        Summary {
            record_type: "summary".to_string(),
            documents: self.documents,
            errors: self.errors,
            stats: self.stats,
            entities,
            words,
            pos,
            complete,
        }
    }
}
