//! The emulator's costs next to the host's: a 1-byte `fd_write` to
//! /dev/null against `write(2)`, `clock_time_get` against `clock_gettime`
//! (both measured inside a guest loop run in this process, so the per-call
//! figure is the entry point, argument checks, rights check and host call),
//! and the start-to-exit time of the hello guest through `cloudabi-run`
//! (sandbox on and off) next to a native static program and `/bin/true`.
//! After criterion's groups it prints start-to-exit and the two ratios again
//! from paired rounds (see `paired_start` and `paired`), which hold up
//! better on a shared machine, with the load average, and
//! then the same calls in a guest run by `cloudabi-run` with the kernel
//! sandbox on and off, and the start-up cost of the sandbox (`sandboxed`);
//! run `cargo bench -p cloudabi-emulator --bench emulator -- none` for
//! those alone. With `CLOUDABI_RUN_BASELINE=PATH` it runs only the
//! comparison of the calls under another build of `cloudabi-run` with this
//! one's (`baseline`).
//!
//! Reading the `fd_write` figure: the emulator's share is whatever runs
//! between two host system calls, and on the VM this was tuned on, that
//! time depended on code placement as much as on instruction counts (the
//! same Rust code, placed differently by an unrelated change, moved the
//! ratio between 1.08 and 1.25). So changes to the hot path were judged on
//! several builds with different layouts (e.g. `RUSTFLAGS="-C
//! llvm-args=-align-all-functions=6"`), not on one.

