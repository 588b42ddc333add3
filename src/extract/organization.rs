//! Organization pass: names of institutions, companies, parties, media and bodies.
//!
//! Three sources, longest first:
//! - a chain of tokens that opens on a proper anchor (a place, a country's one-character
//!   abbreviation pair such as 中塔, a known organization, a proper noun) and closes on an
//!   organization head (大学, 研究所, 委员会, 政府, 队 …): 乌兹别克斯坦世界经济与外交大学高级国际研究所,
//!   白俄罗斯国立大学欧亚研究系, 中国国务院. A generic head with nothing proper before it
//!   (研究所, 人民政府, 商业银行) is not a name, and the chain stops at punctuation, function words,
//!   numbers and at a verb right after a place (中国支持…);
//! - known organizations and their abbreviations (`org_abbrevs.txt`: 上合组织, 新华社, 外交部);
//! - newspapers and journals in 《》 (《哈萨克斯坦实业报》).
//!
//! The place that opens a name built on a head is reported as a place too (柬埔寨 in
//! 柬埔寨贝内泰国际大学); places inside known names (上海 in 上海合作组织) are not.

use rustc_hash::FxHashSet as HashSet;
use std::cell::Cell;
use std::sync::LazyLock;

use super::{EntityKind, Mention, Paragraph};
use crate::lexicon::{CharFlags, CharSet, FIRM_TRADES, Lexicon, ORG_ABBREVS, ORG_SUFFIXES, TITLES};
use crate::segment::Segmenter;
use crate::segment::Token;

/// Longest chain of tokens an organization name may span.
const MAX_TOKENS: usize = 14;

/// One-character abbreviations of countries, used in pairs (中塔, 中美) or before a state organ
/// (以政府, 俄外交部).
pub const COUNTRY_ABBREVS: &str = "中美俄英法德日韩朝印巴以塔哈乌吉土越泰老柬缅菲蒙澳加意葡荷瑞挪丹芬捷匈希埃伊叙沙约黎苏阿南新马";

/// [`COUNTRY_ABBREVS`] as a set, looked up by character.
pub static COUNTRY_ABBREV_CHARS: LazyLock<CharSet> =
    LazyLock::new(|| COUNTRY_ABBREVS.chars().collect());

/// Heads of state organs that a one-character country abbreviation may open (以政府, 美国会).
const STATE_ORGANS: [&str; 14] = [
    "参议院",
    "众议院",
    "国民议会",
    "电视台",
    "政府",
    "中央银行",
    "央行",
    "外交部",
    "国防部",
    "议会",
    "国会",
    "军方",
    "外长",
    "总统府",
];

/// Words that open many names of Chinese state bodies without being places (国家统计局,
/// 中央电视台, 全国总工会); they anchor a name only before a government head.
const STATE_OPENERS: [&str; 6] = ["国家", "中央", "全国", "中共", "中华", "国务院"];

/// Heads of institutions with departments of their own: a name may go on after them across
/// a conjunction (俄罗斯高等经济大学欧洲与国际综合研究中心).
fn is_institution(word: &str) -> bool {
    [
        "大学",
        "学院",
        "科学院",
        "研究院",
        "研究所",
        "中心",
        "工程院",
    ]
    .iter()
    .any(|h| word.ends_with(h))
}

/// The short names of China's democratic parties, whose local committees are named after
/// them as the Communist Party's are (民盟北京市委, 民进江北区委会).
fn is_party_with_committees(word: &str) -> bool {
    matches!(
        word,
        "民革" | "民盟" | "民建" | "民进" | "农工党" | "致公党" | "九三学社" | "台盟"
    )
}

/// Heads of companies and teams, which a name of its own may open (李宁公司, TCL集团).
const COMPANY_HEADS: [&str; 8] = [
    "公司",
    "集团",
    "有限公司",
    "集团公司",
    "总公司",
    "股份公司",
    "银行",
    "队",
];

fn is_company_head(word: &str) -> bool {
    COMPANY_HEADS.contains(&word)
}

/// Whether token `i` is a name jieba tags as a person's that may name a body after it (马海德 of
/// 马海德基金会, 黄粱梦 of 黄粱梦派出所): a word the dictionary counts seldom, not a person
/// listed after a role or next to another name (团长李喜华, 刘亮明陈建军), not the tail of a
/// dotted name (沃尔特·里德), not a trophy, a people or a brand (李宁杯, 温州人, 李宁牌).
fn own_name(p: &Paragraph<'_>, i: usize) -> bool {
    let t = &p.tokens[i];
    // 温州人, 李宁牌: a people or a brand, not a name.
    if !matches!(t.pos, "nr" | "nrt" | "nrfg")
        || !(2..=3).contains(&t.len())
        || t.word.ends_with(['杯', '人', '牌'])
    {
        return false;
    }
    if let Some(prev) = i.checked_sub(1).map(|k| &p.tokens[k])
        && (ends_in_role(prev.word)
            || is_role(prev.word)
            || prev.pos.starts_with("nr")
            || head_of(prev.word).is_some()
            || matches!(prev.word, "·" | "•" | "・"))
    {
        return false;
    }
    let jieba = Segmenter::shared().jieba();
    // 孙中山/研究会: a well-known person's name names bodies too.
    crate::lexicon::FAMOUS_PEOPLE.contains(t.word)
        || !jieba.has_word(t.word)
        || jieba.suggest_freq(t.word) <= 150
}

/// A county or district named without its 县 or 区 (平遥 of 平遥县, 石景山 of 石景山区), when the
/// bare name is no common word.
fn bare_county(word: &str) -> bool {
    let n = word.chars().count();
    if !(2..=3).contains(&n) {
        return false;
    }
    let mut w = String::with_capacity(word.len() + 3);
    w.push_str(word);
    ["县", "区", "市"].iter().any(|suffix| {
        w.truncate(word.len());
        w.push_str(suffix);
        crate::lexicon::CHINA_ADMIN.value(&w) == Some("county")
    }) && {
        let jieba = Segmenter::shared().jieba();
        !jieba.has_word(word) || jieba.suggest_freq(word) <= 300
    }
}

/// Heads that close a firm's name (耐克公司, 格威特体育用品公司, 伊盟化工集团公司).
const FIRM_HEADS: [&str; 10] = [
    "公司",
    "有限公司",
    "集团",
    "集团公司",
    "总公司",
    "股份公司",
    "有限责任公司",
    "股份有限公司",
    "实业公司",
    "集团有限公司",
];

/// A word that names a trade (体育用品, 实业), or two of them glued by jieba (电脑科技).
fn is_trade(word: &str) -> bool {
    FIRM_TRADES.contains(word)
        || word
            .char_indices()
            .skip(1)
            .any(|(b, _)| FIRM_TRADES.contains(&word[..b]) && FIRM_TRADES.contains(&word[b..]))
}

/// Whether `stem`, tagged `pos` by jieba, can be a firm's own name (its 字号): a word the
/// dictionary does not know or tags as a name (耐克, 格威特, 宝洁), or one it counts seldom
/// (先科, 酒钢); with `tagged` (jieba knows stem and head together as an organization, 微软公司),
/// any word but a verb or a common noun. Never a trade, a place or a generic stem.
fn firm_stem(stem: &str, pos: Option<&str>, tagged: bool) -> bool {
    let n = stem.chars().count();
    if !(2..=6).contains(&n)
        || is_trade(stem)
        // 运动服装, 体育器材: a kind of goods, not a firm's own name.
        || stem.char_indices().skip(2).any(|(b, _)| is_trade(&stem[b..]))
        || generic_stem_word(stem)
        || TITLES.contains(stem)
        || super::place::in_gazetteer(stem)
        || !stem.chars().all(|c| c.is_alphanumeric())
        || stem.starts_with(|c: char| {
            is_quantity(c) || matches!(c, '该' | '本' | '此' | '这' | '那' | '每' | '某' | '全')
        })
    {
        return false;
    }
    let jieba = Segmenter::shared().jieba();
    if !jieba.has_word(stem) {
        return true;
    }
    let tag = pos.unwrap_or_else(|| jieba.tag(stem, false).first().map_or("x", |t| t.tag));
    if matches!(tag, "nr" | "nrt" | "nrfg" | "nz" | "eng") {
        return true;
    }
    let freq = jieba.suggest_freq(stem);
    if tagged {
        !(matches!(tag, "v" | "vn" | "n" | "ns" | "m" | "t" | "r" | "f") && freq > 100)
    } else {
        freq <= 50
            && !matches!(
                tag,
                "m" | "t" | "r" | "f" | "p" | "c" | "d" | "u" | "i" | "l"
            )
    }
}

/// A firm named by a name of its own at token `i`, maybe followed by one or two trades, then a
/// firm's head (格威特/体育用品/公司, 奔驰/汽车/公司, 野村/公司): the index of the head.
fn firm_at(p: &Paragraph<'_>, i: usize) -> Option<usize> {
    let tokens = p.tokens;
    let t = &tokens[i];
    // The dictionary is asked about the stem only when a firm's head follows soon.
    if !tokens[i + 1..(i + 7).min(tokens.len())]
        .iter()
        .any(|x| firm_end(x.word))
        || !may_open_firm(p, i)
    {
        return None;
    }
    if t.pos != "eng" && !firm_stem(t.word, Some(t.pos), false) {
        return None;
    }
    let mut prev_end = t.end;
    let mut j = i + 1;
    // 五芳斋/粽子/公司, 华韵/影视/光盘/公司: after a name the dictionary tags as a name, one
    // word of goods that is no trade.
    let mut goods = matches!(t.pos, "nr" | "nrt" | "nz") && t.len() >= 2;
    while j < (i + 7).min(tokens.len()) {
        let x = &tokens[j];
        if x.start != prev_end {
            return None;
        }
        // 野村/证券公司: a trade glued to the head.
        if FIRM_HEADS.contains(&x.word)
            || FIRM_HEADS
                .iter()
                .any(|h| x.word.strip_suffix(h).is_some_and(is_trade))
        {
            return Some(j);
        }
        if goods
            && x.pos == "n"
            && x.len() == 2
            && !is_trade(x.word)
            && tokens
                .get(j + 1)
                .is_some_and(|y| FIRM_HEADS.contains(&y.word) || is_trade(y.word))
        {
            goods = false;
            prev_end = x.end;
            j += 1;
            continue;
        }
        // 冠生园（集团）总公司: the group named in brackets inside the name.
        if x.word == "("
            && tokens.get(j + 2).is_some_and(|c| c.word == ")")
            && matches!(tokens[j + 1].word, "集团" | "控股" | "股份")
        {
            prev_end = tokens[j + 2].end;
            j += 3;
            continue;
        }
        if !is_trade(x.word) {
            return None;
        }
        prev_end = x.end;
        j += 1;
    }
    None
}

/// [`firm_at`]'s first tests, on token `i` alone and the one before it.
fn may_open_firm(p: &Paragraph<'_>, i: usize) -> bool {
    let tokens = p.tokens;
    let t = &tokens[i];
    // Not the tail of a longer word jieba cut (布洛克/巴/斯特影视公司).
    if i > 0
        && tokens[i - 1].end == t.start
        && matches!(
            tokens[i - 1].pos,
            "n" | "nz" | "ns" | "nr" | "nrt" | "j" | "vn" | "l"
        )
    {
        return false;
    }
    !(is_stop(t) && t.pos != "eng" || t.pos == "eng" && t.word.chars().count() < 2)
}

/// One token made of a firm's own name and its head (耐克公司, 诺基亚公司, 微软公司).
fn firm_token(t: &Token<'_>) -> bool {
    if t.len() < 4 || is_stop(t) {
        return false;
    }
    FIRM_HEADS.iter().any(|h| {
        t.word
            .strip_suffix(h)
            .is_some_and(|stem| firm_stem(stem, None, t.pos == "nt"))
    })
}

/// Heads that need a state-organ reading for 国家/中央/全国 to open them.
fn is_government_head(word: &str) -> bool {
    [
        "局",
        "委",
        "部",
        "署",
        "台",
        "院",
        "委员会",
        "办",
        "会",
        "社",
        "总工会",
        "办公厅",
        "办公室",
        "领导小组",
        "指挥部",
        "中心",
        "公司",
    ]
    .iter()
    .any(|h| word.ends_with(h))
        && !word.ends_with("银行")
}

/// Words jieba keeps whole that end like an organization but are not one.
static NOT_HEADS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    [
        "部分",
        "对外部",
        "广播电台",
        // 中共中央/机关报: a body's newspaper, not a unit of it.
        "机关报",
        "全部",
        "内部",
        "外部",
        "局部",
        "干部",
        "局面",
        "局势",
        "大局",
        "结局",
        "院子",
        "电台",
        "平台",
        "舞台",
        "讲台",
        "后台",
        "前台",
        "阳台",
        "上台",
        "出台",
        "下台",
        "电报",
        "情报",
        "汇报",
        "简报",
        "报告",
        "公社",
        "结社",
        "到处",
        "好处",
        "处处",
        // 两县交界处, 路口处: where places meet, not an office.
        "交界处",
        "路口处",
        "交汇处",
        "交叉处",
        "场所",
        "住所",
        "厕所",
        "军队",
        "团队",
        "关系",
        "体系",
        "联系",
        "派系",
        "维系",
        "直系",
        "重心",
        "核心",
        "市中心",
        "当局",
        "总部",
        "本部",
        "东部",
        "西部",
        "南部",
        "北部",
        "中部",
        "全队",
        "该队",
        "本队",
        "两队",
        "客队",
        "主队",
        "社会",
        "部门",
        "上市公司",
        "全党",
        "政党",
        "党派",
        "常委",
        "代表团",
        "访问团",
        "考察团",
        "观察团",
        "旅游团",
        "商店",
        "书店",
    ]
    .into_iter()
    .collect()
});

/// The characters organization heads end with: a word ending in any other has no head.
static HEAD_LAST_CHARS: LazyLock<CharSet> = LazyLock::new(|| {
    ORG_SUFFIXES
        .keys()
        .filter_map(|k| k.chars().next_back())
        .collect()
});

/// Whether `word` ends in an organization head, and how strong the head is.
#[inline]
pub fn head_of(word: &str) -> Option<bool> {
    if !word
        .chars()
        .next_back()
        .is_some_and(|c| HEAD_LAST_CHARS.contains(&c))
    {
        return None;
    }
    head_of_word(word)
}

/// [`head_of`] once the last character may end a head.
fn head_of_word(word: &str) -> Option<bool> {
    let (b, v) = longest_head(word)?;
    let suffix = &word[b..];
    // 会 alone ends too many events (音乐会, 座谈会); the listed compounds remain.
    if suffix == "会"
        || NOT_HEADS.contains(word)
        || word.ends_with("常委")
        // 双边关系, 金融体系, 领导干部: words that only end like a head.
        || [
            "关系", "体系", "联系", "部分", "干部", "社会", "局势", "局面", "场所", "之处",
            "部署", "签署", "全会", "命运共同体", "利益共同体",
            // 新格局, 出现僵局: a state of affairs, not a bureau.
            "僵局", "格局", "结局", "布局", "骗局", "残局", "困局", "赌局", "饭局", "棋局",
        ]
            .iter()
            .any(|w| word.ends_with(w))
        // 市委精心组织: organizing with care, not a body.
        || word.strip_suffix("组织").is_some_and(|stem| {
            [
                "精心", "周密", "严密", "认真", "统一", "广泛", "积极", "重新",
            ]
            .contains(&stem)
        })
    {
        return None;
    }
    // 东北部, 西南部, 中部: parts of a region, not departments.
    if b > 0 && word[..b].chars().all(is_direction) {
        return None;
    }
    // A one-character head ends a name on its own (…研究/系) or closing a word of
    // three or more characters (外交部); in two-character words it is mostly
    // something else (干部, 运营, 举办).
    if suffix.chars().count() == 1
        && word.chars().count() == 2
        && !word.starts_with(['省', '市', '县', '区', '州', '乡', '镇', '村', '党', '团'])
    {
        return None;
    }
    Some(v != "weak")
}

/// Whether `word` ends in a venue's head (寺, 广场, 博物馆): a name ending in it is a place.
pub fn is_venue(word: &str) -> bool {
    head_suffix(word).and_then(|h| ORG_SUFFIXES.value(h)) == Some("venue")
}

/// The organization head a word ends in (大学 of 香港科技大学).
fn head_suffix(word: &str) -> Option<&str> {
    longest_head(word).map(|(b, _)| &word[b..])
}

/// [`ORG_SUFFIXES`] spelled backwards, so a word's heads are found walking back from its last
/// character.
static HEADS_BACKWARDS: LazyLock<Lexicon> = LazyLock::new(|| ORG_SUFFIXES.reversed());

/// The longest head `word` ends in ([`ORG_SUFFIXES`]): the byte offset where it starts and its
/// value.
fn longest_head(word: &str) -> Option<(usize, &'static str)> {
    let heads: &'static Lexicon = &HEADS_BACKWARDS;
    let (n, value) = heads.longest_prefix(word.chars().rev())?;
    let (b, _) = word.char_indices().rev().nth(n - 1)?;
    Some((b, value))
}

/// [`head_of`] token `i`'s word, worked out once per paragraph (the memo holds 0 when not
/// asked yet, else 1 + none, weak or strong).
#[inline]
fn head_at(p: &Paragraph<'_>, i: usize) -> Option<bool> {
    let t = &p.tokens[i];
    // Most words end in a character no head ends in.
    if t.is_empty() || char_class(p.chars[t.end - 1]) & LAST_HEAD == 0 {
        return None;
    }
    // 江苏/重点/组织/v 实施, 国务院/总揽全局/l: the verb 组织 and set phrases ending in 局 only
    // look like heads (jieba tags real ones v and l too: 分行/v, 希望小学/l).
    if t.pos == "v" && t.word == "组织" || matches!(t.pos, "l" | "i") && t.word.ends_with('局') {
        return None;
    }
    // 驻马店/ns: a place whose name only ends like a head (店).
    let token_head =
        || head_of(t.word).filter(|_| !(t.pos == "ns" && super::place::in_gazetteer(t.word)));
    let Some(memo) = p.org_head.get(i) else {
        return token_head();
    };
    match memo.get() {
        0 => {
            let head = token_head();
            memo.set(match head {
                None => 1,
                Some(false) => 2,
                Some(true) => 3,
            });
            head
        }
        1 => None,
        m => Some(m == 3),
    }
}

/// Whether a word ends in 公司 or 集团, as every one of [`FIRM_HEADS`] does.
#[inline]
fn firm_end(word: &str) -> bool {
    word.ends_with("公司") || word.ends_with("集团")
}

