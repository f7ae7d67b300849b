/* Runs a script of file-system operations against the directory fd `dir` and
 * reports each result on `out` as "<op> <errno>" (0 = success), plus lines
 * "data:<bytes>" or "entry:<name>" for what was read.
 *
 * Argdata: {out: fd, dir: fd, cmds: [[op, arg...], ...]}. Ops: cat P,
 * ls [P], write P TEXT, create P TEXT, mkdir P, rmdir P, unlink P,
 * rename P Q, link P Q, symlink TARGET P, readlink P, stat P, lstat P,
 * open P, open_nofollow P, open_rights P BASE, write_fd N, read_fd N,
 * close N, drop N BASE INHERITING, stat_fd N, fd_write_file P,
 * keep P BASE (open or create, and keep open: prints the fd),
 * write_unmapped N (write to N from a page, through a vector in the page;
 * unmap it and write again: prints the first result), read_into_constant N (read from N into
 * read-only memory). */
#include "guest.h"

static cloudabi_fd_t out, dir;

static struct ad arg(struct ad cmd, int i) {
    struct ad it = { 0, 0 }, v = { 0, 0 };
    if (!ad_iter(cmd, 7, &it)) return v;
    for (int k = 0; k <= i; k++)
        if (!ad_next(&it, &v)) { v.p = 0; v.n = 0; break; }
    return v;
}

static const char *sarg(struct ad cmd, int i, size_t *len) {
    const char *s = "";
    *len = 0;
    ad_str(arg(cmd, i), &s, len);
    return s;
}

static u64 iarg(struct ad cmd, int i) {
    i64 v = 0;
    ad_int(arg(cmd, i), &v);
    return (u64)v;
}

static cloudabi_errno_t open_(cloudabi_fd_t at, const char *p, size_t n, int follow,
                              cloudabi_oflags_t oflags, cloudabi_rights_t base,
                              cloudabi_fd_t *fd) {
    cloudabi_fdstat_t st = { 0 };
    st.fs_rights_base = base;
    st.fs_rights_inheriting = 0;
    return SYS(file_open)(lookup(at, follow), p, n, oflags, &st, fd);
}

static cloudabi_errno_t cat(cloudabi_fd_t at, const char *p, size_t n) {
    cloudabi_fd_t fd;
    cloudabi_errno_t e = open_(at, p, n, 1, 0, CLOUDABI_RIGHT_FD_READ, &fd);
    if (e) return e;
    char buf[256];
    puts_(out, "data:");
    for (;;) {
        cloudabi_iovec_t iov = { buf, sizeof buf };
        size_t got = 0;
        e = SYS(fd_read)(fd, &iov, 1, &got);
        if (e || got == 0) break;
        write_all(out, buf, got);
    }
    puts_(out, "\n");
    SYS(fd_close)(fd);
    return e;
}

static cloudabi_errno_t ls(cloudabi_fd_t fd) {
    static u8 buf[4096];
    cloudabi_dircookie_t cookie = CLOUDABI_DIRCOOKIE_START;
    for (;;) {
        size_t used = 0;
        cloudabi_errno_t e = SYS(file_readdir)(fd, buf, sizeof buf, cookie, &used);
        if (e) return e;
        size_t off = 0;
        while (off + sizeof(cloudabi_dirent_t) <= used) {
            cloudabi_dirent_t d;
            memcpy(&d, buf + off, sizeof d);
            if (off + sizeof d + d.d_namlen > used) break;
            const char *name = (const char *)buf + off + sizeof d;
            int dots = (d.d_namlen == 1 && name[0] == '.') || (d.d_namlen == 2 && name[0] == '.' && name[1] == '.');
            if (!dots) { puts_(out, "entry:"); write_all(out, name, d.d_namlen); puts_(out, "\n"); }
            off += sizeof d + d.d_namlen;
            cookie = d.d_next;
        }
        if (used < sizeof buf) return 0;
    }
}

static cloudabi_errno_t put(const char *p, size_t n, const char *text, size_t tn,
                            cloudabi_oflags_t oflags) {
    cloudabi_fd_t fd;
    cloudabi_errno_t e = open_(dir, p, n, 0, oflags, CLOUDABI_RIGHT_FD_WRITE, &fd);
    if (e) return e;
    e = write_all(fd, text, tn);
    SYS(fd_close)(fd);
    return e;
}

