/*
 * What real programs do with the system calls, beyond one call at a time:
 *
 * - buffered I/O the way a C library's stdio does it: writes collected in a
 *   4 KiB buffer and flushed with fd_write, reads refilled with fd_read,
 *   lines split across buffer boundaries, fseek/ftell through fd_seek;
 * - a producer and a consumer on a non-blocking socket pair, waiting in
 *   poll when a read says EAGAIN (an event loop);
 * - a thread pool: workers take tasks from a queue under a lock and a
 *   condition variable, each task doing file I/O of its own, and the pool
 *   shuts down cleanly;
 * - error paths: opening what is not there, creating what exists, reading
 *   a directory as a file, and going on afterwards.
 *
 * Cases are reported under the pseudo-call "workload".
 */
#include "runtime.h"

/* ---- A stdio-like stream ---- */

#define BUFSZ 4096

struct stream {
    cloudabi_fd_t fd;
    u8 buf[BUFSZ];
    size_t len, pos; /* read: buf[pos..len] unread; write: buf[0..len] pending */
    int writing;
    u32 syscalls;
};

static int s_flush(struct stream *s) {
    if (s->writing && s->len) {
        s->syscalls++;
        if (write_all(s->fd, s->buf, s->len)) return 0;
    }
    s->len = s->pos = 0;
    return 1;
}

static int s_write(struct stream *s, const void *data, size_t n) {
    const u8 *p = data;
    if (!s->writing) { s->len = s->pos = 0; s->writing = 1; }
    while (n) {
        size_t room = BUFSZ - s->len, k = n < room ? n : room;
        memcpy(s->buf + s->len, p, k);
        s->len += k; p += k; n -= k;
        if (s->len == BUFSZ && !s_flush(s)) return 0;
    }
    return 1;
}

/* One line (without the newline) into `line`; its length, or -1 at the end. */
static long s_getline(struct stream *s, char *line, size_t cap) {
    size_t n = 0;
    if (s->writing) { s_flush(s); s->writing = 0; }
    for (;;) {
        if (s->pos == s->len) {
            size_t got = 0;
            cloudabi_iovec_t iov = { s->buf, BUFSZ };
            s->syscalls++;
            if (SYS(fd_read)(s->fd, &iov, 1, &got) || got == 0) return n ? (long)n : -1;
            s->pos = 0; s->len = got;
        }
        u8 c = s->buf[s->pos++];
        if (c == '\n') return (long)n;
        if (n < cap) line[n] = (char)c;
        n++;
    }
}

static u64 s_tell(struct stream *s) {
    cloudabi_filesize_t off = 0;
    SYS(fd_seek)(s->fd, 0, CLOUDABI_WHENCE_CUR, &off);
    return s->writing ? off + s->len : off - (s->len - s->pos);
}

static void fmt_line(char *b, size_t *n, u32 i) {
    /* "line <i> <i*i>" */
    struct line l = { .n = 0 };
    l_str(&l, "line "); l_u64(&l, i); l_str(&l, " "); l_u64(&l, (u64)i * i);
    memcpy(b, l.b, l.n);
    *n = l.n;
}

static void buffered_io(void) {
    static struct stream s;
    s.fd = make_file("lines.txt", "", 0);
    s.writing = 1;
    char b[64];
    size_t n;
    int ok = 1;
    for (u32 i = 0; i < 5000; i++) {
        fmt_line(b, &n, i);
        b[n++] = '\n';
        ok &= s_write(&s, b, n);
    }
    u64 told = s_tell(&s);
    ok &= s_flush(&s);
    cloudabi_filestat_t st;
    SYS(file_stat_fget)(s.fd, &st);
    expect("workload", "buffered writes, flushed in 4 KiB blocks", ok && st.st_size == told && s.syscalls < 30);
    cloudabi_filesize_t pos;
    SYS(fd_seek)(s.fd, 0, CLOUDABI_WHENCE_SET, &pos);
    s.writing = 0; s.len = s.pos = 0;
    u32 lines = 0, bad = 0;
    char got[64];
    long len;
    while ((len = s_getline(&s, got, sizeof got)) >= 0) {
        fmt_line(b, &n, lines);
        if ((size_t)len != n || !mem_eq(got, b, n)) bad++;
        lines++;
    }
    expect("workload", "buffered reads give back every line across block edges", lines == 5000 && bad == 0);
    /* fseek to a line's start, then read from there. */
    SYS(fd_seek)(s.fd, 0, CLOUDABI_WHENCE_SET, &pos);
    s.len = s.pos = 0;
    for (int i = 0; i < 100; i++) s_getline(&s, got, sizeof got);
    u64 at = s_tell(&s);
    s_getline(&s, got, sizeof got);
    SYS(fd_seek)(s.fd, (i64)at, CLOUDABI_WHENCE_SET, &pos);
    s.len = s.pos = 0;
    len = s_getline(&s, b, sizeof b);
    expect("workload", "ftell and fseek land on the same line", len > 0 && mem_eq(b, got, (size_t)len) && mem_eq(b, "line 100 ", 9));
    SYS(fd_close)(s.fd);
}

