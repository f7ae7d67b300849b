//! Which addresses belong to the guest, and with what access: the loaded
//! image, the startup data, the vDSO, the thread's stack and whatever the guest
//! mapped itself. System calls check every pointer against this before the
//! emulator reads or writes through it, so a bad pointer is `EFAULT` rather
//! than a crash of the emulator (or a write into its own memory).

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
}

/// One range of a [`RangeMap`]: `[start, end)` with its access.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    pub start: usize,
    pub end: usize,
    pub access: Access,
}

impl Range {
    /// Whether `[addr, end)` lies inside and may be accessed (written when
    /// `write`).
    pub fn permits(&self, addr: usize, end: usize, write: bool) -> bool {
        addr >= self.start && end <= self.end && self.access.permits(write)
    }
}

impl Access {
    /// Whether this access allows reading, and writing when `write`.
    pub fn permits(self, write: bool) -> bool {
        self.read && (self.write || !write)
    }
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
    }

    /// Forgets `[start, end)`; ranges that stick out are cut.
    pub fn remove(&mut self, start: usize, end: usize) {
        if start >= end {
            return;
        }
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

    /// Whether all of `[addr, addr + len)` is present with the access needed.
    /// Also returns the range `addr` lies in when that range alone covers
    /// the request, for callers that remember recent ranges.
    pub fn lookup(&self, addr: usize, len: usize, write: bool) -> (bool, Option<Range>) {
        let Some(end) = addr.checked_add(len) else {
            return (false, None);
        };
        let mut first = None;
        let mut at = addr;
        while at < end {
            let Some((&start, &(e, access))) = self.ranges.range(..=at).next_back() else {
                return (false, None);
            };
            if e <= at || !access.permits(write) {
                return (false, None);
            }
            if at == addr {
                first = Some(Range {
                    start,
                    end: e,
                    access,
                });
            }
            at = e;
        }
        let whole = first.filter(|r| r.end >= end);
        (true, whole)
    }

    /// Whether all of `[addr, addr + len)` is present with the access needed.
    pub fn allows(&self, addr: usize, len: usize, write: bool) -> bool {
        self.lookup(addr, len, write).0
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

    #[test]
    fn lookup_names_the_single_covering_range() {
        let mut m = RangeMap::new();
        m.insert(100, 200, Access::READ_WRITE);
        m.insert(200, 300, Access::READ);
        let whole = Range {
            start: 100,
            end: 200,
            access: Access::READ_WRITE,
        };
        assert_eq!(m.lookup(120, 10, true), (true, Some(whole)));
        assert_eq!(m.lookup(150, 100, false), (true, None));
        assert_eq!(m.lookup(250, 10, true), (false, None));
        assert!(whole.permits(100, 200, true));
        assert!(!whole.permits(99, 150, false));
    }
}
