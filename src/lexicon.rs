//! Word lists embedded from `src/data/` (surnames, transliteration characters, places,
//! organization heads, titles): parsed once on first use and shared by every thread.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

/// The entries of a list: one per line, an optional value after a tab (empty when there is
/// none), `#` comments and blank lines skipped.
fn entries(text: &str) -> impl Iterator<Item = (&str, &str)> {
    text.lines().filter_map(|line| {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            return None;
        }
        let mut cols = line.split('\t');
        let key = cols.next().unwrap_or("").trim();
        let value = cols.next().unwrap_or("").trim();
        (!key.is_empty()).then_some((key, value))
    })
}

/// A word list: each entry with the value of its second column (empty when there is none).
/// Entries are also kept in a character trie, so [`Lexicon::longest_at`] walks a text without
/// building strings and [`Lexicon::contains`] rejects a word at its first unknown character.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// The entries in the order they were first added: `keys[i]`'s value is `values[i]` (the
    /// trie tells whether a word is one, so no map of them is kept).
    keys: Vec<String>,
    /// The trie's edges: `(node << 32) | char` to the child node (node 0 is the root).
    edges: FxHashMap<u64, u32>,
    /// For every node, the index of the entry's value in `values` (and of its key in `keys`)
    /// when the path to the node is an entry, else [`NOT_AN_ENTRY`].
    nodes: Vec<u32>,
    values: Vec<String>,
    /// The characters entries start with: most lookups stop here without hashing.
    first: CharSet,
    /// The characters entries end with: a whole word is turned down here before its walk.
    last: CharSet,
    /// The entries of one character, and the first two characters of the longer ones:
    /// [`Lexicon::longest_at`] turns most positions away with these before the trie is walked.
    singles: CharSet,
    pairs: PairSet,
    max_chars: usize,
}

/// A set of pairs of characters, hashed into 2^16 bits: a pair that was inserted is always
/// found; one that was not is found only on a collision (so a lookup may only let a position
/// through to the full test, never turn a right one away).
#[derive(Debug)]
struct PairSet {
    bits: Box<[u64; 1024]>,
}

impl Default for PairSet {
    fn default() -> Self {
        PairSet {
            bits: Box::new([0; 1024]),
        }
    }
}

impl PairSet {
    #[inline]
    fn hash(a: char, b: char) -> usize {
        let h = (u32::from(a).wrapping_mul(0x9E37_79B1) ^ u32::from(b)).wrapping_mul(0x85EB_CA77);
        (h >> 16) as usize
    }

    fn insert(&mut self, a: char, b: char) {
        let i = Self::hash(a, b);
        self.bits[i >> 6] |= 1 << (i & 63);
    }

    #[inline]
    fn may_contain(&self, a: char, b: char) -> bool {
        let i = Self::hash(a, b);
        self.bits[(i >> 6) & 1023] & (1 << (i & 63)) != 0
    }
}

const NOT_AN_ENTRY: u32 = u32::MAX;

#[inline]
fn edge(node: u32, c: char) -> u64 {
    (u64::from(node) << 32) | u64::from(u32::from(c))
}

impl Lexicon {
    /// Parse a list: one entry per line, an optional value after a tab, `#` comments.
    pub fn parse(text: &str) -> Self {
        let mut out = Lexicon::default();
        for (key, value) in entries(text) {
            out.insert(key, value);
        }
        out
    }

    /// Add `key` with `value` unless it is already an entry (the first value wins).
    fn insert(&mut self, key: &str, value: &str) {
        if self.nodes.is_empty() {
            self.nodes.push(NOT_AN_ENTRY);
        }
        if let Some(c) = key.chars().next() {
            self.first.insert(c);
        }
        if let Some(c) = key.chars().next_back() {
            self.last.insert(c);
        }
        let mut cs = key.chars();
        match (cs.next(), cs.next()) {
            (Some(a), Some(b)) => self.pairs.insert(a, b),
            (Some(a), None) => self.singles.insert(a),
            _ => {}
        }
        let mut node = 0u32;
        let mut n = 0;
        for c in key.chars() {
            n += 1;
            let next = self.nodes.len() as u32;
            node = *self.edges.entry(edge(node, c)).or_insert(next);
            if node == next {
                self.nodes.push(NOT_AN_ENTRY);
            }
        }
        self.max_chars = self.max_chars.max(n);
        if self.nodes[node as usize] == NOT_AN_ENTRY {
            self.nodes[node as usize] = self.values.len() as u32;
            self.values.push(value.to_string());
            self.keys.push(key.to_string());
        }
    }

