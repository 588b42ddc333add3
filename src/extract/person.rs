//! Person pass: Chinese and transliterated personal names.

use super::{EntityKind, Mention, Paragraph};

/// Find person names and claim their characters.
pub fn find(p: &mut Paragraph<'_>, out: &mut Vec<Mention>) {
    let tokens = p.tokens;
    for t in tokens {
        if (t.pos == "nr" || t.pos == "nrfg") && t.len() >= 2 && p.is_unclaimed(t.start, t.end) {
            p.claim(t.start, t.end, EntityKind::Person);
            out.push(Mention::new(EntityKind::Person, t.start, t.end));
        }
    }
}
