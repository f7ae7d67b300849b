//! One call of one stub: the values it is made with, the caller's side of it (registers
//! and stack per the C ABI), the kernel's answer, and every check of what happened. The
//! syscall's number, its parameters' sizes and alignments and which are outputs come
//! from the IR; the values are the test's own.

use super::abi::{self, Arg, Place};
use super::kernel::{Reply, Trap, SVC_0, SWI_0};
use super::machine::{Machine, Observation, Setup, CELLS, CELL_SIZE, STACK, STACK_SIZE};
use super::Variant;
use cloudabi_gen::ir::{Direction, Machine as Bits, Syscall};

/// The values of one call.
#[derive(Clone, Debug)]
pub(super) struct Values {
    /// One per input; only the low bytes of the input's size are meaningful.
    pub inputs: Vec<u64>,
    /// What a caller leaves in the bits the ABI does not specify.
    pub unspecified: u64,
    /// The kernel's result words, or its errno.
    pub results: [u64; 2],
    pub errno: Option<u64>,
    /// Junk the kernel leaves behind, and its N, Z, V flags.
    pub junk: u64,
    pub nzv: u64,
    /// sp at the call.
    pub sp: u64,
    /// Where in its cell each out-pointer points.
    pub out_offsets: Vec<u64>,
    /// What the cells are filled with before the call.
    pub fill: u8,
}

impl Values {
    /// Distinct, recognisable values: every byte of every value differs from its
    /// neighbours and from the same byte of the other values.
    pub(super) fn fixed(syscall: &Syscall, failing: bool) -> Values {
        let pattern = |i: u64| 0x8877_6655_4433_2211 ^ (0x1010_1010_1010_1010 * (i + 1));
        let inputs = inputs(syscall).count() as u64;
        Values {
            inputs: (0..inputs).map(pattern).collect(),
            unspecified: 0xdead_beef_dead_beef,
            results: [pattern(10), pattern(11)],
            errno: failing.then_some(35),
            junk: 0x6666_7777_6666_7777,
            nzv: if failing { 0 } else { 0xd000_0000 },
            sp: STACK + STACK_SIZE / 2,
            out_offsets: outputs(syscall).map(|_| 16).collect(),
            fill: 0xee,
        }
    }

    /// Random values from `rng`, errno and all; sp and the out-pointers at random
    /// addresses aligned as the ABI and the outputs' types require.
    pub(super) fn random(syscall: &Syscall, variant: Variant, rng: &mut Rng) -> Values {
        let inputs = inputs(syscall).map(|_| rng.next()).collect();
        let sp_align = if variant.is_64bit() { 16 } else { 8 };
        let margin = 0x2000;
        let sp = STACK + margin + sp_align * rng.below((STACK_SIZE - 2 * margin) / sp_align);
        let machine = variant.machine();
        let out_offsets = outputs(syscall)
            .map(|p| {
                let size = p.layout.size.get(machine);
                16 + size * rng.below(4)
            })
            .collect();
        Values {
            inputs,
            unspecified: rng.next(),
            results: [rng.next(), rng.next()],
            errno: (rng.below(2) == 0).then(|| 1 + rng.below(0xffff)),
            junk: rng.next(),
            nzv: rng.next() & 0xd000_0000,
            sp,
            out_offsets,
            fill: rng.next() as u8,
        }
    }
}

fn inputs(syscall: &Syscall) -> impl Iterator<Item = &cloudabi_gen::ir::Param> {
    syscall
        .params
        .iter()
        .filter(|p| p.direction == Direction::In)
}

fn outputs(syscall: &Syscall) -> impl Iterator<Item = &cloudabi_gen::ir::Param> {
    syscall
        .params
        .iter()
        .filter(|p| p.direction == Direction::Out)
}

/// One input as the IR lays it out.
struct Input {
    /// Size and alignment on the variant's machine: what C passes.
    arg: Arg,
    /// Size on the 64-bit machine: what a 64-bit kernel reads from a slot.
    size64: u64,
    value: u64,
}

/// A call of `syscall`'s stub on `variant` with `values`.
pub(super) struct Case<'a> {
    pub syscall: &'a Syscall,
    pub variant: Variant,
    pub values: Values,
    inputs: Vec<Input>,
    /// Sizes of the values behind the out-pointers on the variant's machine.
    outputs: Vec<u64>,
}

