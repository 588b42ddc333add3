//! Numeral conversion: Chinese numerals (二十四, 一九九八, 一千三百万, 三点五), Arabic numerals with
//! Chinese multipliers (1.4万, 3.5亿) and their values.

/// The value of a single Chinese or Arabic digit character (二 and 两 are both 2; 〇 and 零 are 0;
/// financial forms 壹…玖 are accepted).
pub fn digit_value(c: char) -> Option<u32> {
    Some(match c {
        '0'..='9' => c as u32 - '0' as u32,
        '〇' | '零' | 'О' => 0,
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
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '.' || *c == ',')
        .map(|(i, c)| i + c.len_utf8())
        .last()
        .unwrap_or(0);
    if arabic_len > 0 {
        let digits: String = s[..arabic_len].chars().filter(|&c| c != ',').collect();
        let mut value: f64 = digits.parse().ok()?;
        for c in s[arabic_len..].chars() {
            value *= unit_value(c)?;
        }
        return Some(value);
    }
    if let Some((int, frac)) = s.split_once('点') {
        let whole = parse_chinese_integer(int)?;
        let mut scale = 0.1;
        let mut value = whole;
        for c in frac.chars() {
            value += f64::from(digit_value(c)?) * scale;
            scale /= 10.0;
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
    fn rejects_non_numerals() {
        assert_eq!(parse(""), None);
        assert_eq!(parse("年"), None);
        assert_eq!(parse("12a"), None);
    }
}
