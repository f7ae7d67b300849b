/*
 * mem_map, mem_unmap, mem_protect, mem_advise, mem_sync.
 *
 * The reference is cloudabi_mem.c (flag translation, convert_mprot) on top
 * of FreeBSD's kern_mmap, kern_munmap, kern_mprotect, kern_madvise and
 * kern_msync (sys/vm/vm_mmap.c), which round spans to whole pages and treat
 * unmapped holes inside a span as nothing to do (except msync).
 */
#include "suite.h"

#define RW (CLOUDABI_PROT_READ | CLOUDABI_PROT_WRITE)
#define AP (CLOUDABI_MAP_ANON | CLOUDABI_MAP_PRIVATE)
#define ANON_FD CLOUDABI_MAP_ANON_FD
#define PAGE 4096

static cloudabi_fd_t sink;

/* Whether system calls can read `len` bytes at `p` (EFAULT otherwise). */
static cloudabi_errno_t readable(const void *p, size_t len) {
    cloudabi_ciovec_t iov = { p, len };
    size_t n;
    return SYS(fd_pwrite)(sink, &iov, 1, 0, &n);
}

/* Whether system calls can write `len` bytes at `p`. */
static cloudabi_errno_t writable(void *p, size_t len) {
    cloudabi_iovec_t iov = { p, len };
    size_t n;
    return SYS(fd_pread)(sink, &iov, 1, 0, &n);
}

static void *map(void *addr, size_t len, cloudabi_mprot_t prot, cloudabi_mflags_t flags,
                 cloudabi_errno_t *e) {
    void *p = 0;
    *e = SYS(mem_map)(addr, len, prot, flags, ANON_FD, 0, &p);
    return p;
}

