/*
 * fd_close, fd_create1, fd_create2, fd_datasync, fd_dup, fd_pread,
 * fd_pwrite, fd_read, fd_replace, fd_seek, fd_stat_get, fd_stat_put,
 * fd_sync, fd_write.
 *
 * The reference is cloudabi_fd.c and cloudabi64_fd.c (the iovec copy-in,
 * cloudabi64_copyinuio), on top of FreeBSD's kern_* calls, with Capsicum
 * rights translated by the RIGHTS_MAPPINGS table: a missing right is
 * ENOTCAPABLE.
 */
#include "suite.h"

#define R(x) CLOUDABI_RIGHT_##x

static cloudabi_fd_t limited(cloudabi_fd_t fd, cloudabi_rights_t base) {
    cloudabi_fd_t copy;
    if (SYS(fd_dup)(fd, &copy)) return (cloudabi_fd_t)-1;
    cloudabi_fdstat_t st = { 0 };
    st.fs_rights_base = base;
    SYS(fd_stat_put)(copy, &st, CLOUDABI_FDSTAT_RIGHTS);
    return copy;
}

static cloudabi_errno_t write1(cloudabi_fd_t fd, const char *s, size_t *n) {
    cloudabi_ciovec_t iov = { s, slen(s) };
    return SYS(fd_write)(fd, &iov, 1, n);
}

static cloudabi_errno_t read1(cloudabi_fd_t fd, void *buf, size_t len, size_t *n) {
    cloudabi_iovec_t iov = { buf, len };
    return SYS(fd_read)(fd, &iov, 1, n);
}

