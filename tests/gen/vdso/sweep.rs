//! Generates C that calls every syscall of a spec through its stub, with distinct values
//! of each argument's size, against the fake kernel of tests/gen/vdso/c/sud.h: once answered
//! with results and once with an error. Each argument is checked where the convention
//! delivers it and each output byte for byte, with guard bytes after it.

use cloudabi_gen::ir::{Direction, Ir, Machine, Syscall};

/// Where the fake kernel finds the arguments and puts the results.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Convention {
    /// x86_64: argument i in the i-th kernel register, results in rax and rdx, carry
    /// and the errno in rax on failure.
    Registers,
    /// i686_on_64bit: argument i zero-extended in 64-bit slot i, results in slots 0
    /// and 1, the errno in eax.
    Slots,
    /// i686: the arguments in 4-byte words on the stack above the return address, the
    /// results word by word in eax and edx, carry and the errno in eax on failure.
    Stack,
}

impl Convention {
    fn machine(self) -> Machine {
        match self {
            Convention::Registers => Machine::Bits64,
            Convention::Slots | Convention::Stack => Machine::Bits32,
        }
    }
}

/// The errno the failing call is answered with.
const ERRNO: u64 = 35;
/// What the fake kernel leaves where nothing meaningful is.
const JUNK: u64 = 0x6666_6666_6666_6666;
/// What output buffers are filled with before a call.
const UNTOUCHED: u64 = 0xeeee_eeee_eeee_eeee;

/// The C source of a test program for every syscall of `ir`.
pub(super) fn source(ir: &Ir, convention: Convention) -> String {
    let mut c = String::from("#include \"sud.h\"\n#include <string.h>\n\n");
    c.push_str("typedef uint16_t errno_t;\n\n");
    let mut forks = String::new();
    let mut runs = String::new();
    for syscall in &ir.syscalls {
        let case = Case::new(syscall, convention);
        c.push_str(&case.prototype());
        if syscall.noreturn {
            c.push_str(&case.noreturn_caller());
            forks.push_str(&case.noreturn_check());
        } else {
            c.push_str(&case.test());
            runs.push_str(&format!("\tRUN(test_{});\n", case.name));
        }
    }
    // The noreturn checks fork; they run before dispatch is on in this process.
    c.push_str("int main(void)\n{\n\tsetvbuf(stdout, NULL, _IONBF, 0);\n");
    if convention == Convention::Stack {
        c.push_str("\tsud_slots = 0;\n");
    }
    c.push_str(&forks);
    c.push_str("\tsud_start();\n");
    c.push_str(&runs);
    c.push_str("\treturn finish();\n}\n");
    c
}

/// One syscall as the generated test sees it.
struct Case<'a> {
    syscall: &'a Syscall,
    name: &'a str,
    convention: Convention,
    /// Sizes on the convention's machine.
    inputs: Vec<u64>,
    outputs: Vec<u64>,
}

