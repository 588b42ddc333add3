//! Corpus views over analyzed text: key terms ([`keywords`]), concordances ([`kwic`]), entity
//! co-occurrence ([`cooccurrence`]) and the entity network built from it ([`graph`]), and the
//! keyness of one corpus against another ([`compare`]).

pub mod compare;
pub mod cooccurrence;
pub mod graph;
pub mod keywords;
pub mod kwic;

/// Character offset → byte offset table for a text (one entry per character, plus the end).
pub(crate) fn byte_offsets(text: &str) -> Vec<usize> {
    let mut at: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    at.push(text.len());
    at
}
