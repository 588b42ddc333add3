//! JSON Lines documents in: one `{"id": ..., "text": ...}` object per line, read line by line from
//! a file or standard input — the framing distributed engines pipe through a tool, and how many
//! corpora are shipped. A malformed line is an error for that line alone; reading goes on.

use std::fs;
use std::io::{self, BufRead, BufReader};

use serde_json::Value;

use crate::reader::{self, Encoding, EncodingChoice, ReadError, Source};

/// The names of the fields that hold a document's identifier and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fields {
    pub id: String,
    pub text: String,
}

impl Default for Fields {
    fn default() -> Self {
        Fields {
            id: "id".to_string(),
            text: "text".to_string(),
        }
    }
}

/// One document read from a line.
#[derive(Clone, Debug, PartialEq)]
pub struct LineDocument {
    /// The line it was on (1-based).
    pub line: usize,
    /// The identifier as given (a string or a number), when the line has one.
    pub id: Option<Value>,
    pub text: String,
    /// The encoding the line was decoded from.
    pub encoding: Encoding,
}

/// A line that does not hold a document, or could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineError {
    /// The line (1-based).
    pub line: usize,
    pub message: String,
}

/// What a line gave.
pub type LineResult = Result<LineDocument, LineError>;

/// Parse one line (without its line break) into the document's identifier and text.
///
/// ```
/// use corpus_cli::jsonl_input::{Fields, parse_line};
/// let (id, text) = parse_line(r#"{"id": 7, "text": "新华社北京电", "title": "x"}"#, &Fields::default()).unwrap();
/// assert_eq!(id, Some(serde_json::json!(7)));
/// assert_eq!(text, "新华社北京电");
/// assert_eq!(parse_line(r#"{"id": 7}"#, &Fields::default()).unwrap_err(), r#"no "text" field"#);
/// ```
pub fn parse_line(line: &str, fields: &Fields) -> Result<(Option<Value>, String), String> {
    let value: Value = serde_json::from_str(line).map_err(describe_json_error)?;
    let Value::Object(mut object) = value else {
        return Err("not a JSON object".to_string());
    };
    let text = match object.remove(&fields.text) {
        Some(Value::String(s)) => s,
        Some(_) => return Err(format!("\"{}\" is not a string", fields.text)),
        None => return Err(format!("no \"{}\" field", fields.text)),
    };
    let id = match object.remove(&fields.id) {
        None | Some(Value::Null) => None,
        Some(v @ (Value::String(_) | Value::Number(_))) => Some(v),
        Some(_) => return Err(format!("\"{}\" is not a string or a number", fields.id)),
    };
    Ok((id, text))
}

/// serde_json's message without the "line 1" that is always true here.
fn describe_json_error(e: serde_json::Error) -> String {
    let message = e.to_string();
    let message = match message.find(" at line ") {
        Some(i) => format!("{} at column {}", &message[..i], e.column()),
        None => message,
    };
    format!("not valid JSON: {message}")
}

/// Reads documents from JSON Lines, one line at a time; blank lines are skipped.
pub struct JsonlReader<R> {
    input: R,
    fields: Fields,
    encoding: EncodingChoice,
    line: usize,
    buf: Vec<u8>,
    done: bool,
}

impl<R: BufRead> JsonlReader<R> {
    /// Lines are decoded as `encoding` says (`auto`: UTF-8, else GB18030), each on its own.
    pub fn new(input: R, fields: Fields, encoding: EncodingChoice) -> Self {
        JsonlReader {
            input,
            fields,
            encoding,
            line: 0,
            buf: Vec::new(),
            done: false,
        }
    }
}

