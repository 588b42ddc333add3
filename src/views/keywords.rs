//! Key terms of each document and of a whole corpus, by TF-IDF or TextRank (jieba-rs's
//! extractors). TF-IDF takes its IDF from the corpus itself when the corpus has at least
//! [`CORPUS_IDF_MIN_DOCUMENTS`] documents, and from jieba-rs's built-in table otherwise.

use std::collections::{HashMap, HashSet};

use jieba_rs::{Jieba, KeywordExtract, KeywordExtractConfig, TextRank, TfIdf};
use serde::Serialize;

use crate::normalize::{self, is_han};
use crate::segment::Segmenter;
use crate::stats::Stopwords;

/// With at least this many documents, `--idf auto` computes IDF from the corpus. Below it,
/// document frequencies are too coarse (with 5 documents a word can only have 5 IDF values) and
/// the general-news IDF table built into jieba-rs ranks terms better.
pub const CORPUS_IDF_MIN_DOCUMENTS: usize = 20;

/// Shortest keyword, in characters (single characters are rarely key terms in Chinese).
const MIN_KEYWORD_CHARS: usize = 2;

/// The parts of speech a key term may have: nouns (names of people, places and organizations
/// included), verbal and adjectival nouns, verbs, abbreviations and foreign words — jieba's
/// TextRank default (n, ns, vn, v) with the other noun subtags. Both methods use it, so
/// function words such as 共同 (d) or 中方 (f) are not reported.
const CONTENT_POS: [&str; 12] = [
    "n", "nr", "nrfg", "nrt", "ns", "nt", "nz", "vn", "v", "an", "j", "eng",
];

/// How key terms are scored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    /// Term frequency × inverse document frequency.
    Tfidf,
    /// PageRank over a graph of words that appear within five words of each other.
    Textrank,
}

/// Where TF-IDF's inverse document frequencies come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum IdfChoice {
    /// From the corpus when it has enough documents (see the help), else built in.
    Auto,
    /// jieba-rs's built-in table (general Chinese text).
    Builtin,
    /// ln(N / df) over the documents given.
    Corpus,
}

/// The IDF table a TF-IDF run used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Idf {
    Builtin,
    Corpus,
}

impl IdfChoice {
    /// The table to use for a corpus of `documents` documents.
    pub fn resolve(self, documents: usize) -> Idf {
        match self {
            IdfChoice::Builtin => Idf::Builtin,
            IdfChoice::Corpus => Idf::Corpus,
            IdfChoice::Auto if documents >= CORPUS_IDF_MIN_DOCUMENTS => Idf::Corpus,
            IdfChoice::Auto => Idf::Builtin,
        }
    }
}

/// A key term of a document.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Keyword {
    pub word: String,
    pub weight: f64,
    pub pos: String,
}

/// A key term of the corpus: its mean weight over all documents (0 where it is not a
/// candidate) and the number of documents it is a candidate in.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CorpusKeyword {
    pub word: String,
    pub weight: f64,
    pub pos: String,
    pub documents: usize,
}

/// In how many documents each candidate word occurs: the input of a corpus IDF table.
#[derive(Clone, Debug, Default)]
pub struct DocumentFrequencies {
    documents: usize,
    df: HashMap<String, usize>,
}

impl DocumentFrequencies {
    /// Count one document, given its distinct candidate words.
    pub fn add(&mut self, words: HashSet<String>) {
        self.documents += 1;
        for w in words {
            *self.df.entry(w).or_default() += 1;
        }
    }

    pub fn documents(&self) -> usize {
        self.documents
    }

    /// The IDF of `word`: ln(N / df), 0 for a word in every document.
    pub fn idf(&self, word: &str) -> Option<f64> {
        let df = *self.df.get(word)?;
        Some((self.documents as f64 / df as f64).ln())
    }

