//! Which addresses belong to the guest, and with what access: the loaded
//! image, the startup data, the vDSO, the thread's stack and whatever the guest
//! mapped itself. System calls check every pointer against this before the
//! emulator reads or writes through it, so a bad pointer is `EFAULT` rather
//! than a crash of the emulator (or a write into its own memory).

use std::cell::Cell;
use std::collections::BTreeMap;

/// How a range may be accessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Access {
    pub read: bool,
    pub write: bool,
}

impl Access {
    pub const READ: Access = Access {
        read: true,
        write: false,
    };
    pub const READ_WRITE: Access = Access {
        read: true,
        write: true,
    };
}

/// Non-overlapping address ranges, each with its access.
#[derive(Debug, Default, Clone)]
pub struct RangeMap {
    /// start → (end, access)
    ranges: BTreeMap<usize, (usize, Access)>,
    /// The two ranges the latest successful lookups ended in, most recent
    /// first: nearly every check hits one of them again (the stack, and the
    /// image or a buffer), and this skips the tree walk. Cleared by every
    /// change.
    last: [Cell<Option<(usize, usize, Access)>>; 2],
}

impl RangeMap {
    pub fn new() -> RangeMap {
        RangeMap::default()
    }

    /// Sets `[start, end)` to `access`, replacing whatever was there.
    pub fn insert(&mut self, start: usize, end: usize, access: Access) {
        if start >= end {
            return;
        }
        self.remove(start, end);
        self.ranges.insert(start, (end, access));
        self.forget_recent();
    }

    /// Forgets `[start, end)`; ranges that stick out are cut.
    pub fn remove(&mut self, start: usize, end: usize) {
        if start >= end {
            return;
        }
        self.forget_recent();
        let touched: Vec<(usize, (usize, Access))> = self
            .ranges
            .range(..end)
            .rev()
            .take_while(|(_, (e, _))| *e > start)
            .map(|(s, v)| (*s, *v))
            .collect();
        for (s, (e, access)) in touched {
            self.ranges.remove(&s);
            if s < start {
                self.ranges.insert(s, (start, access));
            }
            if e > end {
                self.ranges.insert(end, (e, access));
            }
        }
    }

    /// Changes the access of the parts of `[start, end)` that are present.
    pub fn change(&mut self, start: usize, end: usize, access: Access) {
        let present: Vec<(usize, usize)> = self
            .ranges
            .range(..end)
            .filter(|(_, (e, _))| *e > start)
            .map(|(s, (e, _))| ((*s).max(start), (*e).min(end)))
            .collect();
        for (s, e) in present {
            self.insert(s, e, access);
        }
    }

    fn forget_recent(&self) {
        self.last[0].set(None);
        self.last[1].set(None);
    }

    fn remember(&self, start: usize, end: usize, access: Access) {
        self.last[1].set(self.last[0].get());
        self.last[0].set(Some((start, end, access)));
    }

    /// Whether all of `[addr, addr + len)` is present with the access needed.
    pub fn allows(&self, addr: usize, len: usize, write: bool) -> bool {
        let Some(end) = addr.checked_add(len) else {
            return false;
        };
        let permitted = |access: Access| access.read && (access.write || !write);
        for recent in &self.last {
            if let Some((s, e, access)) = recent.get() {
                if addr >= s && end <= e && permitted(access) {
                    return true;
                }
            }
        }
        let mut at = addr;
        while at < end {
            let Some((s, (e, access))) = self.ranges.range(..=at).next_back() else {
                return false;
            };
            if *e <= at || !permitted(*access) {
                return false;
            }
            self.remember(*s, *e, *access);
            at = *e;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contiguous_ranges_are_checked_across_boundaries() {
        let mut m = RangeMap::new();
        m.insert(100, 200, Access::READ_WRITE);
        m.insert(200, 300, Access::READ);
        assert!(m.allows(150, 100, false));
        assert!(!m.allows(150, 100, true));
        assert!(m.allows(100, 100, true));
        assert!(!m.allows(50, 60, false));
        assert!(!m.allows(290, 20, false));
        assert!(!m.allows(usize::MAX, 2, false));
    }

    #[test]
    fn remove_and_change_split_ranges() {
        let mut m = RangeMap::new();
        m.insert(0x1000, 0x5000, Access::READ_WRITE);
        m.remove(0x2000, 0x3000);
        assert!(m.allows(0x1000, 0x1000, true));
        assert!(!m.allows(0x1fff, 2, false));
        assert!(m.allows(0x3000, 0x2000, true));
        m.change(0x4000, 0x9000, Access::READ);
        assert!(m.allows(0x3000, 0x1000, true));
        assert!(!m.allows(0x3000, 0x1001, true));
        assert!(m.allows(0x3000, 0x2000, false));
        assert!(!m.allows(0x3000, 0x2001, false));
        m.insert(0x0, 0x10000, Access::READ);
        assert!(m.allows(0, 0x10000, false));
        assert_eq!(m.ranges.len(), 1);
    }
}
