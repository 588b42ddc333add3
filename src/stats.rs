//! Text statistics: character, token, sentence and paragraph counts, word frequencies with their
//! part of speech (punctuation, whitespace and stopwords left out), and the POS distribution.

use std::cell::RefCell;
use std::marker::PhantomData;
use std::path::Path;
use std::rc::Rc;
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use crate::document::{PosCount, WordCount};
use crate::normalize::{Folded, is_han};
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
pub struct Stopwords(Option<Arc<FxHashSet<String>>>);

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

    /// True when both are the same list (not a copy of it), or both are none.
    fn is_same_list(&self, other: &Stopwords) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.0.as_ref().is_some_and(|s| s.contains(word))
    }

    /// Every word of the list (none when stopwords are off), in no particular order.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.0.iter().flat_map(|s| s.iter().map(String::as_str))
    }
}

fn parse_list(text: &str) -> FxHashSet<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').next().unwrap_or(l).to_string())
        .collect()
}

/// True for a word that is only punctuation or symbols (no letter, digit or Han character).
#[inline]
pub fn is_punctuation(word: &str) -> bool {
    // Most words open with a Han character of U+5000–U+9FFF, whose UTF-8 form starts with a
    // byte from 0xE5 to 0xE9, or with an ASCII letter or digit: they are answered by that byte.
    match word.as_bytes().first() {
        Some(0xE5..=0xE9) => false,
        Some(b) if b.is_ascii_alphanumeric() => false,
        _ => !word.chars().any(is_word_char),
    }
}

/// A letter, digit or Han character; ASCII and the common CJK and general punctuation are
/// answered without Unicode's tables.
#[inline]
fn is_word_char(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        '\u{2000}'..='\u{206F}' | '\u{3000}'..='\u{3004}' | '\u{3008}'..='\u{3011}' => false,
        _ => is_han(c) || c.is_alphanumeric(),
    }
}

/// The sentences of a paragraph that hold a letter, digit or Han character, by the Unicode
/// sentence boundaries of UAX #29.
pub fn count_sentences(text: &str) -> usize {
    count_sentences_of(text, &text.chars().collect::<Vec<_>>())
}

/// [`count_sentences`] of `text`, whose characters are `chars`.
fn count_sentences_of(text: &str, chars: &[char]) -> usize {
    simple_sentences(chars).unwrap_or_else(|| {
        text.unicode_sentences()
            .filter(|s| s.chars().any(|c| is_han(c) || c.is_alphanumeric()))
            .count()
    })
}

/// A fast path of [`count_sentences`] for the usual shape of Chinese text: Han characters, ASCII
/// letters and digits, punctuation that never ends a sentence, a '.' right before a digit (3.5),
/// and 。!? each followed by closing marks ([`is_close`]: ”, ）, 》 …) and then directly by a Han
/// character, letter or digit (or ending the text). UAX #29 breaks after such a terminator and
/// its closing marks and nowhere else, so the sentences are the pieces ending there. Any other
/// text (a '.' before a letter, a space after a terminator, a line separator, …) returns `None`.
fn simple_sentences(chars: &[char]) -> Option<usize> {
    let is_word = |c: char| is_han(c) || c.is_ascii_alphanumeric();
    let mut count = 0;
    let mut piece_has_word = false;
    let mut rest = chars.iter();
    while let Some(&c) = rest.next() {
        if is_word(c) {
            piece_has_word = true;
        } else if matches!(c, '。' | '!' | '?') {
            // The piece ends after the closing marks, which must be followed by a word
            // character or the end of the text.
            let closes = rest.as_slice().iter().take_while(|&&c| is_close(c)).count();
            let after = &rest.as_slice()[closes..];
            if after.first().is_some_and(|&c| !is_word(c)) {
                return None;
            }
            rest = after.iter();
            count += usize::from(piece_has_word);
            piece_has_word = false;
        } else if c == '.' {
            // A full stop before a digit never ends a sentence (UAX #29 rule SB6).
            if !rest.as_slice().first().is_some_and(char::is_ascii_digit) {
                return None;
            }
        } else if !is_neutral(c) {
            return None;
        }
    }
    Some(count + usize::from(piece_has_word))
}

/// Closing and opening brackets and quotation marks among [`is_neutral`]'s characters: UAX #29
/// class Close, which stays with the sentence a terminator before it ends.
fn is_close(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '《'
            | '》'
            | '〈'
            | '〉'
            | '「'
            | '」'
            | '『'
            | '』'
            | '【'
            | '】'
            | '〔'
            | '〕'
    )
}

