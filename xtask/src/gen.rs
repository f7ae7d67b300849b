//! `gen` and `gen --check`: the one place that writes `generated/`.

use cloudabi_gen::backend::{self, OutputFile};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

pub(crate) fn run(check: bool) -> Result<(), String> {
    let ir = cloudabi_gen::default_ir()
        .map_err(|e| format!("spec/cloudabi.txt is invalid:\n{}", e.render()))?;
    let files = backend::generate_all(&ir);
    let dir = crate::root().join("generated");
    let problems = compare(&dir, &files);
    // The process ends soon: freeing the IR's many small allocations would only cost time.
    std::mem::forget(ir);
    if check {
        if problems.is_empty() {
            println!("generated/ is up to date ({} files)", files.len());
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
    write(&dir, &files)?;
    println!(
        "generated/: {} files, {} changed",
        files.len(),
        problems.len()
    );
    Ok(())
}

/// What differs between `dir` and `files`: stale, missing and orphaned files.
pub(crate) fn compare(dir: &Path, files: &[OutputFile]) -> Vec<String> {
    let mut problems = Vec::new();
    // One buffer, as large as the largest file, serves every read.
    let mut bytes = Vec::with_capacity(
        files
            .iter()
            .map(|f| f.contents.len() + 1)
            .max()
            .unwrap_or(0),
    );
    for f in files {
        match read_into(&dir.join(&f.path), &mut bytes) {
            Ok(()) if bytes == f.contents.as_bytes() => {}
            Ok(()) => problems.push(format!("stale: generated/{}", f.path)),
            Err(_) => problems.push(format!("missing: generated/{}", f.path)),
        }
    }
    let expected: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    for path in existing(dir) {
        if !expected.contains(path.as_str()) {
            problems.push(format!("orphaned: generated/{path}"));
        }
    }
    problems
}

/// Replaces the contents of `buf` with those of the file at `path`.
fn read_into(path: &Path, buf: &mut Vec<u8>) -> std::io::Result<()> {
    use std::io::Read;
    buf.clear();
    std::fs::File::open(path)?.read_to_end(buf)?;
    Ok(())
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
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(rel) = p.strip_prefix(dir) {
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out.sort();
    out
}

/// Writes changed files (through a temporary file and a rename) and removes orphans.
fn write(dir: &Path, files: &[OutputFile]) -> Result<(), String> {
    for f in files {
        let path = dir.join(&f.path);
        if std::fs::read(&path).is_ok_and(|b| b == f.contents.as_bytes()) {
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        let tmp = path.with_file_name(format!(
            ".{}.tmp",
            path.file_name().unwrap_or_default().to_string_lossy()
        ));
        std::fs::write(&tmp, &f.contents).map_err(|e| format!("{}: {e}", tmp.display()))?;
        std::fs::rename(&tmp, &path).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let expected: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    for orphan in existing(dir)
        .iter()
        .filter(|p| !expected.contains(p.as_str()))
    {
        std::fs::remove_file(dir.join(orphan)).map_err(|e| format!("{orphan}: {e}"))?;
    }
    Ok(())
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
