//! Character normalization: full-width ASCII (１９９８年, ％, ．) folded to half-width, one character
//! for one character, so offsets into the normalized text are offsets into the original.

/// Fold one character: full-width ASCII forms (U+FF01–U+FF5E) to ASCII, the ideographic space to
/// a space. The Chinese comma (，U+FF0C) stays: it parts clauses and never groups digits, so a
/// comma in the folded text is one written so (1,000). Every other character is returned
/// unchanged.
#[inline]
pub fn fold_char(c: char) -> char {
    match c {
        '\u{FF0C}' => c,
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Fold a whole string with [`fold_char`]. The result has exactly as many characters as `s`.
///
/// ```
/// assert_eq!(corpus_cli::normalize::fold("１９９８年１２月，增长５７．１６％"), "1998年12月，增长57.16%");
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

/// A text folded with [`fold_char`], with what the later stages ask of each of its characters,
/// worked out in one pass: the characters, where each starts in the folded text and in the text
/// as written, and how many are Han.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Folded {
    /// The folded text (as [`fold`] gives it).
    pub text: String,
    /// Its characters.
    pub chars: Vec<char>,
    /// `byte_at[i]` is the byte offset of character `i` in `text` (plus one past the end).
    pub byte_at: Vec<usize>,
    /// `written_at[i]` is the byte offset of character `i` in the text as written (plus one
    /// past the end).
    pub written_at: Vec<usize>,
    /// How many characters are Han ([`is_han`]; folding never changes that).
    pub han: usize,
}

impl Folded {
    /// Fold `s` and record its characters.
    ///
    /// ```
    /// let f = corpus_cli::normalize::Folded::new("１月，中国");
    /// assert_eq!(f.text, "1月，中国");
    /// assert_eq!(f.byte_at, [0, 1, 4, 7, 10, 13]);
    /// assert_eq!(f.written_at, [0, 3, 6, 9, 12, 15]);
    /// assert_eq!(f.han, 3);
    /// ```
    pub fn new(s: &str) -> Self {
        let n = s.chars().count();
        let mut f = Folded {
            text: String::with_capacity(s.len()),
            chars: Vec::with_capacity(n),
            byte_at: Vec::with_capacity(n + 1),
            written_at: Vec::with_capacity(n + 1),
            han: 0,
        };
        // The folded text is `s` with the folded characters replaced: the runs between them are
        // copied whole. Each of them is one byte instead of three (see `fold`), so a character
        // starts `shrink` bytes earlier in the folded text than in `s`.
        let mut copied = 0;
        let mut shrink = 0;
        for (b, c) in s.char_indices() {
            f.written_at.push(b);
            f.byte_at.push(b - shrink);
            // Most characters are Han, which folding leaves as they are.
            let folded = if is_han(c) {
                f.han += 1;
                c
            } else {
                let folded = fold_char(c);
                if folded != c {
                    f.text.push_str(&s[copied..b]);
                    f.text.push(folded);
                    copied = b + c.len_utf8();
                    shrink += c.len_utf8() - folded.len_utf8();
                }
                folded
            };
            f.chars.push(folded);
        }
        f.text.push_str(&s[copied..]);
        f.written_at.push(s.len());
        f.byte_at.push(f.text.len());
        f
    }
}

/// True for a Han (CJK unified ideograph) character.
#[inline]
pub fn is_han(c: char) -> bool {
    let u = c as u32;
    // The common block first: most characters of Chinese text are answered by two comparisons,
    // and ASCII and punctuation below U+3400 by the first.
    if u < 0x3400 {
        return false;
    }
    if u <= 0x9FFF {
        return u >= 0x4E00 || u <= 0x4DBF;
    }
    matches!(u, 0x20000..=0x2A6DF | 0x2A700..=0x2EBEF | 0xF900..=0xFAFF | 0x30000..=0x3134F)
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
    fn folded_records_every_character() {
        let s = "（新华社北京１月１日电）　ａ\u{3000}b\u{20000}！";
        let f = Folded::new(s);
        assert_eq!(f.text, fold(s));
        assert_eq!(f.chars, f.text.chars().collect::<Vec<_>>());
        let starts =
            |t: &str| -> Vec<usize> { t.char_indices().map(|(b, _)| b).chain([t.len()]).collect() };
        assert_eq!(f.byte_at, starts(&f.text));
        assert_eq!(f.written_at, starts(s));
        assert_eq!(f.han, s.chars().filter(|&c| is_han(c)).count());
        assert_eq!(Folded::new("").byte_at, [0]);
    }

    #[test]
    fn han_is_the_cjk_unified_blocks() {
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            let blocks = matches!(c as u32,
                0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x2A6DF | 0x2A700..=0x2EBEF
                | 0xF900..=0xFAFF | 0x30000..=0x3134F);
            assert_eq!(is_han(c), blocks, "{c:?}");
        }
    }

    #[test]
    fn han_detection() {
        assert!(is_han('中'));
        assert!(!is_han('，'));
        assert!(!is_han('a'));
    }
}