/// Punctuation and spaces that neither end a sentence nor separate paragraphs (UAX #29 classes
/// Sp, Close, SContinue and Other); checked against unicode-segmentation by a test.
fn is_neutral(c: char) -> bool {
    is_close(c)
        || matches!(
            c,
            ' ' | '\t'
                | ','
                | '，'
                | ':'
                | ';'
                | '<'
                | '>'
                | '%'
                | '+'
                | '-'
                | '*'
                | '/'
                | '='
                | '#'
                | '&'
                | '@'
                | '$'
                | '^'
                | '_'
                | '|'
                | '~'
                | '`'
                | '、'
                | '—'
                | '–'
                | '…'
                | '·'
                | '・'
                | '•'
                | '×'
                | '÷'
                | '°'
                | '℃'
                | '‰'
                | '№'
                | '¥'
                | '€'
                | '£'
        )
}

/// A word of the table being counted: its text, its count, and how often each part of speech
/// (a number of the thread's [`TagTable`]) was given to it. Almost every word has one tag, kept
/// inline.
#[derive(Clone, Debug)]
struct WordEntry {
    text: Arc<str>,
    count: usize,
    tag: (u32, usize),
    more_tags: Vec<(u32, usize)>,
}

impl WordEntry {
    fn new(text: Arc<str>, tag: u32) -> Self {
        WordEntry {
            text,
            count: 1,
            tag: (tag, 1),
            more_tags: Vec::new(),
        }
    }

    /// The entry of a stopword: met, but never counted.
    fn stopword(text: Arc<str>) -> Self {
        WordEntry {
            text,
            count: 0,
            tag: (0, 0),
            more_tags: Vec::new(),
        }
    }

    fn is_stopword(&self) -> bool {
        self.count == 0
    }

    fn add(&mut self, tag: u32) {
        self.count += 1;
        if self.tag.0 == tag {
            self.tag.1 += 1;
        } else if let Some(t) = self.more_tags.iter_mut().find(|t| t.0 == tag) {
            t.1 += 1;
        } else {
            self.more_tags.push((tag, 1));
        }
    }

    /// The number of the most frequent tag; on a tie, the first in alphabetical order.
    fn best_tag(&self, tags: &TagTable) -> u32 {
        let best = self.more_tags.iter().fold(self.tag, |best, &t| {
            let better = t.1 > best.1 || (t.1 == best.1 && tags.text(t.0) < tags.text(best.0));
            if better { t } else { best }
        });
        best.0
    }
}

/// The words and part-of-speech tags a thread has counted. A word is copied and looked up in
/// the stopword list once for the thread, not once per document (the word tables of the
/// thread's documents share its text), and knows where it stands in the table of the document
/// being counted, so it is looked up once per token. Memory grows with the vocabulary only.
struct Vocabulary {
    /// Every word met, as written.
    words: FxHashMap<Arc<str>, VocabularyWord>,
    /// The stopword list the words were last looked up in, and its generation: a word whose
    /// [`VocabularyWord::generation`] differs is looked up again.
    stopwords: Stopwords,
    generation: u32,
    /// The [`Counts`] (by its number) whose table the words' places are in, and how many
    /// [`Counts`] were numbered.
    counting: u64,
    numbered: u64,
    /// How many [`Counts`] of this thread are being counted into (not finished or dropped).
    open: usize,
    tags: TagTable,
}

/// A thread forgets its words when it holds more than this many and no [`Counts`] of it is
/// open: the vocabulary of a long run over varied text (names, numbers) stays bounded.
/// (Small in unit tests, so that they forget too.)
const MAX_VOCABULARY: usize = if cfg!(test) { 64 } else { 1 << 18 };

/// A word of a [`Vocabulary`].
struct VocabularyWord {
    text: Arc<str>,
    /// Whether the word is a stopword, as the list of this generation said (generation 0: not
    /// looked up yet).
    stopword: bool,
    generation: u32,
    /// The [`Counts`] (by its number) that last met the word, and the word's place in its table.
    counts: u64,
    place: usize,
}

/// Part-of-speech tags, numbered as they are first met.
struct TagTable {
    /// Tag (keyed by [`tag_key`]) → its number.
    index: FxHashMap<u64, u32>,
    /// The tags, by number.
    tags: Vec<Arc<str>>,
    /// The numbers of tags met, by their [`tag_key`]: slot [`tag_slot`] of a key holds it and its
    /// number, or [`NO_TAG`]. Every tag jieba gives is packed, and nearly all have a slot of their
    /// own, so a tag is numbered without hashing or comparing its text.
    cache: [(u64, u32); TAG_CACHE],
}

/// The key of an empty slot of [`TagTable::cache`]: no [`tag_key`] (its top byte is the tag's
/// length when the tag has seven bytes, and zero otherwise).
const NO_TAG: u64 = u64::MAX;

