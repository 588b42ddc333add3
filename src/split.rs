//! Newspaper pages: splitting a page into its articles (by datelines, headlines, continuation
//! marks, captions and signatures), rejoining sentences broken by an interleaved headline, and
//! mapping offsets of an article's running text back into the page.
//!
//! The page is read paragraph by paragraph (one non-blank line each). Every paragraph is classed
//! by what it looks like:
//!
//! - a *headline* (short, no sentence-final punctuation): a run of them is a headline block;
//! - an *opening dateline* (新华社杜尚别7月5日电 …, 本报北京1月1日讯 …, 本报讯 …);
//! - a *closer*: a closing dateline （新华社北京7月5日电 执笔记者：…）, a signature （方明）, （完）
//!   or a jump to another page （下转第四版）;
//! - a *continuation* from another page （上接第二版）…, which always opens an article;
//! - a *caption* (图为…, …摄, …新华社发): kept out of the running text and attached to the
//!   article it stands in (the [`Article::captions`] list);
//! - a *section marker* (二, 三, （四）) or ordinary body text.
//!
//! A headline block opens a new article when the page has no article yet, when the previous
//! paragraph closed one, or when a dateline follows it. A block that interrupts a sentence (the
//! paragraph before it stops without sentence-final punctuation) is an interleaved headline: the
//! two halves of the sentence are rejoined and the block becomes the title of the article it
//! interrupts (when that article has none). Section subheads (numbered, or two parallel phrases
//! separated by a space, a date alone), a signature block followed by the closing dateline, and
//! blocks after a line that ends mid-sentence stay inside the article; so do numbered subheads
//! (一、, 第二章, 原因之一：, an interviewer's question 记者：…) and a place name over a dateline
//! inside a dated article (a round-up's sections: 泰国 / 本报曼谷…电). Any other block is weighed
//! by the block cues: shared vocabulary with the article so far, a byline under it, a feature's
//! shape (title——subtitle, （附图片…）), punctuation inside it, its length, whether the article
//! opened with a dateline, and whether subheads came before or follow in a series.
//! Sign-off lines over a headline (本报…部, a date, a credit in brackets, a letter's name and
//! date) stay with the article before, and one with a date or a credit ends it; an editor's
//! afterword (编后) and a reply's salutation (李明同志：) go on with the article they follow; a
//! work of art's label over its author's bracketed name is an item of its own; in a run of
//! short lines after a list's colon (图片：), a line over a byline opens the next article; a
//! photo item (a title marked （图片）) ends with its caption, while under the caption of an
//! article announced with its pictures （附图片２张） the lines before its text stay in it;
//! untitled one-paragraph briefs after a closed article each make one, and so do short briefs
//! opening with who-and-when (…三日宣布) that share little vocabulary with their neighbours;
//! after an untitled report opening with its dateline, each dateline opens the next report,
//! while a dateline inside an article whose headline names its report (a round-up) stays in it.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use crate::document::Span;
use crate::extract::date::value_of;
use crate::normalize;

/// One article of a page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// 1-based position on the page.
    pub number: usize,
    /// Characters of the page the article covers (its first to its last paragraph, including
    /// its title, captions and any interleaved headline).
    pub span: Span,
    /// The article's headline, when one was found (the first line of its headline block).
    pub title: Option<String>,
    /// Where the headline stands in the page.
    pub title_span: Option<Span>,
    /// Photo captions standing in the article, kept out of its running text.
    pub captions: Vec<Span>,
    /// The running text, piece by piece, in reading order.
    pub pieces: Vec<Piece>,
}

/// A piece of an article's running text: a span of the page and how it joins the piece before.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    pub span: Span,
    /// True when the piece continues the sentence of the piece before it (no line break between
    /// them): the second half of a sentence broken by an interleaved headline.
    pub joined: bool,
}

/// An article's running text with the map from its character offsets to the page's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunningText {
    pub text: String,
    pub map: OffsetMap,
}

/// Maps character offsets of a running text to character offsets of the page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetMap {
    /// (offset in the running text, offset in the page, length), sorted by running-text offset.
    segments: Vec<(usize, usize, usize)>,
}

impl OffsetMap {
    /// The page offset of running-text character `i` (or one past the last character).
    pub fn to_page(&self, i: usize) -> usize {
        let k = self.segments.partition_point(|&(t, _, _)| t <= i);
        if k == 0 {
            return i;
        }
        let (t, p, len) = self.segments[k - 1];
        if i - t <= len {
            p + (i - t)
        } else {
            // A line break inserted between pieces: point just past the piece before.
            p + len
        }
    }

    /// The page span of the running-text span `start..end` (end exclusive).
    pub fn span_to_page(&self, start: usize, end: usize) -> Span {
        let s = self.to_page(start);
        let e = if end > start {
            self.to_page(end - 1) + 1
        } else {
            s
        };
        Span {
            start: s,
            end: e.max(s),
        }
    }
}

impl Article {
    /// The article's running text (pieces separated by line breaks, joined pieces glued to the
    /// piece before) and the map back into `page`.
    pub fn running_text(&self, page: &[char]) -> RunningText {
        let mut text = String::new();
        let mut map = OffsetMap::default();
        let mut at = 0;
        for (i, piece) in self.pieces.iter().enumerate() {
            if i > 0 && !piece.joined {
                text.push('\n');
                at += 1;
            }
            let len = piece.span.end - piece.span.start;
            text.extend(&page[piece.span.start..piece.span.end]);
            map.segments.push((at, piece.span.start, len));
            at += len;
        }
        RunningText { text, map }
    }
}

/// What a paragraph looks like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Headline,
    Caption,
    Marker,
    Body,
}

#[derive(Clone, Debug)]
struct Para {
    span: Span,
    text: String,
    class: Class,
    opens: bool,
    closes: bool,
    continued: bool,
    subhead: bool,
    /// The paragraph is nothing but a signature in brackets: （杨光利）.
    bare_signature: bool,
}

const SENTENCE_END: &[char] = &[
    '。', '！', '？', '!', '?', '”', '’', '"', '…', '；', ';', '：', ':', '）', ')', '」', '』',
    '》',
];

static OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:据)?(?:新华社|中新社|本报)[^，。：；、\s]{0,24}?(?:电|讯)").unwrap()
});
static CLOSING_DATELINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[（(][^（）()]{0,40}(?:电|讯)[^（）()]{0,40}[）)]$").unwrap());
static SIGNATURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[（(]([^（）()]{1,40})[）)]$|[。！？!?”…][（(]([^（）()0-9]{1,16})[）)]$")
        .unwrap()
});
static JUMP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[（(]?下转第.{1,3}版[）)]?$").unwrap());
static CONTINUED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[（(](?:上接|接)第.{1,3}版[）)]").unwrap());
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^图[为：:]|^图片[：:]|图为|^(?:压题|题图)?照片[为：:]|(?:摄|摄影|摄影报道|供图|制图|社发|者发|照片|社稿)[）)]?$",
    )
        .unwrap()
});
/// A note closing an article: on its author or its source in brackets （作者系…）, （本文…）, or
/// the signature of an editor's note ———编者.
static CLOSING_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[（(](?:作者|本文|编者)[^（）()]*[）)]$|[—－-]{1,3}编者[）)]?$").unwrap()
});
static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[一二三四五六七八九十]{1,3}[、.]?|[（(][一二三四五六七八九十]{1,3}[）)]|[0-9]{1,2}|[（(][A-Za-z0-9、,，\s]{1,9}[）)]|[*＊…·\-—=_~※]{2,})$",
    )
    .unwrap()
});
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9]{1,2}[.、]|第[一二三四五六七八九十百0-9]{1,4}(?:章|节|部分|篇|[,，、：:])|[^，,。]{0,8}之[一二三四五六七八九十][:：]|(?:记者|问)[:：])")
        .unwrap()
});
static DATE_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[0-9〇零一二三四五六七八九十]+年(?:[0-9一二三四五六七八九十]+月(?:[0-9一二三四五六七八九十]+日)?)?$|^[0-9一二三四五六七八九十]+月(?:[0-9一二三四五六七八九十]+日)?$").unwrap()
});
static DATE_LIKE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9〇零一二三四五六七八九十]+[年月日]").unwrap());

