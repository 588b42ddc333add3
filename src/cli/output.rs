//! Where reports go: standard output, or a file written atomically (a temporary file in the
//! same folder, renamed into place when the report is complete).

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The destination of a report: standard output, a temporary file persisted at the end, or
/// something that is not a file at all (a device such as `/dev/null`, a named pipe), written
/// in place.
pub enum Destination {
    Stdout,
    File {
        temp: tempfile::NamedTempFile,
        path: PathBuf,
    },
    /// A device, named pipe or socket: renaming a file onto it would replace it (`/dev/null`
    /// would become an ordinary file), so it is opened and written to as it is.
    Stream(fs::File),
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
        // A link to a report is followed: the report replaces the file it points to, and the link
        // stays. (A link that points nowhere yet is left to the rename, which replaces it.)
        let resolved = match fs::symlink_metadata(path) {
            Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(path).ok(),
            _ => None,
        };
        let path = resolved.as_deref().unwrap_or(path);
        let dir = match resolved.as_deref().and_then(Path::parent) {
            Some(parent) => parent.to_path_buf(),
            None => dir,
        };
        if let Ok(meta) = fs::metadata(path)
            && !meta.is_file()
            && !meta.is_dir()
        {
            return fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map(Destination::Stream)
                .map_err(|e| {
                    (
                        name,
                        format!("cannot write: {}", crate::reader::describe_io(&e)),
                    )
                });
        }
        if !dir.is_dir() {
            let why = if dir.exists() {
                "is not a folder"
            } else {
                "does not exist"
            };
            return Err((name, format!("cannot write: {} {why}", dir.display())));
        }
        if path.is_dir() {
            return Err((name, "cannot write: it is a folder".to_string()));
        }
        let mut builder = tempfile::Builder::new();
        builder.prefix(".corpus-cli-");
        // A temporary file is private (0600) by default; the report should get the permissions
        // of any other new file (0666 less the umask), as if it had been written in place.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        let temp = builder.tempfile_in(&dir).map_err(|e| {
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
            Destination::Stream(file) => Box::new(io::BufWriter::new(file.try_clone()?)),
        })
    }

    /// Move the finished temporary file into place. Until then the target is untouched: a run
    /// that fails, or is killed, before this leaves any earlier file as it was. (Dropping a
    /// `Destination` without committing removes the temporary file.) A device or pipe has had
    /// everything already: there is nothing to move.
    pub fn commit(self) -> Result<(), (String, String)> {
        if let Destination::File { temp, path } = self {
            let fail = |e: &io::Error| {
                (
                    path.display().to_string(),
                    format!("cannot write: {}", crate::reader::describe_io(e)),
                )
            };
            temp.as_file().sync_all().map_err(|e| fail(&e))?;
            temp.persist(&path).map_err(|e| fail(&e.error))?;
        }
        Ok(())
    }
}

/// True for an error that means the reader of our output went away (`| head -1`), also when
/// it comes wrapped in another error (a serializer's).
pub fn is_broken_pipe(e: &io::Error) -> bool {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return true;
    }
    let mut inner: Option<&(dyn std::error::Error + 'static)> = match e.get_ref() {
        Some(r) => Some(r),
        None => None,
    };
    while let Some(err) = inner {
        if let Some(io) = err.downcast_ref::<io::Error>()
            && io.kind() == io::ErrorKind::BrokenPipe
        {
            return true;
        }
        if let Some(json) = err.downcast_ref::<serde_json::Error>()
            && json.io_error_kind() == Some(io::ErrorKind::BrokenPipe)
        {
            return true;
        }
        inner = err.source();
    }
    false
}

/// The exit code for a failed write of the report: a closed pipe (`| head -1`) ends quietly with
/// 0; any other failure is reported on stderr, naming `output` (or standard output), with 2.
pub fn write_failure(e: &io::Error, output: Option<&Path>) -> u8 {
    if is_broken_pipe(e) {
        return super::EXIT_OK;
    }
    let target = output.map_or("<stdout>".to_string(), |p| p.display().to_string());
    super::report_error(
        &target,
        &format!("cannot write: {}", crate::reader::describe_io(e)),
    );
    super::EXIT_USAGE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_pipe_is_seen_through_a_serializer_error() {
        let pipe = io::Error::from(io::ErrorKind::BrokenPipe);
        assert!(is_broken_pipe(&pipe));
        let json = serde_json::Error::io(io::Error::from(io::ErrorKind::BrokenPipe));
        assert!(is_broken_pipe(&io::Error::other(json)));
        let other = serde_json::Error::io(io::Error::from(io::ErrorKind::StorageFull));
        assert!(!is_broken_pipe(&io::Error::other(other)));
        assert!(!is_broken_pipe(&io::Error::other("disk on fire")));
    }
}
