//! The `corpus-cli` binary: everything lives in the library; this only dispatches.

/// mimalloc: the pipeline allocates and frees many small strings and vectors per paragraph.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    corpus_cli::cli::main()
}