/// True for a short line that reads like a headline: no sentence inside, no sentence-final
/// punctuation at the end (a short question or exclamation is allowed).
fn headline_like(t: &str) -> bool {
    let n = t.chars().count();
    // A quotation introduced by a colon (有记者问：“…？”) is a sentence, not a headline.
    if n == 0 || n > 64 || t.contains('。') || t.contains(":“") || t.contains("：“") {
        return false;
    }
    let first = t.chars().next().unwrap_or(' ');
    let last = t.chars().last().unwrap_or(' ');
    // A line opening with a dash and a name attributes what stands above it (———王文西（山东））;
    // a longer one is a subtitle (——怀念…).
    if matches!(first, '—' | '－' | '-') {
        let rest = t.trim_start_matches(['—', '－', '-']);
        let name = rest.split(['(', '（']).next().unwrap_or(rest);
        if name.chars().count() <= ATTRIBUTION_NAME {
            return false;
        }
    }
    // A line opening with a quotation is a quoted sentence when the quotation runs to its end
    // (“明年的重点是什么？”), a headline when words follow the quotation (“称谓”之忧).
    if matches!(first, '“' | '"' | '‘') && matches!(last, '”' | '"' | '’') {
        return false;
    }
    match last {
        '”' => t.contains('“'),
        '，' | '、' | '；' | '：' | ',' | ';' | ':' | '"' => false,
        '！' | '？' | '!' | '?' => n <= 20,
        _ => true,
    }
}

/// The longest name (characters) a line opening with a dash may hold to be taken as the
/// attribution of what stands above it rather than a subtitle.
const ATTRIBUTION_NAME: usize = 8;

/// True for a section subhead: numbered (一、…), or two parallel phrases set apart by a space
/// or a comma (巩固务实合作 共促地区和平发展, 党政重视，步入良性循环轨道).
fn subhead_like(t: &str) -> bool {
    // A date on its own line marks a stage of a chronicle (１９９４年４月).
    if NUMBERED.is_match(t) || DATE_ONLY.is_match(t) {
        return true;
    }
    let parts: Vec<&str> = t
        .split([' ', '\u{3000}', '，'])
        .filter(|p| !p.is_empty())
        .collect();
    parts.len() == 2 && parts.iter().all(|p| (4..=14).contains(&p.chars().count()))
}

fn classify(span: Span, raw: &str) -> Para {
    let text = normalize::fold(raw);
    let t = text.as_str();
    let continued = CONTINUED.is_match(t);
    let opens = OPENING.is_match(t);
    let signature = SIGNATURE.captures(t).is_some_and(|c| {
        let Some(inner) = c.get(1).or_else(|| c.get(2)).map(|m| m.as_str()) else {
            return false;
        };
        let ideographs = inner
            .chars()
            .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
            .count();
        (ideographs >= 2 || inner == "完")
            && !DATE_LIKE.is_match(inner)
            && !inner.contains(['摄', '图', '附', '续', '接', '转', '版', '试', '草'])
            // A note that the full text comes elsewhere （全文另发） ends no article.
            && !inner.contains("另发")
    });
    let closes =
        CLOSING_DATELINE.is_match(t) || signature || JUMP.is_match(t) || CLOSING_NOTE.is_match(t);
    let class = if MARKER.is_match(t) {
        Class::Marker
    } else if CAPTION.is_match(t) && !opens {
        Class::Caption
    } else if !closes && !opens && !continued && headline_like(t) {
        Class::Headline
    } else {
        Class::Body
    };
    Para {
        bare_signature: signature && t.starts_with(['（', '(']),
        span,
        subhead: class == Class::Headline && subhead_like(t),
        text,
        class,
        opens,
        closes,
        continued,
    }
}

/// The paragraphs of a page: each non-blank line, trimmed of surrounding white space.
fn paragraphs(page: &[char]) -> Vec<Para> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < page.len() {
        let mut end = start;
        while end < page.len() && page[end] != '\n' {
            end += 1;
        }
        let mut s = start;
        let mut e = end;
        while s < e && page[s].is_whitespace() {
            s += 1;
        }
        while e > s && page[e - 1].is_whitespace() {
            e -= 1;
        }
        if e > s {
            let raw: String = page[s..e].iter().collect();
            out.push(classify(Span { start: s, end: e }, &raw));
        }
        start = end + 1;
    }
    out
}

/// Character bigrams of CJK ideographs (the vocabulary a cohesion test compares).
fn bigrams(text: &str) -> HashSet<(char, char)> {
    let cjk = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(2)
        .filter(|w| cjk(w[0]) && cjk(w[1]))
        .map(|w| (w[0], w[1]))
        .collect()
}

/// Share of the bigrams of `after` that also occur in `before`.
fn cohesion(before: &str, after: &str) -> f64 {
    let a = bigrams(before);
    let b = bigrams(after);
    if b.is_empty() {
        return 0.0;
    }
    b.iter().filter(|g| a.contains(g)).count() as f64 / b.len() as f64
}

/// Above this share of shared vocabulary, an uncued headline block is taken for a subhead of
/// the article before it rather than the start of a new article.
const COHESION_THRESHOLD: f64 = 0.2;
/// How much text each side of a candidate boundary the cohesion test reads (characters).
const COHESION_BEFORE: usize = 1500;
const COHESION_AFTER: usize = 600;

/// What an uncued headline block looks like, for telling a new article's headline from a
/// subhead of the article before it. The block follows a finished sentence, no dateline follows
/// it, and it is not numbered; [`BlockCues::score`] weighs the cues against each other.
struct BlockCues<'a> {
    block: &'a [Para],
    /// Share of the block's (and the following text's) vocabulary already used in the article.
    cohesion: f64,
    /// Share of the block's own vocabulary already used in the article.
    line_cohesion: f64,
    /// Paragraphs since the previous headline block (or the start of the page).
    since: usize,
    /// The article so far opened with a dateline (a news report rather than a feature).
    dated: bool,
    /// The article so far opened with a byline (a feature, which is where subheads stand).
    bylined: bool,
    /// Headline blocks already kept inside the article as its subheads.
    subheads: usize,
    /// Characters of running text in the article so far.
    length: usize,
    /// Short lines of about the block's length among the following paragraphs (up to the next
    /// dateline): subheads come in series.
    series: usize,
}

/// A short article so far (characters of running text): subheads stand early in long ones.
const SHORT_ARTICLE: usize = 300;

impl BlockCues<'_> {
    /// Above zero the block opens a new article. The weights were fit by logistic regression
    /// (a missed boundary weighed twice a false one, as it spoils two articles) on the headline
    /// blocks of a development set laid out as pages of 5–10 articles, and rounded. Held out,
    /// they gain less than on the set they were fit on: fit on one half of its pages they
    /// recover 90.1 % and 87.7 % of the other half's articles, against 88.8 % and 88.3 % for
    /// the hand-set weights they replaced (and 90.5 %, 89.6 % when fit on all; measured before
    /// the later sign-off, picture and dateline cues, which leave the constant at its best).
    /// They read:
    /// - shared vocabulary speaks for a subhead (−0.5 for every tenth of bigrams of the block
    ///   and the text under it already used in the article, −0.25 for the block's own);
    /// - a byline under the headline (本报记者 …, a two-to-four-character name) or a headline of
    ///   the shape of a feature (main title —— subtitle, （附图片…）) speaks for a new article;
    /// - a lone line is more often a subhead, and a run of three or more short lines is a poem's
    ///   stanza or a list of works rather than a headline;
    /// - punctuation inside the line (a comma, 、) or a closing ？/！ is a subhead's shape;
    /// - an article that opened with a dateline is a report, which rarely has subheads: a
    ///   headline after it opens the next article;
    /// - subheads come in series: one already kept in the article, or more short lines of about
    ///   the block's length further on, speak for a subhead; so does a short article so far
    ///   (its lead paragraph before the first subhead) and, a little, longer lines.
    fn score(&self) -> f64 {
        let first = &self.block[0].text;
        let n = self.block.len();
        let flag = |b: bool| if b { 1.0 } else { 0.0 };
        let byline = self.block[1..].iter().any(|p| byline_like(&p.text));
        let mut s = 3.3;
        s -= 0.5 * 10.0 * self.cohesion;
        s -= 0.25 * 10.0 * self.line_cohesion;
        s -= 1.4 * flag(n == 1);
        s -= 0.65 * flag(n >= 3);
        s += 1.2 * flag(byline);
        s += 1.7 * flag(feature_shaped(first));
        s -= 0.85 * flag(first.contains([',', '，', '、']));
        s -= 0.35 * flag(first.ends_with(['?', '？', '!', '！']));
        s -= 0.025 * first.chars().count().min(30) as f64;
        s += 0.01 * self.since.min(40) as f64;
        s += 1.55 * flag(self.dated);
        s -= 0.8 * flag(self.subheads > 0);
        s -= 0.55 * flag(self.series >= 2);
        s -= 0.25 * flag(self.bylined);
        s -= 1.1 * flag(self.length < SHORT_ARTICLE);
        s
    }
}