/// The slot of [`TagTable::cache`] for a tag's key: its top bits after a multiplication that
/// spreads every byte of the key over them.
fn tag_slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - TAG_CACHE.trailing_zeros())) as usize
}

thread_local! {
    static VOCABULARY: RefCell<Vocabulary> = RefCell::new(Vocabulary {
        words: FxHashMap::default(),
        stopwords: Stopwords::none(),
        generation: 0,
        counting: 0,
        numbered: 0,
        open: 0,
        tags: TagTable::new(),
    });
}

impl Vocabulary {
    /// Look words up in `stopwords` from now on.
    fn use_stopwords(&mut self, stopwords: &Stopwords) {
        if self.generation == 0 || !self.stopwords.is_same_list(stopwords) {
            // The list is kept, so no other list can come to live where it does.
            self.stopwords = stopwords.clone();
            self.generation += 1;
        }
    }

    /// Count into `counts` from now on: the places of its words are set again if another
    /// [`Counts`] was counted into since.
    fn count_into(&mut self, counts: &Counts) {
        if self.counting == counts.number {
            return;
        }
        self.counting = counts.number;
        for (place, e) in counts.words.iter().enumerate() {
            if let Some(w) = self.words.get_mut(&*e.text) {
                w.counts = counts.number;
                w.place = place;
            }
        }
    }
}

impl TagTable {
    fn new() -> Self {
        TagTable {
            index: FxHashMap::default(),
            tags: Vec::new(),
            cache: [(NO_TAG, 0); TAG_CACHE],
        }
    }

    /// The number of `tag`.
    #[inline]
    fn number(&mut self, tag: &str) -> u32 {
        let Some(key) = tag_key(tag) else {
            // A tag too long to pack (a user dictionary's): looked up by its text.
            return match self.tags.iter().position(|t| **t == *tag) {
                Some(i) => i as u32,
                None => self.push(tag),
            };
        };
        let slot = tag_slot(key);
        if self.cache[slot].0 == key {
            return self.cache[slot].1;
        }
        let i = match self.index.get(&key) {
            Some(&i) => i,
            None => {
                let i = self.push(tag);
                self.index.insert(key, i);
                i
            }
        };
        // A slot holds the first tag that needs it: a tag sharing it is found by `index`.
        if self.cache[slot].0 == NO_TAG {
            self.cache[slot] = (key, i);
        }
        i
    }

    /// Number a new tag.
    fn push(&mut self, tag: &str) -> u32 {
        self.tags.push(Arc::from(tag));
        (self.tags.len() - 1) as u32
    }

    fn text(&self, number: u32) -> &str {
        &self.tags[number as usize]
    }
}

/// Counts gathered paragraph by paragraph. Memory grows with the vocabulary only.
///
/// Words know their place in the table through the vocabulary of the thread counting, so
/// the counts stay on that thread (the type is not `Send`).
#[derive(Debug)]
pub struct Counts {
    stats: Stats,
    /// Every distinct word, in the order met; a stopword's entry has a count of 0 and stays out
    /// of the table.
    words: Vec<WordEntry>,
    /// How many tokens had each tag, by its number.
    tags: Vec<usize>,
    /// Its number in the thread's [`Vocabulary`].
    number: u64,
    not_send: PhantomData<Rc<()>>,
}

/// Word tables bigger than this (in entries) are not kept for the next document.
const MAX_SPARE_WORDS: usize = 1 << 15;

thread_local! {
    /// The emptied word table of the last document this thread finished: the next document
    /// fills it again without growing a table from nothing.
    static SPARE_WORDS: RefCell<Vec<WordEntry>> = const { RefCell::new(Vec::new()) };
}

impl Default for Counts {
    fn default() -> Self {
        Counts {
            stats: Stats::default(),
            words: SPARE_WORDS.take(),
            tags: Vec::new(),
            number: VOCABULARY.with_borrow_mut(|v| {
                if v.open == 0 && v.words.len() > MAX_VOCABULARY {
                    // No table holds places of these words: they can go.
                    v.words = FxHashMap::default();
                    v.counting = 0;
                }
                v.open += 1;
                v.numbered += 1;
                v.numbered
            }),
            not_send: PhantomData,
        }
    }
}

impl Drop for Counts {
    fn drop(&mut self) {
        // A thread being torn down may have dropped its vocabulary already.
        let _ = VOCABULARY.try_with(|v| {
            if let Ok(mut v) = v.try_borrow_mut() {
                v.open = v.open.saturating_sub(1);
            }
        });
    }
}

