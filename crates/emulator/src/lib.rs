//! Runs CloudABI executables on Linux x86-64 with only the descriptors a
//! YAML configuration grants: the library behind the `cloudabi-run` launcher.
//!
//! Its API is what the launcher and embedders need, and nothing more:
//!
//! * [`run`] starts a program with a configuration (YAML text, `cloudabi-run`'s
//!   stdin) and [`Options`] (tracing, failure injection, the kernel sandbox),
//!   and returns its exit code; [`run_in_process`] runs one on the calling
//!   thread with descriptors and Argdata the caller made (benchmarks, tests).
//! * [`dump`] shows the Argdata a configuration makes, as YAML, opening
//!   nothing; [`check_options`] checks what clap cannot.
//! * [`explore`] runs a program again and again with injected failures and
//!   reports the runs that crashed, hung or misbehaved ([`Exploration`]).
//! * [`fix_addresses`] and [`ignore_sigpipe`] set the launcher's process up;
//!   [`LAUNCH_FAILURE`] and [`TRACE_SCHEMA`] are what it prints and exits
//!   with.
//! * [`seccomp_filter`] is the seccomp program the sandbox installs, for
//!   measuring its cost (the emulator benchmark runs native calls under it).
//!
//! Every error is one line saying what went wrong (a `String`), as the
//! launcher prints it.
//!
//! # Inside
//!
//! The pieces that are pure data handling build on every host: `elf` (header
//! checks), `vdso` (the in-memory vDSO image), `config` (the YAML input) and
//! `ranges` (which guest addresses are mapped, and how). Everything that maps
//! memory, swaps the thread pointer or makes host system calls lives in
//! `linux`, built only for `cfg(all(target_os = "linux", target_arch =
//! "x86_64"))`; elsewhere the functions above fail with a message saying so.
//! ARCHITECTURE.md walks through the modules. None of them is public: they
//! change with the emulator, and their unsafe code stays behind the safe
//! functions above.
#![warn(missing_docs)]

mod config;
mod elf;
mod ranges;
mod vdso;

#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
mod linux;

/// The JSON Schema of one line of `--trace-format=json` output.
pub const TRACE_SCHEMA: &str = include_str!("../trace.schema.json");

/// The exit status of `cloudabi-run` when the launcher itself fails (bad
/// configuration, bad executable, a resource that cannot be opened).
pub const LAUNCH_FAILURE: u8 = 127;

/// How the trace is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum TraceFormat {
    /// One line per call: `[TID] fd_write(fd=3, iovs=[1 ciovec, 5 bytes]) = Ok(5)`.
    #[default]
    Text,
    /// One JSON object per line (its JSON Schema: `cloudabi-run --trace-schema`).
    Json,
}

/// How a program is run: the options of `cloudabi-run` besides the program,
/// `--dump` and `--explore`. Each field is one command-line option (its doc
/// comment is the help text); the hidden mode `proc_exec` re-executes into
/// takes the same options, written back by [`Options::exec_args`].
#[derive(Debug, Default, Clone, clap::Args)]
pub struct Options {
    /// Print every system call with its decoded arguments, its result and
    /// the ID of the thread that made it, to stderr (or --trace-file).
    #[arg(long, help_heading = "Tracing")]
    pub trace: bool,

    /// Write the trace to FILE instead of stderr (implies --trace).
    #[arg(long, value_name = "FILE", help_heading = "Tracing")]
    pub trace_file: Option<std::path::PathBuf>,

    /// The trace's format (implies --trace).
    #[arg(long, value_enum, value_name = "FORMAT", help_heading = "Tracing")]
    pub trace_format: Option<TraceFormat>,

