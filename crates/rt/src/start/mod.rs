//! Process start-up: from the `_start(auxv)` the environment calls to the
//! program's `main`, in the order CloudABI's C library uses:
//!
//! 1. relocate the program (a static PIE is linked at 0);
//! 2. read the auxiliary vector;
//! 3. bind the system calls to the vDSO named by `AT_SYSINFO_EHDR`;
//! 4. make the RELRO region read-only;
//! 5. give the main thread its thread control block (see `tls.rs`);
//! 6. run `main` with the Argdata from `AT_ARGDATA`, then exit with its status.
//!
//! `_start` itself is defined by [`entry!`](crate::entry), in the program (so
//! that linking always pulls it in); it jumps to [`entry`].

mod elf;
pub(crate) mod syscalls;

use core::sync::atomic::{AtomicUsize, Ordering};

use cloudabi::auxtype;

/// One entry of the auxiliary vector as it is in memory. The tag is read as
/// a plain integer: an environment newer than this crate may pass kinds the
/// `auxtype` enum does not know.
#[repr(C)]
struct RawAuxv {
    a_type: u32,
    a_val: usize,
}

/// What start-up learnt from the auxiliary vector.
#[derive(Default)]
struct Auxv {
    argdata: usize,
    argdata_len: usize,
    base: usize,
    ncpus: usize,
    page_size: usize,
    phdr: usize,
    phnum: usize,
    pid: usize,
    tid: usize,
    vdso: usize,
}

/// # Safety
///
/// `auxv` points at a vector ending in `AT_NULL`.
unsafe fn read_auxv(mut auxv: *const RawAuxv) -> Auxv {
    let mut a = Auxv {
        ncpus: 1,
        page_size: 4096,
        tid: 1,
        ..Auxv::default()
    };
    // SAFETY: the vector ends with AT_NULL.
    unsafe {
        while (*auxv).a_type != auxtype::NULL as u32 {
            let v = (*auxv).a_val;
            match (*auxv).a_type {
                t if t == auxtype::ARGDATA as u32 => a.argdata = v,
                t if t == auxtype::ARGDATALEN as u32 => a.argdata_len = v,
                t if t == auxtype::BASE as u32 => a.base = v,
                t if t == auxtype::NCPUS as u32 => a.ncpus = v,
                t if t == auxtype::PAGESZ as u32 => a.page_size = v,
                t if t == auxtype::PHDR as u32 => a.phdr = v,
                t if t == auxtype::PHNUM as u32 => a.phnum = v,
                t if t == auxtype::PID as u32 => a.pid = v,
                t if t == auxtype::TID as u32 => a.tid = v,
                t if t == auxtype::SYSINFO_EHDR as u32 => a.vdso = v,
                _ => {}
            }
            auxv = auxv.add(1);
        }
    }
    a
}

static PAGE_SIZE: AtomicUsize = AtomicUsize::new(4096);
static NCPUS: AtomicUsize = AtomicUsize::new(1);
static ARGDATA: AtomicUsize = AtomicUsize::new(0);
static ARGDATA_LEN: AtomicUsize = AtomicUsize::new(0);
static PID: AtomicUsize = AtomicUsize::new(0);

/// The granularity of memory protection (AT_PAGESZ).
pub(crate) fn page_size() -> usize {
    PAGE_SIZE.load(Ordering::Relaxed)
}

/// How many CPUs the system has (AT_NCPUS; 1 if not told).
pub fn cpu_count() -> usize {
    NCPUS.load(Ordering::Relaxed)
}

/// The process's identity: a random version-4 UUID (AT_PID), if the
/// environment gave one.
pub fn process_id() -> Option<[u8; 16]> {
    let p = PID.load(Ordering::Relaxed);
    // SAFETY: AT_PID points at 16 bytes that stay for the process's life.
    (p != 0).then(|| unsafe { *(p as *const [u8; 16]) })
}

/// The program's Argdata bytes (AT_ARGDATA, AT_ARGDATALEN).
pub(crate) fn argdata_bytes() -> &'static [u8] {
    let (p, n) = (
        ARGDATA.load(Ordering::Relaxed),
        ARGDATA_LEN.load(Ordering::Relaxed),
    );
    if p == 0 || n == 0 {
        return &[];
    }
    // SAFETY: the environment keeps the Argdata mapped for the process's
    // life and never changes it.
    unsafe { core::slice::from_raw_parts(p as *const u8, n) }
}

