//! Checks a CloudABI executable's ELF headers and describes its loadable
//! segments. Pure parsing over bytes: no mapping happens here, so this module
//! builds (and is tested) on every host.
//!
//! A CloudABI program is a static PIE: ELFCLASS64, little endian, EI_OSABI 17,
//! ET_DYN, EM_X86_64 (the only machine this emulator runs). Segments need not
//! be page aligned (GNU ld and LLD both emit `p_vaddr ≡ p_offset (mod page)`
//! layouts); they must not overlap.

use std::fmt;

/// EI_OSABI value of CloudABI ("Nuxi CloudABI" in readelf).
pub(crate) const ELFOSABI_CLOUDABI: u8 = 17;
/// The machine this emulator runs guests for.
pub(crate) const EM_X86_64: u16 = 62;

const ET_DYN: u16 = 3;
const PT_LOAD: u32 = 1;
const PT_PHDR: u32 = 6;
const PF_X: u32 = 1;
const PF_W: u32 = 2;
const PF_R: u32 = 4;
const EHDR_SIZE: usize = 64;
const PHDR_SIZE: usize = 56;
/// More program headers than any sane executable has; bounds the work done on
/// hostile input.
const MAX_PHNUM: u16 = 256;
/// Largest span of guest memory an executable may ask for (its segments
/// from lowest to highest address).
const MAX_SPAN: u64 = 1 << 40;

/// Why a file is not a runnable CloudABI executable. `Display` gives the one
/// line `cloudabi-run` prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ElfError {
    /// Shorter than the ELF header or the program header table.
    Truncated(&'static str),
    /// No `\x7fELF` magic.
    NotElf,
    /// ELFCLASS32 or junk.
    Class(u8),
    /// Big endian or junk.
    Endian(u8),
    /// EI_OSABI is not 17.
    OsAbi(u8),
    /// Not ET_DYN (not a PIE).
    Type(u16),
    /// Not x86-64.
    Machine(u16),
    /// A header field that makes no sense.
    Malformed(String),
}

impl fmt::Display for ElfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ElfError::Truncated(what) => write!(f, "file is truncated ({what} runs past the end)"),
            ElfError::NotElf => f.write_str("not an ELF file (no \\x7fELF magic)"),
            ElfError::Class(c) => write!(f, "ELF class {c} is not ELFCLASS64"),
            ElfError::Endian(d) => write!(f, "ELF data encoding {d} is not little endian"),
            ElfError::OsAbi(o) => write!(
                f,
                "not a CloudABI executable: EI_OSABI is {o} ({}), expected {ELFOSABI_CLOUDABI} (CloudABI)",
                osabi_name(*o)
            ),
            ElfError::Type(t) => write!(
                f,
                "ELF type {t} ({}) is not ET_DYN: CloudABI programs are position independent",
                type_name(*t)
            ),
            ElfError::Machine(m) => write!(
                f,
                "ELF machine {m} ({}) is not x86-64, the only machine this emulator runs",
                machine_name(*m)
            ),
            ElfError::Malformed(why) => write!(f, "malformed ELF: {why}"),
        }
    }
}

impl std::error::Error for ElfError {}

fn osabi_name(o: u8) -> &'static str {
    match o {
        0 => "System V",
        3 => "Linux",
        9 => "FreeBSD",
        _ => "other",
    }
}

fn type_name(t: u16) -> &'static str {
    match t {
        1 => "relocatable",
        2 => "executable, not PIE",
        4 => "core",
        _ => "other",
    }
}

fn machine_name(m: u16) -> &'static str {
    match m {
        3 => "i386",
        40 => "ARM",
        183 => "AArch64",
        243 => "RISC-V",
        _ => "other",
    }
}

/// Access permissions of a segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Perms {
    pub(crate) read: bool,
    pub(crate) write: bool,
    pub(crate) exec: bool,
}

/// One PT_LOAD segment, already checked for consistency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Segment {
    pub(crate) vaddr: u64,
    pub(crate) memsz: u64,
    pub(crate) offset: u64,
    pub(crate) filesz: u64,
    pub(crate) perms: Perms,
}

/// What the loader needs from a checked executable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Image {
    /// Entry point, relative to the load base.
    pub(crate) entry: u64,
    /// Address of the program headers once loaded, relative to the base.
    pub(crate) phdr_vaddr: u64,
    pub(crate) phnum: u16,
    /// PT_LOAD segments sorted by address, not overlapping.
    pub(crate) segments: Vec<Segment>,
}

impl Image {
    /// Lowest and one-past-highest address the segments cover.
    pub(crate) fn span(&self) -> (u64, u64) {
        let lo = self.segments.first().map_or(0, |s| s.vaddr);
        let hi = self
            .segments
            .iter()
            .map(|s| s.vaddr + s.memsz)
            .max()
            .unwrap_or(0);
        (lo, hi)
    }
}

fn u16_at(b: &[u8], off: usize) -> u16 {
    u16::from_le_bytes([b[off], b[off + 1]])
}

fn u32_at(b: &[u8], off: usize) -> u32 {
    u32::from_le_bytes(b[off..off + 4].try_into().expect("4 bytes"))
}

fn u64_at(b: &[u8], off: usize) -> u64 {
    u64::from_le_bytes(b[off..off + 8].try_into().expect("8 bytes"))
}

fn malformed(why: impl Into<String>) -> ElfError {
    ElfError::Malformed(why.into())
}

