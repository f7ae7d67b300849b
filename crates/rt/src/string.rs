//! The memory functions compiled Rust code calls (`memcpy`, `memmove`,
//! `memset`, `memcmp`, `bcmp`, `strlen`). On a Linux target the C library
//! provides them; a CloudABI program has none, so the runtime does.
//!
//! Copies and fills use `rep movsb` / `rep stosb`, which current x86-64
//! processors run at full speed for all but tiny sizes (ERMS/FSRM). The
//! comparisons are plain loops written so that the optimiser cannot turn
//! them back into calls to themselves (inline assembly for the byte loop).

use core::arch::asm;

/// # Safety
///
/// The C contract: `n` bytes readable at `src`, writable at `dst`, the two
/// ranges disjoint.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memcpy(dst: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    // SAFETY: as the caller promised; the direction flag is clear per the ABI.
    unsafe {
        asm!(
            "rep movsb",
            inout("rcx") n => _,
            inout("rdi") dst => _,
            inout("rsi") src => _,
            options(nostack, preserves_flags)
        );
    }
    dst
}

/// # Safety
///
/// The C contract: `n` bytes readable at `src` and writable at `dst`; the
/// ranges may overlap.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memmove(dst: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    if (dst as usize).wrapping_sub(src as usize) >= n {
        // No overlap, or dst below src: a forward copy reads each byte
        // before it is overwritten.
        // SAFETY: as the caller promised.
        return unsafe { memcpy(dst, src, n) };
    }
    // dst overlaps the tail of src: copy backwards, with the direction flag
    // set for the copy and cleared again, as the ABI requires.
    // SAFETY: as the caller promised; `n > 0` here.
    unsafe {
        asm!(
            "std",
            "rep movsb",
            "cld",
            inout("rcx") n => _,
            inout("rdi") dst.add(n - 1) => _,
            inout("rsi") src.add(n - 1) => _,
            options(nostack)
        );
    }
    dst
}

/// # Safety
///
/// The C contract: `n` bytes writable at `dst`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memset(dst: *mut u8, c: i32, n: usize) -> *mut u8 {
    // SAFETY: as the caller promised.
    unsafe {
        asm!(
            "rep stosb",
            inout("rcx") n => _,
            inout("rdi") dst => _,
            in("al") c as u8,
            options(nostack, preserves_flags)
        );
    }
    dst
}

/// # Safety
///
/// The C contract: `n` bytes readable at both `a` and `b`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn memcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    // SAFETY: as the caller promised.
    let i = unsafe { first_difference(a, b, n) };
    if i == n {
        return 0;
    }
    // SAFETY: i < n.
    let (x, y) = unsafe { (*a.add(i), *b.add(i)) };
    i32::from(x) - i32::from(y)
}

/// # Safety
///
/// As for [`memcmp`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn bcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    // SAFETY: as the caller promised.
    i32::from(unsafe { first_difference(a, b, n) } != n)
}

/// The index of the first byte where `a` and `b` differ, or `n`.
unsafe fn first_difference(a: *const u8, b: *const u8, n: usize) -> usize {
    const WORD: usize = core::mem::size_of::<u64>();
    let mut i = 0;
    // Whole words first; `read_unaligned` of a word compiles to one load.
    while i + WORD <= n {
        // SAFETY: i + 8 <= n bytes are readable at both.
        let (x, y) = unsafe {
            (
                a.add(i).cast::<u64>().read_unaligned(),
                b.add(i).cast::<u64>().read_unaligned(),
            )
        };
        if x != y {
            // Little-endian: the lowest differing byte comes first.
            return i + ((x ^ y).trailing_zeros() / 8) as usize;
        }
        i += WORD;
    }
    let mut rest = n - i;
    // The tail (under 8 bytes) with `repe cmpsb`, which no optimisation
    // rewrites into a call.
    if rest != 0 {
        // SAFETY: `rest` bytes are readable at a + i and b + i.
        unsafe {
            asm!(
                "repe cmpsb",
                "je 2f",
                "inc rcx",
                "2:",
                inout("rcx") rest,
                inout("rsi") a.add(i) => _,
                inout("rdi") b.add(i) => _,
                options(nostack, readonly)
            );
        }
        // rcx counts the bytes after the differing one (0 if all equal).
        return n - rest;
    }
    n
}

/// # Safety
///
/// `s` points at a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn strlen(s: *const u8) -> usize {
    let mut n = 0;
    // SAFETY: the string is NUL-terminated.
    while unsafe { s.add(n).read_volatile() } != 0 {
        n += 1;
    }
    n
}