/// True when the block `i..k` is a place name over a dateline inside an article that already
/// holds a dateline: a section of a round-up of reports from several places (泰国 / 本报曼谷…电,
/// 菲律宾 / 据新华社马尼拉…电).
fn round_up_section(paras: &[Para], b: &Building, i: usize, k: usize) -> bool {
    let t = &paras[i].text;
    let n = t.chars().count();
    k == i + 1
        && (2..=ROUND_UP_PLACE).contains(&n)
        && t.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        && paras.get(k).is_some_and(|p| p.opens)
        && b.running.iter().any(|&(r, _)| paras[r].opens)
}

/// The longest place name [`round_up_section`] takes for a section's head (characters).
const ROUND_UP_PLACE: usize = 4;

/// Where a new article's headline stands inside the run of short lines `i..k`, below its
/// first line: the first line over a byline (a name, 本报评论员) that is no byline itself.
fn headline_in_run(paras: &[Para], i: usize, k: usize) -> Option<usize> {
    (i + 1..k).find(|&j| {
        j + 1 < k
            && byline_like(&paras[j + 1].text)
            && !byline_like(&paras[j].text)
            && !paras[j].subhead
    })
}

/// True when article `b` has no running text yet under a title announcing pictures
/// （附图片２张）.
fn pictures_announced(paras: &[Para], b: &Building) -> bool {
    !b.has_body && b.title.is_some_and(|t| paras[t].text.contains("(附图"))
}

/// The longest line (characters) taken for a closing line of its own under a signature block
/// (2024年7月5日于杜尚别 （新华社杜尚别7月5日电））.
const CLOSING_LINE: usize = 64;

/// True when article `b` is a photo item (its title marked （图片）, no running text under it)
/// whose caption ends just before paragraph `i`: the item is complete.
fn photo_item_done(paras: &[Para], b: &Building, i: usize) -> bool {
    let titled_photo = b.title.is_some_and(|t| {
        paras[t].text.ends_with("(图片)") && b.running.iter().all(|&(r, _)| r == t)
    });
    titled_photo
        && !b.captions.is_empty()
        && paras[i - 1].class == Class::Caption
        && !bracketed(&paras[i].text)
}

/// How many short lines of about the length of the block's first line stand among the next
/// paragraphs after the block, up to the next dateline.
fn series_after(paras: &[Para], i: usize, k: usize) -> usize {
    let n = paras[i].text.chars().count();
    paras[k..]
        .iter()
        .take(SERIES_WINDOW)
        .take_while(|p| !p.opens)
        .filter(|p| {
            let m = p.text.chars().count();
            p.class == Class::Headline && m * 2 >= n && m <= n * 2
        })
        .count()
}

/// How many paragraphs after a headline block [`series_after`] reads.
const SERIES_WINDOW: usize = 20;

/// True for a headline of the shape of a feature: a main title and a subtitle set apart by a
/// dash (追求崇高——九七年主题性美术创作点评), or a note of pictures （附图片５张）, （图片）.
fn feature_shaped(t: &str) -> bool {
    t.find("——").is_some_and(|at| at > 0) || t.contains("(附") || t.ends_with("(图片)")
}

/// True when paragraph `i` is a short line directly over a bare bracketed name (the label of
/// a picture, a piece of calligraphy or a seal: 迎虎年（书法） / （关山月））.
fn artwork_label(paras: &[Para], i: usize) -> bool {
    paras[i].class == Class::Headline && paras.get(i + 1).is_some_and(|n| n.bare_signature)
}

/// True for a line that signs an article off: the paper's or the agency's byline, a department
/// (群众工作部) or a date.
fn signoff_like(t: &str) -> bool {
    ["本报", "新华社"].iter().any(|w| t.starts_with(w))
        || DATE_ONLY.is_match(t)
        || (t.chars().count() <= SIGNED_DATE && SIGNED_DATE_END.is_match(t))
        || (t.chars().count() <= 8 && t.ends_with(['部', '室', '组']))
}

/// The longest line (characters) taken for a name with its date signing a letter off.
const SIGNED_DATE: usize = 24;
/// A line ending with a year and a month (赵国政吕艺生１９９７年１２月).
static SIGNED_DATE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[0-9〇零一二三四五六七八九]{4}年[0-9一二三四五六七八九十]{1,2}月(?:[0-9一二三四五六七八九十]{1,3}日)?$").unwrap()
});

/// True for the head of an editor's afterword or note: 编后, 编后语, 编者按, 编者的话.
fn afterword(t: &str) -> bool {
    ["编后", "编者按", "编者的话", "编辑点评"]
        .iter()
        .any(|w| t.starts_with(w))
}

/// The longest salutation line (characters): 李明同志：, 编辑同志：.
const SALUTATION: usize = 12;

/// True for the salutation of a letter or a reply on a line of its own: 李明同志：.
fn salutation(t: &str) -> bool {
    t.chars().count() <= SALUTATION && t.ends_with([':', '：']) && !t.contains([',', '，', '。'])
}

/// True for a line wholly in brackets: a credit, a signature or a note （周文广摄）（新华社稿）.
fn bracketed(t: &str) -> bool {
    t.starts_with(['(', '（']) && t.ends_with([')', '）'])
}

/// True for a byline under a headline: 本报记者 某某, 新华社记者 …, 特约通讯员 …, or a bare
/// name of two to four characters.
fn byline_like(t: &str) -> bool {
    let n = t.chars().count();
    ["本报", "新华社", "特约", "通讯员"]
        .iter()
        .any(|w| t.starts_with(w))
        || ((2..=4).contains(&n) && t.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)))
}

/// Below this share of shared vocabulary, a paragraph after an untitled one-paragraph item is
/// the next item of a column of briefs.
const BRIEF_COHESION: f64 = 0.1;

/// True when paragraph `i` is the next of a column of untitled briefs: the article so far is a
/// single untitled paragraph after another article (no headline, no dateline, no continuation
/// mark, not the top of the page) that ends a
/// sentence, and paragraph `i`, ordinary text, shares little of its vocabulary. Briefs come in
/// runs of one-paragraph items, while an untitled paragraph after a closed article followed by
/// an unrelated one is rarely a single article.
fn brief_follows(paras: &[Para], b: &Building, i: usize) -> bool {
    let p = &paras[i];
    // The page's first paragraph may be the end of an article begun elsewhere: not a brief.
    if p.class != Class::Body
        || p.opens
        || p.bare_signature
        || b.first == 0
        || b.title.is_some()
        || b.running.len() != 1
    {
        return false;
    }
    let (only, _) = b.running[0];
    let first = &paras[only];
    if only + 1 != i || first.class != Class::Body || first.opens || first.continued {
        return false;
    }
    first.text.ends_with(SENTENCE_END)
        && cohesion(&first.text, &head_text(paras, i, COHESION_AFTER)) < BRIEF_COHESION
}

/// The longest paragraph (characters) taken for a brief of a column of untitled news items.
const BRIEF_MAX: usize = 300;
/// Below this share of vocabulary shared with its neighbour, a brief is unrelated to it.
const BRIEF_NEIGHBOUR_COHESION: f64 = 0.1;

/// A brief's lead: who, then when (X日, 日前, 近日, 最近, 今天), before the first comma:
/// 赞比亚总统奇卢巴去年十二月三十一日下令…, 建设部最近发出通知….
static BRIEF_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:据)?[^,，。:：]{2,40}?(?:[0-9一二三四五六七八九十]{1,3}日|日前|近日|最近|今天|昨天|前不久)")
        .unwrap()
});