    /// The table in jieba's `word idf` format, sorted so it is the same on every run.
    fn table(&self) -> String {
        let mut words: Vec<&String> = self.df.keys().collect();
        words.sort();
        let mut out = String::new();
        for w in words {
            if let Some(idf) = self.idf(w) {
                out.push_str(&format!("{w} {idf}\n"));
            }
        }
        out
    }
}

enum Scorer {
    TfIdf(TfIdf),
    TextRank(TextRank),
}

/// Extracts keywords with one method and one IDF table; shared by every thread.
pub struct KeywordExtractor {
    jieba: &'static Jieba,
    stopwords: Stopwords,
    scorer: Scorer,
    idf: Option<Idf>,
}

/// jieba's keyword configuration with our stopwords (and its own English ones) added.
fn config(stopwords: &Stopwords) -> KeywordExtractConfig {
    let mut builder = KeywordExtractConfig::builder()
        .use_hmm(true)
        .min_keyword_length(MIN_KEYWORD_CHARS);
    for w in stopwords.words() {
        builder = builder.add_stop_word(w);
    }
    builder.build()
}

/// True for a word worth reporting: it has a Han character or a letter (so punctuation and bare
/// numbers like 2024 are left out).
fn is_term(word: &str) -> bool {
    word.chars().any(|c| is_han(c) || c.is_alphabetic())
}

impl KeywordExtractor {
    /// TF-IDF with jieba-rs's built-in IDF table.
    pub fn tfidf_builtin(segmenter: Segmenter, stopwords: Stopwords) -> Self {
        let mut tfidf = TfIdf::default();
        *tfidf.config_mut() = config(&stopwords);
        KeywordExtractor {
            jieba: segmenter.jieba(),
            stopwords,
            scorer: Scorer::TfIdf(tfidf),
            idf: Some(Idf::Builtin),
        }
    }

    /// TF-IDF with IDF computed from the corpus (`df`). With no candidate word in the corpus
    /// at all there is nothing to weigh, and the built-in table stands in.
    pub fn tfidf_corpus(
        segmenter: Segmenter,
        stopwords: Stopwords,
        df: &DocumentFrequencies,
    ) -> Self {
        if df.df.is_empty() {
            return Self::tfidf_builtin(segmenter, stopwords);
        }
        let table = df.table();
        let tfidf = TfIdf::new(Some(&mut table.as_bytes()), config(&stopwords));
        KeywordExtractor {
            jieba: segmenter.jieba(),
            stopwords,
            scorer: Scorer::TfIdf(tfidf),
            idf: Some(Idf::Corpus),
        }
    }

    /// TextRank over a window of five words.
    pub fn textrank(segmenter: Segmenter, stopwords: Stopwords) -> Self {
        let textrank = TextRank::new(5, config(&stopwords));
        KeywordExtractor {
            jieba: segmenter.jieba(),
            stopwords,
            scorer: Scorer::TextRank(textrank),
            idf: None,
        }
    }

    /// The IDF table in use (None for TextRank).
    pub fn idf(&self) -> Option<Idf> {
        self.idf
    }

    /// The distinct words of `text` that TF-IDF counts (for a corpus IDF table); the same
    /// whichever scorer the extractor has.
    pub fn candidates(&self, text: &str) -> HashSet<String> {
        let folded = normalize::fold(text);
        self.jieba
            .tag(&folded, true)
            .into_iter()
            .filter(|t| CONTENT_POS.contains(&t.tag))
            .map(|t| t.word)
            .filter(|w| {
                w.chars().count() >= MIN_KEYWORD_CHARS && !self.stopwords.contains(w) && is_term(w)
            })
            .map(str::to_string)
            .collect()
    }

