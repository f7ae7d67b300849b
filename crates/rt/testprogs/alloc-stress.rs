//! Stresses the allocator the way a busy program does; run by
//! crates/emulator/tests/rt.rs.
//!
//! Argdata: `{out: fd, threads: N, seconds: S}`. N threads allocate and
//! free blocks of random sizes (16 bytes to 8 MiB, most of them small) for
//! S seconds, grow vectors, and pass blocks to each other so that blocks
//! are freed by other threads than the ones that made them. Every block is
//! filled with a pattern of its own and checked before it is freed.
//!
//! Then each thread keeps a set of blocks alive while the main thread
//! reports the allocator's committed memory (`phase holding`), frees them
//! (`phase freed`), and gives the cached pages back (`phase trimmed`),
//! sleeping after each report so that the test can look at the process's
//! resident memory from outside.
#![no_std]
#![no_main]

extern crate alloc;

use alloc::sync::Arc;
use core::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};

use cloudabi_rt::memory;
use cloudabi_rt::prelude::*;
use cloudabi_rt::sync::{Condvar, Mutex};
use cloudabi_rt::thread;
use cloudabi_rt::time::{Duration, Instant};

cloudabi_rt::entry!(main);

/// A block and the seed of its pattern.
struct Block {
    data: Vec<u8>,
    seed: u8,
}

impl Block {
    fn new(size: usize, seed: u8) -> Block {
        let data = (0..size).map(|i| pattern(seed, i)).collect();
        Block { data, seed }
    }

    /// Whether the contents are still the pattern.
    fn intact(&self) -> bool {
        self.data
            .iter()
            .enumerate()
            .all(|(i, &b)| b == pattern(self.seed, i))
    }
}

fn pattern(seed: u8, i: usize) -> u8 {
    seed.wrapping_add((i as u8).wrapping_mul(31)) ^ (i >> 8) as u8
}

/// xorshift64*: a fast generator for sizes and choices.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// A size: mostly small, some medium, few large, rarely huge.
    fn size(&mut self) -> usize {
        let s = match self.below(100) {
            0..=69 => 1 + self.below(2048),
            70..=89 => 2048 + self.below(62 * 1024),
            90..=97 => 64 * 1024 + self.below(960 * 1024),
            _ => (1 << 20) + self.below(7 << 20),
        };
        s as usize
    }
}

struct Shared {
    stop: AtomicBool,
    ops: AtomicU64,
    corrupt: AtomicU64,
    peak: AtomicUsize,
    /// Blocks handed from one thread to another.
    exchange: Mutex<Vec<Block>>,
    /// How many threads hold their final blocks, and whether to free them.
    holding: Mutex<(usize, bool)>,
    changed: Condvar,
}

fn note_peak(shared: &Shared) {
    shared
        .peak
        .fetch_max(memory::stats().committed, Ordering::Relaxed);
}

fn worker(shared: Arc<Shared>, id: u64) {
    let mut rng = Rng((cloudabi_rt::random::u64().unwrap_or(1) ^ (id << 32)) | 1);
    let mut live: Vec<Block> = Vec::new();
    let check = |b: &Block| {
        if !b.intact() {
            shared.corrupt.fetch_add(1, Ordering::Relaxed);
        }
    };
    while !shared.stop.load(Ordering::Relaxed) {
        match rng.below(10) {
            // Allocate.
            0..=4 => live.push(Block::new(rng.size(), rng.next() as u8)),
            // Free a random block.
            5..=6 if !live.is_empty() => {
                let b = live.swap_remove(rng.below(live.len() as u64) as usize);
                check(&b);
            }
            // Grow a vector piece by piece (realloc), then check it.
            7 => {
                let seed = rng.next() as u8;
                let n = rng.below(100_000) as usize;
                let mut v = Vec::new();
                for i in 0..n {
                    v.push(pattern(seed, i));
                }
                check(&Block { data: v, seed });
            }
            // Trade a block with another thread.
            8 => {
                let mut ex = shared.exchange.lock();
                if let Some(b) = ex.pop() {
                    drop(ex);
                    check(&b);
                } else if let Some(b) = live.pop() {
                    ex.push(b);
                }
            }
            _ => note_peak(&shared),
        }
        // Keep each thread's live set bounded (about 16 MiB).
        while live.iter().map(|b| b.data.len()).sum::<usize>() > 16 << 20 {
            check(&live.swap_remove(0));
        }
        shared.ops.fetch_add(1, Ordering::Relaxed);
    }
    // Hold a known amount (8 MiB in 64 KiB blocks) until told to free it.
    for b in live.drain(..) {
        check(&b);
    }
    let hold: Vec<Block> = (0..128).map(|i| Block::new(64 * 1024, i as u8)).collect();
    note_peak(&shared);
    let mut h = shared.holding.lock();
    h.0 += 1;
    shared.changed.notify_all();
    let h = shared.changed.wait_while(h, |h| !h.1);
    drop(h);
    for b in &hold {
        check(b);
    }
}

fn main(args: Args) -> Result<(), Error> {
    let mut out: Fd = args.get("out")?;
    let threads: usize = args.get("threads")?;
    let seconds: u64 = args.get("seconds")?;
    let start = memory::stats();
    writeln!(out, "threads {threads}")?;
    writeln!(out, "committed start {}", start.committed)?;
    let shared = Arc::new(Shared {
        stop: AtomicBool::new(false),
        ops: AtomicU64::new(0),
        corrupt: AtomicU64::new(0),
        peak: AtomicUsize::new(0),
        exchange: Mutex::new(Vec::new()),
        holding: Mutex::new((0, false)),
        changed: Condvar::new(),
    });
    let workers: Vec<_> = (0..threads as u64)
        .map(|id| {
            let shared = shared.clone();
            thread::spawn(move || worker(shared, id))
        })
        .collect();
    let begun = Instant::now();
    thread::sleep(Duration::from_secs(seconds));
    shared.stop.store(true, Ordering::Relaxed);

    let h = shared
        .changed
        .wait_while(shared.holding.lock(), |h| h.0 < threads);
    drop(h);
    let holding = memory::stats();
    writeln!(out, "committed holding {}", holding.committed)?;
    writeln!(out, "phase holding")?;
    thread::sleep(Duration::from_millis(300));

    shared.holding.lock().1 = true;
    shared.changed.notify_all();
    for w in workers {
        w.join();
    }
    for b in shared.exchange.lock().drain(..) {
        if !b.intact() {
            shared.corrupt.fetch_add(1, Ordering::Relaxed);
        }
    }
    let freed = memory::stats();
    writeln!(
        out,
        "committed peak {}",
        shared.peak.load(Ordering::Relaxed).max(holding.committed)
    )?;
    writeln!(out, "committed freed {}", freed.committed)?;
    writeln!(out, "cached freed {}", freed.cached)?;
    writeln!(out, "phase freed")?;
    thread::sleep(Duration::from_millis(300));

    memory::trim();
    let trimmed = memory::stats();
    writeln!(out, "committed trimmed {}", trimmed.committed)?;
    writeln!(out, "reserved {}", trimmed.reserved)?;
    writeln!(out, "ops {}", shared.ops.load(Ordering::Relaxed))?;
    writeln!(out, "seconds {}", begun.elapsed().as_secs())?;
    writeln!(out, "corrupt {}", shared.corrupt.load(Ordering::Relaxed))?;
    writeln!(out, "phase trimmed")?;
    thread::sleep(Duration::from_millis(300));
    Ok(())
}
