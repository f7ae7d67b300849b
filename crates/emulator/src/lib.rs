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
pub fn run(executable: &std::path::Path, yaml: &str, trace: bool) -> Result<i32, String> {
    #[cfg(all(target_os = "linux", target_arch = "x86_64"))]
    return linux::launch::run(
        executable,
        yaml,
        &linux::launch::Options { trace, dump: false },
    );
    #[cfg(not(all(target_os = "linux", target_arch = "x86_64")))]
    {
        let _ = (executable, yaml, trace);
        Err("running CloudABI programs needs Linux on x86-64".into())
    }
}

/// The hidden mode `proc_exec` re-executes `cloudabi-run` into.
#[doc(hidden)]
pub fn run_child(args: &[String]) -> Result<i32, String> {
    #[cfg(all(target_os = "linux", target_arch = "x86_64"))]
    return linux::launch::run_child(args);
    #[cfg(not(all(target_os = "linux", target_arch = "x86_64")))]
    {
        let _ = args;
        Err("running CloudABI programs needs Linux on x86-64".into())
    }
}
