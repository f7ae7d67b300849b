//! armv6 code on a 64-bit kernel. C passes the arguments as on armv6 (r0 to r3, then the
//! stack; see `armv6`). The stub reserves a frame below sp holding the saved
//! out-pointers that arrived in registers and then the buffer of 64-bit slots (see
//! `buffer`), copies the inputs in, and traps with `swi 0`, the syscall number in r0 and
//! the buffer's address in r2. The kernel answers with the errno in r0 (0 on success) and
//! the carry flag set on failure, and the results in the buffer's first two slots, which
//! the stub copies out under carry-clear predication. (FreeBSD's kernel side is in
//! sys/arm64/cloudabi32/cloudabi32_sysvec.c; r0 and r2 are its x0 and x2.) Output i
//! takes the low bytes of slot i, in the output's 32-bit size.
//!
//! Only ip is written before the trap, so every argument register still holds what C
//! put there when its turn comes. The original stubs used the space below sp without
//! moving sp; moving it keeps a signal handler from overwriting the frame. tests/gen/vdso/arm
//! runs every stub against this convention in an emulator.

use super::armv6::{argument_words, constant, load_store, move_sp, place, Place, MAX_OFFSET};
use super::buffer::{self, slot};
use super::{words, Arch, Call};

pub(super) const ARCH: Arch = Arch {
    name: "armv6_on_64bit",
    summary: "Kernel convention (32-bit process, 64-bit kernel): number in r0, the\n\
              address of a buffer holding each argument as a 64-bit value in r2,\n\
              `swi 0`; carry set on failure with the errno in r0 (0 on success), the\n\
              results in the first two 64-bit slots of the buffer.",
    directives: &[".syntax unified", ".arm"],
    align: "2",
    type_prefix: '%',
    stub,
};

fn stub(call: &Call) -> Result<Vec<String>, String> {
    let buffer = buffer::layout(call)?;
    let (input_words, pointer_words) = argument_words(call);
    let pointers: Vec<Place> = pointer_words.iter().map(|&w| place(w)).collect();
    let saved = if call.noreturn {
        0
    } else {
        pointers
            .iter()
            .filter(|p| matches!(p, Place::Register(_)))
            .count() as u64
    };
    // Saved pointers at [sp, #0] and [sp, #4], then the buffer, 8-aligned.
    let base = (4 * saved).next_multiple_of(8);
    let frame = base + buffer.bytes();
    let highest = input_words
        .iter()
        .chain(&pointer_words)
        .max()
        .copied()
        .unwrap_or(0);
    if frame + 4 * (highest + 1) > MAX_OFFSET {
        return Err("the arguments take too much stack".to_string());
    }
    // The caller's word `w`, as seen once sp has moved down by `frame`.
    let caller = |w: u64| match place(w) {
        Place::Register(n) => Source::Register(n),
        Place::Stack(offset) => Source::Stack(frame + offset),
    };

    let mut asm = move_sp("sub", frame);
    if !call.noreturn {
        let registers = pointers.iter().filter_map(|p| match p {
            Place::Register(n) => Some(n),
            Place::Stack(_) => None,
        });
        for (k, n) in registers.enumerate() {
            asm.push(format!("str r{n}, [sp, #{}]", 4 * k));
        }
    }
    for (i, (size, &first)) in call.inputs.iter().zip(&input_words).enumerate() {
        let to = base + slot(i);
        asm.extend(copy_in(size.m32, first, to, caller));
    }
    asm.extend(constant("r0", u64::from(call.number)));
    asm.push(format!("add r2, sp, #{base}"));
    asm.push("swi 0".to_string());
    if call.noreturn {
        // Should the kernel ever come back, fault here rather than run into the next stub.
        asm.push("udf #0".to_string());
        return Ok(asm);
    }
    let mut saved_at = (0..).map(|k| 4 * k);
    for (i, (size, place)) in call.outputs.iter().zip(&pointers).enumerate() {
        let pointer = match place {
            Place::Register(_) => saved_at.next().unwrap_or(0),
            Place::Stack(offset) => frame + offset,
        };
        asm.push(format!("ldrcc r1, [sp, #{pointer}]"));
        asm.extend(copy_out(size.m32, base + slot(i)));
    }
    asm.extend(move_sp("add", frame));
    asm.push("bx lr".to_string());
    Ok(asm)
}

/// A C argument word: in a register, or at an offset from the moved sp.
#[derive(Clone, Copy)]
enum Source {
    Register(u64),
    Stack(u64),
}

/// Copies an input of `size` bytes starting at argument word `first` into the slot at
/// `[sp, #to]`, zero-extended to 64 bits. Words on the stack go through ip.
fn copy_in(size: u64, first: u64, to: u64, caller: impl Fn(u64) -> Source) -> Vec<String> {
    let mut asm = Vec::new();
    for word in 0..words(size) {
        let register = match caller(first + word) {
            Source::Register(n) => format!("r{n}"),
            Source::Stack(offset) => {
                asm.push(format!("ldr ip, [sp, #{offset}]"));
                "ip".to_string()
            }
        };
        // C leaves the upper bits of a narrow argument unspecified.
        let register = match size {
            1 | 2 => {
                let extend = if size == 1 { "uxtb" } else { "uxth" };
                asm.push(format!("{extend} ip, {register}"));
                "ip".to_string()
            }
            _ => register,
        };
        asm.push(format!("str {register}, [sp, #{}]", to + 4 * word));
    }
    if size < 8 {
        asm.push("mov ip, #0".to_string());
        asm.push(format!("str ip, [sp, #{}]", to + 4));
    }
    asm
}

/// Copies `size` bytes from the slot at `[sp, #from]` to where r1 points, through r2.
fn copy_out(size: u64, from: u64) -> Vec<String> {
    let (load, store) = load_store(size, "cc");
    let mut asm = Vec::new();
    for word in 0..words(size) {
        asm.push(format!("{load} r2, [sp, #{}]", from + 4 * word));
        let address = match word {
            0 => "[r1]".to_string(),
            _ => format!("[r1, #{}]", 4 * word),
        };
        asm.push(format!("{store} r2, {address}"));
    }
    asm
}