/// Tokens that end a chain: punctuation, function words, numbers, pronouns, adverbs.
fn is_stop(t: &Token<'_>) -> bool {
    let first = t.word.chars().next().unwrap_or(' ');
    // 各大, 各级: a quantity of places or bodies, not one name.
    if !crate::normalize::is_han(first) || first == '各' {
        return true;
    }
    match t.word.len() {
        // One character.
        3 => {
            // 再/就业/服务中心: jieba cuts 再就业 (re-employment) after its adverb.
            if first == '再' {
                return false;
            }
            // 新余市/委/宣传部, 蔚县/剪纸/厂: jieba leaves a one-character head alone with a
            // tag of its own.
            if t.pos == "zg" && "委厂局社所院部队".contains(first) {
                return false;
            }
            stop_tag(t.pos) || STOP_CHARS.contains(&first)
        }
        // Two characters. 两地: a quantity of places.
        6 => {
            t.word == "两地"
                || stop_tag(t.pos)
                || matches!(t.word, "所有" | "有关" | "这个" | "一些")
        }
        _ => stop_tag(t.pos) || t.word == "本报讯",
    }
}

/// One-character words that end a chain whatever their tag.
static STOP_CHARS: LazyLock<CharSet> = LazyLock::new(|| {
    "是在有为将对向从把被由给说的了等各该本我其这那即并也都又还就电讯"
        .chars()
        .collect()
});

/// Tags of words that end a chain: punctuation, particles, pronouns, adverbs, numbers.
fn stop_tag(pos: &str) -> bool {
    matches!(
        pos,
        "x" | "w"
            | "uj"
            | "ul"
            | "uz"
            | "ug"
            | "uv"
            | "ud"
            | "u"
            | "r"
            | "d"
            | "m"
            | "q"
            | "y"
            | "e"
            | "o"
            | "zg"
            | "mq"
            | "rr"
            | "rz"
            | "ad"
            | "df"
            | "dg"
            | "rg"
    )
}

fn is_connector(t: &Token<'_>) -> bool {
    matches!(t.word, "与" | "和" | "及")
}

/// What opens a name at token `i`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Anchor {
    /// A place: reported as a place too.
    Place,
    /// One token made of a place and a head (中国政府, 四川队): the place's length in characters.
    PlaceCompound(usize),
    /// One proper word that opens with a place (上海东方 in 上海东方队): the place's length;
    /// it needs a head after it.
    PlacePrefix(usize),
    /// A known organization spanning tokens `i..=end`.
    Known(usize),
    /// A proper noun or country pair.
    Proper,
    /// A name jieba tags `nt` whose stem before the head is not a generic word (交通部,
    /// 新华出版社, but not 公安局 or 商业银行).
    Tagged,
    /// 国家, 中央, 全国: only before a government head.
    State,
    /// A one-character country abbreviation: only right before a state organ.
    Abbrev,
}

/// Heads after which a jieba `nt` word is a name on its own (ministries, publishers,
/// universities, commissions): 交通部, 新华出版社, 国防科工委.
fn tagged_head(word: &str) -> bool {
    // State bodies named with 国家/中共/全国 (国家旅游局, 中共上海市委) and news agencies
    // (越通社, 俄通社).
    let n = word.chars().count();
    if ["国家", "中共", "全国", "国务院"]
        .iter()
        .any(|o| word.starts_with(o))
        && n >= 4
        && is_government_head(word)
    {
        return true;
    }
    if ["通社", "讯社", "集团", "总会", "总部", "总公司", "总局"]
        .iter()
        .any(|h| word.ends_with(h))
        && n >= 4
    {
        return true;
    }
    // 民革中央, 越共中央, 团中央, 九三学社中央: a party's central committee.
    if let Some(party) = word.strip_suffix("中央")
        && ((3..=4).contains(&n) || party.ends_with('党') || ORG_ABBREVS.contains(party))
    {
        return true;
    }
    const HEADS: [&str; 32] = [
        "部",
        "基金会",
        "方面军",
        "煤矿",
        "军区",
        "艺专",
        "电台",
        "油田",
        "核电站",
        "核电厂",
        "出版社",
        "书局",
        "大学",
        "研究院",
        "研究所",
        "研究室",
        "学院",
        "报社",
        "杂志社",
        "电视台",
        "总公司",
        "协会",
        "学会",
        "工委",
        "科工委",
        // Universities by their short names: 北方交大, 华东师大, 中国农大.
        "交大",
        "师大",
        "农大",
        "医大",
        "工大",
        "科大",
        "财大",
    ];
    HEADS.iter().any(|h| word.ends_with(h))
        // 红一、四方面军: the second of two numbered armies.
        && !word.starts_with(is_chinese_digit)
        && !word
            .chars()
            .take(word.chars().count() - 1)
            .all(is_direction)
}

/// Stems that make a head generic: every city has a 公安局, every country a 中央银行.
fn generic_stem(word: &str) -> bool {
    const GENERIC: [&str; 24] = [
        "人民",
        "商业",
        "公安",
        "税务",
        "上市",
        "地方",
        "基层",
        "有关",
        "各级",
        "武警",
        "中央银行",
        "国有",
        "民营",
        "私营",
        "外资",
        "合资",
        "乡镇",
        "街道",
        "社区",
        "基金",
        "联合",
        "党政",
        "国家机关",
        "特区",
    ];
    GENERIC.iter().any(|g| word.starts_with(g))
}

/// The known organization (from `org_abbrevs.txt`) starting at token `i` and ending on a token
/// boundary, as the index of its last token.
#[inline]
fn known_at(p: &Paragraph<'_>, i: usize) -> Option<usize> {
    // Most words start with a character no known organization starts with.
    let start = p.tokens[i].start;
    if p.chars
        .get(start)
        .is_none_or(|&c| char_class(c) & FIRST_KNOWN == 0)
    {
        return None;
    }
    known_from(p, i)
}

/// [`known_at`] once the first character may open a known organization.
fn known_from(p: &Paragraph<'_>, i: usize) -> Option<usize> {
    let tokens = p.tokens;
    let n = ORG_ABBREVS.longest_at(&p.chars, tokens[i].start)?;
    let end = tokens[i].start + n;
    // Prefer the longest entry ending on a token boundary.
    let mut best = None;
    for (k, t) in tokens.iter().enumerate().skip(i) {
        if t.end > end {
            break;
        }
        if ORG_ABBREVS.contains(p.slice(tokens[i].start, t.end)) {
            best = Some(k);
        }
    }
    // 联合国教科文组织世界遗产委员会/nt: a body under a known one, in one word jieba knows as
    // an organization's, which ends in a strong head.
    let t = &tokens[i];
    if best.is_none() && t.pos == "nt" && t.end > end && head_at(p, i) == Some(true) {
        best = Some(i);
    }
    best
}

/// What opens a name at token `i` ([`find_anchor`]), worked out once per paragraph: it depends
/// on the tokens and characters only, never on what is claimed. [`find`] marks beforehand the
/// tokens [`may_anchor`] lets through as [`Anchor::UNASKED`]; the others keep the memo's 0,
/// which is no anchor.
fn anchor_at(p: &Paragraph<'_>, i: usize) -> Option<Anchor> {
    let Some(memo) = p.org_anchor_memo(i) else {
        return find_anchor(p, i);
    };
    match memo.get() {
        Anchor::UNASKED => {
            let anchor = find_anchor(p, i);
            memo.set(Anchor::encode(anchor));
            anchor
        }
        m => Anchor::decode(m),
    }
}

impl Anchor {
    /// The memo of a token that may have an anchor, before [`find_anchor`] is asked.
    const UNASKED: u64 = 1;

    /// `anchor` as a number for [`Paragraph`]'s memo: 0 for none, never [`Anchor::UNASKED`].
    fn encode(anchor: Option<Anchor>) -> u64 {
        let (tag, n) = match anchor {
            None => (0, 0),
            Some(Anchor::Place) => (2, 0),
            Some(Anchor::PlaceCompound(n)) => (3, n),
            Some(Anchor::PlacePrefix(n)) => (4, n),
            Some(Anchor::Known(k)) => (5, k),
            Some(Anchor::Proper) => (6, 0),
            Some(Anchor::Tagged) => (7, 0),
            Some(Anchor::State) => (8, 0),
            Some(Anchor::Abbrev) => (9, 0),
        };
        tag | (n as u64) << 8
    }

    fn decode(m: u64) -> Option<Anchor> {
        let n = (m >> 8) as usize;
        match m & 0xff {
            2 => Some(Anchor::Place),
            3 => Some(Anchor::PlaceCompound(n)),
            4 => Some(Anchor::PlacePrefix(n)),
            5 => Some(Anchor::Known(n)),
            6 => Some(Anchor::Proper),
            7 => Some(Anchor::Tagged),
            8 => Some(Anchor::State),
            9 => Some(Anchor::Abbrev),
            _ => None,
        }
    }
}

fn find_anchor(p: &Paragraph<'_>, i: usize) -> Option<Anchor> {
    let t = &p.tokens[i];
    if let Some(k) = known_at(p, i) {
        // A place name that is also listed as an organization (东盟) stays a place when
        // nothing follows it.
        return Some(Anchor::Known(k));
    }
    if t.len() > 2
        && head_at(p, i).is_some()
        && let Some(n) = p.gazetteer_at(t.start)
        && n >= 2
        && n < t.len()
        && !NOT_HEADS.contains(&t.word[t.word.char_indices().nth(n).map_or(0, |(b, _)| b)..])
    {
        return Some(Anchor::PlaceCompound(n));
    }
    // A place token is a gazetteer word of two characters or more (the entry at its start
    // covers it), an ns word or a township (乡, 镇) tagged n or nz.
    if (t.pos == "ns"
        || matches!(t.pos, "n" | "nz") && t.len() >= 4
        || t.len() >= 2 && p.gazetteer_at(t.start).is_some_and(|n| n >= t.len()))
        && p.is_place_token(i)
    {
        return Some(Anchor::Place);
    }
    // 唐庄乡/nr 党委书记, 双泾村/n 党支部: a township or village jieba does not know as a
    // place, before its party organ.
    if t.len() >= 3
        && super::place::is_settlement_unit(p.chars[t.end - 1])
        && matches!(t.pos, "n" | "nz" | "nr")
        && p.tokens.get(i + 1).is_some_and(|x| {
            ["党委", "党支部", "党总支", "村委会"]
                .iter()
                .any(|o| x.word.starts_with(o))
        })
        && super::place::settlement_at(p, i) == Some(i)
    {
        return Some(Anchor::Place);
    }
    if matches!(t.pos, "ns" | "nt")
        && let Some(n) = p.gazetteer_at(t.start)
        && n >= 2
        && n < t.len()
        && (p.tokens.get(i + 1).is_some_and(|x| {
            head_at(p, i + 1) == Some(true)
                || t.pos == "nt" && head_before_role(x.word).is_some()
        })
            // 北京东方/巨人/环境/发展/研究/中心: a proper word opening with a place before a
            // name that reaches a strong head.
            || chain_from(p, i, Anchor::PlacePrefix(n))
                .is_some_and(|end| end > i && head_at(p, end) == Some(true)))
    {
        return Some(Anchor::PlacePrefix(n));
    }
    // A name of its own before a company head: 李宁公司, 洛里拉德公司, TCL集团, 利库德集团.
    let proper = matches!(t.pos, "nr" | "nrt" | "nz" | "eng")
        && (t.len() >= 2 || t.pos == "eng")
        && !t.word.starts_with("本报")
        && !t.word.ends_with('讯');
    if proper
        && p.tokens
            .get(i + 1)
            .is_some_and(|x| is_company_head(x.word) && x.start == t.end)
    {
        return Some(Anchor::Proper);
    }
    // 马海德基金会, 黄粱梦派出所, 平遥火柴厂: a name of its own (one jieba tags as a person's,
    // or a county's without its 县 or 区) right before a strong head of two characters or more.
    if p.tokens.get(i + 1).is_some_and(|x| {
        x.start == t.end
            && x.len() >= 2
            // 石景山/热电厂: a weak head in a word of its own of three characters.
            && (head_at(p, i + 1) == Some(true) || x.len() >= 3 && head_at(p, i + 1).is_some())
            && !NOT_HEADS.contains(x.word)
            // 任菲/外交部, 团长李喜华/中南林学院, 刘亮明/陈建军: not when the head is a name
            // of its own.
            && !x.pos.starts_with("nr")
    }) && (own_name(p, i)
        || bare_county(t.word)
        || t.pos == "ns"
            && (2..=3).contains(&t.len())
            && !super::place::common_ns(t.word)
            && p.tokens.get(i + 1).is_some_and(|x| {
                !matches!(
                    x.word,
                    "部队"
                        | "联盟"
                        | "海军"
                        | "空军"
                        | "陆军"
                        | "集团"
                        | "学会"
                        | "学校"
                        | "小学"
                        | "机构"
                        | "支队"
                        | "办公室"
                        | "党支部"
                        | "人大常委会"
                )
            }))
        && !ends_in_role(p.tokens[i + 1].word)
        && anchor_at(p, i + 1).is_none()
    {
        return Some(Anchor::Proper);
    }
    // 格威特体育用品公司, 耐克公司: a firm by its own name.
    if firm_at(p, i).is_some() {
        return Some(Anchor::Proper);
    }
    if firm_end(t.word) && firm_token(t) {
        return Some(Anchor::Tagged);
    }
    // 俄联邦安全局: a body of a country named with its one-character abbreviation.
    let abbreviated = || {
        let mut chars = t.word.chars();
        let first = chars.next();
        // 英政府/nt, 巴政府/nt: a state organ of two characters after the abbreviation, which
        // is not 新 (new: 新政府) nor the second of a pair (中英/政府间).
        let organ = || {
            t.len() == 3
                && matches!(chars.as_str(), "政府" | "议会" | "国会" | "军方")
                && !t.word.starts_with('新')
                && !t
                    .start
                    .checked_sub(1)
                    .is_some_and(|b| COUNTRY_ABBREV_CHARS.contains(&p.chars[b]))
        };
        (t.len() >= 4 || organ())
            && first.is_some_and(|c| COUNTRY_ABBREV_CHARS.contains(&c))
            && head_at(p, i) == Some(true)
            // 中央政府, 中医医院: common nouns that only open like an abbreviation.
            && !["中央政府", "中医", "新党", "中心", "中学", "中小", "中等"]
                .iter()
                .any(|w| t.word.starts_with(w))
    };
    if t.pos == "nt"
        && t.len() >= 3
        && (tagged_head(t.word) || abbreviated())
        && !generic_stem(t.word)
        && !NOT_HEADS.contains(t.word)
    {
        return Some(Anchor::Tagged);
    }
    if t.len() <= 3
        && t.word.starts_with(OPENER_FIRSTS)
        && let Some(anchor) = word_anchor(p, i)
    {
        return Some(anchor);
    }
    proper_or_abbreviation(p, i)
}

/// The words [`word_anchor`] knows: [`STATE_OPENERS`], the armed forces, 国际, regions by
/// their direction, 团.
const OPENER_WORDS: [&str; 24] = [
    "国家",
    "中央",
    "全国",
    "中共",
    "中华",
    "国务院",
    "武警",
    "解放军",
    "空军",
    "海军",
    "陆军",
    "国际",
    "东北",
    "西北",
    "西南",
    "东南",
    "华北",
    "华南",
    "华东",
    "华中",
    "华西",
    "中南",
    "东方",
    "团",
];

/// The first characters of the words [`word_anchor`] knows.
const OPENER_FIRSTS: [char; 12] = [
    '国', '中', '全', '华', '武', '解', '空', '海', '陆', '东', '西', '团',
];

/// What a character may do at either end of a token, for [`may_anchor`]: a byte of flags per
/// character of the Basic Multilingual Plane (characters beyond it may do anything).
static CHAR_CLASSES: LazyLock<CharFlags> = LazyLock::new(|| {
    let mut table = CharFlags::default();
    let mut mark = |c: char, flag: u8| table.mark(c, flag);
    for k in ORG_ABBREVS.keys() {
        if let Some(c) = k.chars().next() {
            mark(c, FIRST_KNOWN);
        }
    }
    for c in OPENER_FIRSTS.into_iter().chain(COUNTRY_ABBREVS.chars()) {
        mark(c, FIRST_OPENER);
    }
    for k in ORG_SUFFIXES.keys() {
        if let Some(c) = k.chars().next_back() {
            mark(c, LAST_HEAD);
        }
    }
    for c in ['司', '团'] {
        mark(c, LAST_FIRM);
    }
    for c in ['乡', '镇'] {
        mark(c, LAST_TOWN);
    }
    for c in ['司', '团', '学', '院', '社'] {
        mark(c, LAST_STEM);
    }
    mark('队', LAST_TEAM);
    for h in COMPANY_HEADS {
        if let Some(c) = h.chars().next_back() {
            mark(c, LAST_COMPANY);
        }
    }
    table
});

/// The first character of an entry of [`ORG_ABBREVS`].
const FIRST_KNOWN: u8 = 1;
/// One of [`OPENER_FIRSTS`] or [`COUNTRY_ABBREVS`].
const FIRST_OPENER: u8 = 2;
/// The last character of a head ([`ORG_SUFFIXES`]).
const LAST_HEAD: u8 = 4;
/// The last character of 公司 and 集团.
const LAST_FIRM: u8 = 8;
/// 乡 and 镇, which end townships.
const LAST_TOWN: u8 = 16;
/// The last characters of [`STEM_HEADS`] and publishers (司, 团, 学, 院, 社).
const LAST_STEM: u8 = 32;
/// 队, which ends teams.
const LAST_TEAM: u8 = 64;
/// The last character of one of [`COMPANY_HEADS`].
const LAST_COMPANY: u8 = 128;

/// The [`char_class`] of a token's first and last characters and of the next token's last (0
/// for an empty token or none).
#[derive(Clone, Copy, Debug)]
struct Ends {
    first: u8,
    last: u8,
    next_last: u8,
}

/// The flags of [`CHAR_CLASSES`] of `c`.
#[inline]
fn char_class(c: char) -> u8 {
    CHAR_CLASSES.of(c)
}

