//! The corpus summary: counts added over every document of a run (and over runs, by `merge`),
//! entity and word tables with total counts and the number of documents they appear in.

use std::hash::BuildHasher;
use std::sync::Arc;

use hashbrown::HashTable;
use rustc_hash::{FxBuildHasher, FxHashMap};
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
pub type SummaryEntities = crate::extract::ByKind<SummaryEntity>;

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

/// Totals of one table row: occurrences, and documents it occurs in.
#[derive(Clone, Copy, Debug, Default)]
struct Tally {
    count: usize,
    documents: usize,
}

impl Tally {
    fn add(&mut self, count: usize, documents: usize) {
        self.count += count;
        self.documents += documents;
    }
}

/// A row of the word table: a word and the part of speech it had. Both are shared with the
/// documents' word tables ([`crate::document::WordCount`]), so a key is made without copying
/// any text, and two keys from the same thread's documents are told equal by their addresses.
#[derive(Clone, Debug)]
struct WordKey {
    word: Arc<str>,
    pos: Arc<str>,
}

impl WordKey {
    /// Whether this row is that of `word` with `pos`.
    fn is(&self, word: &Arc<str>, pos: &Arc<str>) -> bool {
        let same = |a: &Arc<str>, b: &Arc<str>| Arc::ptr_eq(a, b) || a == b;
        same(&self.word, word) && same(&self.pos, pos)
    }
}

/// A row's hash: only the word is hashed, so the few words with more than one part of speech
/// share their hash.
fn word_hash(word: &str) -> u64 {
    FxBuildHasher.hash_one(word)
}

/// Counts gathered document by document (or summary by summary). Sums commute, so builders
/// filled on different threads and joined with [`SummaryBuilder::merge`] give the same summary
/// as one builder that saw every document.
#[derive(Clone, Debug, Default)]
pub struct SummaryBuilder {
    documents: usize,
    errors: usize,
    stats: Stats,
    /// Per kind (in [`EntityKind::ALL`] order): entity text → tally.
    entities: [FxHashMap<String, Tally>; 5],
    /// Rows hashed by [`word_hash`]; a row is looked up by the word and tag of a document's
    /// row, so adding to it copies or counts no reference.
    words: HashTable<(WordKey, Tally)>,
    pos: FxHashMap<String, usize>,
    incomplete: bool,
}

fn kind_index(kind: EntityKind) -> usize {
    EntityKind::ALL
        .iter()
        .position(|&k| k == kind)
        .unwrap_or_default()
}

/// Sort `v` by `cmp`, a total order, keeping only its first `n` items: they are picked first,
/// so only they are sorted.
fn sort_top<T>(v: &mut Vec<T>, n: usize, cmp: impl Fn(&T, &T) -> std::cmp::Ordering) {
    if n < v.len() {
        if n == 0 {
            v.clear();
            return;
        }
        v.select_nth_unstable_by(n - 1, &cmp);
        v.truncate(n);
    }
    v.sort_unstable_by(cmp);
}

/// Add to the tally of `key`, copying the key only the first time it is seen.
fn tally(map: &mut FxHashMap<String, Tally>, key: &str, count: usize, documents: usize) {
    match map.get_mut(key) {
        Some(t) => t.add(count, documents),
        None => {
            map.insert(key.to_string(), Tally { count, documents });
        }
    }
}

impl SummaryBuilder {
    pub fn add_document(&mut self, doc: &Document) {
        self.documents += 1;
        self.stats.add(&doc.stats);
        // Tables are grown at most once per document, to hold all of its rows, rather than
        // doubled again and again while a long document's rows are added one by one.
        for kind in EntityKind::ALL {
            let map = &mut self.entities[kind_index(kind)];
            let list = doc.entities.get(kind);
            map.reserve(list.len());
            for e in list {
                tally(map, &e.text, e.count, 1);
            }
        }
        self.words
            .reserve(doc.words.len(), |(key, _)| word_hash(&key.word));
        for w in &doc.words {
            self.add_word(&w.word, &w.pos, w.count, 1);
        }
        for p in &doc.pos {
            self.add_pos(&p.pos, p.count);
        }
    }

    fn add_word(&mut self, word: &Arc<str>, pos: &Arc<str>, count: usize, documents: usize) {
        let hash = word_hash(word);
        match self.words.find_mut(hash, |(key, _)| key.is(word, pos)) {
            Some((_, t)) => t.add(count, documents),
            None => {
                let key = WordKey {
                    word: Arc::clone(word),
                    pos: Arc::clone(pos),
                };
                let row = (key, Tally { count, documents });
                self.words
                    .insert_unique(hash, row, |(key, _)| word_hash(&key.word));
            }
        }
    }

