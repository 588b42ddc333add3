//! Person pass: Chinese names (surname + given name), Japanese names and transliterated foreign
//! names, scored from jieba's tags, given-name character statistics and cues in context (titles,
//! reporting verbs, bylines, enumerations with other names).

use std::sync::LazyLock;

use super::{EntityKind, Mention, Paragraph};
use crate::lexicon::{
    CharFlags, CharSet, FAMOUS_PEOPLE, GIVEN_CHARS, JAPANESE_GIVEN_ENDINGS, JAPANESE_SURNAMES,
    Lexicon, NAME_FINAL_CHARS, ORG_SUFFIXES, PERSON_CUES, PLACE_SUFFIXES, SURNAMES, TIBETAN_NAMES,
    TITLES, TRANSLIT_CHARS,
};
use crate::normalize::is_han;
use crate::segment::{Segmenter, Token};

/// A candidate is accepted at this score.
const ACCEPT: i32 = 3;
/// Score of a title next to the name (国家主席江泽民, 李鹏总理).
const TITLE_CUE: i32 = 3;
/// Score of a reporting verb or another word that goes with people (张三说).
const VERB_CUE: i32 = 2;
const NONE: u32 = u32::MAX;

/// How often `c` is used in given names (0: never, or too seldom to be listed).
#[inline]
fn given_score(c: char) -> u32 {
    u32::from(GIVEN_CHARS.of(c))
}

/// True when `c` ends names often enough for a name to stand without a cue: at least 10% of the
/// dictionary words ending in it are names (see name_final_chars.txt).
#[inline]
fn ends_names(c: char) -> bool {
    NAME_FINAL_CHARS.of(c) >= 10
}

/// True when `c` ends names often: at least 20% of the dictionary words ending in it are names,
/// enough for jieba's guess of a name (nr) to stand without a cue.
#[inline]
fn ends_names_often(c: char) -> bool {
    NAME_FINAL_CHARS.of(c) >= 20
}

fn is_dot(c: char) -> bool {
    matches!(c, '·' | '•' | '・' | '‧' | '･' | '.')
}

/// Facts about single characters that the pass asks at every token or character, built once
/// from the word lists ([`CharFlags`]: a clear bit means the fact is false).
struct CharFacts {
    flags: CharFlags,
}

/// A surname of one character (exact in the table).
const SURNAME: u8 = 1;
/// Opens a surname of two characters or more (欧阳, 司马).
const LONG_SURNAME: u8 = 2;
/// Opens a Tibetan name element.
const TIBETAN: u8 = 4;
/// Opens a Japanese family name.
const JAPANESE: u8 = 8;
/// Opens the name of a well-known person.
const FAMOUS: u8 = 16;
/// A middle dot ([`is_dot`]).
const DOT: u8 = 32;
/// Ends an item of an enumeration ([`ITEM_DELIMITERS`]).
const DELIMITER: u8 = 64;
/// A transliteration character (`TRANSLIT_CHARS`).
const TRANSLIT: u8 = 128;

static FACTS: LazyLock<CharFacts> = LazyLock::new(|| {
    let mut flags = CharFlags::default();
    let mut set = |c: Option<char>, bit: u8| {
        if let Some(c) = c {
            flags.mark(c, bit);
        }
    };
    for k in SURNAMES.keys() {
        let mut cs = k.chars();
        let first = cs.next();
        set(
            first,
            if cs.next().is_none() {
                SURNAME
            } else {
                LONG_SURNAME
            },
        );
    }
    for (list, bit) in [
        (&*TIBETAN_NAMES, TIBETAN),
        (&*JAPANESE_SURNAMES, JAPANESE),
        (&*FAMOUS_PEOPLE, FAMOUS),
    ] {
        for k in list.keys() {
            set(k.chars().next(), bit);
        }
    }
    for c in ['·', '•', '・', '‧', '･', '.'] {
        set(Some(c), DOT);
    }
    for c in ITEM_DELIMITERS {
        set(Some(c), DELIMITER);
    }
    for c in (0..0x10000).filter_map(char::from_u32) {
        if TRANSLIT_CHARS.contains(&c) {
            set(Some(c), TRANSLIT);
        }
    }
    CharFacts { flags }
});

/// False when token `i` cannot be written in transliteration characters only
/// ([`Paragraph::is_translit_token`]): its first character is none. Most tokens are rejected
/// here without a look at the rest of the word.
#[inline]
pub(crate) fn may_be_translit_token(p: &Paragraph<'_>, i: usize) -> bool {
    p.tokens
        .get(i)
        .and_then(|t| p.chars.get(t.start))
        .is_none_or(|&c| FACTS.may(c, TRANSLIT))
}

impl CharFacts {
    /// The bits of `c` (all set beyond the table).
    #[inline]
    fn of(&self, c: char) -> u8 {
        self.flags.of(c)
    }

    /// False when `c` cannot have the fact `bit`.
    #[inline]
    fn may(&self, c: char, bit: u8) -> bool {
        self.of(c) & bit != 0
    }

    /// [`ITEM_DELIMITERS`] (all of them are in the table).
    #[inline]
    fn is_delimiter(&self, c: char) -> bool {
        CharFlags::covers(c) && self.of(c) & DELIMITER != 0
    }

    /// True when `c` alone is a surname.
    #[inline]
    fn is_surname(&self, c: char) -> bool {
        if CharFlags::covers(c) {
            self.of(c) & SURNAME != 0
        } else {
            SURNAMES.contains_chars(&[c])
        }
    }
}

/// True when `list` has an entry that starts at `chars[i]` and the first character may open one
/// (`bit`): the longest, in characters. The list is only reached (and built, the first time)
/// past the character's bit.
#[inline(always)]
fn longest_at(list: &LazyLock<Lexicon>, bit: u8, chars: &[char], i: usize) -> Option<usize> {
    if !chars.get(i).is_some_and(|&c| FACTS.may(c, bit)) {
        return None;
    }
    LazyLock::force(list).longest_at(chars, i)
}

/// A place name from the gazetteers: never a person.
fn is_place(word: &str) -> bool {
    // The gazetteers' union: one lookup instead of four.
    super::place::in_gazetteer(word)
}

/// A one-character head of an organization or place name (部, 局, 队, 县, 镇).
fn is_head(last: &str) -> bool {
    (ORG_SUFFIXES.value(last) == Some("strong") || PLACE_SUFFIXES.value(last) == Some("strong"))
        && !last.chars().next().is_some_and(ends_names)
}

/// The first characters of the titles: a word opening with none is no title (most words are
/// turned away here before the list is walked).
static TITLE_OPENERS: LazyLock<CharSet> =
    LazyLock::new(|| TITLES.keys().filter_map(|k| k.chars().next()).collect());

/// The first characters of the person cues (see [`TITLE_OPENERS`]).
static CUE_OPENERS: LazyLock<CharSet> = LazyLock::new(|| {
    PERSON_CUES
        .keys()
        .filter_map(|k| k.chars().next())
        .collect()
});

/// False when `word` cannot be in the list whose first characters are `openers`.
#[inline]
fn may_open(openers: &CharSet, word: &str) -> bool {
    word.chars().next().is_some_and(|c| openers.contains(&c))
}

/// True when `word` is a title before or after a name: [`is_title`] either way, in one look-up.
fn is_any_title(word: &str) -> bool {
    may_open(&TITLE_OPENERS, word)
        && matches!(TITLES.value(word), Some("both" | "before" | "after"))
}

fn is_title(word: &str, want_before: bool) -> bool {
    if !may_open(&TITLE_OPENERS, word) {
        return false;
    }
    match TITLES.value(word) {
        Some("both") => true,
        Some("before") => want_before,
        Some("after") => !want_before,
        _ => false,
    }
}

/// Tags of words that never stand for a given-name character on their own.
fn is_function_tag(pos: &str) -> bool {
    matches!(
        pos,
        "p" | "c"
            | "u"
            | "uj"
            | "ul"
            | "uz"
            | "ug"
            | "uv"
            | "ud"
            | "y"
            | "e"
            | "o"
            | "m"
            | "q"
            | "f"
            | "r"
            | "d"
            | "zg"
            | "df"
            | "mq"
    ) || pos.starts_with('u')
}

/// The first characters of the person cues that go after a name (说, 表示): a reporting word
/// glued to a name opens with one ([`Ctx::glued_cue`]).
static AFTER_CUE_OPENERS: LazyLock<CharSet> = LazyLock::new(|| {
    PERSON_CUES
        .keys()
        .filter(|k| PERSON_CUES.value(k) == Some("after"))
        .filter_map(|k| k.chars().next())
        .collect()
});

/// The tokens the readings of the pass can start at (indices into the paragraph's tokens, in
/// order): each list holds every token that passes its reading's first test of the token's
/// first or last character, so the readings walk these instead of every token.
#[derive(Default)]
struct Starts {
    /// May open the name of a well-known person ([`famous_names`]).
    famous: Vec<u32>,
    /// May open a Chinese, Tibetan or Japanese name, or is tagged as a name
    /// ([`chinese_candidates`]).
    name: Vec<u32>,
    /// Opens with a transliteration character ([`translit_candidates`]).
    translit: Vec<u32>,
    /// Ends in 者 or 员, as a byline cue does (记者, 通讯员: [`byline_candidates`]).
    byline_cue: Vec<u32>,
}

impl Starts {
    /// Sort out token `i` (a token starting past the text passes every first test).
    fn note(&mut self, p: &Paragraph<'_>, facts: &CharFacts, i: usize) {
        let t = &p.tokens[i];
        let first = p.chars.get(t.start).map_or(u8::MAX, |&c| facts.of(c));
        let k = i as u32;
        if first & FAMOUS != 0 {
            self.famous.push(k);
        }
        if first & (SURNAME | LONG_SURNAME | TIBETAN | JAPANESE) != 0
            || t.pos.starts_with("nr")
            || familiar_form(p, facts, t)
        {
            self.name.push(k);
        }
        if first & TRANSLIT != 0 {
            self.translit.push(k);
        }
        if t.end > t.start
            && p.chars
                .get(t.end - 1)
                .is_some_and(|c| matches!(c, '者' | '员'))
        {
            self.byline_cue.push(k);
        }
    }
}

/// Verbs of speech after which 老 or 小 and a surname name a person ([`familiar_form`]).
const SPEECH_VERBS: [&str; 8] = [
    "说",
    "说道",
    "告诉",
    "笑着说",
    "介绍",
    "回忆",
    "感慨",
    "坦言",
];

/// A word of 老 or 小 and a surname (老张, 小王): how reports name people they know.
fn familiar_form(p: &Paragraph<'_>, facts: &CharFacts, t: &Token<'_>) -> bool {
    t.len() == 2
        && matches!(p.chars[t.start], '老' | '小')
        && facts.of(p.chars[t.start + 1]) & SURNAME != 0
}

/// The paragraph with token lookups by character position.
struct Ctx<'a, 'p> {
    p: &'a Paragraph<'p>,
    tokens: &'a [Token<'p>],
    /// `start_tok[i]`: the token starting at character `i`.
    start_tok: Vec<u32>,
    /// `end_tok[i]`: the token ending at character `i`.
    end_tok: Vec<u32>,
    /// The middle dots right after a token, in order: the only places a dotted name joins its
    /// parts ([`dotted_names`]), noted while the tokens are walked anyway.
    dots: Vec<usize>,
    /// The tokens each reading can start at, in order, sorted out by their first character in
    /// the same walk (most tokens start none).
    starts: Starts,
    facts: &'static CharFacts,
}

impl<'a, 'p> Ctx<'a, 'p> {
    fn new(p: &'a Paragraph<'p>) -> Self {
        let n = p.len();
        let mut start_tok = vec![NONE; n + 1];
        let mut end_tok = vec![NONE; n + 1];
        let mut dots = Vec::new();
        let mut starts = Starts::default();
        let facts = &*FACTS;
        for (i, t) in p.tokens.iter().enumerate() {
            if t.start <= n && t.end <= n {
                start_tok[t.start] = i as u32;
                end_tok[t.end] = i as u32;
                if let Some(&c) = p.chars.get(t.end)
                    && facts.may(c, DOT)
                    && is_dot(c)
                {
                    dots.push(t.end);
                }
            }
            starts.note(p, facts, i);
        }
        Ctx {
            p,
            tokens: p.tokens,
            start_tok,
            end_tok,
            dots,
            starts,
            facts,
        }
    }

    /// The token holding character `i`: the nearest token starting at or before `i`, when it
    /// reaches past `i` (tokens are short, so the walk back is too).
    fn tok_of(&self, i: usize) -> Option<u32> {
        if i >= self.p.len() {
            return None;
        }
        let k = (0..=i).rev().find(|&k| self.start_tok[k] != NONE)?;
        let ti = self.start_tok[k];
        (self.tokens[ti as usize].end > i).then_some(ti)
    }

    fn char(&self, i: usize) -> char {
        self.p.chars[i]
    }

