//! Entity co-occurrence: pairs of distinct entities mentioned in the same sentence, paragraph
//! or document, each pair counted once per unit it shares.

use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use crate::document::Document;
use crate::extract::EntityKind;
use crate::normalize;

/// The unit two mentions must share to co-occur.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Unit {
    /// A sentence (Unicode sentence boundaries: 。！？ and their kin end one).
    Sentence,
    /// A non-blank line.
    Paragraph,
    /// The whole document.
    Document,
}

/// The kinds paired by default: names. Dates and numbers are in nearly every sentence of news
/// text and would pair with everything.
pub const NAMED_KINDS: [EntityKind; 3] = [
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Place,
];

/// An entity as the co-occurrence tables name it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct EntityRef {
    pub kind: EntityKind,
    pub text: String,
}

/// Two distinct entities (`a` before `b` in kind, then text, order) and the number of units
/// they share.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pair {
    pub a: EntityRef,
    pub b: EntityRef,
    pub count: usize,
}

/// The units of `text` as character ranges `start..end`, in order and not overlapping.
pub fn units(text: &str, unit: Unit) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if unit == Unit::Document {
        out.push((0, text.chars().count()));
        return out;
    }
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let n = line.chars().count();
        let body = line.trim_end_matches(['\n', '\r']);
        if !body.trim().is_empty() {
            match unit {
                Unit::Paragraph => out.push((offset, offset + n)),
                _ => {
                    // Sentences of the folded line (one character per character, so the
                    // offsets hold for the text as written).
                    let folded = normalize::fold(body);
                    let mut pos = offset;
                    for s in folded.split_sentence_bounds() {
                        let len = s.chars().count();
                        out.push((pos, pos + len));
                        pos += len;
                    }
                }
            }
        }
        offset += n;
    }
    out
}

/// The co-occurring pairs of `doc` (analyzed from `text`) among entities of `kinds`, sorted by
/// count (descending), then by the pair.
///
/// ```
/// use corpus_cli::views::cooccurrence::{pairs, Unit, NAMED_KINDS};
/// let text = "国家主席习近平会见俄罗斯总统普京。普京说，北京很美。";
/// let doc = corpus_cli::Analyzer::default().analyze(text);
/// let p = pairs(text, &doc, Unit::Sentence, &NAMED_KINDS);
/// assert!(p.iter().any(|p| p.a.text == "习近平" && p.b.text == "普京" && p.count == 1));
/// ```
pub fn pairs(text: &str, doc: &Document, unit: Unit, kinds: &[EntityKind]) -> Vec<Pair> {
    let bounds = units(text, unit);
    let starts: Vec<usize> = bounds.iter().map(|u| u.0).collect();
    // The entities of each unit, by index into `refs`.
    let mut refs: Vec<EntityRef> = Vec::new();
    let mut members: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); bounds.len()];
    for kind in EntityKind::ALL {
        if !kinds.contains(&kind) {
            continue;
        }
        // A short form (纳瓦卜) stands for its full name (凯瑟·纳瓦卜): one entity in the pairs.
        let list = doc.entities.get(kind);
        let mut ids: HashMap<&str, usize> = HashMap::new();
        for e in list.iter().filter(|e| e.alias_of.is_none()) {
            ids.insert(e.text.as_str(), refs.len());
            refs.push(EntityRef {
                kind,
                text: e.text.clone(),
            });
        }
        for e in list {
            let full = e.alias_of.as_deref().and_then(|f| ids.get(f).copied());
            let id = match full {
                Some(id) => id,
                None if e.alias_of.is_none() => ids[e.text.as_str()],
                None => {
                    refs.push(EntityRef {
                        kind,
                        text: e.text.clone(),
                    });
                    refs.len() - 1
                }
            };
            for m in &e.mentions {
                let i = starts.partition_point(|&s| s <= m.start);
                if i > 0 && m.start < bounds[i - 1].1 {
                    members[i - 1].insert(id);
                }
            }
        }
    }
    let mut counts: HashMap<(usize, usize), usize> = HashMap::new();
    for set in &members {
        let ids: Vec<usize> = set.iter().copied().collect();
        for (x, &i) in ids.iter().enumerate() {
            for &j in &ids[x + 1..] {
                let key = if refs[i] <= refs[j] { (i, j) } else { (j, i) };
                *counts.entry(key).or_default() += 1;
            }
        }
    }
    let mut out: Vec<Pair> = counts
        .into_iter()
        .map(|((i, j), count)| Pair {
            a: refs[i].clone(),
            b: refs[j].clone(),
            count,
        })
        .collect();
    sort_pairs(&mut out);
    out
}

/// Sort by count (descending), then by `a`, then `b`.
pub fn sort_pairs(list: &mut [Pair]) {
    list.sort_by(|x, y| {
        y.count
            .cmp(&x.count)
            .then_with(|| x.a.cmp(&y.a))
            .then_with(|| x.b.cmp(&y.b))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Entities, Entity};

    fn entity(kind: EntityKind, text: &str, spans: &[(usize, usize)]) -> Entity {
        Entity::new(kind, text).with_mentions(spans)
    }

    fn doc_with(entities: Entities) -> Document {
        let mut doc = crate::Analyzer::default().analyze("");
        doc.entities = entities;
        doc
    }

    #[test]
    fn units_of_a_text() {
        let text = "甲乙。丙丁！\n\n戊。\n";
        assert_eq!(units(text, Unit::Sentence), [(0, 3), (3, 6), (8, 10)]);
        assert_eq!(units(text, Unit::Paragraph), [(0, 7), (8, 11)]);
        assert_eq!(units(text, Unit::Document), [(0, 11)]);
    }

    #[test]
    fn pairs_are_counted_once_per_unit() {
        // Sentence 1 (0..12): 张三 twice, 李四 once, 北京 once. Sentence 2 (12..19): 张三, 李四.
        let text = "张三和李四，张三去北京。张三李四开会。";
        let e = Entities {
            person: vec![
                entity(EntityKind::Person, "张三", &[(0, 2), (6, 8), (12, 14)]),
                entity(EntityKind::Person, "李四", &[(3, 5), (14, 16)]),
            ],
            place: vec![entity(EntityKind::Place, "北京", &[(9, 11)])],
            ..Entities::default()
        };
        let doc = doc_with(e);
        let p = pairs(text, &doc, Unit::Sentence, &NAMED_KINDS);
        let got: Vec<(&str, &str, usize)> = p
            .iter()
            .map(|p| (p.a.text.as_str(), p.b.text.as_str(), p.count))
            .collect();
        // 张三–李四 share both sentences; the place pairs share only the first. Persons sort
        // before places, so each pair names the person first.
        assert_eq!(
            got,
            [
                ("张三", "李四", 2),
                ("张三", "北京", 1),
                ("李四", "北京", 1)
            ]
        );
        // In the whole document each pair shares one unit.
        let d = pairs(text, &doc, Unit::Document, &NAMED_KINDS);
        assert!(d.iter().all(|p| p.count == 1));
        assert_eq!(d.len(), 3);
        // Leaving places out leaves one pair.
        assert_eq!(
            pairs(text, &doc, Unit::Sentence, &[EntityKind::Person]).len(),
            1
        );
    }
}