static void rw_cases(void) {
    cloudabi_fd_t f = make_file("rw", "", 0);
    size_t n = 0;
    char buf[64];

    /* dofilewrite/dofileread through kern_writev/kern_readv. */
    OK(fd_write, "regular file", f, &(cloudabi_ciovec_t){ "hello world", 11 }, 1, &n);
    expect_eq("fd_write", "bytes written", n, 11);
    cloudabi_ciovec_t two[2] = { { "ab", 2 }, { "cd", 2 } };
    OK(fd_write, "two buffers", f, two, 2, &n);
    expect_eq("fd_write", "both buffers written", n, 4);
    OK(fd_write, "no buffers", f, two, 0, &n);
    expect_eq("fd_write", "nothing written", n, 0);
    ERR(fd_write, "bad fd", CLOUDABI_EBADF, 9999, two, 1, &n);
    cloudabi_fd_t ro = limited(f, R(FD_READ) | R(FD_SEEK));
    ERR(fd_write, "without FD_WRITE", CLOUDABI_ENOTCAPABLE, ro, two, 1, &n);
    /* cloudabi64_copyinuio: more than UIO_MAXIOV (1024) buffers. */
    static cloudabi_ciovec_t many[1025];
    for (int i = 0; i < 1025; i++) { many[i].buf = "x"; many[i].buf_len = 1; }
    ERR(fd_write, "more than 1024 buffers", CLOUDABI_EINVAL, f, many, 1025, &n);
    OK(fd_write, "1024 buffers", f, many, 1024, &n);
    expect_eq("fd_write", "1024 bytes from 1024 buffers", n, 1024);
    /* copyin of an unmapped buffer. */
    ERR(fd_write, "unmapped buffer", CLOUDABI_EFAULT, f,
        &(cloudabi_ciovec_t){ (void *)(uintptr_t)0x10000, 4 }, 1, &n);

    /* pread/pwrite need CAP_PREAD/CAP_PWRITE: FD_SEEK as well. */
    OK(fd_pread, "at offset", f, &(cloudabi_iovec_t){ buf, 5 }, 1, 6, &n);
    expect("fd_pread", "reads at the offset", n == 5 && mem_eq(buf, "world", 5));
    OK(fd_pread, "past the end", f, &(cloudabi_iovec_t){ buf, 5 }, 1, 1 << 20, &n);
    expect_eq("fd_pread", "nothing past the end", n, 0);
    cloudabi_fd_t noseek = limited(f, R(FD_READ) | R(FD_WRITE));
    ERR(fd_pread, "without FD_SEEK", CLOUDABI_ENOTCAPABLE, noseek, &(cloudabi_iovec_t){ buf, 1 }, 1, 0, &n);
    ERR(fd_pwrite, "without FD_SEEK", CLOUDABI_ENOTCAPABLE, noseek, &(cloudabi_ciovec_t){ "z", 1 }, 1, 0, &n);
    cloudabi_fd_t wo = limited(f, R(FD_WRITE) | R(FD_SEEK));
    ERR(fd_pread, "without FD_READ", CLOUDABI_ENOTCAPABLE, wo, &(cloudabi_iovec_t){ buf, 1 }, 1, 0, &n);
    ERR(fd_pwrite, "without FD_WRITE", CLOUDABI_ENOTCAPABLE, ro, &(cloudabi_ciovec_t){ "z", 1 }, 1, 0, &n);
    ERR(fd_pread, "bad fd", CLOUDABI_EBADF, 9999, &(cloudabi_iovec_t){ buf, 1 }, 1, 0, &n);
    ERR(fd_pwrite, "bad fd", CLOUDABI_EBADF, 9999, &(cloudabi_ciovec_t){ "z", 1 }, 1, 0, &n);
    cloudabi_filesize_t pos = 0;
    SYS(fd_seek)(f, 0, CLOUDABI_WHENCE_CUR, &pos);
    OK(fd_pwrite, "at offset", f, &(cloudabi_ciovec_t){ "J", 1 }, 1, 0, &n);
    cloudabi_filesize_t after = 0;
    SYS(fd_seek)(f, 0, CLOUDABI_WHENCE_CUR, &after);
    expect("fd_pwrite", "file offset unchanged", after == pos);
    SYS(fd_pread)(f, &(cloudabi_iovec_t){ buf, 1 }, 1, 0, &n);
    expect("fd_pwrite", "data at the offset", n == 1 && buf[0] == 'J');
    ERR(fd_pread, "unmapped buffer", CLOUDABI_EFAULT, f,
        &(cloudabi_iovec_t){ (void *)(uintptr_t)0x10000, 4 }, 1, 0, &n);
    ERR(fd_pread, "more than 1024 buffers", CLOUDABI_EINVAL, f, (cloudabi_iovec_t *)many, 1025, 0, &n);
    /* Sockets cannot seek: without FD_SEEK (cloudabi_remove_conflicting_rights). */
    cloudabi_fd_t s1, s2;
    SYS(fd_create2)(CLOUDABI_FILETYPE_SOCKET_STREAM, &s1, &s2);
    ERR(fd_pread, "socket", CLOUDABI_ENOTCAPABLE, s1, &(cloudabi_iovec_t){ buf, 1 }, 1, 0, &n);

    SYS(fd_seek)(f, 0, CLOUDABI_WHENCE_SET, &pos);
    OK(fd_read, "regular file", f, &(cloudabi_iovec_t){ buf, 5 }, 1, &n);
    expect("fd_read", "reads from the offset", n == 5 && mem_eq(buf, "Jello", 5));
    cloudabi_iovec_t split[2] = { { buf, 3 }, { buf + 3, 3 } };
    OK(fd_read, "two buffers", f, split, 2, &n);
    expect("fd_read", "fills both buffers in order", n == 6 && mem_eq(buf, " world", 6));
    SYS(fd_seek)(f, 0, CLOUDABI_WHENCE_END, &pos);
    OK(fd_read, "at the end", f, &(cloudabi_iovec_t){ buf, 5 }, 1, &n);
    expect_eq("fd_read", "nothing at the end", n, 0);
    ERR(fd_read, "bad fd", CLOUDABI_EBADF, 9999, &(cloudabi_iovec_t){ buf, 1 }, 1, &n);
    ERR(fd_read, "without FD_READ", CLOUDABI_ENOTCAPABLE, wo, &(cloudabi_iovec_t){ buf, 1 }, 1, &n);
    SYS(fd_seek)(f, 0, CLOUDABI_WHENCE_SET, &pos);
    ERR(fd_read, "into read-only memory", CLOUDABI_EFAULT, f,
        &(cloudabi_iovec_t){ (void *)"constant", 4 }, 1, &n);
    ERR(fd_read, "more than 1024 buffers", CLOUDABI_EINVAL, f, (cloudabi_iovec_t *)many, 1025, &n);
    /* A socket: data in order; a closed peer reads as the end. */
    write1(s2, "ping", &n);
    OK(fd_read, "socket", s1, &(cloudabi_iovec_t){ buf, sizeof buf }, 1, &n);
    expect("fd_read", "socket data", n == 4 && mem_eq(buf, "ping", 4));
    SYS(fd_close)(s2);
    OK(fd_read, "socket whose peer closed", s1, &(cloudabi_iovec_t){ buf, sizeof buf }, 1, &n);
    expect_eq("fd_read", "end of stream", n, 0);
    SYS(fd_close)(s1);

    SYS(fd_close)(ro);
    SYS(fd_close)(wo);
    SYS(fd_close)(noseek);
    SYS(fd_close)(f);
}

