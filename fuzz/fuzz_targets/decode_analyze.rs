//! Fuzz target: arbitrary bytes through decoding and the whole analysis pipeline. The first byte
//! picks the `--encoding` choice; the rest is the file. Besides "never panics", it checks that
//! every reported mention points at its entity's text in the decoded input and that the
//! character count matches the text.

#![no_main]

use std::sync::OnceLock;

use corpus_cli::Analyzer;
use corpus_cli::reader::{EncodingChoice, decode};
use libfuzzer_sys::fuzz_target;

static ANALYZER: OnceLock<Analyzer> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let choice = match selector % 4 {
        0 => EncodingChoice::Auto,
        1 => EncodingChoice::Utf8,
        2 => EncodingChoice::Gb18030,
        _ => EncodingChoice::Utf16,
    };
    let Ok((text, _encoding)) = decode(bytes, choice) else {
        return;
    };
    let analyzer = ANALYZER.get_or_init(Analyzer::default);
    let doc = analyzer.analyze(&text);
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(doc.stats.characters, chars.len());
    for kind in corpus_cli::EntityKind::ALL {
        for e in doc.entities.get(kind) {
            // `mentions` keeps the first spans only; `count` is exact.
            assert_eq!(
                e.mentions.len(),
                e.count.min(corpus_cli::document::MAX_MENTION_SPANS),
                "{e:?}"
            );
            for m in &e.mentions {
                assert!(m.start < m.end && m.end <= chars.len(), "{m:?} in {e:?}");
                let surface: String = chars[m.start..m.end].iter().collect();
                assert!(
                    surface == e.text || e.aliases.contains(&surface),
                    "mention {m:?} reads {surface:?}, entity is {e:?}"
                );
            }
        }
    }
    serde_json::to_string(&doc).expect("a document always serializes");
});
