//! Text statistics: character, token, sentence and paragraph counts, word frequencies with their
//! part of speech (punctuation, whitespace and stopwords left out), and the POS distribution.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use crate::document::{PosCount, WordCount};
use crate::normalize::is_han;
use crate::segment::Token;

const BUILTIN_STOPWORDS: &str = include_str!("data/stopwords.txt");

/// Size counts of a text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    /// Unicode scalar values in the decoded text (line breaks included).
    pub characters: usize,
    /// Han (CJK ideograph) characters.
    pub han_characters: usize,
    /// Segmented words, punctuation included, whitespace left out.
    pub tokens: usize,
    /// Distinct words in the frequency table before stopwords are removed.
    pub distinct_words: usize,
    /// Sentences (Unicode sentence boundaries, so 。！？ end a sentence).
    pub sentences: usize,
    /// Non-blank lines.
    pub paragraphs: usize,
}

impl Stats {
    pub fn add(&mut self, other: &Stats) {
        self.characters += other.characters;
        self.han_characters += other.han_characters;
        self.tokens += other.tokens;
        self.distinct_words += other.distinct_words;
        self.sentences += other.sentences;
        self.paragraphs += other.paragraphs;
    }
}

/// The stopword list used to keep function words out of frequency tables.
#[derive(Clone, Debug, Default)]
pub struct Stopwords(Option<Arc<HashSet<String>>>);

impl Stopwords {
    /// The built-in Chinese stopword list.
    pub fn builtin() -> Self {
        Stopwords(Some(Arc::new(parse_list(BUILTIN_STOPWORDS))))
    }

    /// No stopwords: every word is counted.
    pub fn none() -> Self {
        Stopwords(None)
    }

    /// A stopword list from a file, one word per line (`#` starts a comment).
    pub fn from_file(path: &Path) -> std::io::Result<Self> {
        let text = std::fs::read_to_string(path)?;
        Ok(Stopwords(Some(Arc::new(parse_list(&text)))))
    }

    pub fn contains(&self, word: &str) -> bool {
        self.0.as_ref().is_some_and(|s| s.contains(word))
    }

    /// Every word of the list (none when stopwords are off), in no particular order.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.0.iter().flat_map(|s| s.iter().map(String::as_str))
    }
}

fn parse_list(text: &str) -> HashSet<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').next().unwrap_or(l).to_string())
        .collect()
}

/// True for a word that is only punctuation or symbols (no letter, digit or Han character).
pub fn is_punctuation(word: &str) -> bool {
    !word.chars().any(|c| c.is_alphanumeric() || is_han(c))
}

#[derive(Clone, Debug, Default)]
struct WordEntry {
    count: usize,
    pos: Vec<(String, usize)>,
}

/// Counts gathered paragraph by paragraph.
#[derive(Debug, Default)]
pub struct Counts {
    stats: Stats,
    words: HashMap<String, WordEntry>,
    stopped: HashSet<String>,
    pos: HashMap<String, usize>,
}

impl Counts {
    /// Count the characters of a raw line (line break included).
    pub fn add_raw(&mut self, line: &str) {
        for c in line.chars() {
            self.stats.characters += 1;
            if is_han(c) {
                self.stats.han_characters += 1;
            }
        }
    }

    /// Count a non-blank paragraph: `folded` is what was segmented, `original` the same
    /// characters as written (words are counted as written).
    pub fn add_paragraph(
        &mut self,
        folded: &str,
        tokens: &[Token<'_>],
        original: &str,
        stopwords: &Stopwords,
    ) {
        self.stats.paragraphs += 1;
        self.stats.sentences += folded
            .unicode_sentences()
            .filter(|s| s.chars().any(|c| c.is_alphanumeric() || is_han(c)))
            .count();
        let same = folded == original;
        let chars: Vec<char> = if same {
            Vec::new()
        } else {
            original.chars().collect()
        };
        for t in tokens {
            if t.word.trim().is_empty() {
                continue;
            }
            self.stats.tokens += 1;
            match self.pos.get_mut(t.pos) {
                Some(n) => *n += 1,
                None => {
                    self.pos.insert(t.pos.to_string(), 1);
                }
            }
            if is_punctuation(t.word) {
                continue;
            }
            let owned;
            let word: &str = if same {
                t.word
            } else {
                owned = chars[t.start..t.end].iter().collect::<String>();
                &owned
            };
            if stopwords.contains(t.word) || stopwords.contains(word) {
                if !self.stopped.contains(word) {
                    self.stopped.insert(word.to_string());
                }
                continue;
            }
            let entry = match self.words.get_mut(word) {
                Some(e) => e,
                None => self.words.entry(word.to_string()).or_default(),
            };
            entry.count += 1;
            match entry.pos.iter_mut().find(|(p, _)| p == t.pos) {
                Some((_, n)) => *n += 1,
                None => entry.pos.push((t.pos.to_string(), 1)),
            }
        }
    }

    /// The final counts, word table and POS table (both sorted by count, then text).
    pub fn finish(self) -> (Stats, Vec<WordCount>, Vec<PosCount>) {
        let mut stats = self.stats;
        stats.distinct_words = self.words.len() + self.stopped.len();
        let mut words: Vec<WordCount> = self
            .words
            .into_iter()
            .map(|(word, e)| {
                let pos = e
                    .pos
                    .iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
                    .map(|(p, _)| p.clone())
                    .unwrap_or_default();
                WordCount {
                    word,
                    pos,
                    count: e.count,
                }
            })
            .collect();
        sort_words(&mut words);
        let mut pos: Vec<PosCount> = self
            .pos
            .into_iter()
            .map(|(pos, count)| PosCount { pos, count })
            .collect();
        sort_pos(&mut pos);
        (stats, words, pos)
    }
}

/// Sort a word table by count (descending), then word, then POS.
pub fn sort_words(words: &mut [WordCount]) {
    words.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.word.cmp(&b.word))
            .then_with(|| a.pos.cmp(&b.pos))
    });
}

/// Sort a POS table by count (descending), then tag.
pub fn sort_pos(pos: &mut [PosCount]) {
    pos.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.pos.cmp(&b.pos)));
}

#[cfg(test)]
mod tests {
    use crate::document::Analyzer;
    use crate::segment::Segmenter;

    use super::*;

    #[test]
    fn counts_a_small_text() {
        let text = "合作共赢。合作发展！\n\n中国与俄罗斯的合作\n";
        let doc = Analyzer::default().analyze(text);
        assert_eq!(doc.stats.characters, text.chars().count());
        assert_eq!(doc.stats.han_characters, 17);
        assert_eq!(doc.stats.paragraphs, 2);
        assert_eq!(doc.stats.sentences, 3);
        let top = &doc.words[0];
        assert_eq!((top.word.as_str(), top.count), ("合作", 3));
        // 的 and 与 are stopwords; punctuation is never a word.
        assert!(
            doc.words
                .iter()
                .all(|w| w.word != "的" && w.word != "与" && w.word != "。")
        );
        assert!(doc.pos.iter().any(|p| p.pos == "x"));
    }

    #[test]
    fn stopwords_can_be_turned_off() {
        let a = Analyzer::new(Segmenter::shared(), Stopwords::none()).analyze("我的书");
        assert!(a.words.iter().any(|w| w.word == "的"));
    }

    #[test]
    fn punctuation_detection() {
        assert!(is_punctuation("，"));
        assert!(is_punctuation("——"));
        assert!(!is_punctuation("a"));
        assert!(!is_punctuation("中"));
    }
}
