//! The page heap: runs of pages ("spans") carved out of reserved regions.
//!
//! Address space is reserved in regions (64 MiB, doubling up to 256 MiB,
//! or as big as one huge request needs) that start out as one free,
//! uncommitted span. Allocating pages takes a free span (best fit by size
//! bin), splits off the rest, and commits the pages if they were not
//! committed. Freed spans are kept committed ("dirty") while the total of
//! dirty pages stays under [`DIRTY_LIMIT`], so that a program that frees
//! and allocates again does not pay two system calls each time; beyond
//! that, freed spans are decommitted (their memory goes back to the system)
//! and [`trim`](Heap::trim) decommits all dirty spans at once. Free spans of
//! the same state merge with their neighbours.
//!
//! Each region starts with its page map: one entry per page naming the span
//! that page belongs to. A span's first and last pages are always mapped
//! (that is how neighbours are found); a slab's pages are all mapped (an
//! object's address is looked up to free it), as is the first page of a
//! large allocation. Interior entries of other spans may be stale and are
//! never read.
//!
//! Span records come from their own small reservation that is committed as
//! it fills and never returned (records are reused).
//!
//! Everything here runs under the heap lock, except [`Heap::lookup`], which
//! only reads entries of spans that are in use and therefore stable.

use core::cell::UnsafeCell;
use core::ptr::null_mut;
use core::sync::atomic::{AtomicPtr, AtomicUsize, Ordering};

use super::os;
use crate::start::page_size;
use crate::sync::RawMutex;

/// Most bytes of freed spans kept committed for reuse.
pub(super) const DIRTY_LIMIT: usize = 4 << 20;
/// The first region's size; each next one doubles, up to [`MAX_REGION`].
const FIRST_REGION: usize = 64 << 20;
const MAX_REGION: usize = 256 << 20;
/// How many regions the heap can have.
const MAX_REGIONS: usize = 256;
/// Size bins for free spans: bin i holds spans of i + 1 pages, the last
/// bin all longer ones.
const BINS: usize = 64;
/// Span records are committed this many bytes at a time...
const META_CHUNK: usize = 64 << 10;
/// ...out of a reservation of this size.
const META_RESERVE: usize = 64 << 20;

/// What a span is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Free, decommitted.
    Clean = 0,
    /// Free, still committed (contents are garbage).
    Dirty = 1,
    /// One large allocation.
    Large,
    /// Small objects of one size class.
    Slab,
}

/// A run of pages and what it is used for.
pub(super) struct Span {
    pub start: usize,
    pub pages: usize,
    pub kind: Kind,
    /// For a large allocation: whether its pages were freshly committed
    /// (known to be zero).
    pub zeroed: bool,
    region: *const Region,
    /// Links in a free bin or a size class's list of slabs with room.
    pub next: *mut Span,
    pub prev: *mut Span,
    /// Slab state, guarded by the size class's lock.
    pub slab: Slab,
}

/// The small-object state of a slab span.
pub(super) struct Slab {
    pub class: usize,
    /// Freed objects, linked through their first word.
    pub free: *mut u8,
    /// The next object never handed out yet (its pages are untouched).
    pub bump: usize,
    pub used: usize,
    pub capacity: usize,
    pub listed: bool,
}

impl Span {
    pub(super) fn end(&self) -> usize {
        self.start + self.pages * page_size()
    }
}

/// A reservation and its page map.
struct Region {
    base: AtomicUsize,
    /// Bytes reserved; 0 until the region is set up.
    len: AtomicUsize,
    /// The page map: one entry per page of the region.
    map: AtomicPtr<AtomicPtr<Span>>,
}

impl Region {
    /// The page map entry of the page at `addr` (inside this region).
    fn entry(&self, addr: usize) -> &AtomicPtr<Span> {
        let i = (addr - self.base.load(Ordering::Relaxed)) / page_size();
        // SAFETY: the map has one entry per page of the region, and `addr`
        // lies in the region.
        unsafe { &*self.map.load(Ordering::Relaxed).add(i) }
    }

    /// The first page after the page map.
    fn payload(&self) -> usize {
        let pages = self.len.load(Ordering::Relaxed) / page_size();
        self.base.load(Ordering::Relaxed) + map_bytes(pages)
    }

    fn end(&self) -> usize {
        self.base.load(Ordering::Relaxed) + self.len.load(Ordering::Relaxed)
    }
}

/// Bytes the page map of a region of `pages` pages takes (whole pages).
fn map_bytes(pages: usize) -> usize {
    (pages * core::mem::size_of::<AtomicPtr<Span>>()).next_multiple_of(page_size())
}