/// A tag of at most seven bytes packed into a number (its bytes and its length), so it is looked
/// up without comparing strings.
fn tag_key(tag: &str) -> Option<u64> {
    let b = tag.as_bytes();
    if b.len() > 7 {
        return None;
    }
    let mut key = b.len() as u64;
    for &x in b {
        key = (key << 8) | u64::from(x);
    }
    Some(key)
}

/// True for a token that is only whitespace.
#[inline]
fn is_blank(word: &str) -> bool {
    match word.as_bytes().first() {
        // No character from U+4000 up is whitespace: Han text is answered by its first byte.
        Some(&b) if b >= 0xE4 => false,
        Some(&b) if b.is_ascii() && !char::from(b).is_whitespace() => false,
        _ => word.chars().all(char::is_whitespace),
    }
}

/// How many slots [`TagTable::cache`] has (a power of two).
const TAG_CACHE: usize = 256;

impl Counts {
    /// Count the `n` characters of a raw line (line break included). Its Han characters are
    /// counted with its paragraphs ([`Counts::add_paragraph`]): the rest of it is whitespace.
    pub fn add_characters(&mut self, n: usize) {
        self.stats.characters += n;
    }

    /// Count a non-blank paragraph: `folded` is `original` folded (what was segmented into
    /// `tokens`); words are counted as written in `original`.
    pub fn add_paragraph(
        &mut self,
        folded: &Folded,
        tokens: &[Token<'_>],
        original: &str,
        stopwords: &Stopwords,
    ) {
        self.stats.paragraphs += 1;
        self.stats.han_characters += folded.han;
        self.stats.sentences += count_sentences_of(&folded.text, &folded.chars);
        VOCABULARY.with_borrow_mut(|vocabulary| {
            vocabulary.use_stopwords(stopwords);
            vocabulary.count_into(self);
            self.add_tokens(vocabulary, folded, tokens, original);
        });
    }

    /// Count the tokens of a paragraph (see [`Counts::add_paragraph`]).
    fn add_tokens(
        &mut self,
        vocabulary: &mut Vocabulary,
        folded: &Folded,
        tokens: &[Token<'_>],
        original: &str,
    ) {
        // Folding turns three bytes into one, so the texts differ exactly when their lengths do;
        // it maps one character to one, so token offsets are offsets into `original`.
        let same = folded.text.len() == original.len();
        let written_at = &folded.written_at;
        for t in tokens {
            if is_blank(t.word) {
                continue;
            }
            self.stats.tokens += 1;
            let tag = vocabulary.tags.number(t.pos);
            match self.tags.get_mut(tag as usize) {
                Some(count) => *count += 1,
                None => {
                    self.tags.resize(tag as usize, 0);
                    self.tags.push(1);
                }
            }
            if is_punctuation(t.word) {
                continue;
            }
            let word: &str = if same {
                t.word
            } else {
                // Likewise a token is its written text when both are as long: most tokens of a
                // folded paragraph fold nothing, and need no slice of `original` checked.
                let (from, to) = (written_at[t.start], written_at[t.end]);
                if to - from == t.word.len() {
                    t.word
                } else {
                    &original[from..to]
                }
            };
            let w = match vocabulary.words.get_mut(word) {
                Some(w) => w,
                None => {
                    let text: Arc<str> = Arc::from(word);
                    let new = VocabularyWord {
                        text: Arc::clone(&text),
                        stopword: false,
                        generation: 0,
                        counts: 0,
                        place: 0,
                    };
                    vocabulary.words.entry(text).or_insert(new)
                }
            };
            if w.counts == self.number {
                let e = &mut self.words[w.place];
                if !e.is_stopword() {
                    e.add(tag);
                }
                continue;
            }
            if w.generation != vocabulary.generation {
                // Folding maps a word as written to one folded word, so whether either is a
                // stopword depends on the word as written only.
                let list = &vocabulary.stopwords;
                w.stopword = list.contains(t.word) || (!same && list.contains(word));
                w.generation = vocabulary.generation;
            }
            w.counts = self.number;
            w.place = self.words.len();
            let text = Arc::clone(&w.text);
            self.words.push(if w.stopword {
                WordEntry::stopword(text)
            } else {
                WordEntry::new(text, tag)
            });
        }
    }

    /// The final counts, word table and POS table (both sorted by count, then text).
    pub fn finish(mut self) -> (Stats, Vec<WordCount>, Vec<PosCount>) {
        let mut stats = self.stats;
        stats.distinct_words = self.words.len();
        // Each counted word as one number ([`rank_key`]), sorted as plain numbers; then the few
        // runs of words whose counts and first bytes tie, by count and text (words are distinct).
        let mut ranked: Vec<u128> = Vec::with_capacity(self.words.len());
        ranked.extend(
            (self.words.iter().enumerate())
                .filter(|(_, e)| !e.is_stopword())
                .map(|(place, e)| rank_key(e.count, &e.text, place)),
        );
        ranked.sort_unstable();
        let entry = |rank: u128| &self.words[rank as u32 as usize];
        for run in ranked.chunk_by_mut(|a, b| a >> 32 == b >> 32) {
            if run.len() > 1 {
                run.sort_unstable_by(|&a, &b| {
                    let (a, b) = (entry(a), entry(b));
                    b.count.cmp(&a.count).then_with(|| a.text.cmp(&b.text))
                });
            }
        }
        let (words, mut pos) = VOCABULARY.with_borrow(|vocabulary| {
            let tags = &vocabulary.tags;
            let words: Vec<WordCount> = (ranked.iter().map(|&rank| entry(rank)))
                .map(|e| WordCount {
                    word: Arc::clone(&e.text),
                    pos: Arc::clone(&tags.tags[e.best_tag(tags) as usize]),
                    count: e.count,
                })
                .collect();
            let pos: Vec<PosCount> = (self.tags.iter().enumerate())
                .filter(|&(_, &count)| count > 0)
                .map(|(i, &count)| PosCount {
                    pos: String::from(tags.text(i as u32)),
                    count,
                })
                .collect();
            (words, pos)
        });
        drop(ranked);
        self.words.clear();
        if self.words.capacity() <= MAX_SPARE_WORDS {
            SPARE_WORDS.set(std::mem::take(&mut self.words));
        }
        sort_pos(&mut pos);
        (stats, words, pos)
    }
}

/// Sort a word table by count (descending), then word, then POS.
pub fn sort_words(words: &mut [WordCount]) {
    words.sort_unstable_by(cmp_words);
}

/// The order of [`sort_words`].
fn cmp_words(a: &WordCount, b: &WordCount) -> std::cmp::Ordering {
    b.count
        .cmp(&a.count)
        .then_with(|| a.word.cmp(&b.word))
        .then_with(|| a.pos.cmp(&b.pos))
}

/// Sort `items` by `cmp` (not stably), where `key` gives a number ordered as `cmp` orders the
/// items wherever two numbers differ ([`order_key`]): the numbers are sorted with the places of
/// their items, the items compared only where two numbers tie, and each item is moved twice
/// only, however large.
pub(crate) fn sort_keyed<T>(
    items: &mut Vec<T>,
    key: impl Fn(&T) -> u128,
    cmp: impl Fn(&T, &T) -> std::cmp::Ordering,
) {
    let mut order: Vec<(u128, usize)> = items.iter().map(&key).zip(0..).collect();
    order.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| cmp(&items[a.1], &items[b.1])));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.iter().filter_map(|&(_, i)| slots[i].take()));
}