    fn add_pos(&mut self, pos: &str, count: usize) {
        match self.pos.get_mut(pos) {
            Some(n) => *n += count,
            None => {
                self.pos.insert(pos.to_string(), count);
            }
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
            let map = &mut self.entities[kind_index(kind)];
            for e in s.entities.get(kind) {
                tally(map, &e.text, e.count, e.documents);
            }
        }
        for w in &s.words {
            let (word, pos) = (Arc::from(w.word.as_str()), Arc::from(w.pos.as_str()));
            self.add_word(&word, &pos, w.count, w.documents);
        }
        for p in &s.pos {
            self.add_pos(&p.pos, p.count);
        }
    }

    /// Add everything another builder gathered (the builders of parallel workers).
    pub fn merge(&mut self, mut other: SummaryBuilder) {
        self.documents += other.documents;
        self.errors += other.errors;
        self.stats.add(&other.stats);
        self.incomplete |= other.incomplete;
        // Each smaller table is added into the bigger one (the sums are the same).
        for (mine, theirs) in self.entities.iter_mut().zip(&mut other.entities) {
            if theirs.len() > mine.len() {
                std::mem::swap(mine, theirs);
            }
        }
        if other.words.len() > self.words.len() {
            std::mem::swap(&mut self.words, &mut other.words);
        }
        for (mine, theirs) in self.entities.iter_mut().zip(other.entities) {
            for (text, t) in theirs {
                mine.entry(text).or_default().add(t.count, t.documents);
            }
        }
        for (key, t) in other.words {
            self.add_word(&key.word, &key.pos, t.count, t.documents);
        }
        for (pos, n) in other.pos {
            *self.pos.entry(pos).or_default() += n;
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
        for kind in EntityKind::ALL {
            let list = entities.get_mut(kind);
            list.extend(
                self.entities[kind_index(kind)]
                    .iter()
                    .map(|(text, t)| SummaryEntity {
                        text: text.clone(),
                        count: t.count,
                        documents: t.documents,
                    }),
            );
        }
        for kind in EntityKind::ALL {
            let list = entities.get_mut(kind);
            complete &= list.len() <= limit(list.len());
            let n = limit(list.len());
            sort_top(list, n, |a, b| {
                b.count.cmp(&a.count).then_with(|| a.text.cmp(&b.text))
            });
        }
        let mut rows: Vec<(&str, &str, Tally)> = (self.words.iter())
            .map(|(key, t)| (&*key.word, &*key.pos, *t))
            .collect();
        complete &= rows.len() <= limit(rows.len());
        let n = limit(rows.len());
        sort_top(&mut rows, n, |a, b| {
            b.2.count
                .cmp(&a.2.count)
                .then_with(|| a.0.cmp(b.0))
                .then_with(|| a.1.cmp(b.1))
        });
        let words: Vec<SummaryWord> = rows
            .into_iter()
            .map(|(word, pos, t)| SummaryWord {
                word: word.to_string(),
                pos: pos.to_string(),
                count: t.count,
                documents: t.documents,
            })
            .collect();
        let mut pos: Vec<SummaryPos> = self
            .pos
            .iter()
            .map(|(pos, count)| SummaryPos {
                pos: pos.clone(),
                count: *count,
            })
            .collect();
        pos.sort_unstable_by(|a, b| b.count.cmp(&a.count).then_with(|| a.pos.cmp(&b.pos)));
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

#[cfg(test)]
mod tests {
    use crate::document::Analyzer;

    use super::*;

    #[test]
    fn words_of_documents_from_other_threads_add_up_by_text() {
        let page = include_str!("../fixtures/news-page.txt");
        let harbor = include_str!("../fixtures/articles/harbor.txt");
        let here = [page, harbor].map(|t| Analyzer::default().analyze(t));
        // Counted on other threads, the same words are other strings.
        let there = [page, harbor].map(|t| {
            std::thread::spawn(move || Analyzer::default().analyze(t))
                .join()
                .unwrap()
        });
        assert!(!Arc::ptr_eq(
            &here[0].words[0].word,
            &there[0].words[0].word
        ));
        let mut mixed = SummaryBuilder::default();
        mixed.add_document(&here[0]);
        mixed.add_document(&there[1]);
        let mut other = SummaryBuilder::default();
        other.add_document(&there[0]);
        other.add_document(&here[1]);
        mixed.merge(other);
        let mut same = SummaryBuilder::default();
        for doc in here.iter().chain(&here) {
            same.add_document(doc);
        }
        let summary = mixed.build(0);
        assert_eq!(summary, same.build(0));
        // A word of both texts, twice each: in four documents.
        let top = &summary.words[0];
        assert_eq!(top.documents, 4, "{top:?}");
        assert_eq!(
            top.count,
            2 * here
                .iter()
                .flat_map(|d| &d.words)
                .filter(|w| *w.word == *top.word)
                .map(|w| w.count)
                .sum::<usize>()
        );
    }
}
