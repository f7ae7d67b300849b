/*
 * file_advise, file_allocate, file_create, file_link, file_open,
 * file_readdir, file_readlink, file_rename, file_stat_fget,
 * file_stat_fput, file_stat_get, file_stat_put, file_symlink, file_unlink.
 *
 * The reference is cloudabi_file.c: paths are copied in by copyin_path
 * (ENAMETOOLONG from PATH_MAX, 1024, on; EINVAL for a NUL byte) and looked
 * up by FreeBSD's namei beneath the directory in capability mode (absolute
 * paths and ".." above the directory are ENOTCAPABLE).
 */
#include "suite.h"

#define R(x) CLOUDABI_RIGHT_##x

static size_t n;

static cloudabi_errno_t mkdir_(const char *p) {
    return SYS(file_create)(dir, p, slen(p), CLOUDABI_FILETYPE_DIRECTORY);
}

static cloudabi_errno_t stat_(const char *p, int follow, cloudabi_filestat_t *st) {
    return SYS(file_stat_get)(lookup(dir, follow), p, slen(p), st);
}

static void touch(const char *p, const char *text) {
    cloudabi_fd_t fd = make_file(p, text, slen(text));
    SYS(fd_close)(fd);
}

static int exists(const char *p) {
    cloudabi_filestat_t st;
    return stat_(p, 0, &st) == 0;
}