    fn token_starting(&self, i: usize) -> Option<&Token<'p>> {
        self.start_tok
            .get(i)
            .filter(|&&t| t != NONE)
            .map(|&t| &self.tokens[t as usize])
    }

    fn token_ending(&self, i: usize) -> Option<&Token<'p>> {
        self.end_tok
            .get(i)
            .filter(|&&t| t != NONE)
            .map(|&t| &self.tokens[t as usize])
    }

    /// Evidence before a name starting at `s`: a title or role (记者, 国家主席) ending right there,
    /// possibly followed by a colon (执笔记者：).
    fn cue_before(&self, s: usize) -> i32 {
        let Some(mut t) = self.token_ending(s) else {
            return 0;
        };
        if (t.word == ":" || t.word == "：") && t.start > 0 {
            match self.token_ending(t.start) {
                Some(x) => t = x,
                None => return 0,
            }
        }
        let w = t.word;
        if PERSON_CUES.value(w) == Some("before") {
            return VERB_CUE;
        }
        for (b, _) in w.char_indices() {
            if is_title(&w[b..], true) {
                return TITLE_CUE;
            }
        }
        0
    }

    /// Evidence after a name ending at `e`: a title (主席, 同志) or a reporting verb (说, 表示).
    fn cue_after(&self, e: usize) -> i32 {
        let Some(t) = self.token_starting(e) else {
            return if self.glued_cue(e).is_some() {
                VERB_CUE
            } else {
                0
            };
        };
        let w = t.word;
        if is_title(w, false) {
            return TITLE_CUE;
        }
        if PERSON_CUES.value(w) == Some("after") {
            return VERB_CUE;
        }
        // An author before the title of a work (陈忠实的《白鹿原》).
        if w == "的" && self.token_starting(t.end).is_some_and(|x| x.word == "《") {
            return VERB_CUE;
        }
        // A title glued to a reporting word (总理说), not to an organization head (理事会).
        for (b, _) in w.char_indices().skip(2) {
            if is_title(&w[..b], false) && PERSON_CUES.value(&w[b..]) == Some("after") {
                return TITLE_CUE;
            }
        }
        0
    }

    /// A note after a name that only people get: an ethnic group or sex in brackets (乃登（蒙古族）,
    /// 张展霞（女）), or a go or chess rank (俞斌九段).
    fn note_after(&self, e: usize) -> i32 {
        let n = self.p.len();
        let c = |i: usize| if i < n { self.char(i) } else { '\0' };
        if c(e) == '(' {
            let close = (e + 2..n.min(e + 8)).find(|&i| c(i) == ')');
            if let Some(j) = close
                && (self.p.slice(e + 1, j) == "女" || (j > e + 2 && c(j - 1) == '族'))
                && (e + 1..j).all(|i| is_han(c(i)))
            {
                return VERB_CUE;
            }
            // 张三（某大学教授）: the person's post in brackets, ending with a title.
            let close = (e + 3..n.min(e + 40)).find(|&i| matches!(c(i), ')' | '('));
            if let Some(j) = close
                && c(j) == ')'
                && let Some(t) = self.token_ending(j)
                && t.start > e
                && (0..t.word.len())
                    .filter(|&b| t.word.is_char_boundary(b))
                    .any(|b| is_title(&t.word[b..], true))
            {
                return TITLE_CUE;
            }
        }
        if c(e + 1) == '段' && "一二三四五六七八九初".contains(c(e)) {
            return TITLE_CUE;
        }
        0
    }

    /// When `e` falls inside a word jieba does not know and the rest of that word is a reporting
    /// word (刘宇摄, 张三说), the index of that word.
    fn glued_cue(&self, e: usize) -> Option<u32> {
        // The character at `e` first: few open a reporting word.
        if !self
            .p
            .chars
            .get(e)
            .is_some_and(|c| AFTER_CUE_OPENERS.contains(c))
        {
            return None;
        }
        let ti = self.tok_of(e)?;
        let t = &self.tokens[ti as usize];
        (t.start < e
            && PERSON_CUES.value(self.p.slice(e, t.end)) == Some("after")
            && !Segmenter::shared().jieba().has_word(t.word))
        .then_some(ti)
    }

    /// When `e` falls inside a word jieba does not know, either before a reporting word
    /// ([`Self::glued_cue`]) or before a last character that stands as a word of its own
    /// (韩保深/及, 徐衍东/为), the index of that word.
    fn glued_tail(&self, e: usize) -> Option<u32> {
        self.glued_cue(e).or_else(|| {
            // The character first: few stand as words of their own.
            if !self
                .p
                .chars
                .get(e)
                .is_some_and(|&c| is_glued_function_char(c))
            {
                return None;
            }
            let ti = self.tok_of(e)?;
            let t = &self.tokens[ti as usize];
            (t.start < e && t.end == e + 1 && !Segmenter::shared().jieba().has_word(t.word))
                .then_some(ti)
        })
    }

    /// Context score of the span `s..e`: titles, verbs and list separators around it.
    fn cues(&self, s: usize, e: usize) -> i32 {
        let mut score = self.cue_before(s) + self.cue_after(e).max(self.note_after(e));
        let n = self.p.len();
        // A byline: (本报记者张三), (张三).
        if s > 0 && e < n && self.char(s - 1) == '(' && self.char(e) == ')' {
            score += 2;
        }
        // An author's name on a line of its own.
        let blank = |c: char| c.is_whitespace();
        if self.p.chars[..s].iter().all(|&c| blank(c))
            && self.p.chars[e..].iter().all(|&c| blank(c))
        {
            score += TITLE_CUE;
        }
        score
    }
}

/// A name candidate: its span and how much evidence supports it.
#[derive(Clone, Copy, Debug)]
struct Cand {
    start: usize,
    end: usize,
    score: i32,
}

/// Find person names and claim their characters.
pub fn find(p: &mut Paragraph<'_>, out: &mut Vec<Mention>) {
    let spans = {
        let ctx = Ctx::new(p);
        let mut spans = dotted_names(&ctx);
        spans.extend(famous_names(&ctx, &spans));
        let mut taken = vec![false; p.len()];
        for &(s, e) in &spans {
            taken[s..e].iter_mut().for_each(|t| *t = true);
        }
        let mut cands = Vec::new();
        chinese_candidates(&ctx, &taken, &mut cands);
        translit_candidates(&ctx, &taken, &mut cands);
        byline_candidates(&ctx, &taken, &mut cands);
        list_candidates(&ctx, &taken, &mut cands);
        spans.extend(select(&ctx, cands));
        spans
    };
    for (s, e) in spans {
        if p.is_unclaimed(s, e) {
            p.claim(s, e, EntityKind::Person);
            out.push(Mention::new(EntityKind::Person, s, e));
        }
    }
}

/// Well-known people (`famous_people.txt`) written as whole words: 学/雷锋, 周恩来/同志, whatever
/// the dictionary tags them.
fn famous_names(ctx: &Ctx<'_, '_>, dotted: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let p = ctx.p;
    let mut out = Vec::new();
    for &k in &ctx.starts.famous {
        let s = ctx.tokens[k as usize].start;
        if let Some(n) = longest_at(&FAMOUS_PEOPLE, FAMOUS, &p.chars, s)
            && ctx.end_tok[s + n] != NONE
            && p.is_unclaimed(s, s + n)
            && !dotted.iter().any(|&(a, b)| a < s + n && s < b)
            && out.last().is_none_or(|&(_, e)| e <= s)
        {
            out.push((s, s + n));
        }
    }
    // 学雷锋, 雷锋精神: a well-known person inside a word jieba keeps whole. The words are
    // found from their 学 and 精神 in the text (a fast search).
    let mut inside = Vec::new();
    for needle in ["学", "精神"] {
        inside.extend(p.text.match_indices(needle).filter_map(|(b, _)| {
            let c = p.char_at_byte(b);
            let k = ctx.tokens.partition_point(|t| t.end <= c);
            let t = ctx.tokens.get(k)?;
            if needle == "学" && t.start == c && t.len() > 1 {
                Some((c + 1, t.end))
            } else if needle == "精神" && t.end == c + 2 && t.len() > 2 {
                Some((t.start, c))
            } else {
                None
            }
        }));
    }
    for (s, e) in inside {
        if e - s >= 2
            && longest_at(&FAMOUS_PEOPLE, FAMOUS, &p.chars, s) == Some(e - s)
            && p.is_unclaimed(s, e)
            && !dotted.iter().any(|&(a, b)| a < e && s < b)
        {
            out.push((s, e));
        }
    }
    out.sort_unstable();
    let mut end = 0;
    out.retain(|&(s, e)| {
        let keep = s >= end;
        if keep {
            end = e;
        }
        keep
    });
    out
}

/// Score of a name in a byline or signature group: it wins over every other reading.
const GROUP: i32 = 9;

/// A word that introduces the authors of a report (记者, 本报记者, 通讯员).
fn is_byline_cue(word: &str) -> bool {
    word.ends_with(['者', '员']) && (word.ends_with("记者") || word.ends_with("通讯员"))
}

/// Names in bylines and signatures, written one after another with or without separators:
/// （陈杰杨颖）, a line of its own 潘跃王萍, 记者王忠菊、诸葛仓麟报道. Each item of the group must
/// split into whole names (surname + one or two given-name characters); in brackets and on a
/// line of their own every item must, after a reporter cue the items up to the first that does
/// not.
fn byline_candidates(ctx: &Ctx<'_, '_>, taken: &[bool], out: &mut Vec<Cand>) {
    let p = ctx.p;
    let n = p.len();
    // A line of its own.
    let first = (0..n).find(|&i| !ctx.char(i).is_whitespace());
    let last = (0..n).rev().find(|&i| !ctx.char(i).is_whitespace());
    if let (Some(a), Some(b)) = (first, last)
        && b + 1 - a <= 24
    {
        group(ctx, taken, a, b + 1, true, out);
        // An author's name or pen name alone on its line (between a headline and the text), or
        // in brackets closing a paragraph (……。（晓渡））.
        let (a2, b2) = if ctx.char(b) == ')' && b > a + 2 && ctx.char(b - 3) == '(' {
            (b - 2, b)
        } else if ctx.char(b) == ')' && b > a + 3 && ctx.char(b - 4) == '(' {
            (b - 3, b)
        } else {
            (a, b + 1)
        };
        if (2..=3).contains(&(b2 - a2)) {
            out.extend(standalone_cand(ctx, taken, a2, b2));
        }
    }
    // A signature in brackets closing a long paragraph, maybe after the writer's place or paper:
    // ……项目。（孙贤迅）, （河南洛阳日报陈杰）, （河北石家庄市顾克）, （国家地震局陈棋福绘）.
    if let Some(b) = last
        && ctx.char(b) == ')'
        && let Some(open) = (b.saturating_sub(16)..b)
            .rev()
            .find(|&k| ctx.char(k) == '(')
        && b - open >= 3
        && first.is_some_and(|a| b + 1 - a > 24)
    {
        // A credit's verb after the name (国家地震局陈棋福绘, ……摄): the name ends before it.
        let close = if matches!(ctx.char(b - 1), '摄' | '绘' | '画') && b - open >= 4 {
            b - 1
        } else {
            b
        };
        let prefix_ok = |s: usize| {
            let prefix = p.slice(open + 1, s);
            prefix.is_empty()
                || (prefix.chars().count() >= 2
                    && (prefix.ends_with(['市', '县', '省', '区', '镇', '乡', '报', '社', '委'])
                        || p.claimed_by(s - 1) == Some(EntityKind::Organization)))
        };
        // Two writers, alone or after their place or unit (湖南冷水江市李典强李巨平): the tail
        // splits into exactly two names, given-name characters too rare for the statistics
        // allowed.
        let mut pair = false;
        for len in (4..=6).rev() {
            let Some(s) = close.checked_sub(len) else {
                continue;
            };
            if s <= open || !prefix_ok(s) {
                continue;
            }
            if let Some(parts) = split_names(ctx, s, close, true)
                && let [(a1, e1), (a2, e2)] = parts[..]
                && !taken[s..close].iter().any(|&x| x)
                && p.is_unclaimed(s, close)
            {
                for (a, e) in [(a1, e1), (a2, e2)] {
                    out.push(Cand {
                        start: a,
                        end: e,
                        score: GROUP,
                    });
                }
                pair = true;
                break;
            }
        }
        for len in [3, 2] {
            let (s, e) = (close - len, close);
            if s <= open || pair {
                continue;
            }
            let prefix_ok = prefix_ok(s);
            // （本报罗马电）: a dateline, not a signature.
            if prefix_ok
                && !matches!(ctx.char(e - 1), '电' | '讯')
                && let Some(c) = standalone_cand(ctx, taken, s, e)
            {
                out.push(c);
                break;
            }
            // （广文）, （新园）, （夏珺）: a pen name of two characters alone in the brackets, a
            // word jieba does not know or one its dictionary counts seldom.
            if len == 2
                && s == open + 1
                && close == b
                && bracket_pen_name(ctx, s, e)
                && !taken[s..e].iter().any(|&x| x)
                && p.is_unclaimed(s, e)
            {
                out.push(Cand {
                    start: s,
                    end: e,
                    score: GROUP,
                });
            }
        }
    }
    // Groups in brackets, then groups after a reporter cue (the order of candidates does not
    // matter: `select` sorts them by all they hold).
    // The brackets are found in the text's bytes (a fast search), then turned into characters.
    let mut from = 0;
    while let Some(b) = p.text[from..].find('(') {
        let i = p.char_at_byte(from + b);
        from += b + 1;
        if let Some(j) = (i + 2..n.min(i + 26)).find(|&j| ctx.char(j) == ')') {
            group(ctx, taken, i + 1, j, true, out);
        }
    }
    for &k in &ctx.starts.byline_cue {
        let t = &ctx.tokens[k as usize];
        // The last character is 者 or 员 (see [`Starts`]).
        if t.end <= n
            && ctx.char(t.start) != '('
            && ctx.start_tok[t.start] == k
            && is_byline_cue(t.word)
        {
            let mut e = t.end;
            if e < n && matches!(ctx.char(e), ':' | '：') {
                e += 1;
            }
            let stop = (e..n.min(e + 24))
                .find(|&k| !(is_han(ctx.char(k)) || matches!(ctx.char(k), '、' | ' ' | '/')))
                .unwrap_or(n.min(e + 24));
            group(ctx, taken, e, stop, false, out);
        }
    }
}

/// True when the two characters `s..e`, alone in brackets closing a long paragraph, can be the
/// writer's pen name: Han characters that are no numeral, place, title or cue, no credit (摘译,
/// 编辑) and no word the dictionary counts often (图片, 下篇).
fn bracket_pen_name(ctx: &Ctx<'_, '_>, s: usize, e: usize) -> bool {
    let text = ctx.p.slice(s, e);
    if !(s..e).all(|i| is_han(ctx.char(i)) && !"一二三四五六七八九十".contains(ctx.char(i)))
        || is_place(text)
        || is_any_title(text)
        || PERSON_CUES.contains(text)
        || "译摘编辑稿摄绘画作".contains(ctx.char(e - 1))
    {
        return false;
    }
    let jieba = Segmenter::shared().jieba();
    !jieba.has_word(text)
        || jieba.suggest_freq(text) <= 300
            && ctx.token_starting(s).is_some_and(|t| {
                t.end == e && matches!(t.pos, "n" | "ns" | "nz" | "v" | "nr" | "nrt" | "nrfg")
            })
}

/// `s..e` as a name standing alone (see [`standalone_name`]), when no other name or pass has
/// taken its characters.
fn standalone_cand(ctx: &Ctx<'_, '_>, taken: &[bool], s: usize, e: usize) -> Option<Cand> {
    (!taken[s..e].iter().any(|&x| x) && ctx.p.is_unclaimed(s, e) && standalone_name(ctx, s, e))
        .then_some(Cand {
            start: s,
            end: e,
            score: GROUP,
        })
}

