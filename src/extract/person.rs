//! Person pass: Chinese names (surname + given name), Japanese names and transliterated foreign
//! names, scored from jieba's tags, given-name character statistics and cues in context (titles,
//! reporting verbs, bylines, enumerations with other names).

use std::collections::HashMap;
use std::sync::LazyLock;

use super::{EntityKind, Mention, Paragraph};
use crate::lexicon::{
    CHINA_ADMIN, COUNTRIES, GIVEN_CHARS, JAPANESE_SURNAMES, NAME_FINAL_CHARS, ORG_SUFFIXES,
    PERSON_CUES, PLACE_SUFFIXES, REGIONS, SURNAMES, TITLES, TRANSLIT_CHARS, WORLD_CITIES,
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

/// Given-name characters and how often they are used.
static GIVEN: LazyLock<HashMap<char, u32>> = LazyLock::new(|| {
    GIVEN_CHARS
        .keys()
        .filter_map(|k| {
            let c = k.chars().next()?;
            let n = GIVEN_CHARS.value(k)?.parse().ok()?;
            Some((c, n))
        })
        .collect()
});

fn given_score(c: char) -> u32 {
    GIVEN.get(&c).copied().unwrap_or(0)
}

/// Percentage of dictionary words ending in `c` that are names (see name_final_chars.txt).
static FINAL: LazyLock<HashMap<char, u32>> = LazyLock::new(|| {
    NAME_FINAL_CHARS
        .keys()
        .filter_map(|k| {
            let c = k.chars().next()?;
            let n = NAME_FINAL_CHARS.value(k)?.parse().ok()?;
            Some((c, n))
        })
        .collect()
});

/// True when `c` ends names often enough for a name to stand without a cue.
fn ends_names(c: char) -> bool {
    FINAL.get(&c).is_some_and(|&n| n >= 10)
}

fn is_dot(c: char) -> bool {
    matches!(c, '·' | '•' | '・' | '‧' | '･' | '.')
}

/// A place name from the gazetteers: never a person.
fn is_place(word: &str) -> bool {
    COUNTRIES.contains(word)
        || REGIONS.contains(word)
        || CHINA_ADMIN.contains(word)
        || WORLD_CITIES.contains(word)
}

/// A one-character head of an organization or place name (部, 局, 队, 县, 镇).
fn is_head(last: &str) -> bool {
    (ORG_SUFFIXES.value(last) == Some("strong") || PLACE_SUFFIXES.value(last) == Some("strong"))
        && !last.chars().next().is_some_and(ends_names)
}

fn is_title(word: &str, want_before: bool) -> bool {
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

/// The paragraph with token lookups by character position.
struct Ctx<'a, 'p> {
    p: &'a Paragraph<'p>,
    tokens: &'a [Token<'p>],
    /// `start_tok[i]`: the token starting at character `i`.
    start_tok: Vec<u32>,
    /// `end_tok[i]`: the token ending at character `i`.
    end_tok: Vec<u32>,
    /// `tok_of[i]`: the token holding character `i`.
    tok_of: Vec<u32>,
}

impl<'a, 'p> Ctx<'a, 'p> {
    fn new(p: &'a Paragraph<'p>) -> Self {
        let n = p.len();
        let mut start_tok = vec![NONE; n + 1];
        let mut end_tok = vec![NONE; n + 1];
        let mut tok_of = vec![NONE; n];
        for (i, t) in p.tokens.iter().enumerate() {
            if t.start <= n && t.end <= n {
                start_tok[t.start] = i as u32;
                end_tok[t.end] = i as u32;
                tok_of[t.start..t.end]
                    .iter_mut()
                    .for_each(|x| *x = i as u32);
            }
        }
        Ctx {
            p,
            tokens: p.tokens,
            start_tok,
            end_tok,
            tok_of,
        }
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
        // A title glued to what follows it (总理说).
        for (b, _) in w.char_indices().skip(2) {
            if is_title(&w[..b], false) {
                return TITLE_CUE;
            }
        }
        0
    }

    /// When `e` falls inside a word jieba does not know and the rest of that word is a reporting
    /// word (刘宇摄, 张三说), the index of that word.
    fn glued_cue(&self, e: usize) -> Option<u32> {
        let ti = *self.tok_of.get(e)?;
        let t = &self.tokens[ti as usize];
        (t.start < e
            && PERSON_CUES.value(self.p.slice(e, t.end)) == Some("after")
            && !Segmenter::shared().jieba().has_word(t.word))
        .then_some(ti)
    }

    /// Context score of the span `s..e`: titles, verbs and list separators around it.
    fn cues(&self, s: usize, e: usize) -> i32 {
        let mut score = self.cue_before(s) + self.cue_after(e);
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
        let mut taken = vec![false; p.len()];
        for &(s, e) in &spans {
            taken[s..e].iter_mut().for_each(|t| *t = true);
        }
        let mut cands = Vec::new();
        chinese_candidates(&ctx, &taken, &mut cands);
        translit_candidates(&ctx, &taken, &mut cands);
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

/// Transliterated names joined by a middle dot: 纳塔利娅·佩切里察, 乔治·韦拉.
fn dotted_names(ctx: &Ctx<'_, '_>) -> Vec<(usize, usize)> {
    let p = ctx.p;
    let n = p.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if !is_dot(ctx.char(i)) || i == 0 || !p.is_unclaimed(i, i + 1) {
            i += 1;
            continue;
        }
        let start = extend_left(ctx, i);
        if start == i {
            i += 1;
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
        if end > i + 1 && !is_dot(ctx.char(end - 1)) {
            out.push((start, end));
            i = end;
        } else {
            i += 1;
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

/// A token that can be part of a transliterated name.
fn translit_token(t: &Token<'_>) -> bool {
    t.word.chars().all(|c| TRANSLIT_CHARS.contains(&c))
        && !t.pos.starts_with("ns")
        && !is_place(t.word)
}

/// Start of the name part that ends at `i` (a dot): whole transliteration tokens to the left.
fn extend_left(ctx: &Ctx<'_, '_>, i: usize) -> usize {
    let mut s = i;
    while let Some(t) = ctx.token_ending(s) {
        if !dotted_part(t) || !ctx.p.is_unclaimed(t.start, t.end) || i - t.start > 8 {
            break;
        }
        s = t.start;
    }
    s
}

/// End of the name part that starts at `i` (after a dot).
fn extend_right(ctx: &Ctx<'_, '_>, i: usize) -> usize {
    let mut e = i;
    while let Some(t) = ctx.token_starting(e) {
        if !dotted_part(t) || !ctx.p.is_unclaimed(t.start, t.end) || t.end - i > 10 {
            break;
        }
        e = t.end;
    }
    e
}

/// How much the shape of `s..e` (a surname of `sl` characters and a given name) and its
/// segmentation say it is a name; `None` when it cannot be one.
fn chinese_shape(ctx: &Ctx<'_, '_>, s: usize, sl: usize, e: usize) -> Option<i32> {
    let first = ctx.start_tok[s];
    let last = if ctx.end_tok[e] != NONE {
        ctx.end_tok[e]
    } else {
        ctx.glued_cue(e)?
    };
    let jieba = Segmenter::shared().jieba();
    let len = e - s;
    let given = ctx.p.slice(s + sl, e);
    if is_title(given, true) || is_title(given, false) || PERSON_CUES.contains(given) {
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
        let known = t.end == e && jieba.has_word(t.word);
        return match t.pos {
            "nr" | "nrfg" if known && len >= 3 => Some(
                if !ends_names(ctx.char(e - 1)) || common_word(jieba, given) {
                    1
                } else {
                    3
                },
            ),
            "nr" | "nrfg" if known => Some(1),
            // Names the dictionary tags otherwise (朱幼棣 n, 周恩来 t, 许立群 m) need a cue.
            "n" | "ns" | "t" | "m" | "nz" if known && len >= 3 => Some(0),
            _ if given_min == 0 && (known || len < 3) => None,
            "ns" | "t" | "m" | "nz" if known => Some(0),
            _ if known => None,
            // A word jieba does not know (its tag is a guess).
            _ if len >= 3 && given_min == 0 => Some(0),
            _ if len >= 3 => Some(if jieba.has_word(ctx.p.slice(s, s + 2)) {
                1
            } else if given_min >= 20 && ends_names(ctx.char(e - 1)) {
                3
            } else {
                2
            }),
            "nr" | "nrfg" => Some(1),
            _ => Some(0),
        };
    }
    if given_min == 0 {
        return None;
    }
    // Several tokens: each piece after the surname must look like part of a given name.
    let mut score = 1;
    for ti in first..=last {
        let t = &ctx.tokens[ti as usize];
        if t.end <= s + sl {
            if is_function_tag(t.pos) || t.pos == "v" {
                return None; // 和/李鹏, 都/有
            }
            continue; // the surname itself
        }
        if t.start >= s + sl
            && t.end == e
            && t.len() >= 2
            && t.pos.starts_with("nr")
            && jieba.has_word(t.word)
        {
            return None; // a whole name after a stray surname-like character
        }
        if is_title(t.word, true) || is_title(t.word, false) || PERSON_CUES.contains(t.word) {
            return None;
        }
        if t.start < s + sl && t.pos != "nr" && t.pos != "nrfg" && jieba.has_word(t.word) {
            return None; // surname and given name glued into an ordinary word (常务/副)
        }
        if t.start >= s + sl {
            let single = t.len() == 1;
            if single && is_function_tag(t.pos) {
                return None;
            }
            if single && t.pos == "v" && given_score(ctx.char(t.start)) < 30 {
                return None;
            }
            if !single && jieba.has_word(t.word) && !t.pos.starts_with("nr") {
                score -= 1;
            }
        }
    }
    if len >= 3 && given_min >= 30 {
        score += 1;
    }
    Some(score)
}

/// Chinese (and Japanese) names starting at token starts.
fn chinese_candidates(ctx: &Ctx<'_, '_>, taken: &[bool], out: &mut Vec<Cand>) {
    let p = ctx.p;
    let n = p.len();
    for t in ctx.tokens {
        let s = t.start;
        if s >= n || taken[s] || !is_han(ctx.char(s)) {
            continue;
        }
        let mut best: Option<Cand> = None;
        let mut consider = |c: Cand| {
            if best.is_none_or(|b| c.score > b.score || (c.score == b.score && c.end > b.end)) {
                best = Some(c);
            }
        };
        for sl in [1, 2] {
            if s + sl > n || !SURNAMES.contains(p.slice(s, s + sl)) {
                continue;
            }
            for gl in [1, 2] {
                let e = s + sl + gl;
                if e > n || (ctx.end_tok[e] == NONE && ctx.glued_cue(e).is_none()) {
                    continue;
                }
                if !p.is_unclaimed(s, e) || taken[s..e].iter().any(|&x| x) {
                    continue;
                }
                if !(s + sl..e).all(|i| is_han(ctx.char(i))) {
                    continue;
                }
                let text = p.slice(s, e);
                if is_place(text) {
                    continue;
                }
                let Some(shape) = chinese_shape(ctx, s, sl, e) else {
                    continue;
                };
                consider(Cand {
                    start: s,
                    end: e,
                    score: shape + ctx.cues(s, e),
                });
            }
        }
        // Japanese names: a Japanese family name, alone with a cue or with a given name.
        if let Some(l) = JAPANESE_SURNAMES.longest_at(&p.chars, s) {
            let end = if t.end > s + l && t.len() <= 6 && t.pos != "ns" {
                t.end
            } else {
                s + l
            };
            if ctx.end_tok[end] != NONE && p.is_unclaimed(s, end) {
                let shape = if end > s + l { 3 } else { 0 };
                consider(Cand {
                    start: s,
                    end,
                    score: shape + ctx.cues(s, end),
                });
            }
        }
        out.extend(best);
    }
}

/// Transliterated names without a dot: a run of transliteration tokens with a cue (总理内塔尼亚胡,
/// 阿拉法特说), or a word jieba knows as a name.
fn translit_candidates(ctx: &Ctx<'_, '_>, taken: &[bool], out: &mut Vec<Cand>) {
    let p = ctx.p;
    let jieba = Segmenter::shared().jieba();
    let toks = ctx.tokens;
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if !translit_token(t) || taken[t.start] || !p.is_unclaimed(t.start, t.end) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < toks.len()
            && translit_token(&toks[j + 1])
            && toks[j + 1].len() >= 2
            && toks[j + 1].end - t.start <= 7
            && p.is_unclaimed(toks[j + 1].start, toks[j + 1].end)
        {
            j += 1;
        }
        let (s, e) = (t.start, toks[j].end);
        let text = p.slice(s, e);
        if e - s >= 2 && !is_place(text) {
            let shape = if i == j {
                let known = jieba.has_word(text);
                let two_words = e - s >= 4
                    && common_word(jieba, p.slice(s, s + 2))
                    && common_word(jieba, p.slice(e - 2, e));
                match t.pos {
                    _ if two_words => -9, // two ordinary words run together (努力提高)
                    "nr" | "nrt" | "nrfg" if known && e - s >= 3 && !is_group_name(jieba, text) => {
                        3
                    }
                    "nr" | "nrt" | "nrfg" if known => 1,
                    "ns" if known => 0,
                    _ if known => -9,
                    _ if e - s >= 3 => 1,
                    _ => 0,
                }
            } else if (i..=j).all(|k| !jieba.has_word(toks[k].word) || toks[k].pos == "nrt") {
                1
            } else {
                0
            };
            out.push(Cand {
                start: s,
                end: e,
                score: shape + ctx.cues(s, e),
            });
        }
        i = j + 1;
    }
}

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
    let sep_before = |s: usize| -> Option<usize> {
        let t = ctx.token_ending(s)?;
        matches!(t.word, "、" | "和" | "与" | "及" | "同").then_some(t.start)
    };
    let sep_after = |e: usize| -> Option<usize> {
        let t = ctx.token_starting(e)?;
        matches!(t.word, "、" | "和" | "与" | "及" | "同").then_some(t.end)
    };
    for _ in 0..8 {
        let mut changed = false;
        for (k, c) in cands.iter().enumerate() {
            if accepted[k] || c.score < 1 {
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
    let mut out = Vec::new();
    let mut next_free = 0;
    for (c, &a) in cands.iter().zip(&accepted) {
        if a && c.start >= next_free {
            out.push((c.start, c.end));
            next_free = c.end;
        }
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
    fn ordinary_words_tagged_nr_are_not_names() {
        let found = persons("弘扬中华文明，维护公正，增长高达三成。代表团抵达莫斯科和杜尚别。");
        assert!(found.is_empty(), "{found:?}");
    }
}
