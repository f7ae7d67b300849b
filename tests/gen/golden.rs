//! Goldens of the focused specs: `tests/golden/{area}/{spec}/{file}.snap`, one insta
//! snapshot per output file, where `{file}` is the path the backend gives the file (so a
//! spec's folder mirrors the layout of `generated/`). Our own spec's golden is
//! `generated/` itself, checked by `cargo xtask gen --check`; nothing here copies it.
//!
//! A changed output fails its test with a diff; `cargo insta review` (or
//! `INSTA_UPDATE=always`) accepts it. `Golden::finish` fails on goldens no test produced,
//! so a renamed file or spec leaves no stale copy behind.

use cloudabi_gen::backend::OutputFile;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The goldens of one area, checked one file at a time.
pub(crate) struct Golden {
    area: &'static str,
    checked: BTreeSet<PathBuf>,
}

impl Golden {
    pub(crate) fn new(area: &'static str) -> Self {
        Golden {
            area,
            checked: BTreeSet::new(),
        }
    }

    /// Checks every file against `{area}/{spec}/{file.path}.snap`.
    pub(crate) fn files(&mut self, spec: &str, files: &[OutputFile]) {
        for file in files {
            self.text(spec, &file.path, &file.contents);
        }
    }

    /// Checks one text against `{area}/{spec}/{file}.snap`.
    pub(crate) fn text(&mut self, spec: &str, file: &str, text: &str) {
        let (dir, base) = match file.rsplit_once('/') {
            Some((dir, base)) => (format!("{}/{spec}/{dir}", self.area), base),
            None => (format!("{}/{spec}", self.area), file),
        };
        let mut settings = insta::Settings::clone_current();
        // Relative to this file's directory, tests/gen/.
        settings.set_snapshot_path(format!("../golden/{dir}"));
        settings.set_prepend_module_to_snapshot(false);
        settings.set_omit_expression(true);
        settings.set_input_file(format!("tests/specs/{}/{spec}.txt", self.area));
        settings.bind(|| insta::assert_snapshot!(base, text));
        self.checked
            .insert(PathBuf::from(format!("{dir}/{base}.snap")));
    }

    /// Fails if the area's golden folder holds a file no check of this run produced.
    pub(crate) fn finish(self) {
        let root = root().join(self.area);
        let orphans: Vec<String> = files_under(&root)
            .into_iter()
            .filter_map(|p| {
                let rel = p.strip_prefix(root.parent().expect("an area has a parent"));
                let rel = rel.expect("found under the root").to_path_buf();
                let pending = rel.extension().is_some_and(|e| e != "snap");
                (!pending && !self.checked.contains(&rel)).then(|| rel.display().to_string())
            })
            .collect();
        assert!(
            orphans.is_empty(),
            "goldens no test produces (a renamed spec or file?); delete them:\n  \
             tests/golden/{}",
            orphans.join("\n  tests/golden/")
        );
    }
}

/// `tests/golden/` in this checkout.
pub(crate) fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// Every file under `dir` (none if it does not exist).
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for path in entries.flatten().map(|e| e.path()) {
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}
