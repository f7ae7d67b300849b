//! Which addresses belong to the guest, and with what access: the loaded
//! image, the startup data, the vDSO, the thread's stack and whatever the guest
//! mapped itself. System calls check every pointer against this before the
//! emulator reads or writes through it, so a bad pointer is `EFAULT` rather
//! than a crash of the emulator (or a write into its own memory).

use std::collections::BTreeMap;

/// How a range may be accessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Access {
    pub(crate) read: bool,
    pub(crate) write: bool,
}

impl Access {
    pub(crate) const READ: Access = Access {
        read: true,
        write: false,
    };
    pub(crate) const READ_WRITE: Access = Access {
        read: true,
        write: true,
    };
}

/// Non-overlapping address ranges, each with a value (its access, or what
/// a mapping is). Adjacent ranges with equal values are kept as one, so that
/// memory committed page by page still checks as one range.
#[derive(Debug, Clone)]
pub(crate) struct RangeMap<V = Access> {
    /// start → (end, value)
    ranges: BTreeMap<usize, (usize, V)>,
}

impl<V> Default for RangeMap<V> {
    fn default() -> Self {
        RangeMap {
            ranges: BTreeMap::new(),
        }
    }
}

/// One range of a [`RangeMap`]: `[start, end)` with its access.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Range {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) access: Access,
}

impl Access {
    /// Whether this access allows reading, and writing when `write`.
    pub(crate) fn permits(self, write: bool) -> bool {
        self.read && (self.write || !write)
    }
}

/// A piece of a queried span: `[start, end)` and the value there, `None`
/// where the map has nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Segment<V> {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) value: Option<V>,
}

impl<V: Copy + PartialEq> RangeMap<V> {
    /// An empty map.
    pub(crate) fn new() -> RangeMap<V> {
        RangeMap::default()
    }

    /// Sets `[start, end)` to `value`, replacing whatever was there.
    pub(crate) fn insert(&mut self, start: usize, end: usize, value: V) {
        if start >= end {
            return;
        }
        self.remove(start, end);
        let (mut start, mut end) = (start, end);
        // Join equal neighbours on either side.
        if let Some((&s, &(e, v))) = self.ranges.range(..start).next_back() {
            if e == start && v == value {
                self.ranges.remove(&s);
                start = s;
            }
        }
        if let Some(&(e, v)) = self.ranges.get(&end) {
            if v == value {
                self.ranges.remove(&end);
                end = e;
            }
        }
        self.ranges.insert(start, (end, value));
    }

    /// Forgets `[start, end)`; ranges that stick out are cut.
    pub(crate) fn remove(&mut self, start: usize, end: usize) {
        if start >= end {
            return;
        }
        let touched: Vec<(usize, (usize, V))> = self
            .ranges
            .range(..end)
            .rev()
            .take_while(|(_, (e, _))| *e > start)
            .map(|(s, v)| (*s, *v))
            .collect();
        for (s, (e, value)) in touched {
            self.ranges.remove(&s);
            if s < start {
                self.ranges.insert(s, (start, value));
            }
            if e > end {
                self.ranges.insert(end, (e, value));
            }
        }
    }

    /// `[start, end)` cut into the pieces the map holds and the gaps
    /// between them, in address order.
    pub(crate) fn segments(&self, start: usize, end: usize) -> Vec<Segment<V>> {
        let mut out = Vec::new();
        let mut at = start;
        let first = self
            .ranges
            .range(..=start)
            .next_back()
            .filter(|(_, (e, _))| *e > start)
            .map(|(s, _)| *s)
            .unwrap_or(start);
        for (&s, &(e, value)) in self.ranges.range(first..end) {
            if e <= at {
                continue;
            }
            if s > at {
                out.push(Segment {
                    start: at,
                    end: s,
                    value: None,
                });
            }
            let piece_end = e.min(end);
            out.push(Segment {
                start: at.max(s),
                end: piece_end,
                value: Some(value),
            });
            at = piece_end;
        }
        if at < end {
            out.push(Segment {
                start: at,
                end,
                value: None,
            });
        }
        out
    }

    /// The value at `addr`, if the map has one (allocates nothing: the
    /// fault handler asks).
    pub(crate) fn get(&self, addr: usize) -> Option<V> {
        self.ranges
            .range(..=addr)
            .next_back()
            .filter(|(_, (e, _))| *e > addr)
            .map(|(_, (_, v))| *v)
    }

    /// Whether every byte of `[start, end)` is in the map.
    pub(crate) fn covers(&self, start: usize, end: usize) -> bool {
        self.segments(start, end).iter().all(|s| s.value.is_some())
    }

    /// Changes the value of the parts of `[start, end)` that are present.
    pub(crate) fn update(&mut self, start: usize, end: usize, f: impl Fn(V) -> V) {
        for s in self.segments(start, end) {
            if let Some(v) = s.value {
                self.insert(s.start, s.end, f(v));
            }
        }
    }

    /// Every range, in address order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (usize, usize, V)> + '_ {
        self.ranges.iter().map(|(&s, &(e, v))| (s, e, v))
    }
}

