//! The loader, vDSO and trampolines on their own, with two hand-written
//! handlers, running the C hello guest in this process.

use std::cell::{Cell, RefCell};
use std::path::Path;
use std::process::Command;

use super::arch::{self, ThreadBlock};
use super::{loader, memory};

thread_local! {
    static BLOCK: Cell<*mut ThreadBlock> = const { Cell::new(core::ptr::null_mut()) };
    static OUTPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

#[repr(C)]
struct Ciovec {
    buf: *const u8,
    len: usize,
}

unsafe extern "C" fn fd_write(_fd: u32, iovs: *const Ciovec, n: usize, out: *mut usize) -> u16 {
    // SAFETY: test guest passes valid iovecs.
    let iovs = unsafe { std::slice::from_raw_parts(iovs, n) };
    let mut total = 0;
    for iov in iovs {
        // SAFETY: as above.
        let bytes = unsafe { std::slice::from_raw_parts(iov.buf, iov.len) };
        OUTPUT.with(|o| o.borrow_mut().extend_from_slice(bytes));
        total += iov.len;
    }
    // SAFETY: as above.
    unsafe { out.write(total) };
    0
}

unsafe extern "C" fn proc_exit(code: u32) -> u16 {
    let block = BLOCK.with(Cell::get);
    // SAFETY: called from a trampoline inside `enter` on this thread.
    unsafe { arch::leave(block, code as i32) }
}

fn build_hello() -> Vec<u8> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/guests/c");
    let out = std::env::temp_dir().join(format!("cloudabi-smoke-{}", std::process::id()));
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
        .arg(dir.join("hello.c"))
        .status()
        .expect("gcc is needed (Debian package gcc)");
    assert!(status.success());
    let mut bytes = std::fs::read(&out).unwrap();
    let _ = std::fs::remove_file(&out);
    bytes[7] = crate::elf::ELFOSABI_CLOUDABI;
    bytes
}

#[test]
fn hello_guest_runs_in_process() {
    let file = build_hello();
    let image = crate::elf::parse(&file).unwrap();
    extern "C" fn enosys() -> u16 {
        52
    }
    type Write = unsafe extern "C" fn(u32, *const Ciovec, usize, *mut usize) -> u16;
    type Exit = unsafe extern "C" fn(u32) -> u16;
    let mut all = vec![enosys as extern "C" fn() -> u16 as usize; 49];
    all[16] = fd_write as Write as usize;
    all[39] = proc_exit as Exit as usize;
    let stubs = arch::install(&all);
    let names: Vec<String> = (0..49).map(|i| format!("s{i}")).collect();
    let mut syms: Vec<(&str, u64)> = names.iter().map(String::as_str).zip(stubs).collect();
    syms[16].0 = "fd_write";
    syms[39].0 = "proc_exit";
    let vdso_region = memory::Region::anonymous(
        crate::vdso::image_len(&syms.iter().map(|s| s.0).collect::<Vec<_>>()),
        crate::elf::Perms {
            read: true,
            write: true,
            exec: false,
        },
    )
    .unwrap();
    let img = crate::vdso::build(&syms, vdso_region.start() as u64);
    vdso_region.write(vdso_region.start(), &img);
    // Argdata: the fd 1.
    let argdata = [3u8, 0, 0, 0, 1];
    let loaded = loader::load(&file, &image, &argdata, vdso_region.start(), 1).unwrap();
    let stack = memory::Region::anonymous(
        1 << 20,
        crate::elf::Perms {
            read: true,
            write: true,
            exec: false,
        },
    )
    .unwrap();
    let top = stack.start() + stack.len();
    let mut block = ThreadBlock::new();
    BLOCK.with(|b| b.set(&mut block));
    // SAFETY: a guest built for exactly this, on a stack of its own.
    let code = unsafe { arch::enter(loaded.entry, loaded.auxv, 0, top, &mut block) };
    assert_eq!(code, 0);
    assert_eq!(OUTPUT.with(|o| o.borrow().clone()), b"Hello, World!\n");
}
