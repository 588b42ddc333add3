//! Number pass: amounts, counts, percentages, fractions and ordinals in Arabic, full-width and
//! Chinese numerals (1.4万家, 3.5亿元, 一点七亿, 百分之三十, 30%, 1/3, 第二十四次, 一千多,
//! 十几个), with value, unit and flags. Digits already claimed by a date are skipped.
//!
//! What counts as a number follows the People's Daily convention: the numeral with its measure
//! word (23年, 26个, 三大洲); words like 约, 近, 超过 before it are left out of the span but make
//! it approximate; a single Chinese numeral (一, 三) is a number only as an ordinal (第三) or
//! before a measure word (五项), and words written with numerals that are not numbers (一样,
//! 十分, 第一线, listed in `data/numeral_words.txt`) are skipped.

use std::cell::RefCell;
use std::ops::Range;
use std::sync::LazyLock;

use super::numeral::{self, RunFilter, RunMemo, word_at};
use super::{Detail, EntityKind, Mention, NumberValue, Paragraph};
use crate::lexicon::{NUMERAL_WORDS, UNITS};
use crate::normalize::is_han;

/// Chinese numeral characters (digits and multipliers).
const CN: &str = "〇○零一二两三四五六七八九十百千万亿";
/// Chinese digits written after 点 (decimals: 一点七五).
const DEC: &str = "〇○零一二三四五六七八九";

/// The number pattern, written as a regex, says which texts are numbers; the scanner below
/// ([`scan_numbers`]) finds its matches by hand, the way a regex search would (the tests hold it
/// to the regex), at a fraction of the cost. The pattern's characters also pick the runs of a
/// paragraph worth scanning ([`NUMBER_RUNS`]).
fn number_pattern() -> String {
    let ar = r"[0-9]+(?:,[0-9]{3})*(?:[.·][0-9]+)?";
    format!(
        r"(?P<ord>第)?(?P<num>一半|一点(?:[{DEC}&&[^一]][{DEC}]*(?:[多余几]?[万亿])*|一[{DEC}]*(?:[多余几]?[万亿])+)[多余几]?|一点|百分之[{CN}]+(?:点[{CN}]+)?|[{CN}]+分之[{CN}]+|{ar}/{ar}|{ar}[∶:]{ar}|{ar}(?:[多余]?[十百千万亿])*[多余]?|(?:[几数上])?[{CN}]+(?:点[{CN}]+)?(?:[多余几]?[万亿])*[多余几]?)(?P<sign>[%‰])?"
    )
}

