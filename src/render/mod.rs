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

/// `name` made safe as one file name inside an output folder: every character that is not a
/// letter, a digit, `_`, `-` or `.` becomes `_`, and a leading `.` becomes `_`, so that no
/// name built from workshop data (a group id, a chart name) can be a path, a hidden file or
/// `..`. The ids are checked for this already (`model::check`); this is the second line.
pub fn safe_file_name(name: &str) -> String {
    let mut out: String = name
        .chars()
        .map(|c| if c.is_alphanumeric() || matches!(c, '_' | '-' | '.') { c } else { '_' })
        .collect();
    if out.starts_with('.') || out.is_empty() {
        out.replace_range(..out.chars().next().map_or(0, char::len_utf8), "_");
    }
    out
}

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

#[cfg(test)]
mod tests {
    use super::safe_file_name;

    #[test]
    fn file_names_from_data_stay_in_their_folder() {
        assert_eq!(safe_file_name("zh-bank-g1.pdf"), "zh-bank-g1.pdf");
        assert_eq!(safe_file_name("x/../../../../tmp/escaped"), "x_.._.._.._.._tmp_escaped");
        assert_eq!(safe_file_name(".."), "_.");
        assert_eq!(safe_file_name(""), "_");
        assert_eq!(safe_file_name("C:\\evil"), "C__evil");
        assert_eq!(safe_file_name("第一组.svg"), "第一组.svg");
        for bad in ["../a", "/etc/passwd", "a\\b", "..", "."] {
            let n = safe_file_name(bad);
            assert!(!n.contains('/') && !n.contains('\\') && !n.starts_with('.'), "{n}");
        }
    }
}
