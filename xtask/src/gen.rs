//! `gen` and `gen --check`: the one place that writes `generated/`.

use cloudabi_gen::backend::{self, OutputFile};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

pub(crate) fn run(check: bool) -> Result<(), String> {
    let ir = cloudabi_gen::default_ir()
        .map_err(|e| format!("spec/cloudabi.txt is invalid:\n{}", e.render()))?;
    let dir = crate::root().join("generated");
    let every: Vec<&backend::Backend> = backend::all().iter().collect();
    // Each backend's files are compared (and, without `check`, written) on the worker that
    // made them, as soon as it is done: the comparing overlaps the other backends' work.
    let done: Vec<Mutex<Done>> = every.iter().map(|_| Mutex::default()).collect();
    backend::run_each(&ir, &every, |index, files| {
        let outcome = compare_or_write(&dir, &files, check)?;
        *done[index].lock().unwrap_or_else(|e| e.into_inner()) = outcome;
        Ok::<(), String>(())
    })?;
    // The process ends soon: freeing the IR's many small allocations would only cost time.
    std::mem::forget(ir);
    let done: Vec<Done> = done
        .into_iter()
        .map(|m| m.into_inner().unwrap_or_else(|e| e.into_inner()))
        .collect();
    let total: usize = done.iter().map(|d| d.paths.len()).sum();
    let mut problems: Vec<String> = done.iter().flat_map(|d| d.problems.clone()).collect();
    let expected: BTreeSet<&str> = done
        .iter()
        .flat_map(|d| d.paths.iter().map(String::as_str))
        .collect();
    for orphan in existing(&dir)
        .into_iter()
        .filter(|p| !expected.contains(p.as_str()))
    {
        if !check {
            std::fs::remove_file(dir.join(&orphan)).map_err(|e| format!("{orphan}: {e}"))?;
        }
        problems.push(format!("orphaned: generated/{orphan}"));
    }
    if check {
        if problems.is_empty() {
            println!("generated/ is up to date ({total} files)");
            return Ok(());
        }
        for p in &problems {
            eprintln!("{p}");
        }
        return Err(format!(
            "generated/ is stale ({} problems): run `cargo xtask gen` and commit",
            problems.len()
        ));
    }
    println!("generated/: {total} files, {} changed", problems.len());
    Ok(())
}

/// What one backend's files came to: their paths, and those that differed from `dir`.
#[derive(Default)]
struct Done {
    paths: Vec<String>,
    problems: Vec<String>,
}

/// Compares `files` with those under `dir`; unless `check`, writes each one that differs
/// (through a temporary file and a rename).
fn compare_or_write(dir: &Path, files: &[OutputFile], check: bool) -> Result<Done, String> {
    let mut done = Done::default();
    for f in files {
        done.paths.push(f.path.clone());
        let path = dir.join(&f.path);
        match cloudabi_gen::file_holds(&path, f.contents.as_bytes()) {
            Ok(true) => continue,
            Ok(false) => done.problems.push(format!("stale: generated/{}", f.path)),
            Err(_) => done.problems.push(format!("missing: generated/{}", f.path)),
        }
        if !check {
            write_file(&path, &f.contents)?;
        }
    }
    Ok(done)
}

/// Files under `dir`, as `/`-separated relative paths, sorted.
fn existing(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack: Vec<PathBuf> = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            // The entry's type comes with the directory listing: no stat per file.
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                stack.push(p);
            } else if let Ok(rel) = p.strip_prefix(dir) {
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out.sort();
    out
}

/// Writes one file through a temporary sibling and a rename, making its directory first.
fn write_file(path: &Path, contents: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    let tmp = path.with_file_name(format!(
        ".{}.tmp",
        path.file_name().unwrap_or_default().to_string_lossy()
    ));
    std::fs::write(&tmp, contents).map_err(|e| format!("{}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, path).map_err(|e| format!("{}: {e}", path.display()))
}

pub(crate) fn conformance(path: &str) -> Result<(), String> {
    let ours = cloudabi_gen::default_ir().map_err(|e| e.render())?;
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let theirs = cloudabi_gen::load(path, &text)
        .map_err(|e| format!("{path} is invalid:\n{}", e.render()))?;
    let diffs = cloudabi_gen::conformance::compare(&ours, &theirs);
    for d in &diffs {
        println!("{d}");
    }
    if diffs.is_empty() {
        let facts = cloudabi_gen::conformance::facts(&ours).len();
        println!("{path} declares the same ABI as spec/cloudabi.txt ({facts} facts compared, 0 differences)");
        Ok(())
    } else {
        Err(format!(
            "{} differences between spec/cloudabi.txt and {path}",
            diffs.len()
        ))
    }
}
