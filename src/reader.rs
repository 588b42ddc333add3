//! Reading inputs: expanding files, folders and `-` into a sorted list of sources, and decoding
//! their bytes (UTF-8, UTF-16 with a byte-order mark, GB18030/GBK) into text — whole for
//! ordinary inputs, line by line for large ones.

use std::fmt;
use std::fs;
use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};

use globset::{Glob, GlobMatcher};

/// How to decode input bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum EncodingChoice {
    /// UTF-8 unless a UTF-16 byte-order mark says otherwise; GB18030 when the bytes are not UTF-8.
    #[default]
    Auto,
    /// UTF-8 only: invalid bytes are an error.
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    /// GB18030 (a superset of GBK and GB2312).
    #[value(alias = "gbk", alias = "gb2312")]
    Gb18030,
    /// UTF-16; little-endian unless a byte-order mark says big-endian.
    #[value(name = "utf-16", alias = "utf16")]
    Utf16,
}

/// The encoding a text was decoded from, as reported to the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Gb18030,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 (BOM)",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Gb18030 => "GB18030",
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why an input could not be read or decoded.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{0}")]
    Io(#[from] io::Error),
    #[error("not valid UTF-8 (invalid byte at offset {offset}); try --encoding gb18030")]
    InvalidUtf8 { offset: usize },
    #[error("not valid {encoding} text")]
    Malformed { encoding: &'static str },
    #[error("looks like a binary file (NUL byte at offset {offset}); skipped")]
    Binary { offset: usize },
    #[error("looks like {0} without a byte-order mark; skipped (try --encoding utf-16)")]
    Utf16WithoutBom(&'static str),
    #[error("{what}, not a regular file; skipped")]
    NotAFile { what: &'static str },
    #[error("{0}")]
    Link(&'static str),
}

/// One input to analyze: a file on disk, standard input, or a named pipe.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    Stdin,
    File(PathBuf),
    /// A named pipe given by name on the command line, as a shell's process substitution
    /// makes (`corpus-cli analyze <(zcat news.gz)`): read once, as standard input is. A pipe
    /// met in a folder is skipped instead, since nothing may ever write to it.
    Pipe(PathBuf),
}

impl Source {
    /// The name used in reports: `-` for standard input, the path as given otherwise.
    pub fn display_name(&self) -> String {
        match self {
            Source::Stdin => "-".to_string(),
            Source::File(p) | Source::Pipe(p) => p.display().to_string(),
        }
    }

    /// True for an input that can be read only once: standard input or a named pipe.
    pub fn is_stream(&self) -> bool {
        matches!(self, Source::Stdin | Source::Pipe(_))
    }

    /// Read the raw bytes of the input.
    pub fn read_bytes(&self) -> Result<Vec<u8>, ReadError> {
        match self {
            Source::Stdin => {
                let mut buf = Vec::new();
                io::stdin().lock().read_to_end(&mut buf)?;
                Ok(buf)
            }
            Source::Pipe(path) => {
                let mut buf = Vec::new();
                fs::File::open(path)?.read_to_end(&mut buf)?;
                Ok(buf)
            }
            Source::File(path) => {
                // Look before opening: opening a FIFO would block until something writes to
                // it, and a device may never end. Only regular files are opened.
                let meta = fs::metadata(path).map_err(|e| link_error(path, e))?;
                if !meta.is_file() {
                    return Err(ReadError::NotAFile {
                        what: file_kind(&meta.file_type()),
                    });
                }
                Ok(fs::read(path)?)
            }
        }
    }

    /// Read and decode the input.
    pub fn read_text(&self, choice: EncodingChoice) -> Result<(String, Encoding), ReadError> {
        decode_vec(self.read_bytes()?, choice)
    }

    /// The size of a file in bytes (0 for standard input or when unknown).
    pub fn size(&self) -> u64 {
        match self {
            Source::Stdin | Source::Pipe(_) => 0,
            Source::File(path) => fs::metadata(path).map_or(0, |m| m.len()),
        }
    }

    /// Open the input for analysis: inputs up to [`STREAM_THRESHOLD`] bytes are read and
    /// decoded whole; larger ones are decoded line by line, so memory does not grow with them.
    pub fn open(&self, choice: EncodingChoice) -> Result<Text, ReadError> {
        self.open_with_threshold(choice, STREAM_THRESHOLD)
    }

    /// [`Source::open`] with another size limit for reading whole.
    ///
    /// Both ways decode alike: a byte-order mark, then UTF-8, then GB18030 for `auto`, and NUL
    /// bytes mean binary. A large file is first scanned (for NUL bytes and UTF-8 validity) so
    /// the choice is the same as for the whole file. Standard input cannot be read twice: past
    /// the limit, `auto` decides between UTF-8 and GB18030 on the first `threshold` bytes, and an
    /// invalid or NUL byte further on is reported when it is met.
    pub fn open_with_threshold(
        &self,
        choice: EncodingChoice,
        threshold: usize,
    ) -> Result<Text, ReadError> {
        match self {
            Source::Stdin => open_stream(io::stdin(), choice, threshold),
            Source::Pipe(path) => open_stream(fs::File::open(path)?, choice, threshold),
            Source::File(path) => {
                let meta = fs::metadata(path).map_err(|e| link_error(path, e))?;
                if !meta.is_file() {
                    return Err(ReadError::NotAFile {
                        what: file_kind(&meta.file_type()),
                    });
                }
                if meta.len() <= threshold as u64 {
                    let (text, enc) = decode_vec(fs::read(path)?, choice)?;
                    return Ok(Text::Whole(text, enc));
                }
                let scan = Scan::of_reader(fs::File::open(path)?)?;
                let input = io::BufReader::with_capacity(1 << 16, fs::File::open(path)?);
                LineReader::new(Box::new(input), choice, scan).map(Text::Lines)
            }
        }
    }
}

/// Inputs larger than this many bytes are decoded and analyzed line by line.
pub const STREAM_THRESHOLD: usize = 8 << 20;

/// An opened input: its whole text, or a reader of its lines.
pub enum Text {
    Whole(String, Encoding),
    Lines(LineReader),
}

/// What a first look at an input's bytes found: its first two bytes (a UTF-16 byte-order mark),
/// the offset of its first NUL byte, and whether it is valid UTF-8.
struct Scan {
    head: [u8; 2],
    nul: Option<usize>,
    utf8: bool,
    /// False when only a prefix was scanned (standard input): a NUL byte may still come.
    whole: bool,
}

impl Scan {
    fn of_prefix(bytes: &[u8]) -> Scan {
        let utf8 = match std::str::from_utf8(bytes) {
            Ok(_) => true,
            // A character cut at the end of the prefix is not an error.
            Err(e) => e.error_len().is_none(),
        };
        Scan {
            head: [
                bytes.first().copied().unwrap_or(1),
                bytes.get(1).copied().unwrap_or(1),
            ],
            nul: memchr_nul(bytes),
            utf8,
            whole: false,
        }
    }

    fn of_reader(mut input: impl Read) -> io::Result<Scan> {
        let mut buf = vec![0u8; 1 << 16];
        let mut carry = 0;
        let mut offset = 0;
        let mut scan = Scan {
            head: [1, 1],
            nul: None,
            utf8: true,
            whole: true,
        };
        loop {
            let n = match input.read(&mut buf[carry..]) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            let chunk = &buf[carry..carry + n];
            if offset == 0 {
                scan.head = [chunk[0], chunk.get(1).copied().unwrap_or(1)];
            }
            if scan.nul.is_none() {
                scan.nul = memchr_nul(chunk).map(|i| offset + i);
            }
            offset += n;
            let filled = carry + n;
            carry = 0;
            if scan.utf8
                && let Err(e) = std::str::from_utf8(&buf[..filled])
            {
                if e.error_len().is_some() {
                    scan.utf8 = false;
                } else {
                    // A character cut at the end of the chunk: keep its bytes for the next one.
                    let valid = e.valid_up_to();
                    buf.copy_within(valid..filled, 0);
                    carry = filled - valid;
                }
            }
        }
        scan.utf8 &= carry == 0;
        Ok(scan)
    }
}

/// How a [`LineReader`] turns bytes into text.
enum Decoding {
    Utf8,
    Gb18030,
    /// A streaming UTF-16 decoder, with text decoded but not yet handed out.
    Utf16 {
        decoder: encoding_rs::Decoder,
        text: String,
        start: usize,
        ended: bool,
    },
}

/// Reads a large input line by line, decoding as [`decode`] would the whole input.
pub struct LineReader {
    input: Box<dyn BufRead + Send>,
    decoding: Decoding,
    encoding: Encoding,
    /// Bytes consumed so far.
    offset: usize,
    /// Look for NUL bytes (when the scan did not see the whole input).
    check_nul: bool,
    buf: Vec<u8>,
}

impl LineReader {
    fn new(
        mut input: Box<dyn BufRead + Send>,
        choice: EncodingChoice,
        scan: Scan,
    ) -> Result<Self, ReadError> {
        let bom_utf16 = match scan.head {
            [0xFF, 0xFE] => Some(Encoding::Utf16Le),
            [0xFE, 0xFF] => Some(Encoding::Utf16Be),
            _ => None,
        };
        let utf16 = match choice {
            EncodingChoice::Utf16 => Some(bom_utf16.unwrap_or(Encoding::Utf16Le)),
            EncodingChoice::Auto => bom_utf16,
            _ => None,
        };
        let mut offset = 0;
        let (decoding, encoding) = if let Some(enc) = utf16 {
            if bom_utf16.is_some() {
                input.read_exact(&mut [0u8; 2])?;
                offset = 2;
            }
            let codec = match enc {
                Encoding::Utf16Be => encoding_rs::UTF_16BE,
                _ => encoding_rs::UTF_16LE,
            };
            let decoding = Decoding::Utf16 {
                decoder: codec.new_decoder_without_bom_handling(),
                text: String::new(),
                start: 0,
                ended: false,
            };
            (decoding, enc)
        } else {
            if let Some(offset) = scan.nul {
                return Err(ReadError::Binary { offset });
            }
            let utf8 = match choice {
                EncodingChoice::Gb18030 => false,
                EncodingChoice::Utf8 => true,
                _ => scan.utf8,
            };
            if !utf8 {
                (Decoding::Gb18030, Encoding::Gb18030)
            } else if scan.head == [0xEF, 0xBB] && input.fill_buf()?.starts_with(b"\xEF\xBB\xBF") {
                input.read_exact(&mut [0u8; 3])?;
                offset = 3;
                (Decoding::Utf8, Encoding::Utf8Bom)
            } else {
                (Decoding::Utf8, Encoding::Utf8)
            }
        };
        Ok(LineReader {
            input,
            decoding,
            encoding,
            offset,
            check_nul: !scan.whole,
            buf: Vec::new(),
        })
    }

    /// The encoding the input is decoded from.
    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// Read the next line, with its line break, into `line` (replacing what it held).
    /// Returns false at the end of the input.
    pub fn read_line(&mut self, line: &mut String) -> Result<bool, ReadError> {
        line.clear();
        if let Decoding::Utf16 { .. } = self.decoding {
            return self.read_utf16_line(line);
        }
        self.buf.clear();
        let n = self.input.read_until(b'\n', &mut self.buf)?;
        if n == 0 {
            return Ok(false);
        }
        if self.check_nul
            && let Some(i) = memchr_nul(&self.buf)
        {
            return Err(ReadError::Binary {
                offset: self.offset + i,
            });
        }
        // A line break byte never occurs inside a UTF-8 or GB18030 character, so lines decode
        // on their own exactly as they would within the whole text.
        match self.decoding {
            Decoding::Utf8 => match std::str::from_utf8(&self.buf) {
                Ok(s) => line.push_str(s),
                Err(e) => {
                    return Err(ReadError::InvalidUtf8 {
                        offset: self.offset + e.valid_up_to(),
                    });
                }
            },
            _ => match encoding_rs::GB18030
                .decode_without_bom_handling_and_without_replacement(&self.buf)
            {
                Some(s) => line.push_str(&s),
                None => {
                    return Err(ReadError::Malformed {
                        encoding: "UTF-8 or GB18030",
                    });
                }
            },
        }
        self.offset += n;
        Ok(true)
    }

    fn read_utf16_line(&mut self, line: &mut String) -> Result<bool, ReadError> {
        let malformed = ReadError::Malformed {
            encoding: self.encoding.name(),
        };
        let Decoding::Utf16 {
            decoder,
            text,
            start,
            ended,
        } = &mut self.decoding
        else {
            unreachable!("called for UTF-16 only");
        };
        loop {
            if let Some(i) = text[*start..].find('\n') {
                line.push_str(&text[*start..*start + i + 1]);
                *start += i + 1;
                return Ok(true);
            }
            if *ended {
                line.push_str(&text[*start..]);
                *start = text.len();
                return Ok(!line.is_empty());
            }
            text.drain(..*start);
            *start = 0;
            let chunk = self.input.fill_buf()?;
            let last = chunk.is_empty();
            let mut read = 0;
            loop {
                let need = decoder
                    .max_utf8_buffer_length_without_replacement(chunk.len() - read)
                    .unwrap_or(chunk.len() * 3);
                text.reserve(need.max(4));
                let (result, n) =
                    decoder.decode_to_string_without_replacement(&chunk[read..], text, last);
                read += n;
                match result {
                    encoding_rs::DecoderResult::InputEmpty => break,
                    encoding_rs::DecoderResult::OutputFull => continue,
                    encoding_rs::DecoderResult::Malformed(..) => return Err(malformed),
                }
            }
            let n = chunk.len();
            self.input.consume(n);
            self.offset += n;
            *ended = last;
        }
    }
}

/// A problem met while expanding the command-line paths (a missing path, an unreadable folder).
#[derive(Debug)]
pub struct WalkError {
    pub path: String,
    pub message: String,
}

/// Expands command-line paths into sources: files as given, folders walked recursively for
/// files whose name matches `glob`, sorted by path so output order is deterministic.
pub struct Walker {
    matcher: GlobMatcher,
}

impl Walker {
    pub fn new(glob: &str) -> Result<Self, String> {
        let matcher = Glob::new(glob)
            .map_err(|e| format!("invalid --glob '{glob}': {e}"))?
            .compile_matcher();
        Ok(Walker { matcher })
    }

    /// Expand `paths` (in the order given; each folder's files sorted) into sources and errors.
    pub fn expand(&self, paths: &[PathBuf]) -> (Vec<Source>, Vec<WalkError>) {
        let mut sources = Vec::new();
        let mut errors = Vec::new();
        for path in paths {
            if path.as_os_str() == "-" {
                sources.push(Source::Stdin);
                continue;
            }
            match fs::metadata(path) {
                Ok(meta) if meta.is_dir() => self.walk_dir(path, &mut sources, &mut errors),
                // Named on the command line: a pipe is read, as `<(zcat news.gz)` wants.
                Ok(meta) if is_fifo(&meta) => sources.push(Source::Pipe(path.clone())),
                Ok(_) => sources.push(Source::File(path.clone())),
                Err(e) => errors.push(WalkError {
                    path: path.display().to_string(),
                    message: symlink_problem(path, &e)
                        .map_or_else(|| describe_io(&e), str::to_string),
                }),
            }
        }
        (sources, errors)
    }

    fn walk_dir(&self, root: &Path, sources: &mut Vec<Source>, errors: &mut Vec<WalkError>) {
        let mut found = Vec::new();
        for entry in walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
        {
            match entry {
                Ok(entry) => {
                    if entry.file_type().is_dir() {
                        continue;
                    }
                    let name = entry.file_name();
                    if !self.matcher.is_match(Path::new(name)) {
                        continue;
                    }
                    found.push(entry.into_path());
                }
                Err(e) => {
                    let path = e.path().unwrap_or(root);
                    let message = if let Some(ancestor) = e.loop_ancestor() {
                        format!(
                            "symbolic link loop (leads back to {}); skipped",
                            ancestor.display()
                        )
                    } else if let Some(io) = e.io_error() {
                        match symlink_problem(path, io) {
                            // A broken link is an input only if its name matches the glob.
                            Some(_)
                                if !path
                                    .file_name()
                                    .is_some_and(|n| self.matcher.is_match(Path::new(n))) =>
                            {
                                continue;
                            }
                            Some(problem) => problem.to_string(),
                            None => describe_io(io),
                        }
                    } else {
                        e.to_string()
                    };
                    errors.push(WalkError {
                        path: path.display().to_string(),
                        message,
                    });
                }
            }
        }
        found.sort();
        sources.extend(found.into_iter().map(Source::File));
    }
}

/// A short, human description of an I/O error, without Rust's "(os error N)" suffix.
pub fn describe_io(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let s = e.to_string();
            let s = match s.find(" (os error") {
                Some(i) => &s[..i],
                None => &s,
            };
            // The system's messages are capitalized ("Is a directory"); ours are not.
            let mut chars = s.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => String::new(),
            }
        }
    }
}

