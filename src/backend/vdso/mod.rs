//! vDSO backend: for each of six architecture variants, one assembly file with a global
//! function `cloudabi_sys_<name>` per syscall. Each function takes the syscall's C
//! arguments, makes the system call in the kernel's convention for that architecture, and
//! turns the kernel's answer into the C return value (an errno, 0 on success) and the
//! out-parameters.
//!
//! Each architecture's rules live in one module of their own (`x86_64`, `aarch64`, `i686`,
//! `armv6`, and `i686_on_64bit`/`armv6_on_64bit` for 32-bit code on a 64-bit kernel, which
//! share the argument buffer in `buffer`). This module holds what they all use: the view
//! of a syscall they work from ([`Call`]) and the file around the stubs.
//!
//! The files assemble as they are, with or without the C preprocessor: comments are
//! `/* */`, which every assembler and cpp accept, and every directive is written out.
//! A syscall whose shape an architecture cannot express (say, more arguments than its
//! kernel takes) gets a `.error` directive instead of a body, so assembling fails loudly
//! rather than producing a stub that passes garbage.

mod aarch64;
mod armv6;
mod armv6_on_64bit;
mod buffer;
mod i686;
mod i686_on_64bit;
mod x86_64;

#[cfg(test)]
mod tests;

use super::{banner, OutputFile};
use crate::ir::{Direction, Ir, Machine, Pair, Syscall};
use crate::naming::c::CNaming;
use std::fmt::Write as _;

/// The variants, in the order their files are listed; each writes `vdso/<name>.S`.
const ARCHES: [&Arch; 6] = [
    &aarch64::ARCH,
    &armv6::ARCH,
    &armv6_on_64bit::ARCH,
    &i686::ARCH,
    &i686_on_64bit::ARCH,
    &x86_64::ARCH,
];

/// The names of the variants: `vdso/<name>.S` is each one's file.
pub fn variants() -> impl Iterator<Item = &'static str> {
    ARCHES.iter().map(|a| a.name)
}

pub fn generate(ir: &Ir) -> Vec<OutputFile> {
    ARCHES
        .iter()
        .map(|arch| OutputFile::new(format!("vdso/{}.S", arch.name), file(ir, arch)))
        .collect()
}

/// How one architecture variant writes its file and its stubs.
struct Arch {
    /// The file's stem and the variant's name.
    name: &'static str,
    /// The kernel convention in a few lines, for the comment at the top of the file.
    summary: &'static str,
    /// Directives that set the assembler up, after `.text`.
    directives: &'static [&'static str],
    /// Operands of `.p2align` before each function.
    align: &'static str,
    /// How this assembler spells the `function` symbol type and the `progbits` section
    /// type (`@` starts a comment on ARM, so ARM uses `%`).
    type_prefix: char,
    /// The instructions of one stub, or why this variant cannot express the syscall.
    stub: fn(&Call) -> Result<Vec<String>, String>,
}

/// What a stub needs to know about a syscall: its number and the sizes of its C-level
/// arguments on both machines (taken from the IR, never recomputed).
#[derive(Debug, Clone)]
struct Call {
    number: u32,
    noreturn: bool,
    /// Sizes of the input arguments, in C order.
    inputs: Vec<Pair<u64>>,
    /// Sizes of the values the out-pointers point at; in C, the out-pointers follow the
    /// inputs in this order.
    outputs: Vec<Pair<u64>>,
}

impl Call {
    fn new(syscall: &Syscall) -> Result<Call, String> {
        let mut call = Call {
            number: syscall.number,
            noreturn: syscall.noreturn,
            inputs: Vec::new(),
            outputs: Vec::new(),
        };
        for param in &syscall.params {
            match param.direction {
                Direction::In if !call.outputs.is_empty() => {
                    return Err(format!("input `{}` follows an output", param.name))
                }
                Direction::In => call.inputs.push(param.layout.size),
                Direction::Out => call.outputs.push(param.layout.size),
            }
        }
        Ok(call)
    }

    /// Fails unless every input is passed by value in 1 to `max` bytes on `machine`.
    fn inputs_fit(&self, machine: Machine, max: u64) -> Result<(), String> {
        match self
            .inputs
            .iter()
            .map(|s| s.get(machine))
            .find(|&s| s == 0 || s > max)
        {
            Some(size) => Err(format!(
                "an input of {size} bytes on the {}-bit machine; at most {max} are supported",
                machine.bits()
            )),
            None => Ok(()),
        }
    }