impl<'a> Case<'a> {
    fn new(syscall: &'a Syscall, convention: Convention) -> Case<'a> {
        let sizes = |direction: Direction| -> Vec<u64> {
            syscall
                .params
                .iter()
                .filter(|p| p.direction == direction)
                .map(|p| p.layout.size.get(convention.machine()))
                .collect()
        };
        Case {
            syscall,
            name: &syscall.name.name,
            convention,
            inputs: sizes(Direction::In),
            outputs: sizes(Direction::Out),
        }
    }

    /// Inputs as unsigned integers of their size, outputs as `void *`.
    fn prototype(&self) -> String {
        let mut params: Vec<&str> = self.inputs.iter().map(|&s| c_type(s)).collect();
        params.extend(self.outputs.iter().map(|_| "void *"));
        let params = if params.is_empty() {
            "void".to_string()
        } else {
            params.join(", ")
        };
        let returns = if self.syscall.noreturn {
            "void"
        } else {
            "errno_t"
        };
        format!("{returns} cloudabi_sys_{}({params});\n", self.name)
    }

    /// The call expression: distinct input values, then the output buffers.
    fn call(&self) -> String {
        let mut args: Vec<String> = self
            .inputs
            .iter()
            .enumerate()
            .map(|(i, &s)| format!("({})0x{:x}ull", c_type(s), pattern(i)))
            .collect();
        args.extend((0..self.outputs.len()).map(|i| format!("out{i}")));
        format!("cloudabi_sys_{}({})", self.name, args.join(", "))
    }

    fn noreturn_caller(&self) -> String {
        format!(
            "static void call_{}(void)\n{{\n\t{};\n}}\n\n",
            self.name,
            self.call()
        )
    }

    fn noreturn_check(&self) -> String {
        let first = self.inputs.first().map_or(0, |&s| truncate(pattern(0), s));
        format!(
            "\tcheck_noreturn(\"{0}\", {1}, 0x{first:x}ull, call_{0});\n",
            self.name, self.syscall.number
        )
    }

    fn test(&self) -> String {
        let mut c = format!("static void test_{}(void)\n{{\n", self.name);
        for i in 0..self.outputs.len() {
            c.push_str(&format!("\tunsigned char out{i}[16];\n"));
        }
        c.push_str("\terrno_t e;\n\tstruct reply r;\n");
        if !self.outputs.is_empty() {
            c.push_str("\tuint64_t got;\n\tsize_t i;\n");
        }
        c.push_str(&self.round(false));
        c.push_str(&self.round(true));
        c.push_str("}\n\n");
        c
    }

    /// One call, answered with results or with an error, and its checks.
    fn round(&self, failing: bool) -> String {
        let mut c = String::new();
        for i in 0..self.outputs.len() {
            c.push_str(&format!("\tmemset(out{i}, 0xee, sizeof(out{i}));\n"));
        }
        c.push_str(&self.reply(failing));
        c.push_str(&format!(
            "\tsud_arm(&r);\n\te = {};\n\tsud_disarm();\n",
            self.call()
        ));
        c.push_str(&format!("\tCHECK_TRAP({});\n", self.syscall.number));
        c.push_str(&self.input_checks());
        let errno = if failing { ERRNO } else { 0 };
        c.push_str(&format!("\tCHECK(\"return value\", e, {errno});\n"));
        c.push_str(&self.output_checks(failing));
        c
    }

    /// The fake kernel's answer. With no outputs, success is 0 in rax or eax; in the
    /// slot convention the carry flag means nothing, so it is set opposite to the
    /// outcome.
    fn reply(&self, failing: bool) -> String {
        let (r0, r1) = (pattern(10), pattern(11));
        // (rax/eax, rdx/edx, carry, write the slots, slot 0, slot 1)
        let (a, d, carry, write, s0, s1) = match (self.convention, failing) {
            (Convention::Registers, false) if self.outputs.is_empty() => (0, JUNK, 0, 0, 0, 0),
            (Convention::Registers, false) => (r0, r1, 0, 0, 0, 0),
            (Convention::Registers, true) => (ERRNO, JUNK, 1, 0, 0, 0),
            (Convention::Slots, false) => (0, JUNK, 1, 1, r0, r1),
            (Convention::Slots, true) => (ERRNO, JUNK, 0, 1, JUNK, JUNK),
            (Convention::Stack, false) if self.outputs.is_empty() => (0, JUNK, 0, 0, 0, 0),
            (Convention::Stack, false) => (r0, r1, 0, 0, 0, 0),
            (Convention::Stack, true) => (ERRNO, JUNK, 1, 0, 0, 0),
        };
        format!(
            "\tr = (struct reply){{{{0x{a:x}ull, 0x{d:x}ull}}, {carry}, {write}, \
             {{0x{s0:x}ull, 0x{s1:x}ull}}}};\n"
        )
    }

    fn input_checks(&self) -> String {
        let mut c = String::new();
        let mut word = 0;
        for (i, &size) in self.inputs.iter().enumerate() {
            let (place, got) = match self.convention {
                Convention::Registers => (
                    format!("register {i}"),
                    format!("({})trap.args[{i}]", c_type(size)),
                ),
                Convention::Slots => (format!("slot {i}"), format!("trap.slots[{i}]")),
                Convention::Stack if size == 8 => (
                    format!("stack words {word} and {}", word + 1),
                    format!(
                        "((uint64_t)trap.stack[{}] << 32 | trap.stack[{word}])",
                        word + 1
                    ),
                ),
                Convention::Stack => (
                    format!("stack word {word}"),
                    format!("({})trap.stack[{word}]", c_type(size)),
                ),
            };
            word += size.div_ceil(4);
            let want = truncate(pattern(i), size);
            c.push_str(&format!(
                "\tCHECK(\"input {i} in {place}\", {got}, 0x{want:x}ull);\n"
            ));
        }
        c
    }

    /// What output `i` holds after a successful call: the low bytes of its result, or
    /// on i686 of the result words it takes from eax and edx in turn.
    fn result(&self, i: usize) -> u64 {
        if self.convention != Convention::Stack {
            return pattern(10 + i);
        }
        let words = [pattern(10) & 0xffff_ffff, pattern(11) & 0xffff_ffff];
        let first: u64 = self.outputs[..i].iter().map(|s| s.div_ceil(4)).sum();
        let low = words.get(first as usize).copied().unwrap_or(0);
        let high = words.get(first as usize + 1).copied().unwrap_or(0);
        low | high << 32
    }

    /// Each output holds its result's low bytes (or is untouched on failure), and the
    /// bytes after it are untouched either way.
    fn output_checks(&self, failing: bool) -> String {
        let mut c = String::new();
        for (i, &size) in self.outputs.iter().enumerate() {
            let want = truncate(if failing { UNTOUCHED } else { self.result(i) }, size);
            c.push_str(&format!("\tgot = 0;\n\tmemcpy(&got, out{i}, {size});\n"));
            c.push_str(&format!("\tCHECK(\"output {i}\", got, 0x{want:x}ull);\n"));
            c.push_str(&format!(
                "\tfor (i = {size}; i < sizeof(out{i}); i++)\n\
                 \t\tCHECK(\"guard after output {i}\", out{i}[i], 0xee);\n"
            ));
        }
        c
    }
}

/// The unsigned C type of `size` bytes. Structs passed by value (8 bytes) travel the
/// same way as a 64-bit integer on both machines.
fn c_type(size: u64) -> &'static str {
    match size {
        1 => "uint8_t",
        2 => "uint16_t",
        4 => "uint32_t",
        _ => "uint64_t",
    }
}

/// A distinct value for argument or result `i`, to be truncated to its size.
fn pattern(i: usize) -> u64 {
    0x8070_6050_4030_2010 ^ (0x0101_0101_0101_0101 * (i as u64 + 1))
}

/// The low `size` bytes of a value.
fn truncate(value: u64, size: u64) -> u64 {
    if size >= 8 {
        value
    } else {
        value & ((1 << (8 * size)) - 1)
    }
}
