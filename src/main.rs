//! `cloudabi-gen`: run any backend on any spec file.

use clap::Parser;
use cloudabi_gen::backend::{self, OutputFile};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Generate C headers, Rust bindings, vDSOs, docs or JSON from a cloudabi.txt-style spec.
#[derive(Parser)]
#[command(version, after_help = backends_help())]
struct Cli {
    /// The spec file to read.
    spec: PathBuf,
    /// Backend to run (repeatable); all backends when omitted.
    #[arg(short, long = "backend", value_name = "NAME")]
    backends: Vec<String>,
    /// Directory to write into (created if missing). Without it, only validate the spec.
    #[arg(short, long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Print the list of files that would be written, and write nothing.
    #[arg(long)]
    dry_run: bool,
}

fn backends_help() -> String {
    let mut s = String::from("Backends:\n");
    for b in backend::all() {
        s.push_str(&format!("  {:<10} {}\n", b.name, b.description));
    }
    s
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Spec(text)) => {
            eprint!("{text}");
            ExitCode::from(2)
        }
        Err(Failure::Other(text)) => {
            eprintln!("error: {text}");
            ExitCode::from(1)
        }
    }
}

enum Failure {
    Spec(String),
    Other(String),
}

fn run(cli: &Cli) -> Result<(), Failure> {
    let bytes = std::fs::read(&cli.spec)
        .map_err(|e| Failure::Other(format!("cannot read {}: {e}", cli.spec.display())))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        Failure::Other(format!(
            "{}: not UTF-8 (invalid byte at offset {})",
            cli.spec.display(),
            e.utf8_error().valid_up_to()
        ))
    })?;
    let name = cli.spec.display().to_string();
    let ir = cloudabi_gen::load(&name, &text).map_err(|e| Failure::Spec(e.render()))?;
    let selected = select(&cli.backends)?;
    let files: Vec<OutputFile> = backend::run(&ir, &selected);
    match &cli.out {
        None if !cli.dry_run => {
            eprintln!(
                "{name}: valid ({} types, {} syscalls); pass --out DIR to write files",
                ir.types.len(),
                ir.syscalls.len()
            );
            Ok(())
        }
        _ if cli.dry_run => {
            files.iter().for_each(|f| println!("{}", f.path));
            Ok(())
        }
        Some(dir) => write_all(dir, &files).map_err(Failure::Other),
        None => unreachable!("handled above"),
    }
}

fn select(names: &[String]) -> Result<Vec<&'static backend::Backend>, Failure> {
    if names.is_empty() {
        return Ok(backend::all().iter().collect());
    }
    names
        .iter()
        .map(|n| {
            backend::find(n).ok_or_else(|| {
                Failure::Other(format!("unknown backend `{n}`\n\n{}", backends_help()))
            })
        })
        .collect()
}

/// Writes each file through a temporary sibling and a rename, so an interrupted run never
/// leaves a half-written file behind: each file is either the old one or the new one.
/// (Nothing is synced to disk: the output can always be made again from the spec.)
fn write_all(dir: &Path, files: &[OutputFile]) -> Result<(), String> {
    let mut made: Vec<PathBuf> = Vec::new();
    for f in files {
        let path = dir.join(&f.path);
        if let Some(parent) = path.parent() {
            if !made.iter().any(|d| d == parent) {
                std::fs::create_dir_all(parent)
                    .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
                made.push(parent.to_path_buf());
            }
        }
        write_atomic(&path, f.contents.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    eprintln!("wrote {} files under {}", files.len(), dir.display());
    Ok(())
}

fn write_atomic(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    let mut f = std::fs::File::create(&tmp)?;
    f.write_all(contents)?;
    drop(f);
    std::fs::rename(&tmp, path)
}
