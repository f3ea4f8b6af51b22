//! Stage 5: outputs. Templates render markup; the PDF layout turns markup and charts into
//! PDF bytes ([`pdf`], charts drawn through its plotters backend); [`chart_files`] writes
//! one chart as an SVG, PNG or PDF file; [`write_atomic`] puts them on disk.

pub mod chart_files;
pub mod pdf;
pub mod report;
pub mod templates;
pub mod terminal;

use std::io::Write as _;
use std::path::Path;

/// Write `bytes` to `path` atomically: a temporary file in the same folder, then a rename,
/// so a failure never leaves half a file nor clobbers the last good one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new().prefix(".kano-").suffix(".tmp").tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    // a temporary file is private (0600); the report is an ordinary file
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        tmp.as_file().set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
