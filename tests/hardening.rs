//! The bad-input matrix: for each kind of bad input, the one-line `corpus-cli: PATH: cause`
//! message, the documented exit code, and every other input's report complete; plus the
//! determinism of the output over runs and thread counts.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// No run in this file should take long; a run that hangs (on a FIFO, a device) fails instead.
const TIMEOUT: Duration = Duration::from_secs(300);

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

fn harbour_text() -> String {
    fs::read_to_string(fixture("hardening/harbour.txt")).unwrap()
}

fn cli() -> Command {
    let mut cmd = Command::cargo_bin("corpus-cli").unwrap();
    cmd.timeout(TIMEOUT);
    cmd
}

/// What a run gave: exit code, JSON Lines records, stderr lines.
struct Run {
    code: i32,
    records: Vec<Value>,
    stderr: Vec<String>,
}

impl Run {
    fn document(&self, path: &Path) -> &Value {
        let path = path.display().to_string();
        self.records
            .iter()
            .find(|r| r["type"] == "document" && r["path"] == path.as_str())
            .unwrap_or_else(|| panic!("no document record for {path}: {:?}", self.records))
    }

    fn summary(&self) -> &Value {
        let last = self.records.last().expect("a summary record");
        assert_eq!(last["type"], "summary", "the last record is the summary");
        last
    }

    /// Exactly one message on stderr, `corpus-cli: PATH: CAUSE`, and the matching error record.
    fn assert_one_error(&self, path: &Path, cause: &str) {
        let path = path.display().to_string();
        assert_eq!(
            self.stderr,
            [format!("corpus-cli: {path}: {cause}")],
            "stderr of the run"
        );
        let errors: Vec<&Value> = self
            .records
            .iter()
            .filter(|r| r["type"] == "error")
            .collect();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0]["path"], path.as_str());
        assert_eq!(errors[0]["message"], cause);
        assert_eq!(self.summary()["errors"], 1);
    }
}

fn run_jsonl(args: &[&std::ffi::OsStr]) -> Run {
    let out = cli()
        .arg("analyze")
        .args(args)
        .args(["--format", "jsonl", "--progress", "never"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).expect("stdout is UTF-8");
    let stderr = String::from_utf8(out.stderr).expect("stderr is UTF-8");
    assert!(!stderr.contains("panicked"), "{stderr}");
    Run {
        code: out.status.code().expect("exited, not killed"),
        records: stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
            .collect(),
        stderr: stderr.lines().map(str::to_string).collect(),
    }
}

macro_rules! args {
    ($($a:expr),* $(,)?) => { &[$(AsRef::<std::ffi::OsStr>::as_ref(&$a)),*][..] };
}

/// A good article in `dir` and its record when analyzed alone: the reference every mixed run's
/// record for it must equal (the report of the good input is complete).
fn good_article(dir: &Path) -> (PathBuf, Value) {
    let path = dir.join("good.txt");
    fs::write(&path, harbour_text()).unwrap();
    let alone = run_jsonl(args![path]);
    assert_eq!(alone.code, 0, "{:?}", alone.stderr);
    assert!(alone.stderr.is_empty());
    let doc = alone.document(&path).clone();
    assert!(doc["stats"]["han_characters"].as_u64().unwrap() > 100);
    (path, doc)
}

fn document_without_path(doc: &Value) -> Value {
    let mut doc = doc.clone();
    let obj = doc.as_object_mut().unwrap();
    obj.remove("path");
    obj.remove("encoding");
    doc
}

/// The reference document of the harbour article in UTF-8, path and encoding left out.
fn harbour_reference() -> &'static Value {
    static REF: OnceLock<Value> = OnceLock::new();
    REF.get_or_init(|| {
        let run = run_jsonl(args![fixture("hardening/harbour.txt")]);
        assert_eq!(run.code, 0);
        document_without_path(run.document(&fixture("hardening/harbour.txt")))
    })
}

