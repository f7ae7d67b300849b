/*
 * The conformance suite's harness for C guests. A guest checks one group of
 * system calls and prints one line per case on its `out` fd:
 *
 *     ok CALL NAME
 *     FAIL CALL NAME: got X, want Y
 *     known CALL NAME: why
 *
 * `known` marks a case where the launcher differs from the reference for a
 * reason its host cannot avoid (named in `why`); the runner counts those
 * apart, neither passed nor failed.
 *
 * and, once it finished, `done N` (N cases), so that the runner can tell a
 * guest that died half way from one that ran every case. Expected values
 * come from the reference kernel (FreeBSD's sys/compat/cloudabi*); each case
 * names the function it follows in a comment.
 *
 * Argdata: {out: fd, dir: fd (an empty directory of the guest's own), ...}.
 * Everything else is the guest's (see the runner's guest list).
 *
 * Start-up, the system-call table and Argdata reading come from
 * tests/guests/c/guest.h; every ABI name, number and type from the generated
 * C headers.
 */
#ifndef SUITE_H
#define SUITE_H

#include <stdatomic.h>

#include "guest.h"

static __attribute__((unused)) cloudabi_fd_t out, dir;
static struct ad args;
static _Atomic u32 cases, failures;

/* ---- Reporting ---- */

#define ERRNO_NAME(n) case CLOUDABI_E##n: return "E" #n;
static const char *errno_name(cloudabi_errno_t e) {
    switch (e) {
    case 0: return "success";
    ERRNO_NAME(2BIG) ERRNO_NAME(ACCES) ERRNO_NAME(ADDRINUSE) ERRNO_NAME(ADDRNOTAVAIL)
    ERRNO_NAME(AFNOSUPPORT) ERRNO_NAME(AGAIN) ERRNO_NAME(ALREADY) ERRNO_NAME(BADF)
    ERRNO_NAME(BADMSG) ERRNO_NAME(BUSY) ERRNO_NAME(CANCELED) ERRNO_NAME(CHILD)
    ERRNO_NAME(CONNABORTED) ERRNO_NAME(CONNREFUSED) ERRNO_NAME(CONNRESET) ERRNO_NAME(DEADLK)
    ERRNO_NAME(DESTADDRREQ) ERRNO_NAME(DOM) ERRNO_NAME(DQUOT) ERRNO_NAME(EXIST)
    ERRNO_NAME(FAULT) ERRNO_NAME(FBIG) ERRNO_NAME(HOSTUNREACH) ERRNO_NAME(IDRM)
    ERRNO_NAME(ILSEQ) ERRNO_NAME(INPROGRESS) ERRNO_NAME(INTR) ERRNO_NAME(INVAL)
    ERRNO_NAME(IO) ERRNO_NAME(ISCONN) ERRNO_NAME(ISDIR) ERRNO_NAME(LOOP)
    ERRNO_NAME(MFILE) ERRNO_NAME(MLINK) ERRNO_NAME(MSGSIZE) ERRNO_NAME(MULTIHOP)
    ERRNO_NAME(NAMETOOLONG) ERRNO_NAME(NETDOWN) ERRNO_NAME(NETRESET) ERRNO_NAME(NETUNREACH)
    ERRNO_NAME(NFILE) ERRNO_NAME(NOBUFS) ERRNO_NAME(NODEV) ERRNO_NAME(NOENT)
    ERRNO_NAME(NOEXEC) ERRNO_NAME(NOLCK) ERRNO_NAME(NOLINK) ERRNO_NAME(NOMEM)
    ERRNO_NAME(NOMSG) ERRNO_NAME(NOPROTOOPT) ERRNO_NAME(NOSPC) ERRNO_NAME(NOSYS)
    ERRNO_NAME(NOTCONN) ERRNO_NAME(NOTDIR) ERRNO_NAME(NOTEMPTY) ERRNO_NAME(NOTRECOVERABLE)
    ERRNO_NAME(NOTSOCK) ERRNO_NAME(NOTSUP) ERRNO_NAME(NOTTY) ERRNO_NAME(NXIO)
    ERRNO_NAME(OVERFLOW) ERRNO_NAME(OWNERDEAD) ERRNO_NAME(PERM) ERRNO_NAME(PIPE)
    ERRNO_NAME(PROTO) ERRNO_NAME(PROTONOSUPPORT) ERRNO_NAME(PROTOTYPE) ERRNO_NAME(RANGE)
    ERRNO_NAME(ROFS) ERRNO_NAME(SPIPE) ERRNO_NAME(SRCH) ERRNO_NAME(STALE)
    ERRNO_NAME(TIMEDOUT) ERRNO_NAME(TXTBSY) ERRNO_NAME(XDEV) ERRNO_NAME(NOTCAPABLE)
    default: return "unknown errno";
    }
}

