//! Runs CloudABI executables on Linux x86-64.
//!
//! The pieces that are pure data handling build everywhere: [`elf`] (header
//! checks), [`vdso`] (the in-memory vDSO image) and [`config`] (the YAML input
//! of `cloudabi-run`). Everything that maps memory, swaps the thread pointer
//! or makes host system calls lives behind
//! `cfg(all(target_os = "linux", target_arch = "x86_64"))`.

pub mod config;
pub mod elf;
pub mod ranges;
pub mod vdso;

#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
pub mod linux;

/// The exit status of `cloudabi-run` when the launcher itself fails (bad
/// configuration, bad executable, a resource that cannot be opened).
pub const LAUNCH_FAILURE: u8 = 127;

/// How a program is run: the options of `cloudabi-run` besides the program
/// and `--dump`. Each field is one command-line option (its doc comment is
/// the help text); the hidden mode `proc_exec` re-executes into takes the
/// same options, written back by [`Options::exec_args`].
#[derive(Debug, Default, Clone, clap::Args)]
pub struct Options {
    /// Print every system call, with its decoded arguments and its result,
    /// to stderr.
    #[arg(long)]
    pub trace: bool,

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
    /// The options as command-line arguments, for the launcher that
    /// `proc_exec` re-executes.
    pub fn exec_args(&self) -> Vec<String> {
        let mut args = Vec::new();
        if self.trace {
            args.push("--trace".to_string());
        }
        if self.sandbox == Sandbox::Off {
            args.push("--sandbox=off".to_string());
        }
        args
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