fn is_root_like(path: &Path) -> bool {
    // Permission bits do not stop root (or CAP_DAC_OVERRIDE): if we can still open the file,
    // the permission assertion cannot be made here.
    fs::File::open(path).is_ok()
}

#[test]
fn invalid_utf8_with_forced_utf8_is_an_error_and_the_rest_is_reported() {
    let dir = TempDir::new().unwrap();
    let (good, good_doc) = good_article(dir.path());
    let bad = dir.path().join("bad.txt");
    let (gbk, _, _) = encoding_rs::GBK.encode("abc新华社");
    fs::write(&bad, &gbk).unwrap();
    let run = run_jsonl(args![good, bad, "--encoding", "utf-8"]);
    assert_eq!(run.code, 1);
    run.assert_one_error(
        &bad,
        "not valid UTF-8 (invalid byte at offset 3); try --encoding gb18030",
    );
    assert_eq!(run.document(&good), &good_doc);
    assert_eq!(run.summary()["documents"], 1);
}

#[test]
fn gbk_without_bom_is_decoded() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("gbk.txt");
    let text = harbour_text();
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&bytes).is_err(), "really not UTF-8");
    fs::write(&path, &bytes).unwrap();
    let run = run_jsonl(args![path]);
    assert_eq!(run.code, 0, "{:?}", run.stderr);
    assert!(run.stderr.is_empty());
    let doc = run.document(&path);
    assert_eq!(doc["encoding"], "GB18030");
    assert_eq!(&document_without_path(doc), harbour_reference());
}

#[test]
fn utf16_with_bom_both_byte_orders() {
    let dir = TempDir::new().unwrap();
    let text = harbour_text();
    let le = dir.path().join("le.txt");
    let be = dir.path().join("be.txt");
    let mut le_bytes = vec![0xFF, 0xFE];
    let mut be_bytes = vec![0xFE, 0xFF];
    for u in text.encode_utf16() {
        le_bytes.extend(u.to_le_bytes());
        be_bytes.extend(u.to_be_bytes());
    }
    fs::write(&le, le_bytes).unwrap();
    fs::write(&be, be_bytes).unwrap();
    let run = run_jsonl(args![dir.path()]);
    assert_eq!(run.code, 0, "{:?}", run.stderr);
    assert!(run.stderr.is_empty());
    assert_eq!(run.document(&le)["encoding"], "UTF-16LE");
    assert_eq!(run.document(&be)["encoding"], "UTF-16BE");
    for path in [&le, &be] {
        assert_eq!(
            &document_without_path(run.document(path)),
            harbour_reference()
        );
    }
}

#[test]
fn utf16_without_bom_is_not_guessed_but_named() {
    let dir = TempDir::new().unwrap();
    let (good, good_doc) = good_article(dir.path());
    let bare = dir.path().join("bare.txt");
    let bytes: Vec<u8> = harbour_text()
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    fs::write(&bare, bytes).unwrap();
    let run = run_jsonl(args![good, bare]);
    assert_eq!(run.code, 1);
    run.assert_one_error(
        &bare,
        "looks like UTF-16LE without a byte-order mark; skipped (try --encoding utf-16)",
    );
    assert_eq!(run.document(&good), &good_doc);
    let run = run_jsonl(args![bare, "--encoding", "utf-16"]);
    assert_eq!(run.code, 0);
    assert_eq!(
        &document_without_path(run.document(&bare)),
        harbour_reference()
    );
}

#[test]
fn binary_file_is_skipped_with_a_message() {
    let dir = TempDir::new().unwrap();
    let (good, good_doc) = good_article(dir.path());
    let bin = dir.path().join("archive.txt");
    let mut bytes = b"PK\x03\x04".to_vec();
    bytes.extend([0u8; 16]);
    bytes.extend("新华社".as_bytes());
    fs::write(&bin, bytes).unwrap();
    // Named on the command line and met in a folder: the same message.
    for args in [args![good, bin], args![dir.path()]] {
        let run = run_jsonl(args);
        assert_eq!(run.code, 1);
        run.assert_one_error(
            &bin,
            "looks like a binary file (NUL byte at offset 4); skipped",
        );
        assert_eq!(run.document(&good), &good_doc);
    }
}