/// True for a paragraph shaped like a brief: ordinary text, short, opening with its lead, and
/// no item of a numbered or bulleted list.
fn brief_like(p: &Para) -> bool {
    p.class == Class::Body
        && !p.opens
        && !p.continued
        && !p.closes
        && p.text.chars().count() <= BRIEF_MAX
        && !NUMBERED.is_match(&p.text)
        && !p.text.starts_with(['▲', '●', '■', '◆', '△', '○', '★', '☆'])
        && BRIEF_LEAD.is_match(&p.text)
        && !NARRATIVE_TIME.is_match(&p.text)
}

/// A paragraph opening with its time (１９９７年７月２３日下午，…, 次日，…) goes on with a
/// story; a brief opens with who.
static NARRATIVE_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[0-9〇零一二三四五六七八九十]+[年月日]|去年|今年|当天|当晚|次日|同日|此后|随后)",
    )
    .unwrap()
});

/// True when paragraph `i` is an item of a column of untitled briefs running on from the
/// article before: a short paragraph with a brief's lead after a finished paragraph, sharing
/// little vocabulary with it, next to another brief (the paragraph before it, or an unrelated
/// one after it). A report's paragraphs share its vocabulary; a column's items do not.
fn brief_in_column(paras: &[Para], b: &Building, i: usize) -> bool {
    let p = &paras[i];
    let prev = &paras[i - 1];
    if !b.has_body
        || !brief_like(p)
        || prev.class != Class::Body
        || !prev.text.ends_with(SENTENCE_END)
        || cohesion(&prev.text, &p.text) >= BRIEF_NEIGHBOUR_COHESION
    {
        return false;
    }
    brief_like(prev)
        || paras
            .get(i + 1)
            .is_some_and(|n| brief_like(n) && cohesion(&p.text, &n.text) < BRIEF_NEIGHBOUR_COHESION)
}

/// How many character pairs of an article's headline a dateline paragraph must repeat in its
/// opening for the headline to be taken as announcing it (a round-up's headline names each of
/// its reports: 纽约股市开门红印尼菲律宾货币汇率再跌 over 新华社雅加达…电 印尼盾…).
const ANNOUNCED_PAIRS: usize = 2;
/// How much of the dateline paragraph is compared with the headline (characters).
const ANNOUNCED_WINDOW: usize = 120;

/// True when the headline block of article `b` announces the report opening at paragraph `i`.
fn title_announces(paras: &[Para], b: &Building, i: usize) -> bool {
    let Some(t) = b.title else {
        return false;
    };
    let mut title = String::new();
    for p in &paras[t..] {
        if p.class != Class::Headline {
            break;
        }
        title.push_str(&p.text);
        title.push('\n');
    }
    let opening: String = paras[i].text.chars().take(ANNOUNCED_WINDOW).collect();
    let shared = bigrams(&opening).intersection(&bigrams(&title)).count();
    shared >= ANNOUNCED_PAIRS
}

/// What a headline block does to the article it follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Block {
    /// It opens a new article.
    Opens,
    /// It stays in the current one (a subhead, a signature block).
    Stays,
    /// It interrupts a sentence of the current article.
    Interleaved,
}

/// An article being assembled: paragraph indices and roles.
#[derive(Default)]
struct Building {
    first: usize,
    last: usize,
    title: Option<usize>,
    /// Paragraphs of the running text; `true` when joined to the one before.
    running: Vec<(usize, bool)>,
    /// Interleaved headline paragraphs (moved to the front of the running text).
    interleaved: Vec<usize>,
    captions: Vec<usize>,
    /// True once a paragraph other than a headline belongs to it.
    has_text: bool,
    /// True once a paragraph of running text (not a headline, not a caption) belongs to it.
    has_body: bool,
    /// Headline blocks kept inside it as subheads.
    subheads: usize,
}

impl Building {
    fn new(first: usize) -> Self {
        Building {
            first,
            last: first,
            ..Default::default()
        }
    }
}

fn tail_text(paras: &[Para], b: &Building, limit: usize) -> String {
    let mut parts: Vec<&str> = Vec::new();
    let mut n = 0;
    for &(i, _) in b.running.iter().rev() {
        parts.push(&paras[i].text);
        n += paras[i].text.chars().count();
        if n >= limit {
            break;
        }
    }
    parts.reverse();
    parts.join("\n")
}

fn head_text(paras: &[Para], from: usize, limit: usize) -> String {
    let mut s = String::new();
    for p in &paras[from..] {
        if s.chars().count() >= limit {
            break;
        }
        s.push_str(&p.text);
        s.push('\n');
    }
    s
}

