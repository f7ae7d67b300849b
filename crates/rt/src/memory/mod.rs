//! The global allocator.
//!
//! Requests up to 16 KiB are rounded up to one of 36 size classes and
//! served from slabs: spans of pages cut into objects of one class, handed
//! out from a free list (objects freed earlier) or by bumping through
//! untouched memory. Each class has its own lock, so threads allocating
//! different sizes do not contend. A slab that empties goes back to the
//! page heap (unless it is its class's only slab with room). Bigger
//! requests get their own run of pages from the page heap (`heap.rs`),
//! which reserves address space, commits it as needed and gives memory
//! back (see there).
//!
//! [`stats`] reports committed and reserved bytes; [`trim`] returns every
//! page that is free but still committed.

mod heap;
pub(crate) mod os;

use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;
use core::ptr::null_mut;
use core::sync::atomic::Ordering;

use heap::{Kind, Span, HEAP};

use crate::start::page_size;
use crate::sync::RawMutex;

/// The size classes: multiples of 16, about four per doubling.
const CLASSES: [usize; 36] = [
    16, 32, 48, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 448, 512, 640, 768, 896, 1024,
    1280, 1536, 1792, 2048, 2560, 3072, 3584, 4096, 5120, 6144, 7168, 8192, 10240, 12288, 14336,
    16384,
];
/// The largest request served by a size class.
const MAX_SMALL: usize = 16384;

/// The smallest class that fits `layout`, if it is small. Objects of class
/// size `c` sit at multiples of `c` from a page-aligned slab start, so a
/// class whose size is a multiple of the alignment (every class, for
/// alignments up to 16) gives aligned objects.
fn class_of(layout: Layout) -> Option<usize> {
    let (size, align) = (layout.size().max(1), layout.align());
    if size > MAX_SMALL || align > page_size() {
        return None;
    }
    let first = CLASSES.partition_point(|&c| c < size);
    (first..CLASSES.len()).find(|&i| CLASSES[i].is_multiple_of(align))
}

/// Pages per slab of class `size`: room for at least 8 objects and at least
/// 16 KiB.
fn slab_pages(size: usize) -> usize {
    (size * 8).max(16 << 10).div_ceil(page_size())
}

/// A size class's slabs that have room, guarded by its lock.
struct Class {
    lock: RawMutex,
    partial: UnsafeCell<*mut Span>,
}

// SAFETY: `partial` and the slabs it lists are only touched with `lock` held.
unsafe impl Sync for Class {}

static CLASS: [Class; 36] = [const {
    Class {
        lock: RawMutex::new(),
        partial: UnsafeCell::new(null_mut()),
    }
}; 36];

impl Class {
    fn with<R>(&self, f: impl FnOnce(&mut *mut Span) -> R) -> R {
        self.lock.lock();
        // SAFETY: the lock is held for the whole of `f`.
        let r = f(unsafe { &mut *self.partial.get() });
        // SAFETY: taken above by this thread.
        unsafe { self.lock.unlock() };
        r
    }
}

unsafe fn list_push(head: &mut *mut Span, s: *mut Span) {
    // SAFETY: `s` is a slab of this class, not listed; the class lock is held.
    unsafe {
        (*s).prev = null_mut();
        (*s).next = *head;
        if !head.is_null() {
            (**head).prev = s;
        }
        *head = s;
        (*s).slab.listed = true;
    }
}

unsafe fn list_remove(head: &mut *mut Span, s: *mut Span) {
    // SAFETY: `s` is listed in this class's list; the class lock is held.
    unsafe {
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
        (*s).slab.listed = false;
    }
}

fn alloc_small(class: usize) -> *mut u8 {
    let size = CLASSES[class];
    CLASS[class].with(|partial| {
        if partial.is_null() {
            let Some(s) = HEAP.alloc_slab(slab_pages(size)) else {
                return null_mut();
            };
            // SAFETY: a fresh slab span, ours alone.
            unsafe {
                let slab = &mut (*s).slab;
                slab.class = class;
                slab.free = null_mut();
                slab.bump = (*s).start;
                slab.used = 0;
                slab.capacity = (*s).pages * page_size() / size;
                list_push(partial, s);
            }
        }
        let s = *partial;
        // SAFETY: a listed slab (it has room); the class lock is held.
        unsafe {
            let slab = &mut (*s).slab;
            let obj = if slab.free.is_null() {
                let obj = slab.bump as *mut u8;
                slab.bump += size;
                obj
            } else {
                let obj = slab.free;
                slab.free = obj.cast::<*mut u8>().read();
                obj
            };
            slab.used += 1;
            if slab.used == slab.capacity {
                list_remove(partial, s);
            }
            obj
        }
    })
}

