//! Place pass: countries, regions, provinces and cities, also where they open an
//! organization's name.
//!
//! A place is a word of the gazetteers (countries, regions, China's divisions, world cities),
//! found even where jieba splits it or tags it as a person (莫斯科/nr, 杜尚/别), or a word
//! jieba tags `ns` that passes a few checks: not a common noun (城市, 两国, 外国), not a bare
//! direction (东北), not a fragment of a transliterated person's name. Places inside an
//! organization's name are left to the organization pass, which reports the one that opens it.

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

use super::{EntityKind, Mention, Paragraph};
use crate::lexicon::{
    CHINA_ADMIN, COUNTRIES, CharFlags, Lexicon, PLACE_SUFFIXES, REGIONS, TRANSLIT_CHARS,
    WORLD_CITIES,
};
use crate::segment::Token;

/// Words jieba tags `ns` that are common nouns, adjectives or verbs, not names of places.
static NOT_PLACES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    [
        "城市",
        "两国",
        "东西",
        "外国",
        "普及",
        "山区",
        "新建",
        "上市",
        "大国",
        "大都",
        "美丽",
        "英雄",
        "新鲜",
        "高原",
        "喜庆",
        "城镇",
        "文明村",
        "文明乡",
        "文明镇",
        "小康村",
        "大街",
        "上岗",
        "新春",
        "长达",
        "福利",
        "共和国",
        "海关",
        "大洲",
        "冰川",
        "深度",
        "安宁",
        "中华文明",
        "山大川",
        "各国",
        "本国",
        "全国",
        "外省",
        "本市",
        "全市",
        "全省",
        "全县",
        "各省",
        "各地",
        "当地",
        "外地",
        "内地",
        "异国",
        "祖国",
        "国内",
        "国外",
        "海外",
        "乡村",
        "农村",
        "城乡",
        "城里",
        "县城",
        "省城",
        "都市",
        "小区",
        "社区",
        "街道",
        "边疆",
        "故乡",
        "家乡",
        "他乡",
        "异乡",
        "老家",
        "天下",
        "人间",
        "世界",
        "全球",
        "南北",
        "大地",
        "山川",
        "江山",
        "河山",
        "山河",
        "海内外",
        "中西",
        "东方",
        "西方",
        "发达国家",
        "发展中国家",
        "邻国",
        "友邦",
        "列国",
        "中外",
        "文明",
        "大庆",
        "太平",
        "兴隆",
        "永安",
        "吉利",
        "和平",
        "长寿",
        "宁静",
        "平安",
        "新华",
        "中山",
        "开放",
        "方正",
        "上将",
        "大方",
        "安康",
        "平和",
        "光明",
        "团结",
        "富裕",
        "东风",
        "凯旋",
        "大同",
        "日照",
        "兴国",
        "天桥",
        "民乐",
        "长安",
        "中南",
        "大门口",
        "文明古国",
        "文明城市",
        "沿海地区",
        "开元",
        "江南春",
        "大众",
        "海洋",
        "海岸",
        "沿海",
        "内陆",
        "边境",
        "高地",
        "平原",
        "山地",
        "丘陵",
        "盆地",
        "半岛",
        "岛屿",
        "群岛",
        "海峡",
        "海湾",
        "港湾",
        "河流",
        "湖泊",
        "沙漠",
        "草原",
        "森林",
        "冰山",
        "火山",
        "雪山",
        "朝",
        "中亚国家",
        "香港回归",
        "广大干部",
        "回国",
        "太阳",
        "治安",
        "三国",
        "华夏",
        "大江",
        "中断",
        "波及",
        "爱国",
        "珍藏",
        "上台",
        "古城",
        "商城",
        "大关",
        "大城市",
        "庆典",
        "扎根",
        "欢庆",
        "滑坡",
        "兴旺",
        "安南",
        "山村",
        "河水",
        "神圣",
        "锦旗",
        "上街",
        "五国",
        "北国",
        "大河",
        "大海",
        "欢度",
        "沧桑",
        "港人治港",
        "科教兴国",
        "依法治国",
        "重建家园",
        "加大力度",
        "马克思列宁主义",
        "军民共建",
        "新城",
        "名城",
        "山城",
        "水乡",
        "山乡",
        "老区",
        "灾区",
        "景区",
        "市区",
        "郊区",
        "城区",
        "特区",
        "牧区",
        "林区",
        "矿区",
        "新区",
        "园区",
        "街区",
        "辖区",
        "片区",
        "港区",
        "出国",
        "归国",
        "建国",
        "治国",
        "强国",
        "小国",
        "富国",
        "穷国",
        "万国",
        "开国",
        "报国",
        "卫国",
        "救国",
        "全城",
    ]
    .into_iter()
    .collect()
});

/// Direction and position words: 东北 and 西南 are parts of the compass in PD-style text
/// unless written with a region word (东北地区).
fn is_direction(word: &str) -> bool {
    let word = word
        .strip_suffix("地区")
        .or_else(|| word.strip_suffix("部"))
        .unwrap_or(word);
    let mut cs = word.chars();
    let (Some(a), b) = (cs.next(), cs.as_str()) else {
        return false;
    };
    matches!(a, '东' | '南' | '西' | '北')
        && (b.is_empty()
            || matches!(
                b,
                "北" | "南"
                    | "部"
                    | "方"
                    | "面"
                    | "边"
                    | "侧"
                    | "岸"
                    | "北部"
                    | "南部"
                    | "地区"
                    | "大部"
            ))
}

/// True when `word` is in one of the gazetteers.
pub fn in_gazetteer(word: &str) -> bool {
    GAZETTEER.contains(word)
}

/// The gazetteers as one list, so a scan looks each position up once.
static GAZETTEER: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::union(&[&COUNTRIES, &CHINA_ADMIN, &WORLD_CITIES, &REGIONS]));

/// The longest gazetteer place starting at character `i` (most positions are turned away by
/// the gazetteer's first two characters, see [`Lexicon::longest_at`]).
pub fn gazetteer_at(chars: &[char], i: usize) -> Option<usize> {
    GAZETTEER.longest_at(chars, i)
}

/// False when no gazetteer place can start at character `i`: the cheap first test of
/// [`gazetteer_at`], for a caller to make inline.
#[inline]
pub fn may_start_place(chars: &[char], i: usize) -> bool {
    GAZETTEER.may_start_at(chars, i)
}

/// True when an `ns` word ends in a place suffix after a stem of its own (湘西自治州,
/// 张家口地区), or is at least a two-character name that is not a common word.
pub(crate) fn plausible_ns(word: &str) -> bool {
    let n = word.chars().count();
    // 直属机关, 中直机关: offices, not mountain passes.
    if n < 2 || NOT_PLACES.contains(word) || is_direction(word) || word.ends_with("机关") {
        return false;
    }
    if PLACE_SUFFIXES.contains(word) {
        return false;
    }
    ns_evidence(word)
}

/// Whether an `ns` word opens with a quantifier or a character that opens common words jieba
/// tags `ns` (四国, 外国, 驻京, 新建), or is a known non-place: not a name of its own.
pub(crate) fn common_ns(word: &str) -> bool {
    word.chars()
        .next()
        .is_none_or(|c| QUANTIFIERS.contains(c) || COMMON_OPENERS.contains(c))
        || NOT_PLACES.contains(word)
}

/// Quantifiers that open common phrases jieba tags `ns` (各县市, 四国, 多国, 满街).
const QUANTIFIERS: &str = "各多诸两三四五六七八九十几数每全本该外满";

/// Characters that open common words jieba tags `ns` (上门, 入市, 来京, 驻京, 深山, 长大, 江湖):
/// verbs of motion and frequent modifiers; such a word needs a place suffix after a longer stem.
const COMMON_OPENERS: &str =
    "上下入出登回来赴晋驻进大小长深新旧黑宝故天王治江海山河湖重热即之太广美";

/// Provinces' one-character abbreviations, which make regional names with a direction (辽西,
/// 川北, 晋东南, 豫南).
const PROVINCE_ABBREVS: &str =
    "京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀贵黔云滇藏陕甘陇青宁新蒙";

