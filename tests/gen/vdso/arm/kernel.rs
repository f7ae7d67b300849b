//! The fake kernel behind `svc #0` / `swi 0`. It reads the system call the way FreeBSD's
//! CloudABI entry code does for each variant (`*_fetch_syscall_args` in
//! sys/arm64/cloudabi64/cloudabi64_sysvec.c, sys/arm/cloudabi32/cloudabi32_sysvec.c and
//! sys/arm64/cloudabi32/cloudabi32_sysvec.c) and answers the way their
//! `*_set_syscall_retval` does:
//!
//! - aarch64: the number in x8, the arguments in x0-x7; on success the two result words
//!   in x0 and x1 and the carry flag clear, on failure the errno in x0 and carry set.
//! - armv6: the number in ip (r12), the arguments in r0-r3 and then the words at sp; on
//!   success the result words in r0 and r1 and carry clear, on failure the errno in r0
//!   and carry set.
//! - armv6_on_64bit: the number in r0 and the address of a buffer of 64-bit slots in
//!   r2, one slot per argument; on success the two 64-bit results written to the first
//!   two slots, r0 = 0 and carry clear, on failure the errno in r0 and carry set.
//!
//! Being a test, it is harsher than that kernel where the stubs must not care: it
//! clobbers the other argument and scratch registers (the stubs' contract says the
//! kernel may), leaves junk in N, Z and V, fills the buffer's result slots with junk on
//! failure, and, for the variants that claim their frame is safe from signals, writes
//! junk below sp as a signal frame would.

use super::machine::{self, State, Stop};
use super::Variant;
use unicorn_engine::{RegisterARM, RegisterARM64, Unicorn};

/// QEMU's exception numbers, as Unicorn passes them to the interrupt hook.
const EXCP_UDEF: u32 = 1;
const EXCP_SWI: u32 = 2;
const EXCP_BKPT: u32 = 7;

/// The carry flag in NZCV and in the CPSR.
const CARRY: u64 = 1 << 29;
const FLAGS: u64 = 0xf000_0000;

/// `svc #0` (aarch64) and `swi 0` (ARM, condition always).
pub(super) const SVC_0: u32 = 0xd400_0001;
pub(super) const SWI_0: u32 = 0xef00_0000;

/// How many argument words (armv6) or slots (armv6_on_64bit) the kernel reads; more
/// than any stub passes.
const VIEW: u64 = 16;

/// How the kernel answers the next trap.
#[derive(Clone, Debug, Default)]
pub(super) struct Reply {
    /// `Some(errno)`: fail with it; `None`: succeed with `results`.
    pub errno: Option<u64>,
    /// The result words: x0 and x1, r0 and r1, or the buffer's first two slots.
    pub results: [u64; 2],
    /// What the kernel leaves in registers (and slots) whose contents mean nothing.
    pub junk: u64,
    /// N, Z and V as the kernel leaves them (only C carries a meaning).
    pub nzv: u64,
    /// Write junk below sp, as a signal frame pushed during the call would.
    pub scribble_below_sp: bool,
}

/// One trap as the kernel saw it.
#[derive(Clone, Debug)]
pub(super) struct Trap {
    /// The trap instruction's address and encoding.
    pub at: u64,
    pub instruction: u32,
    pub number: u64,
    /// Argument i where the kernel reads it: x_i; the i-th word of r0-r3 and then the
    /// stack; or the i-th 64-bit slot of the buffer.
    pub args: Vec<u64>,
    /// armv6_on_64bit: the buffer's address (r2).
    pub buffer: Option<u64>,
    /// What the kernel could not do (read the buffer).
    pub problems: Vec<String>,
}

/// The interrupt hook: a supervisor call is a system call; any other exception (the
/// `brk`/`udf` after a noreturn trap, say) stops the run.
pub(super) fn interrupt(uc: &mut Unicorn<State>, number: u32) {
    let pc = uc.pc_read().unwrap_or(0);
    if number != EXCP_SWI {
        let why = match number {
            EXCP_UDEF => "an undefined instruction".to_string(),
            EXCP_BKPT => "a breakpoint instruction".to_string(),
            other => format!("CPU exception {other}"),
        };
        let state = uc.get_data_mut();
        if state.stopped.is_none() {
            state.stopped = Some(Stop {
                pc,
                why,
                exception: true,
            });
        }
        let _ = uc.emu_stop();
        return;
    }
    let trap = read(uc, pc - 4);
    let buffer = trap.buffer;
    uc.get_data_mut().traps.push(trap);
    answer(uc, buffer);
}

