//! Behaviour of the aarch64, armv6 and armv6_on_64bit vDSO stubs, run on this x86-64
//! machine by a CPU emulator (Unicorn, the `unicorn-engine` crate built for ARM and
//! AArch64 only).
//!
//! Each variant's file, for our spec and for the focused spec (tests/specs/vdso/
//! shapes.txt), comes straight from the backend and is assembled by clang, GNU as and
//! llvm-mc; the object's `.text` is loaded as it is, which is sound because the loader
//! proves the object carries no relocations (`machine`). Each stub is then called the
//! way C calls it on that architecture (`abi`: AAPCS64, or AAPCS for 32-bit ARM, with
//! junk wherever the standard leaves bits unspecified), and its `svc #0` / `swi 0` is
//! answered by a fake kernel (`kernel`) that reads and answers the call as FreeBSD's
//! CloudABI entry code does for that variant, only harsher. The checks (`case`) compare
//! what happened with the IR: the trap instruction and the syscall number, every input
//! where the kernel reads it and in the width it reads, the C return value, the bytes
//! behind each out-pointer (and the untouched bytes around them), sp and the
//! callee-saved registers after the return, and that a noreturn stub faults right after
//! its trap when the kernel comes back.
//!
//! Three kinds of runs per variant: every stub with fixed values and both answers
//! (success with result words, failure with carry set and an errno) on every
//! assembler's object; a seeded random sweep (random values, answers, errnos, stack and
//! out-pointer addresses, junk; `VDSO_ARM_SEED` picks the seed, which is printed); and
//! planted mutations of a stub copy that the checks must each catch (`mutations`).

mod abi;
mod case;
mod kernel;
mod machine;
mod mutations;

use crate::vdso::assemble::{assemble, target};
use crate::vdso::{both_specs, vdso_file};
use case::{Case, Rng, Values};
use cloudabi_gen::ir::{Ir, Machine as Bits};
use machine::Machine;

/// The ARM variants of the vDSO.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Variant {
    Aarch64,
    Armv6,
    Armv6On64bit,
}

impl Variant {
    /// The file stem: `vdso/<name>.S`.
    pub(super) fn name(self) -> &'static str {
        match self {
            Variant::Aarch64 => "aarch64",
            Variant::Armv6 => "armv6",
            Variant::Armv6On64bit => "armv6_on_64bit",
        }
    }

    /// The machine whose sizes C uses.
    pub(super) fn machine(self) -> Bits {
        match self {
            Variant::Aarch64 => Bits::Bits64,
            Variant::Armv6 | Variant::Armv6On64bit => Bits::Bits32,
        }
    }

    pub(super) fn is_64bit(self) -> bool {
        self == Variant::Aarch64
    }

    /// The stub keeps its frame above sp, so a signal arriving during the trap cannot
    /// overwrite it (the armv6 stubs store below sp instead: CloudABI delivers no
    /// asynchronous signals, and sp must stay where the stack arguments are).
    pub(super) fn moves_sp(self) -> bool {
        self != Variant::Armv6
    }
}

