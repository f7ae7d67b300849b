//! The in-memory vDSO: a tiny ELF image whose dynamic symbol table exports one
//! `cloudabi_sys_<name>` function per system call, in exactly the shape
//! cloudlibc's startup code walks (emulator.md §1): the ELF header's program
//! headers lead to PT_DYNAMIC, whose DT_HASH (only `nchain` is read), DT_STRTAB
//! and DT_SYMTAB are offsets from the image's base. Symbols are GLOBAL FUNC
//! DEFAULT and their values are offsets from the base too, so they may point
//! anywhere in the address space (here: at the emulator's trampolines), by
//! wrapping subtraction.
//!
//! Pure byte building: the caller places the image and tells where.

use crate::elf::{ELFOSABI_CLOUDABI, EM_X86_64};

const EHDR_SIZE: usize = 64;
const PHDR_SIZE: usize = 56;
const DYN_SIZE: usize = 16;
const SYM_SIZE: usize = 24;
const PT_LOAD: u32 = 1;
const PT_DYNAMIC: u32 = 2;
const DT_NULL: u64 = 0;
const DT_HASH: u64 = 4;
const DT_STRTAB: u64 = 5;
const DT_SYMTAB: u64 = 6;
const DT_STRSZ: u64 = 10;
const DT_SYMENT: u64 = 11;
const STB_GLOBAL_STT_FUNC: u8 = 0x12;
const SHN_ABS: u16 = 0xfff1;
/// The prefix cloudlibc looks for before accepting a symbol.
pub(crate) const SYMBOL_PREFIX: &str = "cloudabi_sys_";

/// Where each table sits inside the image.
struct Layout {
    dynamic: usize,
    hash: usize,
    symtab: usize,
    strtab: usize,
    strsz: usize,
    total: usize,
}

const PHNUM: usize = 2;
const NDYN: usize = 6;

fn layout(names: &[&str]) -> Layout {
    let nsyms = names.len() + 1;
    let dynamic = EHDR_SIZE + PHNUM * PHDR_SIZE;
    let hash = dynamic + NDYN * DYN_SIZE;
    // nbucket, nchain, one bucket, one chain word per symbol.
    let hash_len = 4 * (3 + nsyms);
    let symtab = (hash + hash_len).next_multiple_of(8);
    let strtab = symtab + nsyms * SYM_SIZE;
    let strsz = 1 + names
        .iter()
        .map(|n| SYMBOL_PREFIX.len() + n.len() + 1)
        .sum::<usize>();
    Layout {
        dynamic,
        hash,
        symtab,
        strtab,
        strsz,
        total: (strtab + strsz).next_multiple_of(8),
    }
}

/// Size in bytes of the image for these syscall names.
pub(crate) fn image_len(names: &[&str]) -> usize {
    layout(names).total
}

/// Builds the image as it must appear at address `base`. `symbols` pairs each
/// syscall name (without the `cloudabi_sys_` prefix) with the absolute address
/// of the function that implements it.
pub(crate) fn build(symbols: &[(&str, u64)], base: u64) -> Vec<u8> {
    let names: Vec<&str> = symbols.iter().map(|(n, _)| *n).collect();
    let l = layout(&names);
    let mut img = vec![0u8; l.total];
    write_ehdr(&mut img);
    write_phdr(&mut img, 0, PT_LOAD, 0, l.total);
    write_phdr(&mut img, 1, PT_DYNAMIC, l.dynamic, NDYN * DYN_SIZE);
    let dyns = [
        (DT_HASH, l.hash as u64),
        (DT_STRTAB, l.strtab as u64),
        (DT_SYMTAB, l.symtab as u64),
        (DT_STRSZ, l.strsz as u64),
        (DT_SYMENT, SYM_SIZE as u64),
        (DT_NULL, 0),
    ];
    for (i, (tag, val)) in dyns.iter().enumerate() {
        put(&mut img, l.dynamic + i * DYN_SIZE, &tag.to_le_bytes());
        put(&mut img, l.dynamic + i * DYN_SIZE + 8, &val.to_le_bytes());
    }
    write_hash(&mut img, l.hash, symbols.len() + 1);
    let mut name_off = 1;
    for (i, (name, addr)) in symbols.iter().enumerate() {
        let full = format!("{SYMBOL_PREFIX}{name}");
        put(&mut img, l.strtab + name_off, full.as_bytes());
        let sym = l.symtab + (i + 1) * SYM_SIZE;
        put(&mut img, sym, &(name_off as u32).to_le_bytes());
        img[sym + 4] = STB_GLOBAL_STT_FUNC;
        put(&mut img, sym + 6, &SHN_ABS.to_le_bytes());
        put(&mut img, sym + 8, &addr.wrapping_sub(base).to_le_bytes());
        name_off += full.len() + 1;
    }
    img
}

fn put(img: &mut [u8], at: usize, bytes: &[u8]) {
    img[at..at + bytes.len()].copy_from_slice(bytes);
}