/// True when `s..e`, standing alone (a line of its own, or brackets closing a paragraph), can be
/// a name or pen name: two or three Han characters that are not a place, a title or an ordinary
/// dictionary word (图片, 目录, 编后, 消费者); three characters must open with a surname and not end
/// in an ordinary word (致读者, 学金融).
fn standalone_name(ctx: &Ctx<'_, '_>, s: usize, e: usize) -> bool {
    let p = ctx.p;
    let text = p.slice(s, e);
    if !(s..e).all(|i| is_han(ctx.char(i)))
        || is_place(text)
        || is_any_title(text)
        || PERSON_CUES.contains(text)
        || is_head(p.slice(e - 1, e))
    {
        return false;
    }
    // A credit (郭红摄) or a numbered piece (外一首) is for the byline groups to split.
    if "摄作摘画绘文".contains(ctx.char(e - 1))
        || (s..e).any(|i| "一二三四五六七八九十".contains(ctx.char(i)))
    {
        return false;
    }
    let jieba = Segmenter::shared().jieba();
    let surname = SURNAMES.contains(p.slice(s, s + 1)) || SURNAMES.contains(p.slice(s, s + 2));
    let ordinary_half = e - s == 3
        && [p.slice(s, s + 2), p.slice(s + 1, e)]
            .iter()
            .any(|h| jieba.has_word(h) && ordinary_word(jieba, h) && !SURNAMES.contains(h));
    if jieba.has_word(text) {
        let tags = jieba.tag(text, false);
        let freq = jieba.suggest_freq(text);
        // A rare word the dictionary tags otherwise may be a pen name with a surname (钟行).
        return tags.len() == 1
            && match tags[0].tag {
                "nr" | "nrfg" | "nrt" => freq <= 3000,
                "n" | "nz" | "ns" | "t" => freq <= 100 && surname && !ordinary_half,
                _ => false,
            };
    }
    if e - s == 2 {
        // A pen name (晓渡, 钟行), but not a numeral (十二).
        return !ctx
            .token_starting(s)
            .is_some_and(|t| matches!(t.pos, "m" | "q" | "mq"));
    }
    surname && !ordinary_half
}

/// Characters that end an item of an enumeration (、，。等 …).
const ITEM_DELIMITERS: [char; 20] = [
    '、', ',', '，', '。', ';', '；', ':', '：', '等', '和', '及', '与', '(', ')', '“', '”', '"',
    '\'', ' ', '\u{3000}',
];

/// True when the character at `i` ends an item of an enumeration (、，。等 …).
fn item_delimiter(ctx: &Ctx<'_, '_>, i: usize) -> bool {
    i >= ctx.p.len() || ctx.facts.is_delimiter(ctx.char(i))
}

/// True when `s..e` is a whole item of an enumeration with 、 on at least one side
/// (巴金、曹禺、冰心).
fn list_item(ctx: &Ctx<'_, '_>, s: usize, e: usize) -> bool {
    (s == 0 || item_delimiter(ctx, s - 1))
        && item_delimiter(ctx, e)
        && ((s > 0 && ctx.char(s - 1) == '、') || (e < ctx.p.len() && ctx.char(e) == '、'))
}

/// Items of an enumeration of two or three Han characters that could be names the dictionary
/// tags otherwise (巴金 ns, 冰心 n, 周恩来 t) or does not know (布赫): candidates with no score of
/// their own, accepted only next to accepted names (see [`select`]).
fn list_candidates(ctx: &Ctx<'_, '_>, taken: &[bool], out: &mut Vec<Cand>) {
    let p = ctx.p;
    let n = p.len();
    let jieba = Segmenter::shared().jieba();
    // The items are the runs between delimiters; only those of 2 or 3 characters next to a 、
    // can pass [`list_item`], so the runs are found from the 、 in the text (a fast search).
    let run_before = |e: usize| {
        let s = (e.saturating_sub(4)..e)
            .rev()
            .find(|&i| item_delimiter(ctx, i))
            .map_or(0, |d| d + 1);
        (e - s <= 3).then_some((s, e))
    };
    let run_after = |s: usize| {
        let e = (s..n.min(s + 4))
            .find(|&i| item_delimiter(ctx, i))
            .unwrap_or(n);
        (e - s <= 3).then_some((s, e))
    };
    let mut items = Vec::new();
    let mut from = 0;
    while let Some(b) = p.text[from..].find('、') {
        let k = p.char_at_byte(from + b);
        from += b + '、'.len_utf8();
        for item in [run_before(k), run_after(k + 1)].into_iter().flatten() {
            // The run between two 、 is next to both.
            if items.last() != Some(&item) {
                items.push(item);
            }
        }
    }
    for (s, e) in items {
        if (2..=3).contains(&(e - s))
            && list_item(ctx, s, e)
            && (s..e).all(|i| is_han(ctx.char(i)))
            && !taken[s..e].iter().any(|&x| x)
            && p.is_unclaimed(s, e)
            && ctx.start_tok[s] != NONE
            && ctx.end_tok[e] != NONE
        {
            let text = p.slice(s, e);
            // 钱宏说: the last item of a list with the sentence's verb glued on.
            let last = ctx.char(e - 1);
            let plausible = last != '说'
                && !is_glued_function_char(last)
                && !is_place(text)
                && !is_any_title(text)
                && !PERSON_CUES.contains(text)
                && !is_head(p.slice(e - 1, e))
                && !ctx.token_starting(s).is_some_and(|t| {
                    t.len() == 1 && (is_function_tag(t.pos) || t.pos == "v" || t.pos == "c")
                })
                && (!jieba.has_word(text) || {
                    let tags = jieba.tag(text, false);
                    tags.len() == 1
                        && match tags[0].tag {
                            "nr" | "nrfg" | "nrt" | "t" => true,
                            "n" | "ns" | "nz" => rare_word(jieba, text),
                            _ => false,
                        }
                });
            if plausible {
                out.push(Cand {
                    start: s,
                    end: e,
                    score: 0,
                });
            }
        }
    }
}

/// Split `a..b` into items and the items into names; see [`byline_candidates`].
fn group(ctx: &Ctx<'_, '_>, taken: &[bool], a: usize, b: usize, strict: bool, out: &mut Vec<Cand>) {
    let p = ctx.p;
    // Start after the last reporter cue inside the group: (新华社记者王言彬、韩振军).
    let mut a = a;
    // Outside brackets, a group is looked for only after a reporter cue.
    let mut after_cue = !strict;
    for t in ctx.tokens {
        if t.start >= a && t.end <= b && is_byline_cue(t.word) {
            a = t.end;
            after_cue = true;
        }
    }
    let mut b = b;
    let mut credit = false;
    loop {
        let text = p.slice(a, b);
        if text.ends_with("报道") || text.ends_with("/文") {
            b -= 2;
        } else if text.ends_with('摄') || strict && text.ends_with(['作', '摘', '画', '绘']) {
            b -= 1;
        } else {
            break;
        }
        credit = true;
    }
    if a >= b {
        return;
    }
    let mut items = Vec::new();
    let mut s = a;
    for i in a..=b {
        if i == b || matches!(ctx.char(i), '、' | ' ' | '/' | '　') {
            if i > s {
                items.push((s, i));
            }
            s = i + 1;
        }
    }
    // （记者方正）, 记者黄山报道: one short item right after a reporter cue, closing the
    // bracket or before 报道, is the reporter's name, even one that is a word or a place too.
    if after_cue
        && (strict || credit)
        && let [(s, e)] = items[..]
        && (2..=3).contains(&(e - s))
        && e == b
        && ctx.facts.is_surname(ctx.char(s))
        && (s..e).all(|i| is_han(ctx.char(i)))
        && ctx.start_tok[s] != NONE
        // 周家/n 国摄/vg: jieba may glue the credit's verb to the name's last character.
        && (ctx.end_tok[e] != NONE || credit)
        && !(s..e).any(|i| {
            ctx.token_starting(i).is_some_and(|t| {
                t.end <= e && (t.pos.starts_with('v') || is_function_tag(t.pos))
            })
        })
    {
        if !taken[s..e].iter().any(|&x| x) && p.is_unclaimed(s, e) {
            out.push(Cand {
                start: s,
                end: e,
                score: GROUP,
            });
        }
        return;
    }
    let mut names = Vec::new();
    for (k, &(s, e)) in items.iter().enumerate() {
        // Without a separator after it, the last item after a reporter cue must be one name.
        let open_end = !strict && k + 1 == items.len() && e == b && !credit;
        // With a photo credit or after a reporter cue, a lone name of two or three characters
        // may use given-name characters too rare for the statistics (李舸, 夏珺).
        let loose = (credit || !strict) && e - s <= 3;
        if tibetan_end(ctx, s).0 == e {
            names.push((s, e)); // 索朗罗布: a Tibetan name, not two Chinese ones
            continue;
        }
        match split_names(ctx, s, e, loose) {
            // A headline (姜春云会见沃尔沃公司总裁) is no line of names.
            Some(parts) if strict && parts.len() > 1 && sentence_across(ctx, &parts) => {
                return;
            }
            Some(parts) if !(open_end && parts.len() > 1) => names.extend(parts),
            _ if strict => return,
            _ => break,
        }
    }
    // A single short name in brackets or on a line needs more: a photo credit or jieba's tag.
    if strict && names.len() == 1 {
        let (s, e) = names[0];
        let tagged = ctx
            .token_starting(s)
            .is_some_and(|t| t.end == e && t.pos.starts_with("nr"));
        let line = a == 0 || !p.chars[..a].iter().any(|c| !c.is_whitespace());
        if line && !credit || e - s < 3 && !credit && !tagged {
            return;
        }
    }
    for (s, e) in names {
        if !taken[s..e].iter().any(|&x| x) && p.is_unclaimed(s, e) {
            out.push(Cand {
                start: s,
                end: e,
                score: GROUP,
            });
        }
    }
}

/// True when jieba's words show that the "names" `parts`, split from a run of Han characters,
/// are a sentence (姜春云会见沃尔沃公司总裁 read as 姜春/云会见/沃尔/沃公/司总裁): a full name
/// jieba found is cut in two, a title stands for a given name (司/总裁), or a particle lies
/// inside (虎啸的雷鸣).
fn sentence_across(ctx: &Ctx<'_, '_>, parts: &[(usize, usize)]) -> bool {
    let (a, b) = (parts[0].0, parts[parts.len() - 1].1);
    ctx.tokens
        .iter()
        .filter(|t| t.start >= a && t.end <= b)
        .any(|t| {
            let len = t.end - t.start;
            // A name jieba found, opening one of ours and running into the next (姜春云).
            let cut = parts.iter().any(|&(s, e)| t.start == s && e < t.end);
            (len == 3 && t.pos.starts_with("nr") && cut)
                || (len >= 2 && parts.iter().any(|&(_, e)| t.end == e) && is_title(t.word, false))
                || matches!(t.pos, "uj" | "ul" | "uz" | "uv" | "ud" | "ug")
        })
}

/// Split the Han characters `s..e` into Chinese names, as few as possible (王永华贺广华 is two
/// names of three, not three of two), preferring cuts where jieba cut; `None` when they do not
/// split.
fn split_names(ctx: &Ctx<'_, '_>, s: usize, e: usize, loose: bool) -> Option<Vec<(usize, usize)>> {
    if e - s < 2 || e - s > 16 || !(s..e).all(|i| is_han(ctx.char(i))) {
        return None;
    }
    // best[i]: (names, -aligned cuts) of the best split of s..i, and where its last name starts.
    let mut best: Vec<Option<((usize, i32), usize)>> = vec![None; e - s + 1];
    best[0] = Some(((0, 0), s));
    for i in s..e {
        let Some(((count, cost), _)) = best[i - s] else {
            continue;
        };
        for sl in [1, 2] {
            for gl in [1, 2] {
                let j = i + sl + gl;
                if j > e || !group_name(ctx, i, sl, j, loose) {
                    continue;
                }
                let aligned =
                    i32::from(ctx.start_tok[i] != NONE) + i32::from(ctx.end_tok[j] != NONE);
                let key = (count + 1, cost - aligned);
                if best[j - s].is_none_or(|(k, _)| key < k) {
                    best[j - s] = Some((key, i));
                }
            }
        }
    }
    let mut parts = Vec::new();
    let mut j = e;
    while j > s {
        let (_, i) = best[j - s]?;
        parts.push((i, j));
        j = i;
    }
    parts.reverse();
    Some(parts)
}

/// True when `s..e` (a surname of `sl` characters, then the given name) can be a name in a group.
/// With `loose`, given-name characters need not be in the statistics and a rare dictionary word
/// (夏珺 v) may be a name.
fn group_name(ctx: &Ctx<'_, '_>, s: usize, sl: usize, e: usize, loose: bool) -> bool {
    let p = ctx.p;
    let text = p.slice(s, e);
    let jieba = Segmenter::shared().jieba();
    // A name jieba tags as one (宋琨/nr 罗巍/nr) may use given-name characters too rare for
    // the statistics, as a loose one may.
    let tagged = ctx
        .token_starting(s)
        .is_some_and(|t| t.end == e && t.pos.starts_with("nr"));
    let given_ok = |i: usize| {
        given_score(ctx.char(i)) > 0
            || (loose || tagged) && is_han(ctx.char(i)) && !is_glued_function_char(ctx.char(i))
    };
    SURNAMES.contains(p.slice(s, s + sl))
        && (s + sl..e).all(given_ok)
        && !is_place(text)
        && !is_any_title(text)
        && !PERSON_CUES.contains(text)
        && !is_head(p.slice(e - 1, e))
        && ctx.char(e - 1) != '族'
        && !(common_word(jieba, text) && !(loose && rare_word(jieba, text)))
        // Not an ordinary word glued across the surname (解释/说).
        && !(loose
            && ctx.token_starting(s).is_some_and(|t| {
                t.end > s + sl && t.end < e && jieba.has_word(t.word) && ordinary_word(jieba, t.word)
            }))
}

/// Transliterated names joined by a middle dot: 纳塔利娅·佩切里察, 乔治·韦拉.
fn dotted_names(ctx: &Ctx<'_, '_>) -> Vec<(usize, usize)> {
    let p = ctx.p;
    let n = p.len();
    let mut out = Vec::new();
    // A name's first part is whole tokens ending at the dot ([`extend_left`]): only the dots
    // right after a token are looked at.
    let mut next = 0;
    for &i in &ctx.dots {
        if i < next || i == 0 || !p.is_unclaimed(i, i + 1) {
            continue;
        }
        let start = extend_left(ctx, i);
        if start == i {
            continue;
        }
        // Parts to the right, across further dots.
        let mut end = i;
        loop {
            let e = extend_right(ctx, end + 1);
            if e == end + 1 {
                break;
            }
            end = e;
            if end < n && is_dot(ctx.char(end)) {
                continue;
            }
            break;
        }
        // A function word standing after the last part (布里克森/曾).
        if end > i + 2
            && ctx.token_ending(end).is_some_and(|t| {
                t.len() == 1 && is_function_tag(t.pos) && is_glued_function_char(ctx.char(end - 1))
            })
        {
            end -= 1;
        }
        // A function character jieba glued to the last part (谢弗等/人, 里茨玛于/1994年).
        if end > i + 2
            && is_glued_function_char(ctx.char(end - 1))
            && ctx
                .token_ending(end)
                .is_some_and(|t| t.len() >= 2 && !Segmenter::shared().jieba().has_word(t.word))
        {
            end -= 1;
        }
        // A name made of places only (莫斯科·圣彼得堡) is none.
        if end > i + 1
            && !is_dot(ctx.char(end - 1))
            && !(is_place(p.slice(start, i)) && is_place(p.slice(i + 1, end)))
        {
            out.push((start, end));
            next = end;
        }
    }
    out
}

