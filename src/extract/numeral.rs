//! Numeral conversion: Chinese numerals (二十四, 一九九八, 一千三百万, 三点五), Arabic numerals with
//! Chinese multipliers (1.4万, 3.5亿) and their values.

use rustc_hash::FxHashMap;

use super::Paragraph;

/// The value of a single Chinese or Arabic digit character (二 and 两 are both 2; 〇 and 零 are 0;
/// financial forms 壹…玖 are accepted).
pub fn digit_value(c: char) -> Option<u32> {
    Some(match c {
        '0'..='9' => c as u32 - '0' as u32,
        '〇' | '零' | '○' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// The multiplier of a Chinese unit character (十 … 亿).
pub fn unit_value(c: char) -> Option<f64> {
    Some(match c {
        '十' | '拾' => 10.0,
        '百' | '佰' => 100.0,
        '千' | '仟' => 1_000.0,
        '万' | '萬' => 10_000.0,
        '亿' | '億' => 100_000_000.0,
        _ => return None,
    })
}

/// The value of a numeral that may be approximate (一千多, 4万多, 二千余, 十几, 几十, 数百, 上万),
/// a fraction (1/3, 三分之一) or a plain numeral, with whether it was approximate. Approximate
/// values are lower bounds: 几十 and 数十 are 10, 十几 is 10, 1000多万 is 10 000 000.
///
/// ```
/// use corpus_cli::extract::numeral::parse_approx;
/// assert_eq!(parse_approx("一千多"), Some((1000.0, true)));
/// assert_eq!(parse_approx("1000多万"), Some((10_000_000.0, true)));
/// assert_eq!(parse_approx("三分之一"), Some((1.0 / 3.0, false)));
/// assert_eq!(parse_approx("2/3"), Some((2.0 / 3.0, false)));
/// assert_eq!(parse_approx("二十"), Some((20.0, false)));
/// ```
pub fn parse_approx(s: &str) -> Option<(f64, bool)> {
    let s = s.trim();
    if let Some((den, num)) = s.split_once("分之") {
        let (d, a) = parse_approx(den)?;
        let (n, b) = parse_approx(num)?;
        return (d != 0.0).then_some((n / d, a || b));
    }
    if let Some((num, den)) = s.split_once('/') {
        let n = parse(num)?;
        let d = parse(den)?;
        return (d != 0.0).then_some((n / d, false));
    }
    if !s.contains(['多', '余', '几', '数', '上']) {
        // Nothing to drop: the numeral as written.
        return parse(s).map(|v| (v, false));
    }
    let mut approximate = false;
    let mut clean = String::with_capacity(s.len());
    let mut prev: Option<char> = None;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let next_is_unit = chars.peek().is_some_and(|&n| unit_value(n).is_some());
        match c {
            '多' | '余' if prev.is_some() => approximate = true,
            '几' | '数' | '上' if prev.is_none() && next_is_unit => {
                approximate = true;
                clean.push('一');
            }
            '几' if prev.is_some_and(|p| unit_value(p).is_some()) => approximate = true,
            _ => clean.push(c),
        }
        prev = Some(c);
    }
    if clean.is_empty() {
        return None;
    }
    parse(&clean).map(|v| (v, approximate))
}

/// True for characters that can be part of a Chinese numeral.
pub fn is_chinese_numeral_char(c: char) -> bool {
    (digit_value(c).is_some() && !c.is_ascii_digit()) || unit_value(c).is_some()
}

/// Parse a numeral written with Chinese characters, Arabic digits or both.
///
/// ```
/// use corpus_cli::extract::numeral::parse;
/// assert_eq!(parse("二十四"), Some(24.0));
/// assert_eq!(parse("一九九八"), Some(1998.0));
/// assert_eq!(parse("一千三百万"), Some(13_000_000.0));
/// assert_eq!(parse("1.4万"), Some(14_000.0));
/// assert_eq!(parse("三点五"), Some(3.5));
/// assert_eq!(parse("十"), Some(10.0));
/// assert_eq!(parse("abc"), None);
/// ```
pub fn parse(s: &str) -> Option<f64> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    // Arabic digits (with optional decimal point and thousands separators) then multipliers.
    let arabic_len = s
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || matches!(c, '.' | ',' | '·'))
        .map(|(i, c)| i + c.len_utf8())
        .last()
        .unwrap_or(0);
    if arabic_len > 0 {
        let digits: String = s[..arabic_len]
            .chars()
            .filter(|&c| c != ',')
            .map(|c| if c == '·' { '.' } else { c })
            .collect();
        if !digits.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let mut value: f64 = digits.parse().ok()?;
        for c in s[arabic_len..].chars() {
            value *= unit_value(c)?;
        }
        return Some(value);
    }
    if let Some((int, frac)) = s.split_once('点') {
        // 三点五, 一点六六万 (1.66 × 10 000)
        let whole = parse_chinese_integer(int)?;
        let digits_end = frac
            .char_indices()
            .find(|(_, c)| digit_value(*c).is_none())
            .map_or(frac.len(), |(i, _)| i);
        if digits_end == 0 {
            return None;
        }
        // Read as the decimal it writes (1.7, not 1 + 7 × 0.1), as Arabic digits are read.
        let mut decimal = format!("{whole}.");
        for c in frac[..digits_end].chars() {
            decimal.push(char::from_digit(digit_value(c)?, 10)?);
        }
        let mut value: f64 = decimal.parse().ok()?;
        for c in frac[digits_end..].chars() {
            let unit = unit_value(c)?;
            if unit < 10_000.0 {
                return None;
            }
            value *= unit;
        }
        return Some(value);
    }
    parse_chinese_integer(s)
}

