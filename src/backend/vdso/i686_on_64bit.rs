//! i686 code on a 64-bit kernel. C passes every argument on the stack in 4-byte words, as
//! on i686. The stub sets up a frame (`push %ebp; mov %esp, %ebp`), reserves the buffer
//! of 64-bit slots (see `buffer`) at -8*slots(%ebp) by moving esp below it, copies the
//! inputs in, and traps with `int $0x80`, the syscall number in eax and the buffer's
//! address in ecx. The kernel answers with the errno in eax (0 on success; the carry flag
//! is not used) and the results in the buffer's first two slots, which the stub copies
//! to the out-pointers it rereads from the caller's frame.
//!
//! The original stubs left esp above the buffer; moving esp keeps a signal handler
//! (which i386 runs on the same stack, with no red zone) from overwriting it.

use super::buffer::{self, slot};
use super::{words, Arch, Call};

pub(super) const ARCH: Arch = Arch {
    name: "i686_on_64bit",
    summary: "Kernel convention (32-bit process, 64-bit kernel): number in eax, the\n\
              address of a buffer holding each argument as a 64-bit value in ecx,\n\
              `int $0x80`; the errno in eax (0 on success), the results in the first\n\
              two 64-bit slots of the buffer.",
    directives: &[],
    align: "2, 0x90",
    type_prefix: '@',
    stub,
};

/// The caller's first argument, above the saved ebp and the return address.
const FIRST_ARGUMENT: u64 = 8;

fn stub(call: &Call) -> Result<Vec<String>, String> {
    let buffer = buffer::layout(call)?;
    let base = -(buffer.bytes() as i64);
    let mut asm = vec![
        "push %ebp".to_string(),
        "mov %esp, %ebp".to_string(),
        format!("sub ${}, %esp", buffer.bytes()),
    ];
    let mut argument = FIRST_ARGUMENT;
    for (i, size) in call.inputs.iter().enumerate() {
        let to = base + slot(i) as i64;
        asm.extend(copy_in(argument, size.m32, to));
        argument += 4 * words(size.m32);
    }
    asm.push(format!("mov ${}, %eax", call.number));
    asm.push("mov %esp, %ecx".to_string());
    asm.push("int $0x80".to_string());
    if call.noreturn {
        // Should the kernel ever come back, fault here rather than run into the next stub.
        asm.push("ud2".to_string());
        return Ok(asm);
    }
    if !call.outputs.is_empty() {
        asm.push("test %eax, %eax".to_string());
        asm.push("jnz 1f".to_string());
        for (i, size) in call.outputs.iter().enumerate() {
            // The out-pointers follow the inputs in the caller's frame.
            asm.push(format!("mov {}(%ebp), %ecx", argument + 4 * i as u64));
            let from = base + slot(i) as i64;
            asm.extend(copy_out(from, size.m32));
        }
        asm.push("1:".to_string());
    }
    asm.push("leave".to_string());
    asm.push("ret".to_string());
    Ok(asm)
}

/// Copies the argument at `from(%ebp)` of `size` bytes into the slot at `to(%ebp)`,
/// zero-extending it to 64 bits.
fn copy_in(from: u64, size: u64, to: i64) -> Vec<String> {
    let load = match size {
        1 => "movzbl",
        2 => "movzwl",
        _ => "mov",
    };
    let mut asm = vec![
        format!("{load} {from}(%ebp), %ecx"),
        format!("mov %ecx, {to}(%ebp)"),
    ];
    if size == 8 {
        asm.push(format!("mov {}(%ebp), %ecx", from + 4));
        asm.push(format!("mov %ecx, {}(%ebp)", to + 4));
    } else {
        asm.push(format!("movl $0, {}(%ebp)", to + 4));
    }
    asm
}

/// Copies `size` bytes from the slot at `from(%ebp)` to where ecx points, through edx.
fn copy_out(from: i64, size: u64) -> Vec<String> {
    match size {
        1 => vec![
            format!("mov {from}(%ebp), %dl"),
            "mov %dl, (%ecx)".to_string(),
        ],
        2 => vec![
            format!("mov {from}(%ebp), %dx"),
            "mov %dx, (%ecx)".to_string(),
        ],
        4 => vec![
            format!("mov {from}(%ebp), %edx"),
            "mov %edx, (%ecx)".to_string(),
        ],
        _ => vec![
            format!("mov {from}(%ebp), %edx"),
            "mov %edx, (%ecx)".to_string(),
            format!("mov {}(%ebp), %edx", from + 4),
            "mov %edx, 4(%ecx)".to_string(),
        ],
    }
}