/// A token that can be part of a transliterated name written with a dot: transliteration
/// characters, a word jieba takes for a name, or a word it does not know.
fn dotted_part(t: &Token<'_>) -> bool {
    if is_place(t.word) || is_title(t.word, true) || PERSON_CUES.contains(t.word) {
        return false;
    }
    let jieba = Segmenter::shared().jieba();
    t.word.chars().all(|c| TRANSLIT_CHARS.contains(&c))
        || (t.word.chars().all(is_han)
            && (t.pos.starts_with("nr") || !jieba.has_word(t.word) || t.pos == "ns"))
}

/// Right after a dot, a word of two Han characters that jieba's dictionary holds as a rare noun
/// (甘地/n of 拉吉夫·甘地, 立派/n of 川·立派).
fn rare_word_after_dot(t: &Token<'_>) -> bool {
    t.len() == 2
        && matches!(t.pos, "n" | "nz")
        && t.word.chars().all(is_han)
        && !is_place(t.word)
        && !is_any_title(t.word)
        && !PERSON_CUES.contains(t.word)
        && Segmenter::shared().jieba().suggest_freq(t.word) <= 300
}

/// A token that can be part of a transliterated name.
fn translit_token(t: &Token<'_>) -> bool {
    t.word.chars().all(|c| TRANSLIT_CHARS.contains(&c)) && !is_place(t.word)
}

/// [`translit_token`] for token `i` of the paragraph, its characters looked up once per
/// paragraph.
#[inline]
fn translit_token_at(ctx: &Ctx<'_, '_>, i: usize) -> bool {
    let p = ctx.p;
    p.tokens
        .get(i)
        .and_then(|t| p.chars.get(t.start))
        .is_none_or(|&c| ctx.facts.may(c, TRANSLIT))
        && p.is_translit_token(i)
        && !is_place(p.tokens[i].word)
}

/// True when a transliteration run ending at `e` goes on as a place name: a place head follows
/// (戈尔诺—巴达赫尚自治州, 库里亚布市), a dash and more of the name, or a single
/// transliteration character jieba split off (库里亚/布).
fn continues_as_place(ctx: &Ctx<'_, '_>, e: usize) -> bool {
    let Some(next) = ctx.token_starting(e) else {
        return false;
    };
    place_follows(ctx, e)
        || next.len() == 1
            && TRANSLIT_CHARS.contains(&ctx.char(e))
            && next.pos.starts_with("n")
            && !PERSON_CUES.contains(next.word)
            && !is_title(next.word, false)
}

/// True when a place head (自治州, 市) or a dash and a further name part (戈尔诺—巴达赫尚) follows
/// position `e`: the name before it is part of a place name.
fn place_follows(ctx: &Ctx<'_, '_>, e: usize) -> bool {
    let Some(next) = ctx.token_starting(e) else {
        return false;
    };
    if PLACE_SUFFIXES.contains(next.word) || next.pos == "ns" && next.word.ends_with('州') {
        return true;
    }
    matches!(next.word, "—" | "-" | "–" | "——")
        && ctx.token_starting(next.end).is_some_and(|t| {
            translit_token(t) || t.pos.starts_with("nr") || t.pos.starts_with("ns")
        })
}

/// Characters that stand as words of their own after a name (为, 有, 在, and 任 "serves as", 饰
/// "plays" in credits): jieba's guessing glues them to an unknown name (令狐安为, 任大惠有,
/// 邓志平任).
fn is_glued_function_char(c: char) -> bool {
    matches!(
        c,
        '为' | '有'
            | '在'
            | '是'
            | '和'
            | '对'
            | '将'
            | '把'
            | '被'
            | '给'
            | '向'
            | '从'
            | '到'
            | '也'
            | '就'
            | '都'
            | '又'
            | '还'
            | '等'
            | '与'
            | '及'
            | '曾'
            | '已'
            | '于'
            | '因'
            | '的'
            | '了'
            | '记'
            | '手'
            | '时'
            | '以'
            | '用'
            | '家'
            | '任'
            | '饰'
    )
}

/// True when the character at `s` is one of the common surnames (tier 1 of surnames.txt).
fn common_surname(ctx: &Ctx<'_, '_>, s: usize) -> bool {
    SURNAMES.value(ctx.p.slice(s, s + 1)) == Some("1")
}

/// True when the span `s..e` stands between clean edges, as a name in running text does:
/// before it the paragraph's start, a comma or stop, or a word that takes a person after it
/// (的, 叫, 和); after it the paragraph's end, a comma or stop, or a function word (的, 和, 在).
/// Quotation marks, title marks and the dot of a transliteration are no clean edge: a quoted
/// word (“晋商”) or a piece of a foreign name (祖宾·梅塔) sits between them.
fn clean_edges(ctx: &Ctx<'_, '_>, s: usize, e: usize) -> bool {
    // An item of an enumeration (水库、汪塘、机电井) is left to the list's own reading.
    if s > 0 && ctx.char(s - 1) == '、' && ctx.p.chars.get(e) == Some(&'、') {
        return false;
    }
    let before = match ctx.token_ending(s) {
        None => s == 0,
        Some(t) => {
            matches!(
                t.word,
                "，" | "," | "。" | "、" | "；" | ";" | "：" | ":" | "(" | ")" | "/"
            ) || matches!(
                t.word,
                "的" | "叫" | "和" | "与" | "同" | "对" | "了" | "从" | "问" | "找" | "有"
            )
        }
    };
    if !before {
        return false;
    }
    match ctx.token_starting(e) {
        None => e == ctx.p.len(),
        Some(t) => {
            matches!(
                t.word,
                "，" | "," | "。" | "、" | "；" | ";" | "：" | ":" | "(" | ")" | "/" | "!" | "?"
            ) || matches!(
                t.word,
                "的" | "和"
                    | "与"
                    | "及"
                    | "在"
                    | "以"
                    | "将"
                    | "为"
                    | "对"
                    | "就"
                    | "还"
                    | "等"
                    | "也"
                    | "又"
            )
        }
    }
}

/// Start of the name part that ends at `i` (a dot): whole transliteration tokens to the left.
fn extend_left(ctx: &Ctx<'_, '_>, i: usize) -> usize {
    let mut s = i;
    while let Some(t) = ctx.token_ending(s) {
        let part = dotted_part(t) || s == i && translit_place_part(t);
        if !part || !ctx.p.is_unclaimed(t.start, t.end) || i - t.start > 8 {
            break;
        }
        // Before the first part: a verb, function word or locality that jieba did not know
        // (队内有/v, 一书中/f), or a nationality (荷兰人).
        if s < i && (is_function_tag(t.pos) || matches!(t.pos, "v" | "f")) && !translit_token(t)
            || t.word.strip_suffix('人').is_some_and(is_place)
        {
            break;
        }
        s = t.start;
    }
    s
}

/// A place name in transliteration next to a name's dot, which people are named after too
/// (弗吉尼亚·伍尔夫, 乔治·华盛顿); a name made of places only (莫斯科·圣彼得堡) is refused
/// afterwards.
fn translit_place_part(t: &Token<'_>) -> bool {
    is_place(t.word) && t.word.chars().all(|c| TRANSLIT_CHARS.contains(&c))
}

/// End of the name part that starts at `i` (after a dot). After its first token, a word jieba
/// guesses as a function word or a verb ends it (洛迪/随团, 德桑蒂斯/开着).
fn extend_right(ctx: &Ctx<'_, '_>, i: usize) -> usize {
    let mut e = i;
    while let Some(t) = ctx.token_starting(e) {
        let part = dotted_part(t) || e == i && translit_place_part(t);
        // 拉吉夫·甘地/当: a rare word right after the dot is the whole last part.
        let last_part = !part && e == i && rare_word_after_dot(t);
        if !(part || last_part) || !ctx.p.is_unclaimed(t.start, t.end) || t.end - i > 10 {
            break;
        }
        if last_part {
            return t.end;
        }
        if e > i && (is_function_tag(t.pos) || t.pos == "v") && !translit_token(t) {
            // Unless it is the name's end with a word glued on (佩切/里察说): that end is kept.
            let last = ctx.char(t.end - 1);
            if t.len() >= 2
                && (is_glued_function_char(last) || last == '说')
                && ctx.p.chars[t.start..t.end - 1]
                    .iter()
                    .all(|c| TRANSLIT_CHARS.contains(c))
                && !Segmenter::shared().jieba().has_word(t.word)
            {
                e = t.end - 1;
            }
            break;
        }
        e = t.end;
    }
    e
}

/// How much the shape of `s..e` (a surname of `sl` characters and a given name) and its
/// segmentation say it is a name; `None` when it cannot be one.
fn chinese_shape(ctx: &Ctx<'_, '_>, s: usize, sl: usize, e: usize) -> Option<i32> {
    chinese_shape_to(ctx, s, sl, e, last_token(ctx, e)?)
}

/// True when a village's, township's or town's unit stands as a token of its own at `e`: the
/// name before it is the place's (大石头/村, 凡堡/村).
fn settlement_unit_at(ctx: &Ctx<'_, '_>, e: usize) -> bool {
    ctx.token_starting(e)
        .is_some_and(|t| t.len() == 1 && super::place::is_settlement_unit(ctx.char(e)))
}

/// The token a name ending at `e` ends with: the token ending there, or the word jieba glued
/// the name to ([`Ctx::glued_tail`]).
fn last_token(ctx: &Ctx<'_, '_>, e: usize) -> Option<u32> {
    if ctx.end_tok[e] != NONE {
        Some(ctx.end_tok[e])
    } else {
        ctx.glued_tail(e)
    }
}

/// True when the token that opens `s..e` (a surname of `sl` characters, then the given name,
/// ending with token `last`) runs past the surname and is a dictionary word no name reading
/// takes: the whole span as one word with a tag other than a name's or a noun's (高兴 a, 张开 v),
/// or the surname glued into an ordinary word (全国/人 n). [`chinese_shape_to`] turns every such
/// span down; asked first, this spares the other tests for most spans.
fn opens_with_word(ctx: &Ctx<'_, '_>, s: usize, sl: usize, e: usize, last: u32) -> bool {
    let first = ctx.start_tok[s];
    let t = &ctx.tokens[first as usize];
    let takes = if first == last {
        // One token: it must end the span to be asked of the dictionary at all.
        t.end != e || matches!(t.pos, "nr" | "nrfg" | "n" | "ns" | "t" | "m" | "nz")
    } else {
        t.end <= s + sl || matches!(t.pos, "nr" | "nrfg")
    };
    if takes || !Segmenter::shared().jieba().has_word(t.word) {
        return false;
    }
    // 省长/舒圣佑 v: a name the dictionary mistags as a verb, counted seldom, after a title.
    !(first == last
        && t.len() == 3
        && t.pos == "v"
        && Segmenter::shared().jieba().suggest_freq(t.word) <= 10
        && ctx.cue_before(s) >= TITLE_CUE)
}