/* Lines are built in a buffer and written with one call, so that lines of
 * several threads never interleave. */
struct line { char b[256]; size_t n; };

static __attribute__((unused)) void l_str(struct line *l, const char *s) {
    while (*s && l->n < sizeof l->b - 1) l->b[l->n++] = *s++;
}

static __attribute__((unused)) void l_u64(struct line *l, u64 v) {
    char b[24]; int i = 23; b[i] = 0;
    do { b[--i] = (char)('0' + v % 10); v /= 10; } while (v);
    l_str(l, b + i);
}

static __attribute__((unused)) void l_end(struct line *l) {
    l->b[l->n++] = '\n';
    write_all(out, l->b, l->n);
}

/* Records one case: `ok` when `pass`, else FAIL with `detail`. */
static __attribute__((unused)) void result(const char *call, const char *name, int pass, const char *detail) {
    struct line l = { .n = 0 };
    atomic_fetch_add(&cases, 1);
    if (!pass) atomic_fetch_add(&failures, 1);
    l_str(&l, pass ? "ok " : "FAIL ");
    l_str(&l, call);
    l_str(&l, " ");
    l_str(&l, name);
    if (!pass && detail) { l_str(&l, ": "); l_str(&l, detail); }
    l_end(&l);
}

/* A case whose outcome is an errno: `got` must be `want`. */
static __attribute__((unused)) int expect_errno(const char *call, const char *name, cloudabi_errno_t got,
                        cloudabi_errno_t want) {
    struct line d = { .n = 0 };
    l_str(&d, "got "); l_str(&d, errno_name(got));
    l_str(&d, ", want "); l_str(&d, errno_name(want));
    d.b[d.n] = 0;
    result(call, name, got == want, d.b);
    return got == want;
}

/* A case where the reference's behaviour is `cond`, which a launcher may
 * miss for the reason `why` (its host cannot do otherwise). */
static __attribute__((unused)) int expect_or_known(const char *call, const char *name, int cond,
                                                   const char *why) {
    if (cond) {
        result(call, name, 1, 0);
        return 1;
    }
    struct line l = { .n = 0 };
    atomic_fetch_add(&cases, 1);
    l_str(&l, "known "); l_str(&l, call); l_str(&l, " "); l_str(&l, name);
    l_str(&l, ": "); l_str(&l, why);
    l_end(&l);
    return 0;
}

/* A case that is a condition. */
static __attribute__((unused)) int expect(const char *call, const char *name, int cond) {
    result(call, name, cond, "condition false");
    return cond;
}

/* A case comparing numbers. */
static __attribute__((unused)) int expect_eq(const char *call, const char *name, u64 got, u64 want) {
    struct line d = { .n = 0 };
    l_str(&d, "got "); l_u64(&d, got); l_str(&d, ", want "); l_u64(&d, want);
    d.b[d.n] = 0;
    result(call, name, got == want, d.b);
    return got == want;
}

