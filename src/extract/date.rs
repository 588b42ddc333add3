//! Date pass: calendar positions written with Arabic, full-width or Chinese numerals
//! (2024年7月5日, 一九九七年十二月三十一日, 今年6月, 5日晚, 上午9时10分, 2021—2025年,
//! 2024年6月10日至13日), valued as ISO 8601; years left out by the text are filled in later from
//! the document's context.
//!
//! A range whose two sides are each a whole date (1998年至2000年, 12月27日至31日, 2日—5日) gives
//! two mentions, the right side completed from the left (31日 → the same month); a range whose
//! left side is a bare year (2021—2025年, 2024至2025年度, 2018—2028) is one mention valued
//! `2021/2025`. An approximation of two months or hours next to each other (四五月份, 凌晨两三时)
//! is one mention valued as the range from the one to the other. Amounts of time (23年后,
//! 10年来) are left to the number pass, and a trailing 底, 初 or 末 after a year or month
//! (1997年底) is not part of the date.

use std::cell::RefCell;
use std::ops::Range;
use std::sync::LazyLock;

use super::numeral::{self, RunFilter, RunFilterPair, RunMemo, first_word_at, word_at, words_at};
use super::{DateValue, Detail, EntityKind, Mention, Paragraph};
use crate::normalize;

// The date pattern, written as a regex ([`date_pattern`]), says which texts are dates; the
// scanner below ([`scan_dates`]) finds its matches by hand, the way a regex search would (the
// tests hold it to the regex), at a fraction of the cost. The pattern's characters also pick the
// runs of a paragraph worth scanning ([`DATE_RUNS`]).

/// A year: four Arabic or four Chinese digits.
const Y: &str = r"(?:[12][0-9]{3}|[〇○零一二三四五六七八九]{4})";
/// A month, or two months next to each other written as an approximation (四五月, 九十月份).
const M: &str = r"(?:1[0-2]|0?[1-9]|十[一二]?|一二|二三|三四|四五|五六|六七|七八|八九|九十|[一二三四五六七八九])";
const D: &str = r"(?:3[01]|[12][0-9]|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])";
const SEP: &str = r"[—–\-~～至到]";
/// A day of a lunar month after the tenth, written without 日 (正月十五, 腊月二十三).
const LUNAR_DAY: &str =
    r"(?:二十[一二三四五六七八九]?|三十|十[一二三四五六七八九]?|廿[一二三四五六七八九])";
/// Relative years that stand before a month (今年6月, 去年10月).
const REL_YEARS: [&str; 7] = ["今年", "去年", "明年", "来年", "前年", "后年", "当年"];
/// Relative months that stand before a day (本月15日).
const REL_MONTHS: [&str; 3] = ["本月", "上月", "下月"];
/// A day of the week, in this week or the one before or after: 星期三, 周五, 上周一, 下个礼拜天.
const WEEKDAY: &str = r"(?:(?:上|下|本|这)个?)?(?:星期|礼拜|周)[一二三四五六日天]";
/// Parts of a year that PD treats as one time word with the year (1998年上半年, 1998年新年).
const YEAR_PARTS: [&str; 32] = [
    "年初",
    "年底",
    "年末",
    "年中",
    "上半年",
    "下半年",
    "新年",
    "元旦",
    "春节",
    "国庆节",
    "国庆",
    "岁末",
    "年终",
    "春天",
    "夏天",
    "秋天",
    "冬天",
    "春季",
    "夏季",
    "秋季",
    "冬季",
    "初春",
    "初夏",
    "初秋",
    "初冬",
    "盛夏",
    "寒冬",
    "深秋",
    "春",
    "夏",
    "秋",
    "冬",
];
const MONTH_PARTS: [&str; 4] = ["份", "上旬", "中旬", "下旬"];
/// Times of day: after a day (8日晚) or before a clock time (下午5时).
const TODS: [&str; 19] = [
    "凌晨", "清晨", "早晨", "早上", "上午", "中午", "下午", "傍晚", "晚上", "晚间", "夜间", "深夜",
    "午夜", "子夜", "午后", "晚", "夜", "早", "晨",
];
const DAY_WORDS: [&str; 11] = [
    "今天", "今日", "昨天", "昨日", "明天", "当天", "当日", "次日", "当", "昨", "今",
];
/// The day words of two characters, which stand before a clock time without a time of day too
/// (当日15时30分).
const WHOLE_DAY_WORDS: &[&str] = DAY_WORDS.split_at(8).0;
/// Months and new-year words before a day counted from the new year (正月初三, 大年初一).
const NEW_YEAR_WORDS: [&str; 4] = ["正月", "腊月", "大年", "新年"];
/// An hour, or two hours next to each other written as an approximation (两三时, 八九点钟).
const HOUR: &str = r"(?:2[0-4]|[01]?[0-9]|二十[一二三四]?|十[一二三四五六七八九]?|一两|一二|两三|二三|三四|四五|五六|六七|七八|八九|九十|[〇零一二三四五六七八九两])";
const MINUTE: &str = r"(?:[0-5]?[0-9]|[二三四五]十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])";

/// A regex alternation of `words`, in their order.
fn alternation(words: &[&str]) -> String {
    format!("(?:{})", words.join("|"))
}

/// The date pattern: one alternative per form.
fn date_pattern() -> String {
    let [
        rel_year,
        rel_month,
        year_part,
        month_part,
        tod,
        day_word,
        whole_day_word,
        new_year,
    ] = [
        &REL_YEARS[..],
        &REL_MONTHS,
        &YEAR_PARTS,
        &MONTH_PARTS,
        &TODS,
        &DAY_WORDS,
        WHOLE_DAY_WORDS,
        &NEW_YEAR_WORDS,
    ]
    .map(alternation);
    let clock = format!(r"{HOUR}(?:时|点)(?:{MINUTE}分|半)?钟?");
    let day_tail = format!(r"(?:{tod}?(?:{clock})?)");
    let alternatives = [
        // 2021—2025年, 2024至2025年度, 2018—2028: one mention
        format!(r"(?P<yrange>{Y}{SEP}{Y}年|(?:19|20)[0-9]{{2}}[—–\-](?:19|20)[0-9]{{2}})"),
        // 2024年7月5日晚, 2024年7月, 1998年新年
        format!(r"{Y}年(?:(?:{M}|元|正|腊)月(?:{D}[日号]{day_tail}|{month_part})?|{year_part})?"),
        // 今年6月, 12月31日, 元月1日, 12月中旬
        format!(r"{rel_year}?(?:{M}|元)月(?:{D}[日号]{day_tail}|{month_part})?"),
        // 正月初三, 腊月二十三, 正月十五晚上: a month of the lunar calendar and its day
        format!(
            r"{rel_year}?(?:正|腊)月(?:{D}[日号]{day_tail}|(?:初[一二三四五六七八九十]|{LUNAR_DAY}){day_tail}|{month_part})?"
        ),
        // 本月15日, 5日晚, 12日下午3时
        format!(r"(?P<bareday>{rel_month}?{D}日){day_tail}"),
        // 大年初一, 新年初二晚上
        format!(r"{new_year}初[一二三四五六七八九十]{day_tail}"),
        // 星期三, 上周五, 下个礼拜天
        format!(r"(?P<weekday>{WEEKDAY})"),
        // 下午5时, 清晨6时, 当日15时30分, 8时30分, 9点钟
        format!(r"(?P<clock>(?:{day_word}?{tod}|{whole_day_word})?{clock})"),
    ];
    alternatives.join("|")
}

/// Which alternative of [`date_pattern`] a match is (its named groups).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    /// `yrange`: 2021—2025年, 2018—2028.
    YearRange,
    /// A date with a year or a month (2024年7月5日, 今年6月), or a day of the new year (正月初三).
    Calendar,
    /// `bareday`: 5日, 本月15日晚.
    BareDay,
    /// `weekday`: 星期三, 上周五.
    Weekday,
    /// `clock`: 下午5时, 8时30分.
    Clock,
}

