/* Error paths the way real programs get them wrong, for --explore to find.
 *
 * Argdata: {out: fd, err: fd, mode: str, careful: bool}. Each mode is a small
 * program with one planted bug; with `careful: true` the bug is fixed, and
 * every failure is reported with a non-zero exit instead.
 * - alloc: a bump allocator that maps 64 KiB arenas with mem_map and, in
 *   the buggy version, never looks at mem_map's error: the records it
 *   builds in a failed arena are written through a null pointer.
 * - short: a log writer that writes each record with one fd_write and, in
 *   the buggy version, ignores how many bytes were written: a short write
 *   loses the rest of the record, and the program still exits 0.
 * - lock: a worker thread takes the queue lock, writes a line, and on the
 *   buggy error path leaves without unlocking; the main thread then waits
 *   for the lock forever.
 * Every mode writes the same lines every run, so a run that exits 0 with
 * other output lost data. */
#include <stdatomic.h>

#include "guest.h"

static cloudabi_fd_t out, err;
static int careful;

/* ---- alloc ---- */

#define ARENA (64 * 1024)

static u8 *arena;
static size_t arena_used = ARENA;

static void *alloc(size_t n) {
    if (arena_used + n > ARENA) {
        void *p = 0;
        cloudabi_errno_t e = SYS(mem_map)(0, ARENA, CLOUDABI_PROT_READ | CLOUDABI_PROT_WRITE,
                                          CLOUDABI_MAP_ANON | CLOUDABI_MAP_PRIVATE,
                                          CLOUDABI_MAP_ANON_FD, 0, &p);
        if (e && careful) return 0;
        /* The bug: `p` is used whatever mem_map said, and the callers
         * trust that allocation cannot fail. */
        arena = p;
        arena_used = 0;
    }
    void *r = arena + arena_used;
    arena_used += (n + 15) & ~(size_t)15;
    return r;
}

static int alloc_mode(void) {
    for (u32 i = 0; i < 6; i++) {
        /* Records big enough that every second one needs a new arena. */
        char *rec = alloc(40 * 1024);
        if (careful && !rec) {
            puts_(err, "alloc: out of memory\n");
            return 1;
        }
        const char *text = "record ";
        size_t n = slen(text);
        memcpy(rec, text, n);
        rec[n++] = (char)('0' + i);
        rec[n++] = '\n';
        if (write_all(out, rec, n)) return 1;
    }
    return 0;
}

/* ---- short ---- */

static int short_mode(void) {
    static const char *records[] = {
        "2024-01-01 12:00:00 service started, listening on port 8080\n",
        "2024-01-01 12:00:01 accepted connection from 10.0.0.7\n",
        "2024-01-01 12:00:02 request GET /index.html answered 200\n",
        "2024-01-01 12:00:03 connection from 10.0.0.7 closed\n",
    };
    for (u32 i = 0; i < 4; i++) {
        size_t len = slen(records[i]);
        if (careful) {
            if (write_all(out, records[i], len)) return 1;
            continue;
        }
        cloudabi_ciovec_t iov = { records[i], len };
        size_t written;
        /* The bug: a short write is taken for a whole one. */
        if (SYS(fd_write)(out, &iov, 1, &written)) return 1;
    }
    return 0;
}

/* ---- lock ---- */

typedef _Atomic(cloudabi_lock_t) lock_t;

struct tls {
    cloudabi_tid_t tid;
    cloudabi_tcb_t tcb;
};

static cloudabi_tcb_t *tcb_get(void) {
    cloudabi_tcb_t *tcb;
    __asm__ volatile("mov %%fs:0, %0" : "=r"(tcb));
    return tcb;
}

static cloudabi_tid_t self(void) {
    return ((struct tls *)((char *)tcb_get() - __builtin_offsetof(struct tls, tcb)))->tid;
}