static void open_cases(void) {
    cloudabi_fd_t fd;
    cloudabi_fdstat_t fds = { 0 };
    fds.fs_rights_base = R(FD_READ) | R(FD_WRITE) | R(FD_SEEK);
    /* vn_open with O_CREAT. */
    expect_errno("file_open", "create", SYS(file_open)(lookup(dir, 1), "new", 3, CLOUDABI_O_CREAT, &fds, &fd), 0);
    SYS(fd_close)(fd);
    ERR(file_open, "missing file", CLOUDABI_ENOENT, lookup(dir, 1), "absent", 6, 0, &fds, &fd);
    ERR(file_open, "exclusive create of an existing file", CLOUDABI_EEXIST, lookup(dir, 1), "new", 3,
        CLOUDABI_O_CREAT | CLOUDABI_O_EXCL, &fds, &fd);
    ERR(file_open, "O_DIRECTORY on a file", CLOUDABI_ENOTDIR, lookup(dir, 1), "new", 3,
        CLOUDABI_O_DIRECTORY, &fds, &fd);
    /* Capability mode: no absolute paths, no ".." above the directory. */
    ERR(file_open, "absolute path", CLOUDABI_ENOTCAPABLE, lookup(dir, 1), "/etc/passwd", 11, 0, &fds, &fd);
    ERR(file_open, "dot-dot above the directory", CLOUDABI_ENOTCAPABLE, lookup(dir, 1), "../x", 4, 0, &fds, &fd);
    /* copyin_path. */
    ERR(file_open, "NUL in the path", CLOUDABI_EINVAL, lookup(dir, 1), "new\0x", 5, 0, &fds, &fd);
    static char longpath[1100];
    for (int i = 0; i < 1100; i++) longpath[i] = (i % 100 == 99) ? '/' : 'a';
    ERR(file_open, "path of 1024 bytes or more", CLOUDABI_ENAMETOOLONG, lookup(dir, 1), longpath, 1024, 0, &fds, &fd);
    ERR(file_open, "empty path", CLOUDABI_ENOENT, lookup(dir, 1), "", 0, 0, &fds, &fd);
    /* The directory's rights: FILE_OPEN to look up (CAP_LOOKUP),
     * FILE_CREATE_FILE to create (CAP_CREATE), the requested rights among
     * those the directory hands down (NDINIT_ATRIGHTS). */
    cloudabi_fd_t lim;
    SYS(fd_dup)(dir, &lim);
    cloudabi_fdstat_t dst = { 0 };
    dst.fs_rights_base = R(FILE_OPEN);
    dst.fs_rights_inheriting = R(FD_READ);
    SYS(fd_stat_put)(lim, &dst, CLOUDABI_FDSTAT_RIGHTS);
    cloudabi_fdstat_t rd = { 0 };
    rd.fs_rights_base = R(FD_READ);
    ERR(file_open, "create without FILE_CREATE_FILE", CLOUDABI_ENOTCAPABLE, lookup(lim, 1), "other", 5,
        CLOUDABI_O_CREAT, &rd, &fd);
    ERR(file_open, "more rights than the directory hands down", CLOUDABI_ENOTCAPABLE, lookup(lim, 1), "new", 3,
        0, &fds, &fd);
    expect_errno("file_open", "rights the directory hands down", SYS(file_open)(lookup(lim, 1), "new", 3, 0, &rd, &fd), 0);
    SYS(fd_close)(fd);
    dst.fs_rights_base = 0;
    SYS(fd_stat_put)(lim, &dst, CLOUDABI_FDSTAT_RIGHTS);
    ERR(file_open, "directory without FILE_OPEN", CLOUDABI_ENOTCAPABLE, lookup(lim, 1), "new", 3, 0, &rd, &fd);
    SYS(fd_close)(lim);
    /* cloudabi_convert_rights: unknown rights bits. */
    cloudabi_fdstat_t odd = { 0 };
    odd.fs_rights_base = R(FD_READ) | (1ull << 63);
    ERR(file_open, "unknown rights bit", CLOUDABI_ENOTCAPABLE, lookup(dir, 1), "new", 3, 0, &odd, &fd);
    /* O_TRUNC. */
    touch("full", "0123456789");
    expect_errno("file_open", "truncate", SYS(file_open)(lookup(dir, 1), "full", 4, CLOUDABI_O_TRUNC, &fds, &fd), 0);
    cloudabi_filestat_t st;
    SYS(file_stat_fget)(fd, &st);
    expect_eq("file_open", "truncated to zero", st.st_size, 0);
    SYS(fd_close)(fd);
    /* The new descriptor gets what was asked for, within its type. */
    SYS(file_open)(lookup(dir, 1), "new", 3, 0, &rd, &fd);
    cloudabi_fdstat_t got;
    SYS(fd_stat_get)(fd, &got);
    expect_eq("file_open", "rights as requested", got.fs_rights_base, R(FD_READ));
    cloudabi_iovec_t iov = { (char[4]){ 0 }, 4 };
    ERR(fd_write, "on a file opened for reading", CLOUDABI_ENOTCAPABLE, fd, (cloudabi_ciovec_t *)&iov, 1, &n);
    SYS(fd_close)(fd);
    /* Symbolic links: followed with LOOKUP_SYMLINK_FOLLOW, else
     * O_NOFOLLOW, whose EMLINK becomes ELOOP. */
    SYS(file_symlink)("new", 3, dir, "link", 4);
    expect_errno("file_open", "through a symlink", SYS(file_open)(lookup(dir, 1), "link", 4, 0, &rd, &fd), 0);
    SYS(fd_close)(fd);
    ERR(file_open, "symlink without following", CLOUDABI_ELOOP, lookup(dir, 0), "link", 4, 0, &rd, &fd);
    SYS(file_symlink)("/etc/passwd", 11, dir, "abslink", 7);
    ERR(file_open, "symlink to an absolute path", CLOUDABI_ENOTCAPABLE, lookup(dir, 1), "abslink", 7, 0, &rd, &fd);
    mkdir_("sub");
    cloudabi_fdstat_t dirfds = { 0 };
    dirfds.fs_rights_base = R(FILE_OPEN) | R(FILE_READDIR);
    dirfds.fs_rights_inheriting = R(FD_READ);
    expect_errno("file_open", "directory", SYS(file_open)(lookup(dir, 1), "sub", 3, CLOUDABI_O_DIRECTORY, &dirfds, &fd), 0);
    SYS(fd_stat_get)(fd, &got);
    expect_eq("file_open", "directory type", got.fs_filetype, CLOUDABI_FILETYPE_DIRECTORY);
    ERR(file_open, "dot-dot out of a subdirectory", CLOUDABI_ENOTCAPABLE, lookup(fd, 1), "../new", 6, 0, &rd, &fd);
    SYS(fd_close)(fd);
    ERR(file_open, "bad directory fd", CLOUDABI_EBADF, lookup(9999, 1), "new", 3, 0, &rd, &fd);
}

