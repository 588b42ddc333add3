//! Print jieba's segmentation and tags of each argument (a debugging aid).
fn main() {
    let seg = corpus_cli::segment::Segmenter::shared();
    for arg in std::env::args().skip(1) {
        let folded = corpus_cli::normalize::fold(&arg);
        let line: Vec<String> = seg
            .tag(&folded)
            .iter()
            .map(|t| format!("{}/{}", t.word, t.pos))
            .collect();
        println!("{}", line.join(" "));
    }
}