/// Regions, appended and never removed, so that lookups need no lock: a
/// region's fields are written before `REGION_COUNT` publishes it.
static REGIONS: [Region; MAX_REGIONS] = [const {
    Region {
        base: AtomicUsize::new(0),
        len: AtomicUsize::new(0),
        map: AtomicPtr::new(null_mut()),
    }
}; MAX_REGIONS];
static REGION_COUNT: AtomicUsize = AtomicUsize::new(0);

struct State {
    /// Free spans by state (Clean, Dirty) and size bin, doubly linked.
    bins: [[*mut Span; BINS]; 2],
    dirty_bytes: usize,
    /// Unused span records, linked through `next`.
    spare: *mut Span,
    /// The span record reservation: next unused byte, committed end, end.
    meta_next: usize,
    meta_committed: usize,
    meta_end: usize,
}

/// The page heap; one per process.
pub(super) struct Heap {
    lock: RawMutex,
    state: UnsafeCell<State>,
}

// SAFETY: `state` is only touched with `lock` held.
unsafe impl Sync for Heap {}

pub(super) static HEAP: Heap = Heap {
    lock: RawMutex::new(),
    state: UnsafeCell::new(State {
        bins: [[null_mut(); BINS]; 2],
        dirty_bytes: 0,
        spare: null_mut(),
        meta_next: 0,
        meta_committed: 0,
        meta_end: 0,
    }),
};

/// The region holding `addr`.
fn region_of(addr: usize) -> Option<&'static Region> {
    let n = REGION_COUNT.load(Ordering::Acquire);
    REGIONS[..n]
        .iter()
        .find(|r| r.base.load(Ordering::Relaxed) <= addr && addr < r.end())
}

fn bin(pages: usize) -> usize {
    pages.min(BINS) - 1
}

impl Heap {
    fn with<R>(&self, f: impl FnOnce(&mut State) -> R) -> R {
        self.lock.lock();
        // SAFETY: the lock is held for the whole of `f`.
        let r = f(unsafe { &mut *self.state.get() });
        // SAFETY: taken above by this thread.
        unsafe { self.lock.unlock() };
        r
    }

    /// The span in use that holds `addr`: the start of a large allocation
    /// or any address in a slab. Returns null for addresses the heap never
    /// handed out.
    pub(super) fn lookup(&self, addr: usize) -> *mut Span {
        match region_of(addr) {
            Some(r) => r.entry(addr).load(Ordering::Acquire),
            None => null_mut(),
        }
    }

    /// Allocates `pages` committed pages starting at a multiple of
    /// `align` bytes, as a span of kind `Large`.
    pub(super) fn alloc(&self, pages: usize, align: usize) -> Option<*mut Span> {
        self.with(|st| st.alloc(pages, align))
    }

    /// Allocates a slab of `pages` pages, all of them mapped to it.
    pub(super) fn alloc_slab(&self, pages: usize) -> Option<*mut Span> {
        self.with(|st| {
            let s = st.alloc(pages, 1)?;
            // SAFETY: a span record of ours, just allocated.
            unsafe {
                (*s).kind = Kind::Slab;
                map_all(s);
            }
            Some(s)
        })
    }

    /// Frees a span in use.
    ///
    /// # Safety
    ///
    /// `s` is a `Large` or `Slab` span from this heap, no longer used.
    pub(super) unsafe fn free(&self, s: *mut Span) {
        // SAFETY: as the caller promised.
        self.with(|st| unsafe { st.free(s) })
    }

    /// Decommits every dirty span.
    pub(super) fn trim(&self) {
        self.with(State::purge)
    }

    /// Bytes of freed spans kept committed.
    pub(super) fn dirty_bytes(&self) -> usize {
        self.with(|st| st.dirty_bytes)
    }
}

/// Points every page of `s` at it.
unsafe fn map_all(s: *mut Span) {
    // SAFETY: a live span record inside a region.
    unsafe {
        let r = &*(*s).region;
        let mut at = (*s).start;
        while at < (*s).end() {
            r.entry(at).store(s, Ordering::Release);
            at += page_size();
        }
    }
}

/// Points the first and last pages of `s` at it.
unsafe fn map_ends(s: *mut Span) {
    // SAFETY: a live span record inside a region.
    unsafe {
        let r = &*(*s).region;
        r.entry((*s).start).store(s, Ordering::Release);
        r.entry((*s).end() - page_size())
            .store(s, Ordering::Release);
    }
}

