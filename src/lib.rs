//! corpus-cli: a Chinese news text analyzer. The library holds the whole pipeline — reading and
//! decoding ([`reader`]) or JSON Lines documents ([`jsonl_input`]), folding full-width characters ([`normalize`]), segmentation with POS tags
//! ([`segment`]), entity extraction ([`extract`]), counting ([`stats`]), the per-document record
//! ([`document`]), the corpus summary ([`summary`]), the reporters ([`report`]) and the corpus
//! views (keywords, concordance, co-occurrence, keyness: [`views`]) — so tests and
//! benchmarks call it directly; [`cli`] is the command line over it.
//!
//! ```
//! use corpus_cli::Analyzer;
//! let doc = Analyzer::default().analyze("2024年7月5日，上海合作组织峰会在北京举行。");
//! assert!(doc.entities.place.iter().any(|e| e.text == "北京"));
//! assert_eq!(doc.entities.date[0].value, Some(serde_json::json!("2024-07-05")));
//! ```

pub mod cli;
pub mod document;
pub mod extract;
pub mod jsonl_input;
pub mod lexicon;
pub mod normalize;
pub mod reader;
pub mod report;
pub mod segment;
pub mod split;
pub mod stats;
pub mod summary;
pub mod views;

pub use document::{Analyzer, Document, Entity};
pub use extract::EntityKind;
