//! `cloudabi-run`'s flow on Linux: configuration, executable, resources,
//! then the guest; and the hidden mode `proc_exec` re-executes into.

use std::os::fd::{AsFd, AsRawFd, RawFd};
use std::path::Path;

use argdata::{Argdata, FdMapping};

use super::exec::{self, ExecChild, Reexec};
use super::host::{Entry, FdTable, Process};
use super::observe::Observer;
use super::resources;
use super::sandbox::{self, Launcher};
use crate::{config, Sandbox};

pub(crate) use crate::Options;

/// A failure to start, as the one line to print.
pub(crate) type Failure = String;

/// The Argdata bytes for `cfg` and, for each guest fd in order, the index of
/// the resource it comes from.
pub(crate) fn encode(cfg: &config::Config) -> (Vec<u8>, Vec<usize>) {
    let encoded = cfg.tree.encode();
    let order = encoded
        .fds
        .iter()
        .map(|f| f.get().unwrap_or(0) as usize)
        .collect();
    (encoded.bytes, order)
}

/// The `--dump` output: the Argdata as the guest sees it.
pub(crate) fn dump(yaml: &str) -> Result<String, Failure> {
    let cfg = config::parse(yaml).map_err(|e| format!("config: {e}"))?;
    let (bytes, _) = encode(&cfg);
    Ok(argdata::yaml::to_string(Argdata::with_fds(
        &bytes,
        FdMapping::Identity,
    )))
}

/// Runs `executable` with the configuration `yaml`.
pub(crate) fn run(executable: &Path, yaml: &str, options: &Options) -> Result<i32, Failure> {
    let cfg = config::parse(yaml).map_err(|e| format!("config: {e}"))?;
    let shown = executable.display();
    let exe = exec::open_regular_file(executable).map_err(|e| format!("{shown}: {e}"))?;
    let file = exec::read_regular_file(exe.as_fd()).map_err(|e| format!("{shown}: {e}"))?;
    let image = crate::elf::parse(&file).map_err(|e| format!("{shown}: {e}"))?;
    let (argdata, order) = encode(&cfg);
    let mut fds = FdTable::new();
    let mut acceptors = Vec::new();
    for index in order {
        let opened = resources::open(&cfg.resources[index], &exe)?;
        acceptors.extend(opened.acceptor);
        let entry = Entry::from_host(opened.fd)
            .map_err(|e| format!("config: {}: unusable fd: {e:?}", cfg.resources[index].at))?;
        fds.insert(entry)
            .map_err(|e| format!("config: too many fds: {e:?}"))?;
    }
    // Forked while this process is single-threaded, before anything else
    // is opened: each acceptor keeps only its own sockets.
    for acceptor in acceptors {
        acceptor.spawn(options.sandbox)?;
    }
    let launcher = Launcher::open().map_err(|e| format!("cannot open the launcher binary: {e}"))?;
    drop(exe);
    let observer = Observer::new(options)?;
    close_inherited(&fds, &launcher, observer.as_ref());
    detach_stdio();
    if options.sandbox == Sandbox::Off {
        sandbox::warn_off();
    }
    let reexec = Reexec { launcher };
    start(
        &file,
        &image,
        &argdata,
        with(fds, observer),
        options,
        reexec,
        true,
    )
}

/// The fds this process keeps: the table's, the launcher's and the
/// trace's (and 0-2).
fn kept(fds: &FdTable, launcher: &Launcher, observer: Option<&Observer>) -> Vec<RawFd> {
    let mut keep: Vec<RawFd> = fds.iter().map(|(_, e)| e.fd().as_raw_fd()).collect();
    keep.extend(launcher.raw_fds());
    keep.extend(observer.and_then(Observer::raw_fd));
    keep
}

/// Closes every fd this process inherited and does not need: only 0-2,
/// the guest's fds, the launcher's and the trace file stay.
fn close_inherited(fds: &FdTable, launcher: &Launcher, observer: Option<&Observer>) {
    close_all_but(&kept(fds, launcher, observer));
}

/// Closes every fd from 3 up except those in `keep`.
pub(super) fn close_all_but(keep: &[RawFd]) {
    let mut keep = keep.to_vec();
    keep.sort_unstable();
    let mut from: u32 = 3;
    for fd in keep {
        if fd < 3 {
            continue;
        }
        let fd = fd as u32;
        if fd > from {
            close_range(from, fd - 1);
        }
        from = from.max(fd + 1);
    }
    close_range(from, u32::MAX);
}

fn close_range(first: u32, last: u32) {
    // SAFETY: closes fds no Rust object of this process owns (the caller
    // keeps every fd one refers to out of the range).
    unsafe { libc::syscall(libc::SYS_close_range, first, last, 0) };
}