static cloudabi_errno_t run(struct ad cmd, const char *op, size_t opn) {
    size_t n, m;
    const char *p = sarg(cmd, 1, &n);
    const char *q = sarg(cmd, 2, &m);
    cloudabi_fd_t fd;
    cloudabi_errno_t e;
#define OP(name) seq_(name, op, opn)
    if (OP("cat")) return cat(dir, p, n);
    if (OP("ls")) {
        if (n == 0) return ls(dir);
        if ((e = open_(dir, p, n, 1, CLOUDABI_O_DIRECTORY, CLOUDABI_RIGHT_FILE_READDIR, &fd))) return e;
        e = ls(fd);
        SYS(fd_close)(fd);
        return e;
    }
    if (OP("write")) return put(p, n, q, m, CLOUDABI_O_CREAT | CLOUDABI_O_TRUNC);
    if (OP("create")) return put(p, n, q, m, CLOUDABI_O_CREAT | CLOUDABI_O_EXCL);
    if (OP("mkdir")) return SYS(file_create)(dir, p, n, CLOUDABI_FILETYPE_DIRECTORY);
    if (OP("rmdir")) return SYS(file_unlink)(dir, p, n, CLOUDABI_UNLINK_REMOVEDIR);
    if (OP("unlink")) return SYS(file_unlink)(dir, p, n, 0);
    if (OP("rename")) return SYS(file_rename)(dir, p, n, dir, q, m);
    if (OP("link")) return SYS(file_link)(lookup(dir, 0), p, n, dir, q, m);
    if (OP("symlink")) return SYS(file_symlink)(p, n, dir, q, m);
    if (OP("readlink")) {
        char buf[256];
        size_t used = 0;
        if ((e = SYS(file_readlink)(dir, p, n, buf, sizeof buf, &used))) return e;
        puts_(out, "data:"); write_all(out, buf, used); puts_(out, "\n");
        return 0;
    }
    if (OP("stat") || OP("lstat")) {
        cloudabi_filestat_t st;
        if ((e = SYS(file_stat_get)(lookup(dir, OP("stat")), p, n, &st))) return e;
        puts_(out, "data:type="); putu_(out, st.st_filetype);
        puts_(out, " size="); putu_(out, st.st_size); puts_(out, "\n");
        return 0;
    }
    if (OP("open") || OP("open_nofollow")) {
        if ((e = open_(dir, p, n, OP("open"), 0, CLOUDABI_RIGHT_FD_READ, &fd))) return e;
        SYS(fd_close)(fd);
        return 0;
    }
    if (OP("open_rights")) {
        if ((e = open_(dir, p, n, 1, 0, iarg(cmd, 2), &fd))) return e;
        SYS(fd_close)(fd);
        return 0;
    }
    if (OP("write_fd")) {
        size_t w = 0;
        cloudabi_ciovec_t iov = { "x", 1 };
        return SYS(fd_write)((cloudabi_fd_t)iarg(cmd, 1), &iov, 1, &w);
    }
    if (OP("read_fd")) {
        char c;
        size_t got = 0;
        cloudabi_iovec_t iov = { &c, 1 };
        return SYS(fd_read)((cloudabi_fd_t)iarg(cmd, 1), &iov, 1, &got);
    }
    if (OP("close")) return SYS(fd_close)((cloudabi_fd_t)iarg(cmd, 1));
    if (OP("keep")) {
        if ((e = open_(dir, p, n, 1, CLOUDABI_O_CREAT, iarg(cmd, 2), &fd))) return e;
        puts_(out, "data:fd="); putu_(out, fd); puts_(out, "\n");
        return 0;
    }
    if (OP("write_unmapped")) {
        void *page = 0;
        if ((e = SYS(mem_map)(0, 4096, CLOUDABI_PROT_READ | CLOUDABI_PROT_WRITE,
                              CLOUDABI_MAP_ANON | CLOUDABI_MAP_PRIVATE,
                              CLOUDABI_MAP_ANON_FD, 0, &page))) return e;
        /* The byte and the vector that describes it both live in the page,
         * so that after the unmap even reading the vector must fail. */
        *(char *)page = 'u';
        cloudabi_ciovec_t *iov = (cloudabi_ciovec_t *)((char *)page + 64);
        iov->buf = page;
        iov->buf_len = 1;
        size_t w = 0;
        /* No other call in between: each would make other ranges recent. */
        cloudabi_errno_t first = SYS(fd_write)((cloudabi_fd_t)iarg(cmd, 1), iov, 1, &w);
        if ((e = SYS(mem_unmap)(page, 4096))) return e;
        e = SYS(fd_write)((cloudabi_fd_t)iarg(cmd, 1), iov, 1, &w);
        puts_(out, "data:first="); putu_(out, first); puts_(out, "\n");
        return e;
    }
    if (OP("read_into_constant")) {
        static const char constant[16] = "constant";
        size_t got = 0;
        cloudabi_iovec_t iov = { (void *)constant, sizeof constant };
        return SYS(fd_read)((cloudabi_fd_t)iarg(cmd, 1), &iov, 1, &got);
    }
    if (OP("drop")) {
        cloudabi_fdstat_t st = { 0 };
        st.fs_rights_base = iarg(cmd, 2);
        st.fs_rights_inheriting = iarg(cmd, 3);
        return SYS(fd_stat_put)((cloudabi_fd_t)iarg(cmd, 1), &st, CLOUDABI_FDSTAT_RIGHTS);
    }
    if (OP("stat_fd")) {
        cloudabi_fdstat_t st;
        if ((e = SYS(fd_stat_get)((cloudabi_fd_t)iarg(cmd, 1), &st))) return e;
        puts_(out, "data:type="); putu_(out, st.fs_filetype);
        puts_(out, " base="); putu_(out, st.fs_rights_base);
        puts_(out, " inheriting="); putu_(out, st.fs_rights_inheriting); puts_(out, "\n");
        return 0;
    }
    return CLOUDABI_ENOSYS;
#undef OP
}

int main(const u8 *p, size_t n) {
    struct ad root = { p, n }, v, cmds, it, cmd;
    if (!ad_get(root, "out", &v) || !ad_fd(v, &out)) return 2;
    if (ad_get(root, "dir", &v)) ad_fd(v, &dir);
    if (!ad_get(root, "cmds", &cmds) || !ad_iter(cmds, 7, &it)) return 3;
    while (ad_next(&it, &cmd)) {
        size_t opn;
        const char *op = sarg(cmd, 0, &opn);
        cloudabi_errno_t e = run(cmd, op, opn);
        write_all(out, op, opn);
        puts_(out, " ");
        putu_(out, e);
        puts_(out, "\n");
    }
    return 0;
}