/* ---- An event loop on a non-blocking socket ---- */

static void producer(void *arg) {
    cloudabi_fd_t fd = *(cloudabi_fd_t *)arg;
    u8 chunk[1000];
    for (u32 i = 0; i < 200; i++) {
        for (size_t k = 0; k < sizeof chunk; k++) chunk[k] = (u8)(i + k);
        write_all(fd, chunk, sizeof chunk);
        if (i % 20 == 0) sleep_ns(1000000);
    }
    SYS(fd_close)(fd);
}

static void event_loop(void) {
    cloudabi_fd_t a, b;
    SYS(fd_create2)(CLOUDABI_FILETYPE_SOCKET_STREAM, &a, &b);
    cloudabi_fdstat_t nb = { 0 };
    nb.fs_flags = CLOUDABI_FDFLAG_NONBLOCK;
    SYS(fd_stat_put)(b, &nb, CLOUDABI_FDSTAT_FLAGS);
    static struct thread t;
    static u8 stack[64 * 1024] __attribute__((aligned(16)));
    thread_start(&t, stack, sizeof stack, producer, &a);
    u64 total = 0, sum = 0, waits = 0, again = 0;
    u8 buf[777];
    for (;;) {
        size_t got = 0;
        cloudabi_iovec_t iov = { buf, sizeof buf };
        cloudabi_errno_t e = SYS(fd_read)(b, &iov, 1, &got);
        if (e == CLOUDABI_EAGAIN) {
            again++;
            cloudabi_subscription_t s = { 0 };
            s.type = CLOUDABI_EVENTTYPE_FD_READ;
            s.fd_readwrite.fd = b;
            cloudabi_event_t ev;
            size_t n;
            SYS(poll)(&s, &ev, 1, &n);
            waits++;
            continue;
        }
        if (e || got == 0) break;
        for (size_t k = 0; k < got; k++) sum += buf[k];
        total += got;
    }
    thread_join(&t);
    u64 want = 0;
    for (u32 i = 0; i < 200; i++)
        for (u32 k = 0; k < 1000; k++) want += (u8)(i + k);
    expect("workload", "event loop reads everything, waiting in poll on EAGAIN",
           total == 200000 && sum == want && again > 0 && waits == again);
    SYS(fd_close)(b);
}

/* ---- A thread pool ---- */

#define WORKERS 6
#define TASKS 120

static lock_t qlock;
static cond_t qcond, donecond;
static u32 next_task, finished, stop, task_errors;
static struct thread pool[WORKERS];
static u8 pool_stacks[WORKERS][64 * 1024] __attribute__((aligned(16)));

static void task(u32 i) {
    char name[16] = "task-";
    size_t n = 5;
    u32 v = i;
    char digits[8]; int d = 0;
    do { digits[d++] = (char)('0' + v % 10); v /= 10; } while (v);
    while (d) name[n++] = digits[--d];
    name[n] = 0;
    char body[32];
    size_t bn;
    fmt_line(body, &bn, i);
    cloudabi_fd_t f = make_file(name, body, bn);
    char back[32];
    size_t got = 0;
    cloudabi_iovec_t iov = { back, sizeof back };
    if (f == (cloudabi_fd_t)-1 || SYS(fd_pread)(f, &iov, 1, 0, &got) || got != bn || !mem_eq(back, body, bn))
        atomic_fetch_add((_Atomic u32 *)&task_errors, 1);
    SYS(fd_close)(f);
    if (SYS(file_unlink)(dir, name, n, 0)) atomic_fetch_add((_Atomic u32 *)&task_errors, 1);
}

static void pool_worker(void *arg) {
    (void)arg;
    for (;;) {
        lock(&qlock);
        while (next_task >= TASKS && !stop) cond_wait(&qcond, &qlock);
        if (stop && next_task >= TASKS) { unlock(&qlock); return; }
        u32 i = next_task++;
        unlock(&qlock);
        task(i);
        lock(&qlock);
        finished++;
        cond_broadcast(&donecond);
        unlock(&qlock);
    }
}