static void seek_cases(void) {
    cloudabi_fd_t f = make_file("seek", "0123456789", 10);
    cloudabi_filesize_t pos = 99;
    /* cloudabi_sys_fd_seek → kern_lseek. */
    OK(fd_seek, "SET", f, 4, CLOUDABI_WHENCE_SET, &pos);
    expect_eq("fd_seek", "SET position", pos, 4);
    OK(fd_seek, "CUR", f, 2, CLOUDABI_WHENCE_CUR, &pos);
    expect_eq("fd_seek", "CUR position", pos, 6);
    OK(fd_seek, "END", f, -3, CLOUDABI_WHENCE_END, &pos);
    expect_eq("fd_seek", "END position", pos, 7);
    OK(fd_seek, "past the end", f, 100, CLOUDABI_WHENCE_SET, &pos);
    expect_eq("fd_seek", "past the end position", pos, 100);
    /* kern_lseek: a negative result is EINVAL. */
    ERR(fd_seek, "before the start", CLOUDABI_EINVAL, f, -20, CLOUDABI_WHENCE_END, &pos);
    /* Unknown whence. */
    ERR(fd_seek, "unknown whence", CLOUDABI_EINVAL, f, 0, 7, &pos);
    ERR(fd_seek, "bad fd", CLOUDABI_EBADF, 9999, 0, CLOUDABI_WHENCE_SET, &pos);
    cloudabi_fd_t noseek = limited(f, R(FD_READ));
    ERR(fd_seek, "without FD_SEEK", CLOUDABI_ENOTCAPABLE, noseek, 1, CLOUDABI_WHENCE_SET, &pos);
    SYS(fd_close)(noseek);
    SYS(fd_close)(f);
}