/// The matches of [`date_pattern`] in `cs` (character spans), as a regex search finds them: at
/// the first position where an alternative matches, the first such alternative (read as a
/// regex reads it, each part as long as it can be), then on from its end.
fn scan_dates(cs: &[char]) -> Vec<(Range<usize>, Form)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        match date_at(cs, i) {
            Some((end, form)) => {
                out.push((i..end, form));
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// The end and form of the first alternative of [`date_pattern`] that matches at `i`.
fn date_at(cs: &[char], i: usize) -> Option<(usize, Form)> {
    let as_form = |form| move |end| (end, form);
    year_range_at(cs, i)
        .map(as_form(Form::YearRange))
        .or_else(|| year_date_at(cs, i).map(as_form(Form::Calendar)))
        .or_else(|| month_date_at(cs, i).map(as_form(Form::Calendar)))
        .or_else(|| bare_day_at(cs, i).map(as_form(Form::BareDay)))
        .or_else(|| new_year_day_at(cs, i).map(as_form(Form::Calendar)))
        .or_else(|| weekday_at(cs, i).map(as_form(Form::Weekday)))
        .or_else(|| clock_time_at(cs, i).map(as_form(Form::Clock)))
}

/// `{Y}{SEP}{Y}年|(?:19|20)[0-9]{2}[—–\-](?:19|20)[0-9]{2}` (2021—2025年, 2018—2028).
fn year_range_at(cs: &[char], i: usize) -> Option<usize> {
    if let Some(y) = year_at(cs, i)
        && cs.get(y).is_some_and(|c| SEP_CHARS.contains(c))
        && let Some(y2) = year_at(cs, y + 1)
        && cs.get(y2) == Some(&'年')
    {
        return Some(y2 + 1);
    }
    // (?:19|20)[0-9]{2}
    let modern_year = |k: usize| {
        matches!(cs.get(k..k + 4), Some(['1', '9', a, b] | ['2', '0', a, b])
            if a.is_ascii_digit() && b.is_ascii_digit())
    };
    (modern_year(i) && matches!(cs.get(i + 4), Some('—' | '–' | '-')) && modern_year(i + 5))
        .then_some(i + 9)
}

/// The end of the year [`Y`] at `i`: four Arabic digits from 1000 to 2999, or four Chinese digits.
fn year_at(cs: &[char], i: usize) -> Option<usize> {
    let y = cs.get(i..i + 4)?;
    let arabic = matches!(y[0], '1' | '2') && y[1..].iter().all(char::is_ascii_digit);
    let chinese = y.iter().all(|&c| {
        matches!(
            c,
            '〇' | '○' | '零' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九'
        )
    });
    (arabic || chinese).then_some(i + 4)
}

/// `{Y}年(?:(?:{M}|元|正|腊)月(?:{D}[日号]{day_tail}|{MONTH_PART})?|{YEAR_PART})?`: 2024年7月5日晚,
/// 2024年7月, 1998年新年, 1998年.
fn year_date_at(cs: &[char], i: usize) -> Option<usize> {
    let y = year_at(cs, i)?;
    let k = word_at(cs, y, "年")?;
    Some(match month_at(cs, k) {
        Some(m) => after_month(cs, m),
        None => first_word_at(cs, k, &YEAR_PARTS).unwrap_or(k),
    })
}

/// `{REL_YEAR}?(?:{M}|元)月(?:{D}[日号]{day_tail}|{MONTH_PART})?`: 今年6月, 12月31日, 元月1日,
/// 12月中旬; and the lunar months, `{REL_YEAR}?(?:正|腊)月(?:{D}[日号]{day_tail}|(?:初[一-十]|
/// {LUNAR_DAY}){day_tail}|{MONTH_PART})?`: 正月初三, 腊月二十三. The two alternatives of
/// [`date_pattern`] never both match at one place, so one function reads both.
fn month_date_at(cs: &[char], i: usize) -> Option<usize> {
    let m = first_word_at(cs, i, &REL_YEARS)
        .and_then(|k| month_at(cs, k))
        .or_else(|| month_at(cs, i))?;
    if !matches!(cs[m - 2], '正' | '腊') {
        return Some(after_month(cs, m));
    }
    Some(match numeral_before(cs, m, &['日', '号'], is_day) {
        Some(stop) => day_tail(cs, stop + 1),
        None => match lunar_day_at(cs, m) {
            Some(k) => day_tail(cs, k),
            None => first_word_at(cs, m, &MONTH_PARTS).unwrap_or(m),
        },
    })
}

/// The end of `初[一二三四五六七八九十]|{LUNAR_DAY}` at `i`, read as a regex reads it.
fn lunar_day_at(cs: &[char], i: usize) -> Option<usize> {
    let digit = |k: usize| cs.get(k).is_some_and(|c| "一二三四五六七八九".contains(*c));
    match (cs.get(i)?, cs.get(i + 1)) {
        ('初', Some(c)) if "一二三四五六七八九十".contains(*c) => Some(i + 2),
        ('二', Some('十')) => Some(i + 2 + usize::from(digit(i + 2))),
        ('三', Some('十')) => Some(i + 2),
        ('十', _) => Some(i + 1 + usize::from(digit(i + 1))),
        ('廿', _) if digit(i + 1) => Some(i + 2),
        _ => None,
    }
}

/// The end of `(?:{M}|元|正|腊)月` at `i`.
fn month_at(cs: &[char], i: usize) -> Option<usize> {
    let is_month_name = |m: &[char]| is_month(m) || matches!(m, ['元' | '正' | '腊']);
    numeral_before(cs, i, &['月'], is_month_name).map(|stop| stop + 1)
}

/// The end of `(?:{D}[日号]{day_tail}|{MONTH_PART})?` after a month ending at `i`.
fn after_month(cs: &[char], i: usize) -> usize {
    match numeral_before(cs, i, &['日', '号'], is_day) {
        Some(stop) => day_tail(cs, stop + 1),
        None => first_word_at(cs, i, &MONTH_PARTS).unwrap_or(i),
    }
}

/// `(?P<bareday>{REL_MONTH}?{D}日){day_tail}`: 本月15日, 5日晚, 12日下午3时.
fn bare_day_at(cs: &[char], i: usize) -> Option<usize> {
    let day = |k| numeral_before(cs, k, &['日'], is_day);
    let stop = first_word_at(cs, i, &REL_MONTHS)
        .and_then(day)
        .or_else(|| day(i))?;
    Some(day_tail(cs, stop + 1))
}

/// The end of `day_tail`, `(?:{TOD}?(?:{clock})?)`, at `i`: the first time of day in [`TODS`]
/// written there, then a clock time, each if there is one (8日晚, 1日20时, 5日晚8时).
fn day_tail(cs: &[char], i: usize) -> usize {
    let k = first_word_at(cs, i, &TODS).unwrap_or(i);
    clock_at(cs, k).unwrap_or(k)
}

/// `(?:正月|腊月|大年|新年)初[一二三四五六七八九十]{day_tail}`: 大年初一, 新年初二晚上 (正月初三
/// is read as a month and its day first).
fn new_year_day_at(cs: &[char], i: usize) -> Option<usize> {
    let k = first_word_at(cs, i, &NEW_YEAR_WORDS)?;
    (cs.get(k) == Some(&'初')
        && cs
            .get(k + 1)
            .is_some_and(|c| "一二三四五六七八九十".contains(*c)))
    .then(|| day_tail(cs, k + 2))
}

/// [`WEEKDAY`], `(?:(?:上|下|本|这)个?)?(?:星期|礼拜|周)[一二三四五六日天]`: 星期三, 上周五, 下个礼拜天.
/// Each optional word is taken where written: without it, the next part would have to start
/// with it, and none does.
fn weekday_at(cs: &[char], i: usize) -> Option<usize> {
    let mut k = i;
    if matches!(cs.get(k), Some('上' | '下' | '本' | '这')) {
        k += 1;
        if cs.get(k) == Some(&'个') {
            k += 1;
        }
    }
    let k = first_word_at(cs, k, &["星期", "礼拜", "周"])?;
    cs.get(k)
        .is_some_and(|c| "一二三四五六日天".contains(*c))
        .then_some(k + 1)
}

/// `(?P<clock>(?:{DAY_WORD}?{TOD}|{WHOLE_DAY_WORD})?{clock})`: 下午5时, 今晚8时, 当日15时30分,
/// 8时30分, 9点钟. The words before the clock time are tried in the pattern's order: a day word
/// and a time of day, a time of day alone, a day word of two characters alone, then none.
fn clock_time_at(cs: &[char], i: usize) -> Option<usize> {
    // A day word and a time of day take four characters at most, an hour three: without 时 or
    // 点 in the next eight characters, no clock time starts here.
    if !cs[i..].iter().take(8).any(|c| matches!(c, '时' | '点')) {
        return None;
    }
    words_at(cs, i, &DAY_WORDS)
        .chain([i])
        .flat_map(|d| words_at(cs, d, &TODS))
        .find_map(|t| clock_at(cs, t))
        .or_else(|| words_at(cs, i, WHOLE_DAY_WORDS).find_map(|d| clock_at(cs, d)))
        .or_else(|| clock_at(cs, i))
}

/// The end of `clock`, `{HOUR}(?:时|点)(?:{MINUTE}分|半)?钟?`, at `i`.
fn clock_at(cs: &[char], i: usize) -> Option<usize> {
    let end = hour_minute_at(cs, i)?.end;
    Some(end + usize::from(cs.get(end) == Some(&'钟')))
}

/// An hour and its minutes, `(?P<h>{HOUR})(?:时|点)(?:(?P<mi>{MINUTE})分|(?P<half>半))?`: 8时,
/// 9点半, 十时三十分.
struct HourMinute {
    hour: Range<usize>,
    minute: Option<Range<usize>>,
    half: bool,
    end: usize,
}

fn hour_minute_at(cs: &[char], i: usize) -> Option<HourMinute> {
    let stop = numeral_before(cs, i, &['时', '点'], is_hour)?;
    let k = stop + 1;
    let (minute, half, end) = match numeral_before(cs, k, &['分'], is_minute) {
        Some(m) => (Some(k..m), false, m + 1),
        None if cs.get(k) == Some(&'半') => (None, true, k + 1),
        None => (None, false, k),
    };
    Some(HourMinute {
        hour: i..stop,
        minute,
        half,
        end,
    })
}

/// A clock time as the pattern `(?P<tod>{TOD})?(?P<h>{HOUR})(?:时|点)(?:(?P<mi>{MINUTE})分|(?P<half>半))?`
/// finds it: the time of day before it, if any, and its hour and minutes.
struct ClockTime {
    start: usize,
    tod: Option<Range<usize>>,
    time: HourMinute,
}

impl ClockTime {
    /// The first clock time in `cs`, as a regex search for the pattern finds it.
    fn find(cs: &[char]) -> Option<ClockTime> {
        (0..cs.len()).find_map(|start| {
            let with_tod = words_at(cs, start, &TODS).find_map(|t| {
                Some(ClockTime {
                    start,
                    tod: Some(start..t),
                    time: hour_minute_at(cs, t)?,
                })
            });
            with_tod.or_else(|| {
                Some(ClockTime {
                    start,
                    tod: None,
                    time: hour_minute_at(cs, start)?,
                })
            })
        })
    }
}

/// Where a numeral that `is` accepts (three characters at most) stands at `i`, closed by one of
/// `stops` (which no such numeral holds): the index of the stop. A regex reads `{M}月` so: the
/// first 月 after `i` closes the month.
fn numeral_before(
    cs: &[char],
    i: usize,
    stops: &[char],
    is: impl Fn(&[char]) -> bool,
) -> Option<usize> {
    let n = cs
        .get(i..)?
        .iter()
        .take(4)
        .position(|c| stops.contains(c))?;
    is(&cs[i..i + n]).then_some(i + n)
}

/// The runs of a paragraph a date may lie in: written in the pattern's characters, with a digit or
/// numeral (or 月, 日, 天) and a word that makes it a date (年, 月, 日, 周, 星期, 礼拜, 时, 点, 初,
/// or the dash of 2018—2028), and at least two characters long (5日, 3月).
static DATE_RUNS: LazyLock<Option<RunFilter>> = LazyLock::new(|| {
    RunFilter::new(
        &date_pattern(),
        &[
            "0123456789〇○零一二三四五六七八九十两月日天",
            "年月日号周期拜时点初—–-",
        ],
    )
});

/// The date pass's runs and the number pass's, found in one scan: the date pass leaves the
/// number pass its runs in [`Paragraph::number_runs`].
static DATE_AND_NUMBER_RUNS: LazyLock<Option<RunFilterPair<'static>>> = LazyLock::new(|| {
    Some(RunFilterPair::new(
        DATE_RUNS.as_ref()?,
        super::number::NUMBER_RUNS.as_ref()?,
    ))
});