/// Points stdin and stdout at /dev/null: the configuration has been read,
/// and the guest holds its own copies of whatever it was granted. (stderr
/// stays: warnings, traces and fault reports go there.)
pub(super) fn detach_stdio() {
    use rustix::fs::{Mode, OFlags};
    let Ok(null) = rustix::fs::open("/dev/null", OFlags::RDWR | OFlags::CLOEXEC, Mode::empty())
    else {
        return;
    };
    for target in [0, 1] {
        // SAFETY: fds 0 and 1 are the standard streams, which no Rust
        // object owns; dup2 replaces them atomically.
        unsafe { libc::dup2(null.as_raw_fd(), target) };
    }
}

/// The hidden mode: `args` are the values of [`exec::CHILD_FLAG`].
pub(crate) fn run_child(args: &[String], options: &Options) -> Result<i32, Failure> {
    let ExecChild {
        reexec,
        executable,
        argdata,
        fds,
    } = exec::child_from_args(args)?;
    let file = exec::read_regular_file(executable.as_fd()).map_err(|e| format!("exec: {e}"))?;
    let image = crate::elf::parse(&file).map_err(|e| format!("exec: {e}"))?;
    drop(executable);
    let observer = Observer::new(options)?;
    close_inherited(&fds, &reexec.launcher, observer.as_ref());
    start(
        &file,
        &image,
        &argdata,
        with(fds, observer),
        options,
        reexec,
        false,
    )
}

/// The process of a guest with `fds`, observed by `observer`.
fn with(fds: FdTable, observer: Option<Observer>) -> Process {
    let mut process = Process::new(fds);
    process.observer = observer;
    process
}

/// Runs the guest, confined unless `--sandbox=off`; `warn` says whether
/// this is the launcher the user started, which reports every gap in the
/// sandbox (a re-executed one inherits its confinement, and reports only a
/// layer it failed to add).
fn start(
    file: &[u8],
    image: &crate::elf::Image,
    argdata: &[u8],
    mut process: Process,
    options: &Options,
    reexec: Reexec,
    warn: bool,
) -> Result<i32, Failure> {
    process.options = options.clone();
    process.launcher = Some(reexec);
    let confine = |p: &Process| {
        if p.options.sandbox == Sandbox::On {
            let launcher = &p.launcher.as_ref().expect("set above").launcher;
            let report = p.fds_before_start(|fds| sandbox::confine(fds, launcher));
            sandbox::warn(&report, !warn);
        }
    };
    super::run::run(file, image, argdata, process, &confine)
        .map_err(|e| format!("cannot start the program: {e}"))
}

/// Runs a guest on the calling thread, in this process, and returns its
/// exit code: `fds[i]` becomes guest fd `i`. For benchmarks and embedding;
/// `proc_exec` is unavailable (ENOSYS) in this mode, and a guest that exits
/// while other guest threads run ends this whole process.
pub(crate) fn run_in_process(
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
    super::run::run(file, &image, argdata, Process::new(table), &|_| {}).map_err(|e| e.to_string())
}

/// Linux's personality flag that turns address-space randomization off.
const ADDR_NO_RANDOMIZE: libc::c_ulong = 0x0040000;

/// Turns address-space randomization off and executes this launcher again
/// with the same arguments (stdin not yet read), as gdb does for the
/// programs it runs; returns if it is off already.
pub(crate) fn fix_addresses() -> Result<(), Failure> {
    // SAFETY: personality(0xffffffff) only reads the current value.
    let current = unsafe { libc::personality(0xffff_ffff) };
    if current < 0 {
        return Err(std::io::Error::last_os_error().to_string());
    }
    let current = current as libc::c_ulong;
    if current & ADDR_NO_RANDOMIZE != 0 {
        return Ok(());
    }
    // SAFETY: changes how this process's next exec lays out memory, nothing
    // else.
    let now = unsafe {
        libc::personality(current | ADDR_NO_RANDOMIZE);
        libc::personality(0xffff_ffff)
    };
    // Never exec again unless the flag took, or this would loop.
    if now < 0 || (now as libc::c_ulong) & ADDR_NO_RANDOMIZE == 0 {
        return Err("the kernel refused to turn address-space randomization off".into());
    }
    use std::os::unix::process::CommandExt;
    let mut args = std::env::args_os();
    let arg0 = args.next().unwrap_or_else(|| "cloudabi-run".into());
    let err = std::process::Command::new("/proc/self/exe")
        .arg0(arg0)
        .args(args)
        .exec();
    Err(format!("cannot restart the launcher: {err}"))
}