static void stat_cases(void) {
    cloudabi_fd_t f = make_file("stat", "x", 1);
    cloudabi_fdstat_t st;
    /* cloudabi_sys_fd_stat_get: type, flags and rights from Capsicum. */
    OK(fd_stat_get, "regular file", f, &st);
    expect_eq("fd_stat_get", "type of a file", st.fs_filetype, CLOUDABI_FILETYPE_REGULAR_FILE);
    expect_eq("fd_stat_get", "rights of a file as opened", st.fs_rights_base, ALL_FILE_RIGHTS);
    expect_eq("fd_stat_get", "files inherit nothing", st.fs_rights_inheriting, 0);
    expect_eq("fd_stat_get", "no flags", st.fs_flags, 0);
    OK(fd_stat_get, "directory", dir, &st);
    expect_eq("fd_stat_get", "type of a directory", st.fs_filetype, CLOUDABI_FILETYPE_DIRECTORY);
    ERR(fd_stat_get, "bad fd", CLOUDABI_EBADF, 9999, &st);

    /* cloudabi_sys_fd_stat_put: exactly one of FLAGS and RIGHTS. */
    cloudabi_fdstat_t put = { 0 };
    put.fs_flags = CLOUDABI_FDFLAG_APPEND;
    OK(fd_stat_put, "FLAGS: APPEND", f, &put, CLOUDABI_FDSTAT_FLAGS);
    SYS(fd_stat_get)(f, &st);
    expect_eq("fd_stat_put", "APPEND is set", st.fs_flags, CLOUDABI_FDFLAG_APPEND);
    size_t n;
    cloudabi_filesize_t pos;
    SYS(fd_seek)(f, 0, CLOUDABI_WHENCE_SET, &pos);
    write1(f, "yz", &n);
    cloudabi_filestat_t fs;
    SYS(file_stat_fget)(f, &fs);
    expect_eq("fd_stat_put", "APPEND writes at the end", fs.st_size, 3);
    put.fs_flags = 0;
    OK(fd_stat_put, "FLAGS: none", f, &put, CLOUDABI_FDSTAT_FLAGS);
    ERR(fd_stat_put, "neither FLAGS nor RIGHTS", CLOUDABI_EINVAL, f, &put, 0);
    ERR(fd_stat_put, "FLAGS and RIGHTS", CLOUDABI_EINVAL, f, &put,
        CLOUDABI_FDSTAT_FLAGS | CLOUDABI_FDSTAT_RIGHTS);
    ERR(fd_stat_put, "bad fd", CLOUDABI_EBADF, 9999, &put, CLOUDABI_FDSTAT_FLAGS);
    /* kern_fcntl(F_SETFL) needs CAP_FCNTL: FD_STAT_PUT_FLAGS. */
    cloudabi_fd_t nofl = limited(f, R(FD_READ));
    ERR(fd_stat_put, "FLAGS without FD_STAT_PUT_FLAGS", CLOUDABI_ENOTCAPABLE, nofl, &put, CLOUDABI_FDSTAT_FLAGS);
    /* kern_cap_rights_limit: rights only shrink. */
    put.fs_rights_base = R(FD_READ) | R(FD_WRITE);
    OK(fd_stat_put, "RIGHTS: drop some", f, &put, CLOUDABI_FDSTAT_RIGHTS);
    SYS(fd_stat_get)(f, &st);
    expect_eq("fd_stat_put", "rights dropped", st.fs_rights_base, R(FD_READ) | R(FD_WRITE));
    put.fs_rights_base = R(FD_READ) | R(FD_WRITE) | R(FD_SEEK);
    ERR(fd_stat_put, "RIGHTS: add one back", CLOUDABI_ENOTCAPABLE, f, &put, CLOUDABI_FDSTAT_RIGHTS);
    /* cloudabi_convert_rights: unknown bits. */
    put.fs_rights_base = R(FD_READ) | (1ull << 62);
    ERR(fd_stat_put, "RIGHTS: unknown bit", CLOUDABI_ENOTCAPABLE, f, &put, CLOUDABI_FDSTAT_RIGHTS);
    /* The file type is not the call's business: garbage there is ignored. */
    cloudabi_fdstat_t junk;
    memset(&junk, 0xa5, sizeof junk);
    junk.fs_rights_base = R(FD_READ);
    junk.fs_rights_inheriting = 0;
    OK(fd_stat_put, "RIGHTS with garbage in the other fields", f, &junk, CLOUDABI_FDSTAT_RIGHTS);
    ERR(fd_write, "after dropping FD_WRITE", CLOUDABI_ENOTCAPABLE, f, &(cloudabi_ciovec_t){ "q", 1 }, 1, &n);
    SYS(fd_close)(nofl);
    SYS(fd_close)(f);
}