/// Words after a numeral and 时 that make it no clock time (一时期, 战时).
fn is_time_word_after_shi(c: char) -> bool {
    matches!(
        c,
        '期' | '代' | '间' | '候' | '刻' | '节' | '事' | '光' | '尚' | '局' | '机' | '势'
    )
}

/// A date found in a run, with what the checks ask of it that depends on its text alone
/// (worked out once per distinct run, see [`RUN_MEMO`]).
struct RunMatch {
    /// Byte offsets in the run.
    start: usize,
    end: usize,
    /// Character offsets in the run.
    char_start: usize,
    char_end: usize,
    form: Form,
    /// For a clock time, whether it is one ([`clock_check`]).
    clock: Option<ClockCheck>,
    value: Option<DateValue>,
}

thread_local! {
    /// The dates found in the runs this thread has seen.
    static RUN_MEMO: RefCell<RunMemo<RunMatch>> = RefCell::default();
}

/// The dates in `run`, whose characters are `cs`; `byte_of` gives the byte offset in `run` of a
/// character offset.
fn run_matches(run: &str, cs: &[char], byte_of: impl Fn(usize) -> usize) -> Vec<RunMatch> {
    scan_dates(cs)
        .into_iter()
        .map(|(span, form)| {
            let (start, end) = (byte_of(span.start), byte_of(span.end));
            RunMatch {
                start,
                end,
                char_start: span.start,
                char_end: span.end,
                form,
                clock: (form == Form::Clock).then(|| clock_check(&cs[span.clone()])),
                value: value_of(&run[start..end]),
            }
        })
        .collect()
}

/// Find dates in the paragraph and claim their characters.
pub fn find(p: &mut Paragraph<'_>, out: &mut Vec<Mention>) {
    numeric_dates(p, out);
    let text = p.text;
    let mut prev: Option<(usize, DateValue)> = None; // end and value of the last date
    let runs = match (&*DATE_AND_NUMBER_RUNS, &*DATE_RUNS) {
        (Some(both), _) => {
            let [date, number] = both.runs(p, [2, 1]);
            p.number_runs = Some(number);
            date
        }
        (None, Some(filter)) => filter.runs(p, 2),
        (None, None) => vec![numeral::Run {
            start: 0,
            end: p.len(),
            byte_start: 0,
            byte_end: text.len(),
        }],
    };
    if runs.is_empty() {
        return;
    }
    RUN_MEMO.with_borrow_mut(|memo| {
        for run in runs {
            let hay = &text[run.byte_start..run.byte_end];
            let found = memo.matches(hay, |hay| {
                let chars = &p.chars[run.start..run.end];
                run_matches(hay, chars, |i| p.byte_of(run.start + i) - run.byte_start)
            });
            for m in found {
                let start = run.start + m.char_start;
                let mut end = run.start + m.char_end;
                // 1998年春运, 1997年秋收: a season's character opening a longer word is no part
                // of the date (its value is the year's all the same).
                if end - start >= 3
                    && matches!(p.chars[end - 1], '春' | '夏' | '秋' | '冬')
                    && p.chars[end - 2] == '年'
                    && p.tokens
                        .get(p.tokens.partition_point(|t| t.end < end))
                        .is_some_and(|t| t.start == end - 1 && t.end > end)
                {
                    end -= 1;
                }
                let before = start.checked_sub(1).map(|i| p.chars[i]);
                let after = p.chars.get(end).copied();
                // A month or day glued to more digits (12月 inside 112月) is no date, nor is 第5日.
                if before.is_some_and(|c| c.is_ascii_digit() || c == '第' || c == '.') {
                    continue;
                }
                let s = &hay[m.start..m.end];
                // Nor is an approximation read from inside a longer numeral (一二月 in 十一二月).
                if before.is_some_and(numeral::is_chinese_numeral_char)
                    && approximate_sides(s).is_some()
                {
                    continue;
                }
                // 1998年度 (a fiscal or budget year) is tagged as a number and a noun in PD, unless
                // it closes a range (2024至2025年度).
                if s.ends_with('年') && after == Some('度') && m.form != Form::YearRange {
                    continue;
                }
                if m.form == Form::BareDay && !bare_day_ok(s, before, after) {
                    continue;
                }
                if m.clock.is_some_and(|c| !c.holds(after)) {
                    continue;
                }
                let after2 = p.chars.get(end + 1).copied();
                if m.form == Form::Weekday && !weekday_ok(s, before, after, after2) {
                    continue;
                }
                // 十月革命: a revolution named after its month; 有2800年历史, 长达300年之久: an
                // amount of years (the number pass takes it), not 1997年历史题材.
                let next2 = |a: char, b: char| after == Some(a) && after2 == Some(b);
                let amount_before = matches!(before, Some('有' | '近' | '约' | '达'));
                if s.ends_with('月') && next2('革', '命')
                    || s.ends_with('年')
                        && amount_before
                        && (next2('历', '史') || next2('之', '久'))
                {
                    continue;
                }
                let Some(mut value) = m.value.clone() else {
                    continue;
                };
                if !p.is_unclaimed(start, end) {
                    continue;
                }
                // The right side of a range (12月27日至31日) takes what it leaves out from the left.
                if let Some((prev_end, prev_value)) = &prev
                    && *prev_end + 1 == start
                    && SEP_CHARS.contains(&p.chars[*prev_end])
                {
                    complete_from(&mut value, prev_value);
                }
                p.claim(start, end, EntityKind::Date);
                prev = Some((end, value.clone()));
                out.push(Mention {
                    kind: EntityKind::Date,
                    start,
                    end,
                    detail: Detail::Date(value),
                });
            }
        }
    });
    era_years(p, out);
    short_years(p, out);
}

/// Dates written in digits alone, year first, with one separator twice (2024-06-10,
/// 2024/6/10, 2024.6.10): the year is of four digits from 1900 to 2099 and the month and day
/// are valid, so an amount (1.4.3) or a fraction (2024/6) is not read so.
fn numeric_dates(p: &mut Paragraph<'_>, out: &mut Vec<Mention>) {
    let cs = &p.chars;
    let digits_at = |i: usize| cs[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut found = Vec::new();
    // Every such date has its separator four characters in; the text is searched for the
    // separators (few paragraphs have one) rather than walked.
    for b in memchr::memchr3_iter(b'-', b'/', b'.', p.text.as_bytes()) {
        let sep = char::from(p.text.as_bytes()[b]);
        let i = p.char_at_byte(b);
        let Some(y) = i.checked_sub(4) else {
            continue;
        };
        let before = y.checked_sub(1).map(|k| cs[k]);
        if digits_at(y) != 4
            || !matches!(cs[y], '1' | '2')
            || before.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '/' | '-'))
        {
            continue;
        }
        let m = i + 1;
        let ml = digits_at(m);
        if !(1..=2).contains(&ml) || cs.get(m + ml) != Some(&sep) {
            continue;
        }
        let d = m + ml + 1;
        let dl = digits_at(d);
        let end = d + dl;
        let after = cs.get(end).copied();
        let after2 = cs.get(end + 1).copied();
        if !(1..=2).contains(&dl)
            || after.is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '-'))
            || after == Some('.') && after2.is_some_and(|c| c.is_ascii_digit())
        {
            continue;
        }
        let number = |from: usize, len: usize| -> u32 {
            cs[from..from + len]
                .iter()
                .fold(0, |n, c| n * 10 + c.to_digit(10).unwrap_or(0))
        };
        let (year, month, day) = (number(y, 4), number(m, ml), number(d, dl));
        if (1900..=2099).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year as i32, month)
        {
            found.push((y, end, format!("{year:04}-{month:02}-{day:02}")));
        }
    }
    for (start, end, iso) in found {
        push_date(p, out, start, end, iso);
    }
}

/// Push a date found outside the date pattern (a year of the era, a date in digits), when no
/// pass has its characters.
fn push_date(p: &mut Paragraph<'_>, out: &mut Vec<Mention>, start: usize, end: usize, iso: String) {
    if !p.is_unclaimed(start, end) {
        return;
    }
    p.claim(start, end, EntityKind::Date);
    out.push(Mention {
        kind: EntityKind::Date,
        start,
        end,
        detail: Detail::Date(DateValue {
            iso,
            inferred: false,
        }),
    });
}