/// # Safety
///
/// `ptr` is an object of slab `s`, allocated and not yet freed.
unsafe fn free_small(s: *mut Span, ptr: *mut u8) {
    // SAFETY: as the caller promised; the slab's class never changes while
    // it has objects in use.
    let class = unsafe { (*s).slab.class };
    let release = CLASS[class].with(|partial| {
        // SAFETY: the class lock is held.
        unsafe {
            let slab = &mut (*s).slab;
            ptr.cast::<*mut u8>().write(slab.free);
            slab.free = ptr;
            slab.used -= 1;
            if !slab.listed {
                list_push(partial, s);
            }
            // An empty slab goes back unless it is the class's only one
            // with room (which spares the next allocation a new slab).
            if slab.used == 0 && !((*s).prev.is_null() && (*s).next.is_null()) {
                list_remove(partial, s);
                return true;
            }
            false
        }
    });
    if release {
        // SAFETY: no object of the slab is in use, and no class list holds it.
        unsafe { HEAP.free(s) };
    }
}

fn alloc_large(layout: Layout) -> (*mut u8, bool) {
    let pages = layout.size().div_ceil(page_size()).max(1);
    match HEAP.alloc(pages, layout.align()) {
        // SAFETY: a fresh span of ours.
        Some(s) => unsafe { ((*s).start as *mut u8, (*s).zeroed) },
        None => (null_mut(), false),
    }
}

/// The span of a pointer this allocator handed out.
fn span_of(ptr: *mut u8) -> *mut Span {
    let s = HEAP.lookup(ptr as usize);
    // Freeing memory the allocator never gave out is undefined behaviour;
    // catch it here rather than corrupting the heap.
    // SAFETY: non-null entries are live span records.
    if s.is_null() || !matches!(unsafe { (*s).kind }, Kind::Large | Kind::Slab) {
        invalid_free(ptr);
    }
    s
}

#[cold]
fn invalid_free(ptr: *mut u8) -> ! {
    panic!("free of {ptr:p}, which the allocator did not hand out (or freed already)");
}

/// The allocator `#[global_allocator]` installs (in this crate's root).
pub struct Allocator;

// SAFETY: every pointer returned is either null or the start of a block of
// at least `layout.size()` bytes aligned to `layout.align()`, owned by the
// caller until it is passed back; see the module documentation.
unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        match class_of(layout) {
            Some(c) => alloc_small(c),
            None => alloc_large(layout).0,
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let (p, zeroed) = match class_of(layout) {
            Some(c) => (alloc_small(c), false),
            None => alloc_large(layout),
        };
        if !p.is_null() && !zeroed {
            // SAFETY: `p` holds at least `layout.size()` bytes.
            unsafe { p.write_bytes(0, layout.size()) };
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        let s = span_of(ptr);
        // SAFETY: `ptr` came from this allocator and is freed once (the
        // GlobalAlloc contract); its span is in use.
        unsafe {
            match (*s).kind {
                Kind::Slab => free_small(s, ptr),
                _ => HEAP.free(s),
            }
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the GlobalAlloc contract: `new_size` is valid for the
        // alignment.
        let new = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        let s = span_of(ptr);
        // Stay in place when the block already fits: same class, or a large
        // block with the same number of pages.
        // SAFETY: the span is in use, so its fields are stable.
        let fits = unsafe {
            match (*s).kind {
                Kind::Slab => class_of(new) == Some((*s).slab.class),
                _ => class_of(new).is_none() && new_size.div_ceil(page_size()) == (*s).pages,
            }
        };
        if fits {
            return ptr;
        }
        // SAFETY: as for `alloc`.
        let p = unsafe { self.alloc(new) };
        if !p.is_null() {
            // SAFETY: both blocks hold at least the smaller size; distinct blocks.
            unsafe {
                p.copy_from_nonoverlapping(ptr, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
        }
        p
    }
}

/// What the allocator holds from the system.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    /// Bytes of address space mapped readable and writable: live blocks,
    /// slabs, freed pages kept for reuse, the allocator's own tables, and
    /// the stacks of running threads.
    pub committed: usize,
    /// Bytes of address space reserved (committed or not).
    pub reserved: usize,
    /// Of `committed`, bytes that are free but kept for reuse (at most 4 MiB).
    pub cached: usize,
}

/// The allocator's current use of memory.
pub fn stats() -> Stats {
    Stats {
        committed: os::COMMITTED.load(Ordering::Relaxed),
        reserved: os::RESERVED.load(Ordering::Relaxed),
        cached: HEAP.dirty_bytes(),
    }
}

/// Gives every free page back to the system now: empty slabs kept for
/// reuse, and freed pages kept committed (up to 4 MiB otherwise).
pub fn trim() {
    for class in &CLASS {
        while let Some(s) = class.with(take_empty) {
            // SAFETY: an empty slab, out of its class's list.
            unsafe { HEAP.free(s) };
        }
    }
    HEAP.trim();
}

/// Takes an empty slab out of a class's list, if it has one.
fn take_empty(partial: &mut *mut Span) -> Option<*mut Span> {
    let mut s = *partial;
    // SAFETY: the class lock is held; the list holds live slabs.
    unsafe {
        while !s.is_null() {
            if (*s).slab.used == 0 {
                list_remove(partial, s);
                return Some(s);
            }
            s = (*s).next;
        }
    }
    None
}
