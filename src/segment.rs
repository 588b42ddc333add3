//! Word segmentation and part-of-speech tagging: one shared jieba-rs instance (its embedded
//! dictionary, plus an optional user dictionary), producing tokens with character offsets.

use std::fs;
use std::path::Path;
use std::sync::OnceLock;

use jieba_rs::Jieba;

/// One segmented word with its part-of-speech tag (jieba's ICTCLAS-style tagset: n, v, nr, ns,
/// nt, m, t, x, …) and its character offsets in the segmented text (end exclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    pub word: &'a str,
    pub pos: &'a str,
    pub start: usize,
    pub end: usize,
}

impl Token<'_> {
    /// Length in characters.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
}

/// A problem with a user dictionary.
#[derive(Debug, thiserror::Error)]
pub enum DictError {
    #[error("{0}")]
    Io(String),
    #[error("line {line}: {message}")]
    Line { line: usize, message: String },
}

/// The segmenter: cheap to copy, shared by every thread.
#[derive(Clone, Copy, Debug)]
pub struct Segmenter {
    jieba: &'static Jieba,
}

static DEFAULT: OnceLock<Jieba> = OnceLock::new();

impl Default for Segmenter {
    fn default() -> Self {
        Segmenter::shared()
    }
}

impl Segmenter {
    /// The shared segmenter with jieba's embedded dictionary, built once per process.
    pub fn shared() -> Self {
        Segmenter {
            jieba: DEFAULT.get_or_init(Jieba::new),
        }
    }

    /// A segmenter over an empty dictionary (the HMM alone): only for warming up what is built
    /// lazily on first use (`analyze` does it while jieba's dictionary loads), never for analysis.
    pub(crate) fn without_dictionary() -> Self {
        static EMPTY: OnceLock<Jieba> = OnceLock::new();
        Segmenter {
            jieba: EMPTY.get_or_init(Jieba::empty),
        }
    }

    /// A segmenter with jieba's dictionary plus the user dictionary at `path`, in jieba's format:
    /// `word [frequency] [tag]` per line, separated by spaces.
    pub fn with_user_dict(path: &Path) -> Result<Self, DictError> {
        let text =
            fs::read_to_string(path).map_err(|e| DictError::Io(crate::reader::describe_io(&e)))?;
        Self::with_user_dict_text(&text)
    }

    /// Like [`Segmenter::with_user_dict`], from the dictionary's text. Every line is checked
    /// first, so a malformed line is reported with its number.
    pub fn with_user_dict_text(text: &str) -> Result<Self, DictError> {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        for (i, line) in text.lines().enumerate() {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let bad = |message: String| DictError::Line {
                line: i + 1,
                message,
            };
            let is_tag = |t: &str| t.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            match fields.as_slice() {
                [] | [_] => {}
                [_, x] if x.parse::<usize>().is_ok() || is_tag(x) => {}
                [_, x] => return Err(bad(format!("'{x}' is neither a frequency nor a tag"))),
                [_, freq, _] if freq.parse::<usize>().is_err() => {
                    return Err(bad(format!("frequency '{freq}' is not a whole number")));
                }
                [_, _, tag] if !is_tag(tag) => {
                    return Err(bad(format!("tag '{tag}' is not a tag")));
                }
                [_, _, _] => {}
                _ => return Err(bad("expected 'word [frequency] [tag]'".to_string())),
            }
        }
        let mut jieba = DEFAULT.get_or_init(Jieba::new).clone();
        for line in text.lines() {
            let fields: Vec<&str> = line.split_whitespace().collect();
            match fields.as_slice() {
                [] => {}
                [word] => {
                    jieba.add_word(word, None, None);
                }
                [word, x] => match x.parse::<usize>() {
                    Ok(freq) => {
                        jieba.add_word(word, Some(freq), None);
                    }
                    Err(_) => {
                        jieba.add_word(word, None, Some(x));
                    }
                },
                [word, freq, tag] => {
                    jieba.add_word(word, freq.parse().ok(), Some(tag));
                }
                _ => unreachable!("checked above"),
            }
        }
        Ok(Segmenter {
            jieba: Box::leak(Box::new(jieba)),
        })
    }