    /// Whether an entry may open a text whose first characters are `a` then `b` (if any): `a`
    /// is an entry alone, or some entry opens with `a` then `b`. False for certain; true when
    /// it may (the pair set lets a collision through).
    #[inline]
    fn may_begin(&self, a: char, b: Option<char>) -> bool {
        self.first.contains(&a)
            && (self.singles.contains(&a) || b.is_some_and(|b| self.pairs.may_contain(a, b)))
    }

    /// The index into `values` of the entry `chars` spell.
    #[inline]
    fn entry_of(&self, mut chars: impl Iterator<Item = char>) -> Option<usize> {
        let a = chars.next()?;
        let b = chars.next();
        // A word of one character must be an entry of one; a longer word must open like one.
        let may = match b {
            None => self.singles.contains(&a),
            Some(b) => self.first.contains(&a) && self.pairs.may_contain(a, b),
        };
        if !may {
            return None;
        }
        let mut node = *self.edges.get(&edge(0, a))?;
        for c in b.into_iter().chain(chars) {
            node = *self.edges.get(&edge(node, c))?;
        }
        let v = self.nodes[node as usize];
        (v != NOT_AN_ENTRY).then_some(v as usize)
    }

    /// The index into `values` of the entry `word` spells, turning the word down at once when
    /// its last character ends no entry.
    #[inline]
    fn entry_of_word(&self, word: &str) -> Option<usize> {
        if !self.last.contains(&word.chars().next_back()?) {
            return None;
        }
        self.entry_of(word.chars())
    }

    pub fn contains(&self, word: &str) -> bool {
        self.entry_of_word(word).is_some()
    }

    /// The second column of `word`'s line.
    pub fn value(&self, word: &str) -> Option<&str> {
        self.entry_of_word(word).map(|v| self.values[v].as_str())
    }

    /// The length in characters of the longest entry.
    pub fn max_chars(&self) -> usize {
        self.max_chars
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The entries, in the order they were first added.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.keys.iter().map(String::as_str)
    }

    /// The entries with their values, sorted (a deterministic order to build from).
    fn sorted_entries(&self) -> Vec<(&String, &String)> {
        let mut entries: Vec<(&String, &String)> = self.keys.iter().zip(&self.values).collect();
        entries.sort_unstable();
        entries
    }

    /// False when no entry can start at `chars[i]` (by its first two characters); true when one
    /// may. The first test of [`Lexicon::longest_at`], for a caller to make inline.
    #[inline]
    pub fn may_start_at(&self, chars: &[char], i: usize) -> bool {
        chars
            .get(i)
            .is_some_and(|&a| self.may_begin(a, chars.get(i + 1).copied()))
    }

    /// The longest entry that starts at `chars[i]`, as its length in characters.
    #[inline]
    pub fn longest_at(&self, chars: &[char], i: usize) -> Option<usize> {
        let mut best = None;
        let mut node = 0u32;
        if !self.may_start_at(chars, i) {
            return None;
        }
        let end = chars.len().min(i.saturating_add(self.max_chars));
        for (n, &c) in chars[i..end].iter().enumerate() {
            match self.edges.get(&edge(node, c)) {
                Some(&next) => node = next,
                None => break,
            }
            if self.nodes[node as usize] != NOT_AN_ENTRY {
                best = Some(n + 1);
            }
        }
        best
    }

    /// The entries of several lists as one (the first list's value wins for a word in several),
    /// so one scan finds the longest entry of any of them.
    pub fn union(parts: &[&Lexicon]) -> Lexicon {
        let mut out = Lexicon::default();
        for part in parts {
            for (k, v) in part.sorted_entries() {
                out.insert(k, v);
            }
        }
        out
    }

    /// The same entries spelled backwards, with their values: [`Lexicon::longest_prefix`] of a
    /// word's characters from its last then finds the longest entry the word ends in.
    pub fn reversed(&self) -> Lexicon {
        let mut out = Lexicon::default();
        for (k, v) in self.sorted_entries() {
            out.insert(&k.chars().rev().collect::<String>(), v);
        }
        out
    }

    /// The longest entry that `chars` open: how many of them it takes, and its value.
    pub fn longest_prefix(&self, mut chars: impl Iterator<Item = char>) -> Option<(usize, &str)> {
        let a = chars.next()?;
        let b = chars.next();
        if !self.may_begin(a, b) {
            return None;
        }
        let mut best = None;
        let mut node = 0u32;
        for (n, c) in [a].into_iter().chain(b).chain(chars).enumerate() {
            match self.edges.get(&edge(node, c)) {
                Some(&next) => node = next,
                None => break,
            }
            let v = self.nodes[node as usize];
            if v != NOT_AN_ENTRY {
                best = Some((n + 1, self.values[v as usize].as_str()));
            }
        }
        best
    }