/// Evidence beyond jieba's tag that an `ns` word outside the gazetteers names a place: jieba's
/// dictionary tags many common words `ns` (青春, 缅怀, 云集, 哥哥). Accepted: a place suffix after
/// a stem of two or more characters (单晶河乡, 那曲地区, 明尼苏达州), a city's nickname or a river
/// on a one-character stem (蓉城, 邕江), a province abbreviation with a direction (辽西, 晋东南),
/// or a transliteration of three or more characters (好莱坞, 威斯敏斯特).
fn ns_evidence(word: &str) -> bool {
    let Some(first) = word.chars().next() else {
        return false;
    };
    // 美、伊两国, 塔五国: the last of listed countries glued to their count.
    if phrase_of_four(word)
        || word
            .strip_suffix('国')
            .and_then(|w| w.chars().next_back())
            .is_some_and(|c| "两三四五六七八九十几多".contains(c))
    {
        return false;
    }
    if QUANTIFIERS.contains(first) {
        // 九台市, 六盘水市, 三门峡市: a numeral opens the name of a city or county, before its
        // unit, but not a count of divisions (两县市, 三省区).
        let units = ['市', '县', '区', '州', '镇', '乡', '村', '省'];
        let stem = word.strip_suffix(units);
        return "两三四五六七八九十".contains(first)
            && stem.is_some_and(|st| st.chars().count() >= 2 && !st.contains(units));
    }
    for (k, (b, _)) in word.char_indices().enumerate().skip(1) {
        let suffix = &word[b..];
        if PLACE_SUFFIXES.contains(suffix) {
            // 邱娥国, 江建国, 共和国: the gazetteer holds the countries; three characters ending
            // in 国 outside it are a person's name or a common word.
            if suffix == "国" && k == 2 {
                return false;
            }
            if k >= 2 {
                return true;
            }
            return match suffix {
                "城" | "江" | "国" => !COMMON_OPENERS.contains(first),
                "山" | "河" | "湖" => proper_feature_stem(first),
                _ => false,
            };
        }
    }
    if COMMON_OPENERS.contains(first) {
        return false;
    }
    let n = word.chars().count();
    let rest = &word[first.len_utf8()..];
    if PROVINCE_ABBREVS.contains(first)
        && matches!(
            rest,
            "东" | "西" | "南" | "北" | "中" | "东南" | "西南" | "东北" | "西北"
        )
    {
        return true;
    }
    n >= 3 && word.chars().all(|c| TRANSLIT_CHARS.contains(&c))
}

/// Whether an `ns` word of four characters is a phrase rather than a name: a doubled pair
/// (山山岭岭) or an adjective or verb before a noun (热爱祖国, 繁华都市).
fn phrase_of_four(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    let [a, b, c, d] = chars[..] else {
        return false;
    };
    if a == b && c == d {
        return true;
    }
    let jieba = crate::segment::Segmenter::shared().jieba();
    let tagged = |w: &str, tags: &[&str]| {
        jieba.has_word(w)
            && jieba
                .tag(w, false)
                .first()
                .is_some_and(|t| tags.contains(&t.tag))
    };
    let mut buf = String::with_capacity(9);
    buf.extend([a, b]);
    if !tagged(&buf, &["a", "ad", "v", "vn", "vd"]) {
        return false;
    }
    // 大别山/区: a place's name with one more character stays a name.
    buf.push(c);
    !tagged(&buf, &["ns"])
}

/// Whether the one character before 山, 河 or 湖 in an `ns` word names the mountain or the
/// water (香山, 燕山, 沂河) rather than saying what it does or is like (登山, 深山, 大河, 两河):
/// no common opener, direction or numeral, and not a verb, adjective, direction, numeral or
/// measure word on its own in jieba's dictionary. (Seas are left out: 商海, 碧海 and 沧海 are
/// figures of speech.)
fn proper_feature_stem(first: char) -> bool {
    if COMMON_OPENERS.contains(first)
        || QUANTIFIERS.contains(first)
        || "东西南北中前后".contains(first)
    {
        return false;
    }
    let mut buf = [0u8; 4];
    let tokens = crate::segment::Segmenter::shared().tag(first.encode_utf8(&mut buf));
    tokens.first().is_some_and(|t| {
        !matches!(
            t.pos,
            "v" | "vn" | "a" | "ad" | "an" | "d" | "f" | "m" | "q" | "p" | "c" | "u" | "r" | "t"
        )
    })
}