/// Years of the common era written with fewer than four digits (公元330年 → `0330`) and years
/// before it (公元前221年 → `-0220`, ISO 8601's astronomical numbering, in which 1 BC is year
/// 0). A year of the era is the number and 年; one before it keeps 公元前, which it cannot be
/// read without.
fn era_years(p: &mut Paragraph<'_>, out: &mut Vec<Mention>) {
    let mut from = 0;
    while let Some(b) = p.text[from..].find("公元") {
        let at = p.char_at_byte(from + b);
        from += b + "公元".len();
        let before_christ = p.chars.get(at + 2) == Some(&'前');
        let digits = at + 2 + usize::from(before_christ);
        let n = p.chars[digits.min(p.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        let year_end = digits + n;
        if n == 0 || n > 4 || p.chars.get(year_end) != Some(&'年') {
            continue;
        }
        let Ok(year) = p.slice(digits, year_end).parse::<i64>() else {
            continue;
        };
        if year == 0 {
            continue;
        }
        if before_christ {
            // 1 BC is year 0 (0000), 2 BC is -0001.
            let iso = if year == 1 {
                "0000".to_string()
            } else {
                format!("-{:04}", year - 1)
            };
            push_date(p, out, at, year_end + 1, iso);
        } else if n < 4 {
            push_date(p, out, digits, year_end + 1, format!("{year:04}"));
        }
    }
}

/// A year of the last century written with its last two Chinese digits (九七年 → `1997`,
/// 五八年 → `1958`). Two digits in a row (七八年) are an amount of years, seven or eight, and
/// 八〇年代 is a decade; the first digit is five to nine, as news writes such years.
fn short_years(p: &mut Paragraph<'_>, out: &mut Vec<Mention>) {
    let mut from = 0;
    while let Some(b) = p.text[from..].find('年') {
        let at = p.char_at_byte(from + b);
        from += b + '年'.len_utf8();
        if at < 2 {
            continue;
        }
        let (a, c) = (p.chars[at - 2], p.chars[at - 1]);
        if a.is_ascii_digit() || c.is_ascii_digit() {
            continue;
        }
        let (Some(tens), Some(ones)) = (numeral::digit_value(a), numeral::digit_value(c)) else {
            continue;
        };
        let before = at.checked_sub(3).map(|i| p.chars[i]);
        if !(5..=9).contains(&tens)
            || ones == tens + 1
            || before.is_some_and(|x| numeral::is_chinese_numeral_char(x) || x.is_ascii_digit())
            || matches!(p.chars.get(at + 1), Some('代' | '级'))
        {
            continue;
        }
        push_date(p, out, at - 2, at + 1, format!("19{tens}{ones}"));
    }
}

const SEP_CHARS: [char; 7] = ['—', '–', '-', '~', '～', '至', '到'];

/// A day written without its month (5日, 十三日) is a date unless it reads as something else:
/// 30日元 (yen), 5日游 (a tour), 有一日 (one day).
fn bare_day_ok(s: &str, before: Option<char>, after: Option<char>) -> bool {
    if after.is_some_and(|c| matches!(c, '元' | '游' | '内' | '之')) {
        return false;
    }
    if s.starts_with(|c: char| c.is_ascii_digit()) || s.starts_with(['本', '上', '下']) {
        return true;
    }
    // Chinese numerals: 十三日 and 二十日 are dates; a one-character 一日 only where a day fits
    // (一日晚, 俄罗斯一日发表).
    let day_chars = s.chars().take_while(|&c| c != '日').count();
    if before.is_some_and(|c| {
        numeral::is_chinese_numeral_char(c)
            || matches!(
                c,
                '每' | '同'
                    | '某'
                    | '这'
                    | '那'
                    | '有'
                    | '数'
                    | '几'
                    | '前'
                    | '后'
                    | '一'
                    | '整'
                    | '如'
                    | '复'
                    | '第'
                    | '半'
                    | '终'
                    | '逐'
                    | '隔'
                    | '近'
            )
    }) {
        return false;
    }
    // 。一日，…: "one day" opening a story; a day stands after who acted (警方一日已逮捕).
    // Other days of one character stand anywhere before what tells a date (，三日晚, 》十日报道).
    if day_chars == 1 && !before.is_some_and(normalize::is_han) && s.starts_with('一') {
        return false;
    }
    day_chars >= 2 && !s.starts_with('十') || s.chars().count() > day_chars + 1 || {
        let next = after.unwrap_or(' ');
        matches!(
            next,
            '电' | '起'
                | '在'
                | '晚'
                | '上'
                | '下'
                | '凌'
                | '清'
                | '早'
                | '发'
                | '宣'
                | '举'
                | '至'
                | '到'
                | '，'
                | ','
                | '—'
                | '报'
                | '对'
                | '把'
                | '已'
                | '表'
                | '称'
                | '说'
                | '向'
                | '抵'
                | '离'
                | '访'
                | '致'
                | '签'
                | '正'
                | '将'
                | '召'
                | '决'
                | '批'
                | '提'
                | '派'
        ) || (s.starts_with('十') && day_chars == 2)
    }
}

/// A day of the week is a date unless it is a habit (每周一) or a bare 周X reads on into a name
/// (周三元, 上周天气): after 周 with no 星期 or week word before it, or 周天 after one, only
/// punctuation, a time of day or the end may follow.
fn weekday_ok(s: &str, before: Option<char>, after: Option<char>, after2: Option<char>) -> bool {
    if before == Some('每') {
        return false;
    }
    // 上周天气: 周天 with a week word before it reads on into a word too.
    let bare = s.starts_with('周') || s.len() > "周天".len() && s.ends_with("周天");
    if !bare {
        return true;
    }
    // 周一清晨, not 周一清 (a name): a part of the day that takes two characters needs both.
    let two = |a: char, b: char| after == Some(a) && after2 == Some(b);
    match after {
        Some('清') => two('清', '晨'),
        Some('凌') => two('凌', '晨'),
        Some('傍') => two('傍', '晚'),
        _ => after.is_none_or(|c| !normalize::is_han(c) || "上下中晚早夜午".contains(c)),
    }
}

/// The day of the week of a weekday mention, Monday 1 to Sunday 7, and the weeks it lies from
/// the anchor's week (上周 −1, 下周 +1).
fn weekday_of(text: &str) -> Option<(u32, i64)> {
    let rest = text.trim_start_matches(['上', '下', '本', '这', '个']);
    let week = if text.starts_with('上') {
        -1
    } else if text.starts_with('下') {
        1
    } else {
        0
    };
    let day = rest
        .strip_prefix("星期")
        .or_else(|| rest.strip_prefix("礼拜"))
        .or_else(|| rest.strip_prefix('周'))?;
    let n = match day.chars().next()? {
        '日' | '天' => 7,
        c => num(&c.to_string())?,
    };
    (day.chars().count() == 1 && (1..=7).contains(&n)).then_some((n, week))
}

/// Whether a clock time is one, from its text ([`clock_check`]) and the character after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ClockCheck {
    No,
    Yes,
    /// Yes, unless a word follows that makes the numeral and 时 something else (一时期, 战时).
    UnlessTimeWord,
}

impl ClockCheck {
    fn holds(self, after: Option<char>) -> bool {
        match self {
            ClockCheck::No => false,
            ClockCheck::Yes => true,
            ClockCheck::UnlessTimeWord => !after.is_some_and(is_time_word_after_shi),
        }
    }
}

/// A clock time needs a digit written in Arabic, two Chinese numerals, a time of day before it,
/// or minutes; 点 (also "point") needs a time of day, minutes, 半 or 钟; without minutes, no word
/// like 期 may follow 时.
fn clock_check(s: &[char]) -> ClockCheck {
    let Some(c) = ClockTime::find(s) else {
        return ClockCheck::No;
    };
    let has_tod = c.tod.is_some() || c.time.end - c.start < s.len();
    let has_minutes = c.time.minute.is_some() || c.time.half || s.last() == Some(&'钟');
    let yes = |ok: bool| if ok { ClockCheck::Yes } else { ClockCheck::No };
    if s.contains(&'点') {
        return yes(has_tod || has_minutes);
    }
    let h = &s[c.time.hour];
    if !(has_tod || has_minutes || h[0].is_ascii_digit() || h.len() >= 2) {
        return ClockCheck::No;
    }
    if has_minutes {
        ClockCheck::Yes
    } else {
        ClockCheck::UnlessTimeWord
    }
}

/// Fill the year, month (and day) that the right side of a range leaves out from its left side.
fn complete_from(value: &mut DateValue, left: &DateValue) {
    let (l, r) = (Ymd::from_iso(&left.iso), Ymd::from_iso(&value.iso));
    if r.year.is_some() || (r.month.is_none() && r.day.is_none()) {
        return;
    }
    let mut filled = r;
    filled.year = l.year;
    if r.month.is_none() {
        filled.month = l.month;
    }
    if filled.month.is_none() {
        return;
    }
    value.iso = filled.iso() + time_suffix(&value.iso);
    value.inferred = left.inferred;
}

fn time_suffix(iso: &str) -> &str {
    iso.find('T').map_or("", |i| &iso[i..])
}

/// One side of a date: year, month and day as written (any may be missing).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Ymd {
    year: Option<u32>,
    month: Option<u32>,
    day: Option<u32>,
}

