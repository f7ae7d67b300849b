//! Runs one guest on the calling thread: loads it, fills in what the guest
//! may access, installs the vDSO, enters, and returns the exit code.

use std::io;
use std::sync::{Arc, OnceLock};

use cloudabi::host::entry_points;
use cloudabi::mprot;

use super::arch::{self, ThreadBlock};
use super::host::{Host, Mapping, Process};
use super::loader;
use super::memory::{page_size, Region};
use crate::elf::{Image, Perms};
use crate::ranges::Access;

/// The vDSO: built once per process, kept for its lifetime.
struct Vdso {
    start: usize,
    len: usize,
}

fn vdso() -> io::Result<&'static Vdso> {
    static VDSO: OnceLock<Vdso> = OnceLock::new();
    if let Some(v) = VDSO.get() {
        return Ok(v);
    }
    let points = entry_points::<Host>();
    let handlers: Vec<usize> = points.iter().map(|(_, f)| *f as usize).collect();
    let stubs = arch::install(&handlers);
    let symbols: Vec<(&str, u64)> = points
        .iter()
        .zip(&stubs)
        .map(|((name, _), stub)| {
            // A call with a fast entry point goes there first, which falls
            // back to the trampoline.
            let target =
                super::host::fast::install(name, *stub as usize).map_or(*stub, |fast| fast as u64);
            (
                name.strip_prefix(crate::vdso::SYMBOL_PREFIX)
                    .unwrap_or(name),
                target,
            )
        })
        .collect();
    let names: Vec<&str> = symbols.iter().map(|s| s.0).collect();
    let rw = Perms {
        read: true,
        write: true,
        exec: false,
    };
    let region = Region::anonymous(crate::vdso::image_len(&names), rw)?;
    let image = crate::vdso::build(&symbols, region.start() as u64);
    region.write(region.start(), &image);
    region.protect(
        region.start(),
        region.len(),
        Perms {
            read: true,
            write: false,
            exec: false,
        },
    )?;
    let len = region.len();
    let v = Vdso {
        start: region.leak(),
        len,
    };
    Ok(VDSO.get_or_init(|| v))
}

/// The most of an unlimited (or very large) stack limit the first guest
/// thread's stack gets, and what it gets when there is no limit to go by.
const GUEST_STACK_MAX: usize = 64 << 20;
const GUEST_STACK_DEFAULT: usize = 8 << 20;

/// The first guest thread's stack: guest memory of the size the stack
/// limit gives the host's main thread, with an inaccessible guard page
/// below it, so that running off its end faults instead of reaching other
/// memory. Mapped without reserving swap: pages are used as touched.
struct GuestStack {
    region: Region,
}

impl GuestStack {
    fn new() -> io::Result<GuestStack> {
        let limit = rustix::process::getrlimit(rustix::process::Resource::Stack).current;
        let len = limit.map_or(GUEST_STACK_DEFAULT, |l| {
            (l as usize).clamp(page_size(), GUEST_STACK_MAX)
        });
        let region = Region::reserve(len + page_size())?;
        let rw = Perms {
            read: true,
            write: true,
            exec: false,
        };
        region.protect(region.start() + page_size(), len, rw)?;
        Ok(GuestStack { region })
    }

    /// The usable part (above the guard page).
    fn range(&self) -> (usize, usize) {
        let start = self.region.start() + page_size();
        (start, self.region.len() - page_size())
    }

    fn top(&self) -> usize {
        self.region.start() + self.region.len()
    }
}

/// Runs the checked executable `file` with `argdata` and the fds and
/// options of `process`, until it exits; returns its exit code. `confine`
/// runs once everything is set up, right before the guest is entered.
pub(crate) fn run(
    file: &[u8],
    image: &Image,
    argdata: &[u8],
    process: Process,
    confine: &dyn Fn(&Process),
) -> io::Result<i32> {
    let vdso = vdso()?;
    super::fault::install();
    let tid = process.first_tid();
    let loaded = loader::load(file, image, argdata, vdso.start, tid)?;
    let stack = GuestStack::new()?;
    record_memory(&process, image, &loaded, vdso, &stack);
    confine(&process);
    let mut block = ThreadBlock::new();
    let mut host = Host::new(Arc::new(process), tid, true);
    host.block = &mut block;
    let (entry, auxv) = (loaded.entry, loaded.auxv);
    let top = stack.top();
    let alt = super::fault::AltStack::new()?;
    // SAFETY: `loaded` is a checked CloudABI executable mapped with its
    // startup data, `stack` guest memory for its first thread; every
    // syscall it makes goes through the trampolines to `host`, which
    // `serve` installs for this thread; `block` outlives the guest.
    let code = host.serve(|| unsafe { arch::enter(entry, auxv, 0, top, &mut block) });
    drop(alt);
    host.block = core::ptr::null_mut();
    // Only returns once no other guest thread runs.
    let code = host.runner_finished(code);
    host.process().finish_observing();
    loaded.image.leak();
    if host.process().launcher.is_some() {
        // cloudabi-run's process ends with the guest: unmapping and closing
        // what the exit takes down anyway would only cost start-to-exit
        // time.
        std::mem::forget(loaded.startup);
        std::mem::forget(stack);
        std::mem::forget(host);
        return Ok(code);
    }
    // The guest's memory goes as the record says: the guest may have
    // unmapped parts of its image, which the host may use by now.
    host.process().memory_mut(|m| m.release_all());
    drop(loaded.startup);
    drop(stack);
    Ok(code)
}

/// Records what the guest may access: its image, startup data, the vDSO
/// and its first thread's stack; never any memory of the emulator's own.
fn record_memory(
    process: &Process,
    image: &Image,
    loaded: &loader::Loaded,
    vdso: &Vdso,
    stack: &GuestStack,
) {
    process.memory_mut(|mem| {
        // The whole span is the guest's, the gaps between segments too
        // (PROT_NONE, as the loader left them).
        for run in loader::page_protections(image) {
            mem.add_owned(
                loaded.image.start() + run.offset,
                run.len,
                Mapping::anonymous(segment_prot(run.perms)),
            );
        }
        mem.add_borrowed(loaded.startup.start(), loaded.startup.len(), Access::READ);
        mem.add_borrowed(vdso.start, vdso.len, Access::READ);
        let (start, len) = stack.range();
        mem.add_borrowed(start, len, Access::READ_WRITE);
    });
}

fn segment_prot(p: Perms) -> mprot {
    let mut prot = mprot::empty();
    prot.set(mprot::READ, p.read);
    prot.set(mprot::WRITE, p.write);
    prot.set(mprot::EXEC, p.exec);
    prot
}