/// [`chinese_shape`] with the name's last token ([`last_token`]) already found.
fn chinese_shape_to(ctx: &Ctx<'_, '_>, s: usize, sl: usize, e: usize, last: u32) -> Option<i32> {
    let first = ctx.start_tok[s];
    let jieba = Segmenter::shared().jieba();
    let len = e - s;
    let given = ctx.p.slice(s + sl, e);
    if is_any_title(given) || may_open(&CUE_OPENERS, given) && PERSON_CUES.contains(given) {
        return None;
    }
    // A title's modifier (常务副部长, 原副总理) ends no name.
    if ctx.char(e - 1) == '副' {
        return None;
    }
    if settlement_unit_at(ctx, e) {
        return None;
    }
    if len >= 3
        && is_glued_function_char(ctx.char(e - 1))
        && !jieba.has_word(ctx.tokens[last as usize].word)
    {
        return None;
    }
    let given_min = (s + sl..e)
        .map(|i| given_score(ctx.char(i)))
        .min()
        .unwrap_or(0);
    if first == last {
        let t = &ctx.tokens[first as usize];
        if is_title(t.word, true) || PERSON_CUES.contains(t.word) {
            return None;
        }
        if len >= 3 && is_head(ctx.p.slice(e - 1, e)) {
            return None; // 宣传部, 管理局: jieba's dictionary tags some such words nr
        }
        // 梁园镇/nr, 布吉镇/nr: jieba tags many townships and villages as names (a third of its
        // dictionary's words ending in 镇 are tagged so); such a name needs a title (记者朱良镇).
        // So do counties, temples and lakes (洪泽县/nr, 大昭寺/nr, 骆马湖/nr), or a verb that
        // goes with people (陈天湖说).
        if len >= 3 && super::place::is_settlement_unit(ctx.char(e - 1)) {
            return Some(0);
        }
        if len >= 3 && super::place::is_landmark_unit(ctx.char(e - 1)) {
            return Some(1);
        }
        let known = t.end == e && jieba.has_word(t.word);
        return match t.pos {
            "nr" | "nrfg" if known && len >= 3 => Some(
                if !ends_names(ctx.char(e - 1))
                    || common_word(jieba, given)
                    || sl == 1 && ordinary_prefix(jieba, ctx.p.slice(s, s + 2))
                {
                    1
                } else {
                    3
                },
            ),
            // Of two characters: the dictionary tags some words nr (贺词, 玉米) that end unlike names.
            "nr" | "nrfg" if known => Some(i32::from(ends_names(ctx.char(e - 1)))),
            // Names the dictionary tags otherwise (朱幼棣 n, 周恩来 t, 许立群 m, 舒圣佑 v) need a cue.
            "n" | "ns" | "t" | "m" | "nz" | "v" if known && len >= 3 => Some(0),
            _ if given_min == 0 && (known || len < 3) => None,
            // Of two characters, a place or proper noun needs a cue; a word the dictionary tags
            // as a time or an amount (过后, 许多) is no name.
            "ns" | "nz" if known => Some(0),
            _ if known => None,
            // A word jieba does not know (its tag is a guess), but not a function word (国及 c).
            _ if is_function_tag(t.pos) || t.pos == "c" => None,
            _ if len >= 3 && given_min == 0 => Some(0),
            _ if len >= 3 => Some(if jieba.has_word(ctx.p.slice(s, s + 2)) {
                1
            } else if given_min >= 20 && ends_names(ctx.char(e - 1))
                // jieba's guess of a name, ending as names often do (孙慧芹 nr).
                || t.end == e
                    && matches!(t.pos, "nr" | "nrfg")
                    && ends_names_often(ctx.char(e - 1))
            {
                3
            } else {
                2
            }),
            // jieba's guess of a two-character name (王晨/nr, 李明/nr), with a common surname,
            // standing between clean edges: punctuation or a function word on both sides.
            // A place's unit (郭家, 塘坝) or a rare name ending (武钢) at the end needs a cue.
            "nr" | "nrfg" if common_surname(ctx, s) => Some(
                if ends_names_often(ctx.char(e - 1))
                    && !super::place::is_settlement_unit(ctx.char(e - 1))
                    && !super::place::is_landmark_unit(ctx.char(e - 1))
                    && clean_edges(ctx, s, e)
                {
                    3
                } else {
                    1
                },
            ),
            "nr" | "nrfg" => Some(1),
            _ => Some(0),
        };
    }
    if given_min == 0 {
        return None;
    }
    // Several tokens: each piece after the surname must look like part of a given name.
    let mut score = 1;
    // Right after a title, or before a post in brackets, a surname that jieba cut off and tagged
    // as something else (会计许/m 云英, 纪检员苏/j 清阳, 副部长李/nr 成仁) is still a surname.
    // Asked only where it matters (most names have no piece it changes), then remembered.
    let titled_memo = std::cell::Cell::new(None);
    let titled = || {
        titled_memo.get().unwrap_or_else(|| {
            let v = ctx.cue_before(s) >= TITLE_CUE || ctx.note_after(e) >= TITLE_CUE;
            titled_memo.set(Some(v));
            v
        })
    };
    for ti in first..=last {
        let t = &ctx.tokens[ti as usize];
        if t.end <= s + sl {
            // So is one before a post in brackets (张/q 文华（…副主任）): see `titled`.
            let loose = t.len() == 1 && matches!(t.pos, "m" | "zg" | "j" | "q" | "ng") && titled();
            // 俞/zg 东平/ns 说: jieba tags some common surnames zg when it cuts them off.
            let zg_surname = t.len() == 1 && t.pos == "zg" && common_surname(ctx, s);
            if (is_function_tag(t.pos) || t.pos == "v") && !loose && !zg_surname {
                return None; // 和/李鹏, 都/有
            }
            continue; // the surname itself
        }
        if t.start >= s + sl
            && t.end == e
            && t.len() >= 2
            && t.pos.starts_with("nr")
            && jieba.has_word(t.word)
            && !(sl == 1 && ctx.token_starting(s).is_some_and(|f| f.end == s + 1) && titled())
        {
            return None; // a whole name after a stray surname-like character
        }
        if is_any_title(t.word) || PERSON_CUES.contains(t.word) {
            return None;
        }
        if t.start < s + sl && t.pos != "nr" && t.pos != "nrfg" && jieba.has_word(t.word) {
            return None; // surname and given name glued into an ordinary word (常务/副)
        }
        if t.start >= s + sl {
            let single = t.len() == 1;
            // 刘结/一/大使: 一 ends the name before a title; a count would take a measure word
            // (一位大使).
            let one_before_title = t.word == "一" && t.end == e && ctx.cue_after(e) >= TITLE_CUE;
            if single && is_function_tag(t.pos) && !one_before_title {
                return None;
            }
            if single && t.pos == "v" && given_score(ctx.char(t.start)) < 30 {
                return None;
            }
            if !single && jieba.has_word(t.word) && !t.pos.starts_with("nr") {
                // 桑/特为 d, 宋/健在 v: a given name that is a function word or a verb ending in a
                // function word (特为, 健在, unlike 一丁).
                if t.start == s + sl
                    && t.end == e
                    && matches!(t.pos, "d" | "c" | "p" | "v")
                    && is_glued_function_char(ctx.char(e - 1))
                {
                    return None;
                }
                // 特使/时/提出: a rare surname that is a common word of its own, then a verb.
                if t.start == s + sl
                    && t.end == e
                    && t.pos.starts_with('v')
                    && sl == 1
                    && !common_surname(ctx, s)
                {
                    return None;
                }
                score -= 1;
            }
        }
    }
    if len >= 3 && given_min >= 30 {
        score += 1;
        // 广东队的李/朝阳/于: a common surname and a given name of two between clean edges.
        if len == 3 && sl == 1 && common_surname(ctx, s) && clean_edges(ctx, s, e) {
            score += 1;
        }
    }
    Some(score)
}

/// Chinese (and Japanese) names starting at token starts.
fn chinese_candidates(ctx: &Ctx<'_, '_>, taken: &[bool], out: &mut Vec<Cand>) {
    let p = ctx.p;
    let n = p.len();
    // Every reading below opens with a surname, a Tibetan or Japanese name, or is a word jieba
    // tags as a name (see [`Starts`]).
    for &k in &ctx.starts.name {
        let t = &ctx.tokens[k as usize];
        let s = t.start;
        if s >= n {
            continue;
        }
        let first = ctx.char(s);
        if taken[s] || !is_han(first) {
            continue;
        }
        let mut best: Option<Cand> = None;
        let mut consider = |c: Cand| {
            if best.is_none_or(|b| c.score > b.score || (c.score == b.score && c.end > b.end)) {
                best = Some(c);
            }
        };
        // A surname-like character after a quantifier or pronoun is a word (多国人士, 各国).
        let after_quantifier = t.len() == 1
            && ctx
                .token_ending(s)
                .is_some_and(|b| b.len() == 1 && matches!(b.pos, "m" | "r" | "q"));
        for sl in [1, 2] {
            if s + sl > n || after_quantifier {
                continue;
            }
            let surname = if sl == 1 {
                ctx.facts.is_surname(first)
            } else {
                ctx.facts.may(first, LONG_SURNAME) && SURNAMES.contains_chars(&p.chars[s..s + sl])
            };
            if !surname {
                continue;
            }
            for gl in [1, 2] {
                let e = s + sl + gl;
                if e > n {
                    continue;
                }
                let Some(last) = last_token(ctx, e) else {
                    continue;
                };
                if !p.is_unclaimed(s, e) || taken[s..e].iter().any(|&x| x) {
                    continue;
                }
                if !(s + sl..e).all(|i| is_han(ctx.char(i))) {
                    continue;
                }
                // The refusal most candidates meet (see [`opens_with_word`]), asked before the
                // gazetteers and the name's shape.
                if opens_with_word(ctx, s, sl, e, last) {
                    continue;
                }
                let text = p.slice(s, e);
                if is_place(text) || place_follows(ctx, e) {
                    continue;
                }
                let Some(shape) = chinese_shape_to(ctx, s, sl, e, last) else {
                    continue;
                };
                consider(Cand {
                    start: s,
                    end: e,
                    score: shape + ctx.cues(s, e),
                });
            }
        }
        // 老张说, 小王告诉记者: a familiar form of address (老 or 小 and a surname) right before a
        // verb of speech, when the dictionary counts the word seldom as a common one (老师说).
        if familiar_form(p, ctx.facts, t)
            && ctx
                .token_starting(t.end)
                .is_some_and(|v| SPEECH_VERBS.contains(&v.word))
            && !taken[s..t.end].iter().any(|&x| x)
            && p.is_unclaimed(s, t.end)
            && Segmenter::shared().jieba().suggest_freq(t.word) <= 300
        {
            consider(Cand {
                start: s,
                end: t.end,
                score: ACCEPT,
            });
        }
        // 梁建/nr 强于/v 1月5日, 杨天/nr 发为/v: jieba glued the given name's last character to
        // the function word after it, making a rare word (强于, 发为); the name has three.
        if t.len() == 2
            && t.pos.starts_with("nr")
            && ctx.facts.is_surname(first)
            && let Some(g) = ctx.token_starting(t.end)
            && g.len() == 2
            && given_score(ctx.char(g.start)) >= 30
            && matches!(
                ctx.char(g.start + 1),
                '于' | '为' | '在' | '说' | '对' | '的'
            )
            && Segmenter::shared().jieba().suggest_freq(g.word) <= 200
            && !Segmenter::shared().jieba().has_word(t.word)
            && !taken[s..g.start + 1].iter().any(|&x| x)
            && p.is_unclaimed(s, g.start + 1)
            && let Some(shape) = chinese_shape(ctx, s, 1, t.end)
        {
            consider(Cand {
                start: s,
                end: g.start + 1,
                score: shape + ctx.cues(s, t.end),
            });
        }
        // A person the report names by surname only (李某, 陈某), as court and police news do:
        // jieba tags such a word nr.
        if t.len() == 2
            && t.pos.starts_with("nr")
            && ctx.char(s + 1) == '某'
            && ctx.facts.is_surname(first)
            && !taken[s..t.end].iter().any(|&x| x)
            && p.is_unclaimed(s, t.end)
        {
            consider(Cand {
                start: s,
                end: t.end,
                score: ACCEPT + ctx.cues(s, t.end),
            });
        }
        // A married woman's name in Hong Kong or Taiwan: her husband's surname before her own
        // (陈方安生 = 陈 + 方安生), which jieba cuts as a name and a word (陈方/nr 安生/an).
        if t.len() == 2
            && t.pos.starts_with("nr")
            && SURNAMES.contains(p.slice(s, s + 1))
            && SURNAMES.contains(p.slice(s + 1, s + 2))
            && let Some(g) = ctx.token_starting(t.end)
            && g.len() == 2
            && (g.start..g.end).all(|i| given_score(ctx.char(i)) > 0)
            && matches!(g.pos, "an" | "nr" | "nrfg" | "nz" | "ng")
            && !is_head(p.slice(g.end - 1, g.end))
            && !is_title(g.word, false)
            && !PERSON_CUES.contains(g.word)
            && !taken[s..g.end].iter().any(|&x| x)
            && p.is_unclaimed(s, g.end)
            && let Some(shape) = chinese_shape(ctx, s, 1, t.end)
        {
            consider(Cand {
                start: s,
                end: g.end,
                score: shape + ctx.cues(s, g.end),
            });
        }
        // Tibetan names: one or two common elements (多吉才让, 尕玛多吉); one alone needs a cue.
        {
            let (e, parts) = tibetan_end(ctx, s);
            if parts > 0
                && ctx.end_tok[e] != NONE
                && !taken[s..e].iter().any(|&x| x)
                && p.is_unclaimed(s, e)
                && !is_place(p.slice(s, e))
            {
                consider(Cand {
                    start: s,
                    end: e,
                    score: if parts == 2 { ACCEPT } else { 0 } + ctx.cues(s, e),
                });
            }
        }
        // Japanese names: a Japanese family name, alone with a cue or with a given name, in
        // its token (小泽一郎/nr, 奥山由美/nz) or in the next one (土井/多贺子, 星野/浩二).
        if let Some(l) = longest_at(&JAPANESE_SURNAMES, JAPANESE, &p.chars, s) {
            let end = if t.end > s + l
                && t.len() <= 6
                && t.pos != "ns"
                && (t.pos.starts_with("nr") || !ordinary_given(p.slice(s + l, t.end)))
            {
                t.end
            } else if t.end == s + l
                && let Some(g) = ctx.token_starting(t.end)
                && japanese_given_name(g)
            {
                g.end
            } else {
                s + l
            };
            if ctx.end_tok[end] != NONE && p.is_unclaimed(s, end) && !settlement_unit_at(ctx, end) {
                let shape = if end > s + l { 3 } else { 0 };
                consider(Cand {
                    start: s,
                    end,
                    score: shape + ctx.cues(s, end),
                });
            }
        }
        // A word jieba tags as a name but with no surname (丹增, 巴音朝鲁) after a title.
        // The title before is asked before the dictionary (which costs the most).
        if best.is_none()
            && t.pos.starts_with("nr")
            && (2..=4).contains(&t.len())
            && t.word.chars().all(is_han)
            && ctx.cue_before(s) >= TITLE_CUE
            && p.is_unclaimed(s, t.end)
            && !is_place(t.word)
            && !common_word(Segmenter::shared().jieba(), t.word)
            && rare_word(Segmenter::shared().jieba(), t.word)
            && !(t.len() >= 3
                && (ordinary_word(Segmenter::shared().jieba(), p.slice(s, s + 2))
                    || ordinary_word(Segmenter::shared().jieba(), p.slice(t.end - 2, t.end))))
        {
            // 总理对桑特/nr: jieba's guess glued the preposition before the name onto it.
            let s = if t.len() >= 3
                && is_glued_function_char(first)
                && !Segmenter::shared().jieba().has_word(t.word)
            {
                s + 1
            } else {
                s
            };
            // 选手博尔以/nr 50秒: jieba's guess glued the preposition after the name onto it.
            let e = if t.len() >= 3
                && is_glued_function_char(ctx.char(t.end - 1))
                && !Segmenter::shared().jieba().has_word(t.word)
            {
                t.end - 1
            } else {
                t.end
            };
            // The title before the preposition still vouches for the name.
            let trimmed_title = if s > t.start {
                ctx.cue_before(t.start)
            } else {
                0
            };
            best = Some(Cand {
                start: s,
                end: e,
                score: ctx.cues(s, e) + trimmed_title,
            });
        }
        out.extend(best);
    }
}

/// The end of the Tibetan name elements (at most two) starting at `s`, and how many there are.
#[inline]
fn tibetan_end(ctx: &Ctx<'_, '_>, s: usize) -> (usize, usize) {
    let mut e = s;
    let mut parts = 0;
    while parts < 2
        && let Some(l) = longest_at(&TIBETAN_NAMES, TIBETAN, &ctx.p.chars, e)
    {
        e += l;
        parts += 1;
    }
    (e, parts)
}