/// The matches of [`number_pattern`] in `cs` (character spans), as a regex search finds them: at
/// the first position where the pattern matches, its first branch that does (read as a regex
/// reads it: nothing after a branch can fail, so each part is as long as it can be), then on
/// from its end.
fn scan_numbers(cs: &[char]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        match number_at(cs, i) {
            Some(end) => {
                out.push(i..end);
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// The end of `(?P<ord>第)?(?P<num>…)(?P<sign>[%‰])?` at `i`.
fn number_at(cs: &[char], i: usize) -> Option<usize> {
    let num_end = word_at(cs, i, "第")
        .and_then(|k| numeral_at(cs, k))
        .or_else(|| numeral_at(cs, i))?;
    Some(num_end + usize::from(matches!(cs.get(num_end), Some('%' | '‰'))))
}

/// The end of the group `num` at `i`: its first branch that matches.
fn numeral_at(cs: &[char], i: usize) -> Option<usize> {
    word_at(cs, i, "一半")
        .or_else(|| decimal_one_at(cs, i))
        .or_else(|| word_at(cs, i, "一点"))
        // 百分之[CN]+(?:点[CN]+)?: 百分之三十, 百分之三点五
        .or_else(|| {
            let k = run_of(cs, word_at(cs, i, "百分之")?, is_cn)?;
            Some(decimals(cs, k))
        })
        // [CN]+分之[CN]+: 三分之一
        .or_else(|| run_of(cs, word_at(cs, run_of(cs, i, is_cn)?, "分之")?, is_cn))
        // {ar}/{ar}: 1/3
        .or_else(|| arabic_pair_at(cs, i, &['/']))
        // {ar}[∶:]{ar}: 2∶0
        .or_else(|| arabic_pair_at(cs, i, &['∶', ':']))
        // {ar}(?:[多余]?[十百千万亿])*[多余]?: 1.4万, 5236万多, 1500多万
        .or_else(|| {
            let k = multipliers(
                cs,
                arabic_at(cs, i)?,
                &['多', '余'],
                &['十', '百', '千', '万', '亿'],
            );
            Some(k + usize::from(matches!(cs.get(k), Some('多' | '余'))))
        })
        // (?:[几数上])?[CN]+(?:点[CN]+)?(?:[多余几]?[万亿])*[多余几]?: 十几, 几十, 一百一十六点六万,
        // 一千多
        .or_else(|| {
            // Without 几, 数 or 上 the numeral would start with it, and none of them is one.
            let k = i + usize::from(matches!(cs.get(i), Some('几' | '数' | '上')));
            let k = decimals(cs, run_of(cs, k, is_cn)?);
            let k = multipliers(cs, k, &['多', '余', '几'], &['万', '亿']);
            Some(k + usize::from(matches!(cs.get(k), Some('多' | '余' | '几'))))
        })
}

/// The end of a decimal numeral opening with 一点 at `i` (一点七亿, 一点二五亿, 一点一八万), the
/// branch `一点(?:[DEC--一][DEC]*(?:[多余几]?[万亿])*|一[DEC]*(?:[多余几]?[万亿])+)[多余几]?`: a
/// first decimal 一 needs a multiplier after it, so that 一点一点 and 一点一滴 stay "a little".
fn decimal_one_at(cs: &[char], i: usize) -> Option<usize> {
    let k = word_at(cs, i, "一点")?;
    let is_dec = |c: char| DEC.contains(c);
    let digits = run_of(cs, k, is_dec)?;
    let m = multipliers(cs, digits, &['多', '余', '几'], &['万', '亿']);
    if cs[k] == '一' && m == digits {
        return None;
    }
    Some(m + usize::from(matches!(cs.get(m), Some('多' | '余' | '几'))))
}

/// Whether `c` is one of [`CN`].
fn is_cn(c: char) -> bool {
    matches!(
        c,
        '〇' | '○'
            | '零'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '万'
            | '亿'
    )
}

/// The end of the longest run of characters of `class` at `i`, `None` if there is none.
fn run_of(cs: &[char], i: usize, class: fn(char) -> bool) -> Option<usize> {
    let n = cs.get(i..)?.iter().take_while(|&&c| class(c)).count();
    (n > 0).then_some(i + n)
}

/// The end of `(?:点[CN]+)?` at `k`: the decimals of a Chinese numeral (三点五).
fn decimals(cs: &[char], k: usize) -> usize {
    word_at(cs, k, "点")
        .and_then(|d| run_of(cs, d, is_cn))
        .unwrap_or(k)
}

/// The end of `(?:[approx]?[units])*` at `k`: multipliers, each perhaps after a word like 多
/// (1500多万).
fn multipliers(cs: &[char], mut k: usize, approx: &[char], units: &[char]) -> usize {
    let is = |k: usize, set: &[char]| cs.get(k).is_some_and(|c| set.contains(c));
    loop {
        if is(k, approx) && is(k + 1, units) {
            k += 2;
        } else if is(k, units) {
            k += 1;
        } else {
            return k;
        }
    }
}

/// The end of an Arabic numeral, `[0-9]+(?:,[0-9]{3})*(?:[.·][0-9]+)?`, at `i`: 1,000.5.
fn arabic_at(cs: &[char], i: usize) -> Option<usize> {
    let digits = |k| run_of(cs, k, |c| c.is_ascii_digit());
    let mut k = digits(i)?;
    while cs.get(k) == Some(&',')
        && cs
            .get(k + 1..k + 4)
            .is_some_and(|d| d.iter().all(char::is_ascii_digit))
    {
        k += 4;
    }
    if matches!(cs.get(k), Some('.' | '·'))
        && let Some(end) = digits(k + 1)
    {
        k = end;
    }
    Some(k)
}

/// The end of two Arabic numerals joined by one of `seps` at `i` (1/3, 2∶0). A regex reads
/// the first as it reads any: no separator is a character of it, so it ends at the separator.
fn arabic_pair_at(cs: &[char], i: usize, seps: &[char]) -> Option<usize> {
    let k = arabic_at(cs, i)?;
    if !cs.get(k).is_some_and(|c| seps.contains(c)) {
        return None;
    }
    arabic_at(cs, k + 1)
}

/// The groups of a match of [`number_pattern`], read off the whole match: no numeral starts with 第 or
/// ends with % or ‰.
struct NumberParts<'t> {
    /// The match opens with 第 (group `ord`).
    ordinal: bool,
    /// Byte offsets of the numeral (group `num`).
    num: (usize, usize),
    /// The closing % or ‰ (group `sign`).
    sign: Option<&'t str>,
}

impl<'t> NumberParts<'t> {
    /// The parts of the match at bytes `start..end` of `text`.
    fn of(text: &'t str, start: usize, end: usize) -> Self {
        let whole = &text[start..end];
        let ordinal = whole.starts_with('第');
        let sign = whole
            .char_indices()
            .next_back()
            .and_then(|(i, c)| matches!(c, '%' | '‰').then(|| &whole[i..]));
        let from = start + if ordinal { '第'.len_utf8() } else { 0 };
        let to = end - sign.map_or(0, str::len);
        NumberParts {
            ordinal,
            num: (from, to),
            sign,
        }
    }
}

/// Words before a numeral that make it approximate (and stay outside the span).
const APPROX_BEFORE: [&str; 10] = [
    "约", "近", "超过", "逾", "大约", "将近", "接近", "上下", "左右", "多达",
];

/// Chinese numeral characters and digits: every number holds one.
const ANCHORS: &str = "〇○零一二两三四五六七八九十百千万亿0123456789";

/// The runs of a paragraph a number may lie in: written in the pattern's characters and holding
/// a digit or a Chinese numeral.
pub(super) static NUMBER_RUNS: LazyLock<Option<RunFilter>> =
    LazyLock::new(|| RunFilter::new(&number_pattern(), &[ANCHORS]));

/// A match of [`number_pattern`]: its byte span, its span in characters and the value of its numeral
/// as written ([`value_parts`]).
#[derive(Clone, Copy, Debug)]
struct NumberMatch {
    start: usize,
    end: usize,
    /// The span in characters (counted once per distinct run, rather than searched for in the
    /// paragraph at every match).
    char_start: usize,
    char_end: usize,
    value: Option<(f64, bool, bool)>,
}

/// The numbers in `text` (a run or a whole paragraph), whose characters are `cs`, with their
/// values; `byte_of` gives the byte offset in `text` of a character offset.
fn numbers_in(text: &str, cs: &[char], byte_of: impl Fn(usize) -> usize) -> Vec<NumberMatch> {
    scan_numbers(cs)
        .into_iter()
        .map(|span| {
            let (start, end) = (byte_of(span.start), byte_of(span.end));
            let parts = NumberParts::of(text, start, end);
            NumberMatch {
                start,
                end,
                char_start: span.start,
                char_end: span.end,
                value: value_parts(&text[parts.num.0..parts.num.1], parts.sign),
            }
        })
        .collect()
}

thread_local! {
    /// The numbers found in the runs this thread has seen.
    static RUN_MEMO: RefCell<RunMemo<NumberMatch>> = RefCell::default();
}

/// The numbers in the paragraph, in order; `runs` are the paragraph's runs when
/// they are known already (the date pass finds them, see [`Paragraph::number_runs`]).
fn matches(p: &Paragraph<'_>, runs: Option<Vec<numeral::Run>>) -> Vec<NumberMatch> {
    let text = p.text;
    let Some(filter) = &*NUMBER_RUNS else {
        return numbers_in(text, &p.chars, |i| p.byte_of(i));
    };
    let runs = runs.unwrap_or_else(|| filter.runs(p, 1));
    if runs.is_empty() {
        return Vec::new();
    }
    RUN_MEMO.with_borrow_mut(|memo| {
        let mut out = Vec::new();
        for run in runs {
            let hay = &text[run.byte_start..run.byte_end];
            let found = memo.matches(hay, |hay| {
                let chars = &p.chars[run.start..run.end];
                numbers_in(hay, chars, |i| p.byte_of(run.start + i) - run.byte_start)
            });
            out.extend(found.iter().map(|m| NumberMatch {
                start: run.byte_start + m.start,
                end: run.byte_start + m.end,
                char_start: run.start + m.char_start,
                char_end: run.start + m.char_end,
                value: m.value,
            }));
        }
        out
    })
}

/// The value of the numeral `raw` (the match without 第 and its `sign`), whether it is
/// approximate and whether it is a percentage; `None` when it does not parse.
fn value_parts(raw: &str, sign: Option<&str>) -> Option<(f64, bool, bool)> {
    Some(if let Some(rest) = raw.strip_prefix("百分之") {
        let (v, a) = numeral::parse_approx(rest)?;
        (v, a, true)
    } else if raw == "一半" {
        (0.5, false, false)
    } else if raw == "一点" {
        (1.0, true, false)
    } else if let Some((a, b)) = raw.split_once(['∶', ':']) {
        // a ratio or score (2∶0, 16∶9): the value is the quotient when it has one
        let (a, b) = (numeral::parse(a)?, numeral::parse(b)?);
        (if b == 0.0 { a } else { a / b }, false, false)
    } else {
        let (v, a) = numeral::parse_approx(raw)?;
        (v, a, sign == Some("%"))
    })
}

/// Find numbers in the paragraph (outside dates) and claim their characters.
/// True when `start..end` lies inside one token that goes on past it and that jieba tags as a
/// place (九台市/ns, 三里屯/ns) or a distinguishing word (六年级/b). Names of events and bodies
/// keep theirs (十一届三中全会, 八届人大): People's Daily counts those numerals.
fn numeral_in_name(p: &Paragraph<'_>, start: usize, end: usize) -> bool {
    let i = p.tokens.partition_point(|t| t.end <= start);
    p.tokens.get(i).is_some_and(|t| {
        t.start <= start && t.end > end && (t.pos.starts_with("ns") || t.pos == "b")
    })
}

pub fn find(p: &mut Paragraph<'_>, out: &mut Vec<Mention>) {
    let text = p.text;
    let runs = p.number_runs.take();
    for found in matches(p, runs) {
        let (m_start, m_end) = (found.start, found.end);
        let NumberParts {
            ordinal,
            num: (num_from, num_to),
            sign,
        } = NumberParts::of(text, m_start, m_end);
        // A lone 一 is never a number but as an ordinal (the rule below): the commonest match
        // (一些, 统一, 一次) is dropped before any other test.
        if !ordinal && &text[num_from..num_to] == "一" {
            continue;
        }
        // 第, % and ‰ are a character each.
        let mut start = found.char_start;
        let mut num_start = start + usize::from(ordinal);
        let mut end = found.char_end;
        let mut num_end = end - usize::from(sign.is_some());
        let mut raw = &text[num_from..num_to];
        let mut parsed = found.value;
        // 人数/一百万: a 数, 几 or 上 that ends the word before is no "several" or "up to"
        // before a numeral with a digit of its own (but 住/进上/百平方米 is "up to a hundred").
        if !ordinal
            && raw.starts_with(['数', '几', '上'])
            && raw.chars().count() > 1
            && !raw[3..].starts_with(['十', '百', '千', '万', '亿'])
            && token_starts_before(p, start)
        {
            raw = &raw['数'.len_utf8()..];
            parsed = value_parts(raw, sign);
            start += 1;
            num_start += 1;
        }
        // 四十五亿千瓦 and 一百万千米: the 千 opens the unit (千瓦, 千米), not the numeral.
        if sign.is_none()
            && raw.chars().count() > 2
            && raw.ends_with('千')
            && p.chars
                .get(num_end)
                .is_some_and(|&c| matches!(c, '瓦' | '米' | '克' | '伏'))
        {
            raw = &raw[..raw.len() - '千'.len_utf8()];
            parsed = value_parts(raw, sign);
            num_end -= 1;
            end = num_end;
        }
        // 10来个, 500来公斤: 来 after the numeral and before its measure word is "about".
        let about_lai = sign.is_none()
            && p.chars.get(end) == Some(&'来')
            && UNITS.longest_at(&p.chars, end + 1).is_some()
            && p.is_unclaimed(end, end + 1);
        if about_lai {
            end += 1;
            num_end += 1;
        }
        // -0.4%: a minus sign before a percentage in digits (not a range's dash, 1990-1995,
        // nor a model's, 米-24).
        let negative = !ordinal
            && sign == Some("%")
            && raw.starts_with(|c: char| c.is_ascii_digit())
            && start >= 1
            && p.chars[start - 1] == '-'
            && (start < 2 || !p.chars[start - 2].is_ascii_alphanumeric())
            && p.is_unclaimed(start - 1, start);
        if negative {
            start -= 1;
        }
        if !p.is_unclaimed(start, end) {
            continue;
        }
        let before = start.checked_sub(1).map(|i| p.chars[i]);
        // Model names and codes (F16, 米-24, A320, 5G, 3D) are not amounts.
        if raw.starts_with(|c: char| c.is_ascii_digit())
            && (is_code_before(p, start) || is_code_after(p, num_end))
        {
            continue;
        }
        // 十分 (very), and 上十分 where 上 reads as "up to" (艺术上十分重视).
        let after_lead = num_start + usize::from(raw.starts_with(['上', '几', '数']));
        if NUMERAL_WORDS.longest_at(&p.chars, start).is_some()
            || after_lead > num_start && NUMERAL_WORDS.longest_at(&p.chars, after_lead).is_some()
        {
            continue;
        }
        // A numeral inside a longer word (统一, 之一, 唯一) is part of that word.
        if !raw.starts_with(|c: char| c.is_ascii_digit())
            && !ordinal
            && before.is_some_and(is_han)
            && token_starts_before(p, num_start)
        {
            continue;
        }
        // A numeral opening an idiom (四面八方, 千头万绪) is part of the idiom.
        if chinese_opens_idiom(p, num_start, num_end) {
            continue;
        }
        let after = |i: usize| p.chars.get(i).copied();
        // 80年代, 21世纪: decades and centuries are not amounts.
        if matches!(
            (after(end), after(end + 1)),
            (Some('年'), Some('代')) | (Some('世'), Some('纪'))
        ) {
            continue;
        }
        let Some((value, mut approximate, percent)) = parsed else {
            continue;
        };
        let value = if negative { -value } else { value };
        let chinese = !raw.starts_with(|c: char| c.is_ascii_digit());
        let n_chars = raw.chars().count();
        // 十五大, 十四大: party congresses, not amounts.
        if chinese && n_chars >= 2 && after(end) == Some('大') && !ordinal {
            continue;
        }
        // 三大洲, 十大新闻: the numeral counts the noun after 大 (大 itself is no measure word).
        let before_big = after(end) == Some('大') && after(end + 1).is_some_and(is_han);
        // 八一, 九五: two Chinese digits side by side are a name, not a number (七八个 is).
        let positional =
            chinese && n_chars == 2 && raw.chars().all(|c| numeral::digit_value(c).is_some());
        // The measure word or currency that follows.
        let mut unit = None;
        let numeral_end = end;
        // List numbering written 1·, 2· (PD's tag keeps the dot with the digit), or 1., 2. where
        // an item opens: at the start of a paragraph or after a colon or semicolon.
        let item_opens = before.is_none_or(|c| matches!(c, ':' | '：' | ';' | '；'));
        if sign.is_none()
            && raw.bytes().all(|b| b.is_ascii_digit())
            && (after(end) == Some('·') || after(end) == Some('.') && item_opens)
            && !after(end + 1).is_some_and(|c| c.is_ascii_digit())
        {
            end += 1;
        } else if sign.is_none()
            && !raw.starts_with("百分之")
            && !raw.contains("分之")
            && !raw.contains(['/', '∶', ':'])
        {
            if let Some(n) = UNITS.longest_at(&p.chars, end)
                && p.is_unclaimed(end, end + n)
                && unit_fits(p, end, n)
            {
                unit = Some(p.slice(end, end + n).to_string());
                end += n;
            }
        } else if sign == Some("‰") {
            unit = Some("‰".to_string());
        }
        if positional {
            let mut ds = raw.chars().filter_map(numeral::digit_value);
            let (a, b) = (ds.next().unwrap_or(0), ds.next().unwrap_or(0));
            // 七八个 (seven or eight) is a number; 九五 and 八五 before 计划 or in quotes name
            // five-year plans, which PD counts as numbers; 八一 and the like are names.
            let plan = b == 5
                && (text[m_end..].starts_with(['”', '’', '"'])
                    || ["计划", "期间", "时期", "规划", "末", "初"]
                        .iter()
                        .any(|w| text[m_end..].starts_with(w)));
            // 九七, 九八: the years of the decade written short; 三五年, 三五支: a few.
            let short_year = matches!(a, 8 | 9) && b != 1 && unit.is_none();
            let a_few = (a, b) == (3, 5) && unit.is_some();
            if !(plan || short_year || a_few || (b == a + 1 && unit.is_some())) {
                continue;
            }
        }
        // A single Chinese numeral (一, 三) is a number only as an ordinal, before a measure word,
        // or before 大 and a noun; a lone 一 (一次, 一部) only as an ordinal.
        let single = chinese && n_chars == 1;
        if single && !ordinal && (raw == "一" || (unit.is_none() && !before_big)) {
            continue;
        }
        // 二期工程, 二级公路, 四面通风: a phase, a grade or the sides, which classify rather than
        // count (第二期 is an ordinal).
        if single && !ordinal && matches!(unit.as_deref(), Some("期" | "级" | "面")) {
            continue;
        }
        // 一点 is "a little" unless it tells the time; 一半 is a half.
        if raw == "一点" && after(end).is_some_and(|c| matches!(c, '钟' | '半')) {
            continue;
        }
        let value = if positional {
            f64::from(
                raw.chars()
                    .next()
                    .and_then(numeral::digit_value)
                    .unwrap_or(0),
            )
        } else {
            value
        };
        // 左右 after the numeral or its measure word (30%左右, 500元左右).
        let about_after = p.chars.get(end..end + 2) == Some(&['左', '右'][..]);
        approximate |= about_lai
            || positional
            || APPROX_BEFORE.iter().any(|w| p.text[..m_start].ends_with(w))
            || about_after;
        // A share, which has no measure word (30%左右, 1/3左右, 百分之三十左右, 一半左右), keeps
        // 左右 in its span, as PD writes it; an amount leaves it out (500 of 500元左右).
        let share = sign.is_some() || raw.contains('/') || raw.contains("分之") || raw == "一半";
        if about_after && share && unit.is_none() && p.is_unclaimed(end, end + 2) {
            end += 2;
        }
        // 六年级/b, 九台市/ns, 三里屯/ns: a numeral inside a name or a grade is no amount.
        if !ordinal && numeral_in_name(p, start, end) {
            continue;
        }
        // 十月革命: a revolution named after its month.
        if unit.as_deref() == Some("月") && p.chars.get(end..end + 2) == Some(&['革', '命'][..])
        {
            continue;
        }
        p.claim(start, end, EntityKind::Number);
        // The entity is the numeral (1.4万 of 1.4万家, its measure word in `unit`); a lone
        // Chinese digit is no number without its measure word (三个, 五项) and keeps it.
        // An amount of calendar time keeps its unit too, or 10年 would read as a year.
        let calendar = unit
            .as_deref()
            .is_some_and(|u| matches!(u, "年" | "周年" | "天" | "日" | "周" | "星期"));
        let shown_end = if unit.is_some() && !single && !calendar {
            numeral_end
        } else {
            end
        };
        out.push(Mention {
            kind: EntityKind::Number,
            start,
            end: shown_end,
            detail: Detail::Number(NumberValue {
                value,
                unit,
                ordinal,
                percent,
                approximate,
            }),
        });
    }
}

/// True when digits at `start` continue a code or model name: a letter (A320), or a letter and
/// a dash (F-16), or a decimal point stand before them.
fn is_code_before(p: &Paragraph<'_>, start: usize) -> bool {
    let at = |i: usize| start.checked_sub(i).map(|j| p.chars[j]);
    match at(1) {
        Some(c) if c.is_ascii_alphabetic() || c == '.' => true,
        Some('-' | '—') => at(2).is_some_and(|c| c.is_ascii_alphabetic()),
        _ => false,
    }
}

/// True when digits ending at `end` name a generation or a format rather than an amount: one
/// capital letter follows, and no more letters (5G, 4K, 3D); a unit in small letters (10km)
/// or of more letters (64GB) leaves an amount.
fn is_code_after(p: &Paragraph<'_>, end: usize) -> bool {
    p.chars.get(end).is_some_and(char::is_ascii_uppercase)
        && !p
            .chars
            .get(end + 1)
            .is_some_and(char::is_ascii_alphanumeric)
}

/// Whether the Chinese numeral at `start..end` opens a longer token jieba tags as an idiom
/// (四面八方 i, 千头万绪 i); set phrases (l) keep theirs (几十年如一日, 百余人).
fn chinese_opens_idiom(p: &Paragraph<'_>, start: usize, end: usize) -> bool {
    let idx = p.tokens.partition_point(|t| t.end <= start);
    p.tokens.get(idx).is_some_and(|t| {
        t.start == start && t.end > end && t.pos == "i" && !p.chars[start].is_ascii_digit()
    })
}

/// True when the word that covers character `i` starts before it (the 一 of 统一).
fn token_starts_before(p: &Paragraph<'_>, i: usize) -> bool {
    let idx = p.tokens.partition_point(|t| t.end <= i);
    p.tokens.get(idx).is_some_and(|t| t.start < i)
}

/// Whether the unit found at `at` (`n` characters) is really a measure word there: 年 before 代
/// is a decade, 个 before 月 belongs to 个月 (in the list), and 大 is a unit only before a noun.
fn unit_fits(p: &Paragraph<'_>, at: usize, n: usize) -> bool {
    let next = p.chars.get(at + n).copied();
    let unit = &p.chars[at..at + n];
    // 900万/天津人民: the "unit" opens a place's name that jieba reads as one word, and that
    // name goes on into the noun it qualifies (not 1500台中，: "among the 1500 sets").
    if next.is_some_and(is_han) {
        let idx = p.tokens.partition_point(|t| t.start < at);
        if let Some(t) = p.tokens.get(idx)
            && t.start == at
            && t.len() > n
            && p.gazetteer_at(at) == Some(t.len())
            && p.chars.get(t.end).copied().is_some_and(is_han)
        {
            return false;
        }
    }
    match unit {
        ['大'] => next.is_some_and(is_han),
        ['年'] => !matches!(next, Some('代' | '度')),
        ['部'] => next != Some('分'),
        ['点'] => !next.is_some_and(|c| c.is_ascii_digit() || numeral::digit_value(c).is_some()),
        // 第二集团: a tier, not an episode.
        ['集'] => next != Some('团'),
        // 第一副总理: 副 opens the title (deputy), it counts no pairs.
        ['副'] => crate::lexicon::TITLES
            .longest_prefix(p.chars[at + n..].iter().copied())
            .is_none(),
        _ => true,
    }
}
#[cfg(test)]
mod tests {
    use super::super::{EntityKind, texts_of};
    use super::*;
    use regex::Regex;

    /// The number pattern as a regex: [`scan_numbers`] finds its matches.
    static NUMBER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&number_pattern()).expect("number regex"));

    fn numbers(text: &str) -> Vec<String> {
        texts_of(text, EntityKind::Number)
    }

    #[test]
    fn common_forms() {
        assert_eq!(numbers("中国企业超过1.4万家"), ["1.4万"]);
        assert_eq!(numbers("第二十四次会议"), ["第二十四"]);
        assert_eq!(numbers("增长了30%"), ["30%"]);
        assert_eq!(numbers("占百分之三十"), ["百分之三十"]);
    }

    #[test]
    fn about_with_lai_negative_shares_and_a_count_after_a_word_ending_in_shu() {
        assert_eq!(value("公粮交了500来公斤。").value, 500.0);
        assert!(value("公粮交了500来公斤。").approximate);
        assert_eq!(numbers("每天至少10来个人。"), ["10来"]);
        assert_eq!(numbers("物价增长-0.4%，比去年低。"), ["-0.4%"]);
        assert_eq!(value("物价增长-0.4%，比去年低。").value, -0.4);
        // A range's dash and a model's are no minus.
        assert!(!numbers("米-24直升机").iter().any(|n| n.starts_with('-')));
        assert!(numbers("1990-1995年间").iter().all(|n| !n.starts_with('-')));
        // 人数/一百万: 数 ends the word before.
        assert_eq!(numbers("培训人数一百万人"), ["一百万"]);
        assert_eq!(value("培训人数一百万人").value, 1_000_000.0);
    }

    #[test]
    fn a_unit_that_opens_a_place_and_words_after_up_to() {
        // 天 of 天津 is no day; 台 before 中 (among) is the sets' measure word.
        assert_eq!(numbers("向900万天津人民致意。"), ["900万"]);
        assert_eq!(numbers("这1500台中，有问题的不多。"), ["1500"]);
        // 上 (up to) before 十分 (very) and 百科 (encyclopedia) opens no amount.
        assert!(numbers("他在艺术上十分认真。").is_empty());
        assert!(numbers("按国际上百科全书的通例编纂。").is_empty());
        assert_eq!(numbers("村里有上百户人家。"), ["上百"]);
        assert!(numbers("喊出了共产党万岁的口号。").is_empty());
    }

    #[test]
    fn phases_grades_and_sides_classify() {
        assert!(numbers("部署二期建设任务，修建二级公路").is_empty());
        assert!(numbers("挂进四面通风的酿房").is_empty());
        assert_eq!(numbers("第二期工程"), ["第二期"]);
        assert!(numbers("获得“五个一工程”奖").is_empty());
    }

    #[test]
    fn measure_words_that_open_another_word() {
        // 副 opens a title, 集 a tier (集团).
        assert_eq!(numbers("俄罗斯第一副总理涅姆佐夫访华"), ["第一"]);
        assert_eq!(numbers("保持第二集团领先位置"), ["第二"]);
        assert_eq!(numbers("买了两副眼镜"), ["两副"]);
        // Names and set phrases with numerals in them.
        assert!(numbers("十三陵水库工地，十二生肖图，每千瓦时").is_empty());
    }

    #[test]
    fn numerals_side_by_side() {
        // The years of the decade written short, and a few (三五).
        assert_eq!(numbers("回眸九七，展望九八"), ["九七", "九八"]);
        assert_eq!(numbers("多则三五年"), ["三五年"]);
        assert_eq!(numbers("国家制定了“八七扶贫攻坚计划”"), ["八七"]);
        // 八一 names (八一队), 七八个 counts.
        assert!(numbers("八一队获胜").is_empty());
        assert_eq!(numbers("来了七八个人"), ["七八"]);
    }

    #[test]
    fn generations_and_formats_are_no_amounts() {
        assert_eq!(numbers("建成5G基站337.7万个"), ["337.7万"]);
        assert!(numbers("3D打印和4K电视").is_empty());
        assert_eq!(numbers("跑了10km，存了64GB"), ["10", "64"]);
    }

    #[test]
    fn a_chinese_comma_never_groups_digits() {
        assert_eq!(numbers("投资1,000万元"), ["1,000万"]);
        assert_eq!(
            numbers("电话：65091040，65092140。"),
            ["65091040", "65092140"]
        );
        assert_eq!(numbers("比值为2，1998年以来"), ["2"]);
    }

    #[test]
    fn people_s_daily_forms() {
        assert_eq!(numbers("来华旅游人数达5236万多人次"), ["5236万多"]);
        assert_eq!(numbers("筹集资金1500多万元"), ["1500多万"]);
        assert_eq!(numbers("约5400万人次"), ["5400万"]);
        assert_eq!(numbers("占全省的1/3左右"), ["1/3左右"]);
        assert_eq!(numbers("十几个省区的客商"), ["十几"]);
        assert_eq!(numbers("几十年来"), ["几十年"]);
        assert_eq!(numbers("有我的一半"), ["一半"]);
        assert_eq!(numbers("覆盖三大洲26个国家"), ["三", "26"]);
        assert_eq!(
            numbers("装机容量一百一十六点六万千瓦"),
            ["一百一十六点六万"]
        );
        assert_eq!(numbers("出生率33.10‰"), ["33.10‰"]);
        assert_eq!(numbers("以2∶0获胜"), ["2∶0"]);
    }

    #[test]
    fn the_numeral_is_the_entity_and_the_measure_word_its_unit() {
        // A lone Chinese digit is no number without its measure word; calendar time keeps its
        // unit so that an amount of years never reads as a year.
        assert_eq!(numbers("提出五项原则"), ["五项"]);
        assert_eq!(numbers("成立23年来"), ["23年"]);
        assert_eq!(numbers("持续了十天"), ["十天"]);
        assert_eq!(numbers("24小时内提供"), ["24"]);
        assert_eq!(value("中国企业超过1.4万家").unit.as_deref(), Some("家"));
        // The measure word stays claimed: 家 is no start of another entity.
        assert_eq!(numbers("3家企业和5个国家"), ["3", "5"]);
    }

    #[test]
    fn a_revolution_named_after_its_month_is_no_amount() {
        assert!(numbers("俄国二月革命以后").is_empty());
        assert_eq!(numbers("这座古城已有1500年历史"), ["1500年"]);
    }

    #[test]
    fn numerals_inside_places_and_grades_are_not_numbers() {
        assert!(numbers("他们住在三里屯附近").is_empty());
        assert!(numbers("女儿在读六年级").is_empty());
        // Ordinals and counts beside such words still are.
        assert_eq!(numbers("三里屯有两家书店"), ["两家"]);
        assert_eq!(numbers("第十一届三中全会"), ["第十一"]);
        // An army named by its numeral (numeral_words.txt).
        assert!(numbers("他参加了八路军").is_empty());
    }

    #[test]
    fn words_with_numerals_are_not_numbers() {
        for s in [
            "两国关系一样好",
            "大家一起努力",
            "十分高兴",
            "坚持统一",
            "深入第一线",
            "党的十五大精神",
            "八一电影制片厂",
            "80年代以来",
            "一些国家",
            "一般来说",
            // Idioms opening with a numeral.
            "订单来自四面八方",
            "日常事务千头万绪",
            // Words opening with 零 or numerals that name things or habits.
            "工厂需要的零部件",
            "他三天两头来",
            "大力发展第三产业",
            "掌握第一手资料",
        ] {
            assert!(numbers(s).is_empty(), "{s}: {:?}", numbers(s));
        }
    }

    #[test]
    fn values_units_and_flags() {
        let v = value("中国企业超过1.4万家");
        assert_eq!(
            (v.value, v.unit.as_deref(), v.approximate),
            (14_000.0, Some("家"), true)
        );
        let v = value("第二十四次会议");
        assert_eq!((v.value, v.ordinal), (24.0, true));
        let v = value("占百分之三十");
        assert_eq!((v.value, v.percent), (30.0, true));
        let v = value("3.5亿元");
        assert_eq!((v.value, v.unit.as_deref()), (350_000_000.0, Some("元")));
        let v = value("一千多人");
        assert_eq!((v.value, v.approximate), (1000.0, true));
    }

    #[test]
    fn shares_keep_about_after_them_and_amounts_leave_it_out() {
        assert_eq!(numbers("今年增长30%左右"), ["30%左右"]);
        assert_eq!(numbers("约占三分之一左右"), ["三分之一左右"]);
        assert_eq!(numbers("每月500元左右"), ["500"]);
        assert!(value("每月500元左右").approximate);
    }

    #[test]
    fn list_items_numbered_with_a_dot() {
        assert_eq!(
            numbers("企业分为两类：1.大型企业；2.中小企业。增长了3.5倍。"),
            ["两类", "1.", "2.", "3.5"]
        );
        // A dot after a number inside a sentence is no item number.
        assert_eq!(numbers("共有12.这"), ["12"]);
    }

    #[test]
    fn chinese_decimals_opening_with_one() {
        assert_eq!(numbers("投资约一点三亿美元"), ["一点三亿"]);
        assert_eq!(value("投资约一点七亿美元").value, 170_000_000.0);
        assert_eq!(value("全年产量一点二五亿吨").value, 125_000_000.0);
        assert_eq!(value("新增一点一九万户").value, 11_900.0);
        assert_eq!(numbers("下降了一点六个百分点"), ["一点六"]);
        // 一点 then 一 is "a little" unless a multiplier makes it a decimal.
        assert_eq!(numbers("雪一点一点地融化了"), ["一点"]);
    }

    fn value(text: &str) -> NumberValue {
        match crate::extract::run_pass(text, find)
            .into_iter()
            .next()
            .map(|m| m.detail)
        {
            Some(Detail::Number(v)) => v,
            other => panic!("no number in {text}: {other:?}"),
        }
    }

    proptest::proptest! {
        #[test]
        fn find_never_panics(s in "[0-9.·,/∶%‰一二两三四五六七八九十百千万亿零〇几数上多余点之分第个年大元千瓦]{0,30}") {
            let tokens = crate::segment::Segmenter::shared().tag(&s);
            let mut p = Paragraph::new(&s, &tokens);
            let mut out = Vec::new();
            find(&mut p, &mut out);
            for m in &out {
                proptest::prop_assert!(m.start < m.end && m.end <= p.len());
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn parts_agree_with_the_groups(s in "[0-9.·,/∶:%‰一二两三四五六七八九十百千万亿零〇几数上多余点之分第个]{0,30}") {
            for (caps, m) in NUMBER.captures_iter(&s).zip(NUMBER.find_iter(&s)) {
                let parts = NumberParts::of(&s, m.start(), m.end());
                let num = caps.name("num").expect("numeral");
                proptest::prop_assert_eq!(caps.get(0).map(|c| c.range()), Some(m.range()));
                proptest::prop_assert_eq!(parts.ordinal, caps.name("ord").is_some());
                proptest::prop_assert_eq!(parts.num, (num.start(), num.end()));
                proptest::prop_assert_eq!(parts.sign, caps.name("sign").map(|g| g.as_str()));
            }
            proptest::prop_assert_eq!(NUMBER.captures_iter(&s).count(), NUMBER.find_iter(&s).count());
        }
    }

    proptest::proptest! {
        #[test]
        fn runs_hold_every_number(s in "[0-9.·,/∶:%‰一二两三四五六七八九十百千万亿零〇○几数上多余点之分第个年大元半 ，的是]{0,30}") {
            let p = Paragraph::new(&s, &[]);
            let whole: Vec<_> = NUMBER.find_iter(&s).map(|m| (m.start(), m.end())).collect();
            proptest::prop_assert_eq!(matches(&p, None).iter().map(|m| (m.start, m.end)).collect::<Vec<_>>(), whole);
        }
    }

    #[test]
    fn searching_runs_finds_what_the_whole_text_holds() {
        assert!(
            NUMBER_RUNS.is_some(),
            "the number pattern's characters are known"
        );
        let page = include_str!("../../fixtures/news-page.txt");
        let forms = "1.4万家，第二十四次，30%，百分之三十点五，三分之一，1/3，2∶0，1,000.5亿，一半，一点，\
                     几十年，5236万多，一千多，33.10‰";
        for line in page.lines().chain([forms]) {
            let folded = crate::normalize::fold(line);
            let p = Paragraph::new(&folded, &[]);
            let whole: Vec<_> = NUMBER
                .find_iter(&folded)
                .map(|m| (m.start(), m.end()))
                .collect();
            let found: Vec<_> = matches(&p, None).iter().map(|m| (m.start, m.end)).collect();
            assert_eq!(found, whole, "{line}");
        }
        // A lone digit or numeral is its own match.
        for c in ANCHORS.chars() {
            let s = c.to_string();
            let m = NUMBER.find(&s).map(|m| m.range());
            assert_eq!(m, Some(0..s.len()), "{c}");
        }
    }

    /// Spans in characters, values and flags on forms where a match's characters and bytes
    /// differ (full-width digits, 第, %, 百分之, multipliers) and where it does not start its run.
    #[test]
    fn spans_and_values_on_mixed_widths() {
        let spans = |text: &str| -> Vec<(usize, usize, f64, bool, bool, bool)> {
            crate::extract::run_pass(text, find)
                .iter()
                .map(|m| match &m.detail {
                    Detail::Number(v) => {
                        (m.start, m.end, v.value, v.ordinal, v.percent, v.approximate)
                    }
                    _ => unreachable!("a number pass mention"),
                })
                .collect()
        };
        assert_eq!(spans("约1.4万家"), [(1, 5, 14_000.0, false, false, true)]);
        assert_eq!(spans("占百分之三十"), [(1, 6, 30.0, false, true, false)]);
        assert_eq!(spans("增长３０％"), [(2, 5, 30.0, false, true, false)]);
        assert_eq!(spans("第二十四次会议"), [(0, 4, 24.0, true, false, false)]);
        assert_eq!(
            spans("１９９８年有１２３４５人"),
            [
                (0, 5, 1998.0, false, false, false),
                (6, 11, 12_345.0, false, false, false)
            ]
        );
    }

    /// Byte spans of what [`NUMBER`] finds in `s`.
    fn numbers_by_regex(s: &str) -> Vec<(usize, usize)> {
        NUMBER.find_iter(s).map(|m| (m.start(), m.end())).collect()
    }

    /// Byte spans of what [`scan_numbers`] finds in `s`.
    fn numbers_by_scanner(s: &str) -> Vec<(usize, usize)> {
        let (mut bytes, cs): (Vec<usize>, Vec<char>) = s.char_indices().unzip();
        bytes.push(s.len());
        numbers_in(s, &cs, |i| bytes[i])
            .iter()
            .map(|m| (m.start, m.end))
            .collect()
    }

    /// Generated texts made of pieces of numbers and of what stands around them: digits and
    /// numerals most often, then the pattern's marks and words, and characters outside it.
    fn number_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::sample::select;
        use proptest::strategy::Strategy;
        let digits = vec!["0", "1", "2", "3", "5", "9", "000", "123", "2024"];
        let numerals: Vec<String> = CN.chars().map(String::from).collect();
        let marks = vec![
            ",", ".", "·", "/", "∶", ":", "%", "‰", "多", "余", "几", "数", "上", "点", "第",
        ];
        let words = vec!["一半", "一点", "百分之", "分之", "分", "之", "万多", "多万"];
        let others = vec!["个", "年", "，", "a", "０", "-"];
        let piece = proptest::prop_oneof![
            4 => select(digits).prop_map(String::from),
            4 => select(numerals),
            3 => select(marks).prop_map(String::from),
            2 => select(words).prop_map(String::from),
            1 => select(others).prop_map(String::from),
        ];
        proptest::collection::vec(piece, 0..16).prop_map(|pieces| pieces.concat())
    }

    #[test]
    fn the_scanner_finds_what_the_pattern_finds() {
        let page = include_str!("../../fixtures/news-page.txt");
        let forms = "1.4万家，第二十四次，30%，百分之三十点五，三分之一，1/3，2∶0，1,000.5亿，一半，一点，\
                     几十年，5236万多，一千多，33.10‰，1500多万，十几万，数百，上万，第1/2，1,2345，1.5.3/2，\
                     百分之，三分之，一点六六万，0,00〇，百分之一点〇，0多万，亿多几，0余余，0‰，上一半，上六，\
                     一点七亿，一点二五亿，一点一八万，一点一点，一点一滴，一点四个，一点三亿多册";
        for line in page.lines().chain([forms]) {
            let folded = crate::normalize::fold(line);
            assert_eq!(
                numbers_by_scanner(&folded),
                numbers_by_regex(&folded),
                "{line}"
            );
        }
        assert!(numbers_by_scanner(forms).len() >= 25);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]

        #[test]
        fn the_scanner_finds_what_the_pattern_finds_anywhere(s in number_text()) {
            proptest::prop_assert_eq!(numbers_by_scanner(&s), numbers_by_regex(&s));
        }

        #[test]
        fn the_scanner_finds_what_the_pattern_finds_char_by_char(s in "[0-9.·,/∶:%‰一二两三四五六七八九十百千万亿零〇○几数上多余点之分第个年 ，a]{0,24}") {
            proptest::prop_assert_eq!(numbers_by_scanner(&s), numbers_by_regex(&s));
        }
    }

    #[test]
    fn digits_in_dates_are_not_numbers() {
        assert!(numbers("2024年7月5日").is_empty());
    }
}