    /// Segment and tag `text` (HMM on, so unknown names are still grouped). A conjunction that
    /// jieba's dictionary glues to a name is given back as a word of its own (主席/和/普京/总统).
    ///
    /// ```
    /// let seg = corpus_cli::segment::Segmenter::shared();
    /// let tokens = seg.tag("我们中出了一个叛徒");
    /// assert_eq!(tokens.iter().map(|t| t.word).collect::<String>(), "我们中出了一个叛徒");
    /// assert_eq!(tokens[0].start, 0);
    /// ```
    pub fn tag<'a>(&self, text: &'a str) -> Vec<Token<'a>> {
        let tokens: Vec<Token<'a>> = self
            .jieba
            .tag(text, true)
            .into_iter()
            .map(|t| Token {
                word: t.word,
                pos: t.tag,
                start: t.start,
                end: t.end,
            })
            .collect();
        // Few paragraphs have a word that may open with a glued conjunction: the others are
        // passed on as jieba cut them.
        if !tokens.iter().any(|t| may_open_with_link(t.word)) {
            return tokens;
        }
        let mut split = Vec::with_capacity(tokens.len() + 1);
        for t in tokens {
            match self.split_glued_link(t) {
                Some((link, name)) => split.extend([link, name]),
                None => split.push(t),
            }
        }
        split
    }

    /// A conjunction or preposition that some entries of jieba's dictionary glue to the name
    /// after it (和普京/nz, 同崇祯/nr, 和凉州/nr), split off: the rest is a name or a place the
    /// dictionary counts more often than the whole. A place named so keeps its unit whole
    /// (同安县).
    fn split_glued_link<'a>(&self, t: Token<'a>) -> Option<(Token<'a>, Token<'a>)> {
        if !may_open_with_link(t.word) || !matches!(t.pos, "nr" | "nrt" | "nrfg" | "nz" | "ns") {
            return None;
        }
        let first = t.word.chars().next()?;
        let link_tag = match first {
            '和' | '及' => "c",
            _ => "p",
        };
        if t.pos == "ns"
            && t.word
                .ends_with(['县', '市', '省', '区', '州', '镇', '乡', '村'])
        {
            return None;
        }
        let rest = &t.word[first.len_utf8()..];
        let tags = self.jieba.tag(rest, false);
        let [name] = tags.as_slice() else {
            return None;
        };
        if !matches!(name.tag, "nr" | "nrt" | "nrfg" | "nz" | "ns")
            || self.jieba.suggest_freq(rest) <= self.jieba.suggest_freq(t.word)
        {
            return None;
        }
        let link = Token {
            word: &t.word[..first.len_utf8()],
            pos: link_tag,
            start: t.start,
            end: t.start + 1,
        };
        let name = Token {
            word: rest,
            pos: name.tag,
            start: t.start + 1,
            end: t.end,
        };
        Some((link, name))
    }

    /// The underlying jieba instance (for keyword extraction).
    pub fn jieba(&self) -> &'static Jieba {
        self.jieba
    }
}

/// Whether `word` has three characters or more and opens with a conjunction or preposition
/// that jieba's dictionary glues to names ([`Segmenter::split_glued_link`]).
#[inline]
fn may_open_with_link(word: &str) -> bool {
    word.len() >= 9
        && ["和", "及", "与", "同", "跟"]
            .iter()
            .any(|l| word.starts_with(l))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_cover_text_with_char_offsets() {
        let text = "新华社北京7月5日电";
        let tokens = Segmenter::shared().tag(text);
        let mut pos = 0;
        for t in &tokens {
            assert_eq!(t.start, pos);
            pos = t.end;
        }
        assert_eq!(pos, text.chars().count());
    }

    #[test]
    fn a_conjunction_glued_to_a_name_is_split_off() {
        let tokens = Segmenter::shared().tag("主席和普京总统");
        let words: Vec<(&str, &str)> = tokens.iter().map(|t| (t.word, t.pos)).collect();
        assert_eq!(words[1], ("和", "c"), "{words:?}");
        assert_eq!(words[2], ("普京", "ns"), "{words:?}");
        assert_eq!((tokens[2].start, tokens[2].end), (3, 5));
        // A county's name that opens like a conjunction stays whole.
        let tokens = Segmenter::shared().tag("同安县");
        assert_eq!(tokens.len(), 1, "{tokens:?}");
    }

    #[test]
    fn user_dict_adds_words() {
        let seg = Segmenter::with_user_dict_text("贝内泰国际大学 100 nt\n").unwrap();
        let tokens = seg.tag("柬埔寨贝内泰国际大学资深教授");
        assert!(
            tokens
                .iter()
                .any(|t| t.word == "贝内泰国际大学" && t.pos == "nt"),
            "{tokens:?}"
        );
    }

    #[test]
    fn malformed_user_dict_names_the_line() {
        let err = Segmenter::with_user_dict_text("好词 10 n\n坏词 十 n\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "line 2: frequency '十' is not a whole number"
        );
        assert!(Segmenter::with_user_dict_text("a 1 n extra\n").is_err());
    }
}