/// False only when no rule of [`find_anchor`] can hold at token `i`: its tag, first
/// character, ending and place, and the head after it, rule it out. `firm_near`: a token within
/// the six after it ends in 公司 or 集团 (as [`firm_at`] needs).
fn may_anchor(p: &Paragraph<'_>, i: usize, firm_near: bool, ends: Ends) -> bool {
    let t = &p.tokens[i];
    if t.is_empty() || firm_near && may_open_firm(p, i) {
        return true;
    }
    let Ends {
        first,
        last,
        next_last,
    } = ends;
    // Proper words and places by their tag, firms by their heads.
    // (A person's name or a Latin word opens a name only before a company's head, an
    // abbreviation only as a team's name (申花队), or as any word may.)
    if matches!(t.pos.as_bytes(), b"ns" | b"nt" | b"nz")
        || (t.pos == "j" || t.pos == "n" && t.len() == 3) && last & LAST_TEAM != 0
        || matches!(t.pos.as_bytes(), b"nr" | b"nrt" | b"eng") && next_last & LAST_COMPANY != 0
        // (firm_token: a firm's own name and its head in one word of four characters or more)
        || last & LAST_FIRM != 0 && t.len() >= 4 && firm_end(t.word)
    {
        return true;
    }
    // A township jieba does not know (is_place_token), or one of three characters (before its
    // party organ: find_anchor).
    if last & LAST_TOWN != 0
        && (t.len() >= 4 && t.pos == "n" || t.len() == 3 && matches!(t.pos, "n" | "nz" | "nr"))
    {
        return true;
    }
    // 国家, 武警, 西南, 团 (word_anchor); 中塔, 俄 (country abbreviations).
    if first & FIRST_OPENER != 0
        && t.len() <= 3
        && (OPENER_WORDS.contains(&t.word)
            || t.word.chars().all(|c| COUNTRY_ABBREV_CHARS.contains(&c)))
    {
        return true;
    }
    // A known organization starts here.
    if first & FIRST_KNOWN != 0 && ORG_ABBREVS.longest_at(&p.chars, t.start).is_some() {
        return true;
    }
    // A gazetteer place: the whole word, or its start before a head.
    if p.gazetteer_first_ask(t.start)
        .is_some_and(|n| n >= 2 && (n >= t.len() || last & LAST_HEAD != 0))
    {
        return true;
    }
    // A name of two or three characters right before a head (马海德/基金会, 平遥/火柴厂).
    next_last & LAST_HEAD != 0
        && (2..=3).contains(&t.len())
        && p.tokens
            .get(i + 1)
            .is_some_and(|x| x.start == t.end && x.len() >= 2 && head_at(p, i + 1).is_some())
}

/// [`find_anchor`] for the words that open names of their own (国家, 武警, 国际, 西南, 团).
fn word_anchor(p: &Paragraph<'_>, i: usize) -> Option<Anchor> {
    let t = &p.tokens[i];
    // A rule for a word of its own below needs the word in OPENER_WORDS.
    if !OPENER_WORDS.contains(&t.word) {
        return None;
    }
    if STATE_OPENERS.contains(&t.word) {
        return Some(Anchor::State);
    }
    // 武警广东总队, 武警张家口支队: the armed police's units are named by their place.
    // 解放军南京军区, 解放军总政治部: the army's regions and departments.
    if matches!(t.word, "武警" | "解放军")
        && p.tokens.get(i + 1).is_some_and(|x| {
            p.is_place_token(i + 1)
                || t.word == "解放军"
                    && x.start == t.end
                    && (x.word.ends_with("军区")
                        || x.word.ends_with("部") && x.len() >= 3
                        // 解放军/女排: the army's teams.
                        || matches!(x.word, "女排" | "男排" | "女篮" | "男篮" | "女足" | "男足"))
                    // 解放军三总部: the departments counted, not one of them.
                    && !x.word.starts_with(|c: char| "一二三四五六七八九十各".contains(c))
        })
    {
        return Some(Anchor::Proper);
    }
    // 空军联航队, 海军八一队: a service's own team or unit; 空军公主岭医院: its unit in a place.
    if matches!(t.word, "空军" | "海军" | "陆军")
        && p.tokens.get(i + 1).is_some_and(|x| {
            x.word.ends_with('队') && x.len() >= 3 && matches!(x.pos, "nz" | "nt" | "j")
                || (p.is_place_token(i + 1) || bare_county(x.word))
                    && p.tokens
                        .get(i + 2)
                        .is_some_and(|h| head_of(h.word) == Some(true) && h.len() >= 2)
                // 空军/电讯/工程学院: its schools and hospitals named by their field.
                || x.pos == "n"
                    && p.tokens.get(i + 2).is_some_and(|h| {
                        ["学院", "学校", "医院"].iter().any(|s| h.word.ends_with(s))
                    })
        })
    {
        return Some(Anchor::Proper);
    }
    // 国际/管理/集团, 国际/舞蹈/运动/联合会: an international body named by its field.
    if t.word == "国际"
        && let Some(k) = p.tokens[i + 1..(i + 5).min(p.tokens.len())]
            .iter()
            .position(|x| {
                is_stop(x) || head_of(x.word).is_some() || x.pos.starts_with('v') && x.pos != "vn"
            })
        && k >= 1
        && let Some(h) = p.tokens.get(i + 1 + k)
        && head_of(h.word) == Some(true)
        && !matches!(h.word, "组织" | "机构" | "社会" | "大会" | "会议" | "中心")
        && h.len() >= 2
        && p.tokens[i + 1..i + 1 + k]
            .iter()
            .all(|x| matches!(x.pos, "n" | "vn" | "nz" | "ns" | "j") && !generic_stem_word(x.word))
    {
        return Some(Anchor::Proper);
    }
    // 西南/交通/大学, 西北/农业大学: a region by its direction names institutions.
    if matches!(
        t.word,
        "东北"
            | "西北"
            | "西南"
            | "东南"
            | "华北"
            | "华南"
            | "华东"
            | "华中"
            | "华西"
            | "中南"
            | "东方"
    ) && p.tokens[i + 1..(i + 5).min(p.tokens.len())]
        .iter()
        .take_while(|x| {
            !(is_stop(x) || x.pos.starts_with('v') && x.pos != "vn" && x.word != "联合")
        })
        .any(|x| {
            ["大学", "学院", "研究院", "出版社", "军区", "医院", "集团"]
                .iter()
                .any(|h| x.word.ends_with(h))
        })
    {
        return Some(Anchor::Proper);
    }
    // 团/中央书记处: the Youth League's central organs.
    if t.word == "团"
        && p.tokens.get(i + 1).is_some_and(|x| {
            x.start == t.end && x.word.starts_with("中央") && head_of(x.word).is_some()
        })
    {
        return Some(Anchor::Proper);
    }
    None
}

/// True when `stem` is one word the dictionary tags as a proper noun or an abbreviation (申花
/// nz, 万达 nz): a team's sponsor or club, unlike 篮球 or 消防 (nor 体操, which it tags nr).
fn proper_stem(stem: &str) -> bool {
    let jieba = crate::segment::Segmenter::shared().jieba();
    jieba.has_word(stem)
        && matches!(
            jieba.tag(stem, false).as_slice(),
            [one] if matches!(one.tag, "nz" | "j")
        )
}

/// The last rules of [`find_anchor`]: teams, country pairs and abbreviations, nz words.
fn proper_or_abbreviation(p: &Paragraph<'_>, i: usize) -> Option<Anchor> {
    let t = &p.tokens[i];
    // 申花队, 国安队, 联航队: a team named by a stem jieba knows as a name.
    if t.len() == 3
        && t.word.ends_with('队')
        && (matches!(t.pos, "nz" | "nt" | "j") || t.pos == "n" && proper_stem(&t.word[..6]))
        && !NOT_HEADS.contains(t.word)
        && !["国家队", "青年队", "少年队", "代表队"].contains(&t.word)
    {
        return Some(Anchor::Tagged);
    }
    if (2..=3).contains(&t.len()) && t.word.chars().all(|c| COUNTRY_ABBREV_CHARS.contains(&c)) {
        return Some(Anchor::Proper);
    }
    if t.len() == 1 && t.word.chars().all(|c| COUNTRY_ABBREV_CHARS.contains(&c)) {
        return Some(Anchor::Abbrev);
    }
    // 欣闻/中央民族乐团: a word jieba tags nz before a whole name is not part of it.
    if t.pos == "nz"
        && t.len() >= 2
        && !t.word.starts_with("本报")
        && !t.word.ends_with('讯')
        && !p.tokens.get(i + 1).is_some_and(|x| {
            // 世界杯赛/nz 中共/j: nor before a body the list knows.
            matches!(anchor_at(p, i + 1), Some(Anchor::Known(_)))
                || x.pos == "nt" && matches!(anchor_at(p, i + 1), Some(Anchor::Tagged))
                // 诺言/nz 政府: a common word jieba tags nz names no government.
                || matches!(
                    x.word,
                    "政府" | "内阁" | "现政府" | "新政府" | "前政府" | "原政府" | "旧政府"
                )
                // 升班马/天津女排, 力克/上海/远东队: nor before a place opening a name.
                || matches!(
                    anchor_at(p, i + 1),
                    Some(Anchor::Place | Anchor::PlaceCompound(_))
                )
        })
    {
        return Some(Anchor::Proper);
    }
    None
}

