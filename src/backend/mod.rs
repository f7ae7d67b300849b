//! Backends: pure functions from the IR to files in memory. Only xtask and the CLI write
//! files; the same output is what `gen --check` compares against.

pub mod c;
pub mod docs;
pub mod json;
pub mod rust;
pub mod vdso;

use crate::ir::Ir;

/// One generated file, with its path relative to the output directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub contents: String,
}

impl OutputFile {
    pub fn new(path: impl Into<String>, contents: impl Into<String>) -> OutputFile {
        OutputFile {
            path: path.into(),
            contents: contents.into(),
        }
    }
}

/// A named backend the CLI and xtask can run.
pub struct Backend {
    pub name: &'static str,
    pub description: &'static str,
    pub generate: fn(&Ir) -> Vec<OutputFile>,
    /// How long it runs relative to the others (measured on our spec in a fresh process,
    /// in tenths of a millisecond), so that [`run_each`] starts the longest first.
    pub cost: u32,
}

/// Every backend, in the order `cargo xtask gen` runs them.
pub fn all() -> &'static [Backend] {
    &[
        Backend {
            name: "json",
            description: "the whole IR as JSON, and its JSON Schema",
            generate: json::generate,
            cost: 15,
        },
        Backend {
            name: "c",
            description: "C type headers, syscall prototypes and X-macros",
            generate: c::generate,
            cost: 11,
        },
        Backend {
            name: "linux",
            description: "Linux kernel syscall prototypes and dispatch table",
            generate: c::linux::generate,
            cost: 5,
        },
        Backend {
            name: "freebsd",
            description: "FreeBSD syscalls32.master and syscalls64.master",
            generate: c::freebsd::generate,
            cost: 2,
        },
        Backend {
            name: "docs",
            description: "Markdown reference (C and Rust naming) and an HTML site",
            generate: docs::generate,
            cost: 37,
        },
        Backend {
            name: "vdso",
            description: "vDSO assembly: a stub per syscall for six architecture variants",
            generate: vdso::generate,
            cost: 6,
        },
        Backend {
            name: "rust",
            description:
                "the `cloudabi` Rust crate: bindings, layout tests and the host-side Syscalls trait",
            generate: rust::generate,
            cost: 17,
        },
    ]
}

pub fn find(name: &str) -> Option<&'static Backend> {
    all().iter().find(|b| b.name == name)
}

/// Runs every backend. Paths are unique across backends (checked by a test).
pub fn generate_all(ir: &Ir) -> Vec<OutputFile> {
    let every: Vec<&Backend> = all().iter().collect();
    run(ir, &every)
}

/// Runs `backends` and returns their files in the order of `backends`, so the result does
/// not depend on which finishes first.
pub fn run(ir: &Ir, backends: &[&Backend]) -> Vec<OutputFile> {
    let done: Vec<std::sync::Mutex<Vec<OutputFile>>> =
        backends.iter().map(|_| Default::default()).collect();
    let _ = run_each(ir, backends, |index, files| {
        *done[index].lock().unwrap_or_else(|e| e.into_inner()) = files;
        Ok::<(), ()>(())
    });
    done.into_iter()
        .flat_map(|m| m.into_inner().unwrap_or_else(|e| e.into_inner()))
        .collect()
}

/// Runs `backends` (they are pure and share the IR read-only) on as many worker threads
/// as the machine has cores, the costliest first, and hands each backend's files to `sink`
/// (with the backend's index in `backends`) on its worker as soon as it is done. Only the
/// files of the backends in flight are in memory at once, which bounds a large spec's
/// peak. The first error `sink` returns stops the workers taking new backends and is
/// returned.
pub fn run_each<E: Send>(
    ir: &Ir,
    backends: &[&Backend],
    sink: impl Fn(usize, Vec<OutputFile>) -> Result<(), E> + Sync,
) -> Result<(), E> {
    let mut order: Vec<usize> = (0..backends.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(backends[i].cost));
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(order.len());
    let next = std::sync::atomic::AtomicUsize::new(0);
    let failed = std::sync::Mutex::new(None);
    let work = || loop {
        let taken = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let Some(&index) = order.get(taken) else {
            return;
        };
        if let Err(e) = sink(index, (backends[index].generate)(ir)) {
            let mut failed = failed.lock().unwrap_or_else(|e| e.into_inner());
            failed.get_or_insert(e);
            next.store(order.len(), std::sync::atomic::Ordering::Relaxed);
            return;
        }
    };
    if workers <= 1 {
        work();
    } else {
        std::thread::scope(|scope| {
            // This thread is one of the workers. A backend that panics is a bug: its panic
            // is reported as it happens, and the scope passes a panic on to the caller.
            for _ in 1..workers {
                scope.spawn(work);
            }
            work();
        });
    }
    match failed.into_inner().unwrap_or_else(|e| e.into_inner()) {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// The first line every generated file carries, in the comment syntax of its language
/// (`prefix`), naming the spec it came from.
pub fn banner(ir: &Ir, prefix: &str) -> String {
    format!(
        "{prefix}Generated from {} by cloudabi-gen. Do not edit: run `cargo xtask gen`.\n",
        ir.spec_name()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_gives_each_backends_files_in_the_order_asked_for() {
        let ir = crate::default_ir().unwrap();
        let every: Vec<&Backend> = all().iter().rev().collect();
        let one_by_one: Vec<OutputFile> = every.iter().flat_map(|b| (b.generate)(&ir)).collect();
        assert_eq!(run(&ir, &every), one_by_one);
    }

    #[test]
    fn run_each_hands_over_every_backend_once_and_stops_at_the_first_error() {
        let ir = crate::default_ir().unwrap();
        let every: Vec<&Backend> = all().iter().collect();
        let seen = std::sync::Mutex::new(Vec::new());
        run_each(&ir, &every, |i, files| {
            assert!(!files.is_empty());
            seen.lock().unwrap().push(i);
            Ok::<(), ()>(())
        })
        .unwrap();
        let mut seen = seen.into_inner().unwrap();
        seen.sort();
        assert_eq!(seen, (0..every.len()).collect::<Vec<_>>());

        let calls = std::sync::atomic::AtomicUsize::new(0);
        let result = run_each(&ir, &every, |i, _| {
            calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            Err(i)
        });
        assert!(result.is_err());
        // Each worker stops after its first error.
        let workers = std::thread::available_parallelism().map_or(1, usize::from);
        assert!(calls.into_inner() <= workers);
    }
}