static void thread_pool(void) {
    u32 started = 0;
    lock(&qlock);
    next_task = TASKS; /* nothing queued yet */
    unlock(&qlock);
    for (int i = 0; i < WORKERS; i++)
        started += thread_start(&pool[i], pool_stacks[i], sizeof pool_stacks[i], pool_worker, 0) == 0;
    lock(&qlock);
    next_task = 0;
    cond_broadcast(&qcond);
    while (finished < TASKS) cond_wait(&donecond, &qlock);
    stop = 1;
    cond_broadcast(&qcond);
    unlock(&qlock);
    u32 joined = 0;
    for (u32 i = 0; i < started; i++) joined += thread_join(&pool[i]);
    expect("workload", "thread pool runs every task and shuts down",
           started == WORKERS && joined == WORKERS && finished == TASKS && task_errors == 0);
}

/* ---- Error paths ---- */

static void error_paths(void) {
    cloudabi_fd_t fd;
    int ok = 1;
    /* A program that tries configuration files in order. */
    static const char *const candidates[] = { "conf.local", "conf.d/main", "conf" };
    make_file("conf", "key=value\n", 10);
    cloudabi_fd_t found = (cloudabi_fd_t)-1;
    for (int i = 0; i < 3 && found == (cloudabi_fd_t)-1; i++) {
        cloudabi_errno_t e = open_at(dir, candidates[i], 0, CLOUDABI_RIGHT_FD_READ, &fd);
        if (e == 0) found = fd;
        else ok &= e == CLOUDABI_ENOENT;
    }
    expect("workload", "falls back through missing files", ok && found != (cloudabi_fd_t)-1);
    /* Lock files: O_CREAT|O_EXCL, EEXIST while held, again once removed. */
    ok = open_at(dir, "lockfile", CLOUDABI_O_CREAT | CLOUDABI_O_EXCL, CLOUDABI_RIGHT_FD_WRITE, &fd) == 0;
    SYS(fd_close)(fd);
    ok &= open_at(dir, "lockfile", CLOUDABI_O_CREAT | CLOUDABI_O_EXCL, CLOUDABI_RIGHT_FD_WRITE, &fd) == CLOUDABI_EEXIST;
    ok &= SYS(file_unlink)(dir, "lockfile", 8, 0) == 0;
    ok &= open_at(dir, "lockfile", CLOUDABI_O_CREAT | CLOUDABI_O_EXCL, CLOUDABI_RIGHT_FD_WRITE, &fd) == 0;
    SYS(fd_close)(fd);
    expect("workload", "lock file protocol", ok);
    /* mkdir -p: EEXIST along the way is fine. */
    ok = 1;
    static const char *const parts[] = { "a", "a/b", "a/b/c" };
    for (int round = 0; round < 2; round++)
        for (int i = 0; i < 3; i++) {
            cloudabi_errno_t e = SYS(file_create)(dir, parts[i], slen(parts[i]), CLOUDABI_FILETYPE_DIRECTORY);
            ok &= e == 0 || e == CLOUDABI_EEXIST;
        }
    cloudabi_filestat_t st;
    ok &= SYS(file_stat_get)(lookup(dir, 0), "a/b/c", 5, &st) == 0 && st.st_filetype == CLOUDABI_FILETYPE_DIRECTORY;
    expect("workload", "mkdir -p", ok);
    /* rm -r of that tree, deepest first; ENOTEMPTY before the children go. */
    ok = SYS(file_unlink)(dir, "a", 1, CLOUDABI_UNLINK_REMOVEDIR) == CLOUDABI_ENOTEMPTY;
    for (int i = 2; i >= 0; i--) ok &= SYS(file_unlink)(dir, parts[i], slen(parts[i]), CLOUDABI_UNLINK_REMOVEDIR) == 0;
    expect("workload", "rm -r", ok);
    /* The same descriptor number is never reused while open, and a closed
     * one is refused. */
    cloudabi_fd_t x, y;
    open_at(dir, "conf", 0, CLOUDABI_RIGHT_FD_READ, &x);
    open_at(dir, "conf", 0, CLOUDABI_RIGHT_FD_READ, &y);
    SYS(fd_close)(x);
    char c;
    size_t n;
    ok = x != y && SYS(fd_read)(x, &(cloudabi_iovec_t){ &c, 1 }, 1, &n) == CLOUDABI_EBADF &&
         SYS(fd_read)(y, &(cloudabi_iovec_t){ &c, 1 }, 1, &n) == 0 && c == 'k';
    expect("workload", "closed descriptors stay closed", ok);
    SYS(fd_close)(y);
}

static void run_cases(void) {
    tls_enter(&main_tls, initial_tid);
    buffered_io();
    event_loop();
    thread_pool();
    error_paths();
}
