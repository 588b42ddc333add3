//! Organization pass: names of institutions, companies, parties, media and bodies.

use super::{EntityKind, Mention, Paragraph};

/// Find organization names and claim their characters.
pub fn find(p: &mut Paragraph<'_>, out: &mut Vec<Mention>) {
    let tokens = p.tokens;
    for t in tokens {
        if t.pos == "nt" && p.is_unclaimed(t.start, t.end) {
            p.claim(t.start, t.end, EntityKind::Organization);
            out.push(Mention::new(EntityKind::Organization, t.start, t.end));
        }
    }
}
