//! Where reports go: standard output, or a file written atomically (a temporary file in the
//! same folder, renamed into place when the report is complete).

use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The destination of a report: standard output, or a temporary file persisted at the end.
pub enum Destination {
    Stdout,
    File {
        temp: tempfile::NamedTempFile,
        path: PathBuf,
    },
}

impl Destination {
    pub fn open(output: Option<&Path>) -> Result<Self, (String, String)> {
        let Some(path) = output else {
            return Ok(Destination::Stdout);
        };
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = path.display().to_string();
        if !dir.is_dir() {
            return Err((
                name,
                format!("cannot write: folder {} does not exist", dir.display()),
            ));
        }
        let temp = tempfile::Builder::new()
            .prefix(".corpus-cli-")
            .tempfile_in(&dir)
            .map_err(|e| {
                (
                    name,
                    format!("cannot write: {}", crate::reader::describe_io(&e)),
                )
            })?;
        Ok(Destination::File {
            temp,
            path: path.to_path_buf(),
        })
    }

    pub fn writer(&self) -> io::Result<Box<dyn Write + '_>> {
        Ok(match self {
            Destination::Stdout => {
                Box::new(io::BufWriter::with_capacity(1 << 16, io::stdout().lock()))
            }
            Destination::File { temp, .. } => {
                Box::new(io::BufWriter::new(temp.as_file().try_clone()?))
            }
        })
    }

    /// Move the finished temporary file into place.
    pub fn commit(self) -> Result<(), (String, String)> {
        if let Destination::File { temp, path } = self {
            temp.persist(&path).map_err(|e| {
                (
                    path.display().to_string(),
                    format!("cannot write: {}", crate::reader::describe_io(&e.error)),
                )
            })?;
        }
        Ok(())
    }
}

/// True for an error that means the reader of our output went away (`| head -1`), also when
/// it reached us wrapped in a JSON serialization error.
pub fn is_broken_pipe(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::BrokenPipe
        || e.get_ref()
            .and_then(|inner| inner.downcast_ref::<serde_json::Error>())
            .and_then(serde_json::Error::io_error_kind)
            == Some(io::ErrorKind::BrokenPipe)
}