/// The program's entry point, which [`entry!`](crate::entry)'s `_start`
/// jumps to with the auxiliary vector in `rdi`.
///
/// It first applies the program's relative relocations, in assembly: until
/// they are applied, no compiled code may run, since any call may go
/// through a GOT slot that still holds 0. The load address is where the
/// ELF header is (`__ehdr_start`, at virtual address 0 in a PIE) and the
/// dynamic section is found at `_DYNAMIC`; both are reached PC-relative,
/// which needs no relocation. Each `R_X86_64_RELATIVE` entry of `DT_RELA`
/// gets `base + addend` (other kinds are left for `init` to refuse).
/// Then it realigns the stack (should the system not enter as if by a
/// call) and calls `init`.
///
/// # Safety
///
/// Only the system calls this, once, as the process's first code.
#[unsafe(naked)]
pub unsafe extern "C" fn entry() -> ! {
    core::arch::naked_asm!(
        "mov r12, rdi",
        "lea r8, [rip + __ehdr_start]",
        "lea rsi, [rip + _DYNAMIC]",
        "xor ecx, ecx",
        "xor edx, edx",
        // Find DT_RELA (7) and DT_RELASZ (8).
        "2:",
        "mov rax, qword ptr [rsi]",
        "test rax, rax",
        "jz 4f",
        "cmp rax, 7",
        "jne 3f",
        "mov rcx, qword ptr [rsi + 8]",
        "add rcx, r8",
        "3:",
        "cmp rax, 8",
        "cmove rdx, qword ptr [rsi + 8]",
        "add rsi, 16",
        "jmp 2b",
        // rcx = first entry (or 0), rdx = table size.
        "4:",
        "test rcx, rcx",
        "jz 7f",
        "add rdx, rcx",
        "5:",
        "cmp rcx, rdx",
        "jae 7f",
        "cmp dword ptr [rcx + 8], 8",
        "jne 6f",
        "mov rax, qword ptr [rcx + 16]",
        "add rax, r8",
        "mov rdi, qword ptr [rcx]",
        "mov qword ptr [r8 + rdi], rax",
        "6:",
        "add rcx, 24",
        "jmp 5b",
        "7:",
        "mov rdi, r12",
        "and rsp, -16",
        "call {init}",
        "ud2",
        init = sym init,
    );
}

unsafe extern "Rust" {
    /// The program's `main`, wrapped by [`entry!`](crate::entry) to return
    /// an exit status.
    fn __cloudabi_rt_main(args: crate::Args) -> u32;
}

/// Everything after relocation up to `main`, then the exit.
unsafe extern "C" fn init(auxv: *const RawAuxv) -> ! {
    // SAFETY: `entry` passes the auxiliary vector; see each step.
    unsafe {
        let a = read_auxv(auxv);
        let phdr = a.phdr as *const elf::Phdr;
        let base = elf::load_base(a.base, phdr, a.phnum);
        elf::link_vdso(a.vdso);
        if !elf::relocations_supported(base, phdr, a.phnum) {
            // Relocations start-up cannot apply: the C library aborts.
            let _ = cloudabi::proc_raise(cloudabi::signal::ABRT);
            cloudabi::proc_exit(127);
        }
        protect_relro(base, phdr, a.phnum, a.page_size);
        PAGE_SIZE.store(a.page_size, Ordering::Relaxed);
        NCPUS.store(a.ncpus.max(1), Ordering::Relaxed);
        ARGDATA.store(a.argdata, Ordering::Relaxed);
        ARGDATA_LEN.store(a.argdata_len, Ordering::Relaxed);
        PID.store(a.pid, Ordering::Relaxed);
        crate::tls::init_main_thread(a.tid as u32);
        let status = __cloudabi_rt_main(crate::Args::of_process());
        crate::process::exit(status)
    }
}

/// Makes the whole pages of PT_GNU_RELRO read-only; a system that cannot is
/// not an error (the C library ignores the result too).
unsafe fn protect_relro(base: usize, phdr: *const elf::Phdr, phnum: usize, page: usize) {
    for i in 0..phnum {
        // SAFETY: i < phnum.
        let p = unsafe { &*phdr.add(i) };
        if p.p_type != elf::PT_GNU_RELRO || page == 0 {
            continue;
        }
        // Only pages entirely inside the region: its neighbours may be code.
        let start = (base + p.p_vaddr as usize).next_multiple_of(page);
        let end = (base + p.p_vaddr as usize + p.p_memsz as usize) / page * page;
        if end > start {
            // SAFETY: the pages are the program's own, already relocated.
            let pages = unsafe { core::slice::from_raw_parts_mut(start as *mut u8, end - start) };
            // SAFETY: only relocated, read-only data lives there.
            let _ = unsafe { cloudabi::mem_protect(pages, cloudabi::mprot::READ) };
        }
    }
}