#[test]
fn empty_file_is_analyzed_with_zero_counts() {
    let dir = TempDir::new().unwrap();
    let (good, good_doc) = good_article(dir.path());
    let empty = dir.path().join("empty.txt");
    fs::write(&empty, b"").unwrap();
    let run = run_jsonl(args![good, empty]);
    assert_eq!(run.code, 0, "{:?}", run.stderr);
    assert!(run.stderr.is_empty());
    let doc = run.document(&empty);
    for (name, value) in doc["stats"].as_object().unwrap() {
        assert_eq!(value, 0, "stats.{name}");
    }
    for (kind, list) in doc["entities"].as_object().unwrap() {
        assert_eq!(list.as_array().unwrap().len(), 0, "entities.{kind}");
    }
    assert_eq!(doc["words"].as_array().unwrap().len(), 0);
    assert_eq!(run.document(&good), &good_doc);
    assert_eq!(run.summary()["documents"], 2);
    assert_eq!(run.summary()["errors"], 0);
}

#[test]
fn fifty_megabyte_single_line_is_analyzed() {
    let dir = TempDir::new().unwrap();
    let (good, good_doc) = good_article(dir.path());
    // The harbour article with its line breaks taken out, repeated to 50 MB: one line.
    let line: String = harbour_text().split('\n').collect();
    let unit = line.as_bytes();
    let target = 50 * 1024 * 1024;
    let copies = target / unit.len() + 1;
    let big = dir.path().join("big.txt");
    {
        let mut f = std::io::BufWriter::new(fs::File::create(&big).unwrap());
        for _ in 0..copies {
            f.write_all(unit).unwrap();
        }
        f.flush().unwrap();
    }
    assert!(fs::metadata(&big).unwrap().len() >= target as u64);
    let run = run_jsonl(args![good, big, "--top", "5"]);
    assert_eq!(run.code, 0, "{:?}", run.stderr);
    assert!(run.stderr.is_empty());
    let doc = run.document(&big);
    let stats = &doc["stats"];
    let unit_chars = line.chars().count() as u64;
    assert_eq!(stats["characters"], unit_chars * copies as u64);
    assert_eq!(stats["paragraphs"], 1);
    // Every copy's entities are found, at offsets that point at them in the whole text.
    let dates = doc["entities"]["date"].as_array().unwrap();
    let march18 = dates
        .iter()
        .find(|d| d["text"] == "2023年3月18日")
        .expect("the dated lead is found");
    assert_eq!(march18["count"], copies);
    let first = line.chars().take_while(|&c| c != '2').count() as u64;
    let mentions = march18["mentions"].as_array().unwrap();
    for (i, m) in mentions.iter().enumerate() {
        assert_eq!(m["start"], first + i as u64 * unit_chars, "copy {i}");
    }
    assert_eq!(run.document(&good)["stats"], good_doc["stats"]);
}

#[test]
fn unreadable_file_is_an_error_and_the_rest_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().unwrap();
    let (good, good_doc) = good_article(dir.path());
    let locked = dir.path().join("locked.txt");
    fs::write(&locked, harbour_text()).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let run = run_jsonl(args![good, locked]);
    assert_eq!(run.document(&good), &good_doc);
    if is_root_like(&locked) {
        println!(
            "skipped the permission assertion: this test runs with privileges (root) that \
             read a file with mode 000 anyway"
        );
        assert_eq!(run.code, 0, "{:?}", run.stderr);
        assert!(run.stderr.is_empty());
    } else {
        assert_eq!(run.code, 1);
        run.assert_one_error(&locked, "permission denied");
    }
}

