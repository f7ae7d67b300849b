//! x86_64. C passes the arguments in rdi, rsi, rdx, rcx, r8, r9, then on the stack. The
//! kernel takes the syscall number in eax and up to six arguments in rdi, rsi, rdx, r10,
//! r8, r9 (the `syscall` instruction overwrites rcx and r11, hence r10 for the fourth). It
//! answers in rax and rdx, with the carry flag set on failure and the errno in rax.
//!
//! Out-pointers are not passed to the kernel: those in registers are pushed before the
//! trap (the kernel may clobber them) and popped into rcx and rsi after it; those on the
//! stack are loaded from the caller's frame. On success the results go through them and
//! rax becomes 0; on failure rax already holds the errno.

use super::{Arch, Call};
use crate::ir::Machine;

pub(super) const ARCH: Arch = Arch {
    name: "x86_64",
    summary: "Kernel convention: number in eax, arguments in rdi, rsi, rdx, r10, r8, r9,\n\
              `syscall`; carry set on failure with the errno in rax, otherwise the\n\
              results in rax and rdx.",
    directives: &[],
    align: "4, 0x90",
    type_prefix: '@',
    stub,
};

/// Where C puts the first six arguments.
const ARGUMENTS: [&str; 6] = ["%rdi", "%rsi", "%rdx", "%rcx", "%r8", "%r9"];

/// Registers the out-pointers are brought back into after the trap, one per output.
/// Both are free to clobber and neither holds a result.
const POINTERS: [&str; 2] = ["%rcx", "%rsi"];

/// Where an out-pointer arrives.
enum Place {
    Register(&'static str),
    /// Offset from rsp on entry (above the return address).
    Stack(u64),
}

fn place(argument: usize) -> Place {
    match ARGUMENTS.get(argument) {
        Some(register) => Place::Register(register),
        None => Place::Stack(8 + 8 * (argument - ARGUMENTS.len()) as u64),
    }
}

fn stub(call: &Call) -> Result<Vec<String>, String> {
    call.inputs_fit(Machine::Bits64, 8)?;
    call.outputs_fit(Machine::Bits64)?;
    if call.inputs.len() > ARGUMENTS.len() {
        return Err(format!(
            "{} arguments, but the kernel takes at most 6",
            call.inputs.len()
        ));
    }
    let mut asm = Vec::new();
    if call.inputs.len() >= 4 {
        asm.push("mov %rcx, %r10".to_string());
    }
    let places: Vec<Place> = (0..call.outputs.len())
        .map(|i| place(call.inputs.len() + i))
        .collect();
    let saved: Vec<&str> = places
        .iter()
        .filter_map(|p| match p {
            Place::Register(r) if !call.noreturn => Some(*r),
            _ => None,
        })
        .collect();
    for register in &saved {
        asm.push(format!("push {register}"));
    }
    asm.push(format!("mov ${}, %eax", call.number));
    asm.push("syscall".to_string());
    if call.noreturn {
        // Should the kernel ever come back, fault here rather than run into the next stub.
        asm.push("ud2".to_string());
        return Ok(asm);
    }
    if call.outputs.is_empty() {
        asm.push("ret".to_string());
        return Ok(asm);
    }
    // Registers are saved for a prefix of the outputs, so output i comes back in
    // POINTERS[i].
    for register in POINTERS[..saved.len()].iter().rev() {
        asm.push(format!("pop {register}"));
    }
    asm.push("jc 1f".to_string());
    for (i, (size, place)) in call.outputs.iter().zip(&places).enumerate() {
        let pointer = POINTERS[i];
        if let Place::Stack(offset) = place {
            asm.push(format!("mov {offset}(%rsp), {pointer}"));
        }
        asm.push(format!("mov {}, ({pointer})", result(i, size.m64)));
    }
    asm.push("xor %eax, %eax".to_string());
    asm.push("1:".to_string());
    asm.push("ret".to_string());
    Ok(asm)
}

/// The part of rax (first result) or rdx (second) that holds a value of `size` bytes.
fn result(index: usize, size: u64) -> &'static str {
    const NAMES: [[&str; 4]; 2] = [
        ["%al", "%ax", "%eax", "%rax"],
        ["%dl", "%dx", "%edx", "%rdx"],
    ];
    let width = match size {
        1 => 0,
        2 => 1,
        4 => 2,
        _ => 3,
    };
    NAMES[index.min(1)][width]
}