fn write_ehdr(img: &mut [u8]) {
    put(img, 0, b"\x7fELF");
    img[4] = 2; // ELFCLASS64
    img[5] = 1; // little endian
    img[6] = 1; // EV_CURRENT
    img[7] = ELFOSABI_CLOUDABI;
    put(img, 16, &3u16.to_le_bytes()); // ET_DYN
    put(img, 18, &EM_X86_64.to_le_bytes());
    put(img, 20, &1u32.to_le_bytes());
    put(img, 32, &(EHDR_SIZE as u64).to_le_bytes()); // e_phoff
    put(img, 52, &(EHDR_SIZE as u16).to_le_bytes());
    put(img, 54, &(PHDR_SIZE as u16).to_le_bytes());
    put(img, 56, &(PHNUM as u16).to_le_bytes());
}

fn write_phdr(img: &mut [u8], i: usize, kind: u32, at: usize, len: usize) {
    let p = EHDR_SIZE + i * PHDR_SIZE;
    put(img, p, &kind.to_le_bytes());
    put(img, p + 4, &4u32.to_le_bytes()); // PF_R
    for field in [8, 16, 24] {
        put(img, p + field, &(at as u64).to_le_bytes()); // offset, vaddr, paddr
    }
    put(img, p + 32, &(len as u64).to_le_bytes());
    put(img, p + 40, &(len as u64).to_le_bytes());
    put(img, p + 48, &8u64.to_le_bytes());
}

/// A SysV hash table with one bucket whose chain visits every symbol, so a
/// real lookup works too; cloudlibc itself only reads `nchain`.
fn write_hash(img: &mut [u8], at: usize, nsyms: usize) {
    put(img, at, &1u32.to_le_bytes());
    put(img, at + 4, &(nsyms as u32).to_le_bytes());
    put(img, at + 8, &((nsyms - 1) as u32).to_le_bytes());
    for i in 0..nsyms {
        let next = i.saturating_sub(1) as u32;
        put(img, at + 12 + 4 * i, &next.to_le_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rd<const N: usize>(img: &[u8], at: u64) -> [u8; N] {
        img[at as usize..at as usize + N].try_into().unwrap()
    }

    /// Walks the image the way cloudlibc's `link_vdso` does and returns the
    /// accepted (name, absolute address) pairs.
    fn link_like_cloudlibc(img: &[u8], base: u64) -> Vec<(String, u64)> {
        let phoff = u64::from_le_bytes(rd(img, 32));
        let phnum = u16::from_le_bytes(rd(img, 56));
        let (mut hash, mut strtab, mut symtab) = (0, 0, 0);
        for i in 0..u64::from(phnum) {
            let ph = phoff + i * 56;
            if u32::from_le_bytes(rd(img, ph)) != PT_DYNAMIC {
                continue;
            }
            let mut d = u64::from_le_bytes(rd(img, ph + 16));
            loop {
                let tag = u64::from_le_bytes(rd(img, d));
                let val = u64::from_le_bytes(rd(img, d + 8));
                match tag {
                    DT_NULL => break,
                    DT_HASH => hash = val,
                    DT_STRTAB => strtab = val,
                    DT_SYMTAB => symtab = val,
                    _ => {}
                }
                d += 16;
            }
        }
        let nchain = u32::from_le_bytes(rd(img, hash + 4));
        let mut out = Vec::new();
        for i in 0..u64::from(nchain) {
            let sym = symtab + i * 24;
            let name = u32::from_le_bytes(rd(img, sym));
            let info = img[sym as usize + 4];
            let other = img[sym as usize + 5];
            if name == 0 || info != 0x12 || other & 3 != 0 {
                continue;
            }
            let s = &img[(strtab + u64::from(name)) as usize..];
            let s = std::str::from_utf8(&s[..s.iter().position(|&b| b == 0).unwrap()]).unwrap();
            let value = u64::from_le_bytes(rd(img, sym + 8));
            if let Some(short) = s.strip_prefix(SYMBOL_PREFIX) {
                out.push((short.to_string(), base.wrapping_add(value)));
            }
        }
        out
    }

    #[test]
    fn cloudlibc_walk_finds_every_symbol() {
        let syms = [
            ("clock_res_get", 0x1000u64),
            ("fd_write", 0x7fff_0000_0000),
            ("thread_yield", 5),
        ];
        let base = 0x5555_0000_1000;
        let img = build(&syms, base);
        assert_eq!(
            img.len(),
            image_len(&["clock_res_get", "fd_write", "thread_yield"])
        );
        let found = link_like_cloudlibc(&img, base);
        let want: Vec<(String, u64)> = syms.iter().map(|(n, a)| (n.to_string(), *a)).collect();
        assert_eq!(found, want);
    }

    #[test]
    fn hash_chain_visits_all_symbols() {
        let img = build(&[("a", 1), ("b", 2)], 0);
        let l = layout(&["a", "b"]);
        let word = |i: usize| u32::from_le_bytes(rd(&img, (l.hash + 4 * i) as u64));
        assert_eq!((word(0), word(1), word(2)), (1, 3, 2));
        assert_eq!((word(3), word(4), word(5)), (0, 0, 1));
    }
}