static void create_unlink_cases(void) {
    /* cloudabi_sys_file_create: directories only (kern_mkdirat). */
    OK(file_create, "directory", dir, "d1", 2, CLOUDABI_FILETYPE_DIRECTORY);
    ERR(file_create, "existing", CLOUDABI_EEXIST, dir, "d1", 2, CLOUDABI_FILETYPE_DIRECTORY);
    ERR(file_create, "regular file", CLOUDABI_EINVAL, dir, "f1", 2, CLOUDABI_FILETYPE_REGULAR_FILE);
    ERR(file_create, "symbolic link", CLOUDABI_EINVAL, dir, "f1", 2, CLOUDABI_FILETYPE_SYMBOLIC_LINK);
    ERR(file_create, "missing parent", CLOUDABI_ENOENT, dir, "nope/d", 6, CLOUDABI_FILETYPE_DIRECTORY);
    ERR(file_create, "absolute path", CLOUDABI_ENOTCAPABLE, dir, "/tmp/x", 6, CLOUDABI_FILETYPE_DIRECTORY);
    OK(file_create, "nested", dir, "d1/d2", 5, CLOUDABI_FILETYPE_DIRECTORY);
    cloudabi_fd_t lim;
    SYS(fd_dup)(dir, &lim);
    cloudabi_fdstat_t dst = { 0 };
    dst.fs_rights_base = R(FILE_OPEN);
    SYS(fd_stat_put)(lim, &dst, CLOUDABI_FDSTAT_RIGHTS);
    ERR(file_create, "without FILE_CREATE_DIRECTORY", CLOUDABI_ENOTCAPABLE, lim, "d3", 2, CLOUDABI_FILETYPE_DIRECTORY);
    ERR(file_unlink, "without FILE_UNLINK", CLOUDABI_ENOTCAPABLE, lim, "d1", 2, CLOUDABI_UNLINK_REMOVEDIR);
    SYS(fd_close)(lim);

    /* cloudabi_sys_file_unlink: kern_rmdirat with UNLINK_REMOVEDIR, else
     * kern_unlinkat, which refuses directories with EPERM. */
    touch("f1", "x");
    OK(file_unlink, "file", dir, "f1", 2, 0);
    expect("file_unlink", "file is gone", !exists("f1"));
    ERR(file_unlink, "missing", CLOUDABI_ENOENT, dir, "f1", 2, 0);
    ERR(file_unlink, "directory without REMOVEDIR", CLOUDABI_EPERM, dir, "d1", 2, 0);
    ERR(file_unlink, "directory with a trailing slash, without REMOVEDIR", CLOUDABI_EPERM, dir, "d1/", 3, 0);
    ERR(file_unlink, "non-empty directory", CLOUDABI_ENOTEMPTY, dir, "d1", 2, CLOUDABI_UNLINK_REMOVEDIR);
    touch("f2", "x");
    ERR(file_unlink, "file with REMOVEDIR", CLOUDABI_ENOTDIR, dir, "f2", 2, CLOUDABI_UNLINK_REMOVEDIR);
    ERR(file_unlink, "file with a trailing slash", CLOUDABI_ENOTDIR, dir, "f2/", 3, 0);
    OK(file_unlink, "empty directory", dir, "d1/d2", 5, CLOUDABI_UNLINK_REMOVEDIR);
    OK(file_unlink, "directory with a trailing slash", dir, "d1/", 3, CLOUDABI_UNLINK_REMOVEDIR);
    expect("file_unlink", "directory is gone", !exists("d1"));
    ERR(file_unlink, "dot-dot above the directory", CLOUDABI_ENOTCAPABLE, dir, "../x", 4, 0);
    ERR(file_unlink, "NUL in the path", CLOUDABI_EINVAL, dir, "f2\0", 3, 0);
    SYS(file_symlink)("f2", 2, dir, "l2", 2);
    OK(file_unlink, "symlink, not its target", dir, "l2", 2, 0);
    expect("file_unlink", "target stays", exists("f2"));
    ERR(file_unlink, "bad directory fd", CLOUDABI_EBADF, 9999, "f2", 2, 0);
}

