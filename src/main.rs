//! `cloudabi-gen`: run any backend on any spec file, or put a spec in canonical layout.

use clap::{Args, Parser, Subcommand, ValueEnum};
use cloudabi_gen::backend;
use cloudabi_gen::SpecErrors;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Generate C headers, Rust bindings, vDSOs, docs or JSON from a cloudabi.txt-style spec,
/// or check and rewrite a spec's layout.
#[derive(Parser)]
#[command(
    version,
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true,
    after_help = after_help()
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    generate: Generate,
    /// How problems in a spec are reported: `human` (file:line:col, the line and a caret)
    /// or `json` (one JSON object per line and diagnostic, for editors).
    #[arg(long, value_enum, default_value_t = MessageFormat::Human, global = true)]
    message_format: MessageFormat,
}

#[derive(Subcommand)]
enum Command {
    /// Rewrites specs in canonical layout: tabs, one space between words, names aligned in
    /// bodies of members and values, one blank line between declarations; comments and
    /// docs are kept. Only valid specs are formatted.
    Fmt {
        /// Write nothing; exit with 1 and name each spec whose layout would change.
        #[arg(long)]
        check: bool,
        /// The spec files.
        #[arg(required = true)]
        specs: Vec<PathBuf>,
    },
}

#[derive(Args)]
struct Generate {
    /// The spec file to read.
    #[arg(required = true)]
    spec: Option<PathBuf>,
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

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum MessageFormat {
    Human,
    Json,
}

fn after_help() -> String {
    let mut s = String::from("Backends:\n");
    for b in backend::all() {
        s.push_str(&format!("  {:<10} {}\n", b.name, b.description));
    }
    s.push_str(
        "\nExit status:\n  0  success\n  1  a file could not be read or written, an unknown \
         backend, or `fmt --check` found a spec to reformat\n  2  the spec has errors (all \
         are reported), or the command line is wrong\n",
    );
    s
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Some(Command::Fmt { check, specs }) => fmt(specs, *check),
        None => generate(&cli.generate, cli.message_format),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Spec(errors)) => {
            match cli.message_format {
                MessageFormat::Human => eprint!("{}", errors.render()),
                MessageFormat::Json => print!("{}", errors.render_json()),
            }
            ExitCode::from(2)
        }
        Err(Failure::Other(text)) => {
            eprintln!("error: {text}");
            ExitCode::from(1)
        }
    }
}

enum Failure {
    Spec(Box<SpecErrors>),
    Other(String),
}

impl From<SpecErrors> for Failure {
    fn from(e: SpecErrors) -> Failure {
        Failure::Spec(Box::new(e))
    }
}

fn read(path: &Path) -> Result<Vec<u8>, Failure> {
    std::fs::read(path).map_err(|e| Failure::Other(format!("cannot read {}: {e}", path.display())))
}

fn generate(cli: &Generate, format: MessageFormat) -> Result<(), Failure> {
    let Some(spec) = &cli.spec else {
        return Err(Failure::Other("no spec given".into()));
    };
    let name = spec.display().to_string();
    let ir = cloudabi_gen::load_bytes(&name, &read(spec)?)?;
    let selected = select(&cli.backends)?;
    if cli.out.is_none() && !cli.dry_run {
        if format == MessageFormat::Human {
            eprintln!(
                "{name}: valid ({} types, {} syscalls); pass --out DIR to write files",
                ir.types.len(),
                ir.syscalls.len()
            );
        }
        return Ok(());
    }
    let result = match &cli.out {
        Some(dir) if !cli.dry_run => write_all(dir, &ir, &selected).map_err(Failure::Other),
        _ => {
            let files = backend::run(&ir, &selected);
            let mut stdout = std::io::stdout().lock();
            for f in &files {
                let _ = writeln!(stdout, "{}", f.path);
            }
            Ok(())
        }
    };
    // The process ends next: freeing the IR's thousands of small allocations one by one
    // would only cost time (a few percent of a run on our spec).
    std::mem::forget(ir);
    result
}

/// Formats each spec, or with `check` names those whose layout would change.
fn fmt(specs: &[PathBuf], check: bool) -> Result<(), Failure> {
    let mut unformatted = Vec::new();
    for spec in specs {
        let name = spec.display().to_string();
        let bytes = read(spec)?;
        let text = cloudabi_gen::spec_text(&name, &bytes)?;
        // Only a valid spec is reformatted: its indentation is then known to be a tree.
        cloudabi_gen::load(&name, text)?;
        let formatted = cloudabi_gen::fmt::format(text);
        if formatted == text {
            continue;
        }
        if check {
            unformatted.push(name);
        } else {
            write_atomic(spec, formatted.as_bytes())
                .map_err(|e| Failure::Other(format!("cannot write {name}: {e}")))?;
            eprintln!("formatted {name}");
        }
    }
    if unformatted.is_empty() {
        return Ok(());
    }
    Err(Failure::Other(format!(
        "not in canonical layout (run `cloudabi-gen fmt` on them): {}",
        unformatted.join(", ")
    )))
}

fn select(names: &[String]) -> Result<Vec<&'static backend::Backend>, Failure> {
    if names.is_empty() {
        return Ok(backend::all().iter().collect());
    }
    names
        .iter()
        .map(|n| {
            backend::find(n)
                .ok_or_else(|| Failure::Other(format!("unknown backend `{n}`\n\n{}", after_help())))
        })
        .collect()
}

/// Runs the backends and writes each one's files as soon as it is done (so a large spec's
/// output is never all in memory at once), each through a temporary sibling and a rename:
/// an interrupted run never leaves a half-written file behind, each file is either the old
/// one or the new one. A file that already holds exactly the new contents is left alone
/// (its modification time too, so build tools see nothing changed): reading and comparing
/// costs far less than creating an inode, renaming it over the old one and evicting that
/// one. (Nothing is synced to disk: the output can always be made again from the spec.)
fn write_all(
    dir: &Path,
    ir: &cloudabi_gen::ir::Ir,
    backends: &[&backend::Backend],
) -> Result<(), String> {
    let total = AtomicUsize::new(0);
    let written = AtomicUsize::new(0);
    backend::run_each(ir, backends, |_, files| {
        // Directories known to exist: each is looked at once, not once per file in it.
        let mut known: Vec<PathBuf> = Vec::new();
        for f in &files {
            let path = dir.join(&f.path);
            if let Some(parent) = path.parent() {
                if !known.iter().any(|d| d == parent) {
                    // A stat costs less than the failing mkdir `create_dir_all` starts with.
                    if !parent.is_dir() {
                        std::fs::create_dir_all(parent)
                            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
                    }
                    known.push(parent.to_path_buf());
                }
            }
            total.fetch_add(1, Ordering::Relaxed);
            if cloudabi_gen::file_holds(&path, f.contents.as_bytes()).unwrap_or(false) {
                continue;
            }
            write_atomic(&path, f.contents.as_bytes())
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            written.fetch_add(1, Ordering::Relaxed);
        }
        Ok::<(), String>(())
    })?;
    let (total, written) = (total.into_inner(), written.into_inner());
    match total - written {
        0 => eprintln!("wrote {written} files under {}", dir.display()),
        unchanged => eprintln!(
            "wrote {written} files under {} ({unchanged} already up to date)",
            dir.display()
        ),
    }
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