#[test]
fn dangling_symlink_is_reported_on_the_command_line_and_in_a_folder() {
    let dir = TempDir::new().unwrap();
    let (good, good_doc) = good_article(dir.path());
    let link = dir.path().join("moved.txt");
    std::os::unix::fs::symlink(dir.path().join("gone.txt"), &link).unwrap();
    // A broken link whose name the glob does not select is not an input at all.
    std::os::unix::fs::symlink(dir.path().join("gone.jpg"), dir.path().join("photo.jpg")).unwrap();
    for args in [args![good, link], args![dir.path()]] {
        let run = run_jsonl(args);
        assert_eq!(run.code, 1);
        run.assert_one_error(
            &link,
            "broken symbolic link (its target does not exist); skipped",
        );
        assert_eq!(run.document(&good), &good_doc);
        assert_eq!(run.summary()["documents"], 1);
    }
}

#[test]
fn symlink_loops_in_a_folder_are_skipped() {
    let dir = TempDir::new().unwrap();
    let (good, good_doc) = good_article(dir.path());
    // A folder link back to its own folder: walking it would never end.
    let sub = dir.path().join("sub");
    fs::create_dir(&sub).unwrap();
    let back = sub.join("back");
    std::os::unix::fs::symlink(dir.path(), &back).unwrap();
    let run = run_jsonl(args![dir.path()]);
    assert_eq!(run.code, 1);
    run.assert_one_error(
        &back,
        &format!(
            "symbolic link loop (leads back to {}); skipped",
            dir.path().display()
        ),
    );
    assert_eq!(run.document(&good), &good_doc);
    assert_eq!(run.summary()["documents"], 1);
    fs::remove_file(&back).unwrap();

    // Two file links pointing at each other.
    let a = sub.join("a.txt");
    let b = sub.join("b.txt");
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    let run = run_jsonl(args![dir.path()]);
    assert_eq!(run.code, 1);
    let expected: Vec<String> = [&a, &b]
        .iter()
        .map(|p| format!("corpus-cli: {}: symbolic link loop; skipped", p.display()))
        .collect();
    assert_eq!(run.stderr, expected);
    assert_eq!(run.document(&good), &good_doc);
    assert_eq!(run.summary()["errors"], 2);
}

#[test]
fn fifo_socket_and_device_in_a_folder_are_skipped_without_opening_them() {
    let dir = TempDir::new().unwrap();
    let (good, good_doc) = good_article(dir.path());
    // Nothing ever writes to this FIFO: opening it would block for ever.
    let fifo = dir.path().join("pipe.txt");
    let made = StdCommand::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    // /dev/zero never ends: reading it would fill memory.
    let device = dir.path().join("zero.txt");
    std::os::unix::fs::symlink("/dev/zero", &device).unwrap();
    let socket = dir.path().join("socket.txt");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let run = run_jsonl(args![dir.path()]);
    assert_eq!(run.code, 1);
    let mut expected = vec![
        format!(
            "corpus-cli: {}: a named pipe (FIFO), not a regular file; skipped",
            fifo.display()
        ),
        format!(
            "corpus-cli: {}: a socket, not a regular file; skipped",
            socket.display()
        ),
        format!(
            "corpus-cli: {}: a device, not a regular file; skipped",
            device.display()
        ),
    ];
    expected.sort();
    assert_eq!(run.stderr, expected);
    assert_eq!(run.document(&good), &good_doc);
    assert_eq!(run.summary()["errors"], 3);
    // A device named on the command line: the same.
    let run = run_jsonl(args![good, device]);
    assert_eq!(run.code, 1);
    run.assert_one_error(&device, "a device, not a regular file; skipped");
}

/// A named pipe at `path` with a writer waiting to send `bytes` through it, as a shell's
/// process substitution makes one; join the writer after the run.
fn piped(path: &Path, bytes: Vec<u8>) -> (PathBuf, std::thread::JoinHandle<()>) {
    assert!(
        StdCommand::new("mkfifo")
            .arg(path)
            .status()
            .unwrap()
            .success()
    );
    let target = path.to_path_buf();
    let writer = std::thread::spawn(move || fs::write(target, bytes).unwrap());
    (path.to_path_buf(), writer)
}

