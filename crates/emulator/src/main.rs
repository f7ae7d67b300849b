//! `cloudabi-run`: runs a CloudABI program with exactly the resources a YAML
//! configuration on stdin grants. `cloudabi-run --help` describes it all.
//!
//! The binary defines the C `main` itself (see [`main`]) and is linked as a
//! static PIE on x86-64 Linux (see `build.rs`): both for start-up time.
// The unit tests below keep the test harness's own main.
#![cfg_attr(not(test), no_main)]

use std::io::{Read, Write};
use std::path::PathBuf;

use clap::error::ErrorKind;
use clap::{CommandFactory, Parser};
use cloudabi_emulator::Options;

/// What `--help` prints after the options: the configuration language and
/// the exit statuses.
const AFTER_HELP: &str = "\
CONFIGURATION (YAML on stdin):
  The document becomes the program's Argdata. Start it with the line
  `%TAG ! tag:nuxi.nl,2015:cloudabi/` so that these tags name file
  descriptors, the only ones the program gets (each with the rights its
  kind allows):
    !fd stdin | stdout | stderr | N
        a copy of the launcher's own descriptor
    !file {path: PATH}
        PATH opened read-only: a file, or a directory whose paths the
        program may open beneath it (never above it)
    !socket {type: stream | dgram, bind: ADDRESS}
    !socket {type: stream | dgram, connect: ADDRESS}
        a socket bound to or connected to ADDRESS (host:port, [v6]:port,
        or a UNIX socket path starting with /); type defaults to stream
    !socket {bind: ADDRESS, accept: pass}
        a server's listener (CloudABI has no accept): the launcher listens
        at ADDRESS, accepts each connection and passes it to the program
        as a descriptor in a one-byte message on this socket (cloudabi-rt's
        net::Listener reads them). A separate acceptor process holds the
        listening socket; the program gets only connections. It accepts
        while at most one passed connection is not yet taken (the rest wait
        in the listen queue, 128 deep) and ends when the program's last
        copy of this socket is closed
    !executable
        the program itself (for proc_exec)
  Example:
    %TAG ! tag:nuxi.nl,2015:cloudabi/
    ---
    stdout: !fd stdout
    data: !file {path: /srv/data}
    listener: !socket {bind: 127.0.0.1:8080, accept: pass}
    greeting: hello

EXIT STATUS:
  N      the program's own exit code (proc_exit), modulo 256
  255    the program's entry point returned instead of calling proc_exit
  128+S  as shells show it: the program faulted with signal S (reported
         on stderr; the launcher itself never dies of it), or ended itself
         with proc_raise(S) (then the launcher ends by that signal)
  127    the launcher failed: the configuration is unreadable or invalid,
         the program is not a CloudABI executable, a resource cannot be
         opened; or proc_exit/thread_exit were called with bad arguments
  2      bad command line
  With --explore: 0 when nothing was found, 1 when something was, 2 for a
  bad command line or a program or configuration that cannot be run.

EXPLORATION:
  --explore runs PROGRAM once cleanly, then again and again failing its 1st,
  2nd, ... call that can fail, then with seeded random failures, then with
  short transfers, several runs at a time. A run that ends by a signal,
  hangs, or exits 0 with output other than the clean run's (when two clean
  runs agree on it) is a finding, printed as `found: --inject SPEC: <how it
  ended>` with the trace lines before it; run with that --inject to see it
  again. A run that reports the error and exits non-zero is the program
  doing its job. Every run gets the resources the configuration grants, the
  same ones: a program that changes files beneath a granted directory sees
  what earlier runs left there, so explore it on a scratch copy, with
  --jobs=1. Run options such as --sandbox apply to every run.
    cloudabi-run --explore PROGRAM < config.yaml
    cloudabi-run --explore=200 --explore-timeout=3 PROGRAM < config.yaml";

