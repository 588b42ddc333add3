//! Date pass: calendar positions written with Arabic, full-width or Chinese numerals
//! (2024年7月5日, 一九九七年十二月三十一日, 今年6月, 2021—2025年, 2024年6月10日至13日), valued
//! as ISO 8601; years left out by the text are filled in later from the document's context.

use std::sync::LazyLock;

use regex::Regex;

use super::numeral;
use super::{DateValue, Detail, EntityKind, Mention, Paragraph};

const Y: &str = r"(?:[12]\d{3}|[〇零一二三四五六七八九]{4})";
const M: &str = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])";
const D: &str = r"(?:3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])";
const SEP: &str = r"(?:[—–\-~～至到])";
const REL: &str = r"(?:今年|去年|明年|前年|后年|本年|当年|同年)";
const PART: &str = r"(?:年底|年初|年末|年中|上半年|下半年|初|底|末|中旬|上旬|下旬)";

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let alternatives = [
        // 2024年6月10日至13日, 2024年6月10日至7月1日, 2024年7月5日
        format!(r"{Y}年{M}月{D}[日号](?:{SEP}(?:{M}月)?{D}[日号]?)?"),
        // 2024年6月至8月, 2024年6月底
        format!(r"{Y}年{M}月(?:{SEP}{M}月)?{PART}?"),
        // 2021—2025年, 2024至2025年度, 2022年年底
        format!(r"{Y}(?:年)?{SEP}{Y}年度?"),
        format!(r"{Y}年度?{PART}?"),
        // 2018—2028 (both Arabic years)
        r"(?:19|20)\d{2}[—–\-~～](?:19|20)\d{2}".to_string(),
        // 今年6月10日, 7月5日至6日
        format!(r"{REL}?{M}月{D}[日号](?:{SEP}(?:{M}月)?{D}[日号]?)?"),
        // 今年6月, 6月底
        format!(r"{REL}?{M}月(?:{SEP}{M}月)?{PART}?"),
    ];
    Regex::new(&alternatives.join("|")).expect("date regex")
});

static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!(r"({Y})年?")).unwrap());
static MONTH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([0-9]+|[〇零一二三四五六七八九十]+)月").unwrap());
static DAY: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!(r"({D})[日号]?$")).unwrap());

/// Find dates in the paragraph and claim their characters.
pub fn find(p: &mut Paragraph<'_>, out: &mut Vec<Mention>) {
    let text = p.text;
    for m in DATE.find_iter(text) {
        let start = p.char_at_byte(m.start());
        let end = p.char_at_byte(m.end());
        // A month or day directly glued to more digits (e.g. 12月 inside 112月) is no date.
        if start > 0 && p.chars[start - 1].is_ascii_digit() {
            continue;
        }
        let Some(value) = value_of(m.as_str()) else {
            continue;
        };
        if !p.is_unclaimed(start, end) {
            continue;
        }
        p.claim(start, end, EntityKind::Date);
        out.push(Mention {
            kind: EntityKind::Date,
            start,
            end,
            detail: Detail::Date(value),
        });
    }
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
}

fn num(s: &str) -> Option<u32> {
    numeral::parse(s).map(|v| v as u32)
}

