//! The emulated machine: an assembled object's `.text` loaded at a fixed address, a stack,
//! cells for the out-parameters and a return address, run by Unicorn. One call runs the
//! stub from its symbol until it returns to the return address, faults, or leaves the
//! stub; every `svc`/`swi` goes to the fake kernel (`kernel`).

use super::kernel::{self, Reply, Trap};
use super::Variant;
use object::{Object, ObjectSection, ObjectSymbol, SectionKind};
use std::collections::BTreeMap;
use std::ops::Range;
use unicorn_engine::unicorn_const::{uc_error, Arch, Mode, Prot};
use unicorn_engine::{ArmCpuModel, RegisterARM, RegisterARM64, Unicorn};

/// Where the stubs are loaded.
pub(super) const CODE: u64 = 0x0010_0000;
/// The return address the caller passes in lr: a page of its own (emulation stops on
/// reaching it).
pub(super) const RETURN: u64 = 0x000f_0000;
/// Cells that out-pointers point into.
pub(super) const CELLS: u64 = 0x0020_0000;
pub(super) const CELL_SIZE: u64 = 64;
/// The stack: sp starts in the middle, with the callers' frames above it and room for
/// the stub's frame (and a signal frame) below.
pub(super) const STACK: u64 = 0x0030_0000;
pub(super) const STACK_SIZE: u64 = 0x2_0000;
/// How far around sp the stack is filled with junk before each call.
const SCRIBBLED: u64 = 0x1000;
/// A stub is a handful of instructions; anything longer is a runaway. The count bounds
/// every run, so no time limit is set (Unicorn runs a timer thread per call for one,
/// which costs more than the call).
const MAX_INSTRUCTIONS: usize = 1000;

/// The stubs of one object: `.text` and each global function's range within it.
pub(super) struct Stubs {
    pub text: Vec<u8>,
    pub symbols: BTreeMap<String, Range<u64>>,
}

/// Reads an object file: its `.text` and the global functions in it. Fails if any
/// section carries relocations, so loading `.text` as it is runs what the linker would.
pub(super) fn load(bytes: &[u8], arch: object::Architecture) -> Result<Stubs, String> {
    let file = object::File::parse(bytes).map_err(|e| format!("not an object file: {e}"))?;
    if file.architecture() != arch {
        return Err(format!(
            "an object for {:?}, expected {arch:?}",
            file.architecture()
        ));
    }
    for section in file.sections() {
        if let Some((offset, _)) = section.relocations().next() {
            return Err(format!(
                "section {} has a relocation at offset {offset:#x}; the loader resolves none",
                section.name().unwrap_or("?")
            ));
        }
        let name = section.name().unwrap_or("?");
        if section.kind() == SectionKind::Text && name != ".text" && section.size() > 0 {
            return Err(format!("code outside .text, in {name}"));
        }
    }
    let text = file
        .section_by_name(".text")
        .ok_or("the object has no .text")?;
    let data = text.data().map_err(|e| e.to_string())?.to_vec();
    let mut symbols = BTreeMap::new();
    for symbol in file.symbols().filter(|s| s.is_global()) {
        let name = symbol.name().map_err(|e| e.to_string())?.to_string();
        if symbol.section_index() != Some(text.index()) || symbol.address() % 4 != 0 {
            return Err(format!(
                "{name} is not an ARM-state function in .text (address {:#x})",
                symbol.address()
            ));
        }
        let start = symbol.address();
        symbols.insert(name, start..start + symbol.size());
    }
    Ok(Stubs {
        text: data,
        symbols,
    })
}

/// How the fake kernel and the hooks see the run in progress.
pub(super) struct State {
    pub variant: Variant,
    /// The running stub's addresses.
    pub stub: Range<u64>,
    pub reply: Reply,
    pub traps: Vec<Trap>,
    /// Why the run stopped early, if it did: a fault or leaving the stub.
    pub stopped: Option<Stop>,
}

/// An early stop.
#[derive(Debug, Clone)]
pub(super) struct Stop {
    pub pc: u64,
    pub why: String,
    /// The CPU raised an exception (as `udf`/`brk` do) rather than the test stopping it.
    pub exception: bool,
}