/// The command line. Options that change how a program runs live in
/// [`Options`] (shared with the hidden exec mode); adding one is adding a
/// field there.
#[derive(Debug, Parser)]
#[command(
    name = "cloudabi-run",
    version,
    about = "Runs a CloudABI program with only the file descriptors a YAML configuration grants",
    override_usage = "cloudabi-run [OPTIONS] PROGRAM < config.yaml\n       \
                      cloudabi-run --explore[=RUNS] PROGRAM < config.yaml\n       \
                      cloudabi-run --dump < config.yaml",
    after_help = AFTER_HELP
)]
struct Cli {
    /// The CloudABI executable (ELF, OS/ABI 17) to run.
    #[arg(
        value_name = "PROGRAM",
        required_unless_present_any = ["dump", "exec_child", "trace_schema"]
    )]
    program: Option<PathBuf>,

    /// Print the Argdata the configuration describes, as YAML, and exit
    /// (opens nothing, runs nothing).
    #[arg(long, conflicts_with = "program")]
    dump: bool,

    #[command(flatten)]
    options: Options,

    /// Print the JSON Schema of `--trace-format=json` lines and exit.
    #[arg(long, help_heading = "Tracing", conflicts_with_all = ["program", "dump"])]
    trace_schema: bool,

    /// Look for error paths that go wrong (see EXPLORATION below): RUNS
    /// runs after the clean one (default: one per call that can fail, and
    /// 16 more).
    #[arg(
        long,
        value_name = "RUNS",
        num_args = 0..=1,
        require_equals = true,
        help_heading = "Exploration",
        conflicts_with_all = ["dump", "inject", "trace", "trace_file", "trace_format",
            "trace_calls", "trace_time", "trace_summary"]
    )]
    explore: Option<Option<usize>>,

    /// How long an explored run may take before it counts as hung
    /// (default: ten times the clean run, at least 5 s).
    #[arg(
        long,
        value_name = "SECONDS",
        requires = "explore",
        help_heading = "Exploration"
    )]
    explore_timeout: Option<f64>,

    /// How many explored runs go at a time (default: one per CPU).
    #[arg(
        long,
        value_name = "N",
        requires = "explore",
        value_parser = clap::value_parser!(u16).range(1..),
        help_heading = "Exploration"
    )]
    jobs: Option<u16>,

    /// The mode proc_exec re-executes the launcher into: the launcher
    /// binary's, the executable's and the Argdata's inherited fds, then one
    /// spec per kept fd.
    #[arg(
        long = "exec-child",
        hide = true,
        num_args = 3..,
        value_name = "FD",
        conflicts_with_all = ["program", "dump"]
    )]
    exec_child: Option<Vec<String>>,
}

/// A process exit status.
type ExitCode = u8;

/// The status std gives a process whose `main` panicked.
const PANICKED: u8 = 101;

impl Cli {
    /// The command lines that run a program with default options, parsed
    /// without clap: `cloudabi-run PROGRAM` (how upstream's launcher and any
    /// harness call it) and `cloudabi-run --sandbox=on|off PROGRAM`; `None`
    /// for any other, which clap parses. Building clap's parser costs about
    /// 70 µs in a fresh process, a fifteenth of a small program's whole
    /// start-to-exit time. A test checks that clap gives the same result
    /// for every command line this accepts.
    fn plain(args: &[std::ffi::OsString]) -> Option<Cli> {
        let mut options = Options::default();
        let program = match args {
            [_, program] => program,
            [_, flag, program] => {
                options.sandbox = match flag.to_str()? {
                    "--sandbox=on" => cloudabi_emulator::Sandbox::On,
                    "--sandbox=off" => cloudabi_emulator::Sandbox::Off,
                    _ => return None,
                };
                program
            }
            _ => return None,
        };
        let bytes = program.as_encoded_bytes();
        if bytes.is_empty() || bytes[0] == b'-' {
            return None;
        }
        Some(Cli {
            program: Some(PathBuf::from(program)),
            dump: false,
            options,
            trace_schema: false,
            explore: None,
            explore_timeout: None,
            jobs: None,
            exec_child: None,
        })
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("cloudabi-run: {message}");
    cloudabi_emulator::LAUNCH_FAILURE
}

fn exit_code(code: i32) -> ExitCode {
    (code & 0xff) as u8
}

/// The process's entry point, called by the C library.
///
/// Defined here instead of letting std wrap a Rust `fn main`, because std's
/// runtime set-up costs about a tenth of the launcher's whole start-up: it
/// reads `/proc/self/maps` to find the main thread's stack guard, maps a
/// signal stack for its stack-overflow handler (the launcher installs its
/// own fault handlers before the guest runs: `linux/fault.rs`) and polls
/// fds 0-2. What of it the launcher relies on is done here:
/// SIGPIPE is ignored (a host write to a closed pipe is `EPIPE` for the
/// emulator to answer, not the launcher's death), a panic ends the process with status 101 as
/// std's runtime would, and stdout is flushed at the end. (`std::env::args`
/// works without std's `main`: glibc hands the arguments to std's
/// initializer.)
#[cfg_attr(not(test), unsafe(no_mangle))]
#[cfg_attr(test, allow(dead_code))]
extern "C" fn main(
    _argc: std::ffi::c_int,
    _argv: *const *const std::ffi::c_char,
) -> std::ffi::c_int {
    cloudabi_emulator::ignore_sigpipe();
    let code = std::panic::catch_unwind(cli_main).unwrap_or(PANICKED);
    let _ = std::io::stdout().flush();
    code.into()
}

fn cli_main() -> ExitCode {
    // clap prints usage errors itself and exits with status 2.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = Cli::plain(&args).unwrap_or_else(|| Cli::parse_from(args));
    if let Err(e) = cloudabi_emulator::check_options(&cli.options) {
        Cli::command().error(ErrorKind::ValueValidation, e).exit();
    }
    if let Some(args) = &cli.exec_child {
        return finish(cloudabi_emulator::run_child(args, &cli.options));
    }
    if cli.options.wants_fixed_addresses() || cli.explore.is_some() {
        if let Err(e) = cloudabi_emulator::fix_addresses() {
            eprintln!("cloudabi-run: note: addresses stay randomized: {e}");
        }
    }
    let mut yaml = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut yaml) {
        return fail(&format!("cannot read the configuration from stdin: {e}"));
    }
    if cli.trace_schema {
        print!("{}", cloudabi_emulator::TRACE_SCHEMA);
        return 0;
    }
    if cli.dump {
        return match cloudabi_emulator::dump(&yaml) {
            Ok(text) => {
                print!("{text}");
                0
            }
            Err(e) => fail(&e),
        };
    }
    let Some(program) = cli.program else {
        return fail("no PROGRAM given");
    };
    if let Some(runs) = cli.explore {
        let how = cloudabi_emulator::Exploration {
            runs,
            timeout: explore_timeout(cli.explore_timeout),
            jobs: cli.jobs.map_or_else(
                || std::thread::available_parallelism().map_or(1, |n| n.get()),
                usize::from,
            ),
            run_args: cli.options.exec_args(),
        };
        return explore(&program, &yaml, &how);
    }
    finish(cloudabi_emulator::run(&program, &yaml, &cli.options))
}

