//! Place pass: countries, regions, provinces and cities, also where they open an
//! organization's name.

use super::{EntityKind, Mention, Paragraph};

/// Find place names; a place may stand inside an organization's name.
pub fn find(p: &mut Paragraph<'_>, out: &mut Vec<Mention>) {
    let tokens = p.tokens;
    for t in tokens {
        if t.pos == "ns" && p.is_free(t.start, t.end, |k| k == EntityKind::Organization) {
            p.claim(t.start, t.end, EntityKind::Place);
            out.push(Mention::new(EntityKind::Place, t.start, t.end));
        }
    }
}
