/* Threads, locks and condition variables the way cloudlibc uses them: each
 * thread copies its TCB into a TLS block of its own (tls_replace), takes
 * userspace locks with atomics and only calls in to wait (poll with a lock
 * or condvar subscription) or to wake (lock_unlock, condvar_signal), and is
 * joined through the lock thread_exit releases.
 *
 * Argdata: {out: fd, mode: str, threads: N, rounds: M}. Modes:
 * - contend (default): N threads meet at a condition variable, then each
 *   takes one lock M times; the first thread joins them all, then checks a
 *   lock wait and a condition variable wait that time out. Prints
 *   "counter", "ready", "joined", "tls_errors", "owner_errors", "stacks",
 *   "lock_timeout", "cond_timeout" lines.
 * - main_exits: the first thread calls thread_exit while N others sleep
 *   briefly, print "worker done" and exit; the process ends with 0.
 * - worker_exits: a second thread calls proc_exit(7) while the first waits
 *   for a lock nobody releases. */
#include <stdatomic.h>

#include "guest.h"

#define MAX_THREADS 16
#define STACK_SIZE (64 * 1024)

static cloudabi_fd_t out;

/* ---- Thread-local storage: a block whose end is the TCB ---- */

struct tls {
    cloudabi_tid_t tid;
    u32 canary;
    cloudabi_tcb_t tcb;
};

static cloudabi_tcb_t *tcb_get(void) {
    cloudabi_tcb_t *tcb;
    __asm__ volatile("mov %%fs:0, %0" : "=r"(tcb));
    return tcb;
}

/* Copies the current TCB into `t` and makes it the thread's TCB. */
static void tls_replace(struct tls *t, cloudabi_tid_t tid) {
    t->tid = tid;
    t->canary = 0x5eed;
    t->tcb = *tcb_get();
    cloudabi_tcb_t *tcb = &t->tcb;
    __asm__ volatile("mov %0, %%fs:0" : : "r"(tcb) : "memory");
}

static struct tls *tls_self(void) {
    return (struct tls *)((char *)tcb_get() - __builtin_offsetof(struct tls, tcb));
}

/* ---- Locks and condition variables ---- */

typedef _Atomic(cloudabi_lock_t) lock_t;
typedef _Atomic(cloudabi_condvar_t) cond_t;

static _Atomic u32 failures;

static void check(int ok) {
    if (!ok) atomic_fetch_add(&failures, 1);
}

/* Polls one lock or condvar subscription, with an optional relative
 * timeout; the type of the event that fired (0 on failure). */
static cloudabi_eventtype_t wait_for(cloudabi_subscription_t first, u64 timeout_ns) {
    cloudabi_subscription_t subs[2] = { first };
    subs[0].userdata = 1;
    subs[1].userdata = 2;
    subs[1].type = CLOUDABI_EVENTTYPE_CLOCK;
    subs[1].clock.clock_id = CLOUDABI_CLOCK_MONOTONIC;
    subs[1].clock.timeout = timeout_ns;
    cloudabi_event_t ev[2];
    size_t n = 0;
    cloudabi_errno_t e = SYS(poll)(subs, ev, timeout_ns ? 2 : 1, &n);
    if (e || n != 1 || ev[0].error) return 0;
    return ev[0].type;
}

static cloudabi_subscription_t lock_sub(lock_t *l, cloudabi_eventtype_t type) {
    cloudabi_subscription_t s = { 0 };
    s.type = type;
    s.lock.lock = l;
    s.lock.lock_scope = CLOUDABI_SCOPE_PRIVATE;
    return s;
}

static void lock_wr(lock_t *l) {
    cloudabi_lock_t expected = CLOUDABI_LOCK_UNLOCKED;
    cloudabi_tid_t me = tls_self()->tid;
    if (!atomic_compare_exchange_strong(l, &expected, me | CLOUDABI_LOCK_WRLOCKED))
        check(wait_for(lock_sub(l, CLOUDABI_EVENTTYPE_LOCK_WRLOCK), 0) ==
              CLOUDABI_EVENTTYPE_LOCK_WRLOCK);
}

/* Whether the calling thread holds `l` for writing, as the word says. */
static int owns(lock_t *l) {
    return (atomic_load(l) & ~CLOUDABI_LOCK_KERNEL_MANAGED) ==
           (tls_self()->tid | CLOUDABI_LOCK_WRLOCKED);
}

