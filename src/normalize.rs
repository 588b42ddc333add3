//! Character normalization: full-width ASCII (１９９８年, ％, ．) folded to half-width, one character
//! for one character, so offsets into the normalized text are offsets into the original.

/// Fold one character: full-width ASCII forms (U+FF01–U+FF5E) to ASCII, the ideographic space to
/// a space. Every other character is returned unchanged.
#[inline]
pub fn fold_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Fold a whole string with [`fold_char`]. The result has exactly as many characters as `s`.
///
/// ```
/// assert_eq!(corpus_cli::normalize::fold("１９９８年１２月，增长５７．１６％"), "1998年12月,增长57.16%");
/// ```
pub fn fold(s: &str) -> String {
    // Only characters whose UTF-8 form opens with 0xEF (U+F000–U+FFFF, the full-width forms
    // among them) or 0xE3 (U+3000–U+3FFF, the ideographic space among them) can change: the
    // text between them is copied as it is.
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.bytes().position(|b| b == 0xEF || b == 0xE3) {
        out.push_str(&rest[..i]);
        let mut chars = rest[i..].chars();
        if let Some(c) = chars.next() {
            out.push(fold_char(c));
        }
        rest = chars.as_str();
    }
    out.push_str(rest);
    out
}

/// True for a Han (CJK unified ideograph) character.
#[inline]
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x2A6DF | 0x2A700..=0x2EBEF | 0xF900..=0xFAFF | 0x30000..=0x3134F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_full_width_and_keeps_length() {
        let s = "（新华社）２０２４年ＡＢＣ　x";
        let f = fold(s);
        assert_eq!(f, "(新华社)2024年ABC x");
        assert_eq!(f.chars().count(), s.chars().count());
    }

    #[test]
    fn fold_is_fold_char_on_every_character() {
        let s =
            "（新华社北京１月１日电）　「今年」，增长５７．１６％。\u{F900}\u{FFFD}\u{3400}abc～";
        assert_eq!(fold(s), s.chars().map(fold_char).collect::<String>());
        for c in ('\u{2F00}'..='\u{4000}').chain('\u{EFFF}'..='\u{FFFF}') {
            let one = format!("a{c}b");
            assert_eq!(fold(&one), format!("a{}b", fold_char(c)), "{c:?}");
        }
    }

    #[test]
    fn han_detection() {
        assert!(is_han('中'));
        assert!(!is_han('，'));
        assert!(!is_han('a'));
    }
}