/// [`Source::open_with_threshold`] for an input read once (standard input, a named pipe):
/// whole up to `threshold` bytes, line by line past it.
fn open_stream<R: Read + Send + 'static>(
    mut input: R,
    choice: EncodingChoice,
    threshold: usize,
) -> Result<Text, ReadError> {
    let mut prefix = Vec::new();
    (&mut input)
        .take((threshold as u64).saturating_add(1))
        .read_to_end(&mut prefix)?;
    if prefix.len() <= threshold {
        let (text, enc) = decode_vec(prefix, choice)?;
        return Ok(Text::Whole(text, enc));
    }
    let scan = Scan::of_prefix(&prefix);
    let input = io::BufReader::with_capacity(1 << 16, io::Cursor::new(prefix).chain(input));
    LineReader::new(Box::new(input), choice, scan).map(Text::Lines)
}

/// True for a named pipe (FIFO).
fn is_fifo(meta: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        meta.file_type().is_fifo()
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        false
    }
}

/// What a non-regular file is, for the message that says it was skipped.
pub(crate) fn file_kind(t: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
    }
    if t.is_dir() {
        return "a folder";
    }
    "a special file"
}

/// When `path` is a symbolic link and following it failed with `e`: what is wrong with the link.
fn symlink_problem(path: &Path, e: &io::Error) -> Option<&'static str> {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return None;
    }
    // ELOOP: 40 on Linux, 62 on macOS and the BSDs.
    let eloop = if cfg!(target_os = "linux") { 40 } else { 62 };
    if e.kind() == io::ErrorKind::NotFound {
        Some("broken symbolic link (its target does not exist); skipped")
    } else if e.raw_os_error() == Some(eloop) {
        Some("symbolic link loop; skipped")
    } else {
        None
    }
}

