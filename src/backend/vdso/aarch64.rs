//! aarch64. C (AAPCS64) passes the arguments in x0 to x7, then on the stack; a value
//! narrower than 8 bytes leaves the register's upper bits unspecified.
//!
//! Kernel convention (FreeBSD's `cloudabi64_fetch_syscall_args` and
//! `cloudabi64_set_syscall_retval`, sys/arm64/cloudabi64/cloudabi64_sysvec.c):
//!
//! - `svc #0` traps; the syscall number is the whole of x8 (`mov w8, #N` clears the upper
//!   half), the arguments are x0 to x7, as C put them, so at most eight. The kernel
//!   narrows each argument to its parameter's type, so C's unspecified upper bits are
//!   harmless and the stub passes every argument register untouched.
//! - On success the carry flag is clear and x0 and x1 hold the two result words (a call
//!   with no results leaves 0 in x0, which is then the C return value as it is); on
//!   failure the carry flag is set and x0 holds the errno. The C return value
//!   (`cloudabi_errno_t`, 16 bits) is w0.
//! - The kernel gives back the other registers as it found them, but the stubs assume
//!   only sp, x18 and the callee-saved registers survive: out-pointers that arrived in
//!   registers are saved on the stack across the trap and reloaded into x2 and x3; those
//!   on the stack are loaded from the caller's frame. Output i takes result word i
//!   (x0, x1), stored in the output's size.
//!
//! Unlike the original stubs, which stored below sp, the save area is reserved by moving
//! sp (in 16-byte steps, as aarch64 requires), so a signal arriving meanwhile cannot
//! overwrite it. tests/gen/vdso/arm runs every stub against this convention in an emulator.

use super::{Arch, Call};
use crate::ir::Machine;

pub(super) const ARCH: Arch = Arch {
    name: "aarch64",
    summary: "Kernel convention: number in w8, arguments in x0 to x7, `svc #0`; carry\n\
              set on failure with the errno in x0, otherwise the results in x0 and x1.",
    directives: &[],
    align: "2",
    type_prefix: '@',
    stub,
};

/// C and the kernel both use x0 to x7 for arguments.
const ARGUMENT_REGISTERS: usize = 8;

/// Registers the out-pointers are brought back into after the trap, one per output.
const POINTERS: [&str; 2] = ["x2", "x3"];

/// Where an out-pointer arrives.
enum Place {
    Register(usize),
    /// Offset from sp on entry.
    Stack(u64),
}

fn place(argument: usize) -> Place {
    if argument < ARGUMENT_REGISTERS {
        Place::Register(argument)
    } else {
        Place::Stack(8 * (argument - ARGUMENT_REGISTERS) as u64)
    }
}

fn stub(call: &Call) -> Result<Vec<String>, String> {
    call.inputs_fit(Machine::Bits64, 8)?;
    call.outputs_fit(Machine::Bits64)?;
    if call.inputs.len() > ARGUMENT_REGISTERS {
        return Err(format!(
            "{} arguments, but the kernel takes at most 8",
            call.inputs.len()
        ));
    }
    let places: Vec<Place> = (0..call.outputs.len())
        .map(|i| place(call.inputs.len() + i))
        .collect();
    let saved: Vec<usize> = places
        .iter()
        .filter_map(|p| match p {
            Place::Register(n) if !call.noreturn => Some(*n),
            _ => None,
        })
        .collect();
    let mut asm = Vec::new();
    match saved[..] {
        [a] => asm.push(format!("str x{a}, [sp, #-16]!")),
        [a, b] => asm.push(format!("stp x{a}, x{b}, [sp, #-16]!")),
        _ => {}
    }
    asm.extend(load_number(call.number));
    asm.push("svc #0".to_string());
    if call.noreturn {
        // Should the kernel ever come back, fault here rather than run into the next stub.
        asm.push("brk #0".to_string());
        return Ok(asm);
    }
    if call.outputs.is_empty() {
        asm.push("ret".to_string());
        return Ok(asm);
    }
    // Loads and stores leave the flags alone, so sp is restored before the branch.
    match saved.len() {
        1 => asm.push("ldr x2, [sp], #16".to_string()),
        2 => asm.push("ldp x2, x3, [sp], #16".to_string()),
        _ => {}
    }
    asm.push("b.cs 1f".to_string());
    for (i, (size, place)) in call.outputs.iter().zip(&places).enumerate() {
        let pointer = POINTERS[i];
        if let Place::Stack(offset) = place {
            asm.push(format!("ldr {pointer}, [sp, #{offset}]"));
        }
        asm.push(format!("{} [{pointer}]", store(i, size.m64)));
    }
    asm.push("mov w0, wzr".to_string());
    asm.push("1:".to_string());
    asm.push("ret".to_string());
    Ok(asm)
}

/// `mov w8, #N`; numbers above 16 bits take a `movz`/`movk` pair.
fn load_number(number: u32) -> Vec<String> {
    if number <= 0xffff {
        return vec![format!("mov w8, #{number}")];
    }
    vec![
        format!("movz w8, #{}", number & 0xffff),
        format!("movk w8, #{}, lsl #16", number >> 16),
    ]
}

/// The store of result `index` (x0 or x1) holding `size` bytes, up to the address operand.
fn store(index: usize, size: u64) -> String {
    match size {
        1 => format!("strb w{index},"),
        2 => format!("strh w{index},"),
        4 => format!("str w{index},"),
        _ => format!("str x{index},"),
    }
}