/// One spec's stubs for a variant, loaded once per assembler.
struct Loaded {
    spec: String,
    ir: Ir,
    machines: Vec<(&'static str, Machine)>,
}

/// Generates, assembles and loads `variant` for both specs with every assembler.
fn load(variant: Variant) -> Vec<Loaded> {
    let (arch, tools) = target(variant.name());
    let dir = tempfile::tempdir().expect("a temporary directory");
    both_specs()
        .into_iter()
        .map(|(spec, ir)| {
            let source = format!("{spec}_{}.S", variant.name());
            let file = vdso_file(&ir, variant.name());
            std::fs::write(dir.path().join(&source), &file.contents).expect("writing a source");
            let machines = tools
                .iter()
                .map(|tool| {
                    let stubs = assemble(tool, dir.path(), &source)
                        .and_then(|bytes| machine::load(&bytes, arch))
                        .unwrap_or_else(|e| panic!("{source} with {}: {e}", tool.program));
                    (tool.program, Machine::new(variant, stubs))
                })
                .collect();
            Loaded { spec, ir, machines }
        })
        .collect()
}

/// Every stub of both specs, with fixed values, answered with success and with an
/// error, on each assembler's object.
fn every_stub(variant: Variant) {
    let mut loaded = load(variant);
    assert_eq!(
        loaded[0].ir.syscalls.len(),
        49,
        "the default spec's syscalls"
    );
    let mut failures = Vec::new();
    let mut calls = 0;
    for Loaded { spec, ir, machines } in &mut loaded {
        for (assembler, machine) in machines.iter_mut() {
            for syscall in &ir.syscalls {
                for failing in [false, true] {
                    let case = Case::new(syscall, variant, Values::fixed(syscall, failing));
                    calls += 1;
                    for failure in case.run(machine) {
                        let answer = if failing { "error" } else { "success" };
                        failures.push(format!(
                            "{} ({spec} spec, {assembler}, {answer}): {failure}",
                            case.stub()
                        ));
                    }
                }
            }
        }
    }
    let stubs: usize = loaded.iter().map(|l| l.ir.syscalls.len()).sum();
    println!(
        "{}: {stubs} stubs x {} assemblers x 2 answers = {calls} calls",
        variant.name(),
        loaded[0].machines.len()
    );
    assert!(
        failures.is_empty(),
        "{} failed checks:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn aarch64_every_stub() {
    every_stub(Variant::Aarch64);
}

#[test]
fn armv6_every_stub() {
    every_stub(Variant::Armv6);
}

#[test]
fn armv6_on_64bit_every_stub() {
    every_stub(Variant::Armv6On64bit);
}

/// Random calls per variant in the sweep.
const SWEEP: u64 = 3000;
/// The sweep's seed unless `VDSO_ARM_SEED` gives one.
const SEED: u64 = 0x5eed_a4c4_2017;

fn seed() -> u64 {
    match std::env::var("VDSO_ARM_SEED") {
        Ok(text) => {
            let text = text.trim();
            let parsed = match text.strip_prefix("0x") {
                Some(hex) => u64::from_str_radix(hex, 16),
                None => text.parse(),
            };
            parsed.unwrap_or_else(|_| panic!("VDSO_ARM_SEED={text:?} is not a number"))
        }
        Err(_) => SEED,
    }
}

/// Random stubs of both specs with random values, answers, errnos, stack and
/// out-pointer addresses and junk, on a random assembler's object.
fn sweep(variant: Variant) {
    let seed = seed();
    println!("{}: sweep seed {seed:#x} (VDSO_ARM_SEED)", variant.name());
    let mut rng = Rng::new(seed ^ variant as u64);
    let mut loaded = load(variant);
    let mut failures = Vec::new();
    let mut errors = 0;
    for call in 0..SWEEP {
        let Loaded { spec, ir, machines } = &mut loaded[rng.below(2) as usize];
        let pick = rng.below(machines.len() as u64) as usize;
        let (assembler, machine) = &mut machines[pick];
        let syscall = &ir.syscalls[rng.below(ir.syscalls.len() as u64) as usize];
        let values = Values::random(syscall, variant, &mut rng);
        errors += u64::from(values.errno.is_some());
        let case = Case::new(syscall, variant, values);
        let found = case.run(machine);
        if !found.is_empty() {
            failures.push(format!(
                "call {call} of seed {seed:#x}: {} ({spec} spec, {assembler}) with {:x?}:\n  {}",
                case.stub(),
                case.values,
                found.join("\n  ")
            ));
        }
        if failures.len() >= 10 {
            break;
        }
    }
    println!(
        "{}: {SWEEP} random calls, {errors} of them answered with an error",
        variant.name()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn aarch64_random_sweep() {
    sweep(Variant::Aarch64);
}

#[test]
fn armv6_random_sweep() {
    sweep(Variant::Armv6);
}

#[test]
fn armv6_on_64bit_random_sweep() {
    sweep(Variant::Armv6On64bit);
}

#[test]
fn aarch64_mutations_are_caught() {
    mutations::check(Variant::Aarch64);
}

#[test]
fn armv6_mutations_are_caught() {
    mutations::check(Variant::Armv6);
}

#[test]
fn armv6_on_64bit_mutations_are_caught() {
    mutations::check(Variant::Armv6On64bit);
}