    /// Trace only these calls: names separated by commas, `*` matching any
    /// run of characters, e.g. `fd_*,file_open` (implies --trace).
    #[arg(
        long,
        value_name = "CALLS",
        value_delimiter = ',',
        help_heading = "Tracing"
    )]
    pub trace_calls: Vec<String>,

    /// Show how long each call took, in seconds (implies --trace).
    #[arg(long, help_heading = "Tracing")]
    pub trace_time: bool,

    /// When the program exits (or ends itself with proc_raise), print for
    /// each call how often it was made, how often it failed and the time it
    /// took, like `strace -c`. A program that faults gets no summary: the
    /// launcher ends from its fault handler, where printing is not safe.
    #[arg(long, help_heading = "Tracing")]
    pub trace_summary: bool,

    /// Make system calls fail, reproducibly (repeatable; the first SPEC
    /// that applies to a call decides). SPEC is `nth=K[,errno=NAME]` (the
    /// K-th call, counted from 1 over the whole process in the order the
    /// emulator serves them), `seed=S,rate=P[,calls=NAME+NAME...][,errno=NAME]`
    /// (each call, of those named or else of those that can fail, with
    /// probability P), or `short=P[,seed=S]` (each read and write transfers
    /// fewer bytes than asked, at least one, with probability P). Without
    /// errno=, a call fails with an error the reference kernel can return
    /// for it, and one the reference fails only for bad arguments
    /// (clock_time_get, proc_exit, ...) is left alone. Injected calls have no other effect and are marked
    /// `[injected]` in the trace. Implies --no-aslr.
    #[arg(long, value_name = "SPEC", help_heading = "Failure injection")]
    pub inject: Vec<String>,

    /// Run with address-space layout randomization off (as gdb does), so
    /// that the program, its trace and its injected failures repeat exactly
    /// from run to run.
    #[arg(long, help_heading = "Failure injection")]
    pub no_aslr: bool,

    /// For the hidden exec mode: the inherited fd the trace goes to.
    #[arg(long, hide = true)]
    pub trace_fd: Option<i32>,

    /// For the hidden exec mode: how many calls the process served before
    /// proc_exec (injection keeps counting from there).
    #[arg(long, hide = true, default_value_t = 0)]
    pub calls_served: u64,

    /// Whether the kernel confines the launcher (Landlock and seccomp) once
    /// the program is set up. `off` is for debugging only: a program that
    /// takes over the emulator can then do whatever this user can.
    #[arg(long, value_enum, value_name = "MODE", default_value_t = Sandbox::On)]
    pub sandbox: Sandbox,
}

/// The values of `--sandbox`.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Sandbox {
    /// Landlock and seccomp-bpf confine the whole process.
    #[default]
    On,
    /// No kernel confinement (a warning says so).
    Off,
}

impl Options {
    /// Whether calls are traced line by line.
    pub fn tracing(&self) -> bool {
        self.trace
            || self.trace_file.is_some()
            || self.trace_fd.is_some()
            || self.trace_format.is_some()
            || !self.trace_calls.is_empty()
            || self.trace_time
    }

    /// Whether address-space randomization should be off.
    pub fn wants_fixed_addresses(&self) -> bool {
        self.no_aslr || !self.inject.is_empty()
    }

    /// The options that stay the same across `proc_exec`, as command-line
    /// arguments for the re-executed launcher (the trace file and the call
    /// count are passed on by the caller, which knows them).
    pub fn exec_args(&self) -> Vec<String> {
        let mut args = Vec::new();
        let mut flag = |on: bool, name: &str| {
            if on {
                args.push(name.to_string());
            }
        };
        flag(self.trace, "--trace");
        flag(self.trace_time, "--trace-time");
        flag(self.trace_summary, "--trace-summary");
        flag(self.no_aslr, "--no-aslr");
        if let Some(format) = self.trace_format {
            let name = match format {
                TraceFormat::Text => "text",
                TraceFormat::Json => "json",
            };
            args.push(format!("--trace-format={name}"));
        }
        if !self.trace_calls.is_empty() {
            args.push(format!("--trace-calls={}", self.trace_calls.join(",")));
        }
        for spec in &self.inject {
            args.push(format!("--inject={spec}"));
        }
        if self.sandbox == Sandbox::Off {
            args.push("--sandbox=off".to_string());
        }
        args
    }
}

/// Checks the options that clap cannot (an `--inject` SPEC, `--trace-calls`
/// names); the message says what is wrong.
pub fn check_options(options: &Options) -> Result<(), String> {
    #[cfg(all(target_os = "linux", target_arch = "x86_64"))]
    return linux::observe::check(options);
    #[cfg(not(all(target_os = "linux", target_arch = "x86_64")))]
    {
        let _ = options;
        Ok(())
    }
}

/// Makes a host write to a closed pipe or socket fail with `EPIPE` instead
/// of ending the process with SIGPIPE, as std's runtime does for a Rust
/// `main` (`cloudabi-run` defines its own): the emulator, not the host
/// kernel, decides what the guest sees.
pub fn ignore_sigpipe() {
    #[cfg(all(target_os = "linux", target_arch = "x86_64"))]
    // SAFETY: setting a signal's disposition to SIG_IGN runs no code of
    // ours in a handler.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_IGN);
    }
}