static void link_rename_cases(void) {
    touch("src", "payload");
    /* kern_linkat. */
    OK(file_link, "file", lookup(dir, 0), "src", 3, dir, "hard", 4);
    cloudabi_filestat_t a, b;
    stat_("src", 0, &a);
    stat_("hard", 0, &b);
    expect("file_link", "same inode, two links", a.st_ino == b.st_ino && a.st_nlink == 2);
    ERR(file_link, "existing target", CLOUDABI_EEXIST, lookup(dir, 0), "src", 3, dir, "hard", 4);
    ERR(file_link, "missing source", CLOUDABI_ENOENT, lookup(dir, 0), "gone", 4, dir, "x", 1);
    mkdir_("ldir");
    ERR(file_link, "directory", CLOUDABI_EPERM, lookup(dir, 0), "ldir", 4, dir, "ldir2", 5);
    SYS(file_symlink)("src", 3, dir, "slink", 5);
    OK(file_link, "symlink, followed", lookup(dir, 1), "slink", 5, dir, "viafollow", 9);
    stat_("viafollow", 0, &b);
    expect("file_link", "followed link names the target", b.st_ino == a.st_ino);
    OK(file_link, "symlink, not followed", lookup(dir, 0), "slink", 5, dir, "vialink", 7);
    stat_("vialink", 0, &b);
    expect_eq("file_link", "unfollowed link is a symlink", b.st_filetype, CLOUDABI_FILETYPE_SYMBOLIC_LINK);
    ERR(file_link, "target outside", CLOUDABI_ENOTCAPABLE, lookup(dir, 0), "src", 3, dir, "../x", 4);

    /* kern_renameat. */
    OK(file_rename, "file", dir, "hard", 4, dir, "moved", 5);
    expect("file_rename", "old name gone, new name there", !exists("hard") && exists("moved"));
    ERR(file_rename, "missing source", CLOUDABI_ENOENT, dir, "hard", 4, dir, "x", 1);
    OK(file_rename, "over an existing file", dir, "moved", 5, dir, "src", 3);
    mkdir_("fulldir");
    touch("fulldir/inside", "x");
    mkdir_("empty");
    ERR(file_rename, "directory over a non-empty directory", CLOUDABI_ENOTEMPTY, dir, "empty", 5, dir, "fulldir", 7);
    ERR(file_rename, "file over a directory", CLOUDABI_EISDIR, dir, "src", 3, dir, "empty", 5);
    ERR(file_rename, "directory over a file", CLOUDABI_ENOTDIR, dir, "empty", 5, dir, "src", 3);
    OK(file_rename, "directory", dir, "empty", 5, dir, "empty2", 6);
    ERR(file_rename, "to outside", CLOUDABI_ENOTCAPABLE, dir, "src", 3, dir, "../src", 6);
    ERR(file_rename, "bad fd", CLOUDABI_EBADF, 9999, "src", 3, dir, "x", 1);
}