/// Whether a city's name that is also a common word (大同, 大庆, 中山) names the city here: before
/// its administrative unit or a body named after it (大同/市委, 大庆/油田), after its province
/// (山西/大同), or listed with 、 next to a place (太原、大同、天津).
fn ambiguous_place_in_context(tokens: &[Token<'_>], i: usize) -> bool {
    // 城区, 山城, 海湾, 矿区: common nouns made with a place suffix are never names here.
    let Some(last) = tokens[i].word.chars().last() else {
        return false;
    };
    if "区城湾港州国岛".contains(last) {
        return false;
    }
    let unambiguous = |j: usize| {
        tokens.get(j).is_some_and(|t| {
            t.word.chars().count() >= 2 && in_gazetteer(t.word) && !NOT_PLACES.contains(t.word)
        })
    };
    let word = |j: usize| tokens.get(j).map_or("", |t| t.word);
    let next = word(i + 1);
    if ["市", "县", "地区", "地委", "行署"]
        .iter()
        .any(|u| next.starts_with(u))
    {
        return true;
    }
    if i > 0 && CHINA_ADMIN.value(word(i - 1)) == Some("province") {
        return true;
    }
    (i >= 2 && word(i - 1) == "、" && unambiguous(i - 2)) || (next == "、" && unambiguous(i + 2))
}

/// True when token `i` is a county of one character and its unit (达县, 通县) that jieba cut off
/// an unknown longer name (扎/v 达县 = 扎达县): a transliteration character that is no function
/// word stands before it.
/// Also when a slogan names no county (科教/兴县, 农业/富县: prosper or enrich the county by
/// science, by farming): a common noun stands before it, where a county's name has its province,
/// a preposition or a comma.
fn county_cut_from_a_longer_name(tokens: &[Token<'_>], i: usize) -> bool {
    let t = &tokens[i];
    if t.len() != 2 || !t.word.ends_with('县') || i == 0 {
        return false;
    }
    let before = &tokens[i - 1];
    if before.len() >= 2 && before.end == t.start && matches!(before.pos, "n" | "vn") {
        return true;
    }
    before.len() == 1
        && !is_function_word_tag(before.pos)
        && before
            .word
            .chars()
            .next()
            .is_some_and(|c| TRANSLIT_CHARS.contains(&c))
}

/// Tags of words that may stand right before a place: prepositions, conjunctions, particles,
/// adverbs, pronouns, numerals, measure words, directions and punctuation.
fn is_function_word_tag(pos: &str) -> bool {
    matches!(
        pos.as_bytes().first(),
        Some(b'p' | b'c' | b'u' | b'd' | b'r' | b'm' | b'q' | b'f' | b'x')
    )
}

/// True when token `i` is a place name: a gazetteer word, or a plausible `ns` word that is not
/// a piece of a transliterated person's name (next to `·`, or to a person-tagged piece).
pub fn is_place_token(tokens: &[Token<'_>], i: usize) -> bool {
    let t = &tokens[i];
    if t.len() >= 2
        && in_gazetteer(t.word)
        && !county_cut_from_a_longer_name(tokens, i)
        && !is_direction(t.word)
        && (!NOT_PLACES.contains(t.word) || ambiguous_place_in_context(tokens, i))
    {
        return true;
    }
    // 单晶河乡, 黄泥河镇: a township jieba does not know, by its suffix after a stem of three.
    if matches!(t.pos, "n" | "nz")
        && t.len() >= 4
        && t.word.ends_with(['乡', '镇'])
        && !t.word.contains(['之', '的'])
        && !NOT_PLACES.contains(t.word)
        // 思念家乡, 鱼米水乡: a word ending in a common noun.
        && !NOT_PLACES.contains(&t.word[t.word.char_indices().rev().nth(1).map_or(0, |(b, _)| b)..])
        && !["老乡", "同乡", "城镇", "乡镇"].iter().any(|w| t.word.ends_with(w))
    {
        return true;
    }
    // 卢浮宫/nr, 洪泽县/nr: a name of three characters or more with a landmark's unit, which
    // the person pass left alone.
    if landmark_taken_for_a_name(t)
        && !t.word.contains(['之', '的'])
        && !NOT_PLACES.contains(t.word)
        // 清真寺: a kind of building, not one building's name.
        && !crate::lexicon::ORG_SUFFIXES.contains(t.word)
    {
        return true;
    }
    if t.pos != "ns" || !plausible_ns(t.word) {
        return false;
    }
    // 潮阳市/谷饶/nr 镇, 武清县/史/nr 各庄镇: a division's unit after a stem of its own ends no
    // piece of a foreign name, whatever jieba made of the word after it.
    if t.len() >= 3 && t.word.ends_with(['省', '市', '县', '州', '旗', '镇', '乡']) {
        return true;
    }
    let near = |j: Option<usize>| {
        j.and_then(|j| tokens.get(j)).is_some_and(|n| {
            matches!(n.word, "·" | "•" | "・" | "-") || (n.pos.starts_with("nr") && n.len() <= 2)
        })
    };
    !(near(i.checked_sub(1)) || near(Some(i + 1)))
}

/// The units of towns, townships and villages (镇, 乡, 村), which end their names.
pub(crate) fn is_settlement_unit(c: char) -> bool {
    matches!(c, '镇' | '乡' | '村')
}

/// A word of three characters or more that jieba tags as a person's name but that ends in a
/// landmark's unit ([`is_landmark_unit`]: 卢浮宫/nr, 洪泽县/nr).
fn landmark_taken_for_a_name(t: &Token<'_>) -> bool {
    t.len() >= 3
        && t.pos.starts_with("nr")
        && t.word.chars().next_back().is_some_and(is_landmark_unit)
}

/// Last characters of places that jieba often takes for persons' names (卢浮宫/nr, 大昭寺/nr,
/// 骆马湖/nr, 洪泽县/nr, 前元庄/nr) and that almost never end a person's name: counties,
/// temples, palaces, hamlets, harbours, dams, gullies, stockades and lakes.
pub(crate) fn is_landmark_unit(c: char) -> bool {
    matches!(
        c,
        '县' | '寺' | '庙' | '宫' | '庄' | '港' | '坝' | '沟' | '寨' | '湖'
    )
}

/// 长沙县洞井镇, 盱江镇小港村: the townships and villages named one after another right after
/// the place that ends at `e`, each a place of its own; the end of the last, if any.
fn settlements_after(p: &mut Paragraph<'_>, e: usize, out: &mut Vec<Mention>) -> Option<usize> {
    let mut end = e;
    while let Some(next) = settlement_after(p, end) {
        p.claim(end, next, EntityKind::Place);
        out.push(Mention::new(EntityKind::Place, end, next));
        end = next;
    }
    (end > e).then_some(end)
}

/// Characters that never stand in the name of a township or village right after its county
/// (长沙县的一个村, 该县各乡, 全省某镇): function words, pronouns, measure words, quantifiers,
/// and the units of higher divisions (河北/献县临河乡 is two places).
const NOT_IN_SETTLEMENT_NAMES: &str = "的之了在和与及或是为等各每这那该本其某我你他她它们个所从自到向对把被给将已都也就还又并而但共约近达有无不省市县州区旗";

/// The end of a township or village (镇, 乡, 村) named right after the place that ends at `e`
/// (长沙县/洞井镇, 盱江镇/小港村): a stem of two to four Han characters, then the unit. jieba
/// rarely knows such names and cuts them anyhow (洞井镇易/a, 碗/q 厂/zg 乡/n), so the name is
/// read from the characters. Turned away: a stem holding a function word or a number, a stem
/// that is a common modifier (贫困/a 村, 示范/v 镇), and a unit inside a common word (新/农村).
fn settlement_after(p: &Paragraph<'_>, e: usize) -> Option<usize> {
    let stem_end = (e..p.len().min(e + 5)).find(|&k| is_settlement_unit(p.chars[k]))?;
    // 各 opens no name (该县各乡) but stands inside many villages' names (史各庄, 黄各庄).
    let may_stand = |k: usize, c: char| {
        crate::normalize::is_han(c) && (!NOT_IN_SETTLEMENT_NAMES.contains(c) || k > e && c == '各')
    };
    if stem_end < e + 2
        || !(e..stem_end).all(|k| may_stand(k, p.chars[k]))
        || !p.is_unclaimed(e, stem_end + 1)
    {
        return None;
    }
    let end = stem_end + 1;
    if NOT_PLACES.contains(p.slice(e, end)) {
        return None;
    }
    let jieba = crate::segment::Segmenter::shared().jieba();
    let first = p.tokens.partition_point(|t| t.end <= e);
    for t in p.tokens[first..].iter().take_while(|t| t.start < end) {
        let common = jieba.has_word(t.word) && !is_name_tag(t.pos);
        // 新/农村, 专业村/n: the unit belongs to a common word.
        let holds_unit = t.start <= stem_end && stem_end < t.end;
        if holds_unit && t.start >= e && t.len() >= 2 && common && t.end == end {
            return None;
        }
        // 贫困/a 乡, 专利/n 村, 成为/v 专利乡: a common word or a verb, not a name.
        let in_stem = t.start >= e && t.end <= stem_end;
        if in_stem && (t.start == e && t.end == stem_end && common || is_modifier_tag(t.pos)) {
            return None;
        }
    }
    Some(end)
}

/// The last token of a village, township or town that starts at token `i` where jieba took its
/// name for a person's (梁园镇/nr, 罗庄村/nr) or cut the unit off a name (凡堡/ns 村/zg,
/// 西营/nr 镇): a name jieba does not know, or tags as a name or place, then 镇, 乡 or 村.
pub(crate) fn settlement_at(p: &Paragraph<'_>, i: usize) -> Option<usize> {
    let tokens = p.tokens;
    let t = &tokens[i];
    // One character of three bytes: the length is asked first (most tokens are turned away).
    let unit = |w: &str| w.len() == 3 && w.chars().next().is_some_and(is_settlement_unit);
    let last_char = t.word.chars().next_back();
    let last = if t.len() >= 3
        // 洞井镇/n, 双泾村/n: a word of three characters jieba tags as a common noun too.
        && (t.pos.starts_with("nr") || t.pos == "n" && t.len() == 3)
        && last_char.is_some_and(is_settlement_unit)
        && !t.word.contains(['之', '的'])
        // 滞后/于城镇: a preposition glued on.
        && !t.word.starts_with(['于', '在', '从', '自', '到', '向', '往'])
        // 于城镇: a common word at the end (城镇, 家乡).
        && !NOT_PLACES.contains(&t.word[t.word.char_indices().rev().nth(1).map_or(0, |(b, _)| b)..])
        // 富裕村/nr: a common word before the unit.
        && !common_stem(&t.word[..t.word.len() - last_char.map_or(0, char::len_utf8)])
    {
        i
    } else if tokens.get(i + 1).is_some_and(|n| unit(n.word))
        && (2..=4).contains(&t.len())
        // 乡及/c 乡, 安徽省/乡: no function word or higher division in the name.
        && t.word.chars().all(|c| {
            crate::normalize::is_han(c)
                && !NOT_IN_SETTLEMENT_NAMES.contains(c)
                && !is_settlement_unit(c)
        })
        && (t.pos.starts_with("nr")
            || t.pos.starts_with("ns")
            || t.pos == "nz"
            // 洋中/s 镇: a word of location the dictionary counts seldom (not 当地/s 乡).
            || t.pos == "s" && crate::segment::Segmenter::shared().jieba().suggest_freq(t.word) <= 100
            || !crate::segment::Segmenter::shared().jieba().has_word(t.word))
    {
        i + 1
    } else {
        return None;
    };
    let e = tokens[last].end;
    (p.is_unclaimed(t.start, e) && !NOT_PLACES.contains(p.slice(t.start, e))).then_some(last)
}

/// Tags of names: persons (nr, nrfg, nrt), places (ns), other proper nouns (nz).
fn is_name_tag(pos: &str) -> bool {
    pos.starts_with("nr") || pos.starts_with("ns") || pos == "nz"
}

/// Tags of words that modify or act and do not name: verbs, adjectives, adverbs, pronouns,
/// prepositions, conjunctions, particles.
fn is_modifier_tag(pos: &str) -> bool {
    matches!(
        pos,
        "v" | "vn"
            | "vd"
            | "a"
            | "ad"
            | "an"
            | "d"
            | "r"
            | "p"
            | "c"
            | "u"
            | "uj"
            | "ul"
            | "uz"
            | "ud"
    )
}

/// True when `stem` alone is one dictionary word that is no name (富裕/a, 专利/n).
fn common_stem(stem: &str) -> bool {
    let tokens = crate::segment::Segmenter::shared().tag(stem);
    tokens.len() == 1
        && !is_name_tag(tokens[0].pos)
        && crate::segment::Segmenter::shared().jieba().has_word(stem)
}

/// False when token `t` cannot be a place ([`is_place_token`]) by its tag and length, or by
/// `gazetteer` (the longest gazetteer entry at its start, which a word of the gazetteers never
/// outruns). Most tokens are rejected here before the full test.
#[inline]
fn may_be_place_token(t: &Token<'_>, gazetteer: Option<usize>) -> bool {
    t.pos == "ns"
        || (t.len() >= 4 && matches!(t.pos, "n" | "nz"))
        || (t.len() >= 2 && gazetteer.is_some_and(|n| n >= t.len()))
        || landmark_taken_for_a_name(t)
}

fn is_country_pair(word: &str) -> bool {
    word.chars().count() == 2
        && word
            .chars()
            .all(|c| super::organization::COUNTRY_ABBREV_CHARS.contains(&c))
}

/// The last token of a compound place that begins with the place `s..` ending on token `k`:
/// the place's unit where jieba cut it off (堪培拉/市), a landmark right after a city
/// (北京人民大会堂, 中南海紫光阁), or a prefecture written with 地区 after its province or country
/// (河北省张家口地区, 中国张家口地区, 那曲地区): People's Daily names such compounds as one place.
fn compound_end(p: &Paragraph<'_>, s: usize, k: usize) -> usize {
    let tokens = p.tokens;
    let e = tokens[k].end;
    // 堪培拉/市, 圣地亚哥/省: a unit jieba cut off a name without one belongs to it.
    if tokens
        .get(k + 1)
        .is_some_and(|t| matches!(t.word, "市" | "省" | "州" | "县"))
        && !p.chars[e - 1..e]
            .iter()
            .any(|&c| "市省州县区镇乡村旗盟".contains(c))
        && p.is_unclaimed(e, e + 1)
    {
        return k + 1;
    }
    let is_prefecture = |a: usize, b: usize| CHINA_ADMIN.value(p.slice(a, b)) == Some("prefecture");
    let followed_by_area = |j: usize| tokens.get(j + 1).is_some_and(|t| t.word == "地区");
    // 陕西/商洛地区, 湖北/恩施土家族苗族自治州, 广东省/汕头经济特区: a prefecture, an
    // autonomous prefecture or county, or a special zone that jieba reads as one word, after
    // its province or country.
    let opens_with_state = || {
        let first = p.slice(s, e);
        COUNTRIES.contains(first) || CHINA_ADMIN.value(first) == Some("province")
    };
    if let Some(next) = tokens.get(k + 1)
        && next.start == e
        && next.len() >= 4
        && ["地区", "自治州", "自治县", "经济特区"]
            .iter()
            .any(|u| next.word.ends_with(u))
        && !is_direction(next.word)
        && !NOT_PLACES.contains(next.word)
        && p.is_unclaimed(next.start, next.end)
        && opens_with_state()
        && !common_area(next.word)
    {
        return k + 1;
    }
    if is_prefecture(s, e) && followed_by_area(k) {
        return k + 1;
    }
    let Some(n) = p.gazetteer_at(e) else {
        return k;
    };
    let Some(k2) = (k + 1..tokens.len().min(k + 4)).find(|&j| tokens[j].end == e + n) else {
        return k;
    };
    let next = p.slice(e, e + n);
    if n >= 3
        && ["堂", "阁", "宫", "馆", "广场"]
            .iter()
            .any(|h| next.ends_with(h))
    {
        return k2;
    }
    let first = p.slice(s, e);
    let opens = COUNTRIES.contains(first) || CHINA_ADMIN.value(first) == Some("province");
    if opens && is_prefecture(e, e + n) && followed_by_area(k2) {
        return k2 + 1;
    }
    k
}

/// True when an area word (边境地区, 沿海地区) names a kind of area by a common word rather than
/// one area by its name (商洛地区): the dictionary holds the word before 地区 as no name.
fn common_area(word: &str) -> bool {
    let Some(stem) = word.strip_suffix("地区") else {
        return false;
    };
    let jieba = crate::segment::Segmenter::shared().jieba();
    jieba.has_word(stem)
        && jieba
            .tag(stem, false)
            .first()
            .is_some_and(|t| !matches!(t.tag, "ns" | "nr" | "nz" | "j"))
}

/// A country, province or Chinese region that opens token `i` without ending it (台湾同胞,
/// 英国女王, 中国民航): its length in characters, when the rest is a word of two or more
/// characters that is not a place suffix (中国海, 香港岛 are places of their own); or any place
/// before 人 or 籍 (英国人, 汕头人, 日本籍).
/// `gazetteer` is [`Paragraph::gazetteer_at`] at the token's start.
fn prefix_place(p: &Paragraph<'_>, i: usize, gazetteer: Option<usize>) -> Option<usize> {
    let t = &p.tokens[i];
    let n = gazetteer?;
    if n < 2 || n + 1 > t.len() || !p.is_unclaimed(t.start, t.end) {
        return None;
    }
    // 英国人, 汕头人, 日本籍: people named after their country or city, which the text names.
    if n + 1 == t.len() {
        return matches!(p.chars[t.end - 1], '人' | '籍').then_some(n);
    }
    let place = p.slice(t.start, t.start + n);
    let major = COUNTRIES.contains(place)
        || CHINA_ADMIN.value(place) == Some("province")
        || matches!(place, "香港" | "澳门" | "台湾");
    let rest = p.slice(t.start + n, t.end);
    // 东亚国家, 中东问题: a region's countries or affairs (but not 海湾战争 or 皖南事变, named
    // after one).
    let major = major || REGIONS.contains(place) && matches!(rest, "国家" | "问题");
    let first = rest.chars().next()?;
    // 山东半岛, 中国东部: the rest names a kind or part of a place; 中国国情 and 英国海军 open
    // with a place all the same (国, 海 alone end places too).
    let suffix_like = "人语文话东西南北中部岛湾".contains(first)
        || PLACE_SUFFIXES
            .longest_prefix(rest.chars())
            .is_some_and(|(k, _)| k >= 2 || rest[first.len_utf8()..].is_empty());
    // A word jieba tags as a person may still open with a place when it is too long for a name
    // (台湾独立/nr).
    let person_tag = t.pos == "nr" && t.len() < 4;
    // 亚特兰大奥运会, 北京峰会: any city before the event held in it.
    let event = [
        "奥运会",
        "运动会",
        "亚运会",
        "世锦赛",
        "锦标赛",
        "峰会",
        "会议",
        "大会",
        "精神",
    ]
    .contains(&rest);
    // 香港回归: a word that is no place (in NOT_PLACES) may still open with one.
    let not_place = NOT_PLACES.contains(t.word);
    ((major || event) && !suffix_like && (t.pos != "ns" || not_place) && !person_tag).then_some(n)
}

/// A former state named with 前 or 原 (前苏联, 原南斯拉夫): the length of the prefix, so that
/// the state's own name is the place.
fn former_state_at(p: &Paragraph<'_>, i: usize) -> Option<usize> {
    let t = &p.tokens[i];
    // The first character first: few words open with 前 or 原.
    if !matches!(p.chars.get(t.start), Some('前' | '原')) {
        return None;
    }
    let rest = t
        .word
        .strip_prefix('前')
        .or_else(|| t.word.strip_prefix('原'))?;
    (COUNTRIES.contains(rest) && p.is_unclaimed(t.start + 1, t.end)).then_some(1)
}

/// True when every character of `word` is used in transliterations of foreign names.
pub(crate) fn is_translit(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| TRANSLIT_CHARS.contains(&c))
}

/// A transliterated name no other pass claimed, of tokens from `i` on, followed by an
/// administrative suffix (戈尔诺—巴达赫尚自治州: runs joined by a dash count as one) or standing
/// right after the name of its country (塔吉克斯坦库里亚布): the index of its last token. At least
/// three characters of transliteration, and never a word that continues with `·` (a person).
fn foreign_place_at(p: &Paragraph<'_>, i: usize, after_country: bool) -> Option<usize> {
    let tokens = p.tokens;
    let mut k = i;
    let mut chars = 0;
    while k < tokens.len() {
        let t = &tokens[k];
        if p.is_translit_token(k) && p.is_unclaimed(t.start, t.end) {
            chars += t.len();
            k += 1;
        } else if matches!(t.word, "—" | "-" | "–")
            && k > i
            && k + 1 < tokens.len()
            && p.is_translit_token(k + 1)
        {
            k += 1;
        } else {
            break;
        }
    }
    if k == i || chars < 3 {
        return None;
    }
    let next = tokens.get(k);
    if next.is_some_and(|n| matches!(n.word, "·" | "•" | "・" | ".")) {
        return None;
    }
    if next.is_some_and(|n| matches!(n.word, "自治州" | "自治区" | "州" | "省" | "市" | "地区"))
    {
        return Some(k);
    }
    // After its country, the run must end where jieba ends a word and not be followed by
    // something a person takes (a title or a speech verb is claimed by the person pass first).
    (after_country && (next.is_none() || !p.is_translit_token(k))).then_some(k - 1)
}

/// A transliterated place inside an organization's name, right after the country that opens
/// it (塔吉克斯坦库里亚布物流中心): tokens from `i` on, at least three characters of
/// transliteration, ending before `last` (the name's head follows) and not before a `·`.
pub fn translit_place_within(p: &Paragraph<'_>, i: usize, last: usize) -> Option<(usize, usize)> {
    let tokens = p.tokens;
    let k = (i..last).take_while(|&k| p.is_translit_token(k)).last()?;
    let chars: usize = tokens[i..=k].iter().map(|t| t.len()).sum();
    let next = tokens.get(k + 1)?;
    // Universities, companies and banks are named after people and brands as often as after
    // their city (柬埔寨贝内泰国际大学): only facilities and offices take the city.
    let rest = p.slice(next.start, tokens[last].end);
    let branded = ["大学", "学院", "公司", "集团", "银行", "医院"]
        .iter()
        .any(|h| rest.contains(h));
    (chars >= 3 && !branded && !matches!(next.word, "·" | "•" | "・" | "."))
        .then(|| (tokens[i].start, tokens[k].end))
}

/// A token opening with this character may open a rule of [`find`] without a gazetteer entry:
/// a transliteration character (a foreign place) or 前, 原 (a former state).
const OPENS_RULE: u8 = 1;
/// A token ending with this character may open a rule of [`find`]: 岸, 部 or 陆 (a coast or a
/// part).
const CLOSES_RULE: u8 = 2;

/// [`OPENS_RULE`] and [`CLOSES_RULE`] of every character, so that [`find`] turns most tokens
/// away with a look at each end (every bit is set beyond the plane: the rules decide there).
static EDGE_CHARS: LazyLock<CharFlags> = LazyLock::new(|| {
    let mut flags = CharFlags::default();
    for c in (0..0x10000).filter_map(char::from_u32) {
        if TRANSLIT_CHARS.contains(&c) {
            flags.mark(c, OPENS_RULE);
        }
    }
    for c in ['前', '原'] {
        flags.mark(c, OPENS_RULE);
    }
    for c in ['岸', '部', '陆'] {
        flags.mark(c, CLOSES_RULE);
    }
    flags
});

/// Find place names; characters an organization claimed are left to that pass.
pub fn find(p: &mut Paragraph<'_>, out: &mut Vec<Mention>) {
    let tokens = p.tokens;
    let edges = &*EDGE_CHARS;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        // 高坪/乡, 凤凰/村, 梁园镇/nr: a township or village, before the gazetteer would take
        // its name alone.
        if let Some(k) = settlement_at(p, i) {
            let (s, e) = (t.start, tokens[k].end);
            p.claim(s, e, EntityKind::Place);
            out.push(Mention::new(EntityKind::Place, s, e));
            i = settlements_after(p, e, out)
                .map_or(k + 1, |end| tokens.partition_point(|t| t.start < end));
            continue;
        }
        // A gazetteer name that starts on this token and ends on a token boundary, even across
        // tokens jieba split (杜尚/别) or tagged as a person (莫斯科/nr).
        let mut end_tok = None;
        // Asked once here for the rules below (the paragraph remembers it, but asking costs too).
        let gazetteer = p.gazetteer_at(t.start);
        // Most tokens open no rule below: without a gazetteer entry at their start, they need a
        // transliteration character first (a foreign place), 前 or 原 first (a former state),
        // 岸, 部 or 陆 last (a coast or part), or a place's tag (the full place test).
        if gazetteer.is_none()
            && t.end > t.start
            && edges.of(p.chars[t.start]) & OPENS_RULE == 0
            && edges.of(p.chars[t.end - 1]) & CLOSES_RULE == 0
            && !may_be_place_token(t, None)
        {
            i += 1;
            continue;
        }
        if let Some(n) = gazetteer {
            let end = t.start + n;
            if n >= 2
                && let Some(k) = (i..tokens.len()).find(|&k| tokens[k].end == end)
                && (!NOT_PLACES.contains(p.slice(t.start, end))
                    || k == i && ambiguous_place_in_context(tokens, i))
                && !is_direction(p.slice(t.start, end))
                && !county_cut_from_a_longer_name(tokens, i)
            {
                end_tok = Some(k);
            }
        }
        if end_tok.is_none()
            && super::person::may_be_translit_token(p, i)
            && p.is_translit_token(i) // where every foreign place starts
            && let Some(k) = foreign_place_at(p, i, false)
        {
            // 戈尔诺—巴达赫尚自治州: the whole name with its suffix.
            let (s0, e0) = (t.start, tokens[k].end);
            p.claim(s0, e0, EntityKind::Place);
            out.push(Mention::new(EntityKind::Place, s0, e0));
            i = k + 1;
            continue;
        }
        // 八达岭长城, 北京天津: one word made of two places is both.
        if end_tok.is_none()
            && let Some(n1) = gazetteer
            && n1 >= 2
            && n1 + 2 <= t.len()
            && p.gazetteer_at(t.start + n1) == Some(t.len() - n1)
            // 马里兰州, 上海浦东新区: a place of its own is not cut.
            && !is_place_token(tokens, i)
            && !p.chars[t.end - 1..t.end]
                .iter()
                .any(|&c| "区原州省市县".contains(c))
            && p.is_unclaimed(t.start, t.end)
        {
            p.claim(t.start, t.end, EntityKind::Place);
            out.push(Mention::new(EntityKind::Place, t.start, t.start + n1));
            out.push(Mention::new(EntityKind::Place, t.start + n1, t.end));
            i += 1;
            continue;
        }
        if end_tok.is_none()
            && let Some(skip) = former_state_at(p, i)
        {
            p.claim(t.start + skip, t.end, EntityKind::Place);
            out.push(Mention::new(EntityKind::Place, t.start + skip, t.end));
            i += 1;
            continue;
        }
        if end_tok.is_none()
            && let Some(n) = prefix_place(p, i, gazetteer)
            && p.is_unclaimed(t.start, t.start + n)
        {
            // 台湾同胞, 英国女王, 中国民航: a country or province opening a word jieba keeps whole.
            p.claim(t.start, t.start + n, EntityKind::Place);
            out.push(Mention::new(EntityKind::Place, t.start, t.start + n));
            i += 1;
            continue;
        }
        if end_tok.is_none()
            && t.end > t.start
            && matches!(p.chars[t.end - 1], '岸' | '部' | '陆')
            && t.word.ends_with(['岸', '部', '陆'])
        {
            for tail in [
                "西岸", "东岸", "南岸", "北岸", "东部", "西部", "南部", "北部", "沿岸", "大陆",
            ] {
                // 非洲大陆: the continent is the place.
                let region = tail == "大陆";
                if let Some(stem) = t.word.strip_suffix(tail)
                    && stem.chars().count() >= 2
                    && (t.pos == "ns" && !region || in_gazetteer(stem))
                    && !(region && CHINA_ADMIN.contains(stem))
                    && p.is_unclaimed(t.start, t.end)
                {
                    let e = t.start + stem.chars().count();
                    p.claim(t.start, e, EntityKind::Place);
                    out.push(Mention::new(EntityKind::Place, t.start, e));
                    end_tok = Some(usize::MAX);
                    break;
                }
            }
            if end_tok == Some(usize::MAX) {
                i += 1;
                continue;
            }
        }
        // 京西宾馆/ns: a venue jieba's dictionary tags as a place.
        if end_tok.is_none()
            && t.pos == "ns"
            && t.len() >= 3
            && super::organization::is_venue(t.word)
            && p.is_unclaimed(t.start, t.end)
        {
            end_tok = Some(i);
        }
        if end_tok.is_none()
            && may_be_place_token(t, gazetteer)
            && p.is_place_token(i)
            && !is_country_pair(t.word)
            && (super::organization::head_of(t.word).is_none()
                || t.pos.starts_with("nr") && super::organization::is_venue(t.word))
        {
            end_tok = Some(i);
        }
        if let Some(k) = end_tok {
            let k = compound_end(p, t.start, k);
            let (s, e) = (t.start, tokens[k].end);
            // jieba tags many places as persons (莫斯科/nr, 尼泊尔/nr): a person mention that is
            // exactly a gazetteer place gives way to the place.
            // A reporter's name (记者黄山报道) stays a person.
            let before = p.slice(s.saturating_sub(3), s);
            let after_reporter = before.ends_with("记者") || before == "通讯员";
            let person_is_place = p.is_free(s, e, |k| k == EntityKind::Person)
                && !p.is_unclaimed(s, e)
                && !after_reporter
                && in_gazetteer(p.slice(s, e))
                && (s == 0 || p.claimed_by(s - 1) != Some(EntityKind::Person))
                && p.claimed_by(e) != Some(EntityKind::Person);
            if person_is_place {
                out.retain(|m| !(m.kind == EntityKind::Person && m.start == s && m.end == e));
                let still_person = out
                    .iter()
                    .any(|m| m.kind == EntityKind::Person && m.start < e && s < m.end);
                if !still_person {
                    p.claim(s, e, EntityKind::Place);
                    out.push(Mention::new(EntityKind::Place, s, e));
                }
            } else if p.is_unclaimed(s, e) {
                p.claim(s, e, EntityKind::Place);
                out.push(Mention::new(EntityKind::Place, s, e));
            }
            i = k + 1;
            // 塔吉克斯坦库里亚布: a transliterated name right after its country is a place in it.
            if COUNTRIES.contains(p.slice(s, e))
                && let Some(last) = foreign_place_at(p, i, true)
                && tokens[last].end > tokens[i].start
            {
                let (s1, e1) = (tokens[i].start, tokens[last].end);
                p.claim(s1, e1, EntityKind::Place);
                out.push(Mention::new(EntityKind::Place, s1, e1));
                i = last + 1;
            } else if p.claimed_by(e - 1) == Some(EntityKind::Place)
                && let Some(end) = settlements_after(p, e, out)
            {
                i = tokens.partition_point(|t| t.start < end);
            }
        } else {
            i += 1;
        }
    }
    listed_places(p, out);
    roads(p, out);
}

/// True when a city, district, county or town (a place ending in its unit) ends right before
/// `s`: 南昌市/蛤蟆街, 城关镇/胜利街 (but not 中央大街/步行街 nor 西单/一条街).
fn after_division(p: &Paragraph<'_>, out: &[Mention], s: usize) -> bool {
    s > 0
        && matches!(p.chars[s - 1], '市' | '区' | '县' | '镇' | '乡')
        && out
            .iter()
            .rev()
            .any(|m| m.kind == EntityKind::Place && m.end == s)
}

/// True when the item starting at `s` follows a road in a list (沿江路、人民路): a place ending
/// in a road's unit, then 、.
fn listed_after_road(p: &Paragraph<'_>, out: &[Mention], s: usize) -> bool {
    s >= 2
        && p.chars[s - 1] == '、'
        && out.iter().rev().any(|m| {
            m.kind == EntityKind::Place
                && m.end == s - 1
                && road_unit(p.slice(m.start, m.end)).is_some()
        })
}

/// The units that end a street's or road's name.
fn road_unit(word: &str) -> Option<&'static str> {
    ["大街", "大道", "路", "街"]
        .into_iter()
        .find(|u| word.ends_with(u))
}