    /// Every key term of `text`, best first (ties by word). TextRank weights are scaled so the
    /// best term has 1.0.
    pub fn extract(&self, text: &str) -> Vec<Keyword> {
        let folded = normalize::fold(text);
        let pos: Vec<String> = CONTENT_POS.iter().map(|p| p.to_string()).collect();
        let (found, scale) = match &self.scorer {
            Scorer::TfIdf(t) => (
                t.extract_keywords(self.jieba, &folded, usize::MAX, pos),
                false,
            ),
            Scorer::TextRank(t) => (
                t.extract_keywords(self.jieba, &folded, usize::MAX, pos),
                true,
            ),
        };
        let mut out: Vec<Keyword> = found
            .into_iter()
            .filter(|k| is_term(&k.keyword))
            .map(|k| Keyword {
                word: k.keyword,
                weight: k.weight,
                pos: k.tag,
            })
            .collect();
        if scale {
            let max = out.iter().map(|k| k.weight).fold(0.0, f64::max);
            if max > 0.0 {
                for k in &mut out {
                    k.weight /= max;
                }
            }
        }
        sort_keywords(&mut out);
        out
    }
}

fn sort_keywords(list: &mut [Keyword]) {
    list.sort_by(|a, b| {
        b.weight
            .total_cmp(&a.weight)
            .then_with(|| a.word.cmp(&b.word))
    });
}

/// Corpus key terms: the mean of each word's weight over every document added.
#[derive(Debug, Default)]
pub struct CorpusKeywords {
    documents: usize,
    words: HashMap<String, (f64, String, usize)>,
}

impl CorpusKeywords {
    /// Add one document's complete keyword list.
    pub fn add(&mut self, keywords: &[Keyword]) {
        self.documents += 1;
        for k in keywords {
            let slot = self
                .words
                .entry(k.word.clone())
                .or_insert_with(|| (0.0, k.pos.clone(), 0));
            slot.0 += k.weight;
            slot.2 += 1;
        }
    }

