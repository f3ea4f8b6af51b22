//! Running `kano` and comparing its output with golden files.
//!
//! Set `KANO_BLESS=1` to (re)write the golden files from the current output; review the
//! diff before committing.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Run `kano` with `args` in the repository root.
pub fn kano(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kano"))
        .args(args)
        .current_dir(root())
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("kano runs")
}

/// The exit code, or -1 if killed by a signal.
pub fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

/// Compare `actual` with the golden file `tests/golden/<name>`.
pub fn golden(name: &str, actual: &str) {
    let path = root().join("tests/golden").join(name);
    if std::env::var_os("KANO_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap_or(Path::new("."))).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("golden file {} missing ({e}); run with KANO_BLESS=1", path.display())
    });
    if expected != actual {
        panic!(
            "output differs from {}\n--- expected\n{expected}\n--- actual\n{actual}\n(run with KANO_BLESS=1 to accept)",
            path.display()
        );
    }
}