    /// Fails unless there are at most two outputs (the kernel returns two values) and
    /// each is a 1, 2, 4 or 8-byte value on `machine`.
    fn outputs_fit(&self, machine: Machine) -> Result<(), String> {
        if self.outputs.len() > 2 {
            return Err(format!(
                "{} outputs, but the kernel returns at most 2",
                self.outputs.len()
            ));
        }
        match self
            .outputs
            .iter()
            .map(|s| s.get(machine))
            .find(|s| ![1, 2, 4, 8].contains(s))
        {
            Some(size) => Err(format!("an output of {size} bytes is not supported")),
            None => Ok(()),
        }
    }
}

/// The 4-byte words a value of `size` bytes takes on a 32-bit machine.
fn words(size: u64) -> u64 {
    size.div_ceil(4)
}

fn file(ir: &Ir, arch: &Arch) -> String {
    // Stubs take up to about 500 bytes each (the 32-bit-on-64-bit ones are the longest).
    let mut out = String::with_capacity(2048 + 512 * ir.syscalls.len());
    let head = banner(ir, "/* ");
    out.push_str(head.trim_end_matches('\n'));
    out.push_str(" */\n\n/*\n");
    let _ = writeln!(
        out,
        " * CloudABI vDSO for {}: one function cloudabi_sys_<name> per system call,",
        arch.name
    );
    out.push_str(" * called with the C arguments, returning 0 or an errno.\n *\n");
    for line in arch.summary.lines() {
        out.push_str(" *");
        if !line.trim_end().is_empty() {
            out.push(' ');
            out.push_str(line.trim_end());
        }
        out.push('\n');
    }
    out.push_str(" */\n\n\t.text\n");
    for directive in arch.directives {
        instruction(&mut out, directive);
    }
    for syscall in &ir.syscalls {
        out.push('\n');
        stub(&mut out, arch, syscall);
    }
    let t = arch.type_prefix;
    let _ = writeln!(out, "\n\t.section\t.note.GNU-stack,\"\",{t}progbits");
    out
}

fn stub(out: &mut String, arch: &Arch, syscall: &Syscall) {
    // Always `cloudabi_sys_*`: the native naming has no machine-dependent prefix.
    let symbol = CNaming::NATIVE.syscall_name(syscall);
    let body = Call::new(syscall)
        .and_then(|call| (arch.stub)(&call))
        .unwrap_or_else(|why| vec![format!(".error \"{symbol}: {why}\"")]);
    let t = arch.type_prefix;
    let _ = writeln!(out, "/* {} */", signature(syscall));
    let _ = writeln!(out, "\t.globl\t{symbol}");
    let _ = writeln!(out, "\t.type\t{symbol}, {t}function");
    let _ = writeln!(out, "\t.p2align\t{}", arch.align);
    let _ = writeln!(out, "{symbol}:");
    for line in &body {
        if line.ends_with(':') {
            out.push_str(line);
            out.push('\n');
        } else {
            instruction(out, line);
        }
    }
    let _ = writeln!(out, "\t.size\t{symbol}, . - {symbol}");
}

/// An instruction line: indented, with a tab between mnemonic and operands.
fn instruction(out: &mut String, text: &str) {
    out.push('\t');
    match text.split_once(' ') {
        Some((mnemonic, operands)) => {
            out.push_str(mnemonic);
            out.push('\t');
            out.push_str(operands);
        }
        None => out.push_str(text),
    }
    out.push('\n');
}

/// `8: fd_pread(fd, iovs, iovs_len, offset, out nread)`, `39: proc_exit(rval), noreturn`.
fn signature(syscall: &Syscall) -> String {
    let params: Vec<String> = syscall
        .params
        .iter()
        .map(|p| match p.direction {
            Direction::In => p.name.clone(),
            Direction::Out => format!("out {}", p.name),
        })
        .collect();
    let noreturn = if syscall.noreturn { ", noreturn" } else { "" };
    format!(
        "{}: {}({}){noreturn}",
        syscall.number,
        syscall.name.name,
        params.join(", ")
    )
}