/* Calls and checks the errno: ERR(call, "name", want, args...). */
#define ERR(call, name, want, ...) expect_errno(#call, name, SYS(call)(__VA_ARGS__), want)
#define OK(call, name, ...) ERR(call, name, 0, __VA_ARGS__)

static __attribute__((unused)) void finish(void) {
    struct line l = { .n = 0 };
    l_str(&l, "done ");
    l_u64(&l, atomic_load(&cases));
    l_end(&l);
}

/* ---- Helpers most groups need ---- */

static __attribute__((unused)) int mem_eq(const void *a, const void *b, size_t n) {
    const u8 *x = a, *y = b;
    for (size_t i = 0; i < n; i++) if (x[i] != y[i]) return 0;
    return 1;
}

static __attribute__((unused)) void *map_anon(size_t len, cloudabi_mprot_t prot) {
    void *p = 0;
    if (SYS(mem_map)(0, len, prot, CLOUDABI_MAP_ANON | CLOUDABI_MAP_PRIVATE,
                     CLOUDABI_MAP_ANON_FD, 0, &p))
        return 0;
    return p;
}

static const cloudabi_rights_t ALL_FILE_RIGHTS =
    CLOUDABI_RIGHT_FD_DATASYNC | CLOUDABI_RIGHT_FD_READ | CLOUDABI_RIGHT_FD_SEEK |
    CLOUDABI_RIGHT_FD_STAT_PUT_FLAGS | CLOUDABI_RIGHT_FD_SYNC | CLOUDABI_RIGHT_FD_TELL |
    CLOUDABI_RIGHT_FD_WRITE | CLOUDABI_RIGHT_FILE_ADVISE | CLOUDABI_RIGHT_FILE_ALLOCATE |
    CLOUDABI_RIGHT_FILE_STAT_FGET | CLOUDABI_RIGHT_FILE_STAT_FPUT_SIZE |
    CLOUDABI_RIGHT_FILE_STAT_FPUT_TIMES | CLOUDABI_RIGHT_MEM_MAP |
    CLOUDABI_RIGHT_MEM_MAP_EXEC | CLOUDABI_RIGHT_POLL_FD_READWRITE |
    CLOUDABI_RIGHT_PROC_EXEC;

/* Opens (with `oflags`) `path` beneath `dir` with base rights `base`. */
static __attribute__((unused)) cloudabi_errno_t open_at(cloudabi_fd_t at, const char *path, cloudabi_oflags_t oflags,
                                cloudabi_rights_t base, cloudabi_fd_t *fd) {
    cloudabi_fdstat_t st = { 0 };
    st.fs_rights_base = base;
    st.fs_rights_inheriting = 0;
    return SYS(file_open)(lookup(at, 1), path, slen(path), oflags, &st, fd);
}

/* Creates (or truncates) `path` in `dir` holding `len` bytes of `data`;
 * returns the fd (with every file right) or -1. */
static __attribute__((unused)) cloudabi_fd_t make_file(const char *path, const void *data, size_t len) {
    cloudabi_fd_t fd;
    if (open_at(dir, path, CLOUDABI_O_CREAT | CLOUDABI_O_TRUNC, ALL_FILE_RIGHTS, &fd))
        return (cloudabi_fd_t)-1;
    if (len && write_all(fd, data, len)) return (cloudabi_fd_t)-1;
    return fd;
}

/* The guest defines this; `main` reads the common arguments around it. */
static __attribute__((unused)) void run_cases(void);

int main(const u8 *p, size_t len) {
    struct ad root = { p, len }, v;
    args = root;
    if (!ad_get(root, "out", &v) || !ad_fd(v, &out)) return 2;
    if (!ad_get(root, "dir", &v) || !ad_fd(v, &dir)) {
        puts_(out, "FAIL harness arguments: no dir fd\n");
        return 2;
    }
    run_cases();
    finish();
    return atomic_load(&failures) ? 1 : 0;
}

#endif