static void unlock_wr(lock_t *l) {
    cloudabi_lock_t expected = tls_self()->tid | CLOUDABI_LOCK_WRLOCKED;
    if (!atomic_compare_exchange_strong(l, &expected, CLOUDABI_LOCK_UNLOCKED))
        check(SYS(lock_unlock)(l, CLOUDABI_SCOPE_PRIVATE) == 0);
}

static cloudabi_subscription_t cond_sub(cond_t *c, lock_t *l) {
    cloudabi_subscription_t s = { 0 };
    s.type = CLOUDABI_EVENTTYPE_CONDVAR;
    s.condvar.condvar = c;
    s.condvar.lock = l;
    s.condvar.condvar_scope = CLOUDABI_SCOPE_PRIVATE;
    s.condvar.lock_scope = CLOUDABI_SCOPE_PRIVATE;
    return s;
}

static void cond_wait(cond_t *c, lock_t *l) {
    check(wait_for(cond_sub(c, l), 0) == CLOUDABI_EVENTTYPE_CONDVAR);
}

static void cond_signal(cond_t *c, u32 n) {
    if (atomic_load(c) != CLOUDABI_CONDVAR_HAS_NO_WAITERS)
        check(SYS(condvar_signal)(c, CLOUDABI_SCOPE_PRIVATE, n) == 0);
}

static void sleep_ms(u64 ms) {
    cloudabi_subscription_t s = { 0 };
    s.type = CLOUDABI_EVENTTYPE_CLOCK;
    s.clock.clock_id = CLOUDABI_CLOCK_MONOTONIC;
    s.clock.timeout = ms * 1000000;
    cloudabi_event_t ev;
    size_t n;
    SYS(poll)(&s, &ev, 1, &n);
}

/* ---- Threads ---- */

struct worker {
    cloudabi_tid_t tid;
    lock_t join;
    void *stack;
    u32 rounds;
    u32 tls_errors;
    u32 owner_errors;
};

static struct worker workers[MAX_THREADS];
static lock_t m;
static cond_t ready_cv, go_cv;
static u32 counter, ready, go;

/* As cloudlibc: whoever runs first turns the join lock from BOGUS into
 * "write-locked by the new thread". */
static void init_join(struct worker *w, cloudabi_tid_t tid) {
    cloudabi_lock_t expected = CLOUDABI_LOCK_BOGUS;
    atomic_compare_exchange_strong(&w->join, &expected, tid | CLOUDABI_LOCK_WRLOCKED);
}

static void contend(cloudabi_tid_t tid, void *arg) {
    struct worker *w = arg;
    struct tls t;
    tls_replace(&t, tid);
    init_join(w, tid);
    lock_wr(&m);
    ready++;
    cond_signal(&ready_cv, 1);
    while (!go) cond_wait(&go_cv, &m);
    if (!owns(&m)) w->owner_errors++;
    unlock_wr(&m);
    for (u32 i = 0; i < w->rounds; i++) {
        lock_wr(&m);
        if (!owns(&m)) w->owner_errors++;
        u32 c = counter;
        if (i % 8 == 0) SYS(thread_yield)();
        counter = c + 1;
        unlock_wr(&m);
    }
    if (tls_self()->tid != tid || tls_self()->canary != 0x5eed) w->tls_errors++;
    SYS(thread_exit)(&w->join, CLOUDABI_SCOPE_PRIVATE);
}

static void sleeper(cloudabi_tid_t tid, void *arg) {
    struct worker *w = arg;
    struct tls t;
    tls_replace(&t, tid);
    init_join(w, tid);
    sleep_ms(30);
    puts_(out, "worker done\n");
    SYS(thread_exit)(&w->join, CLOUDABI_SCOPE_PRIVATE);
}

static void exiter(cloudabi_tid_t tid, void *arg) {
    struct tls t;
    tls_replace(&t, tid);
    (void)arg;
    sleep_ms(20);
    SYS(proc_exit)(7);
}

static int start(cloudabi_threadentry_t *entry, struct worker *w) {
    void *stack = 0;
    if (SYS(mem_map)(0, STACK_SIZE, CLOUDABI_PROT_READ | CLOUDABI_PROT_WRITE,
                     CLOUDABI_MAP_ANON | CLOUDABI_MAP_PRIVATE, CLOUDABI_MAP_ANON_FD, 0, &stack))
        return 0;
    w->stack = stack;
    atomic_store(&w->join, CLOUDABI_LOCK_BOGUS);
    cloudabi_threadattr_t attr = { entry, stack, STACK_SIZE, w };
    cloudabi_tid_t tid;
    if (SYS(thread_create)(&attr, &tid)) return 0;
    w->tid = tid;
    init_join(w, tid);
    return 1;
}