impl Ymd {
    fn iso(self) -> String {
        match (self.year, self.month, self.day) {
            (Some(y), Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
            (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
            (Some(y), None, _) => format!("{y:04}"),
            (None, Some(m), Some(d)) => format!("--{m:02}-{d:02}"),
            (None, Some(m), None) => format!("--{m:02}"),
            (None, None, Some(d)) => format!("---{d:02}"),
            (None, None, None) => String::new(),
        }
    }

    /// Read back a value made by [`Ymd::iso`] (a time after `T` is ignored).
    fn from_iso(iso: &str) -> Ymd {
        let date = iso.split('T').next().unwrap_or("");
        let num = |s: &str| s.parse::<u32>().ok();
        if let Some(d) = date.strip_prefix("---") {
            return Ymd {
                day: num(d),
                ..Ymd::default()
            };
        }
        if let Some(md) = date.strip_prefix("--") {
            let mut it = md.split('-');
            return Ymd {
                year: None,
                month: it.next().and_then(num),
                day: it.next().and_then(num),
            };
        }
        let mut it = date.split('-');
        Ymd {
            year: it.next().and_then(num),
            month: it.next().and_then(num),
            day: it.next().and_then(num),
        }
    }
}

fn num(s: &str) -> Option<u32> {
    numeral::parse(s)
        .filter(|v| *v >= 0.0 && *v < 100_000.0)
        .map(|v| v as u32)
}

/// The parts of one side of a date as written, read the way the pattern
/// `^(?:{REL_YEAR})?(?:({Y})年?)?(?:({M}|元)月)?(?:{REL_MONTH}?({D})[日号])?(.*)$` reads them
/// (the test `sides_read_as_the_pattern_reads_them` holds them to it): each part is optional
/// and what follows always matches, so each part is taken wherever it can be, and a month or
/// day, written in numerals only, is the text before the first 月 or the first 日 or 号.
#[derive(Debug, PartialEq, Eq)]
struct Side<'t> {
    year: Option<&'t str>,
    month: Option<&'t str>,
    day: Option<&'t str>,
    rest: &'t str,
}

impl<'t> Side<'t> {
    /// `None` where the pattern finds no match: only when `s` holds a line break.
    fn read(s: &'t str) -> Option<Self> {
        if s.contains('\n') {
            return None;
        }
        let chars = |s: &str| s.chars().collect::<Vec<char>>();
        let mut t = REL_YEARS
            .iter()
            .find_map(|w| s.strip_prefix(w))
            .unwrap_or(s);
        let head: Vec<char> = t.chars().take(4).collect();
        let year = year_at(&head, 0).map(|y| &t[..head[..y].iter().map(|c| c.len_utf8()).sum()]);
        if let Some(y) = year {
            t = &t[y.len()..];
            t = t.strip_prefix('年').unwrap_or(t);
        }
        let mut month = None;
        if let Some((m, after)) = t.split_once('月')
            && (m == "元" || is_month(&chars(m)))
        {
            month = Some(m);
            t = after;
        }
        let after_rel = REL_MONTHS
            .iter()
            .find_map(|w| t.strip_prefix(w))
            .unwrap_or(t);
        let mut day = None;
        if let Some((d, after)) = after_rel.split_once(['日', '号'])
            && is_day(&chars(d))
        {
            day = Some(d);
            t = after;
        }
        Some(Side {
            year,
            month,
            day,
            rest: t,
        })
    }
}

/// Whether `m` is a month as [`M`] writes it.
fn is_month(m: &[char]) -> bool {
    matches!(
        m,
        ['1'..='9'] | ['0', '1'..='9'] | ['1', '0'..='2'] | ['十'] | ['十', '一' | '二']
    ) || is_one_to_nine(m)
        || is_approximate_pair(m) && !m.contains(&'两')
}

/// Whether `s` is two Chinese numerals next to each other that write an approximation, one or
/// the other (二三, 四五, 九十, 一两, 两三).
fn is_approximate_pair(s: &[char]) -> bool {
    const ORDER: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
    let &[a, b] = s else {
        return false;
    };
    let at = |c: char| {
        ORDER
            .iter()
            .position(|&o| o == if c == '两' { '二' } else { c })
    };
    let consecutive = matches!((at(a), at(b)), (Some(x), Some(y)) if x + 1 == y);
    // 两 stands for 二 only in 一两 and 两三.
    let liang = match (a, b) {
        ('一', '两') | ('两', '三') => true,
        _ => a != '两' && b != '两',
    };
    consecutive && liang
}

/// Whether `d` is a day as [`D`] writes it.
fn is_day(d: &[char]) -> bool {
    matches!(
        d,
        ['1'..='9']
            | ['0', '1'..='9']
            | ['1' | '2', '0'..='9']
            | ['3', '0' | '1']
            | ['十']
            | ['二' | '三', '十']
            | ['三', '十', '一']
    ) || is_one_to_nine(d)
        || matches!(d, ['十', rest @ ..] | ['二', '十', rest @ ..] if is_one_to_nine(rest))
}

/// Whether `h` is an hour as [`HOUR`] writes it.
fn is_hour(h: &[char]) -> bool {
    matches!(
        h,
        ['0'..='9']
            | ['0' | '1', '0'..='9']
            | ['2', '0'..='4']
            | ['二', '十']
            | ['二', '十', '一' | '二' | '三' | '四']
            | ['十']
            | ['〇' | '零' | '两']
    ) || is_one_to_nine(h)
        || matches!(h, ['十', rest @ ..] if is_one_to_nine(rest))
        || is_approximate_pair(h)
}

/// Whether `m` is a minute as [`MINUTE`] writes it.
fn is_minute(m: &[char]) -> bool {
    matches!(
        m,
        ['0'..='9'] | ['0'..='5', '0'..='9'] | ['二' | '三' | '四' | '五', '十'] | ['十']
    ) || is_one_to_nine(m)
        || matches!(m, ['十', rest @ ..] | ['二' | '三' | '四' | '五', '十', rest @ ..] if is_one_to_nine(rest))
}

/// Whether `s` is one of the Chinese digits 一 to 九.
fn is_one_to_nine(s: &[char]) -> bool {
    matches!(
        s,
        ['一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九']
    )
}

/// Year, month, day and clock time (`Thh:mm`) of one side of a date.
fn parse_side(s: &str) -> Option<(Ymd, String)> {
    let side = Side::read(s)?;
    let month = match side.month {
        Some("元") => Some(1),
        Some(m) => Some(num(m)?),
        None => None,
    };
    let ymd = Ymd {
        year: match side.year {
            Some(y) => Some(num(y)?),
            None => None,
        },
        month,
        day: match side.day {
            Some(d) => Some(num(d)?),
            None => None,
        },
    };
    let mut time = String::new();
    let rest: Vec<char> = side.rest.chars().collect();
    if let Some(k) = ClockTime::find(&rest) {
        let text = |r: Range<usize>| rest[r].iter().collect::<String>();
        // The time of day, or what stands before the hour.
        let tod = text(k.tod.unwrap_or(0..k.start));
        let mut hour = num(&text(k.time.hour))?;
        let minute = match (k.time.minute, k.time.half) {
            (Some(mi), _) => num(&text(mi))?,
            (None, true) => 30,
            _ => 0,
        };
        let afternoon = tod.contains('午') && !tod.contains('上') && !tod.contains('中')
            || tod.contains('晚')
            || tod.contains('傍')
            || tod.contains('夜') && !tod.contains("午夜") && !tod.contains("子夜");
        // Small hours of the night are the morning's (深夜一点, 夜里2时).
        let small_hours = tod.contains('夜') && hour <= 5;
        if afternoon && hour < 12 && !small_hours {
            hour += 12;
        }
        if hour > 24 || minute > 59 {
            return None;
        }
        time = format!("T{hour:02}:{minute:02}");
    }
    Some((ymd, time))
}

/// The ISO value of a date as written; `None` when the parts are out of range.
///
/// ```
/// use corpus_cli::extract::date::value_of;
/// assert_eq!(value_of("2024年7月5日").unwrap().iso, "2024-07-05");
/// assert_eq!(value_of("一九九七年十二月三十一日").unwrap().iso, "1997-12-31");
/// assert_eq!(value_of("2021—2025年").unwrap().iso, "2021/2025");
/// assert_eq!(value_of("2024年6月10日至13日").unwrap().iso, "2024-06-10/2024-06-13");
/// assert_eq!(value_of("7月4日").unwrap().iso, "--07-04");
/// assert_eq!(value_of("5日晚8时").unwrap().iso, "---05T20:00");
/// ```
pub fn value_of(text: &str) -> Option<DateValue> {
    // A day of the lunar calendar has no ISO 8601 form: its value is left empty.
    if is_lunar(text) {
        return Some(DateValue {
            iso: String::new(),
            inferred: false,
        });
    }
    // An approximation (四五月份, 凌晨两三时) is the range from the one to the other.
    if let Some((one, other)) = approximate_sides(text) {
        let (a, b) = (value_of(&one)?, value_of(&other)?);
        return Some(DateValue {
            iso: format!("{}/{}", a.iso, b.iso),
            inferred: false,
        });
    }
    // A day of the week (ISO 8601's truncated week date: -W-3 is Wednesday); its week is
    // found against the anchor date ([`resolve_relative`]).
    if let Some((day, _)) = weekday_of(text) {
        return Some(DateValue {
            iso: format!("-W-{day}"),
            inferred: false,
        });
    }
    let split = text
        .char_indices()
        .skip(1)
        .find(|(_, c)| SEP_CHARS.contains(c));
    let (left, right) = match split {
        Some((i, c)) => (&text[..i], Some(&text[i + c.len_utf8()..])),
        None => (text, None),
    };
    let (a, time_a) = parse_side(left)?;
    if a == Ymd::default() && time_a.is_empty() {
        return None;
    }
    valid(a)?;
    let iso = match right {
        Some(r) => {
            let (mut b, time_b) = parse_side(r)?;
            valid(b)?;
            if b == Ymd::default() {
                return None;
            }
            if b.year.is_none() && a.year.is_some() {
                b.year = a.year;
                if b.month.is_none() {
                    b.month = a.month;
                }
            }
            if b.month.is_none() && b.day.is_some() {
                b.month = a.month;
            }
            format!("{}{time_a}/{}{time_b}", a.iso(), b.iso())
        }
        None => a.iso() + &time_a,
    };
    Some(DateValue {
        iso,
        inferred: false,
    })
}

/// Whether `text` is a date of the lunar calendar: 正月初三, 腊月二十三, 大年初一 (a year before
/// it, 1998年正月, keeps the year's value).
fn is_lunar(text: &str) -> bool {
    let t = REL_YEARS
        .iter()
        .find_map(|w| text.strip_prefix(w))
        .unwrap_or(text);
    t.starts_with("正月")
        || t.starts_with("腊月")
        || NEW_YEAR_WORDS
            .iter()
            .any(|w| t.strip_prefix(w).is_some_and(|rest| rest.starts_with('初')))
}

/// The two dates an approximation of a month or an hour stands for: 四五月份 → 四月份 and 五月份.
fn approximate_sides(text: &str) -> Option<(String, String)> {
    let cs: Vec<char> = text.chars().collect();
    let k = (0..cs.len().saturating_sub(2)).find(|&k| {
        matches!(cs[k + 2], '月' | '时' | '点')
            && is_approximate_pair(&cs[k..k + 2])
            && (k == 0 || !numeral::is_chinese_numeral_char(cs[k - 1]))
    })?;
    let without = |skip: usize| -> String {
        cs.iter()
            .enumerate()
            .filter(|&(i, _)| i != skip)
            .map(|(_, c)| c)
            .collect()
    };
    Some((without(k + 1), without(k)))
}

fn valid(d: Ymd) -> Option<()> {
    if d.month.is_some_and(|m| !(1..=12).contains(&m))
        || d.day.is_some_and(|x| !(1..=31).contains(&x))
    {
        return None;
    }
    Some(())
}

/// Fill in the year of dates written without one (7月4日, 今年6月) from `anchor_year`, the year
/// the document's context gives; relative years (去年, 明年) count from it. Values that get a
/// year this way are marked inferred. A day written without its month (5日) keeps its value.
pub fn infer_year(text: &str, value: &mut DateValue, anchor_year: Option<u32>) {
    let Some(anchor) = anchor_year else {
        return;
    };
    if !value.iso.starts_with("--") || value.iso.starts_with("---") {
        return;
    }
    let offset: i32 = if text.starts_with("去年") {
        -1
    } else if text.starts_with("前年") {
        -2
    } else if text.starts_with("明年") || text.starts_with("来年") {
        1
    } else if text.starts_with("后年") {
        2
    } else {
        0
    };
    let year = anchor as i32 + offset;
    let fill = |part: &str| -> String {
        match part.strip_prefix("--") {
            Some(rest) if !rest.starts_with('-') => format!("{year:04}-{rest}"),
            _ => part.to_string(),
        }
    };
    value.iso = value.iso.split('/').map(fill).collect::<Vec<_>>().join("/");
    value.inferred = true;
}

/// Resolve a date counted from the anchor date `anchor` (year, month, day; day 0 when only
/// the month is known), the way [`infer_year`] resolves 今年 and 去年: a day of 本月, 上月 or
/// 下月 (本月15日, 上月20日) takes the anchor's month, the one before or the one after; a day of
/// the week needs the anchor's day: 上周三, 本周五 and 下周一 lie in the week (Monday to Sunday)
/// before, of or after the anchor's, and a bare 星期三 on the nearest such day, three days
/// either way at most (a report speaks of the days around it). Returns whether the value was
/// resolved (and marked inferred).
pub fn resolve_relative(text: &str, value: &mut DateValue, anchor: (i32, u32, u32)) -> bool {
    let (year, month, day) = anchor;
    if !(1..=12).contains(&month) {
        return false;
    }
    let resolved = if let Some((weekday, week)) = weekday_of(text) {
        if !(1..=31).contains(&day) {
            return false;
        }
        let at = days_from_civil(year, month, day);
        // Monday 1 … Sunday 7 of the anchor (1970-01-01 was a Thursday).
        let anchor_weekday = (at + 3).rem_euclid(7) + 1;
        let diff = weekday as i64 - anchor_weekday;
        let offset = if text.starts_with(['上', '下', '本', '这']) {
            diff + 7 * week
        } else {
            // The nearest such day: −3 … +3 days.
            (diff + 3).rem_euclid(7) - 3
        };
        civil_from_days(at + offset)
    } else {
        let shift: i32 = if text.starts_with("上月") {
            -1
        } else if text.starts_with("下月") {
            1
        } else if text.starts_with("本月") {
            0
        } else {
            return false;
        };
        let Some(d) = value
            .iso
            .strip_prefix("---")
            .and_then(|d| d.get(..2)?.parse::<u32>().ok())
        else {
            return false;
        };
        let months = year * 12 + month as i32 - 1 + shift;
        let (y, m) = (months.div_euclid(12), months.rem_euclid(12) as u32 + 1);
        if d > days_in_month(y, m) {
            return false;
        }
        (y, m, d)
    };
    let time = value.iso.find('T').map_or("", |t| &value.iso[t..]);
    let (y, m, d) = resolved;
    value.iso = format!("{y:04}-{m:02}-{d:02}{time}");
    value.inferred = true;
    true
}

/// Days since 1970-01-01 of a date of the proleptic Gregorian calendar.
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (i64::from(m) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `days` after 1970-01-01.
fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((yoe + era * 400 + i64::from(m <= 2)) as i32, m, d)
}

fn days_in_month(y: i32, m: u32) -> u32 {
    let next = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    (days_from_civil(next.0, next.1, 1) - days_from_civil(y, m, 1)) as u32
}

/// The year of a date value that has one written (`2024-07-05` → 2024).
pub fn year_of(value: &DateValue) -> Option<u32> {
    if value.inferred || value.iso.starts_with('-') || value.iso.starts_with('T') {
        return None;
    }
    value.iso.get(..4)?.parse().ok()
}
#[cfg(test)]
mod tests {
    use super::super::{EntityKind, texts_of};
    use super::*;
    use regex::Regex;

