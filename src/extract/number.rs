//! Number pass: amounts, counts, percentages and ordinals in Arabic, full-width and Chinese
//! numerals (1.4万家, 3.5亿元, 百分之三十, 30%, 第二十四次, 一千多), with value, unit and flags.

use std::sync::LazyLock;

use regex::Regex;

use super::numeral;
use super::{Detail, EntityKind, Mention, NumberValue, Paragraph};

const CN: &str = "〇零一二两三四五六七八九十百千万亿";

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<pre>第|约|近|超过|逾)?(?:(?P<pct>百分之[{CN}]+(?:点[{CN}]+)?)|(?P<num>\d+(?:[.,]\d+)*(?:[万亿]+)?|[{CN}]{{2,}}(?:点[{CN}]+)?|[{CN}](?:[多余])?))(?P<suf>[多余])?(?P<percent>%)?"
    ))
    .expect("number regex")
});

/// Find numbers in the paragraph (outside dates) and claim their characters.
pub fn find(p: &mut Paragraph<'_>, out: &mut Vec<Mention>) {
    let text = p.text;
    for caps in NUMBER.captures_iter(text) {
        let m = caps.get(0).unwrap();
        let start = p.char_at_byte(m.start());
        let mut end = p.char_at_byte(m.end());
        if !p.is_unclaimed(start, end) {
            continue;
        }
        let ordinal = caps.name("pre").is_some_and(|x| x.as_str() == "第");
        let approximate =
            caps.name("suf").is_some() || caps.name("pre").is_some_and(|x| x.as_str() != "第");
        let (value, percent) = if let Some(pct) = caps.name("pct") {
            (numeral::parse(&pct.as_str()["百分之".len()..]), true)
        } else {
            let raw = caps.name("num").unwrap().as_str();
            let raw = raw.trim_end_matches(['多', '余']);
            (numeral::parse(raw), caps.name("percent").is_some())
        };
        let Some(value) = value else { continue };
        let numeral_text = caps.name("num").or(caps.name("pct")).unwrap().as_str();
        let numeral_chars = numeral_text.chars().count();
        // A single Chinese numeral character (一, 三) is a number only as an ordinal.
        if numeral_chars == 1 && !numeral_text.chars().all(|c| c.is_ascii_digit()) && !ordinal {
            continue;
        }
        // Numerals glued to Han letters on both sides in one word (一带一路, 十分) are words.
        if let Some(tok) = token_covering(p, start) {
            if tok.start < start
                && !ordinal
                && !numeral_text.starts_with(|c: char| c.is_ascii_digit())
            {
                continue;
            }
            if tok.word == "十分" || tok.word == "万一" || tok.word == "一一" {
                continue;
            }
        }
        // The measure word or currency that follows, as jieba segments it.
        let mut unit = None;
        if !percent
            && let Some(next) = p.tokens.iter().find(|t| t.start == end)
            && (next.pos == "q" || is_unit_word(next.word))
            && p.is_unclaimed(next.start, next.end)
        {
            unit = Some(next.word.to_string());
            end = next.end;
        }
        if !percent && unit.is_none() && end < p.len() && p.is_unclaimed(end, end + 1) {
            let c = p.chars[end].to_string();
            if is_unit_word(&c) {
                unit = Some(c);
                end += 1;
            }
        }
        p.claim(start, end, EntityKind::Number);
        out.push(Mention {
            kind: EntityKind::Number,
            start,
            end,
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

fn token_covering<'a>(p: &'a Paragraph<'_>, i: usize) -> Option<&'a crate::segment::Token<'a>> {
    let idx = p.tokens.partition_point(|t| t.end <= i);
    p.tokens.get(idx).filter(|t| t.start <= i)
}

fn is_unit_word(w: &str) -> bool {
    matches!(
        w,
        "个" | "家"
            | "名"
            | "人"
            | "年"
            | "次"
            | "元"
            | "美元"
            | "万元"
            | "亿元"
            | "届"
            | "项"
            | "位"
            | "件"
            | "种"
            | "国"
            | "大"
            | "点"
            | "天"
            | "岁"
            | "吨"
            | "公里"
            | "米"
            | "千米"
            | "平方公里"
            | "条"
            | "所"
            | "座"
            | "批"
            | "场"
            | "期"
            | "台"
            | "辆"
            | "架"
            | "艘"
            | "份"
            | "只"
            | "张"
            | "篇"
            | "部"
            | "本"
    )
}

#[cfg(test)]
mod tests {
    use super::super::{EntityKind, texts_of};

    fn numbers(text: &str) -> Vec<String> {
        texts_of(text, EntityKind::Number)
    }

    #[test]
    fn common_forms() {
        assert_eq!(numbers("中国企业超过1.4万家"), ["超过1.4万家"]);
        assert_eq!(numbers("第二十四次会议"), ["第二十四次"]);
        assert_eq!(numbers("增长了30%"), ["30%"]);
        assert_eq!(numbers("占百分之三十"), ["百分之三十"]);
    }

    #[test]
    fn digits_in_dates_are_not_numbers() {
        assert!(numbers("2024年7月5日").is_empty());
    }
}