/* As cloudlibc: each thread runs with a copy of the TCB of its own. */
static void tls_init(struct tls *t, cloudabi_tid_t tid) {
    t->tid = tid;
    t->tcb = *tcb_get();
    cloudabi_tcb_t *tcb = &t->tcb;
    __asm__ volatile("mov %0, %%fs:0" : : "r"(tcb) : "memory");
}

/* Takes `l` for writing: an atomic, or a wait in poll. */
static int lock(lock_t *l) {
    cloudabi_lock_t expected = CLOUDABI_LOCK_UNLOCKED;
    if (atomic_compare_exchange_strong(l, &expected, self() | CLOUDABI_LOCK_WRLOCKED))
        return 0;
    cloudabi_subscription_t s = { 0 };
    s.type = CLOUDABI_EVENTTYPE_LOCK_WRLOCK;
    s.lock.lock = l;
    s.lock.lock_scope = CLOUDABI_SCOPE_PRIVATE;
    cloudabi_event_t ev;
    size_t n;
    cloudabi_errno_t e = SYS(poll)(&s, &ev, 1, &n);
    return e ? e : ev.error;
}

static void unlock(lock_t *l) {
    cloudabi_lock_t expected = self() | CLOUDABI_LOCK_WRLOCKED;
    if (!atomic_compare_exchange_strong(l, &expected, CLOUDABI_LOCK_UNLOCKED))
        SYS(lock_unlock)(l, CLOUDABI_SCOPE_PRIVATE);
}

static lock_t queue;
static lock_t joined = CLOUDABI_LOCK_BOGUS;
static _Atomic int worker_failed;

static void worker(cloudabi_tid_t tid, void *arg) {
    struct tls t;
    tls_init(&t, tid);
    (void)arg;
    cloudabi_lock_t bogus = CLOUDABI_LOCK_BOGUS;
    atomic_compare_exchange_strong(&joined, &bogus, tid | CLOUDABI_LOCK_WRLOCKED);
    lock(&queue);
    if (write_all(out, "worker: job done\n", 17)) {
        worker_failed = 1;
        /* The bug: this error path leaves with the queue locked. */
        if (careful) unlock(&queue);
        SYS(thread_exit)(&joined, CLOUDABI_SCOPE_PRIVATE);
    }
    unlock(&queue);
    SYS(thread_exit)(&joined, CLOUDABI_SCOPE_PRIVATE);
}

static int lock_mode(void) {
    static u8 stack[64 * 1024] __attribute__((aligned(16)));
    struct tls t;
    tls_init(&t, initial_tid);
    cloudabi_threadattr_t attr = { worker, stack, sizeof stack, 0 };
    cloudabi_tid_t tid;
    if (SYS(thread_create)(&attr, &tid)) {
        puts_(err, "lock: cannot start the worker\n");
        return 1;
    }
    /* Wait for the worker without system calls, so that the order of the
     * calls both threads make never changes: thread_exit unlocks `joined`. */
    while (atomic_load(&joined) != CLOUDABI_LOCK_UNLOCKED)
        __builtin_ia32_pause();
    if (lock(&queue)) return 1;
    unlock(&queue);
    if (worker_failed) return 1;
    return write_all(out, "main: all jobs done\n", 20) ? 1 : 0;
}

int main(const u8 *p, size_t n) {
    struct ad root = { p, n }, v;
    const char *mode = "";
    size_t mode_len = 0;
    if (!(ad_get(root, "out", &v) && ad_fd(v, &out))) return 2;
    if (!(ad_get(root, "err", &v) && ad_fd(v, &err))) err = out;
    if (ad_get(root, "mode", &v)) ad_str(v, &mode, &mode_len);
    careful = ad_get(root, "careful", &v) && v.n == 2 && v.p[0] == 2 && v.p[1] == 1;
    if (seq_("alloc", mode, mode_len)) return alloc_mode();
    if (seq_("short", mode, mode_len)) return short_mode();
    if (seq_("lock", mode, mode_len)) return lock_mode();
    return 2;
}
