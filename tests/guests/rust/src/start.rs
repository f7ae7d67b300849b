//! Start-up following cloudlibc's crt0: `_start(auxv)` relocates the
//! program, links the system calls from the vDSO named by AT_SYSINFO_EHDR,
//! and hands the Argdata from AT_ARGDATA to `main`.
//!
//! The generated `cloudabi` crate calls `cloudabi_sys_*` functions; each is
//! a two-instruction stub here that jumps through a table the vDSO's symbols
//! fill in.

use cloudabi::{auxtype, auxv};

const PT_DYNAMIC: u32 = 2;
const DT_NULL: i64 = 0;
const DT_HASH: i64 = 4;
const DT_STRTAB: i64 = 5;
const DT_SYMTAB: i64 = 6;
const DT_RELA: i64 = 7;
const DT_RELASZ: i64 = 8;
const R_X86_64_RELATIVE: u64 = 8;

#[repr(C)]
struct Phdr {
    p_type: u32,
    p_flags: u32,
    p_offset: u64,
    p_vaddr: u64,
    p_paddr: u64,
    p_filesz: u64,
    p_memsz: u64,
    p_align: u64,
}

#[repr(C)]
struct Dyn {
    tag: i64,
    val: u64,
}

#[repr(C)]
struct Rela {
    offset: u64,
    info: u64,
    addend: i64,
}

#[repr(C)]
struct Sym {
    name: u32,
    info: u8,
    other: u8,
    shndx: u16,
    value: u64,
    size: u64,
}

macro_rules! syscalls {
    ($($index:literal $name:ident)*) => {
        /// Slot i holds the address of syscall i; all start at `nosys`.
        static mut TABLE: [usize; 49] = [0; 49];
        const NAMES: [&[u8]; 49] = [$(stringify!($name).as_bytes()),*];
        $(
            #[unsafe(naked)]
            #[unsafe(no_mangle)]
            unsafe extern "C" fn $name() {
                core::arch::naked_asm!(
                    "jmp qword ptr [rip + {table} + {offset}]",
                    table = sym TABLE,
                    offset = const $index * 8,
                );
            }
        )*
    };
}

syscalls! {
    0 cloudabi_sys_clock_res_get 1 cloudabi_sys_clock_time_get 2 cloudabi_sys_condvar_signal
    3 cloudabi_sys_fd_close 4 cloudabi_sys_fd_create1 5 cloudabi_sys_fd_create2
    6 cloudabi_sys_fd_datasync 7 cloudabi_sys_fd_dup 8 cloudabi_sys_fd_pread
    9 cloudabi_sys_fd_pwrite 10 cloudabi_sys_fd_read 11 cloudabi_sys_fd_replace
    12 cloudabi_sys_fd_seek 13 cloudabi_sys_fd_stat_get 14 cloudabi_sys_fd_stat_put
    15 cloudabi_sys_fd_sync 16 cloudabi_sys_fd_write 17 cloudabi_sys_file_advise
    18 cloudabi_sys_file_allocate 19 cloudabi_sys_file_create 20 cloudabi_sys_file_link
    21 cloudabi_sys_file_open 22 cloudabi_sys_file_readdir 23 cloudabi_sys_file_readlink
    24 cloudabi_sys_file_rename 25 cloudabi_sys_file_stat_fget 26 cloudabi_sys_file_stat_fput
    27 cloudabi_sys_file_stat_get 28 cloudabi_sys_file_stat_put 29 cloudabi_sys_file_symlink
    30 cloudabi_sys_file_unlink 31 cloudabi_sys_lock_unlock 32 cloudabi_sys_mem_advise
    33 cloudabi_sys_mem_map 34 cloudabi_sys_mem_protect 35 cloudabi_sys_mem_sync
    36 cloudabi_sys_mem_unmap 37 cloudabi_sys_poll 38 cloudabi_sys_proc_exec
    39 cloudabi_sys_proc_exit 40 cloudabi_sys_proc_fork 41 cloudabi_sys_proc_raise
    42 cloudabi_sys_random_get 43 cloudabi_sys_sock_recv 44 cloudabi_sys_sock_send
    45 cloudabi_sys_sock_shutdown 46 cloudabi_sys_thread_create 47 cloudabi_sys_thread_exit
    48 cloudabi_sys_thread_yield
}