static void dup_cases(void) {
    cloudabi_fd_t f = make_file("dup", "abc", 3), g = 0, h;
    size_t n;
    cloudabi_filesize_t pos;
    /* kern_dup(FDDUP_NORMAL): a new number for the same open file. */
    OK(fd_dup, "regular file", f, &g);
    expect("fd_dup", "new number", g != f);
    SYS(fd_seek)(f, 1, CLOUDABI_WHENCE_SET, &pos);
    SYS(fd_seek)(g, 0, CLOUDABI_WHENCE_CUR, &pos);
    expect_eq("fd_dup", "shares the offset", pos, 1);
    cloudabi_fdstat_t a, b;
    SYS(fd_stat_get)(f, &a);
    SYS(fd_stat_get)(g, &b);
    expect("fd_dup", "same rights", a.fs_rights_base == b.fs_rights_base);
    ERR(fd_dup, "bad fd", CLOUDABI_EBADF, 9999, &h);
    SYS(fd_close)(g);
    OK(fd_dup, "reuses the lowest free number", f, &h);
    expect("fd_dup", "lowest number", h == g);

    /* kern_dup(FDDUP_MUSTREPLACE): `to` must be open. */
    cloudabi_fd_t other = make_file("other", "xyz", 3);
    OK(fd_replace, "open target", f, other);
    char buf[3];
    SYS(fd_pread)(other, &(cloudabi_iovec_t){ buf, 3 }, 1, 0, &n);
    expect("fd_replace", "target now names the source's file", n == 3 && mem_eq(buf, "abc", 3));
    ERR(fd_replace, "closed target", CLOUDABI_EBADF, f, 9999);
    ERR(fd_replace, "bad source", CLOUDABI_EBADF, 9999, other);
    OK(fd_replace, "onto itself", f, f);

    /* kern_close. */
    OK(fd_close, "open fd", h);
    ERR(fd_close, "closed fd", CLOUDABI_EBADF, h);
    ERR(fd_read, "closed fd", CLOUDABI_EBADF, h, &(cloudabi_iovec_t){ buf, 1 }, 1, &n);
    SYS(fd_close)(other);
    SYS(fd_close)(f);
}

static void sync_cases(void) {
    cloudabi_fd_t f = make_file("sync", "data", 4);
    /* kern_fsync needs CAP_FSYNC: FD_SYNC or FD_DATASYNC. */
    OK(fd_sync, "regular file", f);
    OK(fd_datasync, "regular file", f);
    cloudabi_fd_t none = limited(f, R(FD_READ));
    ERR(fd_sync, "without FD_SYNC", CLOUDABI_ENOTCAPABLE, none);
    ERR(fd_datasync, "without FD_DATASYNC", CLOUDABI_ENOTCAPABLE, none);
    ERR(fd_sync, "bad fd", CLOUDABI_EBADF, 9999);
    ERR(fd_datasync, "bad fd", CLOUDABI_EBADF, 9999);
    OK(fd_sync, "directory", dir);
    SYS(fd_close)(none);
    SYS(fd_close)(f);
    /* Sockets and shared memory never hold CAP_FSYNC or CAP_SEEK
     * (cloudabi_remove_conflicting_rights keeps only what the type can do). */
    cloudabi_fd_t a, b, m;
    SYS(fd_create2)(CLOUDABI_FILETYPE_SOCKET_STREAM, &a, &b);
    ERR(fd_sync, "socket", CLOUDABI_ENOTCAPABLE, a);
    ERR(fd_datasync, "socket", CLOUDABI_ENOTCAPABLE, a);
    ERR(fd_seek, "socket", CLOUDABI_ENOTCAPABLE, a, 0, CLOUDABI_WHENCE_CUR, &(cloudabi_filesize_t){ 0 });
    cloudabi_ciovec_t v = { .buf = "x", .buf_len = 1 };
    size_t n;
    ERR(fd_pwrite, "socket", CLOUDABI_ENOTCAPABLE, a, &v, 1, 0, &n);
    SYS(fd_create1)(CLOUDABI_FILETYPE_SHARED_MEMORY, &m);
    ERR(fd_sync, "shared memory", CLOUDABI_ENOTCAPABLE, m);
    ERR(fd_datasync, "shared memory", CLOUDABI_ENOTCAPABLE, m);
    SYS(fd_close)(a);
    SYS(fd_close)(b);
    SYS(fd_close)(m);
}