    /// True when `chars` is an entry (no string is built).
    pub fn contains_chars(&self, chars: &[char]) -> bool {
        match chars.last() {
            Some(c) if self.last.contains(c) => self.entry_of(chars.iter().copied()).is_some(),
            _ => false,
        }
    }
}

/// A set of single characters: a bit per character of the Basic Multilingual Plane, a hash set
/// for the rest.
#[derive(Clone, Debug)]
pub struct CharSet {
    bmp: Box<[u64; 1024]>,
    rest: FxHashSet<char>,
}

impl Default for CharSet {
    fn default() -> Self {
        CharSet {
            bmp: Box::new([0; 1024]),
            rest: FxHashSet::default(),
        }
    }
}

impl CharSet {
    pub fn insert(&mut self, c: char) {
        let n = u32::from(c);
        if n < 0x10000 {
            self.bmp[(n >> 6) as usize] |= 1 << (n & 63);
        } else {
            self.rest.insert(c);
        }
    }

    #[inline]
    pub fn contains(&self, c: &char) -> bool {
        let n = u32::from(*c);
        if n < 0x10000 {
            self.bmp[(n >> 6) as usize] & (1 << (n & 63)) != 0
        } else {
            self.rest.contains(c)
        }
    }
}

impl FromIterator<char> for CharSet {
    fn from_iter<I: IntoIterator<Item = char>>(iter: I) -> Self {
        let mut set = CharSet::default();
        for c in iter {
            set.insert(c);
        }
        set
    }
}

/// A byte of flags per character of the Basic Multilingual Plane, for what a pass asks of the
/// characters at every token (does this one open a surname, end an organization's head …),
/// built once from the word lists. A clear bit means the fact is false; a set bit that it may
/// hold, and the full test decides. Characters beyond the plane have every bit set.
pub struct CharFlags {
    table: Box<[u8; PLANE]>,
}

const PLANE: usize = 0x10000;

impl Default for CharFlags {
    fn default() -> Self {
        CharFlags {
            table: vec![0u8; PLANE]
                .into_boxed_slice()
                .try_into()
                .expect("a table of the plane"),
        }
    }
}

impl CharFlags {
    /// Set `flag` for `c` (a character beyond the plane has every flag already).
    pub fn mark(&mut self, c: char, flag: u8) {
        if let Some(x) = self.table.get_mut(c as usize) {
            *x |= flag;
        }
    }

    /// The flags of `c`: every bit for a character beyond the plane.
    #[inline]
    pub fn of(&self, c: char) -> u8 {
        self.table.get(c as usize).copied().unwrap_or(u8::MAX)
    }

    /// False when `c` cannot have `flag`.
    #[inline]
    pub fn may(&self, c: char, flag: u8) -> bool {
        self.of(c) & flag != 0
    }

    /// True when `c` is in the table, so that its flags are exact rather than "may".
    #[inline]
    pub fn covers(c: char) -> bool {
        (c as usize) < PLANE
    }
}

/// A number per character, from a list of single characters and their counts (given_chars.txt):
/// a table over the Basic Multilingual Plane, a map for the rest, 0 for a character not listed.
/// Read straight from the list's lines (no [`Lexicon`] is built: the lists are long and only
/// ever asked of one character). Counts beyond `u16::MAX` are kept as `u16::MAX`.
pub struct CharValues {
    table: Box<[u16]>,
    rest: FxHashMap<char, u16>,
}

impl CharValues {
    /// Parse a list of single characters with a count in the second column (the first line of a
    /// character wins; an entry whose count is no number is skipped).
    pub fn parse(text: &str) -> Self {
        let mut out = CharValues {
            table: vec![0u16; PLANE].into_boxed_slice(),
            rest: FxHashMap::default(),
        };
        let mut seen = CharSet::default();
        for (key, value) in entries(text) {
            let (Some(c), Ok(n)) = (key.chars().next(), value.parse::<u32>()) else {
                continue;
            };
            if seen.contains(&c) {
                continue;
            }
            seen.insert(c);
            let n = u16::try_from(n).unwrap_or(u16::MAX);
            match out.table.get_mut(c as usize) {
                Some(x) => *x = n,
                None => {
                    out.rest.insert(c, n);
                }
            }
        }
        out
    }

