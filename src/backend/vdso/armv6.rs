//! armv6 (AAPCS, ARM mode). C passes the arguments in 4-byte words: the first four words
//! in r0 to r3, the rest on the stack. A value narrower than a word is extended to one.
//! A 64-bit value takes two words starting at an even word, so it goes in r0:r1 or
//! r2:r3, or on the stack 8-aligned; once the registers run out, every later argument
//! goes on the stack.
//!
//! Kernel convention (FreeBSD's `cloudabi32_fetch_syscall_args` and
//! `cloudabi32_set_syscall_retval`, sys/arm/cloudabi32/cloudabi32_sysvec.c):
//!
//! - `swi 0` traps; the syscall number is in ip (r12). The kernel reads its argument
//!   words from r0 to r3 and then from the words at sp, in the same order as C lays them
//!   out (a 64-bit argument's padding word included, as syscalls32.master declares it),
//!   so the stub leaves every argument register and sp alone.
//! - On success the carry flag is clear and r0 and r1 hold the result words (a 64-bit
//!   result takes both, low word in r0; a call with no results leaves 0 in r0); on
//!   failure the carry flag is set and r0 holds the errno, which is the C return value.
//! - Output i takes the result words in turn, stored in the output's size.
//!
//! Out-pointers in registers are saved below sp across the trap, since the stubs assume
//! r1 to r3 and ip do not survive it. (sp cannot move: the kernel reads stack arguments
//! relative to it. CloudABI delivers no asynchronous signals that could overwrite the
//! area.) Everything after the trap is predicated on carry clear, so on failure it all
//! falls through to the return with the errno in r0. tests/gen/vdso/arm runs every stub
//! against this convention in an emulator.

use super::{words, Arch, Call};
use crate::ir::Machine;

pub(super) const ARCH: Arch = Arch {
    name: "armv6",
    summary: "Kernel convention: number in ip, arguments where C put them (r0 to r3,\n\
              then the stack), `swi 0`; carry set on failure with the errno in r0,\n\
              otherwise the results in r0 and r1 (a 64-bit result takes both).",
    directives: &[".syntax unified", ".arm"],
    align: "2",
    type_prefix: '%',
    stub,
};

/// Argument words that travel in registers (r0 to r3).
pub(super) const REGISTER_WORDS: u64 = 4;

/// Where a C argument word arrives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    /// `rN`.
    Register(u64),
    /// Offset from sp on entry.
    Stack(u64),
}

pub(super) fn place(word: u64) -> Place {
    if word < REGISTER_WORDS {
        Place::Register(word)
    } else {
        Place::Stack(4 * (word - REGISTER_WORDS))
    }
}

/// The argument words the C arguments start at: one per input, then one per out-pointer.
/// Each input is aligned to its own size in words, which is what puts 64-bit values at
/// even words.
pub(super) fn argument_words(call: &Call) -> (Vec<u64>, Vec<u64>) {
    let mut next: u64 = 0;
    let inputs = call
        .inputs
        .iter()
        .map(|size| {
            let count = words(size.m32);
            let first = next.div_ceil(count) * count;
            next = first + count;
            first
        })
        .collect();
    let outputs = (0..call.outputs.len() as u64).map(|i| next + i).collect();
    (inputs, outputs)
}

/// Instructions that put `value` in `register`. An ARM immediate is 8 bits rotated by an
/// even amount, so each nonzero byte of the value is one `mov` or `orr`.
pub(super) fn constant(register: &str, value: u64) -> Vec<String> {
    let mut asm = Vec::new();
    for chunk in bytes(value) {
        if asm.is_empty() {
            asm.push(format!("mov {register}, #{chunk}"));
        } else {
            asm.push(format!("orr {register}, {register}, #{chunk}"));
        }
    }
    if asm.is_empty() {
        asm.push(format!("mov {register}, #0"));
    }
    asm
}

/// `sub sp, sp, #N` (or `add`) for any `N`, a byte of it at a time.
pub(super) fn move_sp(operation: &str, amount: u64) -> Vec<String> {
    bytes(amount)
        .map(|chunk| format!("{operation} sp, sp, #{chunk}"))
        .collect()
}

/// The nonzero bytes of a value, each kept in its position: every one is an immediate.
fn bytes(value: u64) -> impl Iterator<Item = u64> {
    (0..8)
        .map(move |i| value & (0xff << (8 * i)))
        .filter(|&chunk| chunk != 0)
}

/// Load and store mnemonics (unified syntax) for a value of `size` bytes, with a
/// condition code.
pub(super) fn load_store(size: u64, condition: &str) -> (String, String) {
    let suffix = match size {
        1 => "b",
        2 => "h",
        _ => "",
    };
    (
        format!("ldr{suffix}{condition}"),
        format!("str{suffix}{condition}"),
    )
}

/// Largest offset a word load or store takes; stubs needing more are refused.
pub(super) const MAX_OFFSET: u64 = 4095;

fn stub(call: &Call) -> Result<Vec<String>, String> {
    call.inputs_fit(Machine::Bits32, 8)?;
    call.outputs_fit(Machine::Bits32)?;
    let result_words: u64 = call.outputs.iter().map(|s| words(s.m32)).sum();
    if result_words > 2 {
        return Err(format!(
            "the outputs take {result_words} words, but the kernel returns 2"
        ));
    }
    let (_, pointer_words) = argument_words(call);
    let places: Vec<Place> = pointer_words.iter().map(|&w| place(w)).collect();
    if places
        .iter()
        .any(|p| matches!(p, Place::Stack(offset) if *offset > MAX_OFFSET))
    {
        return Err("out-pointers too far up the stack".to_string());
    }
    // Register out-pointers are saved at [sp, #-4], [sp, #-8] in output order.
    let mut below = 0;
    let mut asm = Vec::new();
    let pointers: Vec<String> = places
        .iter()
        .map(|place| match place {
            Place::Register(n) => {
                below += 4;
                asm.push(format!("str r{n}, [sp, #-{below}]"));
                format!("[sp, #-{below}]")
            }
            Place::Stack(offset) => format!("[sp, #{offset}]"),
        })
        .collect();
    if call.noreturn {
        asm.clear();
    }
    asm.extend(constant("ip", u64::from(call.number)));
    asm.push("swi 0".to_string());
    if call.noreturn {
        // Should the kernel ever come back, fault here rather than run into the next stub.
        asm.push("udf #0".to_string());
        return Ok(asm);
    }
    if call.outputs.is_empty() {
        asm.push("bx lr".to_string());
        return Ok(asm);
    }
    // Output i's pointer goes to r2 or r3; results stay in r0 and r1 until stored.
    for (i, pointer) in pointers.iter().enumerate() {
        asm.push(format!("ldrcc r{}, {pointer}", 2 + i));
    }
    let mut result = 0;
    for (i, size) in call.outputs.iter().enumerate() {
        let (_, store) = load_store(size.m32, "cc");
        for word in 0..words(size.m32) {
            let address = match word {
                0 => format!("[r{}]", 2 + i),
                _ => format!("[r{}, #{}]", 2 + i, 4 * word),
            };
            asm.push(format!("{store} r{result}, {address}"));
            result += 1;
        }
    }
    asm.push("movcc r0, #0".to_string());
    asm.push("bx lr".to_string());
    Ok(asm)
}