static void symlink_readlink_cases(void) {
    char buf[64];
    /* kern_symlinkat: the target is only text. */
    OK(file_symlink, "relative target", "target-text", 11, dir, "sl", 2);
    ERR(file_symlink, "existing name", CLOUDABI_EEXIST, "x", 1, dir, "sl", 2);
    OK(file_symlink, "dangling target", "does/not/exist", 14, dir, "dangling", 8);
    ERR(file_symlink, "NUL in the target", CLOUDABI_EINVAL, "a\0b", 3, dir, "nul", 3);
    ERR(file_symlink, "link outside", CLOUDABI_ENOTCAPABLE, "x", 1, dir, "../sl", 5);

    /* kern_readlinkat: the target, truncated to the buffer; EINVAL for
     * anything but a symlink. */
    OK(file_readlink, "symlink", dir, "sl", 2, buf, sizeof buf, &n);
    expect("file_readlink", "the target", n == 11 && mem_eq(buf, "target-text", 11));
    OK(file_readlink, "small buffer", dir, "sl", 2, buf, 4, &n);
    expect("file_readlink", "truncated target", n == 4 && mem_eq(buf, "targ", 4));
    touch("plain", "x");
    ERR(file_readlink, "regular file", CLOUDABI_EINVAL, dir, "plain", 5, buf, sizeof buf, &n);
    mkdir_("rdir");
    ERR(file_readlink, "directory", CLOUDABI_EINVAL, dir, "rdir", 4, buf, sizeof buf, &n);
    ERR(file_readlink, "missing", CLOUDABI_ENOENT, dir, "none", 4, buf, sizeof buf, &n);
    ERR(file_readlink, "bad fd", CLOUDABI_EBADF, 9999, "sl", 2, buf, sizeof buf, &n);
}

