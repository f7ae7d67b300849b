//! i686. C passes every argument on the stack, in 4-byte words (a 64-bit value takes two,
//! low word first, with no padding). The kernel reads the arguments from that same stack,
//! so the stub leaves them alone: it puts the syscall number in eax and traps with
//! `int $0x80`. The kernel answers in eax and edx, with the carry flag set on failure and
//! the errno in eax.
//!
//! The results fill eax and then edx word by word, so the outputs together take at most
//! two words. On success each out-pointer is loaded from the caller's frame into ecx and
//! the result stored through it, and eax becomes 0.

use super::{words, Arch, Call};
use crate::ir::Machine;

pub(super) const ARCH: Arch = Arch {
    name: "i686",
    summary: "Kernel convention: number in eax, arguments where C put them on the stack,\n\
              `int $0x80`; carry set on failure with the errno in eax, otherwise the\n\
              results in eax and edx (a 64-bit result takes both).",
    directives: &[],
    align: "2, 0x90",
    type_prefix: '@',
    stub,
};

/// The registers results arrive in, one word each, in order.
const RESULTS: [Result32; 2] = [
    Result32 {
        word: "%eax",
        half: "%ax",
        byte: "%al",
    },
    Result32 {
        word: "%edx",
        half: "%dx",
        byte: "%dl",
    },
];

struct Result32 {
    word: &'static str,
    half: &'static str,
    byte: &'static str,
}

fn stub(call: &Call) -> Result<Vec<String>, String> {
    call.inputs_fit(Machine::Bits32, 8)?;
    call.outputs_fit(Machine::Bits32)?;
    let result_words: u64 = call.outputs.iter().map(|s| words(s.m32)).sum();
    if result_words > 2 {
        return Err(format!(
            "the outputs take {result_words} words, but the kernel returns 2"
        ));
    }
    let mut asm = vec![
        format!("mov ${}, %eax", call.number),
        "int $0x80".to_string(),
    ];
    if call.noreturn {
        // Should the kernel ever come back, fault here rather than run into the next stub.
        asm.push("ud2".to_string());
        return Ok(asm);
    }
    if call.outputs.is_empty() {
        asm.push("ret".to_string());
        return Ok(asm);
    }
    asm.push("jc 1f".to_string());
    let input_words: u64 = call.inputs.iter().map(|s| words(s.m32)).sum();
    let mut results = RESULTS.iter();
    for (i, size) in call.outputs.iter().enumerate() {
        // Above the return address come the input words, then the out-pointers.
        let offset = 4 + 4 * (input_words + i as u64);
        asm.push(format!("mov {offset}(%esp), %ecx"));
        for (word, result) in (0..words(size.m32)).zip(&mut results) {
            let register = match size.m32 {
                1 => result.byte,
                2 => result.half,
                _ => result.word,
            };
            asm.push(format!("mov {register}, {}(%ecx)", displacement(4 * word)));
        }
    }
    asm.push("xor %eax, %eax".to_string());
    asm.push("1:".to_string());
    asm.push("ret".to_string());
    Ok(asm)
}

/// `(%ecx)` rather than `0(%ecx)` for the first word.
fn displacement(offset: u64) -> String {
    if offset == 0 {
        String::new()
    } else {
        offset.to_string()
    }
}