/// Checks the identification bytes and the ELF header fields that decide
/// whether this is a CloudABI x86-64 executable at all.
fn check_ident(file: &[u8]) -> Result<(), ElfError> {
    if file.len() < 4 || &file[..4] != b"\x7fELF" {
        return Err(ElfError::NotElf);
    }
    if file.len() < EHDR_SIZE {
        return Err(ElfError::Truncated("the ELF header"));
    }
    if file[4] != 2 {
        return Err(ElfError::Class(file[4]));
    }
    if file[5] != 1 {
        return Err(ElfError::Endian(file[5]));
    }
    if file[7] != ELFOSABI_CLOUDABI {
        return Err(ElfError::OsAbi(file[7]));
    }
    let e_type = u16_at(file, 16);
    if e_type != ET_DYN {
        return Err(ElfError::Type(e_type));
    }
    let machine = u16_at(file, 18);
    if machine != EM_X86_64 {
        return Err(ElfError::Machine(machine));
    }
    Ok(())
}

/// Parses and checks the whole executable held in `file`.
pub(crate) fn parse(file: &[u8]) -> Result<Image, ElfError> {
    check_ident(file)?;
    let entry = u64_at(file, 24);
    let phoff = u64_at(file, 32);
    let phentsize = u16_at(file, 54);
    let phnum = u16_at(file, 56);
    if phentsize as usize != PHDR_SIZE {
        return Err(malformed(format!(
            "e_phentsize is {phentsize}, expected {PHDR_SIZE}"
        )));
    }
    if phnum == 0 || phnum > MAX_PHNUM {
        return Err(malformed(format!("e_phnum is {phnum}")));
    }
    let table_len = u64::from(phnum) * PHDR_SIZE as u64;
    let table_end = phoff
        .checked_add(table_len)
        .ok_or_else(|| malformed("e_phoff overflows"))?;
    if table_end > file.len() as u64 {
        return Err(ElfError::Truncated("the program header table"));
    }
    let mut segments = Vec::new();
    let mut phdr_vaddr = None;
    for i in 0..usize::from(phnum) {
        let ph = &file[phoff as usize + i * PHDR_SIZE..][..PHDR_SIZE];
        match u32_at(ph, 0) {
            PT_LOAD => segments.push(segment(ph, i, file.len() as u64)?),
            PT_PHDR => phdr_vaddr = Some(u64_at(ph, 16)),
            _ => {}
        }
    }
    if segments.is_empty() {
        return Err(malformed("no PT_LOAD segment"));
    }
    segments.sort_by_key(|s| s.vaddr);
    check_layout(&segments)?;
    let phdr_vaddr = match phdr_vaddr {
        Some(v) => v,
        None => file_to_vaddr(&segments, phoff, table_len)
            .ok_or_else(|| malformed("the program headers are not inside a loaded segment"))?,
    };
    let image = Image {
        entry,
        phdr_vaddr,
        phnum,
        segments,
    };
    check_entry(&image)?;
    Ok(image)
}

fn segment(ph: &[u8], index: usize, file_len: u64) -> Result<Segment, ElfError> {
    let flags = u32_at(ph, 4);
    let seg = Segment {
        offset: u64_at(ph, 8),
        vaddr: u64_at(ph, 16),
        filesz: u64_at(ph, 32),
        memsz: u64_at(ph, 40),
        perms: Perms {
            read: flags & PF_R != 0,
            write: flags & PF_W != 0,
            exec: flags & PF_X != 0,
        },
    };
    let align = u64_at(ph, 48);
    let bad = |why: &str| malformed(format!("PT_LOAD segment {index}: {why}"));
    if seg.filesz > seg.memsz {
        return Err(bad("p_filesz is larger than p_memsz"));
    }
    let file_end = seg
        .offset
        .checked_add(seg.filesz)
        .ok_or_else(|| bad("p_offset overflows"))?;
    if file_end > file_len {
        return Err(ElfError::Truncated("a PT_LOAD segment's file contents"));
    }
    if seg
        .vaddr
        .checked_add(seg.memsz)
        .is_none_or(|end| end > MAX_SPAN)
    {
        return Err(bad("lies beyond the addresses a guest may use"));
    }
    if align > 1 && (!align.is_power_of_two() || seg.vaddr % align != seg.offset % align) {
        return Err(bad("p_vaddr and p_offset are not congruent modulo p_align"));
    }
    Ok(seg)
}

/// Segments must not overlap; sharing a page is fine (the loader gives a shared
/// page the permissions of both).
fn check_layout(segments: &[Segment]) -> Result<(), ElfError> {
    for pair in segments.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if a.vaddr + a.memsz > b.vaddr {
            return Err(malformed(format!(
                "PT_LOAD segments overlap: [{:#x}, {:#x}) and [{:#x}, {:#x})",
                a.vaddr,
                a.vaddr + a.memsz,
                b.vaddr,
                b.vaddr + b.memsz
            )));
        }
    }
    Ok(())
}

fn file_to_vaddr(segments: &[Segment], offset: u64, len: u64) -> Option<u64> {
    segments
        .iter()
        .find(|s| offset >= s.offset && offset + len <= s.offset + s.filesz)
        .map(|s| s.vaddr + (offset - s.offset))
}

fn check_entry(image: &Image) -> Result<(), ElfError> {
    let inside = image
        .segments
        .iter()
        .any(|s| s.perms.exec && image.entry >= s.vaddr && image.entry < s.vaddr + s.memsz);
    if inside {
        Ok(())
    } else {
        Err(malformed(format!(
            "entry point {:#x} is not in an executable segment",
            image.entry
        )))
    }
}

#[cfg(test)]
mod tests;
