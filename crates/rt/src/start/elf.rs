//! The few ELF structures start-up reads: the program's own dynamic section
//! (to check its relocations) and the vDSO's dynamic symbol table (to bind
//! the system calls). All of it runs after relocation (see `entry`).

use super::syscalls;

pub const PT_DYNAMIC: u32 = 2;
pub const PT_PHDR: u32 = 6;
pub const PT_GNU_RELRO: u32 = 0x6474_e552;
const DT_NULL: i64 = 0;
const DT_HASH: i64 = 4;
const DT_STRTAB: i64 = 5;
const DT_SYMTAB: i64 = 6;
const DT_RELA: i64 = 7;
const DT_RELASZ: i64 = 8;
const DT_RELAENT: i64 = 9;
const DT_RELRSZ: i64 = 35;
const DT_RELR: i64 = 36;
const R_X86_64_NONE: u32 = 0;
const R_X86_64_RELATIVE: u32 = 8;
const STB_GLOBAL: u8 = 1;
const STT_FUNC: u8 = 2;
const STV_DEFAULT: u8 = 0;

#[repr(C)]
pub struct Phdr {
    pub p_type: u32,
    pub p_flags: u32,
    pub p_offset: u64,
    pub p_vaddr: u64,
    pub p_paddr: u64,
    pub p_filesz: u64,
    pub p_memsz: u64,
    pub p_align: u64,
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

/// Where the program was loaded: AT_BASE, or (if absent) derived from where
/// its program headers are and where PT_PHDR says they should be.
///
/// # Safety
///
/// `phdr` points at `phnum` program headers.
pub unsafe fn load_base(at_base: usize, phdr: *const Phdr, phnum: usize) -> usize {
    if at_base != 0 {
        return at_base;
    }
    let mut i = 0;
    while i < phnum {
        // SAFETY: i < phnum.
        let p = unsafe { &*phdr.add(i) };
        if p.p_type == PT_PHDR {
            return (phdr as usize).wrapping_sub(p.p_vaddr as usize);
        }
        i += 1;
    }
    0
}

/// Whether the relocations of the program (already applied by `entry`)
/// are all of the kinds start-up applies: relative (and none). Any other
/// kind, or packed (RELR) relocations, mean the program was not linked as a
/// static PIE the way this runtime expects; the C library aborts then, and
/// so does start-up.
///
/// # Safety
///
/// `base` is where the program is loaded and `phdr` points at its `phnum`
/// program headers.
pub unsafe fn relocations_supported(base: usize, phdr: *const Phdr, phnum: usize) -> bool {
    // SAFETY: as the caller promised.
    let Some(mut d) = (unsafe { dynamic(base, phdr, phnum) }) else {
        return true;
    };
    let (mut rela, mut relasz, mut relaent) = (0, 0, 24);
    // SAFETY: the dynamic section ends with DT_NULL.
    unsafe {
        while (*d).tag != DT_NULL {
            let v = (*d).val as usize;
            match (*d).tag {
                DT_RELA => rela = base + v,
                DT_RELASZ => relasz = v,
                DT_RELAENT => relaent = v,
                DT_RELR | DT_RELRSZ => return false,
                _ => {}
            }
            d = d.add(1);
        }
    }
    if relaent != core::mem::size_of::<Rela>() {
        return relasz == 0;
    }
    // SAFETY: the table the dynamic section names.
    let table = unsafe { core::slice::from_raw_parts(rela as *const Rela, relasz / relaent) };
    table.iter().all(|r| {
        matches!(
            (r.info & 0xffff_ffff) as u32,
            R_X86_64_RELATIVE | R_X86_64_NONE
        )
    })
}

/// The PT_DYNAMIC section of an image loaded at `base`.
unsafe fn dynamic(base: usize, phdr: *const Phdr, phnum: usize) -> Option<*const Dyn> {
    let mut i = 0;
    while i < phnum {
        // SAFETY: i < phnum.
        let p = unsafe { &*phdr.add(i) };
        if p.p_type == PT_DYNAMIC {
            return Some(base.wrapping_add(p.p_vaddr as usize) as *const Dyn);
        }
        i += 1;
    }
    None
}

/// Points each system call the vDSO at `vdso` exports at its function.
/// Only DT_HASH, DT_STRTAB and DT_SYMTAB are read, as the C library does;
/// their values are offsets from the vDSO's start.
///
/// # Safety
///
/// `vdso` is 0 or the address of the vDSO's ELF header. Runs after
/// relocation (it calls code that may use relocated data).
pub unsafe fn link_vdso(vdso: usize) {
    syscalls::reset();
    // SAFETY: the environment maps a whole ELF image at `vdso`.
    unsafe {
        if vdso == 0 || *(vdso as *const [u8; 4]) != *b"\x7fELF" || *((vdso + 4) as *const u8) != 2
        {
            return;
        }
        let phoff = *((vdso + 32) as *const u64) as usize;
        let phnum = *((vdso + 56) as *const u16) as usize;
        let Some(mut d) = dynamic(vdso, (vdso + phoff) as *const Phdr, phnum) else {
            return;
        };
        let (mut hash, mut strtab, mut symtab) = (0, 0, 0);
        while (*d).tag != DT_NULL {
            let v = vdso.wrapping_add((*d).val as usize);
            match (*d).tag {
                DT_HASH => hash = v,
                DT_STRTAB => strtab = v,
                DT_SYMTAB => symtab = v,
                _ => {}
            }
            d = d.add(1);
        }
        if hash == 0 || strtab == 0 || symtab == 0 {
            return;
        }
        // The hash table's second word is the number of symbols.
        let nsyms = *((hash + 4) as *const u32) as usize;
        for i in 0..nsyms {
            let s = &*(symtab as *const Sym).add(i);
            let visible = s.info >> 4 == STB_GLOBAL && s.info & 0xf == STT_FUNC;
            if s.name == 0 || !visible || s.other & 3 != STV_DEFAULT {
                continue;
            }
            let name = c_str((strtab + s.name as usize) as *const u8);
            if let Some(rest) = name.strip_prefix(syscalls::PREFIX) {
                syscalls::bind(rest, vdso.wrapping_add(s.value as usize));
            }
        }
    }
}

unsafe fn c_str<'a>(p: *const u8) -> &'a [u8] {
    // SAFETY: the caller passes a NUL-terminated string.
    unsafe { core::ffi::CStr::from_ptr(p.cast()).to_bytes() }
}