/// The error for a failed `metadata` of `path`, naming a broken or looping link as such.
pub(crate) fn link_error(path: &Path, e: io::Error) -> ReadError {
    match symlink_problem(path, &e) {
        Some(problem) => ReadError::Link(problem),
        None => ReadError::Io(e),
    }
}

impl ReadError {
    /// The message shown after `corpus-cli: PATH: `.
    pub fn message(&self) -> String {
        match self {
            ReadError::Io(e) => describe_io(e),
            other => other.to_string(),
        }
    }
}

/// Decode bytes as `choice` says. `Auto` honours a byte-order mark, then tries UTF-8, then
/// GB18030. Text with NUL bytes (outside UTF-16) is rejected as binary.
pub fn decode(bytes: &[u8], choice: EncodingChoice) -> Result<(String, Encoding), ReadError> {
    let bom_utf16 = match bytes {
        [0xFF, 0xFE, ..] => Some(Encoding::Utf16Le),
        [0xFE, 0xFF, ..] => Some(Encoding::Utf16Be),
        _ => None,
    };
    match choice {
        EncodingChoice::Utf16 => {
            return decode_utf16(bytes, bom_utf16.unwrap_or(Encoding::Utf16Le));
        }
        EncodingChoice::Auto if bom_utf16.is_some() => {
            return decode_utf16(bytes, bom_utf16.unwrap());
        }
        _ => {}
    }
    if let Some(offset) = memchr_nul(bytes) {
        return Err(match utf16_without_bom(bytes) {
            Some(enc) => ReadError::Utf16WithoutBom(enc.name()),
            None => ReadError::Binary { offset },
        });
    }
    match choice {
        EncodingChoice::Gb18030 => decode_gb18030(bytes),
        EncodingChoice::Utf8 => decode_utf8(bytes),
        _ => match decode_utf8(bytes) {
            Ok(ok) => Ok(ok),
            Err(_) => decode_gb18030(bytes),
        },
    }
}

