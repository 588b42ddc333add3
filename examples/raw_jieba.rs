//! The raw jieba-rs baseline for scripts/bench.sh: read files (folders recursively, `*.txt`)
//! and POS-tag every non-blank line with the same jieba-rs, nothing else. Prints how many
//! bytes and tokens it saw, so the work cannot be optimized away.

use std::io::BufRead;
use std::path::Path;

fn tag_file(jieba: &jieba_rs::Jieba, path: &Path, bytes: &mut u64, tokens: &mut u64) {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("raw_jieba: {}: {e}", path.display());
            return;
        }
    };
    let mut reader = std::io::BufReader::with_capacity(1 << 16, file);
    let mut line = String::new();
    loop {
        line.clear();
        match reader.read_line(&mut line) {
            Ok(0) => break,
            Ok(n) => *bytes += n as u64,
            Err(e) => {
                eprintln!("raw_jieba: {}: {e}", path.display());
                return;
            }
        }
        let body = line.trim_end();
        if !body.is_empty() {
            *tokens += jieba.tag(body, true).len() as u64;
        }
    }
}

fn main() {
    let jieba = jieba_rs::Jieba::new();
    let (mut bytes, mut tokens) = (0u64, 0u64);
    for arg in std::env::args().skip(1) {
        let path = Path::new(&arg);
        if path.is_dir() {
            let mut files: Vec<_> = walkdir::WalkDir::new(path)
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file() && e.path().extension() == Some("txt".as_ref()))
                .map(walkdir::DirEntry::into_path)
                .collect();
            files.sort();
            for f in files {
                tag_file(&jieba, &f, &mut bytes, &mut tokens);
            }
        } else {
            tag_file(&jieba, path, &mut bytes, &mut tokens);
        }
    }
    println!("{bytes} bytes, {tokens} tokens");
}