/// Turns address-space randomization off for this process and starts it
/// again (the same command line, stdin not yet read); returns only if it is
/// off already, or with why it could not be turned off.
pub fn fix_addresses() -> Result<(), String> {
    #[cfg(all(target_os = "linux", target_arch = "x86_64"))]
    return linux::launch::fix_addresses();
    #[cfg(not(all(target_os = "linux", target_arch = "x86_64")))]
    Err("turning off address-space randomization needs Linux".into())
}

/// How `--explore` goes about it.
#[derive(Debug, Clone)]
pub struct Exploration {
    /// Runs after the clean one; `None`: one per call that can fail, and 16
    /// more.
    pub runs: Option<usize>,
    /// How long a run may take before it counts as hung; `None`: ten times
    /// the clean run, at least 5 s.
    pub timeout: Option<std::time::Duration>,
    /// Runs at a time.
    pub jobs: usize,
    /// Options every run gets besides its `--inject` (`--sandbox=off`, as
    /// [`Options::exec_args`] writes them).
    pub run_args: Vec<String>,
}

/// `--explore`: the report to print, and how many findings it holds.
pub fn explore(
    program: &std::path::Path,
    yaml: &str,
    how: &Exploration,
) -> Result<(String, usize), String> {
    #[cfg(all(target_os = "linux", target_arch = "x86_64"))]
    return linux::explore::explore(program, yaml, how).map(|r| (r.text, r.findings));
    #[cfg(not(all(target_os = "linux", target_arch = "x86_64")))]
    {
        let _ = (program, yaml, how);
        Err("running CloudABI programs needs Linux on x86-64".into())
    }
}

/// `--dump`: the Argdata the program would get, as YAML.
pub fn dump(yaml: &str) -> Result<String, String> {
    #[cfg(all(target_os = "linux", target_arch = "x86_64"))]
    return linux::launch::dump(yaml);
    #[cfg(not(all(target_os = "linux", target_arch = "x86_64")))]
    {
        let cfg = config::parse(yaml).map_err(|e| format!("config: {e}"))?;
        let encoded = cfg.tree.encode();
        Ok(argdata::yaml::to_string(argdata::Argdata::with_fds(
            &encoded.bytes,
            argdata::FdMapping::Identity,
        )))
    }
}

/// Runs `executable` with the YAML configuration; the guest's exit code, or
/// the one line explaining why it could not start.
pub fn run(executable: &std::path::Path, yaml: &str, options: &Options) -> Result<i32, String> {
    #[cfg(all(target_os = "linux", target_arch = "x86_64"))]
    return linux::launch::run(executable, yaml, options);
    #[cfg(not(all(target_os = "linux", target_arch = "x86_64")))]
    {
        let _ = (executable, yaml, options);
        Err("running CloudABI programs needs Linux on x86-64".into())
    }
}

/// Runs a guest on the calling thread, in this process, and returns its
/// exit code: `file` is the executable, `argdata` the encoded Argdata it
/// gets, and `fds[i]` becomes its fd `i` (with the rights its kind allows).
/// No configuration, no kernel sandbox, no tracing: for benchmarks, tests
/// and embedding. `proc_exec` fails with `ENOSYS` in this mode, and a guest
/// that exits while other guest threads run ends this whole process.
#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
pub fn run_in_process(
    file: &[u8],
    argdata: &[u8],
    fds: Vec<std::os::fd::OwnedFd>,
) -> Result<i32, String> {
    linux::launch::run_in_process(file, argdata, fds)
}

/// The seccomp-bpf program `cloudabi-run` confines itself with once a
/// program is set up, as classic BPF instructions; `launcher` is the only fd
/// `execveat` may run. Installing it is the caller's business: the
/// benchmark does so in a forked child, to measure what the kernel charges
/// a process so confined.
#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
pub fn seccomp_filter(launcher: std::os::fd::BorrowedFd<'_>) -> Vec<libc::sock_filter> {
    linux::sandbox::seccomp::program(std::os::fd::AsRawFd::as_raw_fd(&launcher)).to_vec()
}

/// The hidden mode `proc_exec` re-executes `cloudabi-run` into: `args` are
/// the values of `--exec-child`.
#[doc(hidden)]
pub fn run_child(args: &[String], options: &Options) -> Result<i32, String> {
    #[cfg(all(target_os = "linux", target_arch = "x86_64"))]
    return linux::launch::run_child(args, options);
    #[cfg(not(all(target_os = "linux", target_arch = "x86_64")))]
    {
        let _ = (args, options);
        Err("running CloudABI programs needs Linux on x86-64".into())
    }
}