static void map_cases(void) {
    cloudabi_errno_t e;
    void *p;

    /* kern_mmap: anonymous private memory comes zeroed and page-aligned. */
    u8 *a = map(0, 3 * PAGE, RW, AP, &e);
    expect_errno("mem_map", "anonymous read-write", e, 0);
    int zero = a != 0;
    for (size_t i = 0; a && i < 3 * PAGE; i++) zero &= a[i] == 0;
    expect("mem_map", "anonymous memory is zeroed", zero);
    expect("mem_map", "result is page aligned", ((uintptr_t)a & (PAGE - 1)) == 0);
    expect_errno("mem_map", "system calls write into new memory", a ? writable(a, 16) : 1, 0);
    if (a) { a[0] = 1; a[3 * PAGE - 1] = 2; }

    /* A length that is not a page multiple covers its last page. */
    u8 *odd = map(0, 100, RW, AP, &e);
    expect_errno("mem_map", "length below a page", e, 0);
    expect_errno("mem_map", "rest of the last page is usable", odd ? writable(odd, PAGE) : 1, 0);

    /* kern_mmap: len == 0 is EINVAL for processes of this OS release
     * (cloudabi64_fixup sets p_osrel to the running release). */
    map(0, 0, RW, AP, &e);
    expect_errno("mem_map", "zero length", e, CLOUDABI_EINVAL);
    /* convert_mprot: unknown protection bits, and W^X. */
    map(0, PAGE, RW | 0x08, AP, &e);
    expect_errno("mem_map", "unknown protection bit", e, CLOUDABI_ENOTSUP);
    map(0, PAGE, CLOUDABI_PROT_WRITE | CLOUDABI_PROT_EXEC, AP, &e);
    expect_errno("mem_map", "write and execute", e, CLOUDABI_ENOTSUP);
    /* kern_mmap: anonymous memory takes fd -1 and offset 0. */
    e = SYS(mem_map)(0, PAGE, RW, AP, 0, 0, &p);
    expect_errno("mem_map", "anonymous with an fd", e, CLOUDABI_EINVAL);
    e = SYS(mem_map)(0, PAGE, RW, AP, ANON_FD, PAGE, &p);
    expect_errno("mem_map", "anonymous with an offset", e, CLOUDABI_EINVAL);
    /* kern_mmap: MAP_SHARED and MAP_PRIVATE together. */
    map(0, PAGE, RW, AP | CLOUDABI_MAP_SHARED, &e);
    expect_errno("mem_map", "shared and private", e, CLOUDABI_EINVAL);
    /* Only file mappings need one of them (P_OSREL_MAP_FSTRICT). */
    p = map(0, PAGE, RW, CLOUDABI_MAP_ANON, &e);
    expect_errno("mem_map", "anonymous, neither shared nor private", e, 0);
    if (p) SYS(mem_unmap)(p, PAGE);
    /* cloudabi_sys_mem_map translates the four known flags and drops the
     * rest. */
    p = map(0, PAGE, RW, AP | 0x80, &e);
    expect_errno("mem_map", "unknown flag bit is ignored", e, 0);
    if (p) SYS(mem_unmap)(p, PAGE);
    /* kern_mmap: rounding the length up wraps around: ENOMEM. */
    map(0, (size_t)-1, RW, AP, &e);
    expect_errno("mem_map", "length wraps when rounded", e, CLOUDABI_ENOMEM);
    /* kern_mmap: a fixed address must be page aligned. */
    map(a + 1, PAGE, RW, AP | CLOUDABI_MAP_FIXED, &e);
    expect_errno("mem_map", "fixed address not page aligned", e, CLOUDABI_EINVAL);
    /* kern_mmap: a fixed span must lie in user space. */
    map((void *)(uintptr_t)0xfffffffffff00000ull, PAGE, RW, AP | CLOUDABI_MAP_FIXED, &e);
    expect_errno("mem_map", "fixed span outside user space", e, CLOUDABI_EINVAL);
    /* kern_mmap → fget: not a descriptor. */
    e = SYS(mem_map)(0, PAGE, CLOUDABI_PROT_READ, CLOUDABI_MAP_PRIVATE, 9999, 0, &p);
    expect_errno("mem_map", "bad file descriptor", e, CLOUDABI_EBADF);

    /* The allocator pattern (jemalloc, dlmalloc): reserve PROT_NONE, then
     * commit pages with MAP_FIXED, which replaces the reservation's pages. */
    u8 *r = map(0, 2 << 20, 0, AP, &e);
    expect_errno("mem_map", "reserve PROT_NONE", e, 0);
    expect_errno("mem_map", "reserved memory is not accessible", r ? readable(r, 1) : 0,
                 CLOUDABI_EFAULT);
    u8 *c = map(r + 4 * PAGE, 13 * PAGE, RW, AP | CLOUDABI_MAP_FIXED, &e);
    expect_errno("mem_map", "commit inside a reservation with MAP_FIXED", e, 0);
    expect("mem_map", "fixed mapping lands at its address", c == r + 4 * PAGE);
    if (c == r + 4 * PAGE) { c[0] = 7; c[13 * PAGE - 1] = 9; }
    expect_errno("mem_map", "committed pages are writable", c ? writable(c, 13 * PAGE) : 1, 0);
    expect_errno("mem_map", "pages around the commit stay reserved", r ? readable(r + 3 * PAGE, 1) : 0,
                 CLOUDABI_EFAULT);
    /* MAP_FIXED over committed pages replaces them with fresh zeroes. */
    c = map(r + 4 * PAGE, PAGE, RW, AP | CLOUDABI_MAP_FIXED, &e);
    expect("mem_map", "fixed over committed memory gives fresh pages", e == 0 && c && c[0] == 0);
    /* The trailing part of an over-sized reservation is given back. */
    expect_errno("mem_unmap", "tail of a reservation", r ? SYS(mem_unmap)(r + (1 << 20), 1 << 20) : 1, 0);
    /* A fixed span half over the guest's own memory, half over the hole
     * just made. */
    c = map(r + (1 << 20) - PAGE, 2 * PAGE, RW, AP | CLOUDABI_MAP_FIXED, &e);
    expect("mem_map", "fixed span across a mapping's end", e == 0 && c == r + (1 << 20) - PAGE);
    if (r) SYS(mem_unmap)(r, (1 << 20) + PAGE);

    /* A hint is only a hint: without MAP_FIXED, an occupied address is
     * not replaced. */
    u8 *h = map(a, PAGE, RW, AP, &e);
    expect("mem_map", "hint at an occupied address", e == 0 && h != a && a && a[0] == 1);
    if (h) SYS(mem_unmap)(h, PAGE);
    if (a) SYS(mem_unmap)(a, 3 * PAGE);
    if (odd) SYS(mem_unmap)(odd, 100);
}

