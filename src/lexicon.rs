//! Word lists embedded from `src/data/` (surnames, transliteration characters, places,
//! organization heads, titles): parsed once on first use and shared by every thread.

use std::collections::HashSet;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

/// A word list: each entry with the value of its second column (empty when there is none).
/// Entries are also kept as character sequences with all their prefixes, so
/// [`Lexicon::longest_at`] walks a text without building strings.
#[derive(Debug, Default)]
pub struct Lexicon {
    entries: FxHashMap<String, String>,
    /// Every entry as characters.
    words: FxHashSet<Box<[char]>>,
    /// Every non-empty prefix of every entry (entries included).
    prefixes: FxHashSet<Box<[char]>>,
    max_chars: usize,
}

impl Lexicon {
    /// Parse a list: one entry per line, an optional value after a tab, `#` comments.
    pub fn parse(text: &str) -> Self {
        let mut entries = FxHashMap::default();
        let mut words = FxHashSet::default();
        let mut prefixes = FxHashSet::default();
        let mut max_chars = 0;
        for line in text.lines() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let key = cols.next().unwrap_or("").trim();
            if key.is_empty() {
                continue;
            }
            let value = cols.next().unwrap_or("").trim();
            let chars: Vec<char> = key.chars().collect();
            max_chars = max_chars.max(chars.len());
            for n in 1..=chars.len() {
                prefixes.insert(chars[..n].into());
            }
            words.insert(chars.into_boxed_slice());
            entries
                .entry(key.to_string())
                .or_insert_with(|| value.to_string());
        }
        Lexicon {
            entries,
            words,
            prefixes,
            max_chars,
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.entries.contains_key(word)
    }

    /// The second column of `word`'s line.
    pub fn value(&self, word: &str) -> Option<&str> {
        self.entries.get(word).map(String::as_str)
    }

    /// The length in characters of the longest entry.
    pub fn max_chars(&self) -> usize {
        self.max_chars
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(String::as_str)
    }

    /// The longest entry that starts at `chars[i]`, as its length in characters.
    pub fn longest_at(&self, chars: &[char], i: usize) -> Option<usize> {
        let mut best = None;
        let end = chars.len().min(i.saturating_add(self.max_chars));
        for j in i + 1..=end {
            let key = &chars[i..j];
            if !self.prefixes.contains(key) {
                break;
            }
            if self.words.contains(key) {
                best = Some(j - i);
            }
        }
        best
    }

    /// The entries of several lists as one (the first list's value wins for a word in several),
    /// so one scan finds the longest entry of any of them.
    pub fn union(parts: &[&Lexicon]) -> Lexicon {
        let mut out = Lexicon::default();
        for part in parts {
            for (k, v) in &part.entries {
                out.entries.entry(k.clone()).or_insert_with(|| v.clone());
            }
            out.words.extend(part.words.iter().cloned());
            out.prefixes.extend(part.prefixes.iter().cloned());
            out.max_chars = out.max_chars.max(part.max_chars);
        }
        out
    }

    /// True when `chars` is an entry (no string is built).
    pub fn contains_chars(&self, chars: &[char]) -> bool {
        self.words.contains(chars)
    }
}

/// A set of single characters.
pub fn char_set(text: &str) -> HashSet<char> {
    Lexicon::parse(text)
        .keys()
        .filter_map(|k| k.chars().next())
        .collect()
}

macro_rules! lexicon {
    ($(#[$doc:meta])* $name:ident, $file:literal) => {
        $(#[$doc])*
        pub static $name: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse(include_str!(concat!("data/", $file))));
    };
}

lexicon!(
    /// Chinese surnames; value: frequency tier (1 = common).
    SURNAMES, "surnames.txt");
lexicon!(
    /// Country names; value: the canonical name.
    COUNTRIES, "countries.txt");
lexicon!(
    /// Continents, world and Chinese regions, seas, rivers and mountains.
    REGIONS, "regions.txt");
lexicon!(
    /// China's administrative divisions; value: province, prefecture or county.
    CHINA_ADMIN, "china_admin.txt");
lexicon!(
    /// World capitals and major cities.
    WORLD_CITIES, "world_cities.txt");
lexicon!(
    /// Organization heads (大学, 委员会, 公司); value: strong or weak.
    ORG_SUFFIXES, "org_suffixes.txt");
lexicon!(
    /// Well-known organizations and abbreviations; value: the full name.
    ORG_ABBREVS, "org_abbrevs.txt");
lexicon!(
    /// Titles and roles next to names; value: before, after or both.
    TITLES, "titles.txt");
lexicon!(
    /// Given-name characters; value: how many names in jieba's dictionary use them.
    GIVEN_CHARS, "given_chars.txt");
lexicon!(
    /// Characters that end names; value: the percentage of dictionary words ending in them that
    /// are names.
    NAME_FINAL_CHARS, "name_final_chars.txt");
lexicon!(
    /// Common Japanese family names (桥本, 小渊).
    JAPANESE_SURNAMES, "japanese_surnames.txt");
lexicon!(
    /// Common elements of Tibetan personal names (扎西, 多吉, 才让).
    TIBETAN_NAMES, "tibetan_names.txt");
lexicon!(
    /// Reporting verbs and other words next to a name; value: before or after.
    PERSON_CUES, "person_cues.txt");
lexicon!(
    /// Place-name suffixes (省, 市, 县); value: strong or weak.
    PLACE_SUFFIXES, "place_suffixes.txt");
lexicon!(
    /// Measure words, units and currencies that follow numerals; value: classifier, time,
    /// measure or currency.
    UNITS, "units.txt");
lexicon!(
    /// Words written with numeral characters that are not numbers (一样, 十分, 第一线).
    NUMERAL_WORDS, "numeral_words.txt");

/// Characters used in transliterations of foreign names (纳, 塔, 利, 娅 …).
pub static TRANSLIT_CHARS: LazyLock<HashSet<char>> =
    LazyLock::new(|| char_set(include_str!("data/translit_chars.txt")));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_columns_and_comments() {
        let l = Lexicon::parse("# comment\n大学\tstrong\n报\n\n");
        assert_eq!(l.len(), 2);
        assert_eq!(l.value("大学"), Some("strong"));
        assert_eq!(l.value("报"), Some(""));
        assert_eq!(l.max_chars(), 2);
        let chars: Vec<char> = "国立大学".chars().collect();
        assert_eq!(l.longest_at(&chars, 2), Some(2));
        assert_eq!(l.longest_at(&chars, 0), None);
    }
}