impl State {
    fn alloc(&mut self, pages: usize, align: usize) -> Option<*mut Span> {
        let page = page_size();
        let align = align.max(page);
        // Room to start at an aligned page anywhere within the span.
        let need = pages.checked_add(align / page - 1)?;
        let s = match self
            .find(Kind::Dirty, need)
            .or_else(|| self.find(Kind::Clean, need))
        {
            Some(s) => s,
            None => {
                self.grow(need)?;
                self.find(Kind::Clean, need)?
            }
        };
        // SAFETY: `s` is a free span record of ours, now out of its bin.
        // The pieces split off go straight back to their bins: they cannot
        // merge with anything (the span was merged when it was freed).
        unsafe {
            let kind = (*s).kind;
            let mut s = s;
            let lead = ((*s).start.next_multiple_of(align) - (*s).start) / page;
            if lead > 0 {
                let Some(rest) = self.split(s, lead) else {
                    self.push(s);
                    return None;
                };
                self.push(s);
                s = rest;
            }
            if (*s).pages > pages {
                let Some(tail) = self.split(s, pages) else {
                    self.push(s);
                    return None;
                };
                self.push(tail);
            }
            let bytes = pages * page;
            if kind == Kind::Clean {
                if !os::commit((*s).start, bytes) {
                    self.push_free(s);
                    return None;
                }
                (*s).zeroed = true;
            } else {
                self.dirty_bytes -= bytes;
                (*s).zeroed = false;
            }
            (*s).kind = Kind::Large;
            map_ends(s);
            Some(s)
        }
    }

    /// Splits free span `s` after `pages` pages; returns the second part
    /// (same kind, out of any bin, its ends mapped).
    unsafe fn split(&mut self, s: *mut Span, pages: usize) -> Option<*mut Span> {
        let rest = self.record()?;
        // SAFETY: both are span records of ours.
        unsafe {
            (*rest).start = (*s).start + pages * page_size();
            (*rest).pages = (*s).pages - pages;
            (*rest).kind = (*s).kind;
            (*rest).region = (*s).region;
            (*s).pages = pages;
            map_ends(s);
            map_ends(rest);
        }
        Some(rest)
    }

    /// Takes a free span of `kind` with at least `pages` pages out of its
    /// bin: the first of the smallest fitting exact-size bin, or the best
    /// fit among the long spans.
    fn find(&mut self, kind: Kind, pages: usize) -> Option<*mut Span> {
        let bins = &self.bins[kind as usize];
        let mut found = null_mut();
        if let Some(i) = (bin(pages)..BINS - 1).find(|&i| !bins[i].is_null()) {
            found = bins[i];
        } else {
            let mut s = bins[BINS - 1];
            // SAFETY: the bin's list holds live span records.
            unsafe {
                while !s.is_null() {
                    if (*s).pages >= pages && (found.is_null() || (*s).pages < (*found).pages) {
                        found = s;
                    }
                    s = (*s).next;
                }
            }
        }
        if found.is_null() {
            return None;
        }
        // SAFETY: `found` is in its bin.
        unsafe { self.unlink(found) };
        Some(found)
    }

    /// Reserves a region big enough for `pages` pages, as one clean span.
    fn grow(&mut self, pages: usize) -> Option<()> {
        let page = page_size();
        let n = REGION_COUNT.load(Ordering::Relaxed);
        if n == MAX_REGIONS {
            return None;
        }
        let default = (FIRST_REGION << n.min(8)).min(MAX_REGION);
        // The map needs one entry per page of the whole region.
        let wanted = pages.checked_mul(page)?;
        let mut len = default;
        while len < wanted.checked_add(map_bytes(len / page))? {
            len = len.checked_add(default)?;
        }
        let span = self.record()?;
        let Some(base) = os::reserve(len) else {
            self.recycle(span);
            return None;
        };
        let map_len = map_bytes(len / page);
        if !os::commit(base, map_len) {
            os::release(base, len, 0);
            self.recycle(span);
            return None;
        }
        let r = &REGIONS[n];
        r.base.store(base, Ordering::Relaxed);
        r.len.store(len, Ordering::Relaxed);
        r.map.store(base as *mut AtomicPtr<Span>, Ordering::Relaxed);
        REGION_COUNT.store(n + 1, Ordering::Release);
        // SAFETY: a fresh record for the region's payload.
        unsafe {
            (*span).start = r.payload();
            (*span).pages = (len - map_len) / page;
            (*span).kind = Kind::Clean;
            (*span).region = r;
            map_ends(span);
            self.push(span);
        }
        Some(())
    }