/// Parse a Chinese integer numeral: positional digit strings (一九九八 = 1998) or the
/// unit form (二十四, 一千零五, 三万五千, 十二亿).
fn parse_chinese_integer(s: &str) -> Option<f64> {
    let chars: Vec<char> = s.chars().collect();
    if chars.is_empty() {
        return None;
    }
    if chars.len() > 1 && chars.iter().all(|&c| digit_value(c).is_some()) {
        let mut v = 0.0;
        for &c in &chars {
            v = v * 10.0 + f64::from(digit_value(c)?);
        }
        return Some(v);
    }
    let mut total = 0.0; // completed 亿 groups
    let mut section = 0.0; // completed 万 groups below 亿
    let mut group = 0.0; // below 万
    let mut digit: Option<f64> = None;
    for &c in &chars {
        if let Some(d) = digit_value(c) {
            digit = Some(f64::from(d));
            continue;
        }
        let unit = unit_value(c)?;
        if unit >= 100_000_000.0 {
            total = (total + section + group + digit.unwrap_or(0.0)) * unit;
            section = 0.0;
            group = 0.0;
        } else if unit >= 10_000.0 {
            let g = group + digit.unwrap_or(0.0);
            section += if g == 0.0 { 1.0 } else { g } * unit;
            group = 0.0;
        } else {
            group += digit.unwrap_or(1.0) * unit;
        }
        digit = None;
    }
    Some(total + section + group + digit.unwrap_or(0.0))
}

/// The end of `word` where it is written at `i` of `cs`.
pub(super) fn word_at(cs: &[char], i: usize, word: &str) -> Option<usize> {
    let mut k = i;
    for w in word.chars() {
        if cs.get(k) != Some(&w) {
            return None;
        }
        k += 1;
    }
    Some(k)
}

/// The ends of the words of `words` written at `i` of `cs`, in the list's order: the order in
/// which a regex tries the branches of an alternation of them.
pub(super) fn words_at<'a>(
    cs: &'a [char],
    i: usize,
    words: &'a [&str],
) -> impl Iterator<Item = usize> + 'a {
    words.iter().filter_map(move |w| word_at(cs, i, w))
}

/// The end of the first word of `words` written at `i` of `cs`: where an alternation of them
/// ends when nothing after it can fail.
pub(super) fn first_word_at(cs: &[char], i: usize, words: &[&str]) -> Option<usize> {
    words_at(cs, i, words).next()
}

/// A stretch of a paragraph that a pattern's matches may lie in: characters `start..end`, bytes
/// `byte_start..byte_end` of the paragraph's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Run {
    pub start: usize,
    pub end: usize,
    pub byte_start: usize,
    pub byte_end: usize,
}