/// What the caller sets up for one call.
pub(super) struct Setup {
    /// Core register number and value (x0-x30 without lr, or r0-r12).
    pub registers: Vec<(usize, u64)>,
    pub sp: u64,
    /// Bytes written at sp + offset: the stack-passed arguments.
    pub stack: Vec<(u64, Vec<u8>)>,
    /// Byte each cell is filled with.
    pub cell_fill: u8,
    pub cells: usize,
    pub reply: Reply,
}

/// What a call did.
pub(super) struct Observation {
    pub traps: Vec<Trap>,
    /// The stub returned to the caller.
    pub returned: bool,
    pub stopped: Option<Stop>,
    /// Why the emulator itself gave up (unmapped memory, invalid instruction, limits).
    pub error: Option<String>,
    pub pc: u64,
    /// Core registers after the call: x0-x30 or r0-r15.
    pub registers: Vec<u64>,
    pub sp: u64,
    pub cells: Vec<Vec<u8>>,
}

pub(super) struct Machine {
    uc: Unicorn<'static, State>,
    stubs: Stubs,
}

impl Machine {
    pub(super) fn new(variant: Variant, stubs: Stubs) -> Machine {
        let arch = if variant.is_64bit() {
            Arch::ARM64
        } else {
            Arch::ARM
        };
        let state = State {
            variant,
            stub: 0..0,
            reply: Reply::default(),
            traps: Vec::new(),
            stopped: None,
        };
        let mut uc = Unicorn::new_with_data(arch, Mode::ARM, state).expect("a Unicorn engine");
        if !variant.is_64bit() {
            // The stubs are armv6 code: run them on an armv6 core, which rejects newer
            // instructions.
            uc.ctl_set_cpu_model(ArmCpuModel::Model_1176 as i32)
                .expect("the ARM1176 CPU model");
        }
        let code_size = (stubs.text.len() as u64)
            .next_multiple_of(0x1000)
            .max(0x1000);
        let maps = [
            (CODE, code_size, Prot::READ | Prot::EXEC),
            (RETURN, 0x1000, Prot::READ | Prot::EXEC),
            (CELLS, 0x1_0000, Prot::READ | Prot::WRITE),
            (STACK, STACK_SIZE, Prot::READ | Prot::WRITE),
        ];
        for (address, size, prot) in maps {
            uc.mem_map(address, size, prot)
                .expect("mapping emulator memory");
        }
        uc.mem_write(CODE, &stubs.text).expect("loading .text");
        uc.add_intr_hook(kernel::interrupt)
            .expect("an interrupt hook");
        uc.add_code_hook(CODE, CODE + code_size - 1, stay_in_stub)
            .expect("a code hook");
        Machine { uc, stubs }
    }

    /// Calls `stub` as `setup` says and reports what happened.
    pub(super) fn call(&mut self, stub: &str, setup: &Setup) -> Observation {
        let range = self.stubs.symbols[stub].clone();
        let start = CODE + range.start;
        let variant = self.uc.get_data().variant;
        {
            let state = self.uc.get_data_mut();
            state.stub = start..CODE + range.end;
            state.reply = setup.reply.clone();
            state.traps.clear();
            state.stopped = None;
        }
        self.prepare(setup);
        let result = self.uc.emu_start(start, RETURN, 0, MAX_INSTRUCTIONS);
        let pc = self.uc.pc_read().unwrap_or(0);
        let state = self.uc.get_data_mut();
        let traps = std::mem::take(&mut state.traps);
        let mut stopped = state.stopped.take();
        let error = match result {
            // The 32-bit core reports an undefined instruction (`udf`) as an error
            // rather than as an exception for the interrupt hook.
            Err(uc_error::INSN_INVALID) if stopped.is_none() => {
                stopped = Some(Stop {
                    pc,
                    why: "an undefined instruction".into(),
                    exception: true,
                });
                None
            }
            Err(e) => Some(describe(e)),
            Ok(()) if stopped.is_none() && pc != RETURN => Some(format!(
                "still running after {MAX_INSTRUCTIONS} instructions"
            )),
            Ok(()) => None,
        };
        let registers = (0..core_count(variant))
            .map(|n| self.uc.reg_read(core(variant, n)).unwrap_or(0))
            .collect();
        let cells = (0..setup.cells)
            .map(|i| {
                self.uc
                    .mem_read_as_vec(CELLS + CELL_SIZE * i as u64, CELL_SIZE as usize)
                    .expect("reading a cell")
            })
            .collect();
        Observation {
            traps,
            returned: error.is_none() && stopped.is_none() && pc == RETURN,
            stopped,
            error,
            pc,
            registers,
            sp: self.uc.reg_read(sp(variant)).unwrap_or(0),
            cells,
        }
    }