/// `--explore-timeout`, checked.
fn explore_timeout(seconds: Option<f64>) -> Option<std::time::Duration> {
    match seconds {
        Some(t) if !(t > 0.0 && t.is_finite()) => {
            Cli::command()
                .error(
                    ErrorKind::ValueValidation,
                    format!("--explore-timeout {t}: expected a positive number of seconds"),
                )
                .exit();
        }
        t => t.map(std::time::Duration::from_secs_f64),
    }
}

/// Exit statuses of `--explore`, like grep's: 0 nothing found, 1 found, 2
/// trouble (a bad command line, or a program that cannot be run at all).
fn explore(
    program: &std::path::Path,
    yaml: &str,
    how: &cloudabi_emulator::Exploration,
) -> ExitCode {
    match cloudabi_emulator::explore(program, yaml, how) {
        Ok((report, findings)) => {
            print!("{report}");
            u8::from(findings > 0)
        }
        Err(e) => {
            eprintln!("cloudabi-run: {e}");
            2
        }
    }
}

fn finish(result: Result<i32, String>) -> ExitCode {
    match result {
        Ok(code) => exit_code(code),
        Err(e) => fail(&e),
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    /// `Cli::plain` agrees with clap on every command line it accepts,
    /// and leaves the rest to it.
    #[test]
    fn plain_command_lines_parse_as_clap_parses_them() {
        use clap::Parser;
        let accepted: &[&[&str]] = &[
            &["prog"],
            &["./dir/prog"],
            &["--sandbox=off", "prog"],
            &["--sandbox=on", "/abs/prog"],
        ];
        for args in accepted {
            let argv: Vec<std::ffi::OsString> = std::iter::once("cloudabi-run")
                .chain(args.iter().copied())
                .map(Into::into)
                .collect();
            let plain = super::Cli::plain(&argv).unwrap_or_else(|| panic!("{args:?}"));
            let clap = super::Cli::try_parse_from(&argv).unwrap();
            assert_eq!(format!("{plain:?}"), format!("{clap:?}"), "{args:?}");
        }
        let refused: &[&[&str]] = &[
            &[],
            &["-"],
            &[""],
            &["--help"],
            &["--dump"],
            &["--trace", "prog"],
            &["--sandbox", "off", "prog"],
            &["--sandbox=maybe", "prog"],
            &["prog", "extra"],
            &["--sandbox=off", "--sandbox=on", "prog"],
        ];
        for args in refused {
            let argv: Vec<std::ffi::OsString> = std::iter::once("cloudabi-run")
                .chain(args.iter().copied())
                .map(Into::into)
                .collect();
            assert!(super::Cli::plain(&argv).is_none(), "{args:?}");
        }
    }

    #[test]
    fn the_command_line_is_consistent() {
        super::Cli::command().debug_assert();
    }

    /// Every option clap knows, hidden ones aside, is in `--help` with its
    /// help text: an option added later cannot be left undocumented.
    #[test]
    fn help_lists_every_option() {
        let mut cmd = super::Cli::command();
        let help = cmd.render_help().to_string();
        for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
            if let Some(long) = arg.get_long() {
                assert!(help.contains(&format!("--{long}")), "--{long}:\n{help}");
            }
            let about = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
            assert!(!about.is_empty(), "{:?} has no help text", arg.get_id());
        }
    }
}