    /// Frees span `s`: keeps it committed if the dirty budget allows,
    /// decommits it otherwise.
    unsafe fn free(&mut self, s: *mut Span) {
        // SAFETY: as the caller of `Heap::free` promised.
        unsafe {
            let bytes = (*s).pages * page_size();
            if self.dirty_bytes + bytes <= DIRTY_LIMIT {
                (*s).kind = Kind::Dirty;
                self.dirty_bytes += bytes;
            } else if os::decommit((*s).start, bytes) {
                (*s).kind = Kind::Clean;
            } else {
                // The system refused; keep the pages as dirty (over budget).
                (*s).kind = Kind::Dirty;
                self.dirty_bytes += bytes;
            }
            self.push_free(s);
        }
    }

    /// Decommits all dirty spans.
    fn purge(&mut self) {
        loop {
            let Some(i) = (0..BINS).find(|&i| !self.bins[Kind::Dirty as usize][i].is_null()) else {
                return;
            };
            let s = self.bins[Kind::Dirty as usize][i];
            // SAFETY: `s` is in its bin; it is a free dirty span.
            unsafe {
                self.unlink(s);
                let bytes = (*s).pages * page_size();
                self.dirty_bytes -= bytes;
                if !os::decommit((*s).start, bytes) {
                    // Keep it as it was, and stop trying.
                    self.dirty_bytes += bytes;
                    self.push(s);
                    return;
                }
                (*s).kind = Kind::Clean;
                self.push_free(s);
            }
        }
    }

    /// Puts free span `s` in its bin after merging it with free neighbours
    /// of the same kind.
    unsafe fn push_free(&mut self, s: *mut Span) {
        // SAFETY: `s` and its neighbours are live span records; neighbours
        // are found through the always-mapped ends of spans.
        unsafe {
            let r = &*(*s).region;
            let kind = (*s).kind;
            if (*s).start > r.payload() {
                let left = r.entry((*s).start - page_size()).load(Ordering::Relaxed);
                if (*left).kind == kind {
                    self.unlink(left);
                    (*s).start = (*left).start;
                    (*s).pages += (*left).pages;
                    self.recycle(left);
                }
            }
            if (*s).end() < r.end() {
                let right = r.entry((*s).end()).load(Ordering::Relaxed);
                if (*right).kind == kind {
                    self.unlink(right);
                    (*s).pages += (*right).pages;
                    self.recycle(right);
                }
            }
            map_ends(s);
            self.push(s);
        }
    }

    unsafe fn push(&mut self, s: *mut Span) {
        // SAFETY: `s` is a free span record out of any list.
        unsafe {
            let head = &mut self.bins[(*s).kind as usize][bin((*s).pages)];
            (*s).prev = null_mut();
            (*s).next = *head;
            if !head.is_null() {
                (**head).prev = s;
            }
            *head = s;
        }
    }

    unsafe fn unlink(&mut self, s: *mut Span) {
        // SAFETY: `s` is in the bin its kind and size name.
        unsafe {
            let head = &mut self.bins[(*s).kind as usize][bin((*s).pages)];
            if (*s).prev.is_null() {
                *head = (*s).next;
            } else {
                (*(*s).prev).next = (*s).next;
            }
            if !(*s).next.is_null() {
                (*(*s).next).prev = (*s).prev;
            }
            (*s).next = null_mut();
            (*s).prev = null_mut();
        }
    }

    /// A span record: a spare one, or a new one from the record reservation.
    fn record(&mut self) -> Option<*mut Span> {
        let s = if !self.spare.is_null() {
            let s = self.spare;
            // SAFETY: spare records are linked through `next`.
            self.spare = unsafe { (*s).next };
            s
        } else {
            let size = core::mem::size_of::<Span>();
            if self.meta_next + size > self.meta_committed {
                self.grow_meta()?;
            }
            let s = self.meta_next as *mut Span;
            self.meta_next += size;
            s
        };
        // SAFETY: committed memory for one record, not in use.
        unsafe {
            s.write(Span {
                start: 0,
                pages: 0,
                kind: Kind::Clean,
                zeroed: false,
                region: core::ptr::null(),
                next: null_mut(),
                prev: null_mut(),
                slab: Slab {
                    class: 0,
                    free: null_mut(),
                    bump: 0,
                    used: 0,
                    capacity: 0,
                    listed: false,
                },
            });
        }
        Some(s)
    }

    fn recycle(&mut self, s: *mut Span) {
        // SAFETY: a record no list refers to any more.
        unsafe { (*s).next = self.spare };
        self.spare = s;
    }

    fn grow_meta(&mut self) -> Option<()> {
        if self.meta_committed + META_CHUNK > self.meta_end {
            let base = os::reserve(META_RESERVE)?;
            self.meta_next = base;
            self.meta_committed = base;
            self.meta_end = base + META_RESERVE;
        }
        if !os::commit(self.meta_committed, META_CHUNK) {
            return None;
        }
        self.meta_committed += META_CHUNK;
        Some(())
    }
}