/// Transliterated names without a dot: a run of transliteration tokens with a cue (总理内塔尼亚胡,
/// 阿拉法特说), or a word jieba knows as a name.
fn translit_candidates(ctx: &Ctx<'_, '_>, taken: &[bool], out: &mut Vec<Cand>) {
    let p = ctx.p;
    let jieba = Segmenter::shared().jieba();
    let toks = ctx.tokens;
    // A run opens with a token whose first character is a transliteration one (see [`Starts`]);
    // `i` is where the next run may open.
    let mut i = 0;
    for &k in &ctx.starts.translit {
        if (k as usize) < i {
            continue;
        }
        i = k as usize;
        let t = &toks[i];
        if !translit_token_at(ctx, i) || taken[t.start] || !p.is_unclaimed(t.start, t.end) {
            continue;
        }
        // 施加压力/让/波波夫: a verb or preposition that takes a person after it opens no name
        // (unlike 泽/连斯基, 蒙/塔尔托, whose first character jieba cut off).
        if t.len() == 1 && "让叫请使令派给被把由向对和同与跟从".contains(t.word) {
            continue;
        }
        let mut j = i;
        while j + 1 < toks.len()
            && translit_token_at(ctx, j + 1)
            && toks[j + 1].len() >= 2
            && toks[j + 1].end - t.start <= 7
            && p.is_unclaimed(toks[j + 1].start, toks[j + 1].end)
        {
            j += 1;
        }
        // A last transliteration character jieba cut off as a word of its own before a
        // punctuation mark or a digit (塔达米/申，, 帕斯卡/托，, 库尔/兹14日), or, after a title,
        // before the verb or adverb that goes on the sentence (部长伊斯拉/米/担任, 主席凯斯/里/对此),
        // even one jieba tags as a measure word or a locality.
        if let Some(last) = toks.get(j + 1)
            && last.len() == 1
            && toks[j].end - t.start >= 2
            && last.end - t.start <= 7
            && translit_token_at(ctx, j + 1)
            && p.is_unclaimed(last.start, last.end)
        {
            let word_of_its_own = is_function_tag(last.pos);
            let before_punctuation = p
                .chars
                .get(last.end)
                .is_some_and(|&c| !is_han(c) && !c.is_alphabetic());
            let before_verb = toks.get(j + 2).is_some_and(|n| {
                n.len() >= 2 && (n.pos.starts_with('v') || n.pos == "d")
                    // 经理哈齐/姆/对记者: a preposition of one character too.
                    || n.pos == "p"
            });
            if !word_of_its_own && before_punctuation
                || (!word_of_its_own || matches!(last.pos, "q" | "f"))
                    && before_verb
                    && ctx.cue_before(t.start) >= TITLE_CUE
            {
                j += 1;
            }
        }
        let (s, e) = (t.start, toks[j].end);
        let text = p.slice(s, e);
        let single_ns = i == j && t.pos == "ns";
        let titled = || ctx.cue_before(s) >= TITLE_CUE;
        if e - s >= 2 && !is_place(text) && !continues_as_place(ctx, e) && (!single_ns || titled())
        {
            let shape = if i == j {
                let known = jieba.has_word(text);
                let halves = (p.slice(s, s + 2), p.slice(e - 2, e));
                let two_words = e - s >= 4
                    && jieba.has_word(halves.0)
                    && jieba.has_word(halves.1)
                    && (ordinary_word(jieba, halves.0) || ordinary_word(jieba, halves.1))
                    // 本/赛季: a character before a word the dictionary counts often.
                    || e - s == 3
                        && known
                        && jieba.has_word(halves.1)
                        && ordinary_word(jieba, halves.1)
                        && jieba.suggest_freq(halves.1) > 1000;
                match t.pos {
                    _ if two_words => -9, // two ordinary words run together (努力提高)
                    // A word jieba takes for a function word (曾于 p) is none.
                    pos if is_function_tag(pos) => -9,
                    "nr" | "nrt" | "nrfg" if known && e - s >= 3 && !is_group_name(jieba, text) => {
                        3
                    }
                    "nr" | "nrt" | "nrfg" if known => 1,
                    "ns" if known => 0,
                    // A word the dictionary tags otherwise, right after a title (外长利维).
                    "n" | "nz" | "ns" if known && titled() && rare_word(jieba, text) => 0,
                    _ if known => -9,
                    _ if e - s >= 3 => 1,
                    _ => 0,
                }
            } else if (i..=j).all(|k| !jieba.has_word(toks[k].word) || toks[k].pos == "nrt") {
                1
            } else if (i..=j).all(|k| toks[k].pos.starts_with("nr")) {
                // Names run together in transliteration characters (霍尔/nr 布鲁克/nr, 伊马纳/nr
                // 利耶夫/nr) are one name rather than a Chinese name and more; a long one wins
                // over its first piece, a name jieba knows.
                if e - s >= 5 || t.len() == 1 { 4 } else { 2 }
            } else {
                0
            };
            out.push(Cand {
                start: s,
                end: e,
                score: shape + ctx.cues(s, e) + country_before(ctx, s, e),
            });
        }
        i = j + 1;
    }
}

/// Score of a country named right before a transliteration of three characters or more that
/// ends at a separator (法国的埃斯波斯托和…, 丹麦索戈尔、…): sports results and reports name
/// foreigners by their country so.
fn country_before(ctx: &Ctx<'_, '_>, s: usize, e: usize) -> i32 {
    if e - s < 3 || !item_delimiter(ctx, e) {
        return 0;
    }
    let mut before = ctx.token_ending(s);
    if before.is_some_and(|t| t.word == "的") {
        before = before.and_then(|t| ctx.token_ending(t.start));
    }
    i32::from(before.is_some_and(|t| crate::lexicon::COUNTRIES.contains(t.word))) * VERB_CUE
}

/// Whether `rest`, the part of a token after a Japanese family name, is an ordinary word of
/// two characters or more rather than a given name (公司 in 松下公司/n; 龙太郎 is tagged nr).
fn ordinary_given(rest: &str) -> bool {
    let jieba = Segmenter::shared().jieba();
    rest.chars().nth(1).is_some() && jieba.has_word(rest) && ordinary_word(jieba, rest)
}

/// Whether token `g`, right after a Japanese family name, is its given name: two or three
/// characters ending like a Japanese given name (一郎, 浩二, 由美), that jieba tags as a name or,
/// written in Han characters, does not know (公司 in 松下公司, 一行 and 表示 are words).
fn japanese_given_name(g: &Token<'_>) -> bool {
    (2..=3).contains(&g.len())
        && g.word
            .chars()
            .next_back()
            .is_some_and(|c| JAPANESE_GIVEN_ENDINGS.contains(&c))
        && !is_any_title(g.word)
        && (g.pos.starts_with("nr")
            || g.word.chars().all(is_han)
                && !Segmenter::shared().jieba().has_word(g.word)
                && !PERSON_CUES.contains(g.word))
}

/// The dictionary frequency up to which a word that could be a given name is taken for one
/// rather than for an ordinary word (see [`common_word`]).
const RARE_GIVEN_FREQ: usize = 20;

/// A given name that is an ordinary word (水平 in 高水平).
fn common_word(jieba: &jieba_rs::Jieba, given: &str) -> bool {
    if given.chars().count() < 2 || !jieba.has_word(given) {
        return false;
    }
    let tags = jieba.tag(given, false);
    tags.len() == 1
        && !matches!(
            tags[0].tag,
            "nr" | "nrfg" | "nrt" | "ns" | "nz" | "j" | "m" | "t"
        )
        // 晶晶 of 郭晶晶, 逸夫 of 邵逸夫: words the dictionary counts a few times only, as
        // pieces of names, are no common words (asked last: it costs another cut).
        && jieba.suggest_freq(given) > RARE_GIVEN_FREQ
}

/// The first two characters of a dictionary word the dictionary tags as a name make an ordinary
/// word (贺年/卡, 满天/飞, 金字/塔): the word is likely an ordinary one the dictionary mistags.
fn ordinary_prefix(jieba: &jieba_rs::Jieba, prefix: &str) -> bool {
    jieba.has_word(prefix) && ordinary_word(jieba, prefix)
}

/// A dictionary word whose tag is not a name's (古代 t, 文明 is nr).
fn ordinary_word(jieba: &jieba_rs::Jieba, word: &str) -> bool {
    let tags = jieba.tag(word, false);
    tags.len() == 1 && !matches!(tags[0].tag, "nr" | "nrfg" | "nrt" | "ns")
}

/// A word the dictionary counts seldom: a name it tags as something else (利维 n, 布约亚 ns)
/// rather than an ordinary word (基金 n, 顾问 nr, 祝贺 nr). Costs a dictionary look-up and a cut.
fn rare_word(jieba: &jieba_rs::Jieba, word: &str) -> bool {
    jieba.suggest_freq(word) <= 100
}

/// A people or place word rather than a person: jieba knows 阿拉伯人 or 阿拉伯语.
fn is_group_name(jieba: &jieba_rs::Jieba, word: &str) -> bool {
    ["人", "语", "国", "族"].iter().any(|suffix| {
        let mut w = String::with_capacity(word.len() + 3);
        w.push_str(word);
        w.push_str(suffix);
        jieba.has_word(&w)
    })
}