/// Which characters a regex pattern's matches are written in, and which of them every match
/// holds (one of each anchor set): a table of a byte per character of the Basic Multilingual
/// Plane, built once per pattern.
pub(crate) struct RunFilter {
    /// Bit 0: in the alphabet; bit `k + 1`: in anchor set `k`.
    table: Box<[u8]>,
    /// The bits a run must have collected: the alphabet's and every anchor set's.
    want: u8,
    /// True when the alphabet holds characters beyond the table (they count as anything).
    astral: bool,
}

const PLANE: usize = 0x10000;

impl RunFilter {
    /// A filter for `pattern` (see [`pattern_alphabet`]) with the given anchor sets (at most
    /// seven); `None` when the pattern's alphabet cannot be read off it.
    pub(crate) fn new(pattern: &str, anchors: &[&str]) -> Option<Self> {
        let alphabet = pattern_alphabet(pattern)?;
        let mut table = vec![0u8; PLANE].into_boxed_slice();
        let mut astral = false;
        for c in alphabet {
            match table.get_mut(c as usize) {
                Some(x) => *x |= 1,
                None => astral = true,
            }
        }
        let mut want = 1;
        for (k, set) in anchors.iter().enumerate().take(7) {
            let bit = 2 << k;
            want |= bit;
            for c in set.chars() {
                if let Some(x) = table.get_mut(c as usize)
                    && *x & 1 != 0
                {
                    *x |= bit;
                }
            }
        }
        Some(RunFilter {
            table,
            want,
            astral,
        })
    }

    #[inline]
    fn class(&self, c: char) -> u8 {
        match self.table.get(c as usize) {
            Some(&x) => x,
            None if self.astral => 0xff,
            None => 0,
        }
    }

    /// The maximal runs of the paragraph's characters that are in the alphabet, hold a character
    /// of every anchor set and are at least `min_len` characters long. A pattern without
    /// anchors or look-around whose matches are written in the alphabet only and hold a
    /// character of every anchor set finds the same matches in these runs as in the whole text
    /// (a match never crosses a character outside the alphabet), so the date and number passes
    /// scan only them.
    pub(crate) fn runs(&self, p: &Paragraph<'_>, min_len: usize) -> Vec<Run> {
        let chars = &p.chars;
        let n = chars.len();
        let mut out = Vec::new();
        let mut i = 0;
        while i < n {
            let first = self.class(chars[i]);
            if first & 1 == 0 {
                i += 1;
                continue;
            }
            let start = i;
            let mut seen = first;
            i += 1;
            while i < n {
                let c = self.class(chars[i]);
                if c & 1 == 0 {
                    break;
                }
                seen |= c;
                i += 1;
            }
            self.keep(p, start, i, seen, min_len, &mut out);
        }
        out
    }

    /// Keep the run of characters `start..end`, which collected the bits `seen`, if it holds
    /// every anchor and is at least `min_len` characters long.
    #[inline]
    fn keep(
        &self,
        p: &Paragraph<'_>,
        start: usize,
        end: usize,
        seen: u8,
        min_len: usize,
        out: &mut Vec<Run>,
    ) {
        if seen & self.want == self.want && end - start >= min_len {
            out.push(Run {
                start,
                end,
                byte_start: p.byte_of(start),
                byte_end: p.byte_of(end),
            });
        }
    }
}

/// Two [`RunFilter`]s read in one scan of a paragraph (the date and number passes look for
/// runs in the same paragraphs): a table of both filters' bytes per character, so that the
/// characters outside both alphabets, most of a text, cost one look-up.
pub(crate) struct RunFilterPair<'f> {
    filters: [&'f RunFilter; 2],
    /// The first filter's byte in the low half, the second's in the high half.
    table: Box<[u16]>,
    /// The entry of characters beyond the table.
    beyond: u16,
}

impl<'f> RunFilterPair<'f> {
    pub(crate) fn new(first: &'f RunFilter, second: &'f RunFilter) -> Self {
        let table = first
            .table
            .iter()
            .zip(second.table.iter())
            .map(|(&a, &b)| u16::from(a) | u16::from(b) << 8)
            .collect();
        let beyond = |f: &RunFilter| if f.astral { 0xff } else { 0 };
        RunFilterPair {
            filters: [first, second],
            table,
            beyond: beyond(first) | beyond(second) << 8,
        }
    }