fn read(uc: &Unicorn<State>, at: u64) -> Trap {
    let variant = uc.get_data().variant;
    let register = |n: usize| uc.reg_read(machine::core(variant, n)).unwrap_or(0);
    let mut word = [0u8; 4];
    let instruction = match uc.mem_read(at, &mut word) {
        Ok(()) => u32::from_le_bytes(word),
        Err(_) => 0,
    };
    let mut trap = Trap {
        at,
        instruction,
        number: 0,
        args: Vec::new(),
        buffer: None,
        problems: Vec::new(),
    };
    match variant {
        Variant::Aarch64 => {
            trap.number = register(8);
            trap.args = (0..8).map(register).collect();
        }
        Variant::Armv6 => {
            trap.number = register(12);
            trap.args = (0..4).map(register).collect();
            let sp = uc.reg_read(machine::sp(variant)).unwrap_or(0);
            for k in 0..VIEW - 4 {
                trap.args.push(read_le(uc, sp + 4 * k, 4).unwrap_or(0));
            }
        }
        Variant::Armv6On64bit => {
            trap.number = register(0);
            let buffer = register(2);
            trap.buffer = Some(buffer);
            for k in 0..VIEW {
                match read_le(uc, buffer + 8 * k, 8) {
                    Some(slot) => trap.args.push(slot),
                    None => {
                        trap.problems.push(format!(
                            "cannot read slot {k} of the buffer at r2 = {buffer:#x}"
                        ));
                        break;
                    }
                }
            }
        }
    }
    trap
}

fn read_le(uc: &Unicorn<State>, address: u64, size: usize) -> Option<u64> {
    let bytes = uc.mem_read_as_vec(address, size).ok()?;
    let mut full = [0u8; 8];
    full[..size].copy_from_slice(&bytes);
    Some(u64::from_le_bytes(full))
}

fn answer(uc: &mut Unicorn<State>, buffer: Option<u64>) {
    let state = uc.get_data();
    let variant = state.variant;
    let reply = state.reply.clone();
    let junk = |n: usize| reply.junk.rotate_left(8 * n as u32);
    let set = |uc: &mut Unicorn<State>, n: usize, value: u64| {
        let value = if variant.is_64bit() {
            value
        } else {
            value & 0xffff_ffff
        };
        uc.reg_write(machine::core(variant, n), value)
            .expect("writing a register");
    };
    // Registers the stubs must not expect to survive the trap.
    let clobbered: Vec<usize> = match variant {
        Variant::Aarch64 => (2..=17).collect(),
        Variant::Armv6 => vec![2, 3, 12],
        Variant::Armv6On64bit => vec![1, 2, 3, 12],
    };
    for n in clobbered {
        set(uc, n, junk(n));
    }
    let (first, second) = match (variant, reply.errno) {
        (Variant::Armv6On64bit, errno) => {
            let slots = match errno {
                Some(_) => [junk(20), junk(21)],
                None => reply.results,
            };
            if let Some(buffer) = buffer {
                let bytes: Vec<u8> = slots.iter().flat_map(|s| s.to_le_bytes()).collect();
                // An unwritable buffer is reported by the checks as a wrong result.
                let _ = uc.mem_write(buffer, &bytes);
            }
            (errno.unwrap_or(0), junk(1))
        }
        (_, Some(errno)) => (errno, junk(1)),
        (_, None) => (reply.results[0], reply.results[1]),
    };
    set(uc, 0, first);
    set(uc, 1, second);
    let carry = if reply.errno.is_some() { CARRY } else { 0 };
    let flags = (reply.nzv & FLAGS & !CARRY) | carry;
    let register = if variant.is_64bit() {
        RegisterARM64::NZCV as i32
    } else {
        RegisterARM::CPSR as i32
    };
    let old = uc.reg_read(register).unwrap_or(0);
    uc.reg_write(register, (old & !FLAGS) | flags)
        .expect("writing the flags");
    if reply.scribble_below_sp {
        let sp = uc.reg_read(machine::sp(variant)).unwrap_or(0);
        let _ = uc.mem_write(sp - 256, &[0xa5; 256]);
    }
}
