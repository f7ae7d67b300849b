//! `guest`: CloudABI programs in Rust on `cloudabi-rt` (crates/rt).
//!
//! `guest build [--release] (--example NAME | --examples | DIR)` builds the
//! runtime's examples, or the package in DIR, into CloudABI executables in
//! `target/cloudabi/{debug,release}/` (the repository's target directory for
//! examples, DIR's own for a package); `guest new DIR` makes a package that
//! builds that way. The building itself is `cloudabi-guest-build`'s.

use std::path::{Path, PathBuf};

use cloudabi_guest_build::{Build, Targets};

pub(crate) const USAGE: &str = "\
  guest build [--release] (--example NAME | --examples | DIR)
                   build the runtime's example NAME (or all of them), or the package in DIR,
                   into CloudABI executables: target/cloudabi/{debug,release}/NAME (the
                   repository's target/ for examples, DIR/target/ for a package)
  guest new DIR    make a package in DIR (new or empty) on cloudabi-rt that prints a greeting
                   to its `out` descriptor; build it with `guest build DIR`
";

pub(crate) fn run(args: &[&str]) -> Result<(), String> {
    match args {
        ["build", rest @ ..] => build(rest),
        ["new", dir] => new(Path::new(dir)),
        _ => Err(format!("usage:\n{USAGE}")),
    }
}

fn rt_dir() -> PathBuf {
    crate::root().join("crates/rt")
}

fn build(args: &[&str]) -> Result<(), String> {
    let mut release = false;
    let mut what = None;
    let mut rest = args.iter();
    while let Some(&arg) = rest.next() {
        let next = match arg {
            "--release" => {
                release = true;
                continue;
            }
            "--example" => {
                let name = rest.next().ok_or("--example needs a name")?;
                (
                    rt_dir(),
                    Targets::Example(name.to_string()),
                    crate::root().join("target"),
                )
            }
            "--examples" => (rt_dir(), Targets::AllExamples, crate::root().join("target")),
            flag if flag.starts_with('-') => {
                return Err(format!("unknown option {flag}\nusage:\n{USAGE}"))
            }
            dir => {
                let dir = Path::new(dir)
                    .canonicalize()
                    .map_err(|e| format!("{dir}: {e}"))?;
                (dir.clone(), Targets::Bins, dir.join("target"))
            }
        };
        if what.replace(next).is_some() {
            return Err(format!(
                "give one of --example NAME, --examples or DIR\nusage:\n{USAGE}"
            ));
        }
    }
    let (package, targets, target) = what.ok_or_else(|| {
        format!("nothing to build: give --example NAME, --examples or DIR\nusage:\n{USAGE}")
    })?;
    for exe in Build::new(&package, targets, release, &target).run()? {
        println!("{}", exe.display());
    }
    Ok(())
}

fn new(dir: &Path) -> Result<(), String> {
    let name = cloudabi_guest_build::new_crate(dir, &rt_dir())?;
    let shown = dir.display();
    println!(
        "created {shown} (package {name})\n\
         build it:  cargo xtask guest build {shown}\n\
         run it:    cargo run -q -p cloudabi-emulator --bin cloudabi-run -- \
         {shown}/target/cloudabi/debug/{name} < {shown}/{name}.yaml"
    );
    Ok(())
}