/// A number ordered as `(count, text)` by count (descending), then text, wherever two keys
/// differ: the count above the text's first eight bytes. Sorting by it compares two numbers
/// where comparing the texts would call a comparison of memory.
pub(crate) fn order_key(count: usize, text: &str) -> u128 {
    (u128::from(!(count as u64)) << 64) | u128::from(prefix_key(text))
}

/// The word at `place` of a table, with `count` and `text`, as one number ordered as `(count,
/// text)` by count (descending), then text, wherever two numbers differ in more than their
/// lowest 32 bits: the count (at most `u32::MAX`) above the text's first eight bytes, above
/// `place`, which the lowest 32 bits hold.
fn rank_key(count: usize, text: &str, place: usize) -> u128 {
    // A table of more than `u32::MAX` words would take hundreds of gigabytes.
    let place = u32::try_from(place).expect("a word table has fewer than 2^32 words");
    let count = u32::try_from(count).unwrap_or(u32::MAX);
    (u128::from(!count) << 96) | (u128::from(prefix_key(text)) << 32) | u128::from(place)
}

/// The first eight bytes of `s` as a big-endian number, zeros standing for the missing ones:
/// when the keys of two texts differ, they are ordered as the texts are.
fn prefix_key(s: &str) -> u64 {
    let b = s.as_bytes();
    // Fewer than eight bytes are read as at most two overlapping pieces, each put where its
    // bytes stand in the text (where they overlap, they hold the same bytes).
    let at = |byte_place: usize| 8 * (7 - byte_place as u32);
    if let Some(head) = b.first_chunk::<8>() {
        u64::from_be_bytes(*head)
    } else if let (Some(head), Some(tail)) = (b.first_chunk::<4>(), b.last_chunk::<4>()) {
        let (head, tail) = (u32::from_be_bytes(*head), u32::from_be_bytes(*tail));
        (u64::from(head) << 32) | (u64::from(tail) << at(b.len() - 1))
    } else if let (Some(&first), Some(&last)) = (b.first(), b.last()) {
        let middle = b[b.len() / 2];
        (u64::from(first) << 56)
            | (u64::from(middle) << at(b.len() / 2))
            | (u64::from(last) << at(b.len() - 1))
    } else {
        0
    }
}