fn parse_side(s: &str) -> Ymd {
    let year = YEAR
        .captures(s)
        .and_then(|c| num(&c[1]))
        .filter(|_| s.contains('年') || s.chars().filter(char::is_ascii_digit).count() == 4);
    let month = MONTH.captures(s).and_then(|c| num(&c[1]));
    let rest = match s.rfind('月') {
        Some(i) => &s[i + '月'.len_utf8()..],
        None if year.is_some() => "",
        None => s,
    };
    let day = if rest.contains('日') || rest.contains('号') || (!rest.is_empty() && month.is_none())
    {
        DAY.captures(rest.trim_end_matches(['日', '号']))
            .and_then(|c| num(&c[1]))
    } else {
        None
    };
    Ymd { year, month, day }
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
/// ```
pub fn value_of(text: &str) -> Option<DateValue> {
    let body = text.trim_start_matches(|c: char| {
        !c.is_ascii_digit() && numeral::digit_value(c).is_none() && c != '十'
    });
    let (left, right) = match body.find(['—', '–', '-', '~', '～', '至', '到']) {
        Some(i) => {
            let sep_len = body[i..].chars().next().map_or(1, char::len_utf8);
            (&body[..i], Some(&body[i + sep_len..]))
        }
        None => (body, None),
    };
    let mut a = parse_side(left);
    if a.year.is_none() && a.month.is_none() && a.day.is_none() {
        return None;
    }
    if let Some(m) = a.month
        && !(1..=12).contains(&m)
    {
        return None;
    }
    if let Some(d) = a.day
        && !(1..=31).contains(&d)
    {
        return None;
    }
    let iso = match right {
        Some(r) => {
            let mut b = parse_side(r);
            if a.year.is_some() && a.month.is_none() && b.year.is_none() {
                // 2021—2025年 written as 2021年—2025年 or 2021—2025年
                b.year = num(r.trim_end_matches(['年', '度']));
            }
            if b.year.is_none() && a.year.is_some() && (b.month.is_some() || b.day.is_some()) {
                b.year = a.year;
            }
            if b.month.is_none() && b.day.is_some() {
                b.month = a.month;
            }
            if a.year.is_none() && b.year.is_some() && a.month.is_none() {
                a.year = num(left.trim_end_matches('年'));
            }
            if b == Ymd::default() {
                a.iso()
            } else {
                format!("{}/{}", a.iso(), b.iso())
            }
        }
        None => a.iso(),
    };
    Some(DateValue {
        iso,
        inferred: false,
    })
}

/// Fill in the year of dates written without one (7月4日, 今年6月) from `anchor_year`, the year
/// the document's context gives; relative years (去年, 明年) count from it. Values that get a
/// year this way are marked inferred.
pub fn infer_year(text: &str, value: &mut DateValue, anchor_year: Option<u32>) {
    let Some(anchor) = anchor_year else {
        return;
    };
    if !value.iso.starts_with("--") {
        return;
    }
    let offset: i32 = if text.starts_with("去年") {
        -1
    } else if text.starts_with("前年") {
        -2
    } else if text.starts_with("明年") {
        1
    } else if text.starts_with("后年") {
        2
    } else {
        0
    };
    let year = anchor as i32 + offset;
    let fill = |part: &str| -> String {
        if let Some(rest) = part.strip_prefix("--") {
            if rest.starts_with('-') {
                return part.to_string();
            }
            format!("{year:04}-{rest}")
        } else {
            part.to_string()
        }
    };
    value.iso = value.iso.split('/').map(fill).collect::<Vec<_>>().join("/");
    value.inferred = true;
}

/// The year of a date value that has one written (`2024-07-05` → 2024).
pub fn year_of(value: &DateValue) -> Option<u32> {
    if value.inferred || value.iso.starts_with('-') {
        return None;
    }
    value.iso.get(..4)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::super::{EntityKind, texts_of};
    use super::*;

    fn dates(text: &str) -> Vec<String> {
        texts_of(text, EntityKind::Date)
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
            ["2024年6月10日至13日"]
        );
        assert_eq!(dates("《规划（2021—2025年）》"), ["2021—2025年"]);
        assert_eq!(dates("今年6月，双方签署协议"), ["今年6月"]);
        assert_eq!(dates("2022年年底前完成"), ["2022年年底"]);
    }

    #[test]
    fn amounts_of_time_are_not_dates() {
        assert!(dates("上海合作组织成立23年后").is_empty());
        assert!(dates("10年来，两国关系发展").is_empty());
    }

    #[test]
    fn values() {
        assert_eq!(value_of("2024年7月5日").unwrap().iso, "2024-07-05");
        assert_eq!(value_of("2024年7月").unwrap().iso, "2024-07");
        assert_eq!(value_of("2024至2025年度").unwrap().iso, "2024/2025");
        assert_eq!(value_of("2018—2028").unwrap().iso, "2018/2028");
        assert_eq!(value_of("今年6月").unwrap().iso, "--06");
        assert!(value_of("13月").is_none());
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
    }
}