#[test]
fn keywords_read_each_named_pipe_once_for_both_passes() {
    let dir = TempDir::new().unwrap();
    // Corpus IDF takes two passes over the inputs; a pipe can be read only once.
    let texts = [
        "李鹏在北京会见客人。北京的天气很好。",
        "江泽民在上海考察工作，上海发展很快。",
    ];
    let (pipes, writers): (Vec<_>, Vec<_>) = (texts.iter().enumerate())
        .map(|(k, text)| {
            piped(
                &dir.path().join(format!("pipe{k}")),
                text.as_bytes().to_vec(),
            )
        })
        .unzip();
    let out = cli()
        .arg("keywords")
        .args(&pipes)
        .args(["--idf", "corpus", "--format", "jsonl"])
        .output()
        .unwrap();
    for w in writers {
        w.join().unwrap();
    }
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let documents: Vec<&Value> = records.iter().filter(|r| r["type"] == "document").collect();
    assert_eq!(documents.len(), 2);
    // Each document's keywords come from its own text, read in the first pass.
    for (doc, word) in documents.iter().zip(["北京", "上海"]) {
        assert_eq!(doc["idf"], "corpus");
        let words: Vec<&str> = doc["keywords"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k["word"].as_str().unwrap())
            .collect();
        assert!(words.contains(&word), "{words:?}");
    }
}

#[test]
fn a_named_pipe_named_on_the_command_line_is_read_like_standard_input() {
    let dir = TempDir::new().unwrap();
    let (good, good_doc) = good_article(dir.path());
    let (fifo, writer) = piped(&dir.path().join("pipe"), fs::read(&good).unwrap());
    let run = run_jsonl(args![good, fifo]);
    writer.join().unwrap();
    assert_eq!(run.code, 0, "{:?}", run.stderr);
    assert!(run.stderr.is_empty(), "{:?}", run.stderr);
    // The pipe's document is the file's, under the pipe's name.
    let mut piped = run.document(&fifo).clone();
    piped["path"] = good_doc["path"].clone();
    assert_eq!(&piped, &good_doc);
}

#[test]
fn missing_path_is_an_error() {
    let dir = TempDir::new().unwrap();
    let (good, good_doc) = good_article(dir.path());
    let missing = dir.path().join("no-such-file.txt");
    let run = run_jsonl(args![good, missing]);
    assert_eq!(run.code, 1);
    run.assert_one_error(&missing, "no such file or directory");
    assert_eq!(run.document(&good), &good_doc);
    // Alone: nothing could be analyzed, exit 2.
    let run = run_jsonl(args![missing]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        [format!(
            "corpus-cli: {}: no such file or directory",
            missing.display()
        )]
    );
}

