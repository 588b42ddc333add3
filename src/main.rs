//! The `corpus-cli` binary: everything lives in the library; this only dispatches.

fn main() -> std::process::ExitCode {
    corpus_cli::cli::main()
}
