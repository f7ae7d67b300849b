//! Reading allocates nothing: every read operation runs under a global
//! allocator that counts allocations made by this thread.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use argdata::{Argdata, Fd, FdMapping, Timestamp, Value};

struct Counting;

thread_local! {
    // Const-initialized and without destructors, so using them from inside
    // the allocator cannot itself allocate.
    static ACTIVE: Cell<bool> = const { Cell::new(false) };
    static COUNT: Cell<usize> = const { Cell::new(0) };
}

fn note() {
    let _ = ACTIVE.try_with(|a| {
        if a.get() {
            let _ = COUNT.try_with(|c| c.set(c.get() + 1));
        }
    });
}

// SAFETY: forwards every call to the system allocator unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note();
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract for `layout`, which
        // is all `System` needs.
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        note();
        // SAFETY: the caller upholds `alloc_zeroed`'s contract for `layout`, as `System` needs.
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note();
        // SAFETY: the caller got `ptr` from this allocator, so from `System`, with
        // `layout`, and `new_size` meets `realloc`'s contract.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller got `ptr` from this allocator, so from `System`, with `layout`.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Number of allocations `f` makes on this thread.
fn allocations(f: impl FnOnce()) -> usize {
    COUNT.with(|c| c.set(0));
    ACTIVE.with(|a| a.set(true));
    f();
    ACTIVE.with(|a| a.set(false));
    COUNT.with(|c| c.get())
}

/// Visits every node with every getter; returns a checksum so that the work
/// cannot be optimized away.
fn read_everything(ad: Argdata<'_>) -> u64 {
    let mut sum = 0u64;
    sum = sum.wrapping_add(ad.get_type().map_or(0, |t| t as u64));
    sum = sum.wrapping_add(ad.get_bool().map_or(0, u64::from));
    sum = sum.wrapping_add(ad.get_int::<i64>().map_or(0, |v| v as u64));
    sum = sum.wrapping_add(ad.get_integer().map_or(0, |v| v.get() as u64));
    sum = sum.wrapping_add(ad.get_float().map_or(0, f64::to_bits));
    sum = sum.wrapping_add(ad.get_str().map_or(0, |s| s.len() as u64));
    sum = sum.wrapping_add(ad.get_str_c().map_or(0, |s| s.to_bytes().len() as u64));
    sum = sum.wrapping_add(ad.get_binary().map_or(0, |b| b.len() as u64));
    sum = sum.wrapping_add(ad.get_fd().map_or(0, |fd| fd.get().unwrap_or(0) as u64));
    sum = sum.wrapping_add(ad.get_encoded_fd().map_or(0, u64::from));
    sum = sum.wrapping_add(ad.get_timestamp().map_or(0, |t| t.secs() as u64));
    if let Ok(seq) = ad.get_seq() {
        sum = sum.wrapping_add(seq.len().unwrap_or(0) as u64);
        sum = sum.wrapping_add(seq.get(2).ok().flatten().is_some() as u64);
        for e in seq {
            match e {
                Ok(e) => sum = sum.wrapping_add(read_everything(e)),
                Err(e) => sum = sum.wrapping_add(e.errno() as u64),
            }
        }
    }
    if let Ok(map) = ad.get_map() {
        sum = sum.wrapping_add(map.len().unwrap_or(0) as u64);
        for e in map {
            match e {
                Ok((k, v)) => {
                    sum = sum
                        .wrapping_add(read_everything(k))
                        .wrapping_add(read_everything(v))
                }
                Err(e) => sum = sum.wrapping_add(e.kind() as u64),
            }
        }
    }
    sum
}

fn sample() -> Value {
    let entries = (0..1000).map(|i| {
        (
            Value::from(format!("key{i}")),
            Value::seq([
                Value::from(i),
                Value::from(i as f64 / 3.0),
                Value::from(format!("value {i}")),
                Value::Fd(Fd::new(i % 7)),
                Value::Timestamp(Timestamp::new(i64::from(i), 5).unwrap()),
                Value::Binary(vec![i as u8; 5]),
                Value::Null,
                Value::from(i % 2 == 0),
                Value::map([(Value::from(u64::MAX), Value::Seq(vec![]))]),
            ]),
        )
    });
    Value::map(entries)
}

#[test]
fn the_counter_counts() {
    assert!(allocations(|| drop(std::hint::black_box(vec![1u8; 10]))) > 0);
}

#[test]
fn reading_allocates_nothing() {
    let enc = sample().encode();
    let key7 = Value::from("key7");
    let mut sum = 0u64;
    let n = allocations(|| {
        let ad = Argdata::with_fds(&enc.bytes, FdMapping::Table(&enc.fds));
        sum = sum.wrapping_add(read_everything(ad));
        let map = ad.get_map().unwrap();
        for key in ["key0", "key500", "key999", "missing"] {
            sum = sum.wrapping_add(
                map.get(key)
                    .unwrap()
                    .map_or(0, |v| v.as_bytes().len() as u64),
            );
        }
        sum = sum.wrapping_add(map.get(&key7).unwrap().is_some() as u64);
        let ad = Argdata::with_fds(&enc.bytes, FdMapping::Identity);
        sum = sum.wrapping_add(read_everything(ad));
    });
    assert!(sum > 0);
    assert_eq!(n, 0, "reading allocated {n} times");
}

#[test]
fn reading_malformed_input_allocates_nothing() {
    let inputs: [&[u8]; 8] = [
        &[0x00],
        &[0x02, 0x02],
        &[0x08, 0xC0, 0x80, 0x00],
        &[0x07, 0x00, 0x81, 0x05],
        &[0x07, 0x81, 0x05, 0x83, 0x05],
        &[0x06, 0x81, 0x05, 0x82, 0x05, 0x01, 0x82, 0x05, 0x02],
        &[0x05, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF],
        &[0x03, 0xFF, 0xFF, 0xFF, 0xFF],
    ];
    let mut sum = 0u64;
    let n = allocations(|| {
        for bytes in inputs {
            sum = sum.wrapping_add(read_everything(Argdata::with_fds(
                bytes,
                FdMapping::Identity,
            )));
        }
    });
    assert!(sum > 0);
    assert_eq!(n, 0, "reading allocated {n} times");
}