/// Split a page into its articles. A text without any of the cues comes back as one article.
///
/// ```
/// let page = "会谈在北京举行。\n（新华社北京7月5日电）\n两国签署协定\n新华社杜尚别7月5日电 两国签署协定。";
/// let articles = corpus_cli::split::split_page(page);
/// assert_eq!(articles.len(), 2);
/// assert_eq!(articles[1].title.as_deref(), Some("两国签署协定"));
/// ```
pub fn split_page(page: &str) -> Vec<Article> {
    let chars: Vec<char> = page.chars().collect();
    let paras = paragraphs(&chars);
    let mut done: Vec<Building> = Vec::new();
    let mut cur: Option<Building> = None;
    let mut closed = false;
    // Where the last headline block began (for the distance cue of [`BlockCues`]).
    let mut last_block = 0;
    // Set when a run of short lines was cut before a headline (see [`headline_in_run`]).
    let mut run_cut = false;
    let mut i = 0;
    while i < paras.len() {
        let p = &paras[i];
        if p.class == Class::Headline {
            let mut k = i;
            while k < paras.len() && paras[k].class == Class::Headline {
                // A run of short lines is cut before the label of a work of art (a title over
                // its author's bracketed name: 迎虎年（书法） / （关山月）), which is an item.
                if k > i && artwork_label(&paras, k) {
                    break;
                }
                k += 1;
            }
            // Sign-off lines of the article before (本报记者 某某, 文艺部, １９９８年１月７日)
            // standing over the next headline stay with that article.
            // So do a credit or a note in brackets closing it （周文广摄）（新华社稿）, and a
            // letter's signature: a name over a date, or both on one line.
            let signoff = cur.as_ref().is_some_and(|b| b.has_text)
                && matches!(paras[i - 1].class, Class::Body | Class::Caption)
                && paras[i - 1].text.ends_with(SENTENCE_END);
            if signoff {
                let mut s = i;
                while s + 1 < k
                    && (signoff_like(&paras[s].text)
                        || bracketed(&paras[s].text)
                        || (byline_like(&paras[s].text) && DATE_ONLY.is_match(&paras[s + 1].text)))
                {
                    s += 1;
                }
                if s > i {
                    let b = cur.as_mut().expect("current article");
                    for h in i..s {
                        b.running.push((h, false));
                    }
                    b.last = s - 1;
                    // Signed off with a date or a credit, the article is done: the headline
                    // under it opens the next (a byline 本报记者… may stand over a subhead).
                    closed = paras[i..s].iter().any(|h| {
                        DATE_ONLY.is_match(&h.text)
                            || SIGNED_DATE_END.is_match(&h.text)
                            || bracketed(&h.text)
                    }) && !DATE_ONLY.is_match(&paras[s].text);
                    i = s;
                    continue;
                }
            }
            // A headline with its byline low in a run of short lines announced as a list (图片：
            // and the labels of pictures) opens an article there: the lines above it end the
            // article before.
            let listed = !closed
                && cur.as_ref().is_some_and(|b| b.has_text)
                && paras[i - 1].text.ends_with([':', '：']);
            if let Some(j) = listed.then(|| headline_in_run(&paras, i, k)).flatten() {
                let b = cur.as_mut().expect("current article");
                for h in i..j {
                    b.running.push((h, false));
                }
                b.last = j - 1;
                run_cut = true;
                i = j;
                continue;
            }
            let next = paras.get(k);
            let since_start = last_block;
            let decision = match &cur {
                None => Block::Opens,
                Some(_) if std::mem::take(&mut run_cut) => Block::Opens,
                // An editor's afterword (编后, 编者的话) belongs to the article it follows.
                Some(b) if b.has_body && afterword(&paras[i].text) => Block::Stays,
                Some(_) if closed => Block::Opens,
                // Credits in brackets （李明）（图表由…制作） under a finished paragraph.
                Some(_) if paras[i..k].iter().all(|h| bracketed(&h.text)) => Block::Stays,
                Some(b) if !b.has_text => Block::Stays,
                Some(_) if artwork_label(&paras, i) => Block::Opens,
                // Under the caption of an article announced with its pictures （附图片２张）,
                // before any of its text, a block is still that article's.
                Some(b)
                    if pictures_announced(&paras, b)
                        && paras[i - 1].class == Class::Caption
                        && !feature_shaped(&paras[i].text) =>
                {
                    Block::Stays
                }
                Some(b) if round_up_section(&paras, b, i, k) => Block::Stays,
                Some(_) if next.is_some_and(|n| n.opens || n.continued) => Block::Opens,
                Some(_)
                    if next.is_some_and(|n| {
                        n.closes
                            && !n.bare_signature
                            && n.class != Class::Caption
                            && n.text.chars().count() <= CLOSING_LINE
                    }) =>
                {
                    Block::Stays
                }
                Some(b) if photo_item_done(&paras, b, i) => Block::Opens,
                Some(b) => {
                    let prev = &paras[i - 1];
                    let broken = prev.class == Class::Body
                        && !prev.text.ends_with(SENTENCE_END)
                        && prev.text.chars().count() > 48
                        && next.is_some_and(|n| n.class == Class::Body && !n.opens);
                    if broken {
                        Block::Interleaved
                    } else if prev.text.ends_with(['，', ',', '、', '：', ':', '；', ';']) {
                        // A short line ending mid-sentence (a line of verse) or announcing a list
                        // (图片：, 抽查合格的产品有：): the block goes on with it.
                        Block::Stays
                    } else if paras[i..k].iter().all(|h| h.subhead) {
                        Block::Stays
                    } else {
                        let before = tail_text(&paras, b, COHESION_BEFORE);
                        let after = head_text(&paras, i, COHESION_AFTER);
                        let block: String = paras[i..k]
                            .iter()
                            .map(|p| p.text.as_str())
                            .collect::<Vec<_>>()
                            .join("\n");
                        let cues = BlockCues {
                            block: &paras[i..k],
                            cohesion: cohesion(&before, &after),
                            line_cohesion: cohesion(&before, &block),
                            since: i - since_start,
                            dated: b.running.iter().any(|&(r, _)| paras[r].opens),
                            bylined: paras[b.first..i]
                                .iter()
                                .take(4)
                                .any(|p| byline_like(&p.text)),
                            subheads: b.subheads,
                            length: b
                                .running
                                .iter()
                                .map(|&(r, _)| paras[r].text.chars().count())
                                .sum(),
                            series: series_after(&paras, i, k),
                        };
                        if cues.score() > 0.0 {
                            Block::Opens
                        } else {
                            Block::Stays
                        }
                    }
                }
            };
            last_block = i;
            if decision == Block::Interleaved {
                // Rejoin the sentence around the headline, which titles the article it breaks.
                let b = cur.as_mut().expect("current article");
                if b.title.is_none() {
                    b.title = Some(i);
                }
                b.interleaved.extend(i..k);
                b.running.push((k, true));
                b.last = k;
                closed = paras[k].closes;
                i = k + 1;
                continue;
            }
            let new_article = decision == Block::Opens;
            if new_article {
                if let Some(b) = cur.take() {
                    done.push(b);
                }
                let mut b = Building::new(i);
                b.title = Some(i);
                cur = Some(b);
            }
            let b = cur.as_mut().expect("current article");
            if !new_article {
                b.subheads += 1;
            }
            for h in i..k {
                b.running.push((h, false));
            }
            b.last = k - 1;
            closed = false;
            i = k;
            continue;
        }
        let start_new = match &cur {
            None => true,
            Some(_) if p.class == Class::Caption => false,
            // A separator over an editor's afterword, and the salutation of a reply under the
            // signed letter it answers (李明同志：), go on with the article.
            Some(_)
                if closed
                    && ((p.class == Class::Marker
                        && paras.get(i + 1).is_some_and(|n| afterword(&n.text)))
                        || salutation(&p.text)) =>
            {
                false
            }
            Some(_) if closed => true,
            Some(b) if photo_item_done(&paras, b, i) => true,
            Some(_) if p.continued => true,
            // Untitled reports opening with their datelines come one after another: each
            // dateline opens the next (a round-up has a headline over its reports).
            Some(b) if p.opens && b.title.is_none() && paras[b.first].opens => true,
            Some(_) if p.opens && p.text.starts_with('据') => false,
            Some(b) if p.opens && b.has_body && !p.text.starts_with('据') => {
                // A dateline inside an article (a round-up of several reports) continues it
                // when it follows an unfinished line or shares the article's vocabulary.
                let prev = &paras[i - 1];
                prev.text.ends_with(SENTENCE_END) && !title_announces(&paras, b, i) && {
                    let before = tail_text(&paras, b, COHESION_BEFORE);
                    let after = head_text(&paras, i, COHESION_AFTER);
                    cohesion(&before, &after) < COHESION_THRESHOLD
                }
            }
            Some(b) if brief_follows(&paras, b, i) => true,
            Some(b) if brief_in_column(&paras, b, i) => true,
            Some(_) => false,
        };
        if start_new {
            if let Some(b) = cur.take() {
                done.push(b);
            }
            cur = Some(Building::new(i));
        }
        let b = cur.as_mut().expect("current article");
        if p.class == Class::Caption {
            b.captions.push(i);
        } else {
            b.running.push((i, false));
            b.has_body = true;
        }
        b.has_text = true;
        b.last = i;
        closed = p.closes && p.class != Class::Caption;
        i += 1;
    }
    if let Some(b) = cur.take() {
        done.push(b);
    }
    done.into_iter()
        .enumerate()
        .map(|(n, b)| {
            let mut pieces: Vec<Piece> = b
                .interleaved
                .iter()
                .map(|&h| Piece {
                    span: paras[h].span,
                    joined: false,
                })
                .collect();
            pieces.extend(b.running.iter().map(|&(r, joined)| Piece {
                span: paras[r].span,
                joined,
            }));
            let title_span = b.title.map(|t| paras[t].span);
            Article {
                number: n + 1,
                span: Span {
                    start: paras[b.first].span.start,
                    end: paras[b.last].span.end,
                },
                title: title_span.map(|s| chars[s.start..s.end].iter().collect()),
                title_span,
                captions: b.captions.iter().map(|&c| paras[c].span).collect(),
                pieces,
            }
        })
        .collect()
}

/// A dateline: the news agency's (or paper's) place-and-date line that opens or closes a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dateline {
    pub year: Option<u32>,
    pub month: u32,
    pub day: Option<u32>,
}

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[（(])(?:据)?(?:新华社|中新社|本报)[^，。：；、（）()]{0,12}?((?:[0-9]{4}|[〇零一二三四五六七八九]{4})年)?([0-9]{1,2}|[一二三四五六七八九十]{1,3})月([0-9]{1,2}|[一二三四五六七八九十]{1,4})日\s?(?:电|讯)",
    )
    .unwrap()
});