extern "C" fn nosys() -> u16 {
    52
}

/// Applies R_X86_64_RELATIVE relocations. Runs before anything that holds
/// an absolute address is touched, so it uses only locals and raw pointers.
unsafe fn relocate(base: usize, phdr: *const Phdr, phnum: usize) {
    let mut dynamic: *const Dyn = core::ptr::null();
    for i in 0..phnum {
        let p = &*phdr.add(i);
        if p.p_type == PT_DYNAMIC {
            dynamic = (base + p.p_vaddr as usize) as *const Dyn;
        }
    }
    if dynamic.is_null() {
        return;
    }
    let (mut rela, mut relasz) = (0usize, 0usize);
    let mut d = dynamic;
    while (*d).tag != DT_NULL {
        match (*d).tag {
            DT_RELA => rela = base + (*d).val as usize,
            DT_RELASZ => relasz = (*d).val as usize,
            _ => {}
        }
        d = d.add(1);
    }
    let mut r = rela as *const Rela;
    let end = (rela + relasz) as *const Rela;
    while r < end {
        if (*r).info & 0xffff_ffff == R_X86_64_RELATIVE {
            *((base + (*r).offset as usize) as *mut usize) = base.wrapping_add((*r).addend as usize);
        }
        r = r.add(1);
    }
}

unsafe fn c_str<'a>(p: *const u8) -> &'a [u8] {
    let mut n = 0;
    while *p.add(n) != 0 {
        n += 1;
    }
    core::slice::from_raw_parts(p, n)
}

unsafe fn link_vdso(vdso: usize) {
    let table = &raw mut TABLE;
    for slot in (*table).iter_mut() {
        *slot = nosys as extern "C" fn() -> u16 as usize;
    }
    if vdso == 0 {
        return;
    }
    let phoff = *((vdso + 32) as *const u64) as usize;
    let phnum = *((vdso + 56) as *const u16) as usize;
    let (mut hash, mut strtab, mut symtab) = (0, 0, 0);
    for i in 0..phnum {
        let p = &*((vdso + phoff) as *const Phdr).add(i);
        if p.p_type != PT_DYNAMIC {
            continue;
        }
        let mut d = (vdso + p.p_vaddr as usize) as *const Dyn;
        while (*d).tag != DT_NULL {
            match (*d).tag {
                DT_HASH => hash = vdso + (*d).val as usize,
                DT_STRTAB => strtab = vdso + (*d).val as usize,
                DT_SYMTAB => symtab = vdso + (*d).val as usize,
                _ => {}
            }
            d = d.add(1);
        }
    }
    if hash == 0 || strtab == 0 || symtab == 0 {
        return;
    }
    let nchain = *((hash + 4) as *const u32) as usize;
    for i in 0..nchain {
        let s = &*(symtab as *const Sym).add(i);
        if s.name == 0 || s.info != 0x12 || s.other & 3 != 0 {
            continue;
        }
        let name = c_str((strtab + s.name as usize) as *const u8);
        if let Some(k) = NAMES.iter().position(|n| *n == name) {
            (*table)[k] = vdso.wrapping_add(s.value as usize);
        }
    }
}

/// The program's entry point, called with the auxiliary vector.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn _start(auxv: *const auxv) -> ! {
    let (mut base, mut phdr, mut phnum, mut vdso, mut ad, mut adlen) = (0, 0, 0, 0, 0, 0);
    let mut a = auxv;
    while (*a).a_type != auxtype::NULL {
        let v = (*a).union.a_val;
        match (*a).a_type {
            auxtype::BASE => base = v,
            auxtype::PHDR => phdr = v,
            auxtype::PHNUM => phnum = v,
            auxtype::SYSINFO_EHDR => vdso = v,
            auxtype::ARGDATA => ad = v,
            auxtype::ARGDATALEN => adlen = v,
            _ => {}
        }
        a = a.add(1);
    }
    relocate(base, phdr as *const Phdr, phnum);
    link_vdso(vdso);
    let data = core::slice::from_raw_parts(ad as *const u8, adlen);
    let code = crate::main(data);
    cloudabi::proc_exit(code)
}