    /// The best `top` terms (0 = all), best first, ties by word.
    pub fn finish(self, top: usize) -> Vec<CorpusKeyword> {
        let n = self.documents.max(1) as f64;
        let mut list: Vec<CorpusKeyword> = self
            .words
            .into_iter()
            .map(|(word, (sum, pos, documents))| CorpusKeyword {
                word,
                weight: sum / n,
                pos,
                documents,
            })
            .collect();
        list.sort_by(|a, b| {
            b.weight
                .total_cmp(&a.weight)
                .then_with(|| a.word.cmp(&b.word))
        });
        if top > 0 {
            list.truncate(top);
        }
        list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn weight(list: &[Keyword], word: &str) -> f64 {
        list.iter().find(|k| k.word == word).unwrap().weight
    }

    #[test]
    fn corpus_tfidf_by_hand() {
        // Three documents. df: 经济 3, 政治 1, 文化 2, N = 3.
        // idf(经济) = ln(3/3) = 0, idf(政治) = ln(3/1) = 1.098612, idf(文化) = ln(3/2) = 0.405465.
        let docs = ["经济 政治 政治 文化", "经济 文化", "经济"];
        let seg = Segmenter::shared();
        let probe = KeywordExtractor::tfidf_builtin(seg, Stopwords::none());
        let mut df = DocumentFrequencies::default();
        for d in docs {
            df.add(probe.candidates(d));
        }
        assert_eq!(df.documents(), 3);
        let ex = KeywordExtractor::tfidf_corpus(seg, Stopwords::none(), &df);
        assert_eq!(ex.idf(), Some(Idf::Corpus));
        // Document 1: tf 经济 1, 政治 2, 文化 1, total 4.
        // 政治 = 2 × 1.098612 / 4 = 0.549306; 文化 = 1 × 0.405465 / 4 = 0.101366; 经济 = 0.
        let k = ex.extract(docs[0]);
        assert_eq!(
            k.iter().map(|k| k.word.as_str()).collect::<Vec<_>>(),
            ["政治", "文化", "经济"]
        );
        assert!((weight(&k, "政治") - 0.549306).abs() < 1e-6);
        assert!((weight(&k, "文化") - 0.101366).abs() < 1e-6);
        assert_eq!(weight(&k, "经济"), 0.0);
    }

    #[test]
    fn stopwords_punctuation_and_numbers_are_not_keywords() {
        let stop = Stopwords::builtin();
        let some_stopword = stop.words().next().unwrap().to_string();
        let text = format!("2024年，{some_stopword}经济——经济！政治……");
        let ex = KeywordExtractor::tfidf_builtin(Segmenter::shared(), stop);
        for k in ex.extract(&text) {
            assert!(is_term(&k.word), "{k:?}");
            assert_ne!(k.word, some_stopword);
            assert!(k.word.chars().count() >= 2);
        }
    }

    #[test]
    fn textrank_by_hand() {
        // Tokens: 经济 ␠ 政治 ␠ 经济 — candidates at positions 0, 2 and 4 (ids 0 = 经济,
        // 1 = 政治). Within a window of five, jieba-rs counts the pairs (0,2) 经济–政治,
        // (0,4) 经济–经济 and (2,4) 政治–经济. Undirected weights: 经济 has edges to 政治 (×2)
        // and to itself (the self-pair listed twice), so out-weight(经济) = 4 and
        // out-weight(政治) = 2. At the fixed point (d = 0.85):
        //   r1 = 0.15 + 0.85 · (r0/4 + r0/4)              = 0.15 + 0.425 r0
        //   r0 = 0.15 + 0.85 · (r1/2 + r1/2 + r0/4 + r0/4) = 0.15 + 0.85 r1 + 0.425 r0
        // so 0.575 r0 = 0.2775 + 0.36125 r0, r0 = 0.2775 / 0.21375 = 1.298246 and
        // r1 = 0.701754; scaled by the best, 经济 = 1 and 政治 = 0.701754 / 1.298246 = 0.540541.
        let ex = KeywordExtractor::textrank(Segmenter::shared(), Stopwords::none());
        let k = ex.extract("经济 政治 经济");
        assert_eq!(k.len(), 2, "{k:?}");
        assert_eq!(k[0].word, "经济");
        assert_eq!(k[0].weight, 1.0);
        assert_eq!(k[1].word, "政治");
        assert!((k[1].weight - 0.540541).abs() < 1e-3, "{k:?}");
    }

    #[test]
    fn builtin_tfidf_prefers_rare_words() {
        // Same term frequency; the built-in IDF of 上合组织-like rare names is far above that of
        // everyday words such as 发展, so the rare word ranks first.
        let ex = KeywordExtractor::tfidf_builtin(Segmenter::shared(), Stopwords::none());
        let k = ex.extract("发展 阿斯塔纳");
        assert_eq!(k[0].word, "阿斯塔纳", "{k:?}");
        assert!(k[0].weight > k[1].weight);
    }

    #[test]
    fn corpus_keywords_are_means_over_documents() {
        let mut c = CorpusKeywords::default();
        let kw = |w: &str, x: f64| Keyword {
            word: w.into(),
            weight: x,
            pos: "n".into(),
        };
        c.add(&[kw("甲", 0.6), kw("乙", 0.2)]);
        c.add(&[kw("乙", 0.4)]);
        // 甲: (0.6 + 0) / 2 = 0.3 in 1 document; 乙: (0.2 + 0.4) / 2 = 0.3 in 2 documents.
        let list = c.finish(0);
        assert_eq!(list.len(), 2);
        assert!((list[0].weight - 0.3).abs() < 1e-12);
        assert!((list[1].weight - 0.3).abs() < 1e-12);
        assert_eq!(list.iter().find(|k| k.word == "乙").unwrap().documents, 2);
    }

    #[test]
    fn auto_idf_threshold() {
        assert_eq!(
            IdfChoice::Auto.resolve(CORPUS_IDF_MIN_DOCUMENTS - 1),
            Idf::Builtin
        );
        assert_eq!(
            IdfChoice::Auto.resolve(CORPUS_IDF_MIN_DOCUMENTS),
            Idf::Corpus
        );
        assert_eq!(IdfChoice::Builtin.resolve(100), Idf::Builtin);
        assert_eq!(IdfChoice::Corpus.resolve(2), Idf::Corpus);
    }
}