    /// The count of `c` (0 when it is not listed).
    #[inline]
    pub fn of(&self, c: char) -> u16 {
        match self.table.get(c as usize) {
            Some(&n) => n,
            None => self.rest.get(&c).copied().unwrap_or(0),
        }
    }
}

/// A set of single characters.
pub fn char_set(text: &str) -> CharSet {
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
    /// Trades between a firm's own name and its head (体育用品, 实业, 电脑).
    FIRM_TRADES, "firm_trades.txt");
lexicon!(
    /// Well-known organizations and abbreviations; value: the full name.
    ORG_ABBREVS, "org_abbrevs.txt");
lexicon!(
    /// Titles and roles next to names; value: before, after or both.
    TITLES, "titles.txt");
/// Given-name characters: how many names in jieba's dictionary use them.
pub static GIVEN_CHARS: LazyLock<CharValues> =
    LazyLock::new(|| CharValues::parse(include_str!("data/given_chars.txt")));
/// Characters that end names: the percentage of dictionary words ending in them that are names.
pub static NAME_FINAL_CHARS: LazyLock<CharValues> =
    LazyLock::new(|| CharValues::parse(include_str!("data/name_final_chars.txt")));
lexicon!(
    /// Common Japanese family names (桥本, 小渊).
    JAPANESE_SURNAMES, "japanese_surnames.txt");
lexicon!(
    /// Well-known people named without a cue (雷锋, 周恩来, 列宁).
    FAMOUS_PEOPLE, "famous_people.txt");
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
pub static TRANSLIT_CHARS: LazyLock<CharSet> =
    LazyLock::new(|| char_set(include_str!("data/translit_chars.txt")));
/// Characters that end Japanese given names (郎, 雄, 子, 惠).
pub static JAPANESE_GIVEN_ENDINGS: LazyLock<CharSet> =
    LazyLock::new(|| char_set(include_str!("data/japanese_given_endings.txt")));

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
        let back = l.reversed();
        assert_eq!(
            back.longest_prefix("国立大学".chars().rev()),
            Some((2, "strong"))
        );
        assert_eq!(back.longest_prefix("大学生".chars().rev()), None);
        // Entries of one character are found at any position, before any next character.
        let chars: Vec<char> = "大学报".chars().collect();
        assert_eq!(l.longest_at(&chars, 2), Some(1));
        assert_eq!(l.longest_at(&chars, 1), None);
        assert_eq!(back.longest_prefix("日报".chars().rev()), Some((1, "")));
        assert!(l.contains("报") && l.contains("大学") && !l.contains("大") && !l.contains(""));
        assert!(Lexicon::default().longest_at(&chars, 0).is_none());
        assert!(!Lexicon::default().contains("报"));
    }

    #[test]
    fn every_entry_is_found_where_it_starts() {
        // The check of the first two characters never turns an entry away.
        for list in [&*SURNAMES, &*UNITS, &*ORG_SUFFIXES, &*TITLES, &*CHINA_ADMIN] {
            for k in list.keys() {
                let chars: Vec<char> = format!("{k}的").chars().collect();
                let n = k.chars().count();
                assert!(list.longest_at(&chars, 0).is_some_and(|m| m >= n), "{k}");
            }
        }
        let l = Lexicon::parse("报\n大学\n𠀋山\n");
        let chars: Vec<char> = "日报社大学𠀋山大".chars().collect();
        let found: Vec<_> = (0..chars.len()).map(|i| l.longest_at(&chars, i)).collect();
        assert_eq!(
            found,
            [None, Some(1), None, Some(2), None, Some(2), None, None]
        );
    }

    #[test]
    fn given_name_counts_per_character() {
        let v = CharValues::parse("# counts\n尔\t921\n德\t798\n尔\t5\n𠀋\t70000\n斯\tmany\n");
        assert_eq!(v.of('尔'), 921);
        assert_eq!(v.of('德'), 798);
        assert_eq!(v.of('𠀋'), u16::MAX);
        assert_eq!(v.of('斯'), 0);
        assert_eq!(v.of('的'), 0);
    }

    #[test]
    fn char_flags_are_exact_in_the_plane_and_open_beyond_it() {
        let mut f = CharFlags::default();
        f.mark('司', 4);
        f.mark('司', 1);
        f.mark('\u{20000}', 2);
        assert_eq!(f.of('司'), 5);
        assert!(f.may('司', 4) && !f.may('司', 2));
        assert_eq!(f.of('局'), 0);
        assert!(CharFlags::covers('司') && !CharFlags::covers('\u{20000}'));
        // Beyond the plane a character may be anything: the full test decides.
        assert_eq!(f.of('\u{20001}'), u8::MAX);
    }
}
