//! `cloudabi-conformance`: runs the conformance suite against a launcher.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

/// Runs the CloudABI conformance suite: guest programs that check every
/// system call (success and the reference kernel's errors) plus workloads
/// like a real C library's allocator, under the given launcher. Prints one
/// line per case, then a summary per call.
#[derive(Parser, Debug)]
#[command(
    version,
    after_help = "The launcher is run as `LAUNCHER GUEST < config.yaml`, like upstream cloudabi-run;\n\
                  the YAML maps `out` to its stdout and `dir` to an empty directory of the guest's own.\n\n\
                  Exit status: 0 every case passed, 1 some case failed or a guest did not finish,\n\
                  2 bad usage or the guests could not be built (gcc missing)."
)]
struct Args {
    /// The launcher to measure (a `cloudabi-run` of any implementation).
    #[arg(long, env = "CLOUDABI_RUN")]
    launcher: PathBuf,
    /// Where to build the guests and make their directories.
    #[arg(long, default_value_os_t = std::env::temp_dir().join("cloudabi-conformance"))]
    work_dir: PathBuf,
    /// Print the summary as a Markdown table.
    #[arg(long)]
    markdown: bool,
    /// Only these guests (by name: mem, alloc, ...).
    guests: Vec<String>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let report = match cloudabi_conformance::run(&args.launcher, &args.work_dir, &args.guests) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("cloudabi-conformance: {e}");
            return ExitCode::from(2);
        }
    };
    for line in report.lines() {
        println!("{line}");
    }
    println!();
    if args.markdown {
        print!("{}", report.markdown());
    } else {
        print!("{}", report.summary());
    }
    if report.passed() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
