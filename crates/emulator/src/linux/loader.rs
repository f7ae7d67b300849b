//! Maps a checked executable into memory and lays out what `_start` reads:
//! the auxiliary vector, the random canary and process id, and the Argdata.
//!
//! Segments are copied, not file-mapped: one anonymous mapping covers the
//! whole image, each segment's bytes are copied into place (the rest stays
//! zero, which is the .bss), then every page gets its segment's permissions.
//! Copying accepts segments that are not page aligned and pages shared by two
//! segments (which get the permissions of both), as GNU ld and LLD emit them.

use std::io;

use crate::elf::{Image, Perms};

use super::memory::{self, Region};

/// CloudABI auxv types, as the numbers the auxiliary vector holds.
mod at {
    use cloudabi::auxtype;

    pub(crate) const NULL: u32 = auxtype::NULL as u32;
    pub(crate) const PHDR: u32 = auxtype::PHDR as u32;
    pub(crate) const PHNUM: u32 = auxtype::PHNUM as u32;
    pub(crate) const PAGESZ: u32 = auxtype::PAGESZ as u32;
    pub(crate) const BASE: u32 = auxtype::BASE as u32;
    pub(crate) const ARGDATA: u32 = auxtype::ARGDATA as u32;
    pub(crate) const ARGDATALEN: u32 = auxtype::ARGDATALEN as u32;
    pub(crate) const CANARY: u32 = auxtype::CANARY as u32;
    pub(crate) const CANARYLEN: u32 = auxtype::CANARYLEN as u32;
    pub(crate) const NCPUS: u32 = auxtype::NCPUS as u32;
    pub(crate) const TID: u32 = auxtype::TID as u32;
    pub(crate) const SYSINFO_EHDR: u32 = auxtype::SYSINFO_EHDR as u32;
    pub(crate) const PID: u32 = auxtype::PID as u32;
}

const CANARY_LEN: usize = 64;
const PID_LEN: usize = 16;
const AUXV_ENTRIES: usize = 13;

/// A loaded program, ready to enter.
pub(crate) struct Loaded {
    pub(crate) image: Region,
    /// Holds the auxv, canary, pid and Argdata (read-only).
    pub(crate) startup: Region,
    pub(crate) entry: usize,
    pub(crate) auxv: usize,
}

/// Maps `file` (already checked as `image`) and builds its startup data.
pub(crate) fn load(
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

/// One run of pages of the loaded image with the protection they get.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pages {
    /// Offset from the image's first page, in bytes.
    pub(crate) offset: usize,
    pub(crate) len: usize,
    pub(crate) perms: Perms,
}

const NONE: Perms = Perms {
    read: false,
    write: false,
    exec: false,
};

/// The protection of every page of `image`'s span, in address order,
/// neighbours with equal protection joined: each segment's pages get its
/// permissions, a page segments share gets all of theirs, and the gaps
/// between segments none.
pub(crate) fn page_protections(image: &Image) -> Vec<Pages> {
    let lo = page_floor(image.span().0);
    let mut runs: Vec<Pages> = Vec::new();
    let push = |runs: &mut Vec<Pages>, start: u64, end: u64, perms: Perms| {
        let (offset, len) = ((start - lo) as usize, (end - start) as usize);
        match runs.last_mut() {
            Some(last) if last.perms == perms && last.offset + last.len == offset => {
                last.len += len
            }
            _ => runs.push(Pages { offset, len, perms }),
        }
    };
    let page = memory::page_size() as u64;
    let mut covered = lo;
    for s in &image.segments {
        let (start, end) = (page_floor(s.vaddr), page_ceil(s.vaddr + s.memsz));
        if start < covered {
            // Segments do not overlap, so they share at most the page
            // before `covered`, which takes both protections.
            let last = runs.last_mut().expect("a segment came before");
            let shared = union(last.perms, s.perms);
            last.len -= page as usize;
            if last.len == 0 {
                runs.pop();
            }
            push(&mut runs, start, covered, shared);
        } else if start > covered {
            push(&mut runs, covered, start, NONE);
        }
        if end > covered.max(start) {
            push(&mut runs, covered.max(start), end, s.perms);
        }
        covered = covered.max(end);
    }
    runs
}

/// Maps the image: one anonymous mapping over its whole span, writable
/// while each segment's bytes are copied in (the rest stays zero, which is
/// the .bss), then each run of pages protected as `page_protections` says.
fn map_image(file: &[u8], image: &Image) -> io::Result<Region> {
    let (lo, hi) = image.span();
    let (lo, hi) = (page_floor(lo), page_ceil(hi));
    let rw = Perms {
        read: true,
        write: true,
        exec: false,
    };
    let region = Region::anonymous((hi - lo) as usize, rw)?;
    let base = region.start() - lo as usize;
    for s in &image.segments {
        let bytes = &file[s.offset as usize..(s.offset + s.filesz) as usize];
        region.write(base + s.vaddr as usize, bytes);
    }
    for run in page_protections(image) {
        if run.perms != rw {
            region.protect(region.start() + run.offset, run.len, run.perms)?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::elf::Segment;

    const R: Perms = Perms {
        read: true,
        write: false,
        exec: false,
    };
    const RX: Perms = Perms {
        read: true,
        write: false,
        exec: true,
    };
    const RW: Perms = Perms {
        read: true,
        write: true,
        exec: false,
    };
    const RWX: Perms = Perms {
        read: true,
        write: true,
        exec: true,
    };

    fn image(segments: &[(u64, u64, Perms)]) -> Image {
        Image {
            entry: 0,
            phdr_vaddr: 0,
            phnum: 0,
            segments: segments
                .iter()
                .map(|&(vaddr, memsz, perms)| Segment {
                    vaddr,
                    memsz,
                    offset: 0,
                    filesz: 0,
                    perms,
                })
                .collect(),
        }
    }

    fn runs(segments: &[(u64, u64, Perms)]) -> Vec<(usize, usize, Perms)> {
        page_protections(&image(segments))
            .into_iter()
            .map(|p| (p.offset / 4096, p.len / 4096, p.perms))
            .collect()
    }

    #[test]
    fn page_aligned_segments_keep_their_permissions() {
        assert_eq!(
            runs(&[(0, 0x1000, R), (0x1000, 0x2000, RX), (0x3000, 0x1800, RW)]),
            [(0, 1, R), (1, 2, RX), (3, 2, RW)]
        );
    }

    #[test]
    fn a_shared_page_gets_both_and_gaps_get_none() {
        // GNU ld style: text ends mid-page, data starts in that page; then
        // a gap of two pages before the next segment.
        assert_eq!(
            runs(&[(0, 0x1800, RX), (0x1800, 0x1000, RW), (0x5000, 0x10, R)]),
            [(0, 1, RX), (1, 1, RWX), (2, 1, RW), (3, 2, NONE), (5, 1, R)]
        );
    }

    #[test]
    fn three_segments_in_one_page_give_it_all_three() {
        assert_eq!(
            runs(&[(0, 0x100, R), (0x100, 0x100, RX), (0x200, 0x1000, RW)]),
            [(0, 1, RWX), (1, 1, RW)]
        );
    }

    #[test]
    fn equal_neighbours_are_one_run() {
        assert_eq!(
            runs(&[(0x2000, 0x1000, RW), (0x3000, 0x800, RW)]),
            [(0, 2, RW)]
        );
    }
}