    /// [`RunFilter::runs`] of both filters, with their least lengths.
    pub(crate) fn runs(&self, p: &Paragraph<'_>, min_len: [usize; 2]) -> [Vec<Run>; 2] {
        let mut out = [Vec::new(), Vec::new()];
        // Per filter: the bits collected by the run under way (never 0 inside one, as its
        // characters all have the alphabet's bit; 0 between runs) and where it started.
        let mut seen = [0u8; 2];
        let mut start = [0usize; 2];
        for (i, &c) in p.chars.iter().enumerate() {
            let class = self.table.get(c as usize).copied().unwrap_or(self.beyond);
            if class == 0 && seen == [0, 0] {
                continue;
            }
            for k in 0..2 {
                let bits = (class >> (8 * k)) as u8;
                if bits & 1 != 0 {
                    if seen[k] == 0 {
                        start[k] = i;
                    }
                    seen[k] |= bits;
                } else if seen[k] != 0 {
                    self.filters[k].keep(p, start[k], i, seen[k], min_len[k], &mut out[k]);
                    seen[k] = 0;
                }
            }
        }
        for k in 0..2 {
            if seen[k] != 0 {
                self.filters[k].keep(p, start[k], p.len(), seen[k], min_len[k], &mut out[k]);
            }
        }
        out
    }
}

/// What a pass found in the runs one thread has seen (offsets in the run): a news corpus writes
/// the same dates and numbers again and again (1月5日, 今年, 30%), and valuing what a run holds
/// costs thousands of instructions. A run seen again costs one look-up. It holds at most
/// [`RunMemo::CAP`] runs and is emptied when full, so it never grows with the corpus.
pub(crate) struct RunMemo<T> {
    /// Where in `found` the matches of each run seen lie.
    index: FxHashMap<Box<str>, usize>,
    found: Vec<Vec<T>>,
}

impl<T> Default for RunMemo<T> {
    fn default() -> Self {
        RunMemo {
            index: FxHashMap::default(),
            found: Vec::new(),
        }
    }
}

impl<T> RunMemo<T> {
    const CAP: usize = 4096;

    /// The matches of `run`, found by `find` the first time the run is seen.
    #[inline]
    pub(crate) fn matches(&mut self, run: &str, find: impl FnOnce(&str) -> Vec<T>) -> &[T] {
        let at = match self.index.get(run) {
            Some(&at) => at,
            None => {
                if self.found.len() >= Self::CAP {
                    self.index.clear();
                    self.found.clear();
                }
                self.found.push(find(run));
                self.index.insert(run.into(), self.found.len() - 1);
                self.found.len() - 1
            }
        };
        &self.found[at]
    }
}