#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
mod imp {
    use std::path::{Path, PathBuf};
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};

    use argdata::{Fd, Value};
    use criterion::{criterion_group, Criterion};

    fn guest(name: &str) -> Vec<u8> {
        let src =
            Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../tests/guests/c/{name}.c"));
        let out =
            std::env::temp_dir().join(format!("cloudabi-bench-{name}-{}", std::process::id()));
        let status = Command::new("gcc")
            .args([
                "-nostdlib",
                "-ffreestanding",
                "-fPIE",
                "-static-pie",
                "-fno-stack-protector",
            ])
            .args(["-fno-asynchronous-unwind-tables", "-O2", "-I"])
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../generated/c"))
            .arg("-o")
            .arg(&out)
            .arg(&src)
            .status()
            .expect("gcc is needed (Debian package gcc)");
        assert!(status.success());
        let mut bytes = std::fs::read(&out).unwrap();
        bytes[7] = 17;
        std::fs::write(&out, &bytes).unwrap();
        bytes
    }

    fn devnull() -> std::os::fd::OwnedFd {
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/null")
            .unwrap()
            .into()
    }

    /// Runs `op` `n` times inside the bench guest; the time it took.
    fn guest_loop(file: &[u8], op: &str, n: u64) -> Duration {
        guest_loop_timed(file, op, n).0
    }

    /// The same: the wall time and this thread's CPU time it took.
    fn guest_loop_timed(file: &[u8], op: &str, n: u64) -> (Duration, Duration) {
        let tree = Value::map([
            ("op", Value::from(op)),
            ("n", Value::Int(n.into())),
            ("out", Value::Fd(Fd::new(0))),
        ]);
        let bytes = tree.encode().bytes;
        let (start, cpu) = (Instant::now(), thread_cpu());
        let code = cloudabi_emulator::run_in_process(file, &bytes, vec![devnull()]).unwrap();
        let took = (start.elapsed(), thread_cpu() - cpu);
        assert_eq!(code, 0);
        took
    }

    /// The CPU time this thread has used.
    fn thread_cpu() -> Duration {
        let t = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
        Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
    }

    fn syscalls(c: &mut Criterion) {
        let file = guest("bench");
        let null = devnull();
        let mut g = c.benchmark_group("fd_write 1 byte to /dev/null");
        g.bench_function("native write(2)", |b| {
            b.iter(|| rustix::io::write(&null, b"x").unwrap())
        });
        g.bench_function("emulated fd_write", |b| {
            b.iter_custom(|n| guest_loop(&file, "write", n))
        });
        g.finish();
        let mut g = c.benchmark_group("clock");
        g.bench_function("native clock_gettime", |b| {
            b.iter(|| rustix::time::clock_gettime(rustix::time::ClockId::Monotonic))
        });
        g.bench_function("emulated clock_time_get", |b| {
            b.iter_custom(|n| guest_loop(&file, "clock", n))
        });
        g.finish();
    }

    /// A native, statically linked C program that prints what the hello
    /// guest prints: the start-to-exit floor of a program on this machine.
    fn native_hello() -> PathBuf {
        let dir = std::env::temp_dir();
        let src = dir.join(format!("cloudabi-bench-native-{}.c", std::process::id()));
        let out = dir.join(format!("cloudabi-bench-native-{}", std::process::id()));
        std::fs::write(
            &src,
            "#include <unistd.h>\nint main(void) { return write(1, \"Hello, World!\\n\", 14) != 14; }\n",
        )
        .unwrap();
        let status = Command::new("gcc")
            .args(["-O2", "-static", "-o"])
            .arg(&out)
            .arg(&src)
            .status()
            .expect("gcc is needed (Debian package gcc)");
        assert!(
            status.success(),
            "gcc -static failed (glibc's libc.a is in libc6-dev)"
        );
        let _ = std::fs::remove_file(&src);
        out
    }

    const HELLO_YAML: &str = "%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\nout: !fd stdout\n";

    /// What start-to-exit is measured on: the hello guest through
    /// `cloudabi-run` with the kernel sandbox on and off, and, as the floor,
    /// a native static program printing the same and `/bin/true`.
    struct Starts {
        hello: PathBuf,
        native: PathBuf,
    }

    impl Starts {
        const NAMES: [&str; 4] = [
            "cloudabi-run hello, sandbox on",
            "cloudabi-run hello, sandbox off",
            "native static hello (reference)",
            "native /bin/true (reference)",
        ];

        fn new() -> Starts {
            let hello =
                std::env::temp_dir().join(format!("cloudabi-bench-hello-{}", std::process::id()));
            std::fs::write(&hello, guest("hello")).unwrap();
            Starts {
                hello,
                native: native_hello(),
            }
        }

        /// Runs subject `i` of `NAMES` once, each with the same plumbing
        /// (stdin a pipe, stdout /dev/null): its wall and CPU time.
        fn run(&self, i: usize) -> (Duration, Duration) {
            let launcher = Path::new(env!("CARGO_BIN_EXE_cloudabi-run"));
            match i {
                0 => launch_with(launcher, &self.hello, HELLO_YAML, true),
                1 => launch_with(launcher, &self.hello, HELLO_YAML, false),
                2 => timed(Command::new(&self.native), HELLO_YAML.as_bytes()),
                _ => timed(Command::new("/bin/true"), HELLO_YAML.as_bytes()),
            }
        }
    }

    impl Drop for Starts {
        fn drop(&mut self) {
            let _ = std::fs::remove_file(&self.hello);
            let _ = std::fs::remove_file(&self.native);
        }
    }

    fn start_to_exit(c: &mut Criterion) {
        let starts = Starts::new();
        let mut g = c.benchmark_group("start to exit");
        g.sample_size(30);
        for (i, name) in Starts::NAMES.iter().enumerate() {
            g.bench_function(*name, |b| {
                b.iter_custom(|n| (0..n).map(|_| starts.run(i).0).sum())
            });
        }
        g.finish();
    }

    /// The load average, as /proc/loadavg gives it (1, 5, 15 minutes).
    fn load_average() -> String {
        std::fs::read_to_string("/proc/loadavg")
            .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
            .unwrap_or_else(|_| "unknown".into())
    }

    /// `rounds` under `cargo bench`; a few under `cargo test --all-targets`,
    /// which runs this binary unoptimized only to see that it works, and
    /// whose time every test run pays.
    fn scaled(rounds: usize) -> usize {
        if std::env::args().any(|a| a == "--bench") {
            rounds
        } else {
            rounds.min(3)
        }
    }

    /// `calls` per round under `cargo bench`; a thousand under `cargo test
    /// --all-targets` (see [`scaled`]), where the launcher is an unoptimized
    /// build.
    fn scaled_calls(calls: u64) -> u64 {
        if std::env::args().any(|a| a == "--bench") {
            calls
        } else {
            calls.min(1000)
        }
    }

    /// Start-to-exit of the four subjects taken in turn, round after round,
    /// so that the load of a shared machine falls on all alike: the best and
    /// the median wall time of each, and its median CPU time (user and
    /// system, which waiting for a CPU does not inflate), with their ratios
    /// to the native static program.
    fn paired_start() {
        let rounds = scaled(300);
        let starts = Starts::new();
        let before = load_average();
        let mut wall: [Vec<Duration>; 4] = Default::default();
        let mut cpu: [Vec<Duration>; 4] = Default::default();
        for round in 0..rounds {
            // A different subject goes first each round.
            for k in 0..4 {
                let i = (round + k) % 4;
                let (w, c) = starts.run(i);
                wall[i].push(w);
                cpu[i].push(c);
            }
        }
        for t in wall.iter_mut().chain(cpu.iter_mut()) {
            t.sort();
        }
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        println!(
            "start to exit, {rounds} rounds of the four in turn (load average {before} before, {} after); \
             wall best / median, CPU median, in ms, and x the native static program:",
            load_average()
        );
        let floor = |t: &[Duration], at: usize| ms(t[at]);
        let (best, median) = (0, rounds / 2);
        for (i, name) in Starts::NAMES.iter().enumerate() {
            let (b, m, c) = (ms(wall[i][best]), ms(wall[i][median]), ms(cpu[i][median]));
            println!(
                "  {name:<34} {b:.3} / {m:.3}, CPU {c:.3}  (x{:.2} / x{:.2}, CPU x{:.2})",
                b / floor(&wall[2], best),
                m / floor(&wall[2], median),
                c / floor(&cpu[2], median).max(1e-3)
            );
        }
    }

    /// Nanoseconds per call of `native` run `n` times, and of the guest
    /// doing `op` `n` times (its start-up, measured with `n = 0`, taken
    /// off), in wall time and in this thread's CPU time:
    /// `[native wall, emulated wall, native CPU, emulated CPU]`.
    fn round(file: &[u8], op: &str, n: u64, mut native: impl FnMut()) -> [f64; 4] {
        let (start, cpu) = (Instant::now(), thread_cpu());
        for _ in 0..n {
            native();
        }
        let native = (start.elapsed(), thread_cpu() - cpu);
        let startup = guest_loop_timed(file, op, 0);
        let emulated = guest_loop_timed(file, op, n);
        let per_call = |d: Duration| d.as_nanos() as f64 / n as f64;
        [
            per_call(native.0),
            per_call(emulated.0.saturating_sub(startup.0)),
            per_call(native.1),
            per_call(emulated.1.saturating_sub(startup.1)),
        ]
    }

    /// The ratios, from native and emulated runs taken in alternation: on a
    /// machine shared with other work, criterion's one-after-the-other
    /// figures drift apart with the load, while the best of many paired
    /// rounds does not; the CPU-time figures are not inflated by waiting
    /// for a CPU at all.
    pub(crate) fn paired() {
        paired_start();
        let rounds = scaled(25);
        let n = scaled_calls(200_000);
        let file = guest("bench");
        let null = devnull();
        let best = |a: [f64; 4], b: [f64; 4]| std::array::from_fn(|i| a[i].min(b[i]));
        let mut write = [f64::MAX; 4];
        let mut clock = [f64::MAX; 4];
        for _ in 0..rounds {
            let r = round(&file, "write", n, || {
                rustix::io::write(&null, b"x").unwrap();
            });
            write = best(write, r);
            let r = round(&file, "clock", n, || {
                std::hint::black_box(rustix::time::clock_gettime(
                    rustix::time::ClockId::Monotonic,
                ));
            });
            clock = best(clock, r);
        }
        println!(
            "paired, best of {rounds} alternating rounds of {n} calls (load average {}):",
            load_average()
        );
        for (name, [n, e, nc, ec]) in [("fd_write 1 byte", write), ("clock_time_get", clock)] {
            println!(
                "  {name}: native {n:.1} ns, emulated {e:.1} ns, ratio {:.3}; CPU time {nc:.1} ns and {ec:.1} ns, ratio {:.3}",
                e / n,
                ec / nc
            );
        }
    }

    /// `cloudabi-run [--sandbox=off] GUEST` (the launcher `run`) with `yaml`,
    /// its stdout on /dev/null: its wall time, and the CPU time
    /// (user and system) the launcher process used, which waiting for a
    /// CPU on a loaded machine does not inflate.
    // The child is reaped by wait4, which also gives its CPU time.
    #[allow(clippy::zombie_processes)]
    fn launch_with(run: &Path, exe: &Path, yaml: &str, sandbox: bool) -> (Duration, Duration) {
        let mut cmd = Command::new(run);
        if !sandbox {
            cmd.arg("--sandbox=off");
        }
        cmd.arg(exe);
        timed(cmd, yaml.as_bytes())
    }

    /// Runs `cmd` to its exit with `input` on its stdin and its stdout and
    /// stderr on /dev/null: its wall time and its CPU time (user and
    /// system).
    // The child is reaped by wait4, which also gives its CPU time.
    #[allow(clippy::zombie_processes)]
    fn timed(mut cmd: Command, input: &[u8]) -> (Duration, Duration) {
        use std::io::Write;
        let start = Instant::now();
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // A program that does not read its input may be gone already.
        let _ = child.stdin.take().unwrap().write_all(input);
        let mut status = 0;
        // SAFETY: rusage is plain integers and timevals, valid all zero.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: wait4 reaps our own child (std's `Child` is not waited on
        // afterwards) and writes only `status` and `usage`, both ours.
        let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
        let wall = start.elapsed();
        assert!(pid > 0 && libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0);
        let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
        (wall, tv(usage.ru_utime) + tv(usage.ru_stime))
    }

    /// Nanoseconds per call of `op` in a guest run by the launcher `run`,
    /// with the kernel sandbox on or off: the run with `n` calls less the run
    /// with none, in wall time and in CPU time.
    fn launched_round_with(run: &Path, exe: &Path, op: &str, n: u64, sandbox: bool) -> (f64, f64) {
        let yaml = |n: u64| {
            format!("%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\nout: !fd stdout\nop: {op}\nn: {n}\n")
        };
        let empty = launch_with(run, exe, &yaml(0), sandbox);
        let full = launch_with(run, exe, &yaml(n), sandbox);
        let per_call = |full: Duration, empty: Duration| {
            full.saturating_sub(empty).as_nanos() as f64 / n as f64
        };
        (per_call(full.0, empty.0), per_call(full.1, empty.1))
    }

    /// With `CLOUDABI_RUN_BASELINE=PATH` (another build of `cloudabi-run`,
    /// e.g. of an older commit): the emulated calls in a guest run by that
    /// launcher and by this one, both without options, in alternating
    /// rounds. This is how "no tracing or injection asked for costs
    /// nothing" is checked against the launcher before observation existed.
    pub(crate) fn baseline() {
        let base = std::env::var_os("CLOUDABI_RUN_BASELINE").unwrap_or_default();
        let base = Path::new(&base);
        const ROUNDS: usize = 21;
        const N: u64 = 2_000_000;
        let bench =
            std::env::temp_dir().join(format!("cloudabi-bench-baseline-{}", std::process::id()));
        std::fs::write(&bench, guest("bench")).unwrap();
        let this = Path::new(env!("CARGO_BIN_EXE_cloudabi-run"));
        // [op][launcher]: every round's (wall, CPU) figures. Launchers:
        // the baseline, this one as is (sandbox on), this one with
        // --sandbox=off (the baseline may predate the sandbox).
        let mut figures = [[(); 3].map(|()| Vec::new()), [(); 3].map(|()| Vec::new())];
        for round in 0..ROUNDS {
            for (o, op) in ["write", "clock"].into_iter().enumerate() {
                // The order rotates, so drift favours none.
                for k in 0..3 {
                    let l = (round + k) % 3;
                    let (run, sandbox) = [(base, true), (this, true), (this, false)][l];
                    figures[o][l].push(launched_round_with(run, &bench, op, N, sandbox));
                }
            }
        }
        println!(
            "baseline {}: best of {ROUNDS} rotating rounds of {N} calls in a guest, no options; ns per call, wall / CPU:",
            base.display()
        );
        for (o, name) in ["fd_write 1 byte", "clock_time_get"]
            .into_iter()
            .enumerate()
        {
            let [b, t, off] = figures[o].clone().map(|v| {
                let best = |f: fn(&(f64, f64)) -> f64| v.iter().map(f).fold(f64::MAX, f64::min);
                (best(|x| x.0), best(|x| x.1))
            });
            println!(
                "  {name}: baseline {:.1} / {:.1}; this {:.1} / {:.1} (ratio {:.3} / {:.3}); this with --sandbox=off {:.1} / {:.1} (ratio {:.3} / {:.3})",
                b.0, b.1, t.0, t.1, t.0 / b.0, t.1 / b.1, off.0, off.1, off.0 / b.0, off.1 / b.1
            );
        }
        let _ = std::fs::remove_file(&bench);
    }

    /// This thread's CPU time in nanoseconds.
    fn cpu_ns() -> f64 {
        thread_cpu().as_nanos() as f64
    }

    /// Nanoseconds per call of `f` run `n` times, in this thread's CPU time.
    fn native(n: u64, mut f: impl FnMut()) -> f64 {
        let start = cpu_ns();
        for _ in 0..n {
            f();
        }
        (cpu_ns() - start) / n as f64
    }

    /// `f` run `n` times in a forked child confined by the launcher's own
    /// seccomp filter: nanoseconds per call (thread CPU time), and the
    /// microseconds installing the filter took. The child only makes
    /// system calls and runs `f` (no allocation: this process may have
    /// threads), and ends with `_exit`.
    fn native_filtered(filter: &[libc::sock_filter], n: u64, f: impl Fn()) -> (f64, f64) {
        use std::io::Read;
        let (read, write) = rustix::pipe::pipe().unwrap();
        let prog = libc::sock_fprog {
            len: filter.len() as u16,
            filter: filter.as_ptr() as *mut libc::sock_filter,
        };
        // SAFETY: the child makes system calls on its own memory, runs `f`
        // and ends with _exit, touching nothing another thread may hold.
        match unsafe { libc::fork() } {
            // SAFETY: in the forked child, which has only this thread: the
            // calls get pointers to `prog` and `out`, live on this stack;
            // `prog` points into `filter`, which the child's copy of the
            // parent's memory still holds; `_exit` ends it without running
            // the parent's destructors or atexit handlers.
            0 => unsafe {
                let start = Instant::now();
                let ok = libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0
                    && libc::syscall(libc::SYS_seccomp, 1, 0, &prog) == 0;
                let install = start.elapsed().as_nanos() as f64 / 1e3;
                let per_call = if ok { native(n, f) } else { -1.0 };
                let mut out = [0u8; 16];
                out[..8].copy_from_slice(&per_call.to_le_bytes());
                out[8..].copy_from_slice(&install.to_le_bytes());
                libc::write(
                    std::os::fd::AsRawFd::as_raw_fd(&write),
                    out.as_ptr().cast(),
                    16,
                );
                libc::_exit(0)
            },
            pid => {
                drop(write);
                let mut out = [0u8; 16];
                std::fs::File::from(read).read_exact(&mut out).unwrap();
                // SAFETY: reaps the child forked above.
                unsafe { libc::waitpid(pid, core::ptr::null_mut(), 0) };
                let per_call = f64::from_le_bytes(out[..8].try_into().unwrap());
                assert!(per_call > 0.0, "the seccomp filter could not be installed");
                (per_call, f64::from_le_bytes(out[8..].try_into().unwrap()))
            }
        }
    }

    /// Nanoseconds per call of `op` in the bench guest run by `cloudabi-run`
    /// with the kernel sandbox on or off, as the guest times its loop in its
    /// thread's CPU time (`time`, the launcher's stderr): neither start-up
    /// nor waiting for a CPU counts. `raw` writes to the launcher's fd 1.
    fn launched(exe: &Path, op: &str, n: u64, sandbox: bool) -> f64 {
        use std::io::Write;
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_cloudabi-run"));
        if !sandbox {
            cmd.arg("--sandbox=off");
        }
        let mut child = cmd
            .arg(exe)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let yaml = format!(
            "{}out: !fd stdout\ntime: !fd stderr\nop: {op}\nn: {n}\nhostfd: 1\n",
            &HELLO_YAML[..HELLO_YAML.find("out:").unwrap()]
        );
        child
            .stdin
            .take()
            .unwrap()
            .write_all(yaml.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        let ns: f64 = err.lines().last().unwrap().trim().parse().unwrap();
        ns / n as f64
    }

    fn median(v: &mut [f64]) -> f64 {
        v.sort_by(|a, b| a.partial_cmp(b).unwrap());
        v[v.len() / 2]
    }

    /// The budget for the sandbox. Per call, best of paired rounds,
    /// all in thread CPU time: the bench guest run by `cloudabi-run` with
    /// the kernel sandbox on and off, timing its own loop; the host's call
    /// in this unconfined process, inlined (as rustix makes it) and through
    /// libc's `write` (as C calls it: its `ret` after the system call costs
    /// extra on some machines, see `host::fast`); the inlined call in a
    /// forked child under the launcher's seccomp filter (what the kernel
    /// charges any process so confined); and the guest's own raw `write(2)`
    /// (the kernel's share in the launcher's process). Then start-to-exit of
    /// the hello guest with the sandbox on and off in turn: medians, and the
    /// median of the differences within each pair.
    pub(crate) fn sandboxed() {
        let rounds = scaled(40);
        let n = scaled_calls(100_000);
        let dir = std::env::temp_dir();
        let bench = dir.join(format!("cloudabi-bench-sandbox-{}", std::process::id()));
        std::fs::write(&bench, guest("bench")).unwrap();
        let hello = dir.join(format!(
            "cloudabi-bench-sandbox-hello-{}",
            std::process::id()
        ));
        std::fs::write(&hello, guest("hello")).unwrap();
        let null = devnull();
        let raw = std::os::fd::AsRawFd::as_raw_fd(&null);
        let filter = cloudabi_emulator::seccomp_filter(std::os::fd::AsFd::as_fd(&null));
        let write = || {
            rustix::io::write(&null, b"x").unwrap();
        };
        // SAFETY: a 1-byte write from a static buffer to an open fd.
        let libc_write = || unsafe {
            libc::write(raw, b"x".as_ptr().cast(), 1);
        };
        let clock = || {
            std::hint::black_box(rustix::time::clock_gettime(
                rustix::time::ClockId::Monotonic,
            ));
        };
        let load_before = load_average();
        // Per op: native, libc, filtered, on, off, raw in the guest (on, off).
        let mut write_best = [f64::MAX; 7];
        let mut clock_best = [f64::MAX; 5];
        let mut installs = Vec::new();
        for _ in 0..rounds {
            let (filtered, install) = native_filtered(&filter, n, write);
            installs.push(install);
            let w = [
                native(n, write),
                native(n, libc_write),
                filtered,
                launched(&bench, "write", n, true),
                launched(&bench, "write", n, false),
                launched(&bench, "raw", n, true),
                launched(&bench, "raw", n, false),
            ];
            let c = [
                native(n, clock),
                native_filtered(&filter, n, clock).0,
                launched(&bench, "clock", n, true),
                launched(&bench, "clock", n, false),
                0.0,
            ];
            for (b, x) in write_best.iter_mut().zip(w) {
                *b = b.min(x);
            }
            for (b, x) in clock_best.iter_mut().zip(c) {
                *b = b.min(x);
            }
        }
        println!(
            "sandbox, best of {rounds} paired rounds of {n} calls, thread CPU time (load average {load_before} before, {} after):",
            load_average()
        );
        let [n, libc_n, filtered, on, off, raw_on, raw_off] = write_best;
        println!(
            "  fd_write 1 byte: sandbox on {on:.1} ns, off {off:.1} ns; native write(2) inlined {n:.1} ns \
             (on x{:.3}, off x{:.3}), through libc {libc_n:.1} ns (on x{:.3}), inlined under the \
             launcher's seccomp filter {filtered:.1} ns (x{:.3} unconfined; on x{:.3} of it); \
             the guest's raw write(2): on {raw_on:.1} ns, off {raw_off:.1} ns",
            on / n,
            off / n,
            on / libc_n,
            filtered / n,
            on / filtered,
        );
        let [n, filtered, on, off, _] = clock_best;
        println!(
            "  clock_time_get: sandbox on {on:.1} ns, off {off:.1} ns; native clock_gettime {n:.1} ns \
             (on x{:.3}, off x{:.3}), under the filter {filtered:.1} ns",
            on / n,
            off / n
        );
        let starts = scaled(200);
        let (mut on, mut off) = (Vec::new(), Vec::new());
        let (mut wall_delta, mut cpu_delta) = (Vec::new(), Vec::new());
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        let launcher = Path::new(env!("CARGO_BIN_EXE_cloudabi-run"));
        for round in 0..starts {
            // Which goes first alternates.
            let mut pair = [(Duration::ZERO, Duration::ZERO); 2];
            for k in 0..2 {
                let sandbox = (round + k) % 2 == 0;
                pair[usize::from(!sandbox)] = launch_with(launcher, &hello, HELLO_YAML, sandbox);
            }
            on.push(ms(pair[0].1));
            off.push(ms(pair[1].1));
            wall_delta.push(ms(pair[0].0) - ms(pair[1].0));
            cpu_delta.push(ms(pair[0].1) - ms(pair[1].1));
        }
        println!(
            "  hello start to exit, {starts} pairs (load average {}): CPU median sandbox on {:.3} ms, off {:.3} ms; \
             median difference within a pair: CPU {:+.3} ms, wall {:+.3} ms; installing the seccomp filter \
             ({} instructions) {:.0} us (median)",
            load_average(),
            median(&mut on),
            median(&mut off),
            median(&mut cpu_delta),
            median(&mut wall_delta),
            filter.len(),
            median(&mut installs),
        );
        let _ = std::fs::remove_file(&bench);
        let _ = std::fs::remove_file(&hello);
    }

    criterion_group!(benches, syscalls, start_to_exit);
}

#[cfg(all(target_os = "linux", target_arch = "x86_64"))]
fn main() {
    if std::env::var_os("CLOUDABI_RUN_BASELINE").is_some() {
        imp::baseline();
        return;
    }
    imp::benches();
    imp::paired();
    imp::sandboxed();
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}

#[cfg(not(all(target_os = "linux", target_arch = "x86_64")))]
fn main() {}