/// [`decode`], taking the bytes: plain UTF-8 (the common case) becomes the text without a copy.
pub fn decode_vec(bytes: Vec<u8>, choice: EncodingChoice) -> Result<(String, Encoding), ReadError> {
    let plain_utf8 = match choice {
        EncodingChoice::Utf8 => !bytes.starts_with(b"\xEF\xBB\xBF"),
        EncodingChoice::Auto => !matches!(
            bytes.as_slice(),
            [0xEF, 0xBB, 0xBF, ..] | [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..]
        ),
        _ => false,
    };
    if plain_utf8 && memchr_nul(&bytes).is_none() {
        // encoding_rs checks UTF-8 with the processor's vector instructions where it has them,
        // many times faster than `String::from_utf8` on Chinese text; copying the checked text
        // into a String costs far less than the check it saves.
        return match encoding_rs::UTF_8.decode_without_bom_handling_and_without_replacement(&bytes)
        {
            Some(text) => Ok((text.into_owned(), Encoding::Utf8)),
            None => decode(&bytes, choice),
        };
    }
    decode(&bytes, choice)
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    // `contains` scans a word at a time; text almost never has a NUL byte.
    if !bytes.contains(&0) {
        return None;
    }
    bytes.iter().position(|&b| b == 0)
}

/// Text with NUL bytes that is really UTF-16 without a byte-order mark: no code unit is zero,
/// most NUL bytes are on one side (the high half of ASCII digits, spaces and line breaks; the
/// other side has the few like 一, U+4E00), and the whole decodes as UTF-16. Only used to say
/// so in the error; such text is not guessed.
fn utf16_without_bom(bytes: &[u8]) -> Option<Encoding> {
    if !bytes.len().is_multiple_of(2) || bytes.len() < 4 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in bytes.chunks_exact(2) {
        match pair {
            [0, 0] => return None,
            [0, _] => even += 1,
            [_, 0] => odd += 1,
            _ => {}
        }
    }
    let (enc, codec) = if odd >= 2 && odd >= 3 * even {
        (Encoding::Utf16Le, encoding_rs::UTF_16LE)
    } else if even >= 2 && even >= 3 * odd {
        (Encoding::Utf16Be, encoding_rs::UTF_16BE)
    } else {
        return None;
    };
    codec
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|_| enc)
}

