//! Project chores: `gen` (regenerate `generated/`), `gen --check`, `conformance`, `test`,
//! `copies` (a large spec for measuring),
//! `guest` (CloudABI programs in Rust).

mod docs_screenshot;
mod gen;
mod guest;
mod test;
#[cfg(test)]
mod tidy;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  gen              regenerate generated/ from the embedded spec
  gen --check      fail (naming each file) if generated/ is stale, missing files or has extra ones
  conformance SPEC prove that SPEC declares the same ABI as spec/cloudabi.txt (docs ignored)
  test             install or check the system tools the tests need, then run every test
  copies N         print a spec made of N renamed copies of ours (for measuring at scale:
                   `cloudabi-gen` on it is what the issue-15 figures were taken with)
  docs-screenshot  open the HTML docs in headless Chromium: PNGs under target/docs-screenshots/,
                   and check that the search box filters
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["gen"] => gen::run(false),
        ["gen", "--check"] => gen::run(true),
        ["conformance", path] => gen::conformance(path),
        ["test", rest @ ..] => test::run(rest),
        ["copies", n] => copies(n),
        ["docs-screenshot"] => docs_screenshot::run(),
        ["guest", rest @ ..] => guest::run(rest),
        _ => {
            eprint!("{USAGE}{}", guest::USAGE);
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// `copies N`: our spec N times over, each copy under names of its own, on stdout.
fn copies(n: &str) -> Result<(), String> {
    let n: usize = n
        .parse()
        .map_err(|_| format!("copies: `{n}` is not a number of copies"))?;
    let text = cloudabi_gen::copies::copies(cloudabi_gen::DEFAULT_SPEC, n)
        .map_err(|e| format!("spec/cloudabi.txt is invalid:\n{}", e.render()))?;
    use std::io::Write;
    std::io::stdout()
        .write_all(text.as_bytes())
        .map_err(|e| format!("cannot write the spec: {e}"))
}

/// The workspace root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}
