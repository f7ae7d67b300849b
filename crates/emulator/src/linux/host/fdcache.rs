//! A guest thread's copy of the fd table entries it used last, for a
//! process with a single guest thread.
//!
//! The table sits behind the process (shared with threads the guest may
//! start), so reaching an entry there takes four dependent loads; a system
//! call cannot start until the host fd is known, and in a VM with costly
//! kernel entries those loads were most of the emulator's price for a small
//! `fd_write`. The copy lives in the thread's `Host`, one load away. It is
//! only used while the thread is alone, when every change of the table is
//! this thread's own and empties the copy first.

use std::os::fd::RawFd;

use cloudabi::{fd as Fd, rights};

/// Slots in the copy; fd `n` can only live in slot `n % SLOTS`.
const SLOTS: usize = 16;

#[derive(Debug, Clone, Copy)]
struct Slot {
    /// The guest fd; an empty slot holds a number that belongs in another
    /// slot, so no lookup matches it.
    fd: u32,
    raw: RawFd,
    base: rights,
}

#[derive(Debug, Clone)]
pub(crate) struct FdCache {
    slots: [Slot; SLOTS],
}

impl FdCache {
    pub(crate) const EMPTY: FdCache = FdCache::empty();

    const fn empty() -> FdCache {
        let mut slots = [Slot {
            fd: 0,
            raw: -1,
            base: rights::empty(),
        }; SLOTS];
        let mut i = 0;
        while i < SLOTS {
            slots[i].fd = ((i + 1) % SLOTS) as u32;
            i += 1;
        }
        FdCache { slots }
    }

    /// The host fd and base rights remembered for `fd`.
    #[inline]
    pub(crate) fn get(&self, fd: Fd) -> Option<(RawFd, rights)> {
        let slot = &self.slots[fd.0 as usize % SLOTS];
        (slot.fd == fd.0).then_some((slot.raw, slot.base))
    }

    pub(crate) fn remember(&mut self, fd: Fd, raw: RawFd, base: rights) {
        self.slots[fd.0 as usize % SLOTS] = Slot {
            fd: fd.0,
            raw,
            base,
        };
    }

    pub(crate) fn clear(&mut self) {
        *self = FdCache::EMPTY;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_by_number_and_forgets_on_clear() {
        let mut c = FdCache::EMPTY;
        assert_eq!(c.get(Fd(3)), None);
        c.remember(Fd(3), 7, rights::FD_WRITE);
        assert_eq!(c.get(Fd(3)), Some((7, rights::FD_WRITE)));
        // Same slot, other number: replaces, and is not mistaken for 3.
        c.remember(Fd(3 + SLOTS as u32), 8, rights::FD_READ);
        assert_eq!(c.get(Fd(3)), None);
        assert_eq!(c.get(Fd(3 + SLOTS as u32)), Some((8, rights::FD_READ)));
        c.clear();
        assert_eq!(c.get(Fd(3 + SLOTS as u32)), None);
    }

    #[test]
    fn an_empty_copy_matches_no_number() {
        let c = FdCache::EMPTY;
        for n in (0..4 * SLOTS as u32).chain([u32::MAX - 1, u32::MAX]) {
            assert_eq!(c.get(Fd(n)), None, "fd {n}");
        }
    }
}
