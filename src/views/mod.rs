//! Corpus views over analyzed text: key terms ([`keywords`]), concordances ([`kwic`]), entity
//! co-occurrence ([`cooccurrence`]) and the entity network built from it ([`graph`]), and the
//! keyness of one corpus against another ([`compare`]).

pub mod compare;
pub mod cooccurrence;
pub mod graph;
pub mod keywords;
pub mod kwic;
