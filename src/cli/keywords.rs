//! `corpus-cli keywords`: key terms of every document and of the whole corpus, by TF-IDF or
//! TextRank.

use std::collections::{HashMap, HashSet};
use std::io::{self, Write};

use clap::Args;
use serde::Serialize;

use super::inputs::{self, ErrorEntry, Outcome};
use super::{EXIT_USAGE, InputArgs, OutputArgs, build_analyzer, report_error};
use crate::reader::Source;
use crate::report::Format;
use crate::report::csv::field;
use crate::report::table::{new_table, right};
use crate::views::keywords::{
    CORPUS_IDF_MIN_DOCUMENTS, CorpusKeyword, CorpusKeywords, DocumentFrequencies, Idf, IdfChoice,
    Keyword, KeywordExtractor, Method,
};

#[derive(Debug, Args)]
pub struct KeywordsArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub output: OutputArgs,

    /// How to score terms.
    #[arg(long, value_enum, default_value_t = Method::Tfidf)]
    pub method: Method,

    /// TF-IDF's IDF table: `auto` takes it from the corpus when there are at least 20
    /// documents, else from jieba-rs's built-in table.
    #[arg(long, value_enum, default_value_t = IdfChoice::Auto)]
    pub idf: IdfChoice,
}

/// One document's key terms.
#[derive(Debug, Serialize)]
struct DocumentKeywords<'a> {
    #[serde(rename = "type")]
    record_type: &'static str,
    path: &'a str,
    method: Method,
    idf: Option<Idf>,
    keywords: &'a [Keyword],
}

/// The corpus's key terms (the last JSON Lines record; `summary` in JSON).
#[derive(Debug, Serialize)]
struct CorpusRecord<'a> {
    #[serde(rename = "type")]
    record_type: &'static str,
    method: Method,
    idf: Option<Idf>,
    documents: usize,
    errors: usize,
    keywords: &'a [CorpusKeyword],
}

enum Entry {
    Document(String, Vec<Keyword>),
    Error(String, String),
}

/// Read and decode a source.
fn read(source: &Source, input: &InputArgs) -> Result<String, String> {
    source
        .read_text(input.encoding)
        .map(|(t, _)| t)
        .map_err(|e| e.message())
}

/// `corpus-cli keywords`.
pub fn run_keywords(args: &KeywordsArgs) -> u8 {
    let analyzer = match build_analyzer(&args.input) {
        Ok(a) => a,
        Err((path, message)) => {
            report_error(&path, &message);
            return EXIT_USAGE;
        }
    };
    let expanded = match inputs::expand(&args.input, &args.input.paths) {
        Ok(e) => e,
        Err(code) => return code,
    };
    let (seg, stop) = (analyzer.segmenter(), analyzer.stopwords().clone());
    let mut entries: Vec<Entry> = Vec::new();
    // Inputs that failed in the first pass are not read again.
    let mut failed: HashSet<String> = HashSet::new();
    // Inputs read once (standard input, named pipes): their texts, kept for the second pass.
    let mut stream_texts: HashMap<String, String> = HashMap::new();

    let wants_corpus_idf =
        args.method == Method::Tfidf && args.idf.resolve(expanded.sources.len()) == Idf::Corpus;
    let extractor = if args.method == Method::Textrank {
        KeywordExtractor::textrank(seg, stop)
    } else if wants_corpus_idf {
        // First pass: document frequencies.
        // Candidates do not depend on the scorer; TextRank is the cheapest to build.
        let probe = KeywordExtractor::textrank(seg, stop.clone());
        let mut df = DocumentFrequencies::default();
        inputs::process(
            &args.input,
            &expanded,
            |s| {
                let text = read(s, &args.input)?;
                let words = probe.candidates(&text);
                Ok((words, s.is_stream().then_some(text)))
            },
            |outcome| match outcome {
                Outcome::Done(path, (words, text)) => {
                    df.add(words);
                    if let Some(text) = text {
                        stream_texts.insert(path, text);
                    }
                }
                Outcome::Failed(path, message) => {
                    failed.insert(path.clone());
                    entries.push(Entry::Error(path, message));
                }
            },
        );
        if args.idf == IdfChoice::Auto && df.documents() < CORPUS_IDF_MIN_DOCUMENTS {
            KeywordExtractor::tfidf_builtin(seg, stop)
        } else {
            KeywordExtractor::tfidf_corpus(seg, stop, &df)
        }
    } else {
        KeywordExtractor::tfidf_builtin(seg, stop)
    };

    let mut corpus = CorpusKeywords::default();
    let top = args.output.top;
    let second = inputs::Expanded {
        sources: expanded
            .sources
            .iter()
            .filter(|s| !failed.contains(&s.display_name()))
            .cloned()
            .collect(),
        walk_errors: if wants_corpus_idf {
            Vec::new()
        } else {
            expanded.walk_errors.clone()
        },
        single: expanded.single,
    };
    inputs::process(
        &args.input,
        &second,
        |s| {
            let text = match stream_texts.get(&s.display_name()) {
                Some(t) if s.is_stream() => t.clone(),
                _ => read(s, &args.input)?,
            };
            Ok(extractor.extract(&text))
        },
        |outcome| match outcome {
            Outcome::Done(path, mut keywords) => {
                corpus.add(&keywords);
                if top > 0 {
                    keywords.truncate(top);
                }
                entries.push(Entry::Document(path, keywords));
            }
            Outcome::Failed(path, message) => entries.push(Entry::Error(path, message)),
        },
    );
    let documents = entries
        .iter()
        .filter(|e| matches!(e, Entry::Document(..)))
        .count();
    let errors = entries.len() - documents;
    let corpus = corpus.finish(top);
    let report = Report {
        method: args.method,
        idf: extractor.idf(),
        entries: &entries,
        corpus: &corpus,
        documents,
        errors,
        single: expanded.single,
    };
    if let Err(code) = inputs::write_report(args.output.output.as_deref(), |out| {
        report.write(args.output.format, out)
    }) {
        return code;
    }
    inputs::exit_code(documents, errors, &args.input.glob)
}

