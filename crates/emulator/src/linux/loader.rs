//! Maps a checked executable into memory and lays out what `_start` reads:
//! the auxiliary vector, the random canary and process id, and the Argdata.
//!
//! Segments are copied, not file-mapped: one anonymous reservation covers the
//! whole image, each segment's bytes are read into place (the rest stays
//! zero, which is the .bss), then every page gets its segment's permissions.
//! Copying accepts segments that are not page aligned and pages shared by two
//! segments (which get the permissions of both), as GNU ld and LLD emit them.

use std::io;

use crate::elf::{Image, Perms};

use super::memory::{self, Region};

/// CloudABI auxv types, as the numbers the auxiliary vector holds.
mod at {
    use cloudabi::auxtype;

    pub const NULL: u32 = auxtype::NULL as u32;
    pub const PHDR: u32 = auxtype::PHDR as u32;
    pub const PHNUM: u32 = auxtype::PHNUM as u32;
    pub const PAGESZ: u32 = auxtype::PAGESZ as u32;
    pub const BASE: u32 = auxtype::BASE as u32;
    pub const ARGDATA: u32 = auxtype::ARGDATA as u32;
    pub const ARGDATALEN: u32 = auxtype::ARGDATALEN as u32;
    pub const CANARY: u32 = auxtype::CANARY as u32;
    pub const CANARYLEN: u32 = auxtype::CANARYLEN as u32;
    pub const NCPUS: u32 = auxtype::NCPUS as u32;
    pub const TID: u32 = auxtype::TID as u32;
    pub const SYSINFO_EHDR: u32 = auxtype::SYSINFO_EHDR as u32;
    pub const PID: u32 = auxtype::PID as u32;
}

const CANARY_LEN: usize = 64;
const PID_LEN: usize = 16;
const AUXV_ENTRIES: usize = 13;

/// A loaded program, ready to enter.
pub struct Loaded {
    pub image: Region,
    /// Holds the auxv, canary, pid and Argdata (read-only).
    pub startup: Region,
    pub entry: usize,
    pub auxv: usize,
}

/// Maps `file` (already checked as `image`) and builds its startup data.
pub fn load(
    file: &[u8],
    image: &Image,
    argdata: &[u8],
    vdso: usize,
    tid: u32,
) -> io::Result<Loaded> {
    let mapped = map_image(file, image)?;
    let base = mapped.start() - page_floor(image.span().0) as usize;
    let startup = startup_block(image, base, argdata, vdso, tid)?;
    Ok(Loaded {
        entry: base + image.entry as usize,
        auxv: startup.start(),
        image: mapped,
        startup,
    })
}

fn page_floor(v: u64) -> u64 {
    v & !(memory::page_size() as u64 - 1)
}

fn page_ceil(v: u64) -> u64 {
    page_floor(v + memory::page_size() as u64 - 1)
}

fn map_image(file: &[u8], image: &Image) -> io::Result<Region> {
    let (lo, hi) = image.span();
    let (lo, hi) = (page_floor(lo), page_ceil(hi));
    let region = Region::reserve((hi - lo) as usize)?;
    let base = region.start() - lo as usize;
    let rw = Perms {
        read: true,
        write: true,
        exec: false,
    };
    for s in &image.segments {
        let pages = page_floor(s.vaddr)..page_ceil(s.vaddr + s.memsz);
        region.protect(
            base + pages.start as usize,
            (pages.end - pages.start) as usize,
            rw,
        )?;
        let bytes = &file[s.offset as usize..(s.offset + s.filesz) as usize];
        region.write(base + s.vaddr as usize, bytes);
    }
    for (i, s) in image.segments.iter().enumerate() {
        let pages = page_floor(s.vaddr)..page_ceil(s.vaddr + s.memsz);
        region.protect(
            base + pages.start as usize,
            (pages.end - pages.start) as usize,
            s.perms,
        )?;
        // A page this segment shares with the previous one gets both sets of
        // permissions.
        if let Some(prev) = i.checked_sub(1).map(|p| &image.segments[p]) {
            if page_ceil(prev.vaddr + prev.memsz) > pages.start {
                let both = union(prev.perms, s.perms);
                region.protect(base + pages.start as usize, memory::page_size(), both)?;
            }
        }
    }
    Ok(region)
}

fn union(a: Perms, b: Perms) -> Perms {
    Perms {
        read: a.read || b.read,
        write: a.write || b.write,
        exec: a.exec || b.exec,
    }
}

/// Lays out `[auxv][canary][pid][argdata]` in a fresh read-only mapping.
fn startup_block(
    image: &Image,
    base: usize,
    argdata: &[u8],
    vdso: usize,
    tid: u32,
) -> io::Result<Region> {
    let auxv_len = AUXV_ENTRIES * 16;
    let len = auxv_len + CANARY_LEN + PID_LEN + argdata.len();
    let region = Region::anonymous(
        len,
        Perms {
            read: true,
            write: true,
            exec: false,
        },
    )?;
    let start = region.start();
    let canary = start + auxv_len;
    let pid = canary + CANARY_LEN;
    let data = pid + PID_LEN;
    let mut random = [0u8; CANARY_LEN + PID_LEN];
    memory::random_fill(&mut random)?;
    // A version 4 UUID: the version and variant bits are fixed.
    random[CANARY_LEN + 6] = (random[CANARY_LEN + 6] & 0x0f) | 0x40;
    random[CANARY_LEN + 8] = (random[CANARY_LEN + 8] & 0x3f) | 0x80;
    let entries: [(u32, usize); AUXV_ENTRIES] = [
        (at::ARGDATA, data),
        (at::ARGDATALEN, argdata.len()),
        (at::BASE, base),
        (at::CANARY, canary),
        (at::CANARYLEN, CANARY_LEN),
        (at::NCPUS, memory::cpu_count()),
        (at::PAGESZ, memory::page_size()),
        (at::PHDR, base + image.phdr_vaddr as usize),
        (at::PHNUM, usize::from(image.phnum)),
        (at::PID, pid),
        (at::SYSINFO_EHDR, vdso),
        (at::TID, tid as usize),
        (at::NULL, 0),
    ];
    let mut auxv = Vec::with_capacity(auxv_len);
    for (ty, value) in entries {
        auxv.extend_from_slice(&u64::from(ty).to_le_bytes());
        auxv.extend_from_slice(&(value as u64).to_le_bytes());
    }
    region.write(start, &auxv);
    region.write(canary, &random);
    region.write(data, argdata);
    region.protect(
        start,
        region.len(),
        Perms {
            read: true,
            write: false,
            exec: false,
        },
    )?;
    Ok(region)
}