static void file_map_cases(void) {
    static const char text[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    u8 page[PAGE + 64];
    for (size_t i = 0; i < sizeof page; i++) page[i] = (u8)('A' + i % 26);
    cloudabi_fd_t f = make_file("mapped", page, sizeof page);
    cloudabi_errno_t e;
    u8 *p = 0;

    e = SYS(mem_map)(0, sizeof page, CLOUDABI_PROT_READ, CLOUDABI_MAP_PRIVATE, f, 0, (void **)&p);
    expect_errno("mem_map", "private file mapping", e, 0);
    expect("mem_map", "file mapping shows the file", p && mem_eq(p, page, sizeof page));
    if (p) SYS(mem_unmap)(p, sizeof page);

    /* kern_mmap: an offset inside a page maps from that page's start and
     * returns a pointer the same distance in. */
    e = SYS(mem_map)(0, 10, CLOUDABI_PROT_READ, CLOUDABI_MAP_PRIVATE, f, PAGE + 5, (void **)&p);
    expect("mem_map", "file offset inside a page", e == 0 && p && mem_eq(p, page + PAGE + 5, 10));
    if (p) SYS(mem_unmap)(p, 10);

    /* A shared mapping writes through to the file. */
    e = SYS(mem_map)(0, PAGE, RW, CLOUDABI_MAP_SHARED, f, 0, (void **)&p);
    expect_errno("mem_map", "shared writable file mapping", e, 0);
    if (!e) {
        for (size_t i = 0; i < 10; i++) p[i] = (u8)text[i];
        /* kern_msync: written back synchronously. */
        OK(mem_sync, "shared file mapping", p, PAGE, CLOUDABI_MS_SYNC);
        u8 back[10];
        cloudabi_iovec_t iov = { back, sizeof back };
        size_t n = 0;
        SYS(fd_pread)(f, &iov, 1, 0, &n);
        expect("mem_sync", "file holds what was written", n == 10 && mem_eq(back, text, 10));
        SYS(mem_unmap)(p, PAGE);
    }

    /* Files need MAP_SHARED or MAP_PRIVATE (P_OSREL_MAP_FSTRICT). */
    e = SYS(mem_map)(0, PAGE, CLOUDABI_PROT_READ, 0, f, 0, (void **)&p);
    expect_errno("mem_map", "file neither shared nor private", e, CLOUDABI_EINVAL);

    /* fget_mmap asks for CAP_MMAP (MEM_MAP), CAP_MMAP_R (FD_READ) to read,
     * CAP_MMAP_W (FD_WRITE) to write a shared mapping, CAP_MMAP_X
     * (MEM_MAP_EXEC) to execute (the rights table in cloudabi_fd.c). */
    cloudabi_fdstat_t st = { 0 };
    cloudabi_fd_t g;
    SYS(fd_dup)(f, &g);
    st.fs_rights_base = ALL_FILE_RIGHTS & ~CLOUDABI_RIGHT_MEM_MAP;
    SYS(fd_stat_put)(g, &st, CLOUDABI_FDSTAT_RIGHTS);
    e = SYS(mem_map)(0, PAGE, CLOUDABI_PROT_READ, CLOUDABI_MAP_PRIVATE, g, 0, (void **)&p);
    expect_errno("mem_map", "file without MEM_MAP", e, CLOUDABI_ENOTCAPABLE);
    SYS(fd_close)(g);

    SYS(fd_dup)(f, &g);
    st.fs_rights_base = ALL_FILE_RIGHTS & ~CLOUDABI_RIGHT_FD_WRITE;
    SYS(fd_stat_put)(g, &st, CLOUDABI_FDSTAT_RIGHTS);
    e = SYS(mem_map)(0, PAGE, RW, CLOUDABI_MAP_SHARED, g, 0, (void **)&p);
    expect_errno("mem_map", "shared writable without FD_WRITE", e, CLOUDABI_ENOTCAPABLE);
    e = SYS(mem_map)(0, PAGE, RW, CLOUDABI_MAP_PRIVATE, g, 0, (void **)&p);
    expect_errno("mem_map", "private writable without FD_WRITE", e, 0);
    if (!e) SYS(mem_unmap)(p, PAGE);
    SYS(fd_close)(g);

    SYS(fd_dup)(f, &g);
    st.fs_rights_base = ALL_FILE_RIGHTS & ~CLOUDABI_RIGHT_MEM_MAP_EXEC;
    SYS(fd_stat_put)(g, &st, CLOUDABI_FDSTAT_RIGHTS);
    e = SYS(mem_map)(0, PAGE, CLOUDABI_PROT_READ | CLOUDABI_PROT_EXEC, CLOUDABI_MAP_PRIVATE, g, 0,
                     (void **)&p);
    expect_errno("mem_map", "executable without MEM_MAP_EXEC", e, CLOUDABI_ENOTCAPABLE);
    SYS(fd_close)(g);

    SYS(fd_dup)(f, &g);
    st.fs_rights_base = ALL_FILE_RIGHTS & ~CLOUDABI_RIGHT_FD_READ;
    SYS(fd_stat_put)(g, &st, CLOUDABI_FDSTAT_RIGHTS);
    e = SYS(mem_map)(0, PAGE, CLOUDABI_PROT_READ, CLOUDABI_MAP_PRIVATE, g, 0, (void **)&p);
    expect_errno("mem_map", "readable without FD_READ", e, CLOUDABI_ENOTCAPABLE);
    SYS(fd_close)(g);

    /* A file opened read-only: a shared mapping cannot be written
     * (vm_mmap_vnode: EACCES), nor made writable later (kern_mprotect:
     * KERN_PROTECTION_FAILURE, EACCES). */
    cloudabi_fd_t ro;
    open_at(dir, "mapped", 0,
            CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_SEEK | CLOUDABI_RIGHT_MEM_MAP, &ro);
    e = SYS(mem_map)(0, PAGE, CLOUDABI_PROT_READ, CLOUDABI_MAP_SHARED, ro, 0, (void **)&p);
    expect_errno("mem_map", "shared read-only file mapping", e, 0);
    if (!e) {
        ERR(mem_protect, "shared read-only file mapping to writable", CLOUDABI_EACCES, p, PAGE, RW);
        OK(mem_protect, "shared read-only file mapping to none", p, PAGE, 0);
        SYS(mem_unmap)(p, PAGE);
    }
    SYS(fd_close)(ro);

    /* A socket is not mappable: rights for mapping never go with it
     * (cloudabi_remove_conflicting_rights). */
    cloudabi_fd_t s1, s2;
    SYS(fd_create2)(CLOUDABI_FILETYPE_SOCKET_STREAM, &s1, &s2);
    e = SYS(mem_map)(0, PAGE, CLOUDABI_PROT_READ, CLOUDABI_MAP_SHARED, s1, 0, (void **)&p);
    expect_errno("mem_map", "socket", e, CLOUDABI_ENOTCAPABLE);
    SYS(fd_close)(s1);
    SYS(fd_close)(s2);
    SYS(fd_close)(f);
}

static void unmap_cases(void) {
    cloudabi_errno_t e;
    u8 *a = map(0, 4 * PAGE, RW, AP, &e);
    /* kern_munmap: a zero length is EINVAL. */
    ERR(mem_unmap, "zero length", CLOUDABI_EINVAL, a, 0);
    /* kern_munmap rounds the start down and the end up. */
    OK(mem_unmap, "unaligned start rounds down", a + PAGE + 10, 10);
    expect_errno("mem_unmap", "rounded page is gone", readable(a + PAGE, 1), CLOUDABI_EFAULT);
    expect_errno("mem_unmap", "neighbours stay", readable(a, 1) | readable(a + 2 * PAGE, 1), 0);
    /* vm_map_remove over a span with nothing mapped: nothing to do. */
    OK(mem_unmap, "hole", a + PAGE, PAGE);
    OK(mem_unmap, "span across a hole", a, 3 * PAGE);
    expect_errno("mem_unmap", "memory is gone", readable(a + 2 * PAGE, 1), CLOUDABI_EFAULT);
    OK(mem_unmap, "last page", a + 3 * PAGE, PAGE);
    /* vm_map_range_valid: a span that wraps around. */
    ERR(mem_unmap, "span wraps around", CLOUDABI_EINVAL, (void *)(uintptr_t)-PAGE, 2 * PAGE);
    u8 *r = map(0, 8 * PAGE, 0, AP, &e);
    OK(mem_unmap, "PROT_NONE reservation", r, 8 * PAGE);
}

static void protect_cases(void) {
    cloudabi_errno_t e;
    /* The example: 100 bytes with no access, then read-write. */
    u8 *p = map(0, 100, 0, AP, &e);
    OK(mem_protect, "PROT_NONE memory to read-write", p, 100, RW);
    expect_errno("mem_protect", "now writable", writable(p, 100), 0);
    OK(mem_protect, "read-only", p, PAGE, CLOUDABI_PROT_READ);
    expect_errno("mem_protect", "read-only memory is not written", writable(p, 1), CLOUDABI_EFAULT);
    expect_errno("mem_protect", "read-only memory is read", readable(p, 1), 0);
    OK(mem_protect, "none", p, PAGE, 0);
    expect_errno("mem_protect", "PROT_NONE memory is not read", readable(p, 1), CLOUDABI_EFAULT);
    /* convert_mprot. */
    ERR(mem_protect, "unknown protection bit", CLOUDABI_ENOTSUP, p, PAGE, 0x10);
    ERR(mem_protect, "write and execute", CLOUDABI_ENOTSUP, p, PAGE,
        CLOUDABI_PROT_WRITE | CLOUDABI_PROT_EXEC);
    OK(mem_protect, "read and execute", p, PAGE, CLOUDABI_PROT_READ | CLOUDABI_PROT_EXEC);
    /* kern_mprotect rounds the span to pages. */
    OK(mem_protect, "unaligned start", p + 10, 1, RW);
    expect_errno("mem_protect", "whole page changed", writable(p, PAGE), 0);
    SYS(mem_unmap)(p, PAGE);
    /* vm_map_protect skips what is not mapped. */
    OK(mem_protect, "hole", p, PAGE, RW);
    ERR(mem_protect, "span wraps around", CLOUDABI_EINVAL, (void *)(uintptr_t)-PAGE, 2 * PAGE, RW);
}

static void advise_cases(void) {
    cloudabi_errno_t e;
    u8 *p = map(0, 4 * PAGE, RW, AP, &e);
    p[0] = 42;
    /* cloudabi_sys_mem_advise accepts these five. */
    OK(mem_advise, "NORMAL", p, 4 * PAGE, CLOUDABI_ADVICE_NORMAL);
    OK(mem_advise, "RANDOM", p, 4 * PAGE, CLOUDABI_ADVICE_RANDOM);
    OK(mem_advise, "SEQUENTIAL", p, 4 * PAGE, CLOUDABI_ADVICE_SEQUENTIAL);
    OK(mem_advise, "WILLNEED", p, 4 * PAGE, CLOUDABI_ADVICE_WILLNEED);
    OK(mem_advise, "DONTNEED", p, 4 * PAGE, CLOUDABI_ADVICE_DONTNEED);
    /* FreeBSD's MADV_DONTNEED only deactivates pages. */
    expect("mem_advise", "DONTNEED keeps the contents", p[0] == 42);
    /* ... and no other value, NOREUSE included. */
    ERR(mem_advise, "NOREUSE", CLOUDABI_EINVAL, p, PAGE, CLOUDABI_ADVICE_NOREUSE);
    ERR(mem_advise, "unknown advice", CLOUDABI_EINVAL, p, PAGE, 77);
    OK(mem_protect, "PROT_NONE before advice", p, PAGE, 0);
    OK(mem_advise, "PROT_NONE memory", p, PAGE, CLOUDABI_ADVICE_WILLNEED);
    OK(mem_advise, "unaligned span", p + 5, 100, CLOUDABI_ADVICE_NORMAL);
    ERR(mem_advise, "span wraps around", CLOUDABI_EINVAL, (void *)(uintptr_t)-PAGE, 2 * PAGE,
        CLOUDABI_ADVICE_NORMAL);
    SYS(mem_unmap)(p, 4 * PAGE);
}

static void sync_cases(void) {
    cloudabi_errno_t e;
    u8 *p = map(0, 2 * PAGE, RW, AP, &e);
    /* cloudabi_sys_mem_sync: exactly one of ASYNC and SYNC. */
    OK(mem_sync, "SYNC", p, 2 * PAGE, CLOUDABI_MS_SYNC);
    OK(mem_sync, "ASYNC", p, 2 * PAGE, CLOUDABI_MS_ASYNC);
    OK(mem_sync, "SYNC and INVALIDATE", p, 2 * PAGE, CLOUDABI_MS_SYNC | CLOUDABI_MS_INVALIDATE);
    ERR(mem_sync, "neither ASYNC nor SYNC", CLOUDABI_EINVAL, p, PAGE, 0);
    ERR(mem_sync, "ASYNC and SYNC", CLOUDABI_EINVAL, p, PAGE, CLOUDABI_MS_ASYNC | CLOUDABI_MS_SYNC);
    /* kern_msync: ASYNC with INVALIDATE. */
    ERR(mem_sync, "ASYNC and INVALIDATE", CLOUDABI_EINVAL, p, PAGE,
        CLOUDABI_MS_ASYNC | CLOUDABI_MS_INVALIDATE);
    OK(mem_sync, "unaligned span", p + 1, 10, CLOUDABI_MS_SYNC);
    OK(mem_protect, "PROT_NONE before sync", p, PAGE, 0);
    OK(mem_sync, "PROT_NONE memory", p, PAGE, CLOUDABI_MS_SYNC);
    SYS(mem_unmap)(p + PAGE, PAGE);
    /* vm_map_sync: a span with unmapped pages is KERN_INVALID_ADDRESS,
     * ENOMEM. */
    ERR(mem_sync, "span with a hole", CLOUDABI_ENOMEM, p, 2 * PAGE, CLOUDABI_MS_SYNC);
    SYS(mem_unmap)(p, PAGE);
    ERR(mem_sync, "unmapped span", CLOUDABI_ENOMEM, p, PAGE, CLOUDABI_MS_SYNC);
}

static void run_cases(void) {
    sink = make_file("sink", "................................................................", 64);
    u8 *buf = map_anon(PAGE, RW);
    if (buf) write_all(sink, buf, PAGE);
    map_cases();
    file_map_cases();
    unmap_cases();
    protect_cases();
    advise_cases();
    sync_cases();
}
