//! `tree`: every path beneath a directory, one per line.
//!
//! Argdata: `{dir: fd, out: fd, err: fd?}`. Prints the path of everything
//! beneath `dir`, relative to it, directories included (`.` and `..` not),
//! sorted bytewise. Symbolic links are listed, not followed.
#![no_std]
#![no_main]

use cloudabi_rt::fd::FileType;
use cloudabi_rt::fs::Dir;
use cloudabi_rt::io::BufWriter;
use cloudabi_rt::prelude::*;

cloudabi_rt::entry!(main);

fn main(args: Args) -> Result<(), Error> {
    cloudabi_rt::io::set_stderr(args.get_opt("err")?);
    let dir: Dir = args.get("dir")?;
    let out: Fd = args.get("out")?;
    let mut paths = Vec::new();
    walk(&dir, &mut Vec::new(), &mut paths)?;
    paths.sort_unstable();
    let mut out = BufWriter::with_capacity(64 * 1024, out);
    for path in &paths {
        out.write_all(path)?;
        out.write_all(b"\n")?;
    }
    out.flush()
}

/// Appends the paths beneath `dir` (whose own path is `prefix`) to `paths`.
fn walk(dir: &Dir, prefix: &mut Vec<u8>, paths: &mut Vec<Vec<u8>>) -> Result<(), Error> {
    for entry in dir.entries() {
        let entry = entry?;
        let len = prefix.len();
        if len > 0 {
            prefix.push(b'/');
        }
        prefix.extend_from_slice(entry.name());
        paths.push(prefix.clone());
        if is_dir(dir, &entry)? {
            let sub = dir.open_dir(entry.name())?;
            walk(&sub, prefix, paths)?;
        }
        prefix.truncate(len);
    }
    Ok(())
}

/// Whether an entry is a directory (not a link to one), asking the file
/// system when the directory listing does not say.
fn is_dir(dir: &Dir, entry: &cloudabi_rt::fs::DirEntry) -> Result<bool, Error> {
    Ok(match entry.file_type() {
        FileType::Dir => true,
        FileType::Unknown => dir.symlink_metadata(entry.name())?.file_type == FileType::Dir,
        _ => false,
    })
}