fn decode_utf8(bytes: &[u8]) -> Result<(String, Encoding), ReadError> {
    let (body, enc) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest, Encoding::Utf8Bom),
        None => (bytes, Encoding::Utf8),
    };
    match std::str::from_utf8(body) {
        Ok(s) => Ok((s.to_string(), enc)),
        Err(e) => Err(ReadError::InvalidUtf8 {
            offset: e.valid_up_to() + (bytes.len() - body.len()),
        }),
    }
}

fn decode_gb18030(bytes: &[u8]) -> Result<(String, Encoding), ReadError> {
    let (text, had_errors) = encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|c| (c, false))
        .unwrap_or_else(|| (std::borrow::Cow::Borrowed(""), true));
    if had_errors {
        return Err(ReadError::Malformed {
            encoding: "UTF-8 or GB18030",
        });
    }
    Ok((text.into_owned(), Encoding::Gb18030))
}

fn decode_utf16(bytes: &[u8], enc: Encoding) -> Result<(String, Encoding), ReadError> {
    let (codec, body) = match enc {
        Encoding::Utf16Be => (
            encoding_rs::UTF_16BE,
            bytes.strip_prefix(b"\xFE\xFF").unwrap_or(bytes),
        ),
        _ => (
            encoding_rs::UTF_16LE,
            bytes.strip_prefix(b"\xFF\xFE").unwrap_or(bytes),
        ),
    };
    if body.len() % 2 != 0 {
        return Err(ReadError::Malformed {
            encoding: enc.name(),
        });
    }
    match codec.decode_without_bom_handling_and_without_replacement(body) {
        Some(text) => Ok((text.into_owned(), enc)),
        None => Err(ReadError::Malformed {
            encoding: enc.name(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            decode("新华社".as_bytes(), EncodingChoice::Auto).unwrap(),
            ("新华社".into(), Encoding::Utf8)
        );
        let mut b = b"\xEF\xBB\xBF".to_vec();
        b.extend("北京".as_bytes());
        assert_eq!(
            decode(&b, EncodingChoice::Auto).unwrap(),
            ("北京".into(), Encoding::Utf8Bom)
        );
    }

    #[test]
    fn gbk_is_detected_when_not_utf8() {
        let (bytes, _, _) = encoding_rs::GBK.encode("人民日报记者报道");
        let (text, enc) = decode(&bytes, EncodingChoice::Auto).unwrap();
        assert_eq!(text, "人民日报记者报道");
        assert_eq!(enc, Encoding::Gb18030);
    }

    #[test]
    fn forced_utf8_rejects_gbk_with_offset() {
        let (bytes, _, _) = encoding_rs::GBK.encode("ab中文");
        match decode(&bytes, EncodingChoice::Utf8) {
            Err(ReadError::InvalidUtf8 { offset }) => assert_eq!(offset, 2),
            other => panic!("expected invalid UTF-8, got {other:?}"),
        }
    }

    #[test]
    fn utf16_both_byte_orders() {
        let text = "上海合作组织2024年";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in text.encode_utf16() {
            le.extend(u.to_le_bytes());
            be.extend(u.to_be_bytes());
        }
        assert_eq!(
            decode(&le, EncodingChoice::Auto).unwrap(),
            (text.into(), Encoding::Utf16Le)
        );
        assert_eq!(
            decode(&be, EncodingChoice::Auto).unwrap(),
            (text.into(), Encoding::Utf16Be)
        );
        assert!(decode(&le[..le.len() - 1], EncodingChoice::Auto).is_err());
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert!(matches!(
            decode(b"PK\x03\x04\x00\x00", EncodingChoice::Auto),
            Err(ReadError::Binary { offset: 4 })
        ));
    }

    #[test]
    fn utf16_without_bom_is_named_in_the_error() {
        let text = "2024年7月5日 新华社\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let message = |b: &[u8]| decode(b, EncodingChoice::Auto).unwrap_err().message();
        assert_eq!(
            message(&le),
            "looks like UTF-16LE without a byte-order mark; skipped (try --encoding utf-16)"
        );
        assert!(message(&be).starts_with("looks like UTF-16BE without"));
        // Forced, it decodes.
        assert_eq!(decode(&le, EncodingChoice::Utf16).unwrap().0, text);
        // A zero code unit, or NULs on both sides alike: binary.
        assert!(message(b"PK\x03\x04\x00\x00\x01\x00").starts_with("looks like a binary file"));
        assert!(message(b"a\x00\x00\x00b\x00c\x00").starts_with("looks like a binary file"));
    }

    #[test]
    fn empty_input_is_empty_text() {
        assert_eq!(decode(b"", EncodingChoice::Auto).unwrap().0, "");
    }

    /// Decode `bytes` the streaming way (threshold 0) and the whole way; they must agree.
    fn both_ways(bytes: &[u8], choice: EncodingChoice) -> (String, String) {
        let whole = match decode(bytes, choice) {
            Ok((text, enc)) => format!("{enc}: {text}"),
            Err(e) => format!("error: {}", e.message()),
        };
        let file = tempfile::NamedTempFile::new().unwrap();
        fs::write(file.path(), bytes).unwrap();
        let source = Source::File(file.path().to_path_buf());
        let streamed = match source.open_with_threshold(choice, 0) {
            Ok(Text::Lines(mut lines)) => {
                let mut text = String::new();
                let mut line = String::new();
                loop {
                    match lines.read_line(&mut line) {
                        Ok(true) => text.push_str(&line),
                        Ok(false) => break format!("{}: {text}", lines.encoding()),
                        Err(e) => break format!("error: {}", e.message()),
                    }
                }
            }
            Ok(Text::Whole(..)) if bytes.is_empty() => whole.clone(),
            Ok(Text::Whole(..)) => panic!("threshold 0 must stream"),
            Err(e) => format!("error: {}", e.message()),
        };
        (whole, streamed)
    }

    #[test]
    fn streaming_decodes_like_reading_whole() {
        let text = "新华社北京7月5日电\r\n国家主席习近平出席会议。\n\n最后一行没有换行";
        let utf16 = |big: bool, bom: bool| {
            let mut b = Vec::new();
            if bom {
                b.extend(if big { [0xFE, 0xFF] } else { [0xFF, 0xFE] });
            }
            for u in text.encode_utf16() {
                b.extend(if big {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                });
            }
            b
        };
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let mut bom8 = b"\xEF\xBB\xBF".to_vec();
        bom8.extend(text.as_bytes());
        // Valid UTF-8 lines first, GBK further on: `auto` must pick GB18030 for the whole file.
        let mut mixed = "第一行\n".repeat(100).into_bytes();
        mixed.extend(gbk.iter());
        let mut late_nul = text.as_bytes().to_vec();
        late_nul.extend(b"\nabc\x00def\n");
        let odd = utf16(false, true)[..utf16(false, true).len() - 1].to_vec();
        let cases: Vec<(&str, Vec<u8>, EncodingChoice)> = vec![
            ("utf-8", text.as_bytes().to_vec(), EncodingChoice::Auto),
            ("utf-8 bom", bom8, EncodingChoice::Auto),
            ("gbk auto", gbk.to_vec(), EncodingChoice::Auto),
            ("gbk forced", gbk.to_vec(), EncodingChoice::Gb18030),
            ("gbk as utf-8", gbk.to_vec(), EncodingChoice::Utf8),
            ("mixed", mixed, EncodingChoice::Auto),
            ("utf-16le", utf16(false, true), EncodingChoice::Auto),
            ("utf-16be", utf16(true, true), EncodingChoice::Auto),
            ("utf-16 no bom", utf16(false, false), EncodingChoice::Utf16),
            ("utf-16 odd", odd, EncodingChoice::Auto),
            ("late nul", late_nul, EncodingChoice::Auto),
            ("empty", Vec::new(), EncodingChoice::Auto),
        ];
        for (name, bytes, choice) in cases {
            let (whole, streamed) = both_ways(&bytes, choice);
            assert_eq!(whole, streamed, "{name}");
        }
        let (whole, _) = both_ways(text.as_bytes(), EncodingChoice::Auto);
        assert_eq!(whole, format!("UTF-8: {text}"));
    }
}