static void stat_cases(void) {
    cloudabi_filestat_t st;
    touch("st", "12345");
    /* cloudabi_sys_file_stat_get → kern_statat, convert_stat. */
    OK(file_stat_get, "file", lookup(dir, 0), "st", 2, &st);
    expect("file_stat_get", "type and size", st.st_filetype == CLOUDABI_FILETYPE_REGULAR_FILE && st.st_size == 5);
    SYS(file_symlink)("st", 2, dir, "stl", 3);
    OK(file_stat_get, "symlink, not followed", lookup(dir, 0), "stl", 3, &st);
    expect_eq("file_stat_get", "symlink type", st.st_filetype, CLOUDABI_FILETYPE_SYMBOLIC_LINK);
    OK(file_stat_get, "symlink, followed", lookup(dir, 1), "stl", 3, &st);
    expect_eq("file_stat_get", "followed type", st.st_filetype, CLOUDABI_FILETYPE_REGULAR_FILE);
    OK(file_stat_get, "directory", lookup(dir, 0), ".", 1, &st);
    expect_eq("file_stat_get", "directory type", st.st_filetype, CLOUDABI_FILETYPE_DIRECTORY);
    ERR(file_stat_get, "missing", CLOUDABI_ENOENT, lookup(dir, 0), "nothing", 7, &st);
    ERR(file_stat_get, "outside", CLOUDABI_ENOTCAPABLE, lookup(dir, 0), "..", 2, &st);

    cloudabi_fd_t f;
    open_at(dir, "st", 0, ALL_FILE_RIGHTS, &f);
    /* cloudabi_sys_file_stat_fget. */
    OK(file_stat_fget, "file", f, &st);
    expect("file_stat_fget", "type, size and links", st.st_filetype == CLOUDABI_FILETYPE_REGULAR_FILE &&
                                                          st.st_size == 5 && st.st_nlink == 1);
    cloudabi_fd_t s1, s2;
    SYS(fd_create2)(CLOUDABI_FILETYPE_SOCKET_DGRAM, &s1, &s2);
    OK(file_stat_fget, "socket", s1, &st);
    expect_eq("file_stat_fget", "socket type", st.st_filetype, CLOUDABI_FILETYPE_SOCKET_DGRAM);
    SYS(fd_close)(s1);
    SYS(fd_close)(s2);
    ERR(file_stat_fget, "bad fd", CLOUDABI_EBADF, 9999, &st);

    /* cloudabi_sys_file_stat_fput: SIZE alone (kern_ftruncate), or the
     * time flags alone (kern_futimens); only the fields the flags select
     * are read, so garbage elsewhere is fine. */
    cloudabi_filestat_t put;
    memset(&put, 0xee, sizeof put);
    put.st_size = 2;
    OK(file_stat_fput, "SIZE with garbage in the other fields", f, &put, CLOUDABI_FILESTAT_SIZE);
    SYS(file_stat_fget)(f, &st);
    expect_eq("file_stat_fput", "size changed", st.st_size, 2);
    put.st_size = 1 << 20;
    OK(file_stat_fput, "SIZE grows the file", f, &put, CLOUDABI_FILESTAT_SIZE);
    ERR(file_stat_fput, "SIZE with a time flag", CLOUDABI_EINVAL, f, &put,
        CLOUDABI_FILESTAT_SIZE | CLOUDABI_FILESTAT_MTIM);
    ERR(file_stat_fput, "no flags", CLOUDABI_EINVAL, f, &put, 0);
    put.st_atim = 1000000000ull * 1000;
    put.st_mtim = 1000000000ull * 2000 + 5;
    OK(file_stat_fput, "ATIM and MTIM", f, &put, CLOUDABI_FILESTAT_ATIM | CLOUDABI_FILESTAT_MTIM);
    SYS(file_stat_fget)(f, &st);
    expect("file_stat_fput", "times set", st.st_atim == 1000000000ull * 1000 && st.st_mtim == 1000000000ull * 2000 + 5);
    /* convert_utimens_arguments: _NOW wins over a value. */
    OK(file_stat_fput, "MTIM and MTIM_NOW", f, &put, CLOUDABI_FILESTAT_MTIM | CLOUDABI_FILESTAT_MTIM_NOW);
    SYS(file_stat_fget)(f, &st);
    cloudabi_timestamp_t now = 0;
    SYS(clock_time_get)(CLOUDABI_CLOCK_REALTIME, 0, &now);
    expect("file_stat_fput", "MTIM_NOW wins", st.st_mtim > now - 60000000000ull && st.st_atim == 1000000000ull * 1000);
    cloudabi_fd_t lim;
    SYS(fd_dup)(f, &lim);
    cloudabi_fdstat_t ds = { 0 };
    ds.fs_rights_base = R(FD_READ) | R(FD_WRITE);
    SYS(fd_stat_put)(lim, &ds, CLOUDABI_FDSTAT_RIGHTS);
    ERR(file_stat_fput, "SIZE without FILE_STAT_FPUT_SIZE", CLOUDABI_ENOTCAPABLE, lim, &put, CLOUDABI_FILESTAT_SIZE);
    ERR(file_stat_fput, "times without FILE_STAT_FPUT_TIMES", CLOUDABI_ENOTCAPABLE, lim, &put, CLOUDABI_FILESTAT_ATIM_NOW);
    ERR(file_stat_fget, "without FILE_STAT_FGET", CLOUDABI_ENOTCAPABLE, lim, &st);
    SYS(fd_close)(lim);

    /* cloudabi_sys_file_stat_put: times only (kern_utimensat). */
    memset(&put, 0x5a, sizeof put);
    put.st_mtim = 1000000000ull * 3000;
    OK(file_stat_put, "MTIM with garbage in the other fields", lookup(dir, 1), "st", 2, &put, CLOUDABI_FILESTAT_MTIM);
    stat_("st", 1, &st);
    expect_eq("file_stat_put", "time set", st.st_mtim, 1000000000ull * 3000);
    ERR(file_stat_put, "SIZE", CLOUDABI_EINVAL, lookup(dir, 1), "st", 2, &put, CLOUDABI_FILESTAT_SIZE);
    ERR(file_stat_put, "missing file", CLOUDABI_ENOENT, lookup(dir, 1), "none", 4, &put, CLOUDABI_FILESTAT_MTIM);
    OK(file_stat_put, "ATIM_NOW", lookup(dir, 1), "st", 2, &put, CLOUDABI_FILESTAT_ATIM_NOW);
    ERR(file_stat_put, "outside", CLOUDABI_ENOTCAPABLE, lookup(dir, 1), "../st", 5, &put, CLOUDABI_FILESTAT_ATIM_NOW);
    SYS(fd_close)(f);
}