impl RangeMap<Access> {
    /// Whether all of `[addr, addr + len)` is present with the access needed.
    /// Also returns the range `addr` lies in when that range alone covers
    /// the request, for callers that remember recent ranges.
    pub(crate) fn lookup(&self, addr: usize, len: usize, write: bool) -> (bool, Option<Range>) {
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

    /// Whether all of `[addr, addr + len)` is present with the access needed
    /// (the tests' shorthand for [`RangeMap::lookup`]).
    #[cfg(test)]
    pub(crate) fn allows(&self, addr: usize, len: usize, write: bool) -> bool {
        self.lookup(addr, len, write).0
    }
}

/// The two ranges a thread's latest checks ended in, most recent first,
/// kept as plain bounds so that a check is two comparisons per range.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Recent {
    entries: [Bounds; 2],
}

#[derive(Debug, Clone, Copy)]
struct Bounds {
    start: usize,
    /// End of what may be read (`start` if nothing may).
    read_end: usize,
    /// End of what may be written (`start` if nothing may).
    write_end: usize,
}

impl Bounds {
    const NONE: Bounds = Bounds {
        start: usize::MAX,
        read_end: 0,
        write_end: 0,
    };
}

impl Recent {
    pub(crate) const EMPTY: Recent = Recent {
        entries: [Bounds::NONE; 2],
    };

    /// Whether `[addr, end)` lies in one of the ranges, which allows it to
    /// be read (and written when `write`).
    #[inline]
    pub(crate) fn permits(&self, addr: usize, end: usize, write: bool) -> bool {
        self.entries.iter().any(|b| {
            let limit = if write { b.write_end } else { b.read_end };
            addr >= b.start && end <= limit
        })
    }

    /// Makes `r` the most recent range.
    pub(crate) fn remember(&mut self, r: Range) {
        let readable = r.access.read;
        let writable = readable && r.access.write;
        self.entries[1] = self.entries[0];
        self.entries[0] = Bounds {
            start: r.start,
            read_end: if readable { r.end } else { r.start },
            write_end: if writable { r.end } else { r.start },
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contiguous_ranges_are_checked_across_boundaries() {
        let mut m = RangeMap::default();
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
        let mut m = RangeMap::default();
        m.insert(0x1000, 0x5000, Access::READ_WRITE);
        m.remove(0x2000, 0x3000);
        assert!(m.allows(0x1000, 0x1000, true));
        assert!(!m.allows(0x1fff, 2, false));
        assert!(m.allows(0x3000, 0x2000, true));
        m.update(0x4000, 0x9000, |_| Access::READ);
        assert!(m.allows(0x3000, 0x1000, true));
        assert!(!m.allows(0x3000, 0x1001, true));
        assert!(m.allows(0x3000, 0x2000, false));
        assert!(!m.allows(0x3000, 0x2001, false));
        m.insert(0x0, 0x10000, Access::READ);
        assert!(m.allows(0, 0x10000, false));
        assert_eq!(m.ranges.len(), 1);
    }

    #[test]
    fn recent_ranges_permit_what_their_access_allows() {
        let mut r = Recent::EMPTY;
        assert!(!r.permits(0, 1, false));
        assert!(!r.permits(usize::MAX - 1, usize::MAX, false));
        r.remember(Range {
            start: 100,
            end: 200,
            access: Access::READ,
        });
        assert!(r.permits(100, 200, false));
        assert!(!r.permits(100, 200, true));
        assert!(!r.permits(99, 101, false));
        r.remember(Range {
            start: 300,
            end: 400,
            access: Access::READ_WRITE,
        });
        assert!(r.permits(150, 160, false));
        assert!(r.permits(300, 400, true));
        r.remember(Range {
            start: 500,
            end: 600,
            access: Access {
                read: false,
                write: false,
            },
        });
        assert!(!r.permits(150, 160, false), "forgotten");
        assert!(!r.permits(500, 501, false));
        assert!(r.permits(300, 301, true));
    }

    #[test]
    fn lookup_names_the_single_covering_range() {
        let mut m = RangeMap::default();
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
    }

    #[test]
    fn equal_neighbours_join_and_segments_name_the_gaps() {
        let mut m: RangeMap<u8> = RangeMap::default();
        m.insert(0x1000, 0x2000, 1);
        m.insert(0x2000, 0x3000, 1);
        m.insert(0x4000, 0x5000, 2);
        assert_eq!(
            m.iter().collect::<Vec<_>>(),
            [(0x1000, 0x3000, 1), (0x4000, 0x5000, 2)]
        );
        let seg = |start, end, value| Segment { start, end, value };
        assert_eq!(
            m.segments(0x800, 0x4800),
            [
                seg(0x800, 0x1000, None),
                seg(0x1000, 0x3000, Some(1)),
                seg(0x3000, 0x4000, None),
                seg(0x4000, 0x4800, Some(2)),
            ]
        );
        assert_eq!(m.segments(0x1800, 0x1900), [seg(0x1800, 0x1900, Some(1))]);
        assert_eq!(m.segments(0x6000, 0x7000), [seg(0x6000, 0x7000, None)]);
        assert!(m.covers(0x1000, 0x3000));
        assert!(!m.covers(0x1000, 0x3001));
        m.update(0x2800, 0x4800, |v| v + 10);
        assert_eq!(
            m.iter().collect::<Vec<_>>(),
            [
                (0x1000, 0x2800, 1),
                (0x2800, 0x3000, 11),
                (0x4000, 0x4800, 12),
                (0x4800, 0x5000, 2)
            ]
        );
    }
}