impl<'a> Case<'a> {
    pub(super) fn new(syscall: &'a Syscall, variant: Variant, values: Values) -> Case<'a> {
        let machine = variant.machine();
        let inputs = inputs(syscall)
            .zip(&values.inputs)
            .map(|(p, &value)| {
                let size = p.layout.size.get(machine);
                Input {
                    arg: Arg {
                        size,
                        align: p.layout.align.get(machine),
                    },
                    size64: p.layout.size.get(Bits::Bits64),
                    value: truncate(value, size),
                }
            })
            .collect();
        let outputs = outputs(syscall)
            .map(|p| p.layout.size.get(machine))
            .collect();
        Case {
            syscall,
            variant,
            values,
            inputs,
            outputs,
        }
    }

    pub(super) fn stub(&self) -> String {
        format!("cloudabi_sys_{}", self.syscall.name.name)
    }

    fn failing(&self) -> bool {
        self.values.errno.is_some()
    }

    /// Runs the call on `machine` and returns every check that failed.
    pub(super) fn run(&self, machine: &mut Machine) -> Vec<String> {
        let observation = machine.call(&self.stub(), &self.setup());
        self.check(&observation)
    }

    fn pointer_size(&self) -> u64 {
        if self.variant.is_64bit() {
            8
        } else {
            4
        }
    }

    fn out_pointer(&self, i: usize) -> u64 {
        CELLS + CELL_SIZE * i as u64 + self.values.out_offsets[i]
    }

    /// The C arguments: inputs, then one pointer per output.
    fn args(&self) -> Vec<(Arg, u64)> {
        let pointer = Arg {
            size: self.pointer_size(),
            align: self.pointer_size(),
        };
        let mut args: Vec<(Arg, u64)> = self.inputs.iter().map(|i| (i.arg, i.value)).collect();
        args.extend((0..self.outputs.len()).map(|i| (pointer, self.out_pointer(i))));
        args
    }

    /// Where the kernel finds each input: per input, the places of its words (one place
    /// holding the whole value on aarch64).
    fn places(&self) -> Vec<Vec<Place>> {
        let args: Vec<Arg> = self.args().iter().map(|(a, _)| *a).collect();
        if self.variant.is_64bit() {
            abi::aapcs64(&args).into_iter().map(|p| vec![p]).collect()
        } else {
            abi::aapcs32(&args)
        }
    }

    fn setup(&self) -> Setup {
        let mut registers = Vec::new();
        let mut stack = Vec::new();
        for ((arg, value), places) in self.args().into_iter().zip(self.places()) {
            if self.variant.is_64bit() {
                // AAPCS64 leaves the bits above a narrow argument unspecified.
                let bits = value | (self.values.unspecified & !mask(arg.size));
                match places[0] {
                    Place::Register(n) => registers.push((n as usize, bits)),
                    Place::Stack(offset) => stack.push((offset, bits.to_le_bytes().to_vec())),
                }
                continue;
            }
            // AAPCS extends a narrow argument to a word (all of ours are unsigned).
            for (w, place) in places.into_iter().enumerate() {
                let word = (value >> (32 * w)) & 0xffff_ffff;
                match place {
                    Place::Register(n) => registers.push((n as usize, word)),
                    Place::Stack(offset) => {
                        stack.push((offset, (word as u32).to_le_bytes().to_vec()))
                    }
                }
            }
        }
        registers.extend(callee_saved(self.variant));
        let results = if self.outputs.is_empty() {
            // A call without results leaves the kernel's default first result, 0.
            [0, self.values.results[1]]
        } else {
            self.values.results
        };
        Setup {
            registers,
            sp: self.values.sp,
            stack,
            cell_fill: self.values.fill,
            cells: self.outputs.len(),
            reply: Reply {
                errno: self.values.errno,
                results,
                junk: self.values.junk,
                nzv: self.values.nzv,
                scribble_below_sp: self.variant.moves_sp(),
            },
        }
    }

    fn check(&self, seen: &Observation) -> Vec<String> {
        let mut failures = Vec::new();
        let mut fail = |what: String| failures.push(what);
        match seen.traps.as_slice() {
            [trap] => self.check_trap(trap, &mut fail),
            traps => fail(format!("{} traps, expected one", traps.len())),
        }
        if let Some(error) = &seen.error {
            fail(format!("{error} at pc {:#x}", seen.pc));
        }
        if self.syscall.noreturn {
            self.check_no_return(seen, &mut fail);
        } else {
            self.check_return(seen, &mut fail);
        }
        failures
    }

    fn check_trap(&self, trap: &Trap, fail: &mut impl FnMut(String)) {
        let expected = if self.variant.is_64bit() {
            SVC_0
        } else {
            SWI_0
        };
        if trap.instruction != expected {
            fail(format!(
                "trap instruction {:#010x} at {:#x}, expected {expected:#010x}",
                trap.instruction, trap.at
            ));
        }
        for problem in &trap.problems {
            fail(problem.clone());
        }
        compare(
            fail,
            "syscall number".into(),
            trap.number,
            u64::from(self.syscall.number),
        );
        if let Some(buffer) = trap.buffer {
            if buffer % 8 != 0 {
                fail(format!("the slot buffer at {buffer:#x} is not 8-aligned"));
            }
        }
        let places = self.places();
        for (i, input) in self.inputs.iter().enumerate() {
            let (where_, got, size) = match self.variant {
                Variant::Aarch64 => match places[i][0] {
                    Place::Register(n) => (
                        format!("x{n}"),
                        trap.args.get(n as usize).copied(),
                        input.arg.size,
                    ),
                    Place::Stack(_) => ("the stack".into(), None, input.arg.size),
                },
                Variant::Armv6 => {
                    let words: Vec<u64> = places[i].iter().map(|&p| kernel_word(p)).collect();
                    let got = words.iter().rev().try_fold(0u64, |acc, &w| {
                        trap.args.get(w as usize).map(|&word| acc << 32 | word)
                    });
                    (format!("argument words {words:?}"), got, input.arg.size)
                }
                // The kernel reads a 64-bit slot as the 64-bit machine's type.
                Variant::Armv6On64bit => {
                    (format!("slot {i}"), trap.args.get(i).copied(), input.size64)
                }
            };
            let what = format!("input {i} ({} bytes) in {where_}", input.arg.size);
            match got {
                Some(got) => compare(fail, what, truncate(got, size), input.value),
                None => fail(format!("{what}: the kernel does not read it")),
            }
        }
    }

    fn check_return(&self, seen: &Observation, fail: &mut impl FnMut(String)) {
        if !seen.returned {
            let why = seen.stopped.as_ref().map_or("", |s| s.why.as_str());
            fail(format!("did not return (pc {:#x}) {why}", seen.pc));
            return;
        }
        // errno_t is 16 bits: AAPCS64 leaves the bits above unspecified, AAPCS has the
        // callee extend it to a word.
        let width = if self.variant.is_64bit() { 2 } else { 4 };
        let want = self.values.errno.unwrap_or(0);
        compare(
            fail,
            "return value".into(),
            truncate(seen.registers[0], width),
            want,
        );
        compare(fail, "sp after return".into(), seen.sp, self.values.sp);
        let registers = &seen.registers;
        for (n, want) in callee_saved(self.variant) {
            compare(
                fail,
                format!("callee-saved register {n}"),
                registers[n],
                want,
            );
        }
        for (i, &size) in self.outputs.iter().enumerate() {
            let mut want = vec![self.values.fill; CELL_SIZE as usize];
            if !self.failing() {
                let at = self.values.out_offsets[i] as usize;
                let bytes = self.result(i).to_le_bytes();
                want[at..at + size as usize].copy_from_slice(&bytes[..size as usize]);
            }
            if seen.cells[i] != want {
                fail(format!(
                    "output {i} ({size} bytes at offset {}): cell is {}, expected {}",
                    self.values.out_offsets[i],
                    hex(&seen.cells[i]),
                    hex(&want)
                ));
            }
        }
    }

    fn check_no_return(&self, seen: &Observation, fail: &mut impl FnMut(String)) {
        let after = seen.traps.first().map(|t| t.at + 4);
        match &seen.stopped {
            Some(stop) if stop.exception && Some(stop.pc) == after => {}
            Some(stop) => fail(format!(
                "after the trap: {} at {:#x}, expected a fault right after the trap",
                stop.why, stop.pc
            )),
            None if seen.returned => fail("a noreturn stub returned".into()),
            None => fail(format!(
                "a noreturn stub did not fault after its trap (pc {:#x})",
                seen.pc
            )),
        }
    }

    /// What output `i` holds after success: on aarch64 result word i; on armv6 the
    /// 32-bit result words taken in turn (a 64-bit output takes two); on
    /// armv6_on_64bit the low bytes of 64-bit slot i.
    fn result(&self, i: usize) -> u64 {
        let results = self.values.results;
        if self.variant != Variant::Armv6 {
            return results[i];
        }
        let words = [results[0] & 0xffff_ffff, results[1] & 0xffff_ffff];
        let first: u64 = self.outputs[..i].iter().map(|s| s.div_ceil(4)).sum();
        let low = words.get(first as usize).copied().unwrap_or(0);
        let high = words.get(first as usize + 1).copied().unwrap_or(0);
        low | high << 32
    }
}

/// Which of the armv6 kernel's argument words a C argument word is: r0-r3 are words
/// 0-3, the stack words at sp follow.
fn kernel_word(place: Place) -> u64 {
    match place {
        Place::Register(n) => n,
        Place::Stack(offset) => 4 + offset / 4,
    }
}

/// Callee-saved registers and the values the caller keeps in them: x19-x29 (AAPCS64),
/// r4-r11 (AAPCS).
fn callee_saved(variant: Variant) -> Vec<(usize, u64)> {
    let registers = if variant.is_64bit() { 19..30 } else { 4..12 };
    registers
        .map(|n| {
            let value = 0xc0de_0000_c0de_0000 | (n as u64 * 0x0001_0000_0001);
            let value = if variant.is_64bit() {
                value
            } else {
                value & 0xffff_ffff
            };
            (n, value)
        })
        .collect()
}

fn compare(fail: &mut impl FnMut(String), what: String, got: u64, want: u64) {
    if got != want {
        fail(format!("{what} is {got:#x}, expected {want:#x}"));
    }
}

fn mask(size: u64) -> u64 {
    if size >= 8 {
        u64::MAX
    } else {
        (1 << (8 * size)) - 1
    }
}

/// The low `size` bytes of a value.
pub(super) fn truncate(value: u64, size: u64) -> u64 {
    value & mask(size)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A small seeded generator (SplitMix64), so a sweep is reproduced from its seed.
pub(super) struct Rng(u64);

impl Rng {
    pub(super) fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub(super) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A value in `0..n`.
    pub(super) fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}