/// Start the CLI on `args`, read one line of its output and close the pipe, as `| head -1` does.
fn run_and_close_after_one_line(args: &[&std::ffi::OsStr]) -> (Option<i32>, String) {
    let bin = assert_cmd::cargo::cargo_bin("corpus-cli");
    let mut child = StdCommand::new(bin)
        .arg("analyze")
        .args(args)
        .args(["--progress", "never"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    assert!(!first.is_empty());
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn stdout_closed_early_exits_quietly() {
    let dir = TempDir::new().unwrap();
    let text = fs::read_to_string(fixture("news-page.txt")).unwrap();
    for i in 0..6 {
        fs::write(dir.path().join(format!("{i:02}.txt")), &text).unwrap();
    }
    // Many short articles too, so the table view (one row per document, then corpus-wide
    // tables) is also bigger than the pipe's buffer plus ours.
    for i in 0..2000 {
        let line = format!("第{i}号文件：国家主席习近平在北京会见外宾。\n");
        fs::write(dir.path().join(format!("short-{i:04}.txt")), line).unwrap();
    }
    // (CSV is left out: its report is a corpus-wide table smaller than a pipe's buffer.)
    for format in ["jsonl", "json", "table"] {
        // The whole report is bigger than a pipe's buffer plus ours, so closing the pipe after
        // one line makes a later write fail.
        let full = cli()
            .args(["analyze", "--format", format, "--top", "0"])
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(full.status.code(), Some(0));
        assert!(
            full.stdout.len() > 256 << 10,
            "{format}: {}",
            full.stdout.len()
        );
        let (code, stderr) =
            run_and_close_after_one_line(args![dir.path(), "--format", format, "--top", "0"]);
        assert_eq!(stderr, "", "{format}: nothing on stderr");
        assert_eq!(code, Some(0), "{format}: exit quietly with 0");
    }
}

#[test]
fn output_into_a_missing_folder_is_a_usage_error() {
    let dir = TempDir::new().unwrap();
    let (good, _) = good_article(dir.path());
    let target = dir.path().join("nope").join("out.jsonl");
    let out = cli()
        .arg("analyze")
        .arg(&good)
        .arg("--output")
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "corpus-cli: {}: cannot write: {} does not exist\n",
            target.display(),
            dir.path().join("nope").display()
        )
    );
    assert!(!target.exists());
    // A folder where the file should be, and a file where its folder should be: found before
    // any analysis, not when the finished report is moved into place.
    let folder = dir.path().join("taken");
    fs::create_dir(&folder).unwrap();
    let under_file = good.join("out.jsonl");
    for (target, cause) in [
        (&folder, "cannot write: it is a folder".to_string()),
        (
            &under_file,
            format!("cannot write: {} is not a folder", good.display()),
        ),
    ] {
        cli()
            .arg("analyze")
            .arg(&good)
            .arg("--output")
            .arg(target)
            .assert()
            .code(2)
            .stdout("")
            .stderr(format!("corpus-cli: {}: {cause}\n", target.display()));
    }
}

#[test]
fn output_into_a_read_only_folder_is_a_usage_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().unwrap();
    let (good, _) = good_article(dir.path());
    let ro = dir.path().join("ro");
    fs::create_dir(&ro).unwrap();
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o555)).unwrap();
    let target = ro.join("out.jsonl");
    let out = cli()
        .arg("analyze")
        .arg(&good)
        .arg("--output")
        .arg(&target)
        .output()
        .unwrap();
    let writable = fs::File::create(ro.join("probe")).is_ok();
    if writable {
        println!(
            "skipped the read-only assertion: this test runs with privileges (root) that write \
             into a folder with mode 555 anyway"
        );
        assert_eq!(out.status.code(), Some(0));
        assert!(target.exists());
    } else {
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(
            String::from_utf8(out.stderr).unwrap(),
            format!(
                "corpus-cli: {}: cannot write: permission denied\n",
                target.display()
            )
        );
        assert!(!target.exists());
    }
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o755)).unwrap();
}

fn temp_files_in(dir: &Path) -> Vec<PathBuf> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(".corpus-cli-")
        })
        .collect()
}

#[test]
fn output_file_appears_whole_with_ordinary_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().unwrap();
    let (good, good_doc) = good_article(dir.path());
    let out_dir = dir.path().join("out");
    fs::create_dir(&out_dir).unwrap();
    let target = out_dir.join("report.jsonl");
    fs::write(&target, "an older report\n").unwrap();
    cli()
        .arg("analyze")
        .arg(&good)
        .args(["--format", "jsonl", "--output"])
        .arg(&target)
        .assert()
        .code(0)
        .stdout("");
    let text = fs::read_to_string(&target).unwrap();
    let first: Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert_eq!(first, good_doc);
    assert_eq!(temp_files_in(&out_dir), Vec::<PathBuf>::new());
    // The report has the mode any new file gets here, not a temporary file's 0600.
    let reference = out_dir.join("reference");
    fs::write(&reference, "").unwrap();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&target), mode(&reference));
}

#[test]
fn failed_run_leaves_the_output_file_unchanged() {
    let dir = TempDir::new().unwrap();
    let target = dir.path().join("report.jsonl");
    fs::write(&target, "an older report\n").unwrap();
    let out = cli()
        .arg("analyze")
        .arg(dir.path().join("missing.txt"))
        .args(["--format", "jsonl", "--output"])
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(fs::read_to_string(&target).unwrap(), "an older report\n");
    assert_eq!(temp_files_in(dir.path()), Vec::<PathBuf>::new());
}

