//! The argument buffer of the `*_on_64bit` variants, where 32-bit code runs on a 64-bit
//! kernel. The stub copies each input into its own 8-byte slot, as the 64-bit value the
//! kernel expects (zero-extended: pointers and `size` become 64-bit, smaller integers are
//! padded), and hands the kernel the buffer's address. The kernel returns an errno and
//! writes the results into the first two slots, from which the stub copies the 32-bit
//! process's view of each (its `m32` bytes) to the out-pointers.
//!
//! What the kernel does with it (FreeBSD's `cloudabi32_fetch_syscall_args` and
//! `cloudabi32_set_syscall_retval`, in sys/arm64/cloudabi32/cloudabi32_sysvec.c for
//! armv6_on_64bit and sys/amd64/cloudabi32/cloudabi32_sysvec.c for i686_on_64bit): it
//! copies in one slot per argument from the buffer's address and hands them to the same
//! implementation 64-bit processes use, so each slot must hold the 64-bit machine's
//! value: pointers and `size` zero-extended (the kernel narrows other integers to their
//! types). It expects the buffer 8-aligned. On success it copies both 64-bit result
//! words into slots 0 and 1, whatever the call returns (so the buffer has at least two
//! slots), and reports errno 0; if that copy faults it reports EFAULT instead. On
//! failure it leaves the buffer alone. The errno register and the error flag are the
//! variant's own (see `armv6_on_64bit`, `i686_on_64bit`).

use super::Call;
use crate::ir::Machine;

pub(super) struct Buffer {
    /// Size in 8-byte slots: one per input, and at least two for the results.
    pub slots: u64,
}

impl Buffer {
    pub(super) fn bytes(&self) -> u64 {
        8 * self.slots
    }
}

/// Slot offset (in bytes) of input `index`, and of result `index`.
pub(super) fn slot(index: usize) -> u64 {
    8 * index as u64
}

/// The buffer a call needs, or why the call cannot travel through one: every value must
/// fit a slot and be the same on both machines, or a pointer or `size` (4 bytes widened
/// to 8).
pub(super) fn layout(call: &Call) -> Result<Buffer, String> {
    call.inputs_fit(Machine::Bits64, 8)?;
    call.outputs_fit(Machine::Bits32)?;
    let all = call.inputs.iter().chain(&call.outputs);
    if let Some(size) = all
        .into_iter()
        .find(|s| s.m32 != s.m64 && (s.m32, s.m64) != (4, 8))
    {
        return Err(format!(
            "a value of {} bytes on 32-bit and {} on 64-bit machines",
            size.m32, size.m64
        ));
    }
    Ok(Buffer {
        slots: (call.inputs.len() as u64).max(2),
    })
}