/// The characters a regex pattern can match, for [`RunFilter`]: every character written in the
/// pattern and the ASCII digits (its only ranges are of digits). `None` when the pattern uses a
/// class this cannot see through (`\d`, `\w`, `\p`, `.` outside brackets, a range of other
/// characters).
pub(crate) fn pattern_alphabet(pattern: &str) -> Option<Vec<char>> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut depth = 0usize;
    let mut escaped = false;
    for (k, &c) in chars.iter().enumerate() {
        if escaped {
            if c.is_ascii_alphabetic() {
                return None; // \d, \w, \p{…}, \b …
            }
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            '.' if depth == 0 => return None,
            '-' if depth > 0 => {
                let (a, b) = (chars.get(k.wrapping_sub(1)), chars.get(k + 1));
                let digits =
                    a.is_some_and(char::is_ascii_digit) && b.is_some_and(char::is_ascii_digit);
                if !digits && a != Some(&'[') && b != Some(&']') {
                    return None;
                }
            }
            _ => {}
        }
    }
    Some(chars.into_iter().chain('0'..='9').collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_integers() {
        for (s, v) in [
            ("零", 0.0),
            ("三", 3.0),
            ("十", 10.0),
            ("十三", 13.0),
            ("二十", 20.0),
            ("二十四", 24.0),
            ("一百零五", 105.0),
            ("三百", 300.0),
            ("一千", 1000.0),
            ("两千零二十四", 2024.0),
            ("一万", 10_000.0),
            ("三万五千", 35_000.0),
            ("十二亿", 1_200_000_000.0),
            ("一亿三千万", 130_000_000.0),
            ("一九九七", 1997.0),
            ("二〇二四", 2024.0),
        ] {
            assert_eq!(parse(s), Some(v), "{s}");
        }
    }

    #[test]
    fn arabic_and_mixed() {
        assert_eq!(parse("1000"), Some(1000.0));
        assert_eq!(parse("1,000"), Some(1000.0));
        assert_eq!(parse("57.16"), Some(57.16));
        assert_eq!(parse("3.5亿"), Some(350_000_000.0));
        assert_eq!(parse("1万亿"), Some(1e12));
    }

    #[test]
    fn decimals_fractions_and_approximations() {
        assert_eq!(parse("一点六六万"), Some(16_600.0));
        assert_eq!(parse("13·4亿"), Some(1_340_000_000.0));
        assert_eq!(parse_approx("几十"), Some((10.0, true)));
        assert_eq!(parse_approx("十几万"), Some((100_000.0, true)));
        assert_eq!(parse_approx("二千余"), Some((2000.0, true)));
        assert_eq!(parse_approx("数百"), Some((100.0, true)));
    }

    /// The Chinese numeral for `n` as newspapers write it (一千零五, 三万五千, 十二亿).
    fn to_chinese(n: u64) -> String {
        const D: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
        fn below_10k(n: u64, out: &mut String, leading: bool) {
            let units = [(1000, '千'), (100, '百'), (10, '十')];
            let mut zero = false;
            let mut started = !leading;
            for (u, c) in units {
                let d = n / u % 10;
                if d == 0 {
                    zero = started;
                    continue;
                }
                if zero {
                    out.push('零');
                    zero = false;
                }
                if !(u == 10 && d == 1 && !started && n < 20) {
                    out.push(D[d as usize]);
                }
                out.push(c);
                started = true;
            }
            let last = n % 10;
            if last != 0 {
                let gap = started && n % 100 < 10 && n >= 100;
                if (zero || gap) && !out.ends_with('零') {
                    out.push('零');
                }
                out.push(D[last as usize]);
            }
        }
        if n == 0 {
            return "零".into();
        }
        let mut out = String::new();
        let (yi, wan, rest) = (n / 100_000_000, n / 10_000 % 10_000, n % 10_000);
        if yi > 0 {
            below_10k(yi, &mut out, true);
            out.push('亿');
        }
        if wan > 0 {
            if yi > 0 && wan < 1000 {
                out.push('零');
            }
            below_10k(wan, &mut out, yi == 0);
            out.push('万');
        }
        if rest > 0 {
            if (yi > 0 || wan > 0) && rest < 1000 {
                out.push('零');
            }
            below_10k(rest, &mut out, yi == 0 && wan == 0);
        }
        out
    }

    #[test]
    fn to_chinese_writes_common_forms() {
        assert_eq!(to_chinese(24), "二十四");
        assert_eq!(to_chinese(105), "一百零五");
        assert_eq!(to_chinese(35_000), "三万五千");
        assert_eq!(to_chinese(1_200_000_000), "十二亿");
    }

    proptest::proptest! {
        #[test]
        fn parse_never_panics(s in "\\PC{0,20}") {
            let _ = parse(&s);
            let _ = parse_approx(&s);
        }

        #[test]
        fn numeral_soup_never_panics(s in "[0-9.·,/一二两三四五六七八九十百千万亿零〇○几数上多余点之分]{0,16}") {
            let _ = parse(&s);
            let _ = parse_approx(&s);
        }

        #[test]
        fn chinese_numerals_round_trip(n in 0u64..1_000_000_000_000) {
            proptest::prop_assert_eq!(parse(&to_chinese(n)), Some(n as f64));
        }

        #[test]
        fn positional_digits_round_trip(n in 0u64..100_000_000) {
            const D: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
            let s: String = n.to_string().bytes().map(|b| D[(b - b'0') as usize]).collect();
            proptest::prop_assume!(s.chars().count() > 1);
            proptest::prop_assert_eq!(parse(&s), Some(n as f64));
        }

        #[test]
        fn arabic_round_trip(n in 0u64..1_000_000_000, wan in proptest::bool::ANY) {
            let (s, v) = if wan { (format!("{n}万"), n as f64 * 10_000.0) } else { (n.to_string(), n as f64) };
            proptest::prop_assert_eq!(parse(&s), Some(v));
        }
    }

    #[test]
    fn rejects_non_numerals() {
        assert_eq!(parse(""), None);
        assert_eq!(parse("年"), None);
        assert_eq!(parse("12a"), None);
    }
}