/// An edition ending in `unit` starting at token `j` (第十五次, 第九届, 第四、五、六届): the index
/// of the token after it. People's Daily names a congress with its session inside
/// (中国共产党第十五次全国代表大会) and a parliament's term before it (第九届全国人民代表大会).
#[inline(always)]
fn edition_end(tokens: &[Token<'_>], j: usize, unit: char) -> Option<usize> {
    // Most words the chains walk are no numeral.
    if tokens[j].pos != "m" {
        return None;
    }
    edition_end_from(tokens, j, unit)
}

/// [`edition_end`] once token `j` is a numeral.
fn edition_end_from(tokens: &[Token<'_>], j: usize, unit: char) -> Option<usize> {
    let mut k = j;
    // 第四、五、六届: numerals joined by 、 up to the one that ends in 届.
    while k < tokens.len() && k < j + 9 {
        let w = tokens[k].word;
        if tokens[k].pos == "m" && w.ends_with(unit) {
            let numeral = w.trim_start_matches('第').trim_end_matches(unit);
            let ok = !numeral.is_empty()
                && numeral
                    .chars()
                    .all(|c| c.is_ascii_digit() || "零〇一二三四五六七八九十百".contains(c));
            return ok.then_some(k + 1);
        }
        if !(tokens[k].pos == "m" || tokens[k].word == "、") {
            return None;
        }
        k += 1;
    }
    None
}

/// Heads of branches named after the place they serve: 新华社香港分社, 大和银行纽约分行,
/// TCL集团成都公司.
fn is_branch_head(word: &str) -> bool {
    word.starts_with('分')
        || matches!(
            word,
            "公司"
                | "办事处"
                | "代表处"
                | "分公司"
                | "分行"
                | "分社"
                | "分会"
                | "分局"
                | "分院"
                | "分校"
        )
}

/// Whether token `j`, right after a complete name, opens a new one: a place or a known
/// organization not followed by a branch head.
fn starts_new_name(p: &Paragraph<'_>, j: usize, head: &str) -> bool {
    let tokens = p.tokens;
    // 人民日报/文艺部, 中央电视台/体育部: a department with no place of its own belongs to
    // the name before it.
    let w = tokens[j].word;
    if ["部", "处", "室", "科", "系", "司", "组"]
        .iter()
        .any(|d| w.ends_with(d))
        && p.gazetteer_at(tokens[j].start).is_none()
        && tokens.get(j + 1).is_none_or(|x| head_of(x.word).is_none())
    {
        return false;
    }
    // 中国人民大学/法学院, 天津医科大学总医院/儿科: a unit with no place of its own inside an
    // institution, a hospital or a company.
    if (is_institution(head)
        || ["医院", "公司", "集团", "局", "委"]
            .iter()
            .any(|h| head.ends_with(h)))
        && p.gazetteer_at(tokens[j].start).is_none()
        && anchor_at(p, j) == Some(Anchor::Tagged)
    {
        return false;
    }
    // 中共/黑龙江省委, 民盟/北京市委: a party's committees are named with it.
    if (matches!(head, "中共" | "中国共产党") || is_party_with_committees(head))
        && (anchor_at(p, j) == Some(Anchor::Place)
            || matches!(
                anchor_at(p, j),
                Some(Anchor::Tagged | Anchor::PlaceCompound(_))
            ) && (w.ends_with('委') || w.ends_with("委员会"))
            // 中共/华北局, 中共/中央军委: the party's bureaus and central organs.
            || head == "中共"
                && (w.starts_with("中央") || w.ends_with('局'))
                && head_of(w).is_some())
    {
        return false;
    }
    // 洛阳市委/市政府: the government beside the party committee is a body of its own.
    if head.ends_with('委') && matches!(w, "市政府" | "县政府" | "省政府" | "区政府" | "政府")
    {
        return true;
    }
    // 工行/北京分行: a branch named by its place belongs to the bank before it.
    if let Some(Anchor::PlaceCompound(n)) = anchor_at(p, j)
        && is_branch_head(p.slice(tokens[j].start + n, tokens[j].end))
    {
        return false;
    }
    match anchor_at(p, j) {
        Some(Anchor::Known(_) | Anchor::Tagged | Anchor::PlaceCompound(_)) => true,
        // A department of an institution may be named for a foreign area it studies
        // (白俄罗斯国立大学欧亚研究系); a Chinese division opens the next name in a list.
        Some(Anchor::Place)
            if is_institution(head)
                && !crate::lexicon::CHINA_ADMIN.contains(tokens[j].word)
                && !matches!(tokens[j].word, "中国" | "中华人民共和国") =>
        {
            false
        }
        Some(Anchor::Place) => {
            let mut k = j + 1;
            while k < tokens.len() && p.is_place_token(k) {
                k += 1;
            }
            // 邯郸县公安局黄粱梦派出所, 中国水产科学院黑龙江水产研究所: a unit of the body before
            // it, named by the place it serves.
            let parent = ["局", "公司", "院", "银行", "总队", "军区", "部", "委"]
                .iter()
                .any(|h| head.ends_with(h))
                && !head.ends_with("医院")
                || matches!(head, "武警" | "解放军" | "八路军");
            let unit = tokens[k.min(tokens.len())..(k + 3).min(tokens.len())]
                .iter()
                .take_while(|t| !is_stop(t))
                .any(|t| {
                    [
                        "派出所",
                        "支行",
                        "分理处",
                        "加油站",
                        "工委",
                        "研究所",
                        "支队",
                        "大队",
                        "分院",
                        "工商所",
                        "税务所",
                        "警察署",
                        "研究院",
                        "设计院",
                        "代表处",
                        "办事处",
                        "营业部",
                        "建委",
                        "总队",
                        "中队",
                        "总医院",
                        "办",
                        "公安处",
                    ]
                    .iter()
                    .any(|u| t.word.ends_with(u))
                });
            let branch = tokens
                .get(k)
                .is_some_and(|t| is_branch_head(t.word) || is_connector(t));
            !(parent && unit || branch)
        }
        _ => false,
    }
}

/// A person's title or profession (处长, 主治医师, 农艺师, 副研究馆员): a name ends before it.
fn is_role(word: &str) -> bool {
    TITLES.contains(word)
        || word.ends_with(['师', '审', '员', '导'])
            && word.chars().count() >= 2
            && [
                "医师",
                "农艺师",
                "工程师",
                "策略师",
                "分析师",
                "律师",
                "教师",
                "编审",
                "研究员",
                "馆员",
                "编导",
            ]
            .iter()
            .any(|r| word.ends_with(r))
}

/// A word that is or ends in a title (处长, 宣传处处长 as jieba cuts it 处处长).
fn ends_in_role(word: &str) -> bool {
    is_role(word)
        || word
            .char_indices()
            .skip(1)
            .any(|(b, _)| word[b..].chars().count() >= 2 && TITLES.contains(&word[b..]))
}

/// The name that opens at token `i` with `anchor`: the index of its last token, when it ends in
/// a head (or is a known organization).
fn chain_from(p: &Paragraph<'_>, i: usize, anchor: Anchor) -> Option<usize> {
    let tokens = p.tokens;
    let mut last_head: Option<usize> = None;
    let mut seen_head_word: Option<&str> = None;
    let mut k = i;
    if let Anchor::Known(end) = anchor {
        last_head = Some(end);
        seen_head_word = Some(tokens[end].word);
        k = end;
    }
    if let Anchor::PlaceCompound(_) | Anchor::Tagged = anchor {
        last_head = Some(i);
        seen_head_word = Some(tokens[i].word);
    }
    // An abbreviation names nothing but the organ right after it.
    if anchor == Anchor::Abbrev
        && !tokens
            .get(i + 1)
            .is_some_and(|x| abbreviated_organ(tokens[i].word, x.word))
    {
        return None;
    }
    let limit = (i + MAX_TOKENS).min(tokens.len());
    let mut j = k + 1;
    while j < limit {
        let t = &tokens[j];
        let prev = &tokens[j - 1];
        let ordinal = chinese_ordinal_word(t);
        // 北京军区/驻/张家口/部队: the body's troops or office stationed in a place.
        if t.word == "驻"
            && last_head == Some(j - 1)
            && j + 2 < limit
            && p.is_place_token(j + 1)
            && matches!(tokens[j + 2].word, "部队" | "办事处" | "代表处" | "记者站")
        {
            last_head = Some(j + 2);
            seen_head_word = Some(tokens[j + 2].word);
            j += 3;
            continue;
        }
        // 淮河/医院院长, 科技/局局长, 航班时刻/处处长: the name ends inside the word naming the
        // role.
        if j > i && head_at(p, j).is_none() && head_before_role(t.word).is_some() {
            last_head = Some(j - 1);
            break;
        }
        if let Some(kn) = known_at(p, j) {
            // 中共/中央军委, 总政/文化部: a known organ under the party or a general department.
            let under = j == i + 1
                && match tokens[i].word {
                    "中共" => {
                        tokens[j].word.starts_with("中央") || tokens[kn].word.ends_with('局')
                    }
                    "总政" | "总后" | "总参" => tokens[kn].word.ends_with(['部', '局', '处']),
                    // 中央电视台/文化部: a department of a broadcaster or a paper.
                    w if w.ends_with(['台', '报']) || w.ends_with("报社") => {
                        tokens[kn].word.ends_with('部') && !is_publication(w)
                    }
                    // 解放军/南京军区: the army's regions and departments.
                    "解放军" | "中国人民解放军" => {
                        tokens[kn].word.ends_with(['部', '院']) || tokens[kn].word.ends_with("军区")
                    }
                    _ => false,
                };
            if !under && (j != i + 1 || matches!(anchor, Anchor::Known(_))) {
                break;
            }
            // A known organization inside a longer name (中国国务院, 白俄罗斯战略研究所…).
            last_head = Some(kn);
            seen_head_word = Some(tokens[kn].word);
            j = kn + 1;
            continue;
        }
        // 第十五次: a session inside a name (中国共产党第十五次全国代表大会).
        if let Some(after) = edition_end(tokens, j, '次') {
            if after < limit && !is_stop(&tokens[after]) {
                j = after;
                continue;
            }
            break;
        }
        // 中国人民政治协商会议/第九届/全国委员会: the conference's national committee for a
        // term is one body.
        if let Some(after) = edition_end(tokens, j, '届')
            && last_head == Some(j - 1)
            && (prev.word.ends_with("政治协商会议") || prev.word == "政协")
            && let Some(head) = match tokens.get(after).map(|x| x.word) {
                Some("全国委员会") => Some(after),
                Some("全国") if tokens.get(after + 1).is_some_and(|x| x.word == "委员会") => {
                    Some(after + 1)
                }
                _ => None,
            }
        {
            last_head = Some(head);
            seen_head_word = Some(tokens[head].word);
            j = head + 1;
            continue;
        }
        // 国家技术监督局/日前, 抗日战争/初期: a time word that tells when ends a name; others
        // name bodies (老年豫剧团, 节日管弦乐团, 早期生命研究所).
        if matches!(t.pos, "t" | "tg")
            && (matches!(
                t.word,
                "日前"
                    | "目前"
                    | "近日"
                    | "近期"
                    | "最近"
                    | "当前"
                    | "现在"
                    | "今天"
                    | "昨天"
                    | "明天"
                    | "今年"
                    | "去年"
                    | "明年"
                    | "此前"
                    | "此后"
                    | "初期"
                    | "末期"
                    | "期间"
                    | "今后"
                    | "近年"
                    | "如今"
                    | "当时"
                    | "同时"
                    | "现"
            ))
        {
            break;
        }
        // 中国工商银行/全国分行(行长会议): branches everywhere are no unit of the name.
        if last_head == Some(j - 1)
            && matches!(t.word, "全国" | "城市" | "基层" | "各地")
            && tokens.get(j + 1).is_some_and(|x| is_branch_head(x.word))
        {
            break;
        }
        // 北京军区251医院, 杭州/第八/中学, 北京市/五十五/中学: a unit numbered inside the name.
        // 天津/中药/六厂, 天津/地毯/十四/厂: a factory or squad known by its number.
        let numbered_unit = |w: &str| {
            w.ends_with(['厂', '队'])
                && w.chars().count() >= 2
                && w.chars().rev().skip(1).all(is_chinese_digit)
        };
        // (空军电讯工程学院/七队: a school's classes stay out.)
        if j > i
            && numbered_unit(t.word)
            && !seen_head_word.is_some_and(|w| w.ends_with(['院', '学', '校']))
        {
            last_head = Some(j);
            seen_head_word = Some(t.word);
            j += 1;
            continue;
        }
        if j > i
            && ordinal
            && !t.word.starts_with('第')
            && tokens
                .get(j + 1)
                .is_some_and(|x| x.start == t.end && matches!(x.word, "厂" | "队"))
        {
            last_head = Some(j + 1);
            seen_head_word = Some(tokens[j + 1].word);
            j += 2;
            continue;
        }
        // 北京/一一/五/中学: a number jieba cut in two.
        let split_number = ordinal
            && tokens.get(j + 1).is_some_and(|x| {
                chinese_ordinal_word(x) && !x.word.starts_with('第') && x.start == t.end
            });
        if split_number
            && tokens
                .get(j + 2)
                .is_some_and(|x| matches!(x.word, "中学" | "小学"))
        {
            j += 1;
            continue;
        }
        // 北京市/第一/福利院, 铁道部/第十二/工程局: a numbered unit with a head of its own.
        let chinese_ordinal = ordinal
            && tokens.get(j + 1).is_some_and(|x| {
                matches!(x.word, "中学" | "小学" | "医院" | "人民医院")
                    // 消防/二/中队, 交警/三/大队: numbered squads.
                    || matches!(x.word, "中队" | "大队" | "支队" | "总队")
                    // 山西/第五/建筑/公司: a numbered firm of a trade.
                    || t.word.starts_with('第')
                        && is_trade(x.word)
                        && tokens
                            .get(j + 2)
                            .is_some_and(|h| FIRM_HEADS.contains(&h.word))
                    // 沈阳医科大学/第一/附属/医院.
                    || x.word == "附属"
                        && tokens.get(j + 2).is_some_and(|h| head_of(h.word).is_some())
                    || t.word.starts_with('第')
                        && x.start == t.end
                        && x.len() >= 2
                        && head_of(x.word).is_some()
                        && !NOT_HEADS.contains(x.word)
            });
        // 云南省/第二/人民/医院: a numbered people's hospital.
        if ordinal
            && t.word.starts_with('第')
            && tokens.get(j + 1).is_some_and(|x| x.word == "人民")
            && tokens.get(j + 2).is_some_and(|x| x.word == "医院")
            && tokens[j + 2].start == tokens[j + 1].end
        {
            last_head = Some(j + 2);
            seen_head_word = Some("医院");
            j += 3;
            continue;
        }
        // 山东数学/会, 中国长江技术经济学/会: a learned society jieba cut inside 学会.
        if t.word == "会" && prev.word.ends_with('学') && prev.len() >= 2 && t.start == prev.end {
            last_head = Some(j);
            seen_head_word = Some("学会");
            j += 1;
            continue;
        }
        // 致公党/中央: a party's central committee.
        if t.word == "中央" && last_head == Some(j - 1) && prev.word.ends_with('党') {
            last_head = Some(j);
            seen_head_word = Some(t.word);
            j += 1;
            continue;
        }
        if chinese_ordinal
            && tokens
                .get(j + 1)
                .is_some_and(|x| x.word == "附属" || is_trade(x.word))
        {
            j += 1;
            continue;
        }
        if (last_head == Some(j - 1) && t.word.bytes().all(|b| b.is_ascii_digit())
            || chinese_ordinal)
            && tokens
                .get(j + 1)
                .is_some_and(|x| head_of(x.word) == Some(true))
        {
            last_head = Some(j + 1);
            seen_head_word = Some(tokens[j + 1].word);
            j += 2;
            continue;
        }
        // 华安工业（集团）公司, 爱立信（中国）有限公司.
        if t.word == "("
            && j + 3 < tokens.len()
            && tokens[j + 2].word == ")"
            && (matches!(tokens[j + 1].word, "集团" | "控股" | "股份")
                || super::place::in_gazetteer(tokens[j + 1].word))
            && head_of(tokens[j + 3].word).is_some()
        {
            j += 3;
            continue;
        }
        if (last_head.is_some() || t.word.ends_with("记者"))
            && tokens
                .get(j + 1)
                .is_some_and(|x| x.pos.starts_with("nr") && x.len() >= 2)
            && ends_in_role(t.word)
        {
            // 宣传处处长雷厚礼, 记者成元生: a person follows the title after a head (or a
            // reporter's title), the name stopped before.
            break;
        }
        if last_head.is_some()
            && (is_role(t.word)
                || t.word == "副" && tokens.get(j + 1).is_some_and(|x| is_role(x.word)))
        {
            // 处长, 主治医师, 演员: a person's role after the name.
            break;
        }
        if j > i + 1
            && last_head != Some(j - 1)
            && tokens[j - 1].pos != "m"
            // 美国/加利福尼亚/理工学院, 中国康复研究中心/附属/北京/博爱医院: places before a
            // whole name are part of it.
            && !(p.is_place_token(j - 1)
                && (p.is_place_token(i) || j >= 2 && tokens[j - 2].word == "附属"))
            && matches!(
                anchor_at(p, j),
                Some(Anchor::Tagged | Anchor::PlaceCompound(_))
            )
        {
            // A whole name after words that are not a head: 人民大会堂会见德国西门子公司.
            break;
        }
        if last_head == Some(j - 1) && starts_new_name(p, j, tokens[j - 1].word) {
            // Names listed without separators: 北京电视台北京市儿童艺术剧团.
            break;
        }
        // 华西医科大学/附属/第一/医院, 联合国/特别/委员会, 中国奥委会/反/兴奋剂/委员会: words
        // that stand inside names before the unit they qualify.
        if j > i
            && matches!(t.word, "附属" | "特别" | "反")
            // 尼加拉瓜/反/政府/武装: against the government, not a body of it.
            && !(t.word == "反" && tokens.get(j + 1).is_some_and(|x| x.word == "政府"))
            && tokens[j + 1..(j + 4).min(limit)]
                .iter()
                .take_while(|x| !matches!(x.pos, "x" | "w" | "uj" | "p" | "c" | "v"))
                .any(|x| {
                    head_of(x.word).is_some() || head_before_role(x.word).is_some()
                })
        {
            j += 1;
            continue;
        }
        // 中共/吉林/市委书记: the body ends inside the word naming the role after the place.
        if last_head.is_some()
            && p.is_place_token(j)
            && tokens
                .get(j + 1)
                .is_some_and(|x| head_before_role(x.word).is_some())
        {
            last_head = Some(j);
            break;
        }
        // 全国妇联/积极开展/…: a set phrase (l) after a complete name ends it unless a head
        // follows (有限责任/公司).
        if t.pos == "l"
            && last_head.is_some()
            && head_at(p, j).is_none()
            && tokens
                .get(j + 1)
                .is_none_or(|_| head_at(p, j + 1).is_none())
        {
            break;
        }
        // 美国/ATT/公司: a Latin-letter name before a firm's head.
        if t.pos == "eng"
            && tokens
                .get(j + 1)
                .is_some_and(|x| x.start == t.end && is_company_head(x.word))
        {
            j += 1;
            continue;
        }
        if is_stop(t)
            // 人民大会堂/会见, 委员会/资助: verbs jieba tags as nouns.
            || matches!(t.word, "会见" | "接见" | "会晤" | "资助" | "委托" | "授予")
            || matches!(
                t.word,
                "成员国"
                    | "成员"
                    | "首任"
                    | "前任"
                    | "现任"
                    | "新任"
                    | "历任"
                    | "代表"
                    | "人士"
                    | "官员"
                    | "同志"
            )
        {
            break;
        }
        // 英国工党/政府: a party's government is no name, the party is.
        if last_head == Some(j - 1)
            && prev.word.ends_with('党')
            && matches!(t.word, "政府" | "新政府" | "内阁")
        {
            break;
        }
        // 延庆县/原/县委书记: a former holder of a role, not the body's name.
        if matches!(t.word, "原" | "前" | "现")
            && tokens
                .get(j + 1)
                .is_some_and(|x| head_before_role(x.word).is_some() || ends_in_role(x.word))
        {
            break;
        }
        // 捷克新政府, 抗议现政府: a government of a time is no name.
        if matches!(t.word, "新" | "原" | "现" | "前" | "旧")
            && tokens
                .get(j + 1)
                .is_some_and(|x| matches!(x.word, "政府" | "内阁" | "议会" | "国会"))
        {
            break;
        }
        // 解放区发展成为我党我军: a pronoun (我党, 其) inside is no part of a name; nor a verb
        // of becoming (大楼/改为/股份有限公司), nor the party alone after a firm
        // (有限公司/党/的工作员).
        if j > i
            && (t.pos == "r"
                || t.word.starts_with('我')
                || t.pos.starts_with('v') && t.word.ends_with(['为', '成'])
                || t.word == "党")
        {
            break;
        }
        if is_connector(t) {
            // 人大代表和政府: a bare head after the conjunction is a second noun, not a name;
            // 传统美德和我党我军: nor is one that opens with a pronoun.
            if tokens
                .get(j + 1)
                .is_some_and(|x| x.pos == "r" || x.word.starts_with(['我', '本', '该', '其']))
            {
                break;
            }
            if prev.len() >= 2
                && tokens
                    .get(j + 1)
                    .is_some_and(|x| head_of(x.word).is_some() && x.len() <= 2)
            {
                break;
            }
            let next_anchor = j + 1 < tokens.len()
                && matches!(
                    anchor_at(p, j + 1),
                    Some(Anchor::Place | Anchor::Known(_) | Anchor::Abbrev)
                );
            let after_head = seen_head_word.is_some_and(|w| !is_institution(w));
            // 嘉峪关市和酒钢公司: a place alone before the conjunction is one item of a list.
            let bare_place = j == i + 1 && anchor == Anchor::Place;
            // 香港科技大学和浸会大学: the same head again after it makes a list of two names.
            let same_head_again = seen_head_word.is_some_and(|w| {
                tokens[j + 1..limit.min(j + 6)]
                    .iter()
                    .take_while(|x| !is_stop(x))
                    .any(|x| head_suffix(x.word).is_some() && head_suffix(x.word) == head_suffix(w))
            });
            if next_anchor || after_head || bare_place || same_head_again || j + 1 >= tokens.len() {
                break;
            }
            j += 1;
            continue;
        }
        if t.pos.starts_with('v')
            && t.pos != "vn"
            && j + 1 < tokens.len()
            && head_at(p, j).is_none()
            && (matches!(
                anchor_at(p, j + 1),
                Some(Anchor::Place | Anchor::Known(_) | Anchor::Tagged | Anchor::State)
            ) || matches!(tokens[j + 1].pos, "ns" | "nz" | "nt" | "nr" | "nrt"))
        {
            // A verb before another name is a clause (会见德国西门子公司, 来自香港科技大学).
            break;
        }
        if t.pos.starts_with('v') && t.pos != "vn" {
            // A verb right after the place or the head: the clause goes on (中国支持…,
            // 中国政府决定…).
            // So does setting a body up after a further place (太岳区/沁县/设立/办事处).
            let prev_anchor = j == i + 1 && !matches!(anchor, Anchor::Known(_))
                || j > i + 1
                    && last_head.is_none()
                    && p.is_place_token(j - 1)
                    && matches!(t.word, "设立" | "成立" | "组建" | "建立" | "组成" | "设有");
            // 肯尼亚/选举/委员会: a verb naming the body's task, right before its head.
            let task = t.len() == 2
                && !matches!(
                    t.word,
                    "设立" | "成立" | "组建" | "建立" | "组成" | "派出" | "派遣" | "分给" | "设有"
                )
                && (tokens
                    .get(j + 1)
                    .is_some_and(|x| x.len() >= 3 && head_of(x.word) == Some(true))
                    // 湖南省/减轻/农民负担/办公室: the task's object before the head, right
                    // after the place.
                    || j == i + 1
                        && anchor == Anchor::Place
                        && last_head.is_none()
                        && !matches!(t.word, "成为" | "变成" | "作为" | "建成" | "参加" | "避开")
                        && tokens.get(j + 1).is_some_and(|x| x.pos == "n" && x.len() >= 2)
                        && tokens
                            .get(j + 2)
                            .is_some_and(|x| x.len() >= 3 && head_of(x.word) == Some(true)));
            // 八路军总部/命令/率领/八路军: after a complete name, a verb before another whole
            // name is the clause's.
            let clause = last_head.is_some()
                && head_at(p, j).is_none()
                && tokens
                    .get(j + 1)
                    .is_some_and(|x| x.len() >= 3 && head_of(x.word).is_some());
            // 上海/建设/成为/国际/金融中心: a verb with no head within two words is the
            // sentence's, not the name's.
            let headless = head_at(p, j).is_none()
                && !tokens[j + 1..(j + 3).min(tokens.len())]
                    .iter()
                    .any(|x| head_of(x.word).is_some() || head_before_role(x.word).is_some());
            // 西南/联合/大学, 惠珍/联合/医院: 联合 names the body; 中国文联/出版/公司: so
            // does a trade.
            let joint = (t.word == "联合" || is_trade(t.word))
                && tokens.get(j + 1).is_some_and(|x| {
                    head_of(x.word).is_some() || head_before_role(x.word).is_some()
                })
                // 北京军区/给水/工程/团: a unit named by what it does.
                || t.len() == 2
                    && last_head.is_some()
                    && tokens[j + 1..(j + 3).min(tokens.len())]
                        .iter()
                        .take_while(|x| matches!(x.pos, "n" | "vn") || x.word == "团")
                        .any(|x| x.word == "团" || x.word.ends_with(['队', '团']) && x.len() >= 2);
            // 上海/建设/成为…: a copula never stands inside a name.
            let copula = matches!(t.word, "成为" | "是" | "作为" | "变成" | "建成" | "当作");
            // 第一书记/黄启/带领: a verb after a person's name is the person's.
            // (A county jieba tags as a person's name is no person.)
            let after_person =
                prev.pos.starts_with("nr") && prev.len() >= 2 && !p.is_place_token(j - 1);
            if !task
                && !joint
                && (prev_anchor
                    || after_person
                    || clause
                    || headless
                    || copula
                    || Some(j - 1) == last_head
                    || t.len() == 1 && head_at(p, j).is_none())
            {
                break;
            }
        }
        // 社科院/农发/所, 航天部/615/所: jieba tags the institute's 所 as a conjunction.
        if t.word == "所"
            && t.start == prev.end
            && (prev.pos == "j" && prev.len() >= 2
                || prev.word.bytes().all(|b| b.is_ascii_digit()) && last_head == Some(j - 2))
            // 为中国人民/所/敬重: the passive particle before a verb.
            && !tokens
                .get(j + 1)
                .is_some_and(|x| x.pos.starts_with('v') || x.pos == "uj")
        {
            last_head = Some(j);
            seen_head_word = Some("研究所");
            j += 1;
            continue;
        }
        // 中国/南方/航空（集团）公司: a direction naming the firm.
        let direction = matches!(t.word, "南方" | "北方" | "东方" | "西方")
            && tokens
                .get(j + 1)
                .is_some_and(|x| x.start == t.end && matches!(x.pos, "n" | "nz" | "vn"));
        if t.pos.starts_with('p')
            || t.pos.starts_with('c')
            || t.pos == "f" && t.word != "间" && !direction
        {
            break;
        }
        // 由省/体委, 向市/政府: a preposition jieba glued to the next word's first character.
        if t.len() == 2
            && t.word
                .starts_with(['由', '向', '被', '把', '从', '对', '在'])
            && t.word.ends_with(['省', '市', '县', '区', '乡', '镇'])
        {
            break;
        }
        if t.pos.starts_with("nr")
            && t.len() >= 2
            && prev.pos.starts_with('n')
            && last_head.is_some()
            && head_at(p, j).is_none()
            // 金溪县, 嘉陵区: a county jieba tags as a name.
            && !(t.len() >= 3 && t.word.ends_with(['县', '市', '区', '镇', '乡']))
            // 公安局/黄粱梦/派出所, 石油公司/邹城/分公司: a unit named by a name of its own.
            && !tokens
                .get(j + 1)
                .is_some_and(|x| x.start == t.end && x.len() >= 2 && head_of(x.word).is_some())
        {
            // A person's name after an organization (外交部发言人唐国强 stops before the name).
            break;
        }
        // 南史辛庄村村民赵文军, 速滑名将白圭司, 总统卢卡申科, 男选手容国团: a person named after
        // the people he belongs to or his role, even when the name ends like a head (军, 司,
        // 科, 团).
        let named_person = matches!(t.pos, "nr" | "nrfg" | "nrt") && t.len() >= 2
            || t.len() == 3 && crate::lexicon::SURNAMES.contains(&t.word[..3]);
        if named_person
            && (matches!(
                prev.word,
                "村民" | "农民" | "居民" | "职工" | "工人" | "战士" | "学生" | "群众"
            ) || [
                "名将", "选手", "总统", "总理", "首相", "主席", "国王", "球员", "队员",
            ]
            .iter()
            .any(|r| prev.word.ends_with(r)))
            && !tokens
                .get(j + 1)
                .is_some_and(|x| x.start == t.end && head_of(x.word).is_some())
        {
            break;
        }
        if let Some(strong) = head_at(p, j)
            && !NOT_HEADS.contains(t.word)
            // 党代表, 副政委, 事务所律师: a member's role, not the body.
            && !(t.len() > 2 && ends_in_role(t.word))
            // 华北电力集团公司骨干发电企业: a complete name does not go on to firms in general.
            && !(last_head.is_some() && matches!(t.word, "企业" | "单位" | "部门"))
            // 上合组织/命运/共同体: a community with a shared future is an idea.
            && !(t.word == "共同体" && matches!(prev.word, "命运" | "利益"))
        {
            let ok = strong
                || t.len() > 1
                || prev.pos.starts_with('n')
                || prev.pos == "vn"
                || last_head.is_some();
            if ok {
                last_head = Some(j);
                seen_head_word = Some(t.word);
            }
        }
        j += 1;
    }
    let end = last_head?;
    let head = tokens[end].word;
    match anchor {
        Anchor::State => (end > i && is_government_head(head) || matches!(head, "总工会" | "妇联"))
            .then_some(end),
        Anchor::Abbrev => (end == i + 1 && abbreviated_organ(tokens[i].word, head)).then_some(end),
        _ => (end > i
            || matches!(
                anchor,
                Anchor::Known(_) | Anchor::PlaceCompound(_) | Anchor::Tagged
            ))
        .then_some(end),
    }
}

/// Whether `head` is a state organ that a country's one-character abbreviation `abbrev` names
/// (俄外交部, 菲卫生部, 以政府).
fn abbreviated_organ(abbrev: &str, head: &str) -> bool {
    STATE_ORGANS.contains(&head)
        || head.ends_with('部')
            && head.chars().count() >= 3
            && (ORG_ABBREVS.contains(head) || abbrev != "以")
}

/// Where a name that opens at token `i` right after a single dash really starts: at the word
/// before the dash (时代—沃纳公司, 哈佛—史密森研究所), or at the place before that word
/// (美国C—CUBE公司, reported as a place too). `None` when no such word is there.
fn joined_by_dash(p: &Paragraph<'_>, i: usize) -> Option<(usize, Option<(usize, usize)>)> {
    let tokens = p.tokens;
    let dash = tokens.get(i.checked_sub(1)?)?;
    let word = tokens.get(i.checked_sub(2)?)?;
    if !matches!(dash.word, "—" | "-" | "－")
        || dash.end != tokens[i].start
        || word.end != dash.start
        || !(word.pos == "eng" || word.len() >= 2 && !is_stop(word))
        || matches!(word.pos, "v" | "vn" | "a" | "ad" | "d" | "p" | "c")
        || super::place::in_gazetteer(word.word)
    {
        return None;
    }
    match i.checked_sub(3).map(|k| (k, &tokens[k])) {
        Some((k, place)) if place.end == word.start && p.is_place_token(k) => {
            Some((place.start, Some((place.start, place.end))))
        }
        _ => Some((word.start, None)),
    }
}

/// The Chinese digits one to ten.
#[cfg(test)]
const CHINESE_DIGITS: &str = "一二三四五六七八九十";

/// A character naming a direction (东, 南, 西, 北, 中): words of them alone name parts of a
/// region (东北部, 中部).
fn is_direction(c: char) -> bool {
    matches!(c, '东' | '南' | '西' | '北' | '中')
}

/// A character that opens a quantity rather than a name (一, 两, 几, 多, 各 …).
fn is_quantity(c: char) -> bool {
    is_chinese_digit(c) || matches!(c, '两' | '几' | '多' | '各')
}

/// A Chinese digit from one to ten (一 … 十).
fn is_chinese_digit(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// A number in Chinese numerals, maybe an ordinal (第八, 五十五).
fn chinese_ordinal_word(t: &Token<'_>) -> bool {
    if t.pos != "m" {
        return false;
    }
    let digits = t.word.trim_start_matches('第');
    !digits.is_empty() && digits.chars().all(|c| is_chinese_digit(c) || c == '百')
}

/// A word made of an organization and a member's role (中央政治局常委, 中央委员会委员): the
/// length in characters of the organization part.
fn head_before_role(word: &str) -> Option<usize> {
    // Most words end in a character no role below ends in.
    if !word.ends_with(ROLE_LAST_CHARS) {
        return None;
    }
    let stem = ROLES_AFTER_BODY.iter().find_map(|r| word.strip_suffix(r))?;
    let n = stem.chars().count();
    // 原县委书记: a former holder, not the body's name; 学部委员 is an academician's title.
    if stem.starts_with(['原', '前', '现']) || word == "学部委员" {
        return None;
    }
    // 医院/院长, 科技局/局长 as jieba glues them (医院院长, 局局长).
    (n >= 2 && head_of(stem).is_some()
        || n == 1 && matches!(stem, "局" | "处" | "院" | "所" | "团" | "厅" | "科"))
    .then_some(n)
}

/// The roles [`head_before_role`] finds glued after a body's name.
const ROLES_AFTER_BODY: [&str; 22] = [
    "常委",
    "委员",
    "副书记",
    "书记",
    "副主席",
    "主席",
    "副会长",
    "会长",
    "秘书长",
    "副院长",
    "院长",
    "副局长",
    "局长",
    "副处长",
    "处长",
    "所长",
    "团长",
    "厅长",
    "科长",
    "副主任",
    "主任",
    "会员",
];

/// The last characters of [`ROLES_AFTER_BODY`].
const ROLE_LAST_CHARS: [char; 6] = ['委', '员', '记', '席', '长', '任'];

/// Whether a name is a publication's title (光明日报, 经济周刊) rather than the body that
/// publishes it (人民日报社, 求是杂志社).
fn is_publication(name: &str) -> bool {
    ["报", "周刊", "杂志", "月刊"]
        .iter()
        .any(|e| name.ends_with(e))
        && ![
            "情报",
            "电报",
            "汇报",
            "简报",
            "通报",
            "公报",
            "机关报",
            "党报",
        ]
        .iter()
        .any(|e| name.ends_with(e))
}

/// Roles that make a publication an institution: 《哈萨克斯坦实业报》总编辑 is the newspaper as
/// a body; cited as a source (据《光明日报》报道, 解放军报记者) it is a title, which People's Daily
/// does not count as an organization.
fn institution_cue_at(p: &Paragraph<'_>, e: usize) -> bool {
    let after = p.slice(e, (e + 5).min(p.len()));
    let after = after.strip_prefix('》').unwrap_or(after);
    [
        "总编辑",
        "副总编",
        "总编",
        "主编",
        "副主编",
        "社长",
        "副社长",
        "编辑部",
        "编委会",
        "社",
    ]
    .iter()
    .any(|c| after.starts_with(c))
}

/// A newspaper or journal title in 《》 ending in 报/日报/周刊/杂志: the characters inside.
fn newspaper_at(p: &Paragraph<'_>, open: usize) -> Option<(usize, usize)> {
    let close = (open + 1..(open + 20).min(p.len())).find(|&c| p.chars[c] == '》')?;
    let inner = p.slice(open + 1, close);
    let n = close - open - 1;
    let ends = ["报", "周刊", "杂志", "月刊", "画报", "时报", "通讯社"];
    (n >= 3 && ends.iter().any(|e| inner.ends_with(e)) && !inner.ends_with("情报"))
        .then_some((open + 1, close))
}

/// Where the place that opens an organization's name ends without its unit word: People's
/// Daily style names 西藏 in 西藏自治区人民政府, 广西 in 广西壮族自治区政府 and 香港 in
/// 香港特别行政区政府 (provinces and cities keep theirs: 辽宁省, 北京市).
fn bare_place_end(p: &Paragraph<'_>, s: usize, pe: usize) -> usize {
    let name = p.slice(s, pe);
    if !["自治区", "特别行政区", "特区"]
        .iter()
        .any(|u| name.ends_with(u))
    {
        return pe;
    }
    (s + 2..pe)
        .rev()
        .find(|&k| super::place::in_gazetteer(p.slice(s, k)))
        .unwrap_or(pe)
}

/// Find organization names and claim their characters.
/// A mission abroad (中华人民共和国驻南非共和国大使馆, 中国驻美国总领事馆): a country, 驻, one or
/// two places and a mission head. The index of the head token and of the places inside.
fn mission_at(p: &Paragraph<'_>, i: usize) -> Option<(usize, Vec<(usize, usize)>)> {
    const MISSIONS: [&str; 7] = [
        "大使馆",
        "总领事馆",
        "领事馆",
        "使馆",
        "代表团",
        "代表处",
        "办事处",
    ];
    let tokens = p.tokens;
    // A country written by its one-character abbreviation (华, 加, 阿).
    let abbreviation = |w: &str| {
        let mut cs = w.chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if c == '华' || COUNTRY_ABBREV_CHARS.contains(&c))
    };
    let host_word = tokens.get(i + 1).and_then(|t| t.word.strip_prefix('驻'));
    // 瑞士/驻华/大使馆, 中国/驻加/大使馆: jieba keeps the host with 驻.
    if host_word.is_some_and(abbreviation)
        && tokens
            .get(i + 2)
            .is_some_and(|h| MISSIONS.contains(&h.word))
        && p.is_place_token(i)
    {
        return Some((i + 2, vec![(tokens[i].start, tokens[i].end)]));
    }
    // 澳/驻华使馆: the host and the mission in one word after the sending country.
    if let Some(rest) = host_word
        && let Some(c) = rest.chars().next()
        && abbreviation(&rest[..c.len_utf8()])
        && MISSIONS.contains(&&rest[c.len_utf8()..])
        && (p.is_place_token(i) || abbreviation(tokens[i].word))
    {
        return Some((i + 1, Vec::new()));
    }
    // 中国/驻/阿/使馆: the host by its abbreviation as a word of its own.
    if tokens.get(i + 1).is_some_and(|t| t.word == "驻")
        && tokens.get(i + 2).is_some_and(|t| abbreviation(t.word))
        && tokens
            .get(i + 3)
            .is_some_and(|h| MISSIONS.contains(&h.word))
        && p.is_place_token(i)
    {
        return Some((i + 3, vec![(tokens[i].start, tokens[i].end)]));
    }
    if tokens.get(i + 1)?.word != "驻" || !p.is_place_token(i) {
        return None;
    }
    let mut places = vec![(tokens[i].start, tokens[i].end)];
    let mut j = i + 2;
    while j < tokens.len() && j <= i + 3 && p.is_place_token(j) {
        places.push((tokens[j].start, tokens[j].end));
        j += 1;
    }
    let head = tokens.get(j)?;
    if places.len() > 1 && MISSIONS.contains(&head.word) {
        return Some((j, places));
    }
    // jieba keeps the host with the mission (日本大使馆).
    let mission = MISSIONS.iter().find(|m| head.word.ends_with(*m))?;
    let host = &head.word[..head.word.len() - mission.len()];
    (places.len() == 1 && host.chars().count() >= 2 && super::place::in_gazetteer(host)).then(
        || {
            places.push((head.start, head.start + host.chars().count()));
            (j, places)
        },
    )
}

/// Heads that a name may close with no place or proper word before it, on a stem of one to
/// two nouns: 前线话剧团, 东直门中学, 石油天然气总公司.
const STEM_HEADS: [&str; 14] = [
    "公司",
    "集团",
    "集团公司",
    "有限公司",
    "剧团",
    "话剧团",
    "艺术团",
    "歌舞团",
    "中学",
    "小学",
    "医院",
    "出版社",
    "总公司",
    "剧院",
];

/// Nouns that make such a stem a description, not a name (足球队, 访问团, 儿童医院).
fn generic_stem_word(word: &str) -> bool {
    const GENERIC: [&str; 60] = [
        "足球",
        "篮球",
        "排球",
        "乒乓球",
        "羽毛球",
        "网球",
        "冰球",
        "手球",
        "棒球",
        "田径",
        "游泳",
        "体操",
        "女子",
        "男子",
        "青年",
        "少年",
        "儿童",
        "代表",
        "访问",
        "考察",
        "慰问",
        "医疗",
        "工作",
        "专家",
        "演出",
        "文艺",
        "艺术",
        "职工",
        "农村",
        "城市",
        "乡村",
        "部队",
        "军队",
        "消防",
        "救援",
        "专科",
        "妇幼",
        "中医",
        "主力",
        "球队",
        "业余",
        "专业",
        "全县",
        "全市",
        "城区",
        "市属",
        "县属",
        "临街",
        "外贸",
        "工程",
        "摄影",
        "晚会",
        "电视",
        "歌咏",
        "民工",
        "男女",
        "铁路",
        "现场",
        "企业",
        "亏损",
    ];
    static GENERIC_SET: LazyLock<HashSet<&str>> = LazyLock::new(|| GENERIC.into_iter().collect());
    GENERIC_SET.contains(word) || generic_stem(word) || STATE_OPENERS.contains(&word)
}

/// A name made of a stem of nouns and a head from [`STEM_HEADS`] starting at token `i`: the index
/// of the head.
fn stem_name_at(p: &Paragraph<'_>, i: usize) -> Option<usize> {
    let head = stem_head_at(p, i)?;
    // 金盏中学/队, 八一中学/队: a school's team.
    Some(match p.tokens.get(head + 1) {
        Some(x)
            if x.word == "队"
                && x.start == p.tokens[head].end
                && is_school(p.tokens[head].word) =>
        {
            head + 1
        }
        _ => head,
    })
}

/// Heads of schools, whose teams are named after them (金盏中学队).
fn is_school(word: &str) -> bool {
    ["中学", "小学", "技校", "学校"]
        .iter()
        .any(|h| word.ends_with(h))
}

/// [`stem_name_at`] without a team after the head; a school may be numbered (八一中学,
/// 一一五中学).
fn stem_head_at(p: &Paragraph<'_>, i: usize) -> Option<usize> {
    let tokens = p.tokens;
    // Every rule below needs a number here, or a team (队), a publisher (社) or a head of
    // STEM_HEADS (司, 团, 学, 院, 社) right after it or one further.
    let ends = |k: usize, flag: u8| {
        tokens
            .get(k)
            .is_some_and(|x| !x.is_empty() && char_class(p.chars[x.end - 1]) & flag != 0)
    };
    if tokens[i].pos != "m" && !ends(i + 1, LAST_TEAM | LAST_STEM) && !ends(i + 2, LAST_STEM) {
        return None;
    }
    // 1205/钻井队, 110/巡警队, 103/地质队: a team known by its number.
    if tokens[i].word.bytes().all(|b| b.is_ascii_digit())
        && let Some(h) = tokens.get(i + 1)
        && h.start == tokens[i].end
        && h.len() >= 3
        && h.word.ends_with('队')
        && matches!(h.pos, "n" | "nt" | "nz")
        && (i == 0 || is_stop(&tokens[i - 1]) || matches!(tokens[i - 1].pos, "p" | "c" | "uj"))
    {
        return Some(i + 1);
    }
    // 求是/杂志社, 团结/报社, 改革/出版社: a publisher named by an ordinary word.
    if let Some(h) = tokens.get(i + 1)
        && matches!(h.word, "杂志社" | "报社" | "出版社")
        && h.start == tokens[i].end
        && tokens[i].len() == 2
        && matches!(tokens[i].pos, "a" | "v" | "vn" | "n" | "nz" | "j")
        && (i == 0 || is_stop(&tokens[i - 1]) || matches!(tokens[i - 1].pos, "p" | "c"))
    {
        return Some(i + 1);
    }
    // 八一/中学, 一一/五/中学: a numbered school.
    if chinese_ordinal_word(&tokens[i]) && !tokens[i].word.starts_with('第') {
        let mut k = i;
        while k + 1 < tokens.len() && k < i + 2 && chinese_ordinal_word(&tokens[k + 1]) {
            k += 1;
        }
        if let Some(h) = tokens.get(k + 1)
            && matches!(h.word, "中学" | "小学")
            && h.start == tokens[k].end
            && (i == 0
                || is_stop(&tokens[i - 1]) && tokens[i - 1].pos != "m"
                || tokens[i - 1].pos.starts_with('v'))
        {
            return Some(k + 1);
        }
    }
    let content = |t: &Token<'_>| matches!(t.pos, "n" | "nz" | "ns" | "j" | "nrt") && !is_stop(t);
    if i > 0 && (content(&tokens[i - 1]) || tokens[i - 1].pos == "vn") {
        return None;
    }
    for j in i..(i + 2).min(tokens.len()) {
        let t = &tokens[j];
        if !content(t)
            || t.len() < 2
            || generic_stem_word(t.word)
            || TITLES.contains(t.word)
            || anchor_at(p, j).is_some()
        {
            return None;
        }
        let head = tokens.get(j + 1)?;
        // 赛格/集团, 朗讯/公司: a firm's stem is a name of its own, not an industry
        // (房地产公司, 烟草公司 are firms in general).
        let firm = matches!(head.word, "公司" | "集团" | "集团公司" | "有限公司");
        let common = ["外国", "房地产", "中介", "中小", "跨国", "合资", "外资"].contains(&t.word)
            || t.word.starts_with(is_quantity);
        if firm && (j > i || common || !matches!(t.pos, "nz" | "ns" | "j" | "nrt")) {
            return None;
        }
        if STEM_HEADS.contains(&head.word) && head.start == t.end {
            return Some(j + 1);
        }
    }
    None
}

/// The tokens where a name may start (an anchor, a stem name or a mission), last first; those
/// that may open one with an anchor are marked for [`anchor_at`] to ask, the others are known
/// to have none before the rules are asked. Kept out of [`find`] (`inline(never)`) so that its
/// loop, run for every token, is compiled on its own rather than inside the large body of
/// `find`.
#[inline(never)]
fn possible_starts(p: &Paragraph<'_>) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut next_firm = usize::MAX;
    // The character classes of the last characters of the next token and the one after.
    let (mut last1, mut last2) = (0, 0);
    // Whether the next token opens with 驻 (as mission_at needs).
    let mut next_zhu = false;
    let classes: &CharFlags = &CHAR_CLASSES;
    let class = |c: char| classes.of(c);
    for i in (0..p.tokens.len()).rev() {
        let t = &p.tokens[i];
        let (first_char, last_char) = if t.is_empty() {
            ('\0', '\0')
        } else {
            (p.chars[t.start], p.chars[t.end - 1])
        };
        let (first, last) = (class(first_char), class(last_char));
        let ends = Ends {
            first,
            last,
            next_last: last1,
        };
        let anchor = may_anchor(p, i, next_firm < i + 7, ends);
        // The memo reads "no anchor" until told otherwise: only the few tokens that may open
        // a name are marked for find_anchor to be asked.
        if anchor && let Some(memo) = p.org_anchor_memo(i) {
            memo.set(Anchor::UNASKED);
        }
        // stem_head_at's and mission_at's first tests.
        let stem = t.pos == "m" || last1 & (LAST_TEAM | LAST_STEM) != 0 || last2 & LAST_STEM != 0;
        if anchor || stem || next_zhu {
            starts.push(i);
        }
        if last & LAST_FIRM != 0 && firm_end(t.word) {
            next_firm = i;
        }
        (last1, last2) = (last, last1);
        next_zhu = first_char == '驻';
    }
    starts
}

pub fn find(p: &mut Paragraph<'_>, out: &mut Vec<Mention>) {
    p.org_head = vec![Cell::new(0); p.tokens.len()];
    let starts = possible_starts(p);
    // Titles in 《》: most paragraphs have none.
    let scan = if p.chars.contains(&'《') { p.len() } else { 0 };
    for c in 0..scan {
        if p.chars[c] != '《' {
            continue;
        }
        if let Some((s, e)) = newspaper_at(p, c)
            && p.is_unclaimed(s, e)
            && institution_cue_at(p, e)
        {
            p.claim(s, e, EntityKind::Organization);
            out.push(Mention::new(EntityKind::Organization, s, e));
        }
        // 《企业管理》杂志社, 《党建》杂志社: the house named after its title.
        if let Some(close) = (c + 2..(c + 16).min(p.len())).find(|&k| p.chars[k] == '》')
            && let Some(house) = ["杂志社", "编辑部", "报社", "出版社"]
                .iter()
                .find(|h| p.slice(close + 1, (close + 1 + h.chars().count()).min(p.len())) == **h)
            && p.is_unclaimed(c, close + 1 + house.chars().count())
        {
            let e = close + 1 + house.chars().count();
            p.claim(c, e, EntityKind::Organization);
            out.push(Mention::new(EntityKind::Organization, c, e));
        }
    }
    let tokens = p.tokens;
    // The first token after the last name found.
    let mut resume = 0;
    for &i in starts.iter().rev() {
        if i < resume {
            continue;
        }
        let t = &tokens[i];
        if !p.is_free(t.start, t.end, |k| k == EntityKind::Number) {
            continue;
        }
        // A mission needs 驻 right after the sending country.
        if tokens.get(i + 1).is_some_and(|x| x.word.starts_with('驻'))
            && let Some((mut end, places)) = mission_at(p, i)
            && p.is_unclaimed(t.start, tokens[end].end)
        {
            // 英国驻华使馆/文化教育处: a section of the mission.
            while tokens.get(end + 1).is_some_and(|x| {
                x.len() >= 3
                    && ["处", "部", "室", "组"].iter().any(|d| x.word.ends_with(d))
                    && !NOT_HEADS.contains(x.word)
            }) {
                end += 1;
            }
            if tokens
                .get(end + 1)
                .is_some_and(|x| x.len() >= 2 && !is_stop(x))
                && tokens
                    .get(end + 2)
                    .is_some_and(|x| matches!(x.word, "处" | "部" | "室" | "科" | "组"))
            {
                end += 2;
            }
            p.claim(t.start, tokens[end].end, EntityKind::Organization);
            out.push(Mention::new(
                EntityKind::Organization,
                t.start,
                tokens[end].end,
            ));
            for (ps, pe) in places {
                out.push(Mention::new(EntityKind::Place, ps, pe));
            }
            resume = end + 1;
            continue;
        }
        let Some(anchor) = anchor_at(p, i) else {
            if let Some(end) = stem_name_at(p, i)
                && p.is_free(t.start, tokens[end].end, |k| k == EntityKind::Number)
            {
                let e = tokens[end].end;
                // 1205钻井队: its number is part of the name.
                out.retain(|m| !(m.kind == EntityKind::Number && m.start >= t.start && m.end <= e));
                p.claim(t.start, tokens[end].end, EntityKind::Organization);
                out.push(Mention::new(
                    EntityKind::Organization,
                    t.start,
                    tokens[end].end,
                ));
                resume = end + 1;
                continue;
            }
            continue;
        };
        let Some(end) = chain_from(p, i, anchor) else {
            // 吉林/省委书记, 靖边县/团委书记: the body is inside the word naming the role.
            if matches!(anchor, Anchor::Place | Anchor::PlacePrefix(_))
                && let Some(next) = tokens.get(i + 1)
                && let Some(n) = head_before_role(next.word)
                && p.is_unclaimed(t.start, next.start + n)
            {
                p.claim(t.start, next.start + n, EntityKind::Organization);
                out.push(Mention::new(
                    EntityKind::Organization,
                    t.start,
                    next.start + n,
                ));
                let place_end = match anchor {
                    Anchor::PlacePrefix(k) => t.start + k,
                    _ => t.end,
                };
                out.push(Mention::new(EntityKind::Place, t.start, place_end));
                resume = i + 2;
                continue;
            }
            continue;
        };
        let (s, mut e) = (t.start, tokens[end].end);
        if let Some(n) = tokens.get(end + 1).and_then(|x| head_before_role(x.word)) {
            // 中共/中央政治局常委: the name goes on inside the word that names the role.
            e += n;
        }
        // 中国科学院学部/委员: an academician (学部委员) of the academy, not a division of it.
        if p.slice(s, e).ends_with("学部")
            && e - s > 4
            && tokens.get(end + 1).is_some_and(|x| x.word == "委员")
        {
            e -= 2;
        }
        if !p.is_free(s, e, |k| k == EntityKind::Number) {
            continue;
        }
        // 新华社长/…, 环保局长: a head glued to 长 is a title (社长, 局长), unless 长 opens the
        // place of a dateline (新华社/长春/1月10日电).
        let dateline = tokens.get(end + 1).is_some_and(|x| {
            x.start == e
                && super::place::in_gazetteer(x.word)
                && tokens
                    .get(end + 2)
                    .is_some_and(|y| y.pos == "m" || y.word.starts_with('电'))
        });
        if p.chars.get(e) == Some(&'长') && !dateline {
            resume = end + 1;
            continue;
        }
        let whole = p.slice(s, e);
        // 中国企业, 法国公司, 日本金融机构: a country's or a city's firms in general.
        if anchor == Anchor::Place
            && end == i + 1
            && (matches!(
                tokens[end].word,
                "企业" | "机构" | "金融机构" | "企业集团" | "部队" | "军队"
            ) || tokens[end].word == "公司" && crate::lexicon::COUNTRIES.contains(t.word))
        {
            resume = end + 1;
            continue;
        }
        // A name that is all place (香港特别行政区, 东盟 alone) stays a place for the place pass.
        if super::place::in_gazetteer(whole) {
            resume = end + 1;
            continue;
        }
        if is_publication(whole) && !institution_cue_at(p, e) {
            resume = end + 1;
            continue;
        }
        // A party named without its country (国民党, 民主党) is a common noun in People's Daily;
        // 中国共产党人 are its members.
        let placed = p.gazetteer_at(s).is_some_and(|n| n >= 2);
        // China's democratic parties (致公党, 农工党) are names of their own.
        if whole.ends_with('党')
            && (p.chars.get(e) == Some(&'人')
                || !placed && end == i && !matches!(whole, "致公党" | "农工党"))
        {
            resume = end + 1;
            continue;
        }
        // 中国美术馆, 北京西站, 天安门广场: buildings and grounds are places.
        if is_venue(whole) {
            p.claim(s, e, EntityKind::Place);
            out.push(Mention::new(EntityKind::Place, s, e));
            // The city it stands in is a place of its own (深圳 of 深圳帝王大厦).
            if anchor == Anchor::Place && end > i {
                out.push(Mention::new(EntityKind::Place, s, t.end));
            }
            resume = end + 1;
            continue;
        }
        // 时代—沃纳公司, 美国C—CUBE公司: two names joined by a dash make the firm's name;
        // 反/塔利班联盟: an alliance against someone is named so.
        let anti = i > 0
            && tokens[i - 1].word == "反"
            && tokens[i - 1].end == s
            && p.is_unclaimed(tokens[i - 1].start, s)
            && ["联盟", "同盟", "阵线"]
                .iter()
                .any(|h| p.slice(s, e).ends_with(h));
        let name_start = match joined_by_dash(p, i) {
            _ if anti => tokens[i - 1].start,
            Some((js, place)) if p.is_unclaimed(js, s) => {
                if let Some((ps, pe)) = place {
                    out.push(Mention::new(EntityKind::Place, ps, pe));
                }
                js
            }
            _ => s,
        };
        // A numeral that is part of a name (八一队) is no number.
        out.retain(|m| !(m.kind == EntityKind::Number && m.start >= s && m.end <= e));
        p.claim(name_start, e, EntityKind::Organization);
        out.push(Mention::new(EntityKind::Organization, name_start, e));
        // 北京市委, 广东队: a party committee or a team named by its place alone gives no place.
        let named_by_place = |pe: usize| {
            let rest = p.slice(pe, e);
            (rest.chars().count() <= 2 && rest.ends_with('委')) || rest == "队"
        };
        if let Anchor::PlaceCompound(n) | Anchor::PlacePrefix(n) = anchor
            && !named_by_place(s + n)
        {
            out.push(Mention::new(
                EntityKind::Place,
                s,
                bare_place_end(p, s, s + n),
            ));
        }
        if anchor == Anchor::Place && end > i && !named_by_place(t.end) {
            let mut pe = t.end;
            if let Some(n) = p.gazetteer_at(t.start)
                && n > t.len()
                && t.start + n < e
                && tokens[i..=end].iter().any(|x| x.end == t.start + n)
            {
                pe = t.start + n;
            }
            out.push(Mention::new(EntityKind::Place, s, bare_place_end(p, s, pe)));
            // 塔吉克斯坦库里亚布物流中心: a transliterated city right after the country that
            // opens the name is a place too.
            if crate::lexicon::COUNTRIES.contains(p.slice(s, pe))
                && let Some(k) = (i..end).find(|&k| tokens[k].end == pe)
                && let Some((ps, pe2)) = super::place::translit_place_within(p, k + 1, end)
            {
                out.push(Mention::new(EntityKind::Place, ps, pe2));
            }
        }
        resume = end + 1;
    }
    listed_bodies(p, out);
}

/// An item of [`listed_bodies`] at token `a`: a word of its own (n, nz, ns, j …), then a word
/// ending in `head`; its characters.
fn listed_body_at(p: &Paragraph<'_>, a: usize, head: &str) -> Option<(usize, usize)> {
    let (stem, h) = (p.tokens.get(a)?, p.tokens.get(a + 1)?);
    // The item opens after a separator, a punctuation mark or a function word, not inside a
    // longer name (布洛克巴斯特/影视公司).
    let opens = a == 0 || {
        let b = &p.tokens[a - 1];
        matches!(
            b.pos.as_bytes().first(),
            Some(b'x' | b'p' | b'c' | b'u' | b'v' | b'r' | b'd')
        )
    };
    let ok = opens
        && h.word.ends_with(head)
        && h.start == stem.end
        && stem.len() >= 2
        // (Not a place: 法国/公司 is a French company, no name.)
        && matches!(stem.pos, "n" | "nz" | "nr" | "nrt" | "j" | "nt")
        && stem.word.chars().all(crate::normalize::is_han)
        && !generic_stem_word(stem.word)
        && p.is_unclaimed(stem.start, h.end);
    ok.then_some((stem.start, h.end))
}

/// Bodies listed next to a name found, with the same head and a word of their own before it
/// (樱花/银行、东京三菱银行及国民/银行; 大地/银行、国家/商业银行、…): a list of banks names banks.
fn listed_bodies(p: &mut Paragraph<'_>, out: &mut Vec<Mention>) {
    let tokens = p.tokens;
    let found: Vec<(usize, usize)> = out
        .iter()
        .filter(|m| m.kind == EntityKind::Organization)
        .map(|m| (m.start, m.end))
        .collect();
    // A paragraph lists bodies seldom: most have no separator next to a name found.
    let is_sep = |w: &str| matches!(w, "、" | "和" | "及" | "与");
    for (s, e) in found {
        let first = tokens.partition_point(|t| t.start < s);
        let last = tokens.partition_point(|t| t.end < e);
        let (Some(ft), Some(lt)) = (tokens.get(first), tokens.get(last)) else {
            continue;
        };
        if ft.start != s || lt.end != e || lt.len() < 2 || head_of_word(lt.word) != Some(true) {
            continue;
        }
        let head = lt.word;
        // Leftwards: … item 、 item 、 [found].
        let mut k = first;
        while k >= 3 && is_sep(tokens[k - 1].word) {
            let Some((a, b)) = listed_body_at(p, k - 3, head) else {
                break;
            };
            p.claim(a, b, EntityKind::Organization);
            out.push(Mention::new(EntityKind::Organization, a, b));
            k -= 3;
        }
        // Rightwards: [found] 、 item 、 item ….
        let mut k = last + 1;
        while k < tokens.len() && is_sep(tokens[k].word) {
            let Some((a, b)) = listed_body_at(p, k + 1, head) else {
                break;
            };
            p.claim(a, b, EntityKind::Organization);
            out.push(Mention::new(EntityKind::Organization, a, b));
            k += 3;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{EntityKind, texts_of};
    use super::Anchor;

    #[test]
    fn roles_end_in_their_last_characters() {
        for r in super::ROLES_AFTER_BODY {
            assert!(r.ends_with(super::ROLE_LAST_CHARS), "{r}");
        }
    }

    #[test]
    fn anchors_survive_the_paragraph_memo() {
        let all = [
            None,
            Some(Anchor::Place),
            Some(Anchor::PlaceCompound(2)),
            Some(Anchor::PlacePrefix(3)),
            Some(Anchor::Known(1_000_000)),
            Some(Anchor::Proper),
            Some(Anchor::Tagged),
            Some(Anchor::State),
            Some(Anchor::Abbrev),
        ];
        for a in all {
            assert_ne!(Anchor::encode(a), Anchor::UNASKED, "{a:?}");
            assert_eq!(Anchor::decode(Anchor::encode(a)), a);
        }
    }

    #[test]
    fn opener_words_are_the_state_openers_and_open_with_their_characters() {
        for w in super::STATE_OPENERS {
            assert!(super::OPENER_WORDS.contains(&w), "{w}");
        }
        for w in super::OPENER_WORDS {
            assert!(w.starts_with(super::OPENER_FIRSTS), "{w}");
            assert!(w.chars().count() <= 3, "{w}");
        }
    }

    #[test]
    fn the_longest_head_is_found_walking_back() {
        let naive = |word: &str| {
            word.char_indices().find_map(|(b, _)| {
                crate::lexicon::ORG_SUFFIXES
                    .value(&word[b..])
                    .map(|v| (b, v))
            })
        };
        for word in [
            "北京大学",
            "中国疾病预防控制中心",
            "外交部",
            "社会",
            "研究所",
            "股份有限公司",
            "华为技术有限公司",
            "美术馆",
            "TCL",
            "",
        ] {
            assert_eq!(super::longest_head(word), naive(word), "{word}");
        }
    }

    #[test]
    fn chinese_digits_are_the_ten() {
        let listed: Vec<char> = super::CHINESE_DIGITS.chars().collect();
        for c in '\u{4e00}'..='\u{9fff}' {
            assert_eq!(super::is_chinese_digit(c), listed.contains(&c), "{c}");
        }
    }

    #[test]
    fn every_firm_head_ends_in_company_or_group() {
        // firm_at looks ahead for a head by these two endings only.
        for h in super::FIRM_HEADS {
            assert!(h.ends_with("公司") || h.ends_with("集团"), "{h}");
        }
    }

    #[test]
    fn every_stem_head_ends_in_a_character_stem_head_at_looks_for() {
        for h in super::STEM_HEADS {
            assert!(h.ends_with(['司', '团', '学', '院', '社']), "{h}");
        }
    }

    fn orgs(text: &str) -> Vec<String> {
        texts_of(text, EntityKind::Organization)
    }

    #[test]
    fn a_committee_or_team_named_by_its_place_alone_gives_no_place() {
        let places = |text: &str| texts_of(text, EntityKind::Place);
        assert_eq!(orgs("天津市委书记张立昌说。"), ["天津市委"]);
        assert!(places("天津市委书记张立昌说。").is_empty());
        assert!(places("广东队掉出前六名。").is_empty());
        // A body with more to its name keeps its place.
        assert_eq!(places("柬埔寨贝内泰国际大学资深教授"), ["柬埔寨"]);
    }

    #[test]
    fn universities_by_their_short_names() {
        // jieba: 北方交大/nt, 北京师大/nt.
        let found = orgs("北方交大与北京师大联合办学。");
        assert_eq!(found, ["北方交大", "北京师大"]);
    }

    #[test]
    fn a_body_under_a_known_one_in_one_word() {
        // jieba: 联合国教科文组织世界遗产委员会/nt, 军委办公厅/nt.
        assert_eq!(
            orgs("联合国教科文组织世界遗产委员会举行会议。"),
            ["联合国教科文组织世界遗产委员会"]
        );
        assert_eq!(orgs("军委办公厅发出通知。"), ["军委办公厅"]);
    }

    #[test]
    fn a_state_organ_after_a_country_s_abbreviation_in_one_word() {
        // jieba: 英政府/nt, 巴政府/nt, 新政府/nt.
        assert_eq!(orgs("英政府决定提高利率。"), ["英政府"]);
        assert_eq!(orgs("巴政府发表声明。"), ["巴政府"]);
        assert!(orgs("新政府成员增至二十三人。").is_empty());
    }

    #[test]
    fn a_township_or_village_names_its_party_organ() {
        // jieba: 唐庄乡/nr 党委书记/n, 洞井镇/n, 双泾村/n 党支部/j.
        assert_eq!(orgs("唐庄乡党委书记吴金印说。"), ["唐庄乡党委"]);
        assert_eq!(orgs("洞井镇党委书记出席。"), ["洞井镇党委"]);
        assert_eq!(orgs("双泾村党支部提出新办法。"), ["双泾村党支部"]);
        // A common word before the unit is no name (贫困村).
        assert!(orgs("贫困村党支部书记说。").is_empty());
    }

    #[test]
    fn democratic_parties_name_their_committees() {
        assert_eq!(orgs("民盟北京市委召开会议。"), ["民盟北京市委"]);
        assert_eq!(orgs("农工党上海市委主委出席。"), ["农工党上海市委"]);
        // jieba: 九三学社中央/nt.
        assert_eq!(orgs("九三学社中央副主席出席。"), ["九三学社中央"]);
    }

    #[test]
    fn companies_known_by_their_short_names() {
        let found = orgs("华为和腾讯宣布合作，阿里巴巴与比亚迪也参加了，上海万科排名第八。");
        for name in ["华为", "腾讯", "阿里巴巴", "比亚迪", "上海万科"] {
            assert!(found.contains(&name.to_string()), "{name}: {found:?}");
        }
        // A short name that is a common word as well is left to its head.
        assert!(orgs("这使我联想起往事。").is_empty());
        assert_eq!(orgs("联想集团自1985年创办以来发展迅速。"), ["联想集团"]);
    }

    #[test]
    fn a_place_that_only_ends_like_a_head_closes_no_name() {
        // 驻马店/ns ends in 店, as shops do.
        assert_eq!(
            orgs("农业银行驻马店分行捐助了十万元。"),
            ["农业银行驻马店分行"]
        );
    }

    #[test]
    fn words_that_only_look_like_heads_close_no_name() {
        // The verb 组织 (organize), a set phrase ending in 局.
        assert!(orgs("在扶贫中，浙江重点组织实施了三项工程。").is_empty());
        assert!(orgs("美国和平计划陷入僵局。").is_empty());
        assert_eq!(orgs("这是国务院总揽全局作出的决策。"), ["国务院"]);
        // Heads jieba tags as verbs still close names (分行/v).
        assert_eq!(orgs("中国银行广东省分行今年盈利。"), ["中国银行广东省分行"]);
    }

    #[test]
    fn a_verb_after_a_person_s_name_ends_a_chain() {
        assert!(orgs("省妇联副主席、书记处第一书记王芳带领书记处成员分赴各地").is_empty());
        // A branch after its county, tagged as a verb (支行/v), still closes the name.
        assert_eq!(
            orgs("中国人民银行江西修水县支行的职工"),
            ["中国人民银行江西修水县支行"]
        );
    }

    #[test]
    fn setting_a_body_up_after_places_is_a_clause() {
        assert!(orgs("省委决定在平山县灵寿县设立办事处，负责联络。").is_empty());
    }

    #[test]
    fn a_proper_word_opening_with_a_place_before_a_long_name() {
        assert_eq!(
            orgs("比赛得到了北京东方巨人环境发展研究中心的资助。"),
            ["北京东方巨人环境发展研究中心"]
        );
        assert_eq!(
            orgs("经长沙纺织再就业服务中心推介，73名下岗职工找到工作。"),
            ["长沙纺织再就业服务中心"]
        );
    }

    #[test]
    fn academies_power_stations_prisons_and_granaries() {
        assert_eq!(orgs("他刚从浙江美院毕业不久。"), ["浙江美院"]);
        assert_eq!(orgs("去年，秦山核电站共发电20多亿千瓦时。"), ["秦山核电站"]);
        assert_eq!(
            orgs("工程建设两台百万千瓦核电机组的岭澳核电站。"),
            ["岭澳核电站"]
        );
        // A word jieba tags ns that is a common phrase (外国, 驻京) names no body.
        assert!(orgs("驻京部队官兵座谈。").is_empty());
        assert_eq!(orgs("这是公主岭市怀德粮库正在收粮。"), ["公主岭市怀德粮库"]);
    }

    #[test]
    fn former_ministries_branches_and_democratic_parties() {
        assert_eq!(
            orgs("由地质部、燃料工业部和中国科学院共同协作勘探石油。"),
            ["地质部", "燃料工业部", "中国科学院"]
        );
        assert_eq!(
            orgs("这所学院经高教部批准，由纺织部主管。"),
            ["高教部", "纺织部"]
        );
        assert_eq!(orgs("轻工总会副会长到会讲话。"), ["轻工总会"]);
        assert_eq!(
            orgs("中华医学会北京分会的有关专家为老人测量血压。"),
            ["中华医学会北京分会"]
        );
        assert_eq!(orgs("致公党名誉副主席杨纪珂获一等奖。"), ["致公党"]);
        assert!(orgs("民主党上升为国会第二大党。").is_empty());
    }

    #[test]
    fn teams_known_by_their_number_and_troops_stationed_in_a_place() {
        assert_eq!(
            orgs("铁人王进喜生前所在的1205钻井队，建队44年来累计打井。"),
            ["1205钻井队"]
        );
        assert!(texts_of("铁人王进喜生前所在的1205钻井队。", EntityKind::Number).is_empty());
        assert_eq!(
            orgs("北京军区驻张家口部队今天下午派出医疗队。"),
            ["北京军区驻张家口部队"]
        );
    }

    #[test]
    fn teams_after_a_word_jieba_tags_nz() {
        assert_eq!(orgs("升班马天津女排本轮比赛也有不俗表现。"), ["天津女排"]);
        assert_eq!(
            orgs("广东队凭借两粒进球，力克上海远东队。"),
            ["广东队", "上海远东队"]
        );
        assert_eq!(
            orgs("上海女排以3∶0战胜解放军女排。"),
            ["上海女排", "解放军女排"]
        );
    }

    #[test]
    fn communities_numbered_squads_and_members_of_societies() {
        assert_eq!(
            orgs("南非是南部非洲发展共同体主席国。"),
            ["南部非洲发展共同体"]
        );
        // A community with a shared future is an idea, not a body.
        assert_eq!(orgs("构建更加紧密的上合组织命运共同体。"), ["上合组织"]);
        assert_eq!(
            orgs("新兵全部到达武警北京一总队十支队。"),
            ["武警北京一总队十支队"]
        );
        assert_eq!(orgs("他是天津市书法家协会会员。"), ["天津市书法家协会"]);
        assert_eq!(
            orgs("带着慰问品去看望困难企业———山西第五建筑公司。"),
            ["山西第五建筑公司"]
        );
    }

    #[test]
    fn foundations_and_armies_jieba_tags_nt() {
        assert_eq!(
            orgs("北京军区总医院和宋庆龄基金会共同发起。"),
            ["北京军区总医院", "宋庆龄基金会"]
        );
        assert_eq!(orgs("他参与组织指挥红一方面军主力长征。"), ["红一方面军"]);
    }

    #[test]
    fn the_conference_s_national_committee_for_a_term() {
        assert_eq!(
            orgs("中国人民政治协商会议第九届全国委员会第一次会议。"),
            ["中国人民政治协商会议第九届全国委员会"]
        );
    }

    #[test]
    fn abbreviated_academies_and_service_schools() {
        assert_eq!(orgs("社科院农发所副所长韩俊"), ["社科院农发所"]);
        assert_eq!(
            orgs("经过此地的空军电讯工程学院七队学员。"),
            ["空军电讯工程学院"]
        );
        assert_eq!(orgs("二炮文工团餐风宿雪来到青藏高原。"), ["二炮文工团"]);
        assert!(orgs("他的伟大人格为世代中国人民所敬重。").is_empty());
    }

    #[test]
    fn publishers_and_firms_by_their_goods() {
        assert_eq!(
            orgs("中国企业报、《企业管理》杂志社承办。"),
            ["《企业管理》杂志社"]
        );
        assert_eq!(orgs("（作者单位：求是杂志社）"), ["求是杂志社"]);
        assert_eq!(
            orgs("共同投资组建的华韵影视光盘公司日前投入生产。"),
            ["华韵影视光盘公司"]
        );
        assert_eq!(
            orgs("最大的非银行金融机构之一的野村证券公司宣布。"),
            ["野村证券公司"]
        );
    }

    #[test]
    fn phrases_that_end_names_and_weather_stations() {
        assert_eq!(
            orgs("据上海市中心气象台的有关资料，上海已连续多日升温。"),
            ["上海市中心气象台"]
        );
        assert_eq!(orgs("全国妇联积极开展省际妇联对口扶贫工作。"), ["全国妇联"]);
        assert_eq!(
            orgs("江泽民在贺词中说：欣闻中央民族乐团1998年春节之际出访。"),
            ["中央民族乐团"]
        );
        assert!(orgs("冰暴横扫加拿大所到之处险象生。").is_empty());
    }

    #[test]
    fn units_named_by_a_name_of_their_own_inside_their_parent() {
        assert_eq!(
            orgs("邯郸县公安局黄粱梦派出所辖区内总人口8万余人。"),
            ["邯郸县公安局黄粱梦派出所"]
        );
        assert_eq!(
            orgs("中国民航总局航班时刻处处长包方田介绍。"),
            ["中国民航总局航班时刻处"]
        );
        assert_eq!(
            orgs("美国威斯康星大学麦迪逊分校的一个科研小组。"),
            ["美国威斯康星大学麦迪逊分校"]
        );
        assert_eq!(
            orgs("水利部、电力部、国务院三峡办等单位参加。"),
            ["水利部", "电力部", "国务院三峡办"]
        );
    }

    #[test]
    fn organs_newspapers_and_governments_beside_committees() {
        assert_eq!(
            orgs("人民日报作为中共中央机关报，中国第一大报。"),
            ["中共中央"]
        );
        assert_eq!(orgs("当洛阳市委市政府选派科技干部下乡帮带。"), ["洛阳市委"]);
        assert_eq!(
            orgs("以摩根斯坦利公司首席全球策略师毕格斯为代表。"),
            ["摩根斯坦利公司"]
        );
    }

    #[test]
    fn international_and_eastern_bodies_named_by_their_field() {
        assert_eq!(
            orgs("最后在国际管理集团的协助下找到了教练。"),
            ["国际管理集团"]
        );
        assert_eq!(orgs("东方报业集团捐款500万港元。"), ["东方报业集团"]);
        assert!(orgs("谋求加入一系列重要的国际经济组织。").is_empty());
    }

    #[test]
    fn affiliated_hospitals_and_army_units() {
        assert_eq!(
            orgs("沈阳医科大学第一附属医院把一部分下岗女工组成队伍。"),
            ["沈阳医科大学第一附属医院"]
        );
        assert_eq!(
            orgs("接受中国康复研究中心附属北京博爱医院的免费治疗。"),
            ["中国康复研究中心附属北京博爱医院"]
        );
        assert_eq!(
            orgs("本报讯近10年来，解放军南京军区102医院医护人员利用业余时间。"),
            ["解放军南京军区102医院"]
        );
        assert_eq!(
            orgs("最近南京军区南京总医院成功地救治了1名患者。"),
            ["南京军区南京总医院"]
        );
        assert!(orgs("尼加拉瓜反政府武装全部被遣散。").is_empty());
    }

    #[test]
    fn branches_of_a_bank_named_by_its_abbreviation() {
        assert_eq!(orgs("工行北京分行抓服务促业务。"), ["工行北京分行"]);
        assert_eq!(
            orgs("1980年当选为中国科学院学部委员（院士）。"),
            ["中国科学院"]
        );
    }

    #[test]
    fn regions_by_direction_and_corps_by_province() {
        assert_eq!(
            orgs("1938年毕业于西南联合大学物理系。"),
            ["西南联合大学物理系"]
        );
        assert_eq!(
            orgs("武警广东总队提拔交流了一百九十九名团职干部。"),
            ["武警广东总队"]
        );
        assert_eq!(
            orgs("据中国环境监测总站公布的最新数据。"),
            ["中国环境监测总站"]
        );
    }

    #[test]
    fn numbered_units_with_a_head_of_their_own() {
        assert_eq!(
            orgs("本报讯由铁道部第十二工程局独家施工的大桥通车。"),
            ["铁道部第十二工程局"]
        );
        assert_eq!(
            orgs("彭珮云前往北京市第一福利院看望孩子。"),
            ["北京市第一福利院"]
        );
        assert!(texts_of("由铁道部第十二工程局独家施工。", EntityKind::Number).is_empty());
    }

    #[test]
    fn factories_by_a_name_of_their_own() {
        assert_eq!(
            orgs("在总厂所属的石景山热电厂，李鹏首先向职工问好。"),
            ["石景山热电厂"]
        );
        assert!(orgs("温州人节俭办工厂。").is_empty());
    }

    #[test]
    fn factories_and_squads_known_by_their_number() {
        assert_eq!(
            orgs("本报讯天津中药六厂以其全面质量控制获奖。"),
            ["天津中药六厂"]
        );
        assert_eq!(
            orgs("它是由天津地毯十四厂20多名工人织成的。"),
            ["天津地毯十四厂"]
        );
        assert_eq!(
            orgs("经过此地的空军电讯工程学院七队学员。"),
            ["空军电讯工程学院"]
        );
    }

    #[test]
    fn bodies_named_for_people_tasks_and_party_centres() {
        assert_eq!(
            orgs("省孙中山研究会以及许多文化团体参加。"),
            ["孙中山研究会"]
        );
        assert_eq!(
            orgs("据湖南省减轻农民负担办公室近日提供的材料。"),
            ["湖南省减轻农民负担办公室"]
        );
        assert_eq!(
            orgs("朝鲜劳动党中央机关报《劳动新闻》今天发表评论。"),
            ["朝鲜劳动党中央"]
        );
        assert!(
            orgs("广汉市广兴镇政府避开农村信用社出售企业。")
                .iter()
                .all(|o| !o.contains("信用社") || o == "农村信用社")
        );
    }

    #[test]
    fn verbs_jieba_tags_as_nouns_end_names() {
        assert_eq!(
            orgs("李鹏今天下午在人民大会堂会见美国所罗门美邦公司董事长。"),
            ["美国所罗门美邦公司"]
        );
        assert_eq!(
            orgs("日前，国家技术监督局委托广东省技术监督局的专家进行评审。"),
            ["国家技术监督局", "广东省技术监督局"]
        );
    }

    #[test]
    fn a_sentence_is_no_name() {
        assert!(orgs("努力把上海建设成为国际金融中心是战略目标。").is_empty());
        assert!(orgs("日本男子速滑名将白圭司4日在日本长野夺冠。").is_empty());
        assert!(orgs("白俄罗斯总统卢卡申科今天在明斯克表示。").is_empty());
    }

    #[test]
    fn a_name_ends_inside_the_word_naming_the_role() {
        assert_eq!(
            orgs("记湛江市惠珍联合医院院长梁惠珍。"),
            ["湛江市惠珍联合医院"]
        );
        assert_eq!(orgs("河北省高邑县委书记李保中"), ["河北省高邑县委"]);
        assert_eq!(
            orgs("昨天晚上，广东省人大主任朱森林会见了他。"),
            ["广东省人大"]
        );
        assert_eq!(
            orgs("青海省湟中县科技局局长霍成青海省委宣传部副处级调研员桑映洲"),
            ["青海省湟中县科技局", "青海省委宣传部"]
        );
        assert!(orgs("北京延庆县原县委书记刘金生").is_empty());
    }

    #[test]
    fn organs_under_the_party_the_league_and_the_army() {
        assert_eq!(orgs("他主持召开中共中央军委扩大会议。"), ["中共中央军委"]);
        assert_eq!(orgs("赵家治，中共吉林市委书记。"), ["中共吉林市委"]);
        assert_eq!(orgs("团中央书记处第一书记出席。"), ["团中央书记处"]);
        let found = orgs("总政文化部和解放军报联合举办座谈会。");
        assert!(found.contains(&"总政文化部".to_string()), "{found:?}");
        assert_eq!(orgs("空军昆明医院实行医疗帮困。"), ["空军昆明医院"]);
        assert_eq!(orgs("阿富汗反塔利班联盟发言人表示。"), ["反塔利班联盟"]);
    }

    #[test]
    fn two_names_joined_by_a_dash() {
        assert_eq!(
            orgs("同法国公司和时代—沃纳公司合资建立了几个广播公司。"),
            ["时代—沃纳公司"]
        );
        assert_eq!(
            texts_of("与美国C—CUBE公司合作。", EntityKind::Place),
            ["美国"]
        );
        assert_eq!(orgs("与美国C—CUBE公司合作。"), ["美国C—CUBE公司"]);
    }

    #[test]
    fn units_named_by_the_place_they_serve() {
        assert_eq!(
            orgs("作为冶金工业部洛阳耐火材料研究院的高级工程师。"),
            ["冶金工业部洛阳耐火材料研究院"]
        );
        assert_eq!(
            orgs("东城区工商局北新桥工商所的管理人员经常深入市场。"),
            ["东城区工商局北新桥工商所"]
        );
        assert_eq!(
            orgs("（中国人民银行江西金溪县支行周小琴）"),
            ["中国人民银行江西金溪县支行"]
        );
    }

    #[test]
    fn numbered_schools_and_their_teams() {
        assert_eq!(
            orgs("八一中学队和北京一一五中学队并列男子初中组冠军。"),
            ["八一中学队", "北京一一五中学队"]
        );
        assert_eq!(
            orgs("人大附中队和金盏中学队并列冠军。"),
            ["人大附中队", "金盏中学队"]
        );
    }

    #[test]
    fn state_offices_groups_and_centres() {
        assert_eq!(
            orgs("国家新药研究与开发协调领导小组工作会议上获悉。"),
            ["国家新药研究与开发协调领导小组"]
        );
        assert_eq!(
            orgs("除因特殊需要经国家机电产品进出口办公室批准外。"),
            ["国家机电产品进出口办公室"]
        );
        let found = orgs("受到中央领导同志和中央扶贫领导小组的肯定。");
        assert!(!found.iter().any(|o| o.contains("同志")), "{found:?}");
    }

    #[test]
    fn numbered_hospitals_learned_societies_and_party_centres() {
        assert_eq!(
            orgs("新年伊始，湖北随州第一人民医院评选“百强人才”。"),
            ["湖北随州第一人民医院"]
        );
        assert_eq!(orgs("他曾任山东数学会理事长等职。"), ["山东数学会"]);
        assert_eq!(orgs("杨纪珂，致公党中央常务副主席。"), ["致公党中央"]);
    }

    #[test]
    fn datelines_parties_and_fields() {
        assert_eq!(orgs("新华社长春1月10日电（记者李亚彪）"), ["新华社"]);
        assert!(orgs("查处了昔阳县环保局长吃遍全县饭店的案件。").is_empty());
        assert_eq!(orgs("对于上台不久的英国工党政府来说。"), ["英国工党"]);
        assert_eq!(
            orgs("奠定了胜利油田、大港油田的开发基础。"),
            ["胜利油田", "大港油田"]
        );
    }

    #[test]
    fn a_name_ends_before_the_clause_after_it() {
        assert_eq!(
            orgs("四川省政府专门派出调查组和工作组,加大打假力度。"),
            ["四川省政府"]
        );
        assert_eq!(
            orgs("原济南泰山足球俱乐部由省体委移交给山东电力集团公司。"),
            ["济南泰山足球俱乐部", "山东电力集团公司"]
        );
    }

    #[test]
    fn firms_by_their_own_name_and_trade() {
        assert_eq!(
            orgs("一向支持中国体育事业的格威特体育用品公司在北京举行发布会。"),
            ["格威特体育用品公司"]
        );
        assert_eq!(orgs("耐克公司上月称其盈余将减少。"), ["耐克公司"]);
        assert_eq!(orgs("嘉兴市还在浦东创办兴嘉实业公司。"), ["兴嘉实业公司"]);
        assert_eq!(
            orgs("冠生园（集团）总公司的负责同志。"),
            ["冠生园（集团）总公司"]
        );
        assert_eq!(
            orgs("本报讯中国南方航空（集团）公司的6架波音客机。"),
            ["中国南方航空（集团）公司"]
        );
        assert_eq!(orgs("即将由中国文联出版公司出版。"), ["中国文联出版公司"]);
        // A kind of firm, or of goods, is no name.
        assert!(orgs("民办和私人承包性质的中介公司占相当的比重。").is_empty());
        assert!(orgs("他从最初单一的运动服装公司发展起来。").is_empty());
        assert!(orgs("兴办14家劳服公司。").is_empty());
    }

    #[test]
    fn branches_everywhere_are_no_unit_of_the_name() {
        assert_eq!(
            orgs("在京召开的中国工商银行全国分行行长会议。"),
            ["中国工商银行"]
        );
    }

    #[test]
    fn a_central_bank_named_alone() {
        assert_eq!(orgs("中央银行宣布降低利率。"), ["中央银行"]);
    }

    #[test]
    fn a_committee_written_short() {
        assert_eq!(orgs("伊拉克应与联合国特委会充分合作。"), ["联合国特委会"]);
    }

    #[test]
    fn words_jieba_tags_as_bodies_that_are_none() {
        assert!(orgs("以减少经济对外部的依赖").is_empty());
    }

    #[test]
    fn a_unit_named_by_the_place_it_serves() {
        assert_eq!(
            orgs("而在广州市东山公安分局华乐街派出所，十项措施已落实。"),
            ["广州市东山公安分局华乐街派出所"]
        );
        assert_eq!(
            orgs("她从中国科学院沈阳金属研究所离休。"),
            ["中国科学院沈阳金属研究所"]
        );
    }

    #[test]
    fn a_verb_naming_the_body_s_task_and_parliaments_by_abbreviation() {
        assert_eq!(orgs("据肯尼亚选举委员会公布的结果。"), ["肯尼亚选举委员会"]);
        assert!(
            orgs("泰国旅游机构计划在上海设立办事处。")
                .iter()
                .all(|o| !o.contains("设立"))
        );
        assert_eq!(orgs("塔拉尔当选巴参议院议员。"), ["巴参议院"]);
    }

    #[test]
    fn numbered_schools_and_missions_to_an_abbreviated_host() {
        assert_eq!(
            orgs("第一天，给杭州第八中学1600名师生作报告。"),
            ["杭州第八中学"]
        );
        assert_eq!(orgs("连中国驻加大使馆的人也投诉了。"), ["中国驻加大使馆"]);
        assert_eq!(orgs("瑞士驻华大使馆参加了活动。"), ["瑞士驻华大使馆"]);
        assert_eq!(
            orgs("今天晚上，中国驻阿使馆全体官员欢聚。"),
            ["中国驻阿使馆"]
        );
        assert_eq!(
            orgs("由中国教育国际交流协会与英国驻华使馆文化教育处主办。")
                .last()
                .map(String::as_str),
            Some("英国驻华使馆文化教育处")
        );
        assert_eq!(orgs("由人民出版社近期出版的丛书。"), ["人民出版社"]);
    }

    #[test]
    fn bodies_named_with_a_country_s_abbreviation_and_numbered_schools() {
        assert_eq!(orgs("而俄联邦安全局则一再声称。"), ["俄联邦安全局"]);
        assert_eq!(orgs("据俄经济部预测，比重将下降。"), ["俄经济部"]);
        assert!(orgs("以农业为主的经济部门").is_empty());
        assert_eq!(orgs("昆明八中是一所中学。"), ["昆明八中"]);
    }

    #[test]
    fn libraries_are_institutions() {
        assert_eq!(
            orgs("去年以来，湖南省图书馆将2000多册图书送到农村。"),
            ["湖南省图书馆"]
        );
    }

    #[test]
    fn a_person_after_the_people_he_belongs_to_ends_a_name() {
        let found = orgs("上海师范大学化工系九五级本科班学生李凤上海市杨浦区中心医院副院长杨安礼");
        assert!(
            found.contains(&"上海市杨浦区中心医院".to_string()),
            "{found:?}"
        );
        assert!(found.iter().all(|o| !o.contains("李凤")), "{found:?}");
    }

    #[test]
    fn a_ministry_after_its_country_s_abbreviation() {
        assert_eq!(orgs("当地报纸援引菲卫生部的一份报告说。"), ["菲卫生部"]);
    }

    #[test]
    fn teams_and_armed_police_units() {
        let found = orgs("诸如万达队的李明和国安队的外籍球员。");
        assert!(found.contains(&"万达队".to_string()), "{found:?}");
        assert!(found.contains(&"国安队".to_string()), "{found:?}");
        assert!(orgs("国家队战绩不佳。").is_empty());
        assert_eq!(orgs("武警张家口支队的300名官兵。"), ["武警张家口支队"]);
        assert_eq!(orgs("空军联航队客场不敌对手。"), ["空军联航队"]);
    }

    #[test]
    fn a_one_character_head_jieba_leaves_alone() {
        assert_eq!(orgs("企业玉环县制动器厂。"), ["玉环县制动器厂"]);
    }

    #[test]
    fn a_firm_named_by_a_stem_of_its_own() {
        assert_eq!(orgs("南京5家企业组建东联公司。"), ["东联公司"]);
        assert!(orgs("被外国公司垄断的局面。").is_empty());
        assert!(orgs("上海一家房地产公司推出新楼盘。").is_empty());
    }

    #[test]
    fn the_body_inside_the_word_naming_the_role() {
        assert_eq!(orgs("吉林省委书记张德江来到厂里。"), ["吉林省委"]);
        assert_eq!(orgs("后任靖边县团委书记。"), ["靖边县团委"]);
        assert_eq!(orgs("中共哈尔滨市委书记说。"), ["中共哈尔滨市委"]);
        assert_eq!(orgs("刘善璧当选为武汉市政协主席。"), ["武汉市政协"]);
    }

    #[test]
    fn abbreviated_heads_of_associations_and_schools() {
        assert_eq!(orgs("此展由中国美协主办。"), ["中国美协"]);
        assert_eq!(orgs("安徽巢湖军分区所属的各人武部。"), ["安徽巢湖军分区"]);
        assert_eq!(orgs("河北农大副教授王金春说。"), ["河北农大"]);
    }

    #[test]
    fn words_that_only_end_like_a_head() {
        assert!(orgs("推动了中英经贸关系进一步发展。").is_empty());
        assert!(orgs("泰国金融体系存在问题。").is_empty());
        assert!(orgs("中国公用计算机互联网已经开通。").is_empty());
        assert!(orgs("宁波突击检查娱乐场所。").is_empty());
        assert_eq!(
            orgs("中国共产党第十五次全国代表大会在北京召开。"),
            ["中国共产党第十五次全国代表大会"]
        );
    }

    #[test]
    fn firms_and_offices_in_general_are_no_names() {
        assert!(orgs("广东省涉外企业所提供的就业岗位。").is_empty());
        assert!(orgs("辽宁省鞍山市公安机关经过侦查。").is_empty());
        assert!(
            texts_of("广西140多个区直属机关单位", EntityKind::Place)
                .iter()
                .all(|p| !p.contains("机关"))
        );
    }

    #[test]
    fn a_member_s_role_or_firms_in_general_do_not_extend_a_name() {
        assert_eq!(
            orgs("一封来自上海外国语大学离休干部施行的邮件。"),
            ["上海外国语大学"]
        );
        assert_eq!(
            orgs("发电总厂是华北电力集团公司骨干发电企业。")
                .last()
                .map(String::as_str),
            Some("华北电力集团公司")
        );
    }

    #[test]
    fn a_word_that_tells_when_ends_a_name() {
        assert_eq!(
            orgs("国家技术监督局日前组织国家乳制品质量监督检验中心检测。")[0],
            "国家技术监督局"
        );
        assert_eq!(
            orgs("中纪委和监察部一直把清理列为重点。"),
            ["中纪委", "监察部"]
        );
    }

    #[test]
    fn a_country_s_firms_in_general_are_no_name() {
        assert!(orgs("我们欢迎中国企业到夸—纳省投资合作。").is_empty());
        assert!(orgs("日本金融机构连续因呆账损失而倒闭。").is_empty());
        assert_eq!(
            orgs("北京军区251医院在灾区建起临时病房。"),
            ["北京军区251医院"]
        );
    }

    #[test]
    fn units_inside_institutions_and_party_committees() {
        let found = orgs("孔玲则在中国人民大学法学院攻读硕士学位。");
        assert_eq!(found, ["中国人民大学法学院"]);
        let found = orgs("由中共黑龙江省委副书记单荣范率领的代表团。");
        assert_eq!(found, ["中共黑龙江省委"]);
        let found = orgs("山西省人民医院骨科主治医师宋某说。");
        assert_eq!(found, ["山西省人民医院骨科"]);
    }

    #[test]
    fn departments_belong_to_the_name_before_them() {
        let found = orgs("由江西省委宣传部、新余市委宣传部和江西电视台联合摄制。");
        assert!(found.contains(&"新余市委宣传部".to_string()), "{found:?}");
        assert!(found.contains(&"江西省委宣传部".to_string()), "{found:?}");
        let found = orgs("研讨会由人民日报文艺部、光明日报文艺部共同主办。");
        assert!(found.contains(&"人民日报文艺部".to_string()), "{found:?}");
        assert!(found.contains(&"光明日报文艺部".to_string()), "{found:?}");
        assert!(!found.contains(&"文艺部".to_string()), "{found:?}");
    }

    #[test]
    fn a_conjunction_between_two_names_ends_the_first() {
        let found = orgs("他们来自香港科技大学和浸会大学。");
        assert!(found.contains(&"香港科技大学".to_string()), "{found:?}");
        assert!(found.iter().all(|o| !o.contains('和')), "{found:?}");
        let found = orgs("这是嘉峪关市和酒钢公司组织的活动。");
        assert!(found.iter().all(|o| !o.contains('和')), "{found:?}");
        // A conjunction inside a name still joins it.
        let found = orgs("乌兹别克斯坦世界经济与外交大学的教授说。");
        assert_eq!(found, ["乌兹别克斯坦世界经济与外交大学"]);
    }

    #[test]
    fn a_noun_stem_names_a_school_troupe_or_publisher() {
        assert_eq!(orgs("他毕业于东直门中学。"), ["东直门中学"]);
        assert_eq!(orgs("前线话剧团演出了新戏。"), ["前线话剧团"]);
        assert_eq!(orgs("这本书由华夏出版社出版。"), ["华夏出版社"]);
        // A descriptive stem is no name.
        assert!(orgs("他参加了业余剧团。").is_empty());
        assert!(orgs("城区小学都放假了。").is_empty());
    }

    #[test]
    fn a_profession_after_the_name_ends_it() {
        assert_eq!(
            orgs("湖南省农业科学研究所农艺师王明获得一等奖。"),
            ["湖南省农业科学研究所"]
        );
        assert_eq!(
            orgs("四川大学出版社副编审刘芳参加会议。"),
            ["四川大学出版社"]
        );
    }

    #[test]
    fn a_person_after_a_title_is_left_out_of_a_list_of_units() {
        assert_eq!(
            orgs("获奖者：浙江省农业科学院科研处处长陈国平浙江省杭州市科协。"),
            ["浙江省农业科学院科研处", "浙江省杭州市科协"]
        );
    }

    #[test]
    fn missions_abroad_keep_country_and_host() {
        assert_eq!(
            orgs("中国驻日本大使馆昨天举行国庆招待会。"),
            ["中国驻日本大使馆"]
        );
        assert_eq!(
            orgs("中华人民共和国驻法国大使馆发表声明。"),
            ["中华人民共和国驻法国大使馆"]
        );
        assert!(orgs("中国驻军保卫边疆。").is_empty());
    }

    #[test]
    fn long_names_extend_left_over_places_and_modifiers() {
        assert_eq!(
            orgs("乌兹别克斯坦世界经济与外交大学高级国际研究所专家阿扎莫夫说。"),
            ["乌兹别克斯坦世界经济与外交大学高级国际研究所"]
        );
        assert_eq!(
            orgs("白俄罗斯国立大学欧亚研究系教授安德烈说。"),
            ["白俄罗斯国立大学欧亚研究系"]
        );
        assert_eq!(
            orgs("中国现代国际关系研究院欧亚研究所所长丁晓星表示。"),
            ["中国现代国际关系研究院欧亚研究所"]
        );
        assert_eq!(
            orgs("在俄罗斯高等经济大学欧洲与国际综合研究中心主任看来。"),
            ["俄罗斯高等经济大学欧洲与国际综合研究中心"]
        );
    }

    #[test]
    fn generic_heads_and_references_are_not_names() {
        assert!(orgs("中方欢迎双方加强合作，该组织的研究所和人民政府。").is_empty());
        assert!(orgs("各商业银行都要执行。").is_empty());
    }

    #[test]
    fn stops_at_verbs_and_conjunctions_between_names() {
        let found = orgs("中方欢迎塔吉克斯坦加入亚洲文化遗产保护联盟。");
        assert_eq!(found, ["亚洲文化遗产保护联盟"]);
        let found = orgs("双方支持巩固中国全国人民代表大会和塔吉克斯坦议会间合作。");
        assert_eq!(found, ["中国全国人民代表大会", "塔吉克斯坦议会"]);
        let found = orgs("中国政府和人民坚决反对。");
        assert_eq!(found, ["中国政府"]);
    }

    #[test]
    fn newspapers_teams_and_known_names() {
        assert_eq!(orgs("《哈萨克斯坦实业报》总编辑说。"), ["哈萨克斯坦实业报"]);
        assert_eq!(orgs("八一队以三比一战胜四川队。"), ["八一队", "四川队"]);
        assert_eq!(
            orgs("比如上合组织地区反恐机构在情报交流方面。"),
            ["上合组织地区反恐机构"]
        );
        assert_eq!(orgs("新华社记者报道。"), ["新华社"]);
    }

    #[test]
    fn country_abbreviations_before_state_organs() {
        assert_eq!(orgs("以政府准备执行决议。"), ["以政府"]);
        assert_eq!(
            orgs("双方高度评价中塔政府间经贸合作委员会发挥的作用。"),
            ["中塔政府间经贸合作委员会"]
        );
    }
    #[test]
    fn names_end_before_roles_and_next_names() {
        assert_eq!(
            orgs("北京电视台北京市儿童艺术剧团获奖。"),
            ["北京电视台", "北京市儿童艺术剧团"]
        );
        assert_eq!(orgs("山西省人民医院主任说。"), ["山西省人民医院"]);
        assert_eq!(orgs("新华社香港分社副社长出席。"), ["新华社香港分社"]);
    }

    #[test]
    fn a_verb_before_a_name_is_a_clause() {
        let found = orgs("李鹏在人民大会堂会见德国西门子公司董事长。");
        assert!(found.contains(&"德国西门子公司".to_string()), "{found:?}");
        assert!(found.iter().all(|o| !o.contains("会见")), "{found:?}");
    }

    #[test]
    fn sessions_and_bracketed_words_inside_names() {
        assert_eq!(
            orgs("中国共产党第十五次全国代表大会胜利召开。"),
            ["中国共产党第十五次全国代表大会"]
        );
        assert_eq!(
            orgs("他们来到华安工业（集团）公司慰问。"),
            ["华安工业（集团）公司"]
        );
    }

    #[test]
    fn publications_are_titles_unless_a_role_follows() {
        assert!(orgs("据《光明日报》报道，解放军报记者说。").is_empty());
        assert_eq!(orgs("《哈萨克斯坦实业报》总编辑说。"), ["哈萨克斯坦实业报"]);
    }

    #[test]
    fn common_words_jieba_tags_nz_open_no_name() {
        // 诺言/nz 政府, 世界杯赛/nz 中共/j: no government of a promise, no body before 中共.
        assert!(orgs("今朝履诺言政府深情还款。").is_empty());
        assert!(orgs("他辞职以抗议现政府提出的预算。").is_empty());
        assert!(
            orgs("在世界杯赛中共获得十个冠军。")
                .iter()
                .all(|o| o != "世界杯赛中共")
        );
        // A pronoun after 和 opens no second part of a name (我党我军).
        assert!(orgs("事迹是中华民族传统美德和我党我军优良传统的结合。").is_empty());
        // Nor inside one (解放区/发展成为/我党我军), nor where two counties meet (交界处).
        assert!(orgs("山东解放区发展成为我党我军的重要战略区。").is_empty());
        assert!(orgs("尚义县和张北县交界处发生地震。").is_empty());
        // Nor an adverb before 组织 (organize), a verb of becoming, or the party alone after a
        // firm.
        assert_eq!(
            orgs("新一届河北省石家庄市委精心组织、周密部署。"),
            ["河北省石家庄市委"]
        );
        assert!(orgs("支持兰州市民百大楼改为股份有限公司。").is_empty());
        assert_eq!(
            orgs("浙江隆中机械制造有限公司党的工作员说"),
            ["浙江隆中机械制造有限公司"]
        );
    }

    #[test]
    fn a_team_named_by_its_sponsor_jieba_tags_as_a_common_noun() {
        // 申花队/n: 申花 is a proper noun (nz) of its own.
        let mut found = orgs("万达队的李明、申花队的申思都在场。");
        found.sort();
        assert_eq!(found, ["万达队", "申花队"]);
        // A sport's team is no name: 体操 (which jieba tags nr), 篮球.
        assert!(orgs("体操队和篮球队的教练员来了。").is_empty());
    }

    #[test]
    fn bodies_listed_next_to_a_name_with_the_same_head() {
        // 樱花/n 银行/n: a common noun before the head, vouched for by the bank listed next.
        let mut found = orgs("如樱花银行、东京三菱银行及国民银行纷纷终止合作。");
        found.sort();
        assert_eq!(found, ["东京三菱银行", "国民银行", "樱花银行"]);
        // Inside a longer name the item is not cut out (布洛克巴斯特/影视公司).
        assert!(
            !orgs("随后同美国的布洛克巴斯特影视公司和时代华纳公司合资。")
                .iter()
                .any(|o| o == "影视公司")
        );
    }

    #[test]
    fn parties_need_their_country() {
        assert!(orgs("国民党当局和民主党都反对。").is_empty());
        assert!(orgs("这是中国共产党人的决心。").is_empty());
        assert_eq!(orgs("英国工党赢得大选。"), ["英国工党"]);
    }

    #[test]
    fn state_bodies_and_companies_without_a_place() {
        assert_eq!(orgs("中共中央政治局常委出席。"), ["中共中央政治局"]);
        assert_eq!(orgs("国家旅游局局长何光说。"), ["国家旅游局"]);
        assert_eq!(orgs("创业初期，李宁公司没有墨守成规。"), ["李宁公司"]);
        assert_eq!(orgs("汇率由俄中央银行公布。"), ["俄中央银行"]);
        assert!(orgs("内蒙古东北部有小雪。").is_empty());
    }
}
