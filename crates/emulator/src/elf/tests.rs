//! Unit tests of the ELF checks on hand-built images: what passes, and why each bad one fails.

use super::*;

/// A minimal valid image: one R+X segment at 0 holding the headers and the
/// entry point, and one RW segment that is congruent but not page aligned.
fn sample() -> Vec<u8> {
    let mut f = vec![0u8; 0x300];
    f[..4].copy_from_slice(b"\x7fELF");
    f[4] = 2;
    f[5] = 1;
    f[6] = 1;
    f[7] = ELFOSABI_CLOUDABI;
    f[16..18].copy_from_slice(&ET_DYN.to_le_bytes());
    f[18..20].copy_from_slice(&EM_X86_64.to_le_bytes());
    f[24..32].copy_from_slice(&0x100u64.to_le_bytes());
    f[32..40].copy_from_slice(&64u64.to_le_bytes());
    f[54..56].copy_from_slice(&56u16.to_le_bytes());
    f[56..58].copy_from_slice(&2u16.to_le_bytes());
    put_phdr(&mut f, 0, PF_R | PF_X, 0, 0, 0x200, 0x200);
    put_phdr(&mut f, 1, PF_R | PF_W, 0x200, 0x1200, 0x100, 0x2000);
    f
}

fn put_phdr(f: &mut [u8], i: usize, flags: u32, off: u64, vaddr: u64, filesz: u64, memsz: u64) {
    let p = &mut f[64 + i * 56..][..56];
    p[0..4].copy_from_slice(&PT_LOAD.to_le_bytes());
    p[4..8].copy_from_slice(&flags.to_le_bytes());
    p[8..16].copy_from_slice(&off.to_le_bytes());
    p[16..24].copy_from_slice(&vaddr.to_le_bytes());
    p[32..40].copy_from_slice(&filesz.to_le_bytes());
    p[40..48].copy_from_slice(&memsz.to_le_bytes());
    p[48..56].copy_from_slice(&0x1000u64.to_le_bytes());
}

#[test]
fn accepts_congruent_unaligned_segments() {
    let img = parse(&sample()).unwrap();
    assert_eq!(img.entry, 0x100);
    assert_eq!(img.phdr_vaddr, 64);
    assert_eq!(img.segments.len(), 2);
    assert_eq!(img.span(), (0, 0x3200));
    assert!(img.segments[1].perms.write && !img.segments[1].perms.exec);
}

#[test]
fn rejects_wrong_identity() {
    let cases = [
        (0, 0, ElfError::NotElf),
        (4, 1, ElfError::Class(1)),
        (5, 2, ElfError::Endian(2)),
        (7, 0, ElfError::OsAbi(0)),
        (16, 2, ElfError::Type(2)),
        (18, 3, ElfError::Machine(3)),
    ];
    for (at, byte, want) in cases {
        let mut f = sample();
        f[at] = byte;
        let err = parse(&f).unwrap_err();
        assert_eq!(err, want, "byte {at}: {err}");
        assert!(!err.to_string().contains('\n'));
    }
}

#[test]
fn rejects_truncation_everywhere() {
    let f = sample();
    for len in [0, 3, 10, 63, 100, 0x250] {
        assert!(parse(&f[..len]).is_err(), "length {len}");
    }
}

#[test]
fn rejects_overlap_and_bad_fields() {
    let mut f = sample();
    put_phdr(&mut f, 1, PF_R | PF_W, 0x100, 0x100, 0x100, 0x100);
    assert!(parse(&f).unwrap_err().to_string().contains("overlap"));

    let mut f = sample();
    put_phdr(&mut f, 1, PF_R | PF_W, 0x200, 0x1300, 0x100, 0x100);
    assert!(parse(&f).unwrap_err().to_string().contains("congruent"));

    let mut f = sample();
    put_phdr(&mut f, 1, PF_R | PF_W, 0x200, 0x1200, 0x200, 0x100);
    assert!(parse(&f).unwrap_err().to_string().contains("p_filesz"));

    let mut f = sample();
    f[24..32].copy_from_slice(&0x1200u64.to_le_bytes());
    assert!(parse(&f).unwrap_err().to_string().contains("entry point"));

    let mut f = sample();
    f[56..58].copy_from_slice(&0u16.to_le_bytes());
    assert!(parse(&f).is_err());
}

#[test]
fn never_panics_on_garbage() {
    let base = sample();
    let mut state = 0x1234_5678_u32;
    for _ in 0..2000 {
        let mut f = base.clone();
        for _ in 0..4 {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            let at = state as usize % 0x180;
            f[at] = (state >> 8) as u8;
        }
        let _ = parse(&f);
    }
}
