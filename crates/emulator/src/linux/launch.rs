//! `cloudabi-run`'s flow on Linux: configuration, executable, resources,
//! then the guest; and the hidden mode `proc_exec` re-executes into.

use std::fs::File;
use std::os::fd::AsFd;
use std::path::Path;

use argdata::{Argdata, FdMapping};

use super::exec::{self, ExecChild};
use super::host::{Entry, FdTable, Process};
use super::resources;
use crate::config;

pub use crate::Options;

/// A failure to start, as the one line to print.
pub type Failure = String;

/// The Argdata bytes for `cfg` and, for each guest fd in order, the index of
/// the resource it comes from.
pub fn encode(cfg: &config::Config) -> (Vec<u8>, Vec<usize>) {
    let encoded = cfg.tree.encode();
    let order = encoded
        .fds
        .iter()
        .map(|f| f.get().unwrap_or(0) as usize)
        .collect();
    (encoded.bytes, order)
}

/// The `--dump` output: the Argdata as the guest sees it.
pub fn dump(yaml: &str) -> Result<String, Failure> {
    let cfg = config::parse(yaml).map_err(|e| format!("config: {e}"))?;
    let (bytes, _) = encode(&cfg);
    Ok(argdata::yaml::to_string(Argdata::with_fds(
        &bytes,
        FdMapping::Identity,
    )))
}

/// Runs `executable` with the configuration `yaml`.
pub fn run(executable: &Path, yaml: &str, options: &Options) -> Result<i32, Failure> {
    let cfg = config::parse(yaml).map_err(|e| format!("config: {e}"))?;
    let shown = executable.display();
    let exe = File::open(executable).map_err(|e| format!("{shown}: {e}"))?;
    let file = exec::read_all(exe.as_fd()).map_err(|e| format!("{shown}: {e}"))?;
    let image = crate::elf::parse(&file).map_err(|e| format!("{shown}: {e}"))?;
    let (argdata, order) = encode(&cfg);
    let mut fds = FdTable::new();
    for index in order {
        let host = resources::open(&cfg.resources[index], &exe)?;
        let entry = Entry::from_host(host)
            .map_err(|e| format!("config: {}: unusable fd: {e:?}", cfg.resources[index].at))?;
        fds.insert(entry)
            .map_err(|e| format!("config: too many fds: {e:?}"))?;
    }
    start(&file, &image, &argdata, fds, options)
}

/// The hidden mode: `args` are the values of [`exec::CHILD_FLAG`].
pub fn run_child(args: &[String], options: &Options) -> Result<i32, Failure> {
    let ExecChild {
        executable,
        argdata,
        fds,
    } = exec::child_from_args(args)?;
    let file = exec::read_all(executable.as_fd()).map_err(|e| format!("exec: {e}"))?;
    let image = crate::elf::parse(&file).map_err(|e| format!("exec: {e}"))?;
    drop(executable);
    start(&file, &image, &argdata, fds, options)
}

fn start(
    file: &[u8],
    image: &crate::elf::Image,
    argdata: &[u8],
    fds: FdTable,
    options: &Options,
) -> Result<i32, Failure> {
    let mut process = Process::new(fds);
    process.options = options.clone();
    process.launcher = Some("/proc/self/exe".into());
    super::run::run(file, image, argdata, process)
        .map_err(|e| format!("cannot start the program: {e}"))
}

/// Runs a guest on the calling thread, in this process, and returns its
/// exit code: `fds[i]` becomes guest fd `i`. For benchmarks and embedding;
/// `proc_exec` is unavailable (ENOSYS) in this mode, and a guest that exits
/// while other guest threads run ends this whole process.
pub fn run_in_process(
    file: &[u8],
    argdata: &[u8],
    fds: Vec<std::os::fd::OwnedFd>,
) -> Result<i32, Failure> {
    let image = crate::elf::parse(file).map_err(|e| e.to_string())?;
    let mut table = FdTable::new();
    for fd in fds {
        let entry = Entry::from_host(fd).map_err(|e| format!("unusable fd: {e:?}"))?;
        table.insert(entry).map_err(|e| format!("{e:?}"))?;
    }
    super::run::run(file, &image, argdata, Process::new(table)).map_err(|e| e.to_string())
}