static void advise_allocate_cases(void) {
    cloudabi_fd_t f = make_file("adv", "some data", 9);
    /* cloudabi_sys_file_advise: the six POSIX_FADV_* values. */
    OK(file_advise, "NORMAL", f, 0, 9, CLOUDABI_ADVICE_NORMAL);
    OK(file_advise, "SEQUENTIAL", f, 0, 9, CLOUDABI_ADVICE_SEQUENTIAL);
    OK(file_advise, "RANDOM", f, 0, 9, CLOUDABI_ADVICE_RANDOM);
    OK(file_advise, "WILLNEED", f, 0, 9, CLOUDABI_ADVICE_WILLNEED);
    OK(file_advise, "DONTNEED", f, 0, 0, CLOUDABI_ADVICE_DONTNEED);
    OK(file_advise, "NOREUSE", f, 0, 9, CLOUDABI_ADVICE_NOREUSE);
    ERR(file_advise, "unknown advice", CLOUDABI_EINVAL, f, 0, 9, 99);
    ERR(file_advise, "bad fd", CLOUDABI_EBADF, 9999, 0, 9, CLOUDABI_ADVICE_NORMAL);

    /* kern_posix_fallocate. */
    OK(file_allocate, "extend", f, 0, 100000);
    cloudabi_filestat_t st;
    SYS(file_stat_fget)(f, &st);
    expect_eq("file_allocate", "size grows", st.st_size, 100000);
    OK(file_allocate, "inside the file", f, 10, 10);
    ERR(file_allocate, "zero length", CLOUDABI_EINVAL, f, 0, 0);
    ERR(file_allocate, "bad fd", CLOUDABI_EBADF, 9999, 0, 1);
    cloudabi_fd_t lim;
    SYS(fd_dup)(f, &lim);
    cloudabi_fdstat_t ds = { 0 };
    ds.fs_rights_base = R(FD_READ);
    SYS(fd_stat_put)(lim, &ds, CLOUDABI_FDSTAT_RIGHTS);
    ERR(file_allocate, "without FILE_ALLOCATE", CLOUDABI_ENOTCAPABLE, lim, 0, 1);
    SYS(fd_close)(lim);
    SYS(fd_close)(f);
}

/* Reads the whole directory with a buffer of `size`, resuming at each
 * entry's d_next; whether `want` names were all seen, and how many
 * entries there were. */
static int readdir_all(cloudabi_fd_t d, size_t size, const char *const *want, int nwant, int *count) {
    static u8 buf[4096];
    int seen[8] = { 0 };
    cloudabi_dircookie_t cookie = CLOUDABI_DIRCOOKIE_START;
    *count = 0;
    for (int rounds = 0; rounds < 1000; rounds++) {
        size_t used = 0;
        if (SYS(file_readdir)(d, buf, size, cookie, &used)) return 0;
        size_t off = 0;
        int whole = 0;
        while (off + sizeof(cloudabi_dirent_t) <= used) {
            cloudabi_dirent_t e;
            memcpy(&e, buf + off, sizeof e);
            if (off + sizeof e + e.d_namlen > used) break;
            const char *name = (const char *)buf + off + sizeof e;
            for (int i = 0; i < nwant; i++)
                if (slen(want[i]) == e.d_namlen && mem_eq(name, want[i], e.d_namlen)) seen[i] = 1;
            (*count)++;
            whole++;
            cookie = e.d_next;
            off += sizeof e + e.d_namlen;
        }
        if (used < size) break;
        if (!whole) return 0;
    }
    for (int i = 0; i < nwant; i++)
        if (!seen[i]) return 0;
    return 1;
}