#[test]
fn killed_run_never_exposes_a_half_written_output_file() {
    let dir = TempDir::new().unwrap();
    let inputs = dir.path().join("in");
    fs::create_dir(&inputs).unwrap();
    let text = harbour_text();
    let mut args: Vec<PathBuf> = Vec::new();
    for i in 0..8 {
        let p = inputs.join(format!("{i}.txt"));
        fs::write(&p, &text).unwrap();
        args.push(p);
    }
    let out_dir = dir.path().join("out");
    fs::create_dir(&out_dir).unwrap();
    let target = out_dir.join("report.jsonl");
    fs::write(&target, "an older report\n").unwrap();
    // With one thread the inputs are analyzed in groups of eight: the first eight are written
    // out, then the run waits on standard input, which is never closed. It is killed there.
    let bin = assert_cmd::cargo::cargo_bin("corpus-cli");
    let mut child = StdCommand::new(bin)
        .arg("analyze")
        .args(&args)
        .args([
            "-",
            "-j1",
            "--format",
            "jsonl",
            "--progress",
            "never",
            "--output",
        ])
        .arg(&target)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all("国家主席习近平".as_bytes()).unwrap();
    let started = Instant::now();
    let partial = loop {
        let written: Vec<PathBuf> = temp_files_in(&out_dir)
            .into_iter()
            .filter(|p| fs::metadata(p).is_ok_and(|m| m.len() > 0))
            .collect();
        if let Some(p) = written.first() {
            break p.clone();
        }
        assert!(
            started.elapsed() < TIMEOUT,
            "the run never started writing its report"
        );
        assert!(child.try_wait().unwrap().is_none(), "the run ended early");
        std::thread::sleep(Duration::from_millis(50));
    };
    // Part of the report is on disk, under the temporary name only.
    assert_eq!(fs::read_to_string(&target).unwrap(), "an older report\n");
    child.kill().unwrap();
    child.wait().unwrap();
    drop(stdin);
    assert_eq!(fs::read_to_string(&target).unwrap(), "an older report\n");
    let half = fs::read_to_string(&partial).unwrap();
    assert!(half.starts_with("{\"type\":\"document\""), "{half:.80}");
    assert!(!half.contains("\"type\":\"summary\""));
}

#[test]
fn malformed_user_dictionary_names_the_line() {
    let dir = TempDir::new().unwrap();
    let (good, _) = good_article(dir.path());
    let dict = dir.path().join("dict.txt");
    fs::write(&dict, "宁波舟山港 100 ns\n梅山港区 20 ns\n舟山 很多 ns\n").unwrap();
    cli()
        .arg("analyze")
        .arg(&good)
        .arg("--dict")
        .arg(&dict)
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "corpus-cli: {}: line 3: frequency '很多' is not a whole number\n",
            dict.display()
        ));
    // Fixed, the same dictionary is used.
    fs::write(&dict, "宁波舟山港 100 ns\n梅山港区 20 ns\n").unwrap();
    let run = run_jsonl(args![good, "--dict", dict, "--top", "0"]);
    assert_eq!(run.code, 0, "{:?}", run.stderr);
    let words = run.document(&good)["words"].clone();
    assert!(
        words
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["word"] == "梅山港区" && w["pos"] == "ns"),
        "{words}"
    );
}