    /// The date pattern as a regex: [`scan_dates`] finds its matches.
    static DATE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&date_pattern()).expect("date regex"));

    /// The pattern [`ClockTime::find`] finds.
    static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?P<tod>{})?(?P<h>{HOUR})(?:时|点)(?:(?P<mi>{MINUTE})分|(?P<half>半))?",
            alternation(&TODS)
        ))
        .expect("clock regex")
    });

    /// Byte spans of matches.
    type Spans = Vec<(usize, usize)>;

    /// The date matches found in the runs [`DATE_RUNS`] picks, and in the whole text.
    fn matches_both_ways(text: &str) -> (Spans, Spans) {
        let p = Paragraph::new(text, &[]);
        let whole = DATE.find_iter(text).map(|m| (m.start(), m.end())).collect();
        let filter = DATE_RUNS
            .as_ref()
            .expect("the date pattern's characters are known");
        let mut in_runs = Vec::new();
        for run in filter.runs(&p, 2) {
            let hay = &text[run.byte_start..run.byte_end];
            in_runs.extend(
                DATE.find_iter(hay)
                    .map(|m| (run.byte_start + m.start(), run.byte_start + m.end())),
            );
        }
        (whole, in_runs)
    }

    #[test]
    fn searching_runs_finds_what_the_whole_text_holds() {
        let page = include_str!("../../fixtures/news-page.txt");
        let forms = "2021—2025年，2018-2028，今年6月，星期三上午9时，正月初三，12月27日至31日，\
                     下个礼拜天，5日晚8时30分，一九九七年十二月三十一日，元月1日，腊月，9点钟";
        for line in page.lines().chain([forms]) {
            let folded = crate::normalize::fold(line);
            let (whole, in_runs) = matches_both_ways(&folded);
            assert_eq!(whole, in_runs, "{line}");
        }
        // Every form above is found (ranges as two dates or one).
        assert!(matches_both_ways(forms).1.len() >= 12);
    }

    /// The runs of one scan for both passes are those of each pass's own scan.
    fn assert_pair_agrees(text: &str) {
        let p = Paragraph::new(text, &[]);
        let both = DATE_AND_NUMBER_RUNS
            .as_ref()
            .expect("both alphabets are known");
        let number = super::super::number::NUMBER_RUNS
            .as_ref()
            .expect("the number pattern's characters are known");
        let date = DATE_RUNS
            .as_ref()
            .expect("the date pattern's characters are known");
        assert_eq!(
            both.runs(&p, [2, 1]),
            [date.runs(&p, 2), number.runs(&p, 1)],
            "{text}"
        );
    }

    #[test]
    fn one_scan_finds_both_passes_runs() {
        let page = include_str!("../../fixtures/news-page.txt");
        for line in page
            .lines()
            .chain(["", "5", "2024年6月10日至13日，约1.4万家", "第二十四次"])
        {
            assert_pair_agrees(&crate::normalize::fold(line));
        }
    }

    proptest::proptest! {
        #[test]
        fn one_scan_finds_both_passes_runs_anywhere(s in "[0-9.%一二三四五六七八九十百万年月日号时点至—今本上下周星期初元份第之分 ，的是为国a]{0,30}") {
            assert_pair_agrees(&s);
        }
    }

    #[test]
    fn a_run_seen_before_is_checked_in_its_own_context() {
        for _ in 0..2 {
            assert_eq!(dates("会议于5日开幕。"), ["5日"]);
            assert!(dates("比赛第5日结束。").is_empty());
            assert!(dates("这是一时期的事").is_empty());
            assert_eq!(dates("下午3时开会"), ["下午3时"]);
        }
    }

    proptest::proptest! {
        #[test]
        fn runs_hold_every_date(s in "[0-9一二三四五六七八九十〇○两年月日号时分点半钟至到—\\-~今去明本上下个周星期礼拜天初正腊元大新春午晚早夜份旬 ，的是为]{0,30}") {
            let (whole, in_runs) = matches_both_ways(&s);
            proptest::prop_assert_eq!(whole, in_runs);
        }
    }

    fn dates(text: &str) -> Vec<String> {
        texts_of(text, EntityKind::Date)
    }

    #[test]
    fn a_day_word_before_a_clock_time() {
        assert_eq!(dates("当日15时30分左右，派出所接到报案"), ["当日15时30分"]);
        // A day word of one character stands only before a time of day (今晚8时).
        assert_eq!(dates("每当3点钟声响起"), ["3点钟"]);
    }

    #[test]
    fn a_season_opening_a_longer_word_is_no_part_of_the_date() {
        assert_eq!(dates("1998年春运，铁路预计发送旅客"), ["1998年"]);
        assert_eq!(dates("1998年春，铁路预计发送旅客"), ["1998年春"]);
        assert_eq!(dates("1994年国庆节，百名劳模晋京"), ["1994年国庆节"]);
    }

    #[test]
    fn dates_in_digits_alone() {
        let found = super::super::run_pass(
            "2024-06-10发布，2024/6/1更新，２０２４．１２．３１截止。",
            find,
        );
        let values: Vec<&str> = found
            .iter()
            .map(|m| match &m.detail {
                Detail::Date(v) => v.iso.as_str(),
                _ => "",
            })
            .collect();
        assert_eq!(values, ["2024-06-10", "2024-06-01", "2024-12-31"]);
        // No month 13, no 30 February, no version number or address, no fraction.
        for text in [
            "2024-13-01",
            "1998.2.30",
            "版本1.4.3",
            "地址10.2024.1.5",
            "比分2024/6",
            "型号X2024-6-1",
        ] {
            assert!(dates(text).is_empty(), "{text}: {:?}", dates(text));
        }
    }

    #[test]
    fn a_day_in_chinese_numerals_after_who_acted() {
        assert_eq!(dates("尼日尔通讯社二日报道说"), ["二日"]);
        assert_eq!(dates("美国政府八日把总部移交"), ["八日"]);
        assert!(dates("艰苦奋斗几十年如一日").is_empty());
        assert!(dates("年复一年，日复一日").is_empty());
    }

    #[test]
    fn finds_common_forms() {
        assert_eq!(dates("新华社阿斯塔纳2024年7月5日电"), ["2024年7月5日"]);
        assert_eq!(
            dates("（一九九七年十二月三十一日）"),
            ["一九九七年十二月三十一日"]
        );
        assert_eq!(dates("１２月３１日，江泽民发表讲话"), ["１２月３１日"]);
        assert_eq!(
            dates("会议于2024年6月10日至13日举行"),
            ["2024年6月10日", "13日"]
        );
        assert_eq!(dates("《规划（2021—2025年）》"), ["2021—2025年"]);
        assert_eq!(dates("今年6月，双方签署协议"), ["今年6月"]);
        assert_eq!(dates("2022年年底前完成"), ["2022年年底"]);
    }

    #[test]
    fn people_s_daily_forms() {
        assert_eq!(dates("江泽民５日在北京会见外宾"), ["５日"]);
        assert_eq!(dates("叶利钦8日晚发表讲话"), ["8日晚"]);
        assert_eq!(dates("上午9时10分，国旗升起"), ["上午9时10分"]);
        assert_eq!(dates("12月份,降雪持续"), ["12月份"]);
        assert_eq!(dates("发表1998年新年讲话"), ["1998年新年"]);
        assert_eq!(dates("元月1日,全国政协举行茶话会"), ["元月1日"]);
        assert_eq!(dates("截至1997年底,共有"), ["1997年"]);
        assert_eq!(dates("1998年至2000年的会费"), ["1998年", "2000年"]);
        assert_eq!(dates("12月27日至31日,温家宝在贵州"), ["12月27日", "31日"]);
        assert_eq!(dates("二○○二年建成"), ["二○○二年"]);
    }

    #[test]
    fn words_that_look_like_times_are_not_dates() {
        assert!(dates("他一时难以回答").is_empty());
        assert!(dates("提出五点建议").is_empty());
        assert!(dates("换成30日元").is_empty());
        assert!(dates("1998年度预算").is_empty());
    }

    /// Spans in characters on forms where a match's characters and bytes differ and where it
    /// does not start its run.
    #[test]
    fn spans_in_characters() {
        let spans = |text: &str| -> Vec<(usize, usize, String)> {
            crate::extract::run_pass(text, find)
                .iter()
                .map(|m| match &m.detail {
                    Detail::Date(v) => (m.start, m.end, v.iso.clone()),
                    _ => unreachable!("a date pass mention"),
                })
                .collect()
        };
        assert_eq!(
            spans("会议于2024年6月10日至13日举行"),
            [
                (3, 13, "2024-06-10".to_string()),
                (14, 17, "2024-06-13".to_string())
            ]
        );
        assert_eq!(
            spans("（一九九八年一月五日）"),
            [(1, 10, "1998-01-05".to_string())]
        );
        assert_eq!(spans("１２月３１日晚"), [(0, 7, "--12-31".to_string())]);
    }

    #[test]
    fn split_range_takes_month_from_left() {
        let isos: Vec<String> = crate::extract::run_pass("12月27日至31日", find)
            .iter()
            .map(|m| match &m.detail {
                Detail::Date(v) => v.iso.clone(),
                _ => String::new(),
            })
            .collect();
        assert_eq!(isos, ["--12-27", "--12-31"]);
    }

    #[test]
    fn a_day_of_one_chinese_digit_after_punctuation() {
        assert_eq!(dates("据当地报纸》十日报道，洪水退去"), ["十日"]);
        assert_eq!(dates("示威者，五日晚聚集在广场"), ["五日晚"]);
        // "One day" opening a story is no date.
        assert!(dates("，一日，我到集市上去").is_empty());
    }

    #[test]
    fn years_of_the_era_and_before_it() {
        assert_eq!(dates("公元330年，罗马帝国迁都"), ["330年"]);
        assert_eq!(dates("自公元前221年起"), ["公元前221年"]);
        let values = super::super::run_pass("公元前221年，公元330年，公元1997年", find)
            .into_iter()
            .map(|m| match m.detail {
                Detail::Date(v) => v.iso,
                _ => String::new(),
            })
            .collect::<Vec<_>>();
        assert_eq!(values, ["1997", "-0220", "0330"]);
    }

    #[test]
    fn years_written_with_their_last_two_chinese_digits() {
        assert_eq!(dates("九七年主题性美术创作"), ["九七年"]);
        assert_eq!(dates("五八年大炼钢铁"), ["五八年"]);
        // Two digits in a row are an amount of years; a decade is no year.
        assert!(dates("他干了七八年").is_empty());
        assert!(dates("八〇年代的青年").is_empty());
    }

    #[test]
    fn words_that_only_open_like_dates() {
        // A revolution named after its month.
        assert!(dates("俄国二月革命以后").is_empty());
        // A name opening with 周一 (周一凌), not Monday; 周一凌晨 is Monday.
        assert!(dates("上级又派来周一凌、王涛等干部").is_empty());
        assert_eq!(dates("周一清晨，他出发了"), ["周一"]);
        // An amount of years: 有300年历史; a year before 历史 is still a year.
        assert!(dates("这座古城已有1500年历史").is_empty());
        assert_eq!(dates("1997年历史题材的作品"), ["1997年"]);
    }

    #[test]
    fn amounts_of_time_are_not_dates() {
        assert!(dates("上海合作组织成立23年后").is_empty());
        assert!(dates("10年来，两国关系发展").is_empty());
    }

    /// The pattern [`Side::read`] reads a side of a date as.
    static SIDE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^(?P<rel>{})?(?:(?P<y>{Y})年?)?(?:(?P<m>{M}|元)月)?(?:{}?(?P<d>{D})[日号])?(?P<rest>.*)$",
            alternation(&REL_YEARS),
            alternation(&REL_MONTHS),
        ))
        .expect("date side regex")
    });

    fn side_by_pattern(s: &str) -> Option<Side<'_>> {
        let c = SIDE.captures(s)?;
        let group = |name| c.name(name).map(|g| g.as_str());
        Some(Side {
            year: group("y"),
            month: group("m"),
            day: group("d"),
            rest: group("rest").expect("rest"),
        })
    }

    #[test]
    fn sides_read_as_the_pattern_reads_them() {
        for s in [
            "",
            "2024年7月5日",
            "一九九七年十二月三十一日",
            "二○○二年",
            "2024",
            "今年6月",
            "去年十月二十日晚8时",
            "元月1日",
            "正月初三",
            "本月15日",
            "上月二十九号",
            "上月32日",
            "13月",
            "12月份",
            "1日20时",
            "下午5时",
            "三十一日",
            "三十二日",
            "十月十日",
            "01月09日",
            "199年",
            "1998年年底",
            "一九九八",
            "一九九",
            "a\nb",
            "5日\n",
        ] {
            assert_eq!(Side::read(s), side_by_pattern(s), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn sides_read_as_the_pattern_reads_them_anywhere(s in "(今年|去年|当年|本月|上月|下月)?[0-9〇○零一二三四五六七八九十年月日号元本上下午晚时分点半正初\n]{0,12}") {
            proptest::prop_assert_eq!(Side::read(&s), side_by_pattern(&s));
        }
    }

    /// Generated texts made of pieces of dates and of what stands around them: digits and
    /// numerals most often, then the pattern's marks and words, and characters outside it.
    fn date_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::sample::select;
        use proptest::strategy::Strategy;
        let digits = vec![
            "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "19", "20", "1998", "2024",
        ];
        let numerals = vec![
            "〇", "○", "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "两",
        ];
        let marks = vec![
            "年", "月", "日", "号", "时", "点", "分", "半", "钟", "份", "旬", "初", "元", "正",
            "腊", "—", "–", "-", "~", "～", "至", "到",
        ];
        let words: Vec<&str> = [
            "上", "下", "中", "本", "这", "个", "星期", "礼拜", "周", "天",
        ]
        .into_iter()
        .chain(REL_YEARS)
        .chain(REL_MONTHS)
        .chain(YEAR_PARTS)
        .chain(MONTH_PARTS)
        .chain(TODS)
        .chain(DAY_WORDS)
        .chain(NEW_YEAR_WORDS)
        .collect();
        let others = vec!["，", "的", "a", "\n", "０"];
        let piece = proptest::prop_oneof![
            4 => select(digits),
            3 => select(numerals),
            3 => select(marks),
            2 => select(words),
            1 => select(others),
        ];
        proptest::collection::vec(piece, 0..16).prop_map(|pieces| pieces.concat())
    }

    /// Every text of up to `n` characters from `alphabet`.
    fn all_texts(alphabet: &str, n: usize) -> Vec<String> {
        let mut texts = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..n {
            last = last
                .iter()
                .flat_map(|t| alphabet.chars().map(move |c| format!("{t}{c}")))
                .collect();
            texts.extend(last.iter().cloned());
        }
        texts
    }

    #[test]
    fn numerals_are_read_as_the_pattern_reads_them() {
        let whole = |pattern: &str| Regex::new(&format!("^{pattern}$")).expect("pattern");
        let (month, day, hour, minute) = (whole(M), whole(D), whole(HOUR), whole(MINUTE));
        for t in all_texts("0123459一二三四五九十〇○零两", 4) {
            let cs: Vec<char> = t.chars().collect();
            assert_eq!(is_month(&cs), month.is_match(&t), "{t}");
            assert_eq!(is_day(&cs), day.is_match(&t), "{t}");
            assert_eq!(is_hour(&cs), hour.is_match(&t), "{t}");
            assert_eq!(is_minute(&cs), minute.is_match(&t), "{t}");
        }
        let year = whole(Y);
        for t in all_texts("01239一九〇○零十", 5) {
            let cs: Vec<char> = t.chars().collect();
            let by_scanner = cs.len() == 4 && year_at(&cs, 0).is_some();
            assert_eq!(by_scanner, year.is_match(&t), "{t}");
        }
    }

    /// Byte spans and forms of what [`DATE`] finds in `s`.
    fn dates_by_regex(s: &str) -> Vec<(usize, usize, Form)> {
        DATE.captures_iter(s)
            .map(|c| {
                let m = c.get(0).expect("whole match");
                let form = [
                    ("yrange", Form::YearRange),
                    ("bareday", Form::BareDay),
                    ("weekday", Form::Weekday),
                    ("clock", Form::Clock),
                ]
                .into_iter()
                .find_map(|(group, form)| c.name(group).map(|_| form))
                .unwrap_or(Form::Calendar);
                (m.start(), m.end(), form)
            })
            .collect()
    }

    /// Byte spans and forms of what [`scan_dates`] finds in `s`.
    fn dates_by_scanner(s: &str) -> Vec<(usize, usize, Form)> {
        let (mut bytes, cs): (Vec<usize>, Vec<char>) = s.char_indices().unzip();
        bytes.push(s.len());
        scan_dates(&cs)
            .into_iter()
            .map(|(span, form)| (bytes[span.start], bytes[span.end], form))
            .collect()
    }

    type ClockSpans = (
        usize,
        usize,
        Option<(usize, usize)>,
        (usize, usize),
        Option<(usize, usize)>,
        bool,
    );

    /// Byte spans of what [`CLOCK`] finds first in `s`: the match, the time of day, hour and
    /// minutes, and whether it ends in 半.
    fn clock_by_regex(s: &str) -> Option<ClockSpans> {
        let c = CLOCK.captures(s)?;
        let span = |g: &str| c.name(g).map(|m| (m.start(), m.end()));
        let whole = c.get(0).expect("whole match");
        Some((
            whole.start(),
            whole.end(),
            span("tod"),
            span("h").expect("hour"),
            span("mi"),
            c.name("half").is_some(),
        ))
    }

    /// The same of what [`ClockTime::find`] finds.
    fn clock_by_scanner(s: &str) -> Option<ClockSpans> {
        let (mut bytes, cs): (Vec<usize>, Vec<char>) = s.char_indices().unzip();
        bytes.push(s.len());
        let k = ClockTime::find(&cs)?;
        let span = |r: Range<usize>| (bytes[r.start], bytes[r.end]);
        Some((
            bytes[k.start],
            bytes[k.time.end],
            k.tod.map(span),
            span(k.time.hour),
            k.time.minute.map(span),
            k.time.half,
        ))
    }

    #[test]
    fn the_scanners_find_what_the_patterns_find() {
        let page = include_str!("../../fixtures/news-page.txt");
        let forms = "2021—2025年，2018-2028，今年6月，星期三上午9时，正月初三，12月27日至31日，\
                     下个礼拜天，5日晚8时30分，一九九七年十二月三十一日，元月1日，腊月，9点钟，\
                     今晚8时，当日下午3点半钟，今天凌晨二十四时，大年初一，1998年新年，12月中旬，本月15日晚，2024至2025年度，\
                     0时半，凌晨0时，夜0时，1日晚上，0时钟，二时钟，天周日，1998—2024，正月1号，一月，\
                     腊月二十三，正月十五晚上，腊月廿八，正月初五上午9时，新年初二晚上，今年正月，四五月份";
        for line in page.lines().chain([forms]) {
            let folded = crate::normalize::fold(line);
            assert_eq!(dates_by_scanner(&folded), dates_by_regex(&folded), "{line}");
            assert_eq!(clock_by_scanner(&folded), clock_by_regex(&folded), "{line}");
        }
        assert!(dates_by_scanner(forms).len() >= 20);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]

        #[test]
        fn the_date_scanner_finds_what_the_pattern_finds(s in date_text()) {
            proptest::prop_assert_eq!(dates_by_scanner(&s), dates_by_regex(&s));
        }

        #[test]
        fn the_clock_scanner_finds_what_the_pattern_finds(s in date_text()) {
            proptest::prop_assert_eq!(clock_by_scanner(&s), clock_by_regex(&s));
        }

        #[test]
        fn the_date_scanner_finds_what_the_pattern_finds_char_by_char(s in "[0-9０一二三四五六七八九十〇○零两年月日号时分点半钟至到—–\\-~～今去明当本上下个周星期礼拜天初正腊廿元大新春午晚早夜晨凌份旬底 ，的a]{0,24}") {
            proptest::prop_assert_eq!(dates_by_scanner(&s), dates_by_regex(&s));
            proptest::prop_assert_eq!(clock_by_scanner(&s), clock_by_regex(&s));
        }
    }

    #[test]
    fn values() {
        assert_eq!(value_of("2024年7月5日").unwrap().iso, "2024-07-05");
        assert_eq!(value_of("2024年7月").unwrap().iso, "2024-07");
        assert_eq!(value_of("2024至2025年度").unwrap().iso, "2024/2025");
        assert_eq!(value_of("2018—2028").unwrap().iso, "2018/2028");
        assert_eq!(value_of("今年6月").unwrap().iso, "--06");
        assert!(value_of("13月").is_none());
        assert_eq!(value_of("下午5时").unwrap().iso, "T17:00");
        assert_eq!(value_of("1日20时").unwrap().iso, "---01T20:00");
        assert_eq!(value_of("元月1日").unwrap().iso, "--01-01");
        assert_eq!(value_of("二○○二年").unwrap().iso, "2002");
        assert!(value_of("32日").is_none());
    }

    /// Chinese numerals for 1..=99 as written in dates (十二, 二十一, 三十).
    fn cn(n: u32) -> String {
        const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        match n {
            1..=9 => D[n as usize].to_string(),
            10..=19 => format!("十{}", D[(n % 10) as usize]),
            _ => format!("{}十{}", D[(n / 10) as usize], D[(n % 10) as usize]),
        }
    }

    fn cn_year(y: u32) -> String {
        const D: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
        format!("{y:04}")
            .bytes()
            .map(|b| D[(b - b'0') as usize])
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn value_of_never_panics(s in "\\PC{0,24}") {
            let _ = value_of(&s);
        }

        #[test]
        fn find_never_panics(s in "[0-9一二三四五六七八九十〇○年月日号时分点至到—\\-今去本上下午晚元份度]{0,30}") {
            let tokens = crate::segment::Segmenter::shared().tag(&s);
            let mut p = Paragraph::new(&s, &tokens);
            let mut out = Vec::new();
            find(&mut p, &mut out);
            for m in &out {
                proptest::prop_assert!(m.start < m.end && m.end <= p.len());
            }
        }

        #[test]
        fn arabic_dates_give_iso(y in 1000u32..2999, m in 1u32..=12, d in 1u32..=31) {
            let v = value_of(&format!("{y}年{m}月{d}日")).unwrap();
            proptest::prop_assert_eq!(v.iso, format!("{y:04}-{m:02}-{d:02}"));
        }

        #[test]
        fn chinese_dates_give_iso(y in 1000u32..2999, m in 1u32..=12, d in 1u32..=31) {
            let text = format!("{}年{}月{}日", cn_year(y), cn(m), cn(d));
            let v = value_of(&text).unwrap();
            proptest::prop_assert_eq!(v.iso, format!("{y:04}-{m:02}-{d:02}"));
            let found = dates(&format!("会议于{text}举行"));
            proptest::prop_assert_eq!(found, vec![text]);
        }
    }

    #[test]
    fn days_of_the_lunar_calendar_have_no_iso_value() {
        assert_eq!(dates("腊月二十三是小年"), ["腊月二十三"]);
        assert_eq!(dates("灯笼要红到正月十五元宵节"), ["正月十五"]);
        assert_eq!(dates("聚会定在正月初三晚上"), ["正月初三晚上"]);
        assert_eq!(dates("香港在农历新年初二晚上放烟花"), ["新年初二晚上"]);
        assert_eq!(value_of("正月初三").unwrap().iso, "");
        // A year before the lunar month keeps its value.
        assert_eq!(value_of("1998年正月").unwrap().iso, "1998");
    }

    #[test]
    fn approximations_of_two_months_or_hours_are_ranges() {
        assert_eq!(dates("桃花一般在三四月份开放"), ["三四月份"]);
        assert_eq!(value_of("四五月份").unwrap().iso, "--04/--05");
        assert_eq!(dates("大选在今年二三月间举行"), ["今年二三月"]);
        assert_eq!(dates("会议一直开到次日凌晨两三时"), ["次日凌晨两三时"]);
        assert_eq!(value_of("次日凌晨两三时").unwrap().iso, "T02:00/T03:00");
        // The small hours of the night are not the afternoon's.
        assert_eq!(value_of("深夜一两点钟").unwrap().iso, "T01:00/T02:00");
        assert_eq!(value_of("晚上八九点钟").unwrap().iso, "T20:00/T21:00");
        // 一二月 inside 十一二月 is no January.
        assert!(dates("十一二月天气转冷").is_empty());
    }

    #[test]
    fn weekdays_are_found_and_valued() {
        assert_eq!(dates("会议定于星期三举行"), ["星期三"]);
        assert_eq!(dates("下周一，代表们将返回"), ["下周一"]);
        assert_eq!(dates("他上个礼拜天到达"), ["上个礼拜天"]);
        assert_eq!(dates("周五晚，演出开始"), ["周五"]);
        // A habit and a name are no dates.
        assert!(dates("每周一开放").is_empty());
        assert!(dates("周三元说").is_empty());
        // 个 belongs to a week word before it, not to a count (一个星期天); 周天气 is weather.
        assert_eq!(dates("上个月的最后一个星期天，我们去了公园"), ["星期天"]);
        assert!(dates("上周天气晴好").is_empty());
        assert_eq!(dates("上周五他到了北京"), ["上周五"]);
        assert_eq!(value_of("星期三").unwrap().iso, "-W-3");
        assert_eq!(value_of("上周日").unwrap().iso, "-W-7");
    }

    #[test]
    fn relative_months_and_weekdays_resolve_against_the_anchor() {
        let resolve = |text: &str, anchor: (i32, u32, u32)| {
            let mut v = value_of(text).unwrap();
            resolve_relative(text, &mut v, anchor).then_some(v.iso)
        };
        // 1998-01-09 was a Friday.
        let friday = (1998, 1, 9);
        assert_eq!(resolve("本月15日", friday).as_deref(), Some("1998-01-15"));
        assert_eq!(resolve("上月20日", friday).as_deref(), Some("1997-12-20"));
        assert_eq!(
            resolve("下月3日", (1997, 12, 30)).as_deref(),
            Some("1998-01-03")
        );
        // A day the month does not have stays unresolved.
        assert_eq!(resolve("上月31日", (1998, 3, 2)), None);
        // The nearest Wednesday, two days before; Monday, three days after.
        assert_eq!(resolve("星期三", friday).as_deref(), Some("1998-01-07"));
        assert_eq!(resolve("星期一", friday).as_deref(), Some("1998-01-12"));
        assert_eq!(resolve("周五", friday).as_deref(), Some("1998-01-09"));
        // Weeks run Monday to Sunday.
        assert_eq!(resolve("上周三", friday).as_deref(), Some("1997-12-31"));
        assert_eq!(resolve("本周日", friday).as_deref(), Some("1998-01-11"));
        assert_eq!(resolve("下周一", friday).as_deref(), Some("1998-01-12"));
        // A weekday needs the anchor's day; a month alone will not do.
        assert_eq!(resolve("星期三", (1998, 1, 0)), None);
        // A relative month keeps the time of day.
        let mut v = value_of("本月5日晚8时").unwrap();
        assert!(resolve_relative("本月5日晚8时", &mut v, friday));
        assert_eq!(v.iso, "1998-01-05T20:00");
        assert!(v.inferred);
        // Dates with a month or a year are no business of this rule.
        let mut v = value_of("7月4日").unwrap();
        assert!(!resolve_relative("7月4日", &mut v, friday));
    }

    #[test]
    fn civil_days_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(civil_from_days(days_from_civil(2024, 2, 29)), (2024, 2, 29));
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(1900, 2), 28);
    }

    #[test]
    fn inference_fills_year_and_marks_it() {
        let mut v = value_of("7月4日").unwrap();
        infer_year("7月4日", &mut v, Some(2024));
        assert_eq!(
            v,
            DateValue {
                iso: "2024-07-04".into(),
                inferred: true
            }
        );
        let mut v = value_of("去年10月").unwrap();
        infer_year("去年10月", &mut v, Some(1998));
        assert_eq!(v.iso, "1997-10");
        // 来年 is the year after, as 明年 is.
        assert_eq!(dates("年末12月至来年2月的冬季"), ["12月", "来年2月"]);
        let mut v = value_of("来年2月").unwrap();
        infer_year("来年2月", &mut v, Some(1998));
        assert_eq!(v.iso, "1999-02");
    }
}