/// Sort a POS table by count (descending), then tag.
pub fn sort_pos(pos: &mut [PosCount]) {
    pos.sort_unstable_by(|a, b| b.count.cmp(&a.count).then_with(|| a.pos.cmp(&b.pos)));
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

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
        assert_eq!((&*top.word, top.count), ("合作", 3));
        // 的 and 与 are stopwords; punctuation is never a word.
        assert!(
            doc.words
                .iter()
                .all(|w| !["的", "与", "。"].contains(&&*w.word))
        );
        assert!(doc.pos.iter().any(|p| p.pos == "x"));
    }

    #[test]
    fn a_thread_forgets_a_large_vocabulary_between_documents_only() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/news-page.txt"
        ))
        .unwrap();
        let words = |doc: &crate::document::Document| -> Vec<(String, String, usize)> {
            (doc.words.iter())
                .map(|w| (w.word.to_string(), w.pos.to_string(), w.count))
                .collect()
        };
        let analyzer = Analyzer::default();
        let first = analyzer.analyze(&text);
        assert!(first.words.len() > MAX_VOCABULARY);
        // The page's words are more than a thread keeps: the next document starts afresh ...
        let open = Counts::default();
        assert_eq!(VOCABULARY.with_borrow(|v| v.words.len()), 0);
        // ... but not while a table is open, whose words know their places.
        let again = analyzer.analyze(&text);
        assert!(VOCABULARY.with_borrow(|v| v.words.len()) > MAX_VOCABULARY);
        drop(open);
        assert_eq!(words(&again), words(&first));
        assert_eq!(words(&analyzer.analyze(&text)), words(&first));
    }

    #[test]
    fn a_reused_word_table_counts_like_a_new_one() {
        let first = "国家主席习近平出席会议。会议在北京举行，各国代表出席。\n".repeat(20);
        let second = "合作共赢。合作发展！\n中国与俄罗斯的合作\n";
        // On a fresh thread, `second` is counted in a new table.
        let fresh = std::thread::spawn(move || Analyzer::default().analyze(second))
            .join()
            .unwrap();
        // Here, in the table `first` left behind.
        let analyzer = Analyzer::default();
        let _ = analyzer.analyze(&first);
        let reused = analyzer.analyze(second);
        assert_eq!(reused, fresh);
        assert_eq!(reused.stats.distinct_words, fresh.stats.distinct_words);
        assert!(reused.words.iter().all(|w| &*w.word != "习近平"));
    }

    /// The word table of `text` counted the plain way: one table keyed by the word as written,
    /// filled token by token, with no vocabulary behind it; and the number of distinct words.
    fn plain_word_table(analyzer: &Analyzer, text: &str) -> (Vec<WordCount>, usize) {
        let mut table: HashMap<String, Option<HashMap<String, usize>>> = HashMap::new();
        let stopwords = analyzer.stopwords();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let folded = Folded::new(line);
            for t in analyzer.segmenter().tag(&folded.text) {
                if t.word.trim().is_empty() || is_punctuation(t.word) {
                    continue;
                }
                let word = &line[folded.written_at[t.start]..folded.written_at[t.end]];
                let stopword = stopwords.contains(t.word) || stopwords.contains(word);
                let entry = table
                    .entry(word.to_string())
                    .or_insert_with(|| (!stopword).then(HashMap::new));
                if let Some(tags) = entry {
                    *tags.entry(t.pos.to_string()).or_default() += 1;
                }
            }
        }
        let distinct = table.len();
        let mut words: Vec<WordCount> = table
            .into_iter()
            .filter_map(|(word, tags)| {
                let tags = tags?;
                let count = tags.values().sum();
                // The most frequent tag; on a tie, the first in alphabetical order.
                let (pos, _) = tags
                    .into_iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))?;
                Some(WordCount {
                    word: word.into(),
                    pos: pos.into(),
                    count,
                })
            })
            .collect();
        sort_words(&mut words);
        (words, distinct)
    }

    #[test]
    fn counts_by_the_vocabulary_equal_a_plain_count() {
        let page = include_str!("../fixtures/news-page.txt");
        // Full-width letters and digits: words are counted as written, looked up folded.
        let full_width = "ＧＤＰ增长５７．１６％，ＧＤＰ的增长。\n１９９８年的ＧＤＰ\n";
        let texts = [
            page,
            include_str!("../fixtures/articles/harbor.txt"),
            full_width,
            include_str!("../fixtures/articles/library.txt"),
            page,
        ];
        // On one thread, so that each text is counted with the words of the ones before it
        // already in the thread's vocabulary; with and without stopwords, taking turns.
        let with = Analyzer::default();
        let without = Analyzer::new(Segmenter::shared(), Stopwords::none());
        for text in texts {
            for analyzer in [&with, &without] {
                let doc = analyzer.analyze(text);
                let (words, distinct) = plain_word_table(analyzer, text);
                assert!(words.len() > 2);
                assert_eq!(doc.words, words);
                assert_eq!(doc.stats.distinct_words, distinct);
            }
        }
        assert!(
            with.analyze(full_width)
                .words
                .iter()
                .any(|w| &*w.word == "ＧＤＰ")
        );
    }

    #[test]
    fn documents_counted_by_turns_on_one_thread_count_as_alone() {
        let a = include_str!("../fixtures/news-page.txt");
        let b = include_str!("../fixtures/articles/orchard.txt").repeat(3);
        let with = Analyzer::default();
        let without = Analyzer::new(Segmenter::shared(), Stopwords::none());
        let alone = [with.analyze(a), without.analyze(&b)];
        let mut builders = [with.builder(), without.builder()];
        let (mut lines_a, mut lines_b) = (a.split_inclusive('\n'), b.split_inclusive('\n'));
        let mut more = true;
        while more {
            more = false;
            for (builder, lines) in builders.iter_mut().zip([&mut lines_a, &mut lines_b]) {
                if let Some(line) = lines.next() {
                    builder.push_line(line);
                    more = true;
                }
            }
        }
        let by_turns = builders.map(|b| b.finish());
        assert_eq!(by_turns, alone);
    }

    #[test]
    fn stopwords_can_be_turned_off() {
        let a = Analyzer::new(Segmenter::shared(), Stopwords::none()).analyze("我的书");
        assert!(a.words.iter().any(|w| &*w.word == "的"));
    }

    fn uax29_sentences(text: &str) -> usize {
        if text.is_empty() {
            // unicode-segmentation's size_hint underflows on empty text in debug builds.
            return 0;
        }
        text.unicode_sentences()
            .filter(|s| s.chars().any(|c| is_han(c) || c.is_alphanumeric()))
            .count()
    }

    #[test]
    fn neutral_characters_never_end_a_sentence() {
        for c in (0..0x11_0000)
            .filter_map(char::from_u32)
            .filter(|&c| is_neutral(c))
        {
            for text in [format!("中{c}国"), format!("中{c}A国"), format!("a{c}b")] {
                assert_eq!(uax29_sentences(&text), 1, "{c:?}");
                assert_eq!(
                    simple_sentences(&text.chars().collect::<Vec<_>>()),
                    Some(1),
                    "{c:?}"
                );
            }
        }
    }

    #[test]
    fn fast_sentence_count_agrees_with_uax29() {
        let text = include_str!("../fixtures/news-page.txt");
        let mut fast = 0;
        for line in text.lines().map(crate::normalize::fold) {
            assert_eq!(count_sentences(&line), uax29_sentences(&line), "{line}");
            fast += usize::from(simple_sentences(&line.chars().collect::<Vec<_>>()).is_some());
        }
        assert!(fast > 10, "the fast path serves ordinary paragraphs");
        for tricky in [
            "他说。”然后",
            "3.5%。下",
            "完了。。又",
            "甲。 乙",
            "Mr. Smith走了。",
            "问?答!",
            "。开头",
            "",
            "结尾。",
            "一\u{2028}二",
            "a.b",
            "完了。(新华社)",
            "甲。“乙”",
            "甲。”",
            "甲。”。乙",
            "a.5",
            "1.b",
            ".5",
            "甲。” 乙",
            "甲。)”乙",
        ] {
            assert_eq!(count_sentences(tricky), uax29_sentences(tricky), "{tricky}");
        }
    }

    #[test]
    fn close_marks_after_a_terminator_agree_with_uax29() {
        let closes: Vec<char> = (0..0x11_0000)
            .filter_map(char::from_u32)
            .filter(|&c| is_close(c))
            .collect();
        assert!(closes.iter().all(|&c| is_neutral(c)));
        for t in ['。', '!', '?'] {
            for &a in &closes {
                for b in closes.iter().copied().chain(['中', 'a', '1', '。']) {
                    for text in [format!("甲{t}{a}{b}乙"), format!("甲{t}{a}{b}")] {
                        assert_eq!(count_sentences(&text), uax29_sentences(&text), "{text}");
                    }
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn sentence_count_matches_uax29(text in "[中国a-zA-Z0-9。!?.,、“”()…— \u{2028}\u{00AD}\u{FF0E}]{0,40}") {
            proptest::prop_assert_eq!(count_sentences(&text), uax29_sentences(&text));
        }
    }

    #[test]
    fn word_chars_agree_with_unicode() {
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), is_han(c) || c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn order_keys_agree_with_the_order_of_the_table() {
        let texts = [
            "",
            "\0",
            "a",
            "a\0",
            "ab",
            "abcdefgh",
            "abcdefgh\0",
            "abcdefghi",
            "abcdefgi",
            "中国",
            "中国人",
            "中国人民大学",
            "中国人民银行",
            "ｚ",
            "\u{10FFFF}",
        ];
        let entry = |count: usize, word: &str| WordCount {
            word: word.into(),
            pos: "n".into(),
            count,
        };
        for (a, b) in texts.iter().flat_map(|a| texts.map(|b| (*a, b))) {
            for (n, m) in [(1, 1), (1, 2), (7, 3), (usize::MAX, 1)] {
                let by_key = order_key(n, a).cmp(&order_key(m, b));
                let by_table = cmp_words(&entry(n, a), &entry(m, b));
                assert!(by_key.is_eq() || by_key == by_table, "{a:?} {n} {b:?} {m}");
                // Rank keys tie where order keys do (up to a count saturated at u32::MAX),
                // whatever the places.
                let (ka, kb) = (rank_key(n, a, 7), rank_key(m, b, 3));
                let (n32, m32) = (n.min(u32::MAX as usize), m.min(u32::MAX as usize));
                assert_eq!(ka >> 32 == kb >> 32, order_key(n32, a) == order_key(m32, b));
                assert!(
                    ka >> 32 == kb >> 32 || ka.cmp(&kb) == by_table,
                    "{a:?} {b:?}"
                );
            }
        }
    }

    #[test]
    fn prefix_keys_are_the_first_eight_bytes() {
        let texts = ["abcdefghijkl", "中国人民大学", "\u{7f}\u{80}\u{10FFFF}"];
        for text in texts {
            for (end, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let b = &text.as_bytes()[..end];
                let mut head = [0; 8];
                let n = b.len().min(8);
                head[..n].copy_from_slice(&b[..n]);
                assert_eq!(prefix_key(&text[..end]), u64::from_be_bytes(head), "{b:?}");
            }
        }
    }

    #[test]
    fn keyed_sort_orders_as_the_table_is_ordered() {
        let mut words: Vec<WordCount> = ["中国人民大学", "中国人民银行", "中国", "a", "", "中国人"]
            .iter()
            .flat_map(|w| [1, 3, 2].map(|count| (w, count)))
            .map(|(w, count)| WordCount {
                word: (*w).into(),
                pos: "n".into(),
                count,
            })
            .collect();
        let mut expected = words.clone();
        sort_words(&mut expected);
        sort_keyed(&mut words, |w| order_key(w.count, &w.word), cmp_words);
        assert_eq!(words, expected);
    }

    #[test]
    fn tags_are_numbered_as_first_met_whatever_their_slot() {
        // More tags than slots, so that many share one; and tags too long to pack.
        let tags: Vec<String> = (0..600)
            .map(|i| match i % 3 {
                0 => format!("t{i}"),
                1 => format!("{i}"),
                _ => format!("user_tag_{i}"),
            })
            .collect();
        assert!(tags.iter().any(|t| tag_key(t).is_none()));
        let mut table = TagTable::new();
        for _ in 0..2 {
            for (i, tag) in tags.iter().enumerate() {
                // A copy of the text, living elsewhere, gets the same number.
                assert_eq!(table.number(&tag.clone()), i as u32, "{tag}");
                assert_eq!(table.text(i as u32), tag);
            }
        }
        assert_eq!(table.number(""), tags.len() as u32);
        assert_eq!(table.text(tags.len() as u32), "");
    }

    #[test]
    fn punctuation_detection() {
        assert!(is_punctuation("，"));
        assert!(is_punctuation("——"));
        assert!(!is_punctuation("a"));
        assert!(!is_punctuation("中"));
        assert!(!is_punctuation("—中"));
        assert!(!is_punctuation("1998"));
        assert!(is_punctuation(",&"));
        assert!(is_punctuation(""));
        // From U+5000 to U+9FFF every character is Han, and a word.
        for c in '\u{5000}'..='\u{9FFF}' {
            assert!(!is_punctuation(c.encode_utf8(&mut [0; 4])), "{c:?}");
        }
    }
}