/* As cloudlibc's pthread_join: a read lock on the join lock. */
static int join(struct worker *w) {
    if (atomic_load(&w->join) & CLOUDABI_LOCK_WRLOCKED) {
        if (wait_for(lock_sub(&w->join, CLOUDABI_EVENTTYPE_LOCK_RDLOCK), 0) !=
            CLOUDABI_EVENTTYPE_LOCK_RDLOCK)
            return 0;
    }
    /* The thread is off its stack once the lock is released. */
    return SYS(mem_unmap)(w->stack, STACK_SIZE) == 0;
}

static void report(const char *what, u64 v) {
    puts_(out, what);
    puts_(out, " ");
    putu_(out, v);
    puts_(out, "\n");
}

static int run_contend(u32 n, u32 rounds) {
    u32 started = 0;
    for (u32 i = 0; i < n; i++) {
        workers[i].rounds = rounds;
        started += start(contend, &workers[i]);
    }
    lock_wr(&m);
    while (ready < started) cond_wait(&ready_cv, &m);
    go = 1;
    cond_signal(&go_cv, started);
    unlock_wr(&m);
    u32 joined = 0, tls_errors = 0, owner_errors = 0, distinct = 1;
    for (u32 i = 0; i < started; i++) {
        joined += join(&workers[i]);
        tls_errors += workers[i].tls_errors;
        owner_errors += workers[i].owner_errors;
        for (u32 j = 0; j < i; j++) distinct &= workers[i].tid != workers[j].tid;
        distinct &= workers[i].tid != tls_self()->tid;
    }
    report("counter", counter);
    report("ready", ready);
    report("joined", joined);
    report("distinct_tids", distinct);
    report("tls_errors", tls_errors + (tls_self()->tid != initial_tid));
    report("owner_errors", owner_errors);

    /* A lock held by a thread that never releases it: the clock fires, and
     * the lock is left as it was (no kernel-managed bit). */
    lock_t held = 12345 | CLOUDABI_LOCK_WRLOCKED;
    cloudabi_eventtype_t t = wait_for(lock_sub(&held, CLOUDABI_EVENTTYPE_LOCK_WRLOCK), 20000000);
    report("lock_timeout", t == CLOUDABI_EVENTTYPE_CLOCK && atomic_load(&held) == (12345 | CLOUDABI_LOCK_WRLOCKED));

    /* A condition variable nobody signals: the clock fires and the lock is
     * held again afterwards. */
    cond_t never = CLOUDABI_CONDVAR_HAS_NO_WAITERS;
    lock_wr(&m);
    t = wait_for(cond_sub(&never, &m), 20000000);
    report("cond_timeout", t == CLOUDABI_EVENTTYPE_CLOCK && owns(&m) &&
                               atomic_load(&never) == CLOUDABI_CONDVAR_HAS_NO_WAITERS);
    unlock_wr(&m);
    report("failures", failures);
    return 0;
}

int main(const u8 *p, size_t len) {
    struct ad root = { p, len }, v;
    if (!ad_get(root, "out", &v) || !ad_fd(v, &out)) return 2;
    struct tls t;
    tls_replace(&t, initial_tid);
    i64 n = ad_get_int(root, "threads", 4), rounds = ad_get_int(root, "rounds", 1000);
    if (n < 1 || n > MAX_THREADS || rounds < 0) return 3;
    const char *mode = "contend";
    size_t mode_len = 7;
    if (ad_get(root, "mode", &v)) ad_str(v, &mode, &mode_len);
    if (seq_("contend", mode, mode_len)) return run_contend((u32)n, (u32)rounds);
    if (seq_("main_exits", mode, mode_len)) {
        for (i64 i = 0; i < n; i++)
            if (!start(sleeper, &workers[i])) return 4;
        lock_t self = tls_self()->tid | CLOUDABI_LOCK_WRLOCKED;
        SYS(thread_exit)(&self, CLOUDABI_SCOPE_PRIVATE);
    }
    if (seq_("worker_exits", mode, mode_len)) {
        if (!start(exiter, &workers[0])) return 4;
        lock_t held = 12345 | CLOUDABI_LOCK_WRLOCKED;
        wait_for(lock_sub(&held, CLOUDABI_EVENTTYPE_LOCK_WRLOCK), 0);
        return 5;
    }
    return 6;
}