/// The dateline of a paragraph (新华社杜尚别7月5日电, 本报北京１月１日讯, （新华社北京7月5日电）),
/// at its start or closing it in brackets.
///
/// ```
/// use corpus_cli::split::find_dateline;
/// let d = find_dateline("新华社杜尚别7月5日电 7月5日，活动举行。").unwrap();
/// assert_eq!((d.year, d.month, d.day), (None, 7, Some(5)));
/// let d = find_dateline("本报北京１月１日讯 记者报道").unwrap();
/// assert_eq!((d.month, d.day), (1, Some(1)));
/// ```
pub fn find_dateline(paragraph: &str) -> Option<Dateline> {
    // A dateline is taken only at the start of the paragraph (opening with 据, its agency or
    // paper, or a bracket) or closing it in brackets; it names its agency or paper and holds
    // 月, 日 and 电 or 讯. Folding maps （ and ） to ( and ) and leaves the other characters
    // asked about as written, so most paragraphs are turned down here, as written, before they
    // are folded and searched.
    let paragraph = paragraph.trim();
    let may_open = paragraph.starts_with(['据', '新', '中', '本', '（', '(']);
    let may_close = paragraph.ends_with(['）', ')']);
    if !(may_open || may_close)
        || !["新华社", "中新社", "本报"]
            .iter()
            .any(|w| paragraph.contains(w))
        || !(paragraph.contains('月') && paragraph.contains('日'))
        || !paragraph.contains(['电', '讯'])
    {
        return None;
    }
    let folded = normalize::fold(paragraph);
    let c = DATELINE.captures(&folded)?;
    let whole = c.get(0)?;
    // An opening dateline stands at the start; a closing one is in brackets at the end.
    let at_start = whole.start() == 0;
    let at_end = folded[whole.end()..]
        .trim_start()
        .trim_end()
        .chars()
        .all(|ch| ch != '（' && ch != '(')
        && folded.trim_end().ends_with(['）', ')']);
    if !at_start && !at_end {
        return None;
    }
    let written = format!(
        "{}{}月{}日",
        c.get(1).map_or("", |m| m.as_str()),
        &c[2],
        &c[3]
    );
    let v = value_of(&written)?;
    let parts: Vec<&str> = v.iso.trim_start_matches('-').split('-').collect();
    if v.iso.starts_with("--") {
        Some(Dateline {
            year: None,
            month: parts.first()?.parse().ok()?,
            day: parts.get(1).and_then(|d| d.parse().ok()),
        })
    } else {
        Some(Dateline {
            year: parts.first()?.parse().ok(),
            month: parts.get(1)?.parse().ok()?,
            day: parts.get(2).and_then(|d| d.parse().ok()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(page: &str) -> Vec<String> {
        let chars: Vec<char> = page.chars().collect();
        split_page(page)
            .iter()
            .map(|a| chars[a.span.start..a.span.end].iter().collect())
            .collect()
    }

    const BODY_A: &str =
        "上海合作组织成员国元首理事会会议在阿斯塔纳举行，各方围绕地区安全与发展合作深入交换意见。";
    const BODY_B: &str =
        "全市今年新建养老服务中心十二所，社区食堂覆盖所有街道，老年人就餐更加方便。";

    #[test]
    fn opening_dateline_after_a_title_starts_an_article() {
        let page = format!("{BODY_A}\n养老服务惠及全市老人\n本报北京１月１日讯 {BODY_B}\n{BODY_B}");
        let t = texts(&page);
        assert_eq!(t.len(), 2, "{t:?}");
        assert!(t[1].starts_with("养老服务惠及全市老人\n本报北京"));
        let a = split_page(&page);
        assert_eq!(a[1].title.as_deref(), Some("养老服务惠及全市老人"));
        assert_eq!(a[0].title, None);
    }

    #[test]
    fn title_less_dateline_starts_an_article() {
        let page = format!("{BODY_A}\n新华社杜尚别7月5日电 {BODY_B}");
        assert_eq!(texts(&page).len(), 2);
    }

    #[test]
    fn closing_dateline_and_signature_end_an_article() {
        let page =
            format!("{BODY_A}\n（新华社北京7月5日电）\n{BODY_B}\n{BODY_B}（方明）\n{BODY_A}");
        let t = texts(&page);
        assert_eq!(t.len(), 3, "{t:?}");
        assert!(t[0].ends_with("（新华社北京7月5日电）"));
        assert!(t[1].ends_with("（方明）"));
    }

    #[test]
    fn a_date_in_brackets_is_no_signature() {
        let page = format!("新年讲话\n（一九九七年十二月三十一日）\n{BODY_A}");
        assert_eq!(texts(&page).len(), 1);
    }

    #[test]
    fn continuation_mark_starts_an_article() {
        let page = format!("{BODY_A}\n{BODY_A}\n（上接第二版）{BODY_B}");
        let t = texts(&page);
        assert_eq!(t.len(), 2);
        assert!(t[1].starts_with("（上接第二版）"));
    }

    #[test]
    fn interleaved_headline_is_rejoined_and_becomes_the_title() {
        let page = format!(
            "{BODY_A}各方认同“阿富汗是地\n\n共建更加美好的家园\n\n区安全不可或缺的一环”的论述。{BODY_A}"
        );
        let arts = split_page(&page);
        assert_eq!(arts.len(), 1);
        assert_eq!(arts[0].title.as_deref(), Some("共建更加美好的家园"));
        let chars: Vec<char> = page.chars().collect();
        let run = arts[0].running_text(&chars);
        assert!(
            run.text.contains("“阿富汗是地区安全不可或缺的一环”"),
            "{}",
            run.text
        );
        assert!(run.text.starts_with("共建更加美好的家园\n"));
        // Offsets of the rejoined text point back into the page.
        let at = run.text.chars().position(|c| c == '区').unwrap();
        assert_eq!(chars[run.map.to_page(at)], '区');
        let s = run.map.span_to_page(at - 1, at + 1);
        assert_eq!(chars[s.start], '地');
        assert_eq!(chars[s.end - 1], '区');
    }

    #[test]
    fn captions_stay_out_of_the_running_text() {
        let caption = "图为7月3日，留学生展示录取通知书。新华社发";
        let page = format!("{BODY_A}\n{caption}\n{BODY_A}");
        let arts = split_page(&page);
        assert_eq!(arts.len(), 1);
        assert_eq!(arts[0].captions.len(), 1);
        let chars: Vec<char> = page.chars().collect();
        let run = arts[0].running_text(&chars);
        assert!(!run.text.contains("图为"));
        let c = arts[0].captions[0];
        assert_eq!(chars[c.start..c.end].iter().collect::<String>(), caption);
    }

    #[test]
    fn section_numerals_and_subheads_stay_inside() {
        let page = format!("{BODY_A}\n二\n{BODY_A}\n巩固务实合作 共促地区和平发展\n{BODY_A}");
        assert_eq!(texts(&page).len(), 1);
    }

    #[test]
    fn unrelated_headline_after_a_finished_sentence_starts_an_article() {
        let page = format!("{BODY_A}\n社区食堂办到家门口\n{BODY_B}");
        let t = texts(&page);
        assert_eq!(t.len(), 2, "{t:?}");
        assert_eq!(t[1], format!("社区食堂办到家门口\n{BODY_B}"));
    }

    #[test]
    fn headline_sharing_the_articles_vocabulary_is_a_subhead() {
        let page = format!("{BODY_A}\n地区安全与发展合作\n{BODY_A}");
        assert_eq!(texts(&page).len(), 1);
    }

    #[test]
    fn signature_block_before_the_closing_dateline_stays() {
        let page = format!(
            "{BODY_A}\n中华人民共和国 主席 习近平\t塔吉克斯坦共和国 总统 拉赫蒙\n2024年7月5日于杜尚别 （新华社杜尚别7月5日电）\n两国媒体交流活动举行\n新华社杜尚别7月5日电 {BODY_B}"
        );
        let t = texts(&page);
        assert_eq!(t.len(), 2, "{t:?}");
        assert!(t[0].ends_with("（新华社杜尚别7月5日电）"));
    }

    #[test]
    fn artwork_label_after_a_poem_is_its_own_item() {
        let page = "归来的雁阵\n飞过渭水\n蒲公英就开放了\n开在窑洞向阳的墙角，\n秦皇战车碾过的大道旁\n迎虎年（书法）\n（关山月）\n社区食堂办到家门口\n本报讯 全市今年新建社区食堂。";
        let t = texts(page);
        assert_eq!(t.len(), 3, "{t:?}");
        assert_eq!(t[1], "迎虎年（书法）\n（关山月）");
    }

    #[test]
    fn headline_opening_with_a_quotation() {
        assert!(headline_like("“称谓”之忧"));
        assert!(headline_like("“首都在线”开通市民尽享信息服务"));
        assert!(!headline_like("“明年的工作重点是什么？”"));
        let page = format!("{BODY_A}\n“称谓”之忧\n严泽铣\n{BODY_B}");
        let t = texts(&page);
        assert_eq!(t.len(), 2, "{t:?}");
        assert!(t[1].starts_with("“称谓”之忧\n严泽铣\n"));
    }

    #[test]
    fn quotation_line_is_no_headline() {
        let page = format!("{BODY_A}\n有记者问：“明年的工作重点是什么？”\n{BODY_B}");
        assert_eq!(texts(&page).len(), 1);
    }

    #[test]
    fn byline_under_a_headline_speaks_for_a_new_article() {
        // The same headline shape with the article's vocabulary: a subhead without a byline,
        // a new article (a report on the same subject) with one.
        let after = "各方围绕地区安全交换意见，认为打击恐怖主义、维护边境稳定是当前的首要任务。";
        let subhead = format!("{BODY_A}\n{BODY_A}\n地区安全合作\n{after}");
        assert_eq!(texts(&subhead).len(), 1);
        let with_byline = format!("{BODY_A}\n{BODY_A}\n地区安全合作\n本报记者 王明\n{after}");
        assert_eq!(texts(&with_byline).len(), 2);
    }

    #[test]
    fn block_score_weighs_the_cues() {
        let block = |lines: &[&str]| -> Vec<Para> {
            lines
                .iter()
                .map(|l| classify(Span { start: 0, end: 0 }, l))
                .collect()
        };
        let one = block(&["社区食堂办到家门口"]);
        fn plain(block: &[Para], cohesion: f64) -> BlockCues<'_> {
            BlockCues {
                block,
                cohesion,
                line_cohesion: cohesion,
                since: 5,
                dated: false,
                bylined: false,
                subheads: 0,
                length: 1000,
                series: 0,
            }
        }
        let score = |b: &[Para], cohesion: f64| plain(b, cohesion).score();
        // Shared vocabulary turns a headline into a subhead.
        assert!(score(&one, 0.0) > 0.0);
        assert!(score(&one, 0.5) < 0.0);
        // A byline and a feature's shape push towards a new article.
        let byline = block(&["社区食堂办到家门口", "本报记者 王明"]);
        assert!(score(&byline, 0.4) > score(&one, 0.4));
        let feature = block(&["食堂——记社区养老服务"]);
        assert!(score(&feature, 0.4) > score(&one, 0.4));
        // A comma inside the line or a closing question is a subhead's shape.
        let comma = block(&["党政重视，步入良性循环轨道"]);
        assert!(score(&comma, 0.1) < score(&block(&["党政重视步入良性循环轨道"]), 0.1) - 0.5);
        let question = block(&["用什么证明这一论断呢？"]);
        assert!(score(&question, 0.1) < score(&block(&["用什么证明这一论断"]), 0.1) - 0.3);
        // A headline with its subtitle (two lines) is the likeliest start; a lone line is more
        // often a subhead, and a run of three short lines is a stanza or a list.
        let two = block(&["社区食堂办到家门口", "老人就餐更加方便了"]);
        let run = block(&["归来的雁阵飞过", "陕北的蒲公英", "开在墙角边上"]);
        assert!(score(&run, 0.1) < score(&two, 0.1));
        assert!(score(&one, 0.1) < score(&two, 0.1) - 1.0);
        // After a dated report a headline opens the next article; in a feature that already
        // kept a subhead, or with more lines of its length ahead, it is one more subhead.
        let base = score(&one, 0.15);
        let dated = BlockCues {
            dated: true,
            ..plain(&one, 0.15)
        };
        assert!(dated.score() > base + 1.0);
        let second = BlockCues {
            subheads: 1,
            ..plain(&one, 0.15)
        };
        assert!(second.score() < base);
        let series = BlockCues {
            series: 3,
            ..plain(&one, 0.15)
        };
        assert!(series.score() < base);
        // Under the lead paragraph of a short article so far, a line is a subhead.
        let lead = BlockCues {
            length: 120,
            ..plain(&one, 0.15)
        };
        assert!(lead.score() < base - 1.0);
    }

    #[test]
    fn untitled_briefs_after_a_closed_article_are_items() {
        let b1 = "中国驻突尼斯大使代表中国政府向突尼斯全国互助基金赠送体育用品和设备。";
        let b2 = "截至去年底，利用无息贷款在蒙古建成的十一个中小型项目已全部移交。";
        let b3 = "首批出口的多用途液体罐式集装箱在达累斯萨拉姆顺利通过验收。";
        let page = format!("{BODY_A}（新华）\n{b1}\n{b2}\n{b3}");
        let t = texts(&page);
        assert_eq!(t.len(), 4, "{t:?}");
        assert_eq!(t[2], b2);
        // At the top of the page an untitled paragraph may end an article begun elsewhere.
        assert_eq!(texts(&format!("{b1}\n{b2}")).len(), 1);
    }

    #[test]
    fn round_up_dateline_announced_by_the_headline_stays() {
        let page = "纽约股市开门红印尼货币汇率再跌\n新华社纽约1月2日电 华尔街股市在新年第一个交易日里交投平稳，道琼斯指数小幅上扬。\n新华社雅加达1月3日电 印尼盾对美元汇率2日再次大幅度下跌，外汇市场一片混乱。";
        assert_eq!(texts(page).len(), 1);
        // The same report under a headline that does not announce it is an article of its own.
        let other = page.replace("纽约股市开门红印尼货币汇率再跌", "纽约股市新年开门红");
        assert_eq!(texts(&other).len(), 2);
    }

    #[test]
    fn sign_off_lines_stay_with_the_article_before() {
        let page =
            format!("{BODY_A}\n本报群众工作部\n１９９８年１月７日\n社区食堂办到家门口\n{BODY_B}");
        let t = texts(&page);
        assert_eq!(t.len(), 2, "{t:?}");
        assert!(t[0].ends_with("本报群众工作部\n１９９８年１月７日"));
        assert!(t[1].starts_with("社区食堂办到家门口\n"));
    }

    #[test]
    fn a_date_line_is_a_chronicle_subhead() {
        assert!(subhead_like("1994年4月"));
        assert!(subhead_like("12月"));
        assert!(!subhead_like("1994年的春天"));
        let page = format!("{BODY_A}\n１９９４年４月\n{BODY_B}");
        assert_eq!(texts(&page).len(), 1);
    }

    #[test]
    fn numbered_and_question_subheads() {
        assert!(subhead_like("第二章经营者的义务"));
        assert!(subhead_like("第一，提高产品的技术含量"));
        assert!(subhead_like("原因之二：管理环节多"));
        assert!(subhead_like("记者：资金从哪里来？"));
        assert!(!subhead_like("第三届全国农民运动会开幕"));
    }

    #[test]
    fn a_dash_and_a_name_attribute_what_stands_above() {
        assert!(!headline_like("———李明（山东）"));
        assert!(!headline_like("———编者"));
        // A longer line after the dashes is a subtitle.
        assert!(headline_like("——记一位坚守山区三十年的乡村教师"));
    }

    #[test]
    fn a_long_signature_in_brackets_closes_the_article() {
        // Without the signature the line would be a subhead (see the test above).
        let page = format!(
            "{BODY_A}
（四川省成都市锦江区社区服务中心李明王芳）
地区安全与发展合作
{BODY_A}"
        );
        let t = texts(&page);
        assert_eq!(t.len(), 2, "{t:?}");
        assert!(t[0].ends_with("王芳）"));
    }

    #[test]
    fn places_over_datelines_are_sections_of_a_round_up() {
        let page = format!(
            "亚洲货币继续走低
泰国
本报曼谷1月5日电 {BODY_B}
越南
据新华社河内1月6日电 {BODY_B}
新加坡
新华社新加坡1月6日电 {BODY_B}"
        );
        assert_eq!(texts(&page).len(), 1);
        // The same dateline after a place name that opens the page's second report is an
        // article of its own when the article before had no dateline.
        let page = format!(
            "{BODY_A}
泰国
本报曼谷1月5日电 {BODY_B}"
        );
        assert_eq!(texts(&page).len(), 2);
    }

    #[test]
    fn a_headline_with_its_byline_under_picture_labels_opens_an_article() {
        let page = format!(
            "{BODY_A}
图片：
江南春雨（油画）
雪后山村
说说冬季的安全
本报评论员
{BODY_B}"
        );
        let t = texts(&page);
        assert_eq!(t.len(), 2, "{t:?}");
        assert!(t[0].ends_with("雪后山村"));
        assert!(t[1].starts_with(
            "说说冬季的安全
本报评论员
"
        ));
    }

    #[test]
    fn a_photo_item_ends_with_its_credit() {
        let page = format!(
            "{BODY_A}
社区志愿者送温暖（图片）
近日，各地青年志愿者开展为民服务活动。图为志愿者帮助老人包饺子。
（本报记者李明摄）
本报讯 {BODY_B}"
        );
        let t = texts(&page);
        assert_eq!(t.len(), 3, "{t:?}");
        assert!(t[1].starts_with("社区志愿者送温暖（图片）"));
        assert!(t[1].ends_with("（本报记者李明摄）"));
        // A caption signed by the agency that sent it is no closing line holding a photo
        // item's title to the article before.
        let page = format!(
            "{BODY_A}
雪中送炭（图片）
一名男子在街头为灾区捐款。（新华社发路透社照片）
社区食堂办到家门口
{BODY_B}"
        );
        let t = texts(&page);
        assert_eq!(t.len(), 3, "{t:?}");
        assert!(t[1].starts_with("雪中送炭（图片）"));
    }

    #[test]
    fn credits_and_a_letters_signature_stay_with_the_article_before() {
        let page = format!(
            "{BODY_A}
图为新建的社区食堂。
（李明摄）（新华社稿）
社区食堂办到家门口
{BODY_B}"
        );
        let t = texts(&page);
        assert_eq!(t.len(), 2, "{t:?}");
        assert!(t[0].ends_with("（李明摄）（新华社稿）"));
        for signature in ["王芳李明１９９７年１２月", "王芳\n１９９８年１月"] {
            let page = format!(
                "编辑同志：
{BODY_A}
{signature}
社区食堂办到家门口
{BODY_B}"
            );
            let t = texts(&page);
            assert_eq!(t.len(), 2, "{t:?}");
            assert!(t[0].ends_with(signature), "{t:?}");
        }
    }

    #[test]
    fn a_column_of_untitled_briefs_after_a_report() {
        let report =
            "新华社北京1月2日电 全国人大常委会今天在人民大会堂举行会议，审议多项法律草案。";
        let b1 = "赞比亚内阁三日批准了新的农业发展计划，将在五年内新建灌溉工程两百处。";
        let b2 = "挪威渔业局二日发表公报说，去年该国海产品出口额创下历史新高。";
        let b3 = "秘鲁政府近日宣布，将在南部山区修建一条连接三个省份的公路。";
        let page = format!(
            "{report}
{BODY_A}
{b1}
{b2}
{b3}"
        );
        let t = texts(&page);
        assert_eq!(t.len(), 4, "{t:?}");
        assert_eq!(t[1], b1);
        // A paragraph of the report with the same shape shares its vocabulary: no brief.
        let more = "全国人大常委会三日继续举行会议，审议法律草案和有关报告。";
        assert_eq!(texts(&format!("{report}\n{more}\n{BODY_A}")).len(), 1);
        assert!(brief_like(&classify(Span { start: 0, end: 0 }, b2)));
        assert!(!brief_like(&classify(
            Span { start: 0, end: 0 },
            "▲挪威渔业局二日发表公报。"
        )));
        // A paragraph opening with its time goes on with a story.
        let story = "1月2日，记者来到街上，商店都已开门营业。";
        assert!(!brief_like(&classify(Span { start: 0, end: 0 }, story)));
    }

    #[test]
    fn an_afterword_and_a_reply_stay_with_their_article() {
        // A signature closes the report, but the editor's afterword goes on with it.
        let other = "铁路部门今年春运计划增开临时旅客列车三百对，以满足旅客出行需要。";
        let page = format!(
            "{BODY_A}（李明）\n＊＊＊\n编后\n{BODY_B}\n春运增开列车\n本报记者 王明\n{other}"
        );
        let t = texts(&page);
        assert_eq!(t.len(), 2, "{t:?}");
        assert!(t[0].ends_with(&format!("编后\n{BODY_B}")));
        // A reader's signed question and the answer under its salutation are one article.
        let page = format!(
            "征收的费用能否退还？\n编辑同志：\n{BODY_B}（某化工厂王芳）\n王芳同志：\n{BODY_A}"
        );
        assert_eq!(texts(&page).len(), 1);
        assert!(salutation("王芳同志："));
        assert!(!salutation("各方围绕地区安全与发展合作深入交换了意见："));
    }

    #[test]
    fn a_note_on_the_full_text_ends_no_article() {
        let page = format!("{BODY_A}（全文另发）\n地区安全与发展合作\n{BODY_A}");
        assert_eq!(texts(&page).len(), 1);
    }

    #[test]
    fn credits_in_brackets_under_a_paragraph_stay() {
        let page = format!("{BODY_A}\n（李明）（图表由本报美术组制作）\n{BODY_A}");
        assert_eq!(texts(&page).len(), 1);
    }

    #[test]
    fn lines_under_the_caption_of_an_article_with_pictures_stay() {
        let page = format!(
            "{BODY_A}\n王芳（附图片１张）\n图为王芳在社区食堂帮厨。（李明摄）\n荣誉全国优秀志愿者\n工作单位红星社区服务中心\n{BODY_B}"
        );
        let t = texts(&page);
        assert_eq!(t.len(), 2, "{t:?}");
        assert!(t[1].starts_with("王芳（附图片１张）"));
        // A photo item of its own after the caption opens the next article.
        let page = format!(
            "{BODY_A}\n王芳（附图片１张）\n图为王芳在社区食堂帮厨。（李明摄）\n雪中送炭（图片）\n图为志愿者为老人送来棉被。（李明摄）"
        );
        assert_eq!(texts(&page).len(), 3);
    }

    #[test]
    fn a_dated_sign_off_ends_the_article() {
        // The headline shares the letter's vocabulary, yet under the signature and its date
        // it opens the next letter.
        let page =
            format!("编辑同志：\n{BODY_A}\n王芳李明１９９７年１２月\n地区安全与发展合作\n{BODY_A}");
        let t = texts(&page);
        assert_eq!(t.len(), 2, "{t:?}");
        assert!(t[1].starts_with("地区安全与发展合作"));
        // A byline is no sign-off that ends it.
        let page = format!("{BODY_A}\n本报记者王芳\n地区安全与发展合作\n{BODY_A}");
        assert_eq!(texts(&page).len(), 1);
    }

    #[test]
    fn untitled_reports_follow_one_another() {
        // The same vocabulary, even a dateline with 据, yet each untitled report is an article.
        let page = "新华社北京1月9日电 国防部长今天在京会见了来访的芬兰国防部长。\n据新华社北京1月9日电 国防部长今天在京会见了来访的荷兰国防部长。\n新华社广州1月9日电 国防部长今天在穗会见了来访的丹麦国防部长。";
        assert_eq!(texts(page).len(), 3);
        // Under a headline, a dateline with 据 goes on with the report.
        let titled = format!("国防部长会见外宾\n{page}");
        assert!(texts(&titled).len() < 3);
    }

    #[test]
    fn text_without_cues_is_one_article() {
        assert_eq!(texts(&format!("{BODY_A}\n{BODY_A}\n{BODY_A}")).len(), 1);
        assert!(split_page("").is_empty());
    }

    #[test]
    fn datelines() {
        let d = find_dateline("新华社阿斯塔纳2024年7月5日电 会议举行。").unwrap();
        assert_eq!((d.year, d.month, d.day), (Some(2024), 7, Some(5)));
        let d = find_dateline("（新华社北京7月5日电 执笔记者：何毅、王雅楠）").unwrap();
        assert_eq!((d.year, d.month, d.day), (None, 7, Some(5)));
        let d = find_dateline("据新华社北京一月七日电（记者张荣典）全国人大常委会").unwrap();
        assert_eq!((d.month, d.day), (1, Some(7)));
        assert!(find_dateline("他说，新华社北京7月5日电的报道很及时。").is_none());
        // Written full width, between spaces: the brackets are asked of the text as written.
        let d = find_dateline("　会议闭幕。（新华社北京７月５日电）　").unwrap();
        assert_eq!((d.month, d.day), (7, Some(5)));
        let d = find_dateline("　（本报北京１月１日讯）记者报道").unwrap();
        assert_eq!((d.month, d.day), (1, Some(1)));
        // An agency's name without a date, or a dateline neither opening nor closing.
        assert!(find_dateline("本报记者 张明").is_none());
        assert!(find_dateline("会议（新华社北京7月5日电）闭幕。").is_none());
    }
}