struct Report<'a> {
    method: Method,
    idf: Option<Idf>,
    entries: &'a [Entry],
    corpus: &'a [CorpusKeyword],
    documents: usize,
    errors: usize,
    single: bool,
}

impl Report<'_> {
    fn document<'b>(&self, path: &'b str, keywords: &'b [Keyword]) -> DocumentKeywords<'b> {
        DocumentKeywords {
            record_type: "document",
            path,
            method: self.method,
            idf: self.idf,
            keywords,
        }
    }

    fn summary(&self) -> CorpusRecord<'_> {
        CorpusRecord {
            record_type: "summary",
            method: self.method,
            idf: self.idf,
            documents: self.documents,
            errors: self.errors,
            keywords: self.corpus,
        }
    }

    fn scoring(&self) -> String {
        match (self.method, self.idf) {
            (Method::Textrank, _) => "TextRank".to_string(),
            (_, Some(Idf::Corpus)) => {
                format!("TF-IDF, IDF from these {} documents", self.documents)
            }
            _ => "TF-IDF, IDF from jieba-rs's built-in table".to_string(),
        }
    }

    fn write(&self, format: Format, out: &mut dyn Write) -> io::Result<()> {
        match format {
            Format::Jsonl => {
                for e in self.entries {
                    match e {
                        Entry::Document(path, k) => {
                            inputs::json_line(out, &self.document(path, k))?
                        }
                        Entry::Error(path, m) => {
                            inputs::json_line(out, &ErrorEntry::new(path.clone(), m.clone()))?
                        }
                    }
                }
                inputs::json_line(out, &self.summary())
            }
            Format::Json => {
                if self.single {
                    if let Some(Entry::Document(path, k)) = self.entries.first() {
                        inputs::json_pretty(out, &self.document(path, k))?;
                    }
                    return Ok(());
                }
                let mut documents = Vec::new();
                let mut errors = Vec::new();
                for e in self.entries {
                    match e {
                        Entry::Document(path, k) => documents.push(self.document(path, k)),
                        Entry::Error(path, m) => {
                            errors.push(ErrorEntry::new(path.clone(), m.clone()))
                        }
                    }
                }
                inputs::json_pretty(
                    out,
                    &serde_json::json!({
                        "type": "corpus",
                        "documents": documents,
                        "errors": errors,
                        "summary": self.summary(),
                    }),
                )
            }
            Format::Csv => {
                writeln!(out, "scope,path,rank,word,pos,weight")?;
                for e in self.entries {
                    if let Entry::Document(path, k) = e {
                        for (i, k) in k.iter().enumerate() {
                            writeln!(
                                out,
                                "document,{},{},{},{},{}",
                                field(path),
                                i + 1,
                                field(&k.word),
                                field(&k.pos),
                                k.weight
                            )?;
                        }
                    }
                }
                if !self.single {
                    for (i, k) in self.corpus.iter().enumerate() {
                        writeln!(
                            out,
                            "corpus,,{},{},{},{}",
                            i + 1,
                            field(&k.word),
                            field(&k.pos),
                            k.weight
                        )?;
                    }
                }
                Ok(())
            }
            Format::Table => self.write_table(out),
        }
    }

    fn write_table(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "Keywords by {}", self.scoring())?;
        if self.single {
            if let Some(Entry::Document(path, k)) = self.entries.first() {
                writeln!(out, "{path}")?;
                let mut t = new_table(&["#", "word", "POS", "weight"]);
                for (i, k) in k.iter().enumerate() {
                    t.add_row(vec![
                        (i + 1).to_string(),
                        k.word.clone(),
                        k.pos.clone(),
                        format!("{:.4}", k.weight),
                    ]);
                }
                right(&mut t, &[0, 3]);
                writeln!(out, "{t}")?;
            }
            return Ok(());
        }
        writeln!(
            out,
            "\nCorpus ({} documents, {} failed; weight = mean over documents)",
            self.documents, self.errors
        )?;
        let mut t = new_table(&["#", "word", "POS", "weight", "documents"]);
        for (i, k) in self.corpus.iter().enumerate() {
            t.add_row(vec![
                (i + 1).to_string(),
                k.word.clone(),
                k.pos.clone(),
                format!("{:.4}", k.weight),
                k.documents.to_string(),
            ]);
        }
        right(&mut t, &[0, 3, 4]);
        writeln!(out, "{t}")?;
        writeln!(out, "\nDocuments")?;
        let mut t = new_table(&["path", "top keywords"]);
        for e in self.entries {
            match e {
                Entry::Document(path, k) => {
                    let words: Vec<&str> = k.iter().take(8).map(|k| k.word.as_str()).collect();
                    t.add_row(vec![path.clone(), words.join(" ")]);
                }
                Entry::Error(path, m) => {
                    t.add_row(vec![path.clone(), format!("(failed: {m})")]);
                }
            }
        }
        writeln!(out, "{t}")
    }
}