impl JsonlReader<Box<dyn BufRead>> {
    /// Open a file, standard input or a named pipe.
    pub fn open(
        source: &Source,
        fields: Fields,
        encoding: EncodingChoice,
    ) -> Result<Self, ReadError> {
        let input: Box<dyn BufRead> = match source {
            Source::Stdin => Box::new(BufReader::with_capacity(1 << 16, io::stdin())),
            Source::Pipe(path) => {
                Box::new(BufReader::with_capacity(1 << 16, fs::File::open(path)?))
            }
            Source::File(path) => {
                let meta = fs::metadata(path).map_err(|e| crate::reader::link_error(path, e))?;
                if !meta.is_file() {
                    return Err(ReadError::NotAFile {
                        what: crate::reader::file_kind(&meta.file_type()),
                    });
                }
                Box::new(BufReader::with_capacity(1 << 16, fs::File::open(path)?))
            }
        };
        Ok(JsonlReader::new(input, fields, encoding))
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = LineResult;

    fn next(&mut self) -> Option<LineResult> {
        while !self.done {
            self.buf.clear();
            self.line += 1;
            let line = self.line;
            match self.input.read_until(b'\n', &mut self.buf) {
                Ok(0) => self.done = true,
                Ok(_) => {
                    let bytes = self.buf.strip_suffix(b"\n").unwrap_or(&self.buf);
                    let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
                    if bytes.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(self.document(line, bytes));
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => self.line -= 1,
                Err(e) => {
                    self.done = true;
                    return Some(Err(LineError {
                        line,
                        message: reader::describe_io(&e),
                    }));
                }
            }
        }
        None
    }
}

impl<R> JsonlReader<R> {
    fn document(&self, line: usize, bytes: &[u8]) -> LineResult {
        let fail = |message: String| LineError { line, message };
        let (decoded, encoding) =
            reader::decode(bytes, self.encoding).map_err(|e| fail(e.message()))?;
        let (id, text) = parse_line(&decoded, &self.fields).map_err(fail)?;
        Ok(LineDocument {
            line,
            id,
            text,
            encoding,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn read_all(input: &str, fields: Fields) -> Vec<LineResult> {
        JsonlReader::new(input.as_bytes(), fields, EncodingChoice::Auto).collect()
    }

    #[test]
    fn reads_documents_with_their_line_numbers_and_skips_blank_lines() {
        let input = "{\"id\": \"a\", \"text\": \"第一篇\"}\n\n  \r\n{\"text\": \"第二篇\", \"id\": 2}\r\n{\"text\": \"无编号\"}";
        let docs: Vec<LineDocument> = read_all(input, Fields::default())
            .into_iter()
            .map(Result::unwrap)
            .collect();
        let got: Vec<(usize, Option<Value>, &str)> = docs
            .iter()
            .map(|d| (d.line, d.id.clone(), d.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (1, Some(json!("a")), "第一篇"),
                (4, Some(json!(2)), "第二篇"),
                (5, None, "无编号"),
            ]
        );
    }

    #[test]
    fn a_malformed_line_is_an_error_for_that_line_only() {
        let input = "{\"text\": \"甲\"}\n{\"text\": \"乙\"\n[1, 2]\n{\"id\": 3}\n{\"text\": 5}\n{\"text\": \"丙\", \"id\": [1]}\n{\"text\": \"丁\"}\n";
        let results = read_all(input, Fields::default());
        let errors: Vec<(usize, String)> = results
            .iter()
            .filter_map(|r| r.as_ref().err())
            .map(|e| (e.line, e.message.clone()))
            .collect();
        assert_eq!(errors.len(), 5, "{errors:?}");
        assert_eq!(errors[0].0, 2);
        assert!(
            errors[0].1.starts_with("not valid JSON: "),
            "{}",
            errors[0].1
        );
        assert!(errors[0].1.contains("column"), "{}", errors[0].1);
        assert_eq!(errors[1], (3, "not a JSON object".to_string()));
        assert_eq!(errors[2], (4, "no \"text\" field".to_string()));
        assert_eq!(errors[3], (5, "\"text\" is not a string".to_string()));
        assert_eq!(
            errors[4],
            (6, "\"id\" is not a string or a number".to_string())
        );
        let texts: Vec<&str> = results
            .iter()
            .filter_map(|r| r.as_ref().ok())
            .map(|d| d.text.as_str())
            .collect();
        assert_eq!(texts, ["甲", "丁"]);
    }

    #[test]
    fn renamed_fields() {
        let fields = Fields {
            id: "doc_id".to_string(),
            text: "body".to_string(),
        };
        let results = read_all(
            "{\"doc_id\": \"x1\", \"body\": \"正文\", \"text\": \"不是它\"}\n{\"id\": 1, \"text\": \"旧名\"}\n",
            fields,
        );
        let doc = results[0].as_ref().unwrap();
        assert_eq!(
            (doc.id.clone(), doc.text.as_str()),
            (Some(json!("x1")), "正文")
        );
        assert_eq!(
            results[1].as_ref().unwrap_err().message,
            "no \"body\" field"
        );
    }

    #[test]
    fn lines_are_decoded_one_by_one() {
        let (gbk, _, _) = encoding_rs::GBK.encode("{\"text\": \"人民日报\"}\n");
        let mut input = "{\"text\": \"新华社\"}\n".as_bytes().to_vec();
        input.extend_from_slice(&gbk);
        let docs: Vec<LineResult> =
            JsonlReader::new(&input[..], Fields::default(), EncodingChoice::Auto).collect();
        let d = docs[1].as_ref().unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding),
            ("人民日报", Encoding::Gb18030)
        );
        assert_eq!(docs[0].as_ref().unwrap().encoding, Encoding::Utf8);
        let strict: Vec<LineResult> =
            JsonlReader::new(&input[..], Fields::default(), EncodingChoice::Utf8).collect();
        assert!(strict[0].is_ok());
        assert!(strict[1].as_ref().unwrap_err().message.contains("UTF-8"));
    }

    #[test]
    fn escaped_text_round_trips() {
        let text = "第一段\n\n第二段\t“引号” \\ 结束\n";
        let line = serde_json::to_string(&json!({"id": "d", "text": text})).unwrap();
        let doc = read_all(&line, Fields::default()).remove(0).unwrap();
        assert_eq!(doc.text, text);
    }
}