/// A folder of every kind of input the reader decodes, plus inputs it rejects.
fn mixed_folder() -> TempDir {
    let dir = TempDir::new().unwrap();
    let news = fs::read_to_string(fixture("news-page.txt")).unwrap();
    fs::write(dir.path().join("news-page.txt"), &news).unwrap();
    for name in ["harbour.txt", "library.txt", "marathon.txt"] {
        let text = fs::read_to_string(fixture(&format!("hardening/{name}"))).unwrap();
        fs::write(dir.path().join(name), &text).unwrap();
        let (gbk, _, _) = encoding_rs::GBK.encode(&text);
        fs::write(dir.path().join(format!("gbk-{name}")), gbk).unwrap();
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        fs::write(dir.path().join(format!("utf16-{name}")), utf16).unwrap();
    }
    let sub = dir.path().join("more");
    fs::create_dir(&sub).unwrap();
    // More files than one parallel chunk, so the order of chunks and of their results matters.
    let articles: Vec<String> = ["harbour.txt", "library.txt", "marathon.txt"]
        .iter()
        .map(|name| fs::read_to_string(fixture(&format!("hardening/{name}"))).unwrap())
        .collect();
    for i in 0..16 {
        let text = format!(
            "{m}月{d}日，{}\n{}",
            articles[i % 3],
            articles[(i + 1) % 3],
            m = i % 12 + 1,
            d = i + 1
        );
        fs::write(sub.join(format!("copy-{i:02}.txt")), text).unwrap();
    }
    fs::write(dir.path().join("empty.txt"), "").unwrap();
    fs::write(dir.path().join("binary.txt"), b"\x00\x01\x02").unwrap();
    dir
}

#[test]
fn output_is_byte_identical_across_runs_and_thread_counts() {
    let dir = mixed_folder();
    let run = |extra: &[&str], format: &str| {
        let out = cli()
            .args(["analyze", "--format", format, "--progress", "never"])
            .args(extra)
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "the binary file fails");
        out.stdout
    };
    let reference = run(&["-j1"], "jsonl");
    // 27 documents, the binary file's error, the summary.
    let lines = reference
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .count();
    assert_eq!(lines, 29);
    for extra in [&["-j1"][..], &["-j2"], &["-j3"], &[]] {
        assert!(run(extra, "jsonl") == reference, "{extra:?} differs");
    }
    let json = run(&["-j1"], "json");
    assert!(run(&["-j2"], "json") == json);
    let csv = run(&["-j1"], "csv");
    assert!(run(&["-j2"], "csv") == csv);
}

#[test]
fn output_into_a_named_pipe_is_written_in_place() {
    use std::os::unix::fs::FileTypeExt;
    let dir = TempDir::new().unwrap();
    let (good, good_doc) = good_article(dir.path());
    let fifo = dir.path().join("report.pipe");
    let made = StdCommand::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        println!("skipped: mkfifo is not available here");
        return;
    }
    // The reader waits for a writer to open the pipe, then reads to its end.
    let (tx, rx) = std::sync::mpsc::channel();
    let reading = fifo.clone();
    std::thread::spawn(move || {
        let _ = tx.send(fs::read_to_string(&reading));
    });
    cli()
        .arg("analyze")
        .arg(&good)
        .args(["--format", "jsonl", "--output"])
        .arg(&fifo)
        .assert()
        .code(0)
        .stdout("");
    let text = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("the report went through the pipe")
        .unwrap();
    let first: Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert_eq!(first, good_doc);
    // Still a pipe: no file was renamed onto it.
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    assert_eq!(temp_files_in(dir.path()), Vec::<PathBuf>::new());
}

#[test]
fn output_through_a_link_replaces_the_file_it_points_to() {
    let dir = TempDir::new().unwrap();
    let (good, good_doc) = good_article(dir.path());
    let reports = dir.path().join("reports");
    fs::create_dir(&reports).unwrap();
    let real = reports.join("real.jsonl");
    fs::write(&real, "an older report\n").unwrap();
    let link = dir.path().join("latest.jsonl");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    cli()
        .arg("analyze")
        .arg(&good)
        .args(["--format", "jsonl", "--output"])
        .arg(&link)
        .assert()
        .code(0)
        .stdout("");
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let text = fs::read_to_string(&real).unwrap();
    let first: Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert_eq!(first, good_doc);
    assert_eq!(temp_files_in(&reports), Vec::<PathBuf>::new());
    assert_eq!(temp_files_in(dir.path()), Vec::<PathBuf>::new());
}