    /// Registers, flags, stack and cells as the caller leaves them.
    fn prepare(&mut self, setup: &Setup) {
        let variant = self.uc.get_data().variant;
        let uc = &mut self.uc;
        // Every register starts with junk of its own, so nothing is zero by luck.
        for n in 0..general(variant) {
            let junk = 0x5a5a_5a5a_5a5a_5a5a ^ (n as u64 * 0x0101_0101_0101_0101);
            uc.reg_write(core(variant, n), junk).expect("a register");
        }
        for &(n, value) in &setup.registers {
            uc.reg_write(core(variant, n), value)
                .expect("an argument register");
        }
        uc.reg_write(lr(variant), RETURN).expect("lr");
        uc.reg_write(sp(variant), setup.sp).expect("sp");
        let low = setup.sp - SCRIBBLED;
        uc.mem_write(low, &vec![0x5a; 2 * SCRIBBLED as usize])
            .expect("scribbling the stack");
        for (offset, bytes) in &setup.stack {
            uc.mem_write(setup.sp + offset, bytes)
                .expect("a stack argument");
        }
        let cells = vec![setup.cell_fill; CELL_SIZE as usize * setup.cells];
        uc.mem_write(CELLS, &cells).expect("filling the cells");
    }
}

/// The code hook: every instruction must belong to the stub being called.
fn stay_in_stub(uc: &mut Unicorn<State>, address: u64, _size: u32) {
    let state = uc.get_data_mut();
    if !state.stub.contains(&address) && state.stopped.is_none() {
        state.stopped = Some(Stop {
            pc: address,
            why: format!("ran outside the stub, at {address:#x}"),
            exception: false,
        });
        let _ = uc.emu_stop();
    }
}

fn describe(error: uc_error) -> String {
    match error {
        uc_error::READ_UNMAPPED | uc_error::READ_PROT => "read unmapped memory".into(),
        uc_error::WRITE_UNMAPPED | uc_error::WRITE_PROT => "wrote unmapped memory".into(),
        uc_error::FETCH_UNMAPPED | uc_error::FETCH_PROT => "jumped to non-code memory".into(),
        other => format!("the emulator stopped: {other:?}"),
    }
}

/// How many core registers `registers` reports: x0-x30, or r0-r15.
pub(super) fn core_count(variant: Variant) -> usize {
    if variant.is_64bit() {
        31
    } else {
        16
    }
}

/// Registers that hold data: x0-x29, or r0-r12.
fn general(variant: Variant) -> usize {
    if variant.is_64bit() {
        30
    } else {
        13
    }
}

/// Core register `n`: xN, or rN (r13 is sp, r14 lr, r15 pc).
pub(super) fn core(variant: Variant, n: usize) -> i32 {
    if variant.is_64bit() {
        match n {
            0..=28 => RegisterARM64::X0 as i32 + n as i32,
            29 => RegisterARM64::X29 as i32,
            30 => RegisterARM64::X30 as i32,
            _ => panic!("no register x{n}"),
        }
    } else {
        const R: [RegisterARM; 16] = [
            RegisterARM::R0,
            RegisterARM::R1,
            RegisterARM::R2,
            RegisterARM::R3,
            RegisterARM::R4,
            RegisterARM::R5,
            RegisterARM::R6,
            RegisterARM::R7,
            RegisterARM::R8,
            RegisterARM::R9,
            RegisterARM::R10,
            RegisterARM::R11,
            RegisterARM::R12,
            RegisterARM::SP,
            RegisterARM::LR,
            RegisterARM::PC,
        ];
        R[n] as i32
    }
}

pub(super) fn sp(variant: Variant) -> i32 {
    if variant.is_64bit() {
        RegisterARM64::SP as i32
    } else {
        RegisterARM::SP as i32
    }
}

fn lr(variant: Variant) -> i32 {
    core(variant, if variant.is_64bit() { 30 } else { 14 })
}