static void readdir_cases(void) {
    mkdir_("rd");
    touch("rd/alpha", "a");
    touch("rd/beta", "b");
    mkdir_("rd/gamma");
    cloudabi_fd_t d;
    cloudabi_fdstat_t fds = { 0 };
    fds.fs_rights_base = R(FILE_READDIR) | R(FILE_OPEN);
    SYS(file_open)(lookup(dir, 1), "rd", 2, CLOUDABI_O_DIRECTORY, &fds, &d);
    static const char *const names[] = { ".", "..", "alpha", "beta", "gamma" };
    int count = 0;
    u8 buf[256];
    size_t used;
    OK(file_readdir, "directory", d, buf, sizeof buf, CLOUDABI_DIRCOOKIE_START, &used);
    expect("file_readdir", "every entry, with . and ..", readdir_all(d, 4096, names, 5, &count) && count == 5);
    expect("file_readdir", "resumes at d_next with a small buffer", readdir_all(d, 40, names, 5, &count) && count == 5);
    /* write_dirent: an entry that does not fit is cut off, filling the
     * buffer exactly. */
    OK(file_readdir, "buffer smaller than an entry", d, buf, 10, CLOUDABI_DIRCOOKIE_START, &used);
    expect_eq("file_readdir", "buffer filled", used, 10);
    /* d_type. */
    int typed = 0;
    SYS(file_readdir)(d, buf, sizeof buf, CLOUDABI_DIRCOOKIE_START, &used);
    for (size_t off = 0; off + sizeof(cloudabi_dirent_t) <= used;) {
        cloudabi_dirent_t e;
        memcpy(&e, buf + off, sizeof e);
        if (off + sizeof e + e.d_namlen > used) break;
        const char *name = (const char *)buf + off + sizeof e;
        if (e.d_namlen == 5 && mem_eq(name, "alpha", 5)) typed += e.d_type == CLOUDABI_FILETYPE_REGULAR_FILE;
        if (e.d_namlen == 5 && mem_eq(name, "gamma", 5)) typed += e.d_type == CLOUDABI_FILETYPE_DIRECTORY;
        off += sizeof e + e.d_namlen;
    }
    expect_eq("file_readdir", "entry types", typed, 2);
    SYS(fd_close)(d);
    ERR(file_readdir, "bad fd", CLOUDABI_EBADF, 9999, buf, sizeof buf, CLOUDABI_DIRCOOKIE_START, &used);
    /* getvnode asks for CAP_READ, which FD_READ also is; the vnode must
     * then be a directory. */
    cloudabi_fd_t f = make_file("rdfile", "x", 1);
    ERR(file_readdir, "regular file", CLOUDABI_ENOTDIR, f, buf, sizeof buf, CLOUDABI_DIRCOOKIE_START, &used);
    SYS(fd_close)(f);
    fds.fs_rights_base = R(FILE_OPEN);
    SYS(file_open)(lookup(dir, 1), "rd", 2, CLOUDABI_O_DIRECTORY, &fds, &d);
    ERR(file_readdir, "without FILE_READDIR", CLOUDABI_ENOTCAPABLE, d, buf, sizeof buf, CLOUDABI_DIRCOOKIE_START, &used);
    SYS(fd_close)(d);
}

static void run_cases(void) {
    open_cases();
    create_unlink_cases();
    link_rename_cases();
    symlink_readlink_cases();
    stat_cases();
    advise_allocate_cases();
    readdir_cases();
}