/// Accept candidates with enough evidence, then weaker ones listed next to accepted names
/// (江泽民、李鹏、乔石), and return non-overlapping spans.
fn select(ctx: &Ctx<'_, '_>, mut cands: Vec<Cand>) -> Vec<(usize, usize)> {
    let n = ctx.p.len();
    // 2070亿谢克尔: a currency or a unit right after an amount is no name.
    cands.retain(|c| {
        !c.start
            .checked_sub(1)
            .is_some_and(|b| ctx.char(b).is_ascii_digit() || "万亿千百".contains(ctx.char(b)))
    });
    cands.sort_by_key(|c| {
        (
            c.start,
            std::cmp::Reverse(c.score),
            std::cmp::Reverse(c.end),
        )
    });
    let mut accepted: Vec<bool> = cands.iter().map(|c| c.score >= ACCEPT).collect();
    let mut ends_at = vec![false; n + 1];
    let mut starts_at = vec![false; n + 1];
    let mark = |acc: &[bool], ends_at: &mut [bool], starts_at: &mut [bool]| {
        for (c, &a) in cands.iter().zip(acc) {
            if a {
                ends_at[c.end] = true;
                starts_at[c.start] = true;
            }
        }
    };
    mark(&accepted, &mut ends_at, &mut starts_at);
    // Neighbours in a list: 江泽民、李鹏 or 江泽民和李鹏.
    // A short bracketed note between a name and the separator is skipped: 罗纳尔多（巴西）、乔丹.
    let sep_before = |s: usize| -> Option<usize> {
        let t = ctx.token_ending(s)?;
        if !matches!(t.word, "、" | "和" | "与" | "及" | "同") {
            return None;
        }
        let b = t.start;
        if b > 0 && ctx.char(b - 1) == ')' {
            let open = (b.saturating_sub(10)..b - 1)
                .rev()
                .find(|&i| ctx.char(i) == '(')?;
            return Some(open);
        }
        Some(b)
    };
    let sep_after = |e: usize| -> Option<usize> {
        let mut e = e;
        if e < n && ctx.char(e) == '(' {
            e = (e + 1..n.min(e + 10)).find(|&i| ctx.char(i) == ')')? + 1;
        }
        let t = ctx.token_starting(e)?;
        matches!(t.word, "、" | "和" | "与" | "及" | "同").then_some(t.end)
    };
    // 沈鹏、李铎: two words jieba tags as names, each opening with a surname, listed side by
    // side, vouch for each other.
    let tagged_name = |s: usize, e: usize| {
        ctx.token_starting(s).is_some_and(|t| {
            t.end == e
                && matches!(t.pos, "nr" | "nrfg")
                && (2..=3).contains(&t.len())
                && SURNAMES.contains(ctx.p.slice(s, s + 1))
        })
    };
    for (k, c) in cands.iter().enumerate() {
        if accepted[k] || c.score < 0 || !tagged_name(c.start, c.end) {
            continue;
        }
        let left = sep_before(c.start)
            .filter(|&b| ctx.char(b) == '、')
            .and_then(|b| ctx.token_ending(b))
            .is_some_and(|t| tagged_name(t.start, t.end));
        let right = sep_after(c.end)
            .filter(|&a| a > 0 && ctx.char(a - 1) == '、')
            .and_then(|a| ctx.token_starting(a))
            .is_some_and(|t| tagged_name(t.start, t.end));
        if left || right {
            accepted[k] = true;
        }
    }
    mark(&accepted, &mut ends_at, &mut starts_at);
    for _ in 0..8 {
        let mut changed = false;
        for (k, c) in cands.iter().enumerate() {
            if accepted[k] || c.score < 0 || c.score == 0 && !list_item(ctx, c.start, c.end) {
                continue;
            }
            let left = sep_before(c.start).is_some_and(|b| ends_at[b]);
            let right = sep_after(c.end).is_some_and(|a| starts_at[a]);
            if left || right {
                accepted[k] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
        mark(&accepted, &mut ends_at, &mut starts_at);
    }
    // The candidates are in order of start; at one start, the first accepted wins, unless a
    // whole item of a list is accepted there too (刘晓/驷 of 李冰、刘晓驷、赵成信, where jieba cut
    // off a rare last character).
    let mut out = Vec::new();
    let mut next_free = 0;
    let mut k = 0;
    while k < cands.len() {
        let start = cands[k].start;
        let group = k..k + cands[k..].iter().take_while(|c| c.start == start).count();
        k = group.end;
        if start < next_free {
            continue;
        }
        let mut accepted_here = group.filter(|&g| accepted[g]).map(|g| &cands[g]);
        let Some(first) = accepted_here.next() else {
            continue;
        };
        let c = if list_item(ctx, first.start, first.end) {
            first
        } else {
            accepted_here
                .find(|c| list_item(ctx, c.start, c.end))
                .unwrap_or(first)
        };
        out.push((c.start, c.end));
        next_free = c.end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::{EntityKind, texts_of};

    fn persons(text: &str) -> Vec<String> {
        texts_of(text, EntityKind::Person)
    }

    #[test]
    fn transliterated_pieces_run_together_are_one_name() {
        // jieba: 伊马纳/nr 利耶夫/nr, 沃尔斯/nr 费尔德/nr: two names it knows, one person.
        assert_eq!(
            persons("外长伊马纳利耶夫向来访的客人介绍情况。"),
            ["伊马纳利耶夫"]
        );
        assert_eq!(
            persons("加拿大选手沃尔斯费尔德获得第二名。"),
            ["沃尔斯费尔德"]
        );
    }

    #[test]
    fn a_last_transliteration_character_before_the_verb_after_a_title() {
        // jieba: 伊斯拉/nrt 米/q 担任, 凯斯/nrt 里/f 对此.
        assert_eq!(persons("部长伊斯拉米担任主席。"), ["伊斯拉米"]);
        assert_eq!(persons("主席凯斯里对此表示欢迎。"), ["凯斯里"]);
        // jieba: 哈齐/nrt 姆/x 对/p.
        assert_eq!(persons("经理哈齐姆对记者介绍说"), ["哈齐姆"]);
        // Without a title the character stays a word of its own.
        assert_eq!(persons("他向总统克林顿里外都说了。"), ["克林顿"]);
    }

    #[test]
    fn a_transliteration_after_its_country_in_results() {
        let mut found = persons("俄罗斯的科瓦连科、美国的彼得斯分获金银牌。");
        found.sort();
        assert_eq!(found, ["彼得斯", "科瓦连科"]);
        assert!(
            persons("比赛中，乌克兰的普里霍季科和法国的杜邦分获前两名。")
                .contains(&"普里霍季科".to_string())
        );
    }

    #[test]
    fn serves_as_and_plays_glued_to_a_name_in_credits() {
        assert_eq!(persons("晚会邀请了著名导演邓志平任总导演。"), ["邓志平"]);
        assert_eq!(persons("剧中由青年演员孙立强饰县令。"), ["孙立强"]);
    }

    #[test]
    fn names_whose_given_name_the_dictionary_holds_as_a_rare_word() {
        // jieba knows 郭晶晶/nr, and 晶晶/n as a word it counts four times.
        assert_eq!(persons("然而除郭晶晶外，其他选手表现一般。"), ["郭晶晶"]);
        assert_eq!(persons("邵逸夫捐款兴建了教学楼。"), ["邵逸夫"]);
        // 水平 is a word of its own: 高水平 is no name.
        assert!(persons("比赛达到了高水平。").is_empty());
    }

    #[test]
    fn world_famous_people_without_a_cue() {
        let mut found = persons("他喜欢莎士比亚的戏剧和贝多芬的音乐。");
        found.sort();
        assert_eq!(found, ["莎士比亚", "贝多芬"]);
    }

    #[test]
    fn a_rare_noun_after_a_dot_ends_the_name() {
        // jieba: 英迪拉/nz ·/x 甘地/n.
        assert_eq!(persons("人们怀念英迪拉·甘地。"), ["英迪拉·甘地"]);
        assert_eq!(persons("拉吉夫·甘地当选后访问了中国。"), ["拉吉夫·甘地"]);
    }

    #[test]
    fn a_lake_or_a_temple_jieba_takes_for_a_name_needs_a_verb() {
        assert!(persons("渔民在骆马湖捕鱼，游客参观大昭寺。").is_empty());
        assert_eq!(persons("会上，陈天湖说这件事。"), ["陈天湖"]);
    }

    #[test]
    fn the_character_table_agrees_with_the_word_lists() {
        use super::*;
        for c in (0..0x10000u32).filter_map(char::from_u32) {
            assert_eq!(FACTS.is_surname(c), SURNAMES.contains_chars(&[c]), "{c}");
            assert_eq!(FACTS.may(c, DOT), is_dot(c), "{c}");
            assert_eq!(FACTS.may(c, TRANSLIT), TRANSLIT_CHARS.contains(&c), "{c}");
            assert_eq!(FACTS.is_delimiter(c), ITEM_DELIMITERS.contains(&c), "{c}");
            let chars = [c, c, c, c];
            for (list, bit) in [
                (&*TIBETAN_NAMES, TIBETAN),
                (&*JAPANESE_SURNAMES, JAPANESE),
                (&*FAMOUS_PEOPLE, FAMOUS),
            ] {
                if list.longest_at(&chars, 0).is_some() {
                    assert!(FACTS.may(c, bit), "{c}");
                }
            }
        }
        for k in SURNAMES.keys().filter(|k| k.chars().count() > 1) {
            let first = k.chars().next().expect("a surname");
            assert!(FACTS.may(first, LONG_SURNAME), "{k}");
        }
        for (list, bit) in [
            (&TIBETAN_NAMES, TIBETAN),
            (&JAPANESE_SURNAMES, JAPANESE),
            (&FAMOUS_PEOPLE, FAMOUS),
        ] {
            for k in list.keys() {
                let chars: Vec<char> = k.chars().collect();
                assert_eq!(longest_at(list, bit, &chars, 0), Some(chars.len()), "{k}");
            }
        }
    }

    #[test]
    fn names_listed_side_by_side_vouch_for_each_other() {
        let found = persons("三宝创作出交响乐，沈鹏、李铎献上书法。");
        assert!(found.contains(&"沈鹏".to_string()), "{found:?}");
        assert!(found.contains(&"李铎".to_string()), "{found:?}");
    }

    #[test]
    fn well_known_people_named_without_a_cue() {
        assert_eq!(
            persons("毛泽东、周恩来十分重视，多次垂询。"),
            ["毛泽东", "周恩来"]
        );
        assert_eq!(persons("北京西站开展了“雷锋在我心中”活动。"), ["雷锋"]);
        assert_eq!(persons("冰心老人为该书题辞。"), ["冰心"]);
    }

    #[test]
    fn a_headline_is_no_line_of_names() {
        assert_eq!(persons("姜春云会见沃尔沃公司总裁"), ["姜春云"]);
        assert!(persons("荣誉模范团长").is_empty());
        // A line of names without separators still splits into them.
        assert_eq!(persons("李德润葛洪"), ["李德润", "葛洪"]);
    }

    #[test]
    fn a_signature_closing_a_long_paragraph() {
        let text =
            "会上共签订了工业、农业、旅游业及其它方面100多个投资项目，总金额超过预期。（孙贤迅）";
        assert_eq!(persons(text), ["孙贤迅"]);
        let text =
            "这种做法在全省推开以后，群众普遍满意，干部作风也有了明显的转变。（河北石家庄市顾克）";
        assert_eq!(persons(text), ["顾克"]);
        // A credit's verb after the name: drawn by (绘).
        let text = "图中标出了这次地震的震中和受灾最重的几个乡镇的位置。（国家地震局张明绘）";
        assert_eq!(persons(text), ["张明"]);
        let text = "这是德桑蒂斯一家收到的最好的新年礼物，他们表示非常感谢中国朋友。（本报罗马电）";
        assert!(persons(text).is_empty());
    }

    #[test]
    fn titles_and_lists() {
        let found = persons("中共中央总书记、国家主席江泽民，国务院总理李鹏、乔石出席了会议。");
        assert!(found.contains(&"江泽民".to_string()), "{found:?}");
        assert!(found.contains(&"李鹏".to_string()), "{found:?}");
        assert!(found.contains(&"乔石".to_string()), "{found:?}");
    }

    #[test]
    fn dotted_transliteration() {
        let found = persons("俄罗斯科学院院士纳塔利娅·佩切里察在会上发言。");
        assert_eq!(found, ["纳塔利娅·佩切里察"]);
    }

    #[test]
    fn bylines_and_reporting_verbs() {
        let found = persons("（新华社记者朱幼棣、本报记者陈维伟报道）宋健、张震出席。");
        for name in ["朱幼棣", "陈维伟", "宋健", "张震"] {
            assert!(found.contains(&name.to_string()), "{name}: {found:?}");
        }
    }

    #[test]
    fn titles_are_not_part_of_the_name() {
        let found = persons("江泽民总书记和李鹏总理打电话给河北省委。");
        assert_eq!(found, ["江泽民", "李鹏"]);
    }

    #[test]
    fn transliterations_with_cues_and_japanese_names() {
        let found =
            persons("以色列总理内塔尼亚胡会见了日本首相桥本龙太郎。阿拉法特说，会谈有成果。");
        for name in ["内塔尼亚胡", "桥本龙太郎", "阿拉法特"] {
            assert!(found.contains(&name.to_string()), "{name}: {found:?}");
        }
        assert_eq!(persons("以小泽一郎为首的自由党成立了。"), ["小泽一郎"]);
        // A given name jieba cuts off as a word of its own (冈部/真衣) joins the family name;
        // a word of the dictionary glued to one (松下公司) is no given name.
        assert_eq!(persons("日本选手冈部真衣夺冠。"), ["冈部真衣"]);
        assert_eq!(persons("日本棋手星野浩二九段获胜。"), ["星野浩二"]);
        assert!(persons("松下公司宣布降价。").is_empty());
    }

    #[test]
    fn a_conjunction_glued_to_a_name_by_the_dictionary_is_no_part_of_it() {
        // jieba's dictionary has 和普京 (nz), 和保罗 and 同崇祯 (nr) as words of their own.
        assert_eq!(
            persons("总统叶利钦和普京总理通了电话。"),
            ["叶利钦", "普京"]
        );
        assert_eq!(persons("他和保罗先生握手。"), ["保罗"]);
        assert!(persons("明朝大臣同崇祯皇帝商议。").is_empty());
    }

    #[test]
    fn a_word_of_three_that_ends_in_a_frequent_word_is_no_transliteration() {
        // jieba tags 本赛季 and 布娃娃 nr.
        assert!(persons("山东队是本赛季唯一没有人员变化的球队。").is_empty());
        assert!(persons("一家玩具商展出的玩具布娃娃。").is_empty());
    }

    #[test]
    fn a_currency_after_an_amount_is_no_name() {
        assert!(persons("预算总额为2070亿谢克尔，约合575亿美元。").is_empty());
    }

    #[test]
    fn a_familiar_form_of_address_before_a_verb_of_speech() {
        assert_eq!(persons("老张说，这是他的儿子。"), ["老张"]);
        assert_eq!(persons("小王告诉记者，工作很忙。"), ["小王"]);
        // A common word that opens so is no name (老师), nor is the form without speech.
        assert!(persons("老师说，这是他的儿子。").is_empty());
        assert!(persons("老张的儿子回来了。").is_empty());
    }

    #[test]
    fn a_transliteration_character_cut_off_at_the_front_is_kept() {
        // jieba: 泽/nr 连斯基/nr; a name of one character is no name of its own.
        assert_eq!(
            persons("袭击发生后，泽连斯基：已与对方通话。"),
            ["泽连斯基"]
        );
    }

    #[test]
    fn a_preposition_jieba_glued_to_a_name_after_a_title_is_left_out() {
        // jieba: 博尔以/nr 50/m.
        assert_eq!(persons("荷兰选手博尔以50秒68的成绩夺冠。"), ["博尔"]);
    }

    #[test]
    fn tibetan_names_of_two_elements() {
        assert_eq!(persons("新华社记者丁增尼达摄"), ["丁增尼达"]);
        assert_eq!(persons("自治区副主席其美次仁说"), ["其美次仁"]);
    }

    #[test]
    fn a_given_name_ending_in_one_before_a_title() {
        // jieba: 刘结/nr 一/m 大使/n.
        assert_eq!(persons("常驻联合国代表刘结一大使发言。"), ["刘结一"]);
        assert!(persons("派出刘结一名代表").iter().all(|n| n != "刘结一"));
    }

    #[test]
    fn an_author_before_a_work_or_an_author_s_verb() {
        // 陈/nr 忠厚/a: a given name that is an ordinary word, vouched for by the work after it.
        assert_eq!(
            persons("评论家认为，陈忠厚的《小镇故事》写得质朴。"),
            ["陈忠厚"]
        );
        assert_eq!(persons("这本书由钱大明著，今年出版。"), ["钱大明"]);
        assert_eq!(persons("示意图（省测绘局周启明绘）"), ["周启明"]);
        // The work's own words are no author.
        assert!(persons("他谈到了发展的《规划》。").is_empty());
    }

    #[test]
    fn function_words_jieba_glues_to_a_name_are_left_out() {
        // 时/n 提出/v, 王/nr 健在/v, 曾于/p: a surname-like word and a verb, or a preposition.
        assert!(persons("他在会见外国特使时提出了建议。").is_empty());
        assert!(persons("国务委员王健在会议上讲话。").is_empty());
        assert!(persons("总统曾于去年访问该国。").is_empty());
        // 对卡鲁纳/nr, 让/v 波波夫/nr: the preposition or verb before the name is no part of it.
        assert_eq!(persons("部长高兴地转达了总理对卡鲁纳的问候。"), ["卡鲁纳"]);
        assert_eq!(
            persons("协会正施加压力让波波夫代表澳大利亚参加比赛。"),
            ["波波夫"]
        );
    }

    #[test]
    fn two_writers_in_brackets_closing_a_paragraph() {
        let body = "这是一段很长的正文，讲述了很多事情，足以让括号里的署名成为段落的结尾。";
        let mut found = persons(&format!("{body}（湖南益阳市周德魁罗巨平）"));
        found.sort();
        assert_eq!(found, ["周德魁", "罗巨平"]);
        // 魁 is too rare a given-name character for the statistics; two names still split.
        let mut found = persons(&format!("{body}（钱宇鸿梁魁元）"));
        found.sort();
        assert_eq!(found, ["梁魁元", "钱宇鸿"]);
        // Words in brackets split into no names.
        assert!(persons(&format!("{body}（方针政策）")).is_empty());
    }

    #[test]
    fn a_last_given_character_jieba_glued_to_the_function_word_after() {
        // 王立/nr 文说/n, 钱天/nr 发为/v: rare words made of the name's end and what follows.
        assert_eq!(persons("书记王立文说的话令人难忘。"), ["王立文"]);
        let mut found = persons("会议选举赵廷运、钱天发为副书记。");
        found.sort();
        assert_eq!(found, ["赵廷运", "钱天发"]);
        // A frequent word after a name of two (李明/为) leaves it alone.
        assert_eq!(persons("局长李明为大家讲课。"), ["李明"]);
    }

    #[test]
    fn a_pen_name_of_two_in_brackets_closing_a_paragraph() {
        let body = "这是一段很长的正文，讲述了很多事情，足以让括号里的署名成为段落的结尾。";
        assert_eq!(persons(&format!("{body}（广文）")), ["广文"]);
        assert_eq!(persons(&format!("{body}（新园）")), ["新园"]);
        // A credit or a common word in the brackets is no pen name.
        assert!(persons(&format!("{body}（摘译）")).is_empty());
        assert!(persons(&format!("{body}（图片）")).is_empty());
    }

    #[test]
    fn a_common_surname_jieba_tags_zg() {
        // 俞/zg 东平/ns 说: the surname cut off and tagged zg, a county's name for a given name.
        assert_eq!(persons("服务中心的俞东平说，这是第一次。"), ["俞东平"]);
    }

    #[test]
    fn named_so_before_a_name() {
        assert_eq!(persons("一位名叫钟德鲁的知识分子看完演出。"), ["钟德鲁"]);
        assert_eq!(persons("女的自报叫艾琳。"), ["艾琳"]);
    }

    #[test]
    fn a_photographer_whose_last_character_jieba_glued_to_the_credit() {
        // 王家/n 国摄/vg: the credit's verb is no part of the name.
        assert_eq!(persons("系统一角。（新华社记者王家国摄）"), ["王家国"]);
        assert_eq!(persons("系统一角。（新华社记者周家宝摄）"), ["周家宝"]);
    }

    #[test]
    fn a_rare_dictionary_verb_after_a_title_is_a_name() {
        // jieba's dictionary holds 舒圣佑 as a verb (counted 5 times).
        let mut found = persons("省委书记舒惠国、省长舒圣佑等领导深入企业。");
        found.sort();
        assert_eq!(found, ["舒圣佑", "舒惠国"]);
        // Without a title, a verb stays a verb.
        assert!(persons("他们舒圣佑等着。").iter().all(|n| n != "舒圣佑"));
    }

    #[test]
    fn a_guessed_name_of_two_between_clean_edges() {
        // jieba guesses 刘旭/nr and 徐刚/nr, words its dictionary does not hold.
        assert_eq!(persons("获奖的是一位叫刘旭的青年教师。"), ["刘旭"]);
        assert_eq!(persons("这次获胜的徐刚，已是第二次参赛。"), ["徐刚"]);
        // Three characters jieba cut in two (赵殿/nr 喜/v) between a stop and a preposition.
        assert_eq!(persons("会议结束。赵殿喜在会上讲话。"), ["赵殿喜"]);
        // An item of an enumeration, and a family's home (郭家/nr), stay out.
        assert!(persons("各类设施（水库、汪塘、机电井）都已修好。").is_empty());
        assert!(persons("在郭家和闫家，他都讲了话。").is_empty());
    }

    #[test]
    fn dotted_names_keep_titles_out() {
        let found =
            persons("柬埔寨贝内泰国际大学资深教授约瑟夫·马修斯高度评价。专家阿利亚·穆萨别科娃指出");
        assert_eq!(found, ["约瑟夫·马修斯", "阿利亚·穆萨别科娃"]);
    }

    #[test]
    fn ordinary_words_glued_by_jieba_are_not_names() {
        let found = persons("整顿证券市场秩序，努力提高监管水平。党委宣传部部长出席。");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn bylines_and_signatures_split_into_names() {
        let found = persons("系统开通运行良好。（陈杰杨颖）");
        assert_eq!(found, ["陈杰", "杨颖"]);
        let found = persons("经济效益显著。（王永华贺广华）");
        assert_eq!(found, ["王永华", "贺广华"]);
        let found = persons("本报记者廖玒陈智霞");
        assert!(found.contains(&"陈智霞".to_string()), "{found:?}");
        let found = persons("本报巴黎1月11日电记者果永毅、王芳报道：会议开幕。");
        assert_eq!(found, ["果永毅", "王芳"]);
    }

    #[test]
    fn headlines_and_brackets_that_are_not_names() {
        for text in ["（附图片1张）", "（中国画）", "江山多娇", "（蒙古族）"] {
            let found = persons(text);
            assert!(found.is_empty(), "{text}: {found:?}");
        }
    }

    #[test]
    fn notes_and_ranks_after_names() {
        let found = persons("俞斌九段和林峰三段在开幕式后对弈。");
        assert!(found.contains(&"俞斌".to_string()), "{found:?}");
    }

    #[test]
    fn titles_before_names_the_dictionary_tags_otherwise() {
        let found = persons("以色列外长利维4日宣布辞职。省长回良玉强调要团结。");
        assert!(found.contains(&"利维".to_string()), "{found:?}");
        assert!(found.contains(&"回良玉".to_string()), "{found:?}");
        // Ordinary words after a title stay words.
        let found = persons("专家考察论证后认为，干警严格执法，教师基金资助千人。");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn place_names_are_not_transliterated_persons() {
        let found = persons(
            "双方愿实施塔吉克斯坦戈尔诺—巴达赫尚自治州公路改造，发挥库里亚布物流中心潜力，开展古代文明研究。",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn surname_characters_after_quantifiers_and_glued_words() {
        let found = persons("多国人士认为，观察员国及对话伙伴表示赞同。");
        assert!(found.is_empty(), "{found:?}");
        let found = persons("全体会议选举令狐安为省政协主席。");
        assert!(!found.iter().any(|n| n.ends_with('为')), "{found:?}");
    }

    #[test]
    fn ordinary_words_tagged_nr_are_not_names() {
        let found = persons("弘扬中华文明，维护公正，增长高达三成。代表团抵达莫斯科和杜尚别。");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn author_and_pen_names_standing_alone() {
        assert_eq!(persons("张同吾"), ["张同吾"]);
        assert_eq!(persons("钟行"), ["钟行"]);
        let found = persons("全年共查缴危禁品二百零八起。（晓渡）");
        assert_eq!(found, ["晓渡"]);
        // Headings, places and ordinary words alone on a line or in closing brackets stay out.
        for text in [
            "目录",
            "编后",
            "致读者",
            "消费者",
            "哈尔滨",
            "外一首",
            "说明（图片）",
            "画面（油画）",
        ] {
            let found = persons(text);
            assert!(found.is_empty(), "{text}: {found:?}");
        }
        let found = persons("他们讨论了新问题。（张滨作）");
        assert_eq!(found, ["张滨"]);
    }

    #[test]
    fn enumerations_carry_names_the_dictionary_tags_otherwise() {
        let found = persons("丛书收入鲁迅、茅盾、郭沫若、老舍、巴金、曹禺、冰心、叶圣陶的作品。");
        for name in ["巴金", "曹禺", "冰心", "郭沫若"] {
            assert!(found.contains(&name.to_string()), "{name}: {found:?}");
        }
        // Things listed next to things stay out.
        let found = persons("市场上有芹菜、油菜、菠菜、西红柿和木材。");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn married_names_with_two_surnames_and_title_modifiers() {
        let found = persons("政务司司长陈方安生出任委员会主席。");
        assert_eq!(found, ["陈方安生"]);
        let found = persons("中宣部常务副部长刘云山在会上讲话。");
        assert_eq!(found, ["刘云山"]);
    }

    #[test]
    fn dictionary_names_made_of_ordinary_words_need_a_cue() {
        let found = persons("埃及的金字塔举世闻名，谣言满天飞。");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn surnames_cut_off_and_function_characters_glued_on() {
        let found = persons("玉环县坎门镇工办会计许云英，担任五家企业的党代表。");
        assert!(found.contains(&"许云英".to_string()), "{found:?}");
        let found = persons("中联部副部长李成仁等应邀出席了宴会。");
        assert_eq!(found, ["李成仁"]);
        let found = persons("选举徐衍东为省高级人民法院院长。");
        assert_eq!(found, ["徐衍东"]);
        let found = persons("给院长王景龙记个人二等功。");
        assert_eq!(found, ["王景龙"]);
    }

    #[test]
    fn unknown_names_that_end_like_names_stand_without_a_cue() {
        // jieba does not know 孙慧芹 and guesses nr; 芹 ends names often enough.
        assert_eq!(
            persons("车间里干得最好的是孙慧芹，她已经在厂里工作了二十年。"),
            ["孙慧芹"]
        );
        // A guess of nr whose last character seldom ends names needs a cue.
        assert!(persons("最终连拉带扯地把箱子搬上了楼。").is_empty());
        // 以 glued on by the guess is left out (何莺/以).
        assert_eq!(persons("比赛中，选手何莺以三比零获胜。"), ["何莺"]);
    }

    #[test]
    fn two_character_times_and_amounts_after_a_title_are_no_names() {
        // 前锋 and 代表 are titles, but 过后 (t) and 明天 (t) are words, not given names.
        assert!(persons("寒潮前锋过后，各地气温将明显下降。").is_empty());
        assert!(persons("与会代表明天将分组讨论。").is_empty());
    }

    #[test]
    fn words_of_two_the_dictionary_mistags_as_names_need_a_title() {
        // jieba's dictionary tags 贺词 and 玉米 nr; 词 and 米 seldom end names, so a reporting
        // verb or a list is not enough, while 鹏 does and a title is.
        assert!(persons("总理专门发来贺词说：演出非常精彩。").is_empty());
        assert!(persons("水稻、玉米等作物长势良好。").is_empty());
        assert_eq!(persons("总理李鹏说，要办好这件事。"), ["李鹏"]);
    }

    #[test]
    fn dotted_names_with_a_place_for_a_part() {
        assert_eq!(
            persons("英国作家弗吉尼亚·伍尔夫的小说"),
            ["弗吉尼亚·伍尔夫"]
        );
        assert_eq!(persons("乔治·华盛顿是美国第一任总统。"), ["乔治·华盛顿"]);
        // Places on both sides of the dot, or a dot with nothing after it, make no name.
        assert!(persons("莫斯科·圣彼得堡航线开通").is_empty());
        assert!(persons("莫斯科·").is_empty());
    }

    #[test]
    fn dotted_names_end_before_a_verb_or_function_word() {
        assert_eq!(
            persons("意大利画家马里奥·罗西随团访问北京。"),
            ["马里奥·罗西"]
        );
        assert_eq!(
            persons("司机安东尼奥·德桑蒂斯开着汽车离开。"),
            ["安东尼奥·德桑蒂斯"]
        );
        // 佩切/里察说: the end of the name with 说 glued on.
        assert_eq!(
            persons("纳塔利娅·佩切里察说，合作前景广阔。"),
            ["纳塔利娅·佩切里察"]
        );
    }

    #[test]
    fn dotted_names_stop_at_words_around_them() {
        // Before: a verb or locality jieba did not know (内有/v, 一书中/f), a nationality.
        assert_eq!(persons("球队内有约翰·史密斯和两名外援。"), ["约翰·史密斯"]);
        assert_eq!(
            persons("这一纪录由法国人让·杜邦于1990年创造。"),
            ["让·杜邦"]
        );
        // After: a function word standing on its own (曾/d).
        assert_eq!(persons("瑞典作家安娜·林德曾在这里居住。"), ["安娜·林德"]);
    }

    #[test]
    fn a_post_in_brackets_after_a_name_is_a_cue() {
        assert_eq!(
            persons("赵明远（某研究院研究员）：技术要过关。"),
            ["赵明远"]
        );
        // jieba cuts the surname off as a measure word (张/q 文华/nz).
        assert_eq!(
            persons("张文华（农业部研究中心副主任）：流通环节"),
            ["张文华"]
        );
        // A bracket with no post in it is no cue.
        assert!(persons("高明（附图片）").is_empty());
    }

    #[test]
    fn names_jieba_tags_in_a_signature_with_rare_given_characters() {
        let mut found = persons("工程进展顺利。（宋琨罗巍）");
        found.sort();
        assert_eq!(found, ["宋琨", "罗巍"]);
    }

    #[test]
    fn a_whole_list_item_wins_over_a_name_inside_it() {
        // jieba cuts 刘晓/nr 驷/n and 孙义/nr 正/d.
        let found = persons("出席会议的有李冰、刘晓驷、赵成信、钱新民等人。");
        assert!(found.contains(&"刘晓驷".to_string()), "{found:?}");
        let found = persons("名单如下：王建、孙义正、黄贤模、林强。");
        assert!(found.contains(&"孙义正".to_string()), "{found:?}");
        // The sentence's verb glued to the last item stays out.
        let found = persons("李德、赵平、钱宏说，这部戏很好。");
        assert!(found.contains(&"钱宏".to_string()), "{found:?}");
    }

    #[test]
    fn a_reporter_s_name_that_is_also_a_word_or_a_place() {
        assert_eq!(
            persons("据新华社东京3月2日电（记者方正）日本政府今天宣布"),
            ["方正"]
        );
        assert_eq!(
            persons("本报上海5月3日讯记者黄山报道：上海股市今天上涨"),
            ["黄山"]
        );
        // A verb after the cue is no name.
        assert!(persons("（记者调查）这家工厂").is_empty());
    }

    #[test]
    fn a_surname_cut_off_before_a_post_in_brackets() {
        // jieba cuts 丁/nr 英杰/nr: 英杰 alone is a word it tags as a name.
        assert_eq!(persons("丁英杰（某大学新闻系教授）：体育传播"), ["丁英杰"]);
    }

    #[test]
    fn a_conjunction_glued_to_a_name_stays_out() {
        // jieba guesses 王伟因/nr.
        assert_eq!(persons("《晚报》记者王伟因采访并报道了有关情况"), ["王伟"]);
    }

    #[test]
    fn well_known_persons_inside_words() {
        assert_eq!(persons("他被评为学雷锋先进个人。"), ["雷锋"]);
        assert_eq!(persons("雷锋精神代代相传。"), ["雷锋"]);
    }

    #[test]
    fn persons_named_by_surname_only() {
        let mut found = persons("司机王某驾车逃逸，警方随后找到了车主陈某。");
        found.sort();
        assert_eq!(found, ["王某", "陈某"]);
        assert!(persons("在某种程度上，他也有责任。").is_empty());
    }

    #[test]
    fn townships_and_villages_are_no_persons() {
        // jieba tags 梁园镇 and 罗庄镇 as names.
        assert!(persons("记者来到平原县梁园镇采访。").is_empty());
        assert!(persons("新任主任住在罗庄镇。").is_empty());
        // With a title before it, such a name is a person's.
        assert_eq!(persons("本报记者朱良镇报道。"), ["朱良镇"]);
    }

    #[test]
    fn transliterations_keep_a_last_character_jieba_cut_off() {
        // jieba cuts 帕斯卡/托 and 塔达米/申.
        assert_eq!(
            persons("财政部长帕斯卡托，双方就合作交换了意见。"),
            ["帕斯卡托"]
        );
        assert_eq!(persons("经济部长塔达米申，他指出"), ["塔达米申"]);
        assert_eq!(persons("新任大使库尔兹14日抵达。"), ["库尔兹"]);
        // A profession before a name is a title (交易员).
        assert_eq!(persons("该行外汇交易员巴内斯昨天辞职。"), ["巴内斯"]);
        // 霍尔/nr 布鲁克/nr: one transliterated name, not the Chinese name 霍尔 and more.
        assert_eq!(
            persons("美国特使霍尔布鲁克当天抵达萨拉热窝。"),
            ["霍尔布鲁克"]
        );
    }

    #[test]
    fn lone_names_in_bylines_and_credits_with_rare_characters() {
        let found = persons("本报北京1月5日讯记者夏珺、彭俊报道：菜篮子十年有成。");
        assert!(found.contains(&"夏珺".to_string()), "{found:?}");
        let found = persons("工程再续新篇章。（李舸摄）");
        assert_eq!(found, ["李舸"]);
        let found = persons("本报讯记者解释说，工程进展顺利。");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn enumerations_with_bracketed_notes() {
        let found = persons("罗纳尔多（巴西）、乔丹（美国）、陈妍（中国）当选。");
        for name in ["乔丹", "陈妍"] {
            assert!(found.contains(&name.to_string()), "{name}: {found:?}");
        }
    }

    #[test]
    fn dotted_names_leave_glued_function_characters_out() {
        let found = persons("耶鲁大学的布拉德利·谢弗等人利用太空望远镜观测。");
        assert_eq!(found, ["布拉德利·谢弗"]);
    }

    #[test]
    fn tibetan_names() {
        let found = persons("民政部部长多吉才让代表领导小组作了报告。");
        assert_eq!(found, ["多吉才让"]);
        let found = persons("灾民们在一起。（新华社记者索朗罗布摄）");
        assert_eq!(found, ["索朗罗布"]);
    }
}