/// Streets and roads: a name jieba knows as a place or proper noun (解放路/nz, 中山路/ns), or a
/// name jieba cut from its unit (蛤蟆/街, 深南/大道) right after the city or district it is in
/// (南昌市蛤蟆街, 南岗区通达街), or before a house number (通达街153号), or tagged as a place.
/// Common roads (马路, 公路, 高速公路) and words with 之 (丝绸之路) are no names.
fn roads(p: &mut Paragraph<'_>, out: &mut Vec<Mention>) {
    let tokens = p.tokens;
    for k in 0..tokens.len() {
        let t = &tokens[k];
        // The last byte first (路 E8 B7 AF, 街 E8 A1 97, 道 E9 81 93): most tokens end in no
        // road's unit.
        if !matches!(t.word.as_bytes().last(), Some(0xAF | 0x97 | 0x93))
            || !t.word.ends_with(['路', '街', '道'])
        {
            continue;
        }
        let Some(unit) = road_unit(t.word) else {
            continue;
        };
        let house_number = || {
            let mut j = t.end;
            while p.chars.get(j).is_some_and(char::is_ascii_digit) {
                j += 1;
            }
            j > t.end && p.chars.get(j) == Some(&'号')
        };
        let common = |w: &str| {
            w.contains('之')
                || NOT_PLACES.contains(w)
                || [
                    "马路", "道路", "公路", "铁路", "线路", "一路", "老路", "新路", "电路", "铺路",
                    "坡路", "岔路", "出路", "弯路", "思路",
                ]
                .iter()
                .any(|x| w.ends_with(x))
        };
        let (s, e) = if t.word == unit {
            // The unit alone: the name is the one or two tokens before it.
            let Some(first) = (1..=2).rev().find_map(|n| {
                let a = k.checked_sub(n)?;
                let stem = &tokens[a..k];
                let chars = t.start - tokens[a].start;
                ((2..=4).contains(&chars)
                    && stem.iter().all(|x| {
                        x.word.chars().all(crate::normalize::is_han)
                            && matches!(x.pos, "n" | "nr" | "ns" | "nz" | "vn" | "f" | "j")
                    })
                    && p.is_unclaimed(tokens[a].start, t.start))
                .then_some(a)
            }) else {
                continue;
            };
            let s = tokens[first].start;
            let after_city = after_division(p, out, s) || listed_after_road(p, out, s);
            let named = tokens[first..k].iter().any(|x| x.pos == "ns");
            if !(after_city || house_number() || named && first + 1 == k) {
                continue;
            }
            (s, t.end)
        } else {
            // One word: a place or proper noun jieba knows, or any word after its city or
            // before a house number.
            let supported = t.pos == "ns"
                || after_division(p, out, t.start)
                || listed_after_road(p, out, t.start)
                || house_number();
            if t.len() < 3 || !t.word.chars().all(crate::normalize::is_han) || !supported {
                continue;
            }
            (t.start, t.end)
        };
        let name = p.slice(s, e);
        if common(name) || !p.is_unclaimed(s, e) {
            continue;
        }
        p.claim(s, e, EntityKind::Place);
        out.push(Mention::new(EntityKind::Place, s, e));
    }
}

