//! The one spec loader of the tests: our spec (`spec/cloudabi.txt`, embedded in the
//! library) and the focused specs under `tests/specs/{area}/`, each loaded under its
//! repository path (`tests/specs/c/arrays.txt`) so diagnostics and banners name it.

use cloudabi_gen::ir::Ir;
use std::path::{Path, PathBuf};

/// `tests/specs/` in this checkout.
pub(crate) fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/specs")
}

/// Our spec.
pub(crate) fn ours() -> Ir {
    cloudabi_gen::default_ir().unwrap_or_else(|e| panic!("spec/cloudabi.txt:\n{}", e.render()))
}

/// The `.txt` files of one area, sorted by name.
pub(crate) fn paths(area: &str) -> Vec<PathBuf> {
    let dir = root().join(area);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a readable directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
}

/// A spec's name: its file stem (`arrays` for `tests/specs/c/arrays.txt`).
pub(crate) fn name(path: &Path) -> String {
    path.file_stem()
        .expect("a spec file has a name")
        .to_string_lossy()
        .into_owned()
}

/// Loads a spec file, naming it by its path in the repository.
pub(crate) fn load(path: &Path) -> Result<Ir, cloudabi_gen::SpecErrors> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let shown = path
        .strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned();
    cloudabi_gen::load(&shown, &text)
}

/// Every focused spec of one area, by name; each must be valid.
pub(crate) fn focused(area: &str) -> Vec<(String, Ir)> {
    paths(area)
        .into_iter()
        .map(|path| {
            let ir = load(&path)
                .unwrap_or_else(|e| panic!("{} is invalid:\n{}", path.display(), e.render()));
            (name(&path), ir)
        })
        .collect()
}

/// One focused spec.
pub(crate) fn one(area: &str, name: &str) -> Ir {
    focused(area)
        .into_iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no tests/specs/{area}/{name}.txt"))
        .1
}

/// Our spec (as `cloudabi`), then every focused spec of the area.
pub(crate) fn with_ours(area: &str) -> Vec<(String, Ir)> {
    let mut irs = vec![("cloudabi".to_string(), ours())];
    irs.extend(focused(area));
    irs
}

/// Every spec file of every area, the invalid corpus included, sorted.
pub(crate) fn every_file() -> Vec<PathBuf> {
    let mut areas: Vec<PathBuf> = std::fs::read_dir(root())
        .expect("tests/specs is readable")
        .map(|e| e.expect("a readable directory entry").path())
        .filter(|p| p.is_dir())
        .collect();
    areas.sort();
    areas.iter().flat_map(|area| paths(&name(area))).collect()
}

/// Every valid spec of every area (the invalid corpus is meant to fail), by path.
pub(crate) fn every_valid() -> Vec<(String, Ir)> {
    every_file()
        .into_iter()
        .filter_map(|path| Some((path.display().to_string(), load(&path).ok()?)))
        .collect()
}