static void create_cases(void) {
    cloudabi_fd_t m = 0;
    /* cloudabi_sys_fd_create1: shared memory (kern_shm_open(SHM_ANON)). */
    OK(fd_create1, "shared memory", CLOUDABI_FILETYPE_SHARED_MEMORY, &m);
    cloudabi_fdstat_t st;
    SYS(fd_stat_get)(m, &st);
    expect_eq("fd_create1", "type is shared memory", st.fs_filetype, CLOUDABI_FILETYPE_SHARED_MEMORY);
    /* CAP_FSTAT, CAP_FTRUNCATE and CAP_MMAP_RWX, seen through the
     * rights table and cloudabi_remove_conflicting_rights. */
    expect_eq("fd_create1", "rights of shared memory", st.fs_rights_base,
              R(FD_READ) | R(FD_WRITE) | R(FILE_STAT_FGET) | R(FILE_STAT_FPUT_SIZE) |
                  R(MEM_MAP) | R(MEM_MAP_EXEC));
    expect_eq("fd_create1", "shared memory inherits nothing", st.fs_rights_inheriting, 0);
    cloudabi_filestat_t fs = { 0 };
    fs.st_size = 8192;
    OK(file_stat_fput, "size of shared memory", m, &fs, CLOUDABI_FILESTAT_SIZE);
    u8 *p = 0;
    cloudabi_errno_t e = SYS(mem_map)(0, 8192, CLOUDABI_PROT_READ | CLOUDABI_PROT_WRITE,
                                      CLOUDABI_MAP_SHARED, m, 0, (void **)&p);
    expect_errno("fd_create1", "shared memory maps", e, 0);
    if (!e) {
        p[100] = 77;
        u8 *q = 0;
        SYS(mem_map)(0, 8192, CLOUDABI_PROT_READ, CLOUDABI_MAP_SHARED, m, 0, (void **)&q);
        expect("fd_create1", "two mappings share the memory", q && q[100] == 77);
        SYS(mem_unmap)(p, 8192);
        if (q) SYS(mem_unmap)(q, 8192);
    }
    SYS(fd_close)(m);
    /* Every other type is EINVAL. */
    ERR(fd_create1, "regular file", CLOUDABI_EINVAL, CLOUDABI_FILETYPE_REGULAR_FILE, &m);
    ERR(fd_create1, "directory", CLOUDABI_EINVAL, CLOUDABI_FILETYPE_DIRECTORY, &m);
    ERR(fd_create1, "socket", CLOUDABI_EINVAL, CLOUDABI_FILETYPE_SOCKET_STREAM, &m);
    ERR(fd_create1, "unknown type", CLOUDABI_EINVAL, 250, &m);

    /* cloudabi_sys_fd_create2: a socket pair (kern_socketpair). */
    cloudabi_fd_t a, b;
    size_t n;
    char buf[8];
    OK(fd_create2, "stream sockets", CLOUDABI_FILETYPE_SOCKET_STREAM, &a, &b);
    write1(a, "hi", &n);
    read1(b, buf, sizeof buf, &n);
    expect("fd_create2", "stream pair carries data", n == 2 && mem_eq(buf, "hi", 2));
    write1(b, "yo", &n);
    read1(a, buf, sizeof buf, &n);
    expect("fd_create2", "in both directions", n == 2 && mem_eq(buf, "yo", 2));
    SYS(fd_stat_get)(a, &st);
    expect_eq("fd_create2", "type is stream socket", st.fs_filetype, CLOUDABI_FILETYPE_SOCKET_STREAM);
    expect_eq("fd_create2", "socket rights", st.fs_rights_base,
              R(FD_READ) | R(FD_STAT_PUT_FLAGS) | R(FD_WRITE) | R(FILE_STAT_FGET) |
                  R(POLL_FD_READWRITE) | R(SOCK_SHUTDOWN));
    SYS(fd_close)(a);
    SYS(fd_close)(b);
    OK(fd_create2, "datagram sockets", CLOUDABI_FILETYPE_SOCKET_DGRAM, &a, &b);
    write1(a, "one", &n);
    write1(a, "two", &n);
    read1(b, buf, sizeof buf, &n);
    expect("fd_create2", "datagrams keep their bounds", n == 3 && mem_eq(buf, "one", 3));
    SYS(fd_stat_get)(a, &st);
    expect_eq("fd_create2", "type is datagram socket", st.fs_filetype, CLOUDABI_FILETYPE_SOCKET_DGRAM);
    SYS(fd_close)(a);
    SYS(fd_close)(b);
    ERR(fd_create2, "shared memory", CLOUDABI_EINVAL, CLOUDABI_FILETYPE_SHARED_MEMORY, &a, &b);
    ERR(fd_create2, "regular file", CLOUDABI_EINVAL, CLOUDABI_FILETYPE_REGULAR_FILE, &a, &b);
}

static void run_cases(void) {
    rw_cases();
    seek_cases();
    stat_cases();
    dup_cases();
    sync_cases();
    create_cases();
}