/// Generic nouns for places that close a list with 等 (清迈、普吉、帕塔亚等地, 蔡坂、新塘等村,
/// 滨海、裂谷等5个省).
const LIST_GENERICS: [&str; 22] = [
    "地区", "地", "省份", "省区", "省", "城市", "市县", "市", "县市", "县", "乡镇", "乡", "镇",
    "村", "国家", "国", "州", "岛屿", "岛", "山区", "港口", "城",
];

/// True when a token can be part of a place's name in a list: jieba takes it for a name
/// (ns, nr, nz, j, ng) or does not know it, or it is a place of the gazetteers.
fn listed_place_token(t: &Token<'_>) -> bool {
    t.word.chars().all(crate::normalize::is_han)
        && (matches!(t.pos, "ns" | "nz" | "j" | "ng")
            || t.pos.starts_with("nr")
            || in_gazetteer(t.word)
            || !crate::segment::Segmenter::shared().jieba().has_word(t.word))
}

/// Places listed with 、 before 等 and a generic noun for places (清迈、普吉、帕塔亚等地): items
/// the gazetteers do not know, or that jieba took for persons, are places when the list holds a
/// known place or a word jieba tags as one. Each item is one to two tokens of
/// [`listed_place_token`], two to six characters; the list stops at the first item that is not.
fn listed_places(p: &mut Paragraph<'_>, out: &mut Vec<Mention>) {
    let tokens = p.tokens;
    // The 等 are found in the text's bytes (a fast search), then turned into tokens.
    let mut from = 0;
    while let Some(b) = p.text[from..].find('等') {
        let c = p.char_at_byte(from + b);
        from += b + '等'.len_utf8();
        let k = tokens.partition_point(|t| t.start < c);
        if k == 0 || tokens.get(k).is_none_or(|t| t.word != "等") || tokens[k - 1].word == "、" {
            continue;
        }
        // The generic after 等, maybe after a count (等5个省, 等一些县).
        let mut g = tokens[k].end;
        while p.chars.get(g).is_some_and(|&c| {
            c.is_ascii_digit()
                || super::numeral::is_chinese_numeral_char(c)
                || matches!(c, '个' | '些' | '几' | '多')
        }) {
            g += 1;
        }
        let rest = &p.text[p.byte_of(g.min(p.len()))..];
        let Some(generic) = LIST_GENERICS.iter().find(|w| rest.starts_with(*w)) else {
            continue;
        };
        // 等地位, 等地说, 等地方: 地 opening another word.
        if *generic == "地" && rest[generic.len()..].starts_with(['位', '步', '说', '道', '方'])
        {
            continue;
        }
        // The items, right to left: token runs between 、.
        let mut items: Vec<(usize, usize)> = Vec::new();
        let mut end = k; // token index one past the item
        loop {
            let mut start = end;
            while start > 0
                && end - start < 2
                && tokens[start - 1].word != "、"
                && listed_place_token(&tokens[start - 1])
            {
                start -= 1;
            }
            if start == end {
                break;
            }
            let (s, e) = (tokens[start].start, tokens[end - 1].end);
            if !(2..=6).contains(&(e - s)) || NOT_PLACES.contains(p.slice(s, e)) {
                break;
            }
            items.push((s, e));
            // The item before the 、 goes on the list; an item after something else opens it.
            if start >= 2 && tokens[start - 1].word == "、" {
                end = start - 1;
            } else {
                break;
            }
        }
        let tagged_ns = |s: usize, e: usize| {
            tokens[tokens.partition_point(|t| t.end <= s)..]
                .iter()
                .take_while(|t| t.start < e)
                .any(|t| t.pos == "ns")
        };
        // Three items or more before 等地 are places whatever jieba made of them (清莱、华欣、
        // 苏梅岛等地): people are not listed so.
        let many = items.len() >= 3 && matches!(*generic, "地" | "地区");
        if items.len() < 2
            || !many
                && !items.iter().any(|&(s, e)| {
                    p.claimed_by(s) == Some(EntityKind::Place)
                        || in_gazetteer(p.slice(s, e))
                        || tagged_ns(s, e)
                })
        {
            continue;
        }
        for &(s, e) in &items {
            if p.is_unclaimed(s, e) {
                p.claim(s, e, EntityKind::Place);
                out.push(Mention::new(EntityKind::Place, s, e));
            } else if out
                .iter()
                .any(|m| m.kind == EntityKind::Person && m.start == s && m.end == e)
            {
                // 普吉/nr, 帕塔亚/nr: jieba took the place for a person.
                out.retain(|m| !(m.kind == EntityKind::Person && m.start == s && m.end == e));
                p.claim(s, e, EntityKind::Place);
                out.push(Mention::new(EntityKind::Place, s, e));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{EntityKind, texts_of};

    fn places(text: &str) -> Vec<String> {
        texts_of(text, EntityKind::Place)
    }

    #[test]
    fn a_prefecture_or_autonomous_county_jieba_reads_as_one_word_after_its_province() {
        // jieba: 陕西/ns 商洛地区/ns, 辽宁省/ns 喀喇沁左翼蒙古族自治县/ns.
        assert_eq!(
            places("课题组在陕西商洛地区试行小额信贷。"),
            ["陕西商洛地区"]
        );
        assert_eq!(
            places("辽宁省喀喇沁左翼蒙古族自治县是贫困县。"),
            ["辽宁省喀喇沁左翼蒙古族自治县"]
        );
        // A kind of area (边境地区) stays apart from its country.
        assert_eq!(places("怪病袭击了索马里边境地区。"), ["索马里"]);
    }

    #[test]
    fn shopping_centres_stadiums_and_amusement_parks_are_places() {
        let mut found = places("比赛今天下午在香港大球场举行。");
        found.sort();
        assert_eq!(found, ["香港", "香港大球场"]);
        let mut found = places("长沙市北斗星商厦今年元旦期间推出租彩电业务。");
        found.sort();
        assert_eq!(found, ["长沙市", "长沙市北斗星商厦"]);
        // 京西宾馆/ns: a venue the dictionary tags as a place.
        assert_eq!(places("代表们住在京西宾馆。"), ["京西宾馆"]);
    }

    #[test]
    fn streets_and_roads_named_in_their_city_or_with_a_house_number() {
        assert_eq!(places("住在南昌市蛤蟆街居民区里。"), ["南昌市", "蛤蟆街"]);
        assert_eq!(places("他住在南岗区通达街153号。"), ["南岗区", "通达街"]);
        assert_eq!(places("大厦坍塌危及深南大道。"), ["深南大道"]);
        let mut found = places("在广州的沿江路、人民路、中山路等地。");
        found.sort();
        assert_eq!(found, ["中山路", "人民路", "广州", "沿江路"]);
        // A road of life, a kind of street, or a circuit is no place.
        assert!(places("帮助妇女走上了致富路。").is_empty());
        assert_eq!(places("中央大街步行街成为卡通的世界。"), ["中央大街"]);
        assert!(places("采用超大规模集成电路。").is_empty());
    }

    #[test]
    fn three_characters_ending_in_state_outside_the_gazetteer_are_no_country() {
        // jieba tags 邱娥国 and 东道国 ns: a person's name and a common word.
        assert!(places("“人民的好警察”邱娥国，面对媒体。").is_empty());
        assert!(places("母国监管当局与东道国监管部门加强交流。").is_empty());
        assert_eq!(places("他是中华人民共和国的公民。"), ["中华人民共和国"]);
    }

    #[test]
    fn former_counties_and_districts_in_the_news_of_their_time() {
        let mut found = places("他到通县和万县考察，又去了宣武区。");
        found.sort();
        assert_eq!(found, ["万县", "宣武区", "通县"]);
        // jieba cuts an unknown county's name (扎/v 达县): the county alone is not taken.
        assert!(places("在扎达县当地").is_empty());
        // A slogan: prosper the county by science and education.
        assert!(places("他是全国科教兴县先进个人。").is_empty());
        assert_eq!(places("山西兴县的农民"), ["山西", "兴县"]);
    }

    #[test]
    fn townships_and_villages_after_their_county() {
        let mut found = places("江西省临川县石门乡大岭村的农民说");
        found.sort();
        assert_eq!(found, ["临川县", "大岭村", "江西省", "石门乡"]);
        // jieba glues the next character on (洞井镇易/a) or cuts the name up (碗/q 厂/zg 乡/n).
        let mut found = places("长沙县洞井镇易某驾车经过。");
        found.sort();
        assert_eq!(found, ["洞井镇", "长沙县"]);
        let mut found = places("昭觉县碗厂乡的学童");
        found.sort();
        assert_eq!(found, ["昭觉县", "碗厂乡"]);
        // jieba tags the township as a person (梁园镇/nr).
        let mut found = places("记者来到平原县梁园镇采访。");
        found.sort();
        assert_eq!(found, ["平原县", "梁园镇"]);
        // A word of location jieba knows seldom names a township (洋中/s 镇); a common one
        // does not (当地/s 乡).
        assert_eq!(places("书记到洋中镇调研。"), ["洋中镇"]);
        assert!(places("他与当地乡、村干部座谈。").is_empty());
    }

    #[test]
    fn phrases_jieba_tags_as_places_are_not() {
        // jieba's dictionary: 热爱祖国, 繁华都市, 山山岭岭 and 大中华区 are ns.
        assert!(places("激发了人民群众热爱祖国的热情。").is_empty());
        assert!(places("成为繁华都市中常见的景象。").is_empty());
        assert!(places("走遍了村寨周围的山山岭岭。").is_empty());
        // jieba: 伊两国/ns, 塔五国/ns.
        assert!(places("美、伊两国一来一往。").is_empty());
        assert!(places("中、俄、哈、吉、塔五国签署了协定。").is_empty());
        // A mountain's name with 区 stays a place.
        assert_eq!(places("干部下到大别山区调研。"), ["大别山区"]);
    }

    #[test]
    fn places_listed_before_a_generic_noun() {
        // jieba tags 普吉 and 帕塔亚 as names.
        let mut found = places("旅游局还将在清迈、普吉、帕塔亚等地举办推介会");
        found.sort();
        assert_eq!(found, ["帕塔亚", "普吉", "清迈"]);
        let mut found = places("水仙产自蔡坂、新塘、洋坪等村");
        found.sort();
        assert_eq!(found, ["新塘", "洋坪", "蔡坂"]);
        // Modifiers listed before a generic are no places, nor items before another noun.
        assert!(places("大型、中型等城市").is_empty());
        assert_eq!(places("菲律宾比索、泰铢等货币"), ["菲律宾"]);
        // Three items before 等地 are places though jieba took every one for a person.
        assert_eq!(
            sorted_places("旅游局还将推介甲米、华欣、苏梅岛等地的海滩。"),
            ["华欣", "甲米", "苏梅岛"]
        );
        // 等地方: local, not places.
        assert!(places("王建国、李明华、张志强等地方干部出席了会议。").is_empty());
    }

    #[test]
    fn cities_whose_names_open_with_a_numeral() {
        let mut found = places("吉林省九台市的干部");
        found.sort();
        assert_eq!(found, ["九台市", "吉林省"]);
        // A count of divisions is no place.
        assert!(places("两县市的干部").is_empty());
    }

    #[test]
    fn townships_and_villages_without_their_county() {
        // The gazetteer's 高坪 does not take the township's name alone; 凤凰 is tagged nr.
        let mut found = places("他们来自高坪乡，住在凤凰村。");
        found.sort();
        assert_eq!(found, ["凤凰村", "高坪乡"]);
    }

    #[test]
    fn common_words_before_a_unit_make_no_settlement() {
        assert_eq!(places("河北省贫困乡的干部"), ["河北省"]);
        assert_eq!(places("山东新农村建设"), ["山东"]);
        assert_eq!(places("这个村成了全县出名的富裕村。"), Vec::<String>::new());
        assert_eq!(places("江苏省乡及乡以上企业"), ["江苏省"]);
        assert!(places("全县各乡镇都派了人，该县的一个村也来了。").is_empty());
    }

    #[test]
    fn a_township_jieba_does_not_know() {
        assert_eq!(places("来到损失惨重的单晶河乡。"), ["单晶河乡"]);
        assert!(places("一个思念家乡的人").is_empty());
    }

    #[test]
    fn divisions_of_other_countries_named_without_their_generic() {
        assert_eq!(
            places("代表团访问了巴伐利亚和萨克森。"),
            ["巴伐利亚", "萨克森"]
        );
        assert_eq!(places("他在安大略和魁北克投资建厂。"), ["安大略", "魁北克"]);
        assert_eq!(places("车臣局势再度紧张。"), ["车臣"]);
        assert!(
            super::super::texts_of("代表团访问了巴伐利亚和萨克森。", EntityKind::Person).is_empty()
        );
    }

    #[test]
    fn landmarks_and_words_made_of_two_places() {
        let found = places("从北京城区到八达岭长城仅需1个小时。");
        assert!(found.contains(&"八达岭".to_string()), "{found:?}");
        assert!(found.contains(&"长城".to_string()), "{found:?}");
        // One word made of two places is both; a place of its own is not cut.
        let mut found = places("这是广西南宁近千名冬泳爱好者。");
        found.sort();
        assert_eq!(found, ["南宁", "广西"]);
        assert_eq!(places("美国马里兰州举办灯展"), ["美国", "马里兰州"]);
    }

    #[test]
    fn the_paragraph_remembers_the_gazetteer_answers() {
        let text = "中国驻美国大使馆在华盛顿，北京人民大会堂";
        let tokens = crate::segment::Segmenter::shared().tag(text);
        let p = super::super::Paragraph::new(text, &tokens);
        for _ in 0..2 {
            let asked: Vec<_> = (0..=p.len()).map(|i| p.gazetteer_at(i)).collect();
            let direct: Vec<_> = (0..=p.len())
                .map(|i| super::gazetteer_at(&p.chars, i))
                .collect();
            assert_eq!(asked, direct);
            assert_eq!(asked[0], Some(2), "中国");
        }
        // The first ask's answers, and what it leaves in the memo, are the same.
        let p = super::super::Paragraph::new(text, &tokens);
        let first: Vec<_> = (0..=p.len()).map(|i| p.gazetteer_first_ask(i)).collect();
        let then: Vec<_> = (0..=p.len()).map(|i| p.gazetteer_at(i)).collect();
        let direct: Vec<_> = (0..=p.len())
            .map(|i| super::gazetteer_at(&p.chars, i))
            .collect();
        assert_eq!(first, direct);
        assert_eq!(then, direct);
        assert!(direct.iter().any(Option::is_none) && direct.iter().any(Option::is_some));
    }

    #[test]
    fn the_openings_filter_turns_no_place_away() {
        let page = include_str!("../../fixtures/news-page.txt");
        let mut text: Vec<char> = page.chars().collect();
        // Every entry, alone and in a run of all of them.
        for k in super::GAZETTEER.keys() {
            let chars: Vec<char> = k.chars().collect();
            assert_eq!(super::gazetteer_at(&chars, 0), Some(chars.len()), "{k}");
            text.extend(chars);
        }
        for i in 0..=text.len() {
            assert_eq!(
                super::gazetteer_at(&text, i),
                super::GAZETTEER.longest_at(&text, i),
                "{i}"
            );
        }
    }

    #[test]
    fn places_opening_events_and_former_states() {
        assert_eq!(places("围绕香港回归召开会议"), ["香港"]);
        assert_eq!(places("亚特兰大奥运会冠军"), ["亚特兰大"]);
        let mut found = places("原苏联和俄罗斯历史上曾发行过硬币。");
        found.sort();
        assert_eq!(found, ["俄罗斯", "苏联"]);
        assert_eq!(places("与前苏联相比"), ["苏联"]);
    }

    #[test]
    fn county_names_that_are_common_words() {
        assert!(places("气候、土壤、日照等条件").is_empty());
        assert!(places("演出了京剧清唱、民乐四重奏").is_empty());
        assert!(places("在南京路天桥被窃").iter().all(|p| p != "天桥"));
        assert_eq!(places("山东日照市的港口"), ["山东", "日照市"]);
    }

    #[test]
    fn buildings_and_grounds_are_places_with_their_city() {
        let found = places("楼高81层的深圳帝王大厦因地基土体坍塌。");
        assert!(found.contains(&"深圳帝王大厦".to_string()), "{found:?}");
        assert!(found.contains(&"深圳".to_string()), "{found:?}");
        let found = places("作品展在中国美术馆展出。");
        assert!(found.contains(&"中国美术馆".to_string()), "{found:?}");
        assert!(texts_of("作品展在中国美术馆展出。", EntityKind::Organization).is_empty());
        // Many of them are no single name.
        assert!(
            !places("京城各大公园都挂上了国旗。")
                .iter()
                .any(|p| p.contains("公园"))
        );
    }

    #[test]
    fn a_city_named_like_a_common_word_needs_its_context() {
        assert_eq!(places("太原、大同、天津等城市"), ["太原", "大同", "天津"]);
        assert!(places("各公司是大同小异的").is_empty());
        assert!(places("对辖区内的城区管理").is_empty());
    }

    #[test]
    fn a_city_inside_an_organization_after_its_country() {
        let found = places("充分发挥塔吉克斯坦库里亚布物流中心潜力。");
        assert!(found.contains(&"塔吉克斯坦".to_string()), "{found:?}");
        assert!(found.contains(&"库里亚布".to_string()), "{found:?}");
        // A university's name is no city of its country.
        let found = places("柬埔寨贝内泰国际大学资深教授表示。");
        assert_eq!(found, ["柬埔寨"]);
    }

    #[test]
    fn asia_pacific_is_an_adjective_not_a_place() {
        assert!(places("亚太经济合作的前景").is_empty());
        assert!(places("推动亚欧合作").is_empty());
    }

    #[test]
    fn gazetteer_places_whatever_jieba_tags() {
        let found = places("他从莫斯科经石家庄前往张家口，又到杜尚别。");
        for w in ["莫斯科", "石家庄", "张家口", "杜尚别"] {
            assert!(found.contains(&w.to_string()), "{w} in {found:?}");
        }
    }

    #[test]
    fn transliterated_places_with_a_suffix_or_after_their_country() {
        let found = places("实施塔吉克斯坦戈尔诺—巴达赫尚自治州公路项目。");
        assert!(
            found.contains(&"戈尔诺—巴达赫尚自治州".to_string()),
            "{found:?}"
        );
        let found = places("反对任何形式的“台湾独立”。");
        assert_eq!(found, ["台湾"]);
        // A person with a title is not taken for a place after the country.
        let found = places("美国总统克林顿说，会谈很成功。");
        assert_eq!(found, ["美国"]);
    }

    #[test]
    fn common_nouns_tagged_ns_are_not_places() {
        let found = places("两国城市之间的东西很多，外国游客来到东北。");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn countries_and_provinces() {
        let found = places("哈萨克斯坦、尼泊尔和斯里兰卡的代表访问了山东青岛。");
        for w in ["哈萨克斯坦", "尼泊尔", "斯里兰卡", "山东", "青岛"] {
            assert!(found.contains(&w.to_string()), "{w} in {found:?}");
        }
    }

    #[test]
    fn place_opening_an_organization_counts() {
        let found = places("柬埔寨贝内泰国际大学资深教授说。");
        assert_eq!(found, ["柬埔寨"]);
    }

    #[test]
    fn common_words_tagged_ns_need_evidence() {
        let found = places("我们缅怀先烈，青春无悔，孩子长大了，游客云集，哥哥上门送菜。");
        assert!(found.is_empty(), "{found:?}");
        // A place suffix after a proper stem, or a province abbreviation with a direction.
        assert!(super::ns_evidence("单晶河乡"));
        assert!(super::ns_evidence("明尼苏达州"));
        assert!(super::ns_evidence("辽西"));
        assert!(!super::ns_evidence("各县市"));
        assert!(!super::ns_evidence("深山"));
    }

    #[test]
    fn county_level_divisions_are_in_the_gazetteer() {
        let found = places("地震发生在尚义县和张北县交界处，张北受灾最重。");
        for w in ["尚义县", "张北县", "张北"] {
            assert!(found.contains(&w.to_string()), "{w} in {found:?}");
        }
    }

    #[test]
    fn compound_places_are_one_place() {
        let found = places("山西省吕梁地区发生地震。");
        assert_eq!(found, ["山西省吕梁地区"]);
    }

    #[test]
    fn a_bank_of_a_river_is_the_river() {
        let found = places("以军从约旦河西岸撤出。");
        assert_eq!(found, ["约旦河"]);
    }

    #[test]
    fn region_inside_an_organization_name_drops_its_unit() {
        let found = places("西藏自治区政府副主席说，香港特别行政区政府宣布。");
        assert_eq!(found, ["西藏", "香港"]);
    }

    #[test]
    fn a_country_opening_a_longer_word_is_a_place() {
        let found = places("台湾同胞和英国女王都来了。");
        assert_eq!(found, ["台湾", "英国"]);
        // 国 and 海 end places too, but 国情 is no part of one.
        assert_eq!(places("探索适合中国国情的道路。"), ["中国"]);
        assert_eq!(places("山东半岛风光好。"), ["山东半岛"]);
        // A region's countries, a city's spirit; not a war named after a gulf.
        assert_eq!(
            sorted_places("与北欧国家相比，要发扬延安精神。"),
            ["北欧", "延安"]
        );
        assert!(places("海湾战争遗留问题。").is_empty());
    }

    fn sorted_places(text: &str) -> Vec<String> {
        let mut found = places(text);
        found.sort();
        found
    }

    #[test]
    fn a_county_before_a_piece_jieba_takes_for_a_name() {
        // jieba: 宝坻县/ns 史/nr 各庄镇/ns, 静海县/ns 王/nr 口镇/n.
        assert_eq!(
            sorted_places("家在宝坻县史各庄镇，离静海县王口镇不远。"),
            ["史各庄镇", "宝坻县", "静海县"]
        );
    }

    #[test]
    fn mountains_and_rivers_named_by_one_character() {
        assert_eq!(
            sorted_places("周末我们去爬香山，沂河的水很清。"),
            ["沂河", "香山"]
        );
        // 登山/ns, 下海/ns: what people do, not where.
        assert!(places("他们登山、下海，走遍大河上下。").is_empty());
    }

    #[test]
    fn temples_palaces_and_lakes_jieba_takes_for_names() {
        assert_eq!(
            sorted_places("游客参观了大昭寺和卢浮宫。"),
            ["卢浮宫", "大昭寺"]
        );
        assert_eq!(places("渔民在骆马湖捕鱼。"), ["骆马湖"]);
        // A kind of building, not one building's name.
        assert!(places("附近清真寺传来诵经声。").is_empty());
    }

    #[test]
    fn a_unit_jieba_cuts_off_a_foreign_name_belongs_to_it() {
        // jieba: 布里斯班/nrt 市/n, 洛美/ns 市/n, 圣地亚哥/ns 省/n.
        assert_eq!(
            sorted_places("代表团先后访问了布里斯班市和洛美市。"),
            ["布里斯班市", "洛美市"]
        );
        assert_eq!(places("东部的圣地亚哥省人口不多。"), ["圣地亚哥省"]);
    }

    #[test]
    fn the_place_people_are_named_after() {
        assert_eq!(
            sorted_places("小组由美国人和英国人组成，翻译是汕头人。"),
            ["汕头", "美国", "英国"]
        );
        assert_eq!(places("一位日本籍居民报了警。"), ["日本"]);
    }
}
