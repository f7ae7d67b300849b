/*
 * condvar_signal, lock_unlock, thread_create, thread_exit, thread_yield,
 * and poll's lock and condition variable events; locks and condition
 * variables shared between a process and its forked child (SCOPE_SHARED).
 *
 * The reference is cloudabi_futex.c (futex_lock_*, futex_condvar_*,
 * cloudabi_sys_condvar_signal, cloudabi_sys_lock_unlock; a scope other than
 * PRIVATE and SHARED is EINVAL in futex_address_create), the one- and
 * two-subscription "bandaid" in cloudabi64_sys_poll, and
 * cloudabi64_thread.c.
 */
#include "runtime.h"

#define PRIVATE CLOUDABI_SCOPE_PRIVATE
#define SHARED CLOUDABI_SCOPE_SHARED
#define MS 1000000ull

static cloudabi_event_t poll1(cloudabi_subscription_t s, u64 timeout) {
    cloudabi_subscription_t subs[2] = { s };
    subs[0].userdata = 11;
    subs[1].userdata = 22;
    subs[1].type = CLOUDABI_EVENTTYPE_CLOCK;
    subs[1].clock.clock_id = CLOUDABI_CLOCK_MONOTONIC;
    subs[1].clock.timeout = timeout;
    cloudabi_event_t ev[2];
    memset(ev, 0, sizeof ev);
    size_t n = 0;
    cloudabi_errno_t e = SYS(poll)(subs, ev, timeout ? 2 : 1, &n);
    if (e || n != 1) { ev[0].error = e ? e : 0xffff; ev[0].type = 0; }
    return ev[0];
}

static void lock_cases(void) {
    lock_t l = CLOUDABI_LOCK_UNLOCKED;
    cloudabi_tid_t me = self();
    /* futex_lock_trywrlock through poll with one subscription. */
    cloudabi_event_t ev = poll1(lock_sub(&l, CLOUDABI_EVENTTYPE_LOCK_WRLOCK, PRIVATE), 0);
    expect("poll", "write-lock a free lock", ev.error == 0 && ev.type == CLOUDABI_EVENTTYPE_LOCK_WRLOCK &&
                                                 ev.userdata == 11 && atomic_load(&l) == (me | CLOUDABI_LOCK_WRLOCKED));
    ev = poll1(lock_sub(&l, CLOUDABI_EVENTTYPE_LOCK_WRLOCK, PRIVATE), 0);
    expect_errno("poll", "write-lock a lock held by the caller", ev.error, CLOUDABI_EDEADLK);
    OK(lock_unlock, "own write lock", &l, PRIVATE);
    expect_eq("lock_unlock", "lock is free", atomic_load(&l), CLOUDABI_LOCK_UNLOCKED);
    ev = poll1(lock_sub(&l, CLOUDABI_EVENTTYPE_LOCK_RDLOCK, PRIVATE), 0);
    expect("poll", "read-lock a free lock", ev.error == 0 && atomic_load(&l) == 1);
    ev = poll1(lock_sub(&l, CLOUDABI_EVENTTYPE_LOCK_RDLOCK, PRIVATE), 0);
    expect("poll", "read-lock a read-locked lock", ev.error == 0 && atomic_load(&l) == 2);
    atomic_store(&l, CLOUDABI_LOCK_UNLOCKED);

    /* A lock held by someone else: the clock fires, the lock is left as it
     * was (futex_lock_unmanage clears the kernel-managed bit again). */
    lock_t held = 4242 | CLOUDABI_LOCK_WRLOCKED;
    ev = poll1(lock_sub(&held, CLOUDABI_EVENTTYPE_LOCK_WRLOCK, PRIVATE), 20 * MS);
    expect("poll", "write-lock with a timeout", ev.error == 0 && ev.type == CLOUDABI_EVENTTYPE_CLOCK &&
                                                     ev.userdata == 22);
    expect_eq("poll", "lock unchanged after the timeout", atomic_load(&held), 4242 | CLOUDABI_LOCK_WRLOCKED);
    ev = poll1(lock_sub(&held, CLOUDABI_EVENTTYPE_LOCK_RDLOCK, PRIVATE), 20 * MS);
    expect("poll", "read-lock with a timeout", ev.error == 0 && ev.type == CLOUDABI_EVENTTYPE_CLOCK);
    /* futex_address_create: an unknown scope. */
    ev = poll1(lock_sub(&l, CLOUDABI_EVENTTYPE_LOCK_WRLOCK, 3), 0);
    expect_errno("poll", "lock with an unknown scope", ev.error, CLOUDABI_EINVAL);
    ERR(lock_unlock, "unknown scope", CLOUDABI_EINVAL, &l, 3);
    ERR(lock_unlock, "unmapped lock", CLOUDABI_EFAULT, (void *)(uintptr_t)0x10000, PRIVATE);

    /* Condition variables: a wait that times out returns holding the lock. */
    cond_t cv = CLOUDABI_CONDVAR_HAS_NO_WAITERS;
    lock(&l);
    ev = poll1(cond_sub(&cv, &l, PRIVATE), 20 * MS);
    expect("poll", "condition variable wait with a timeout", ev.error == 0 && ev.type == CLOUDABI_EVENTTYPE_CLOCK);
    expect("poll", "lock held again after the timeout",
           (atomic_load(&l) & ~CLOUDABI_LOCK_KERNEL_MANAGED) == (me | CLOUDABI_LOCK_WRLOCKED));
    expect_eq("poll", "no waiters left", atomic_load(&cv), CLOUDABI_CONDVAR_HAS_NO_WAITERS);
    unlock(&l);
    /* cloudabi_sys_condvar_signal: nothing to do is success. */
    OK(condvar_signal, "no waiters", &cv, PRIVATE, 1);
    OK(condvar_signal, "zero waiters", &cv, PRIVATE, 0);
    ERR(condvar_signal, "unknown scope", CLOUDABI_EINVAL, &cv, 77, 1);
    /* cloudabi_sys_condvar_signal returns before looking at the scope. */
    expect_or_known("condvar_signal", "zero waiters, unknown scope", SYS(condvar_signal)(&cv, 77, 0) == 0,
                    "the generated decoder refuses numbers that name no scope before the call");
}

/* cloudabi64_sys_poll serves a lock or condition variable itself only as
 * the one subscription, or the first of two with a clock second; any other
 * set goes to kqueue, where cloudabi64_kevent_copyin gives such a
 * subscription no filter and kern_kevent_generic skips it: it is ignored,
 * and the call waits for the others. */
static void poll_ignores_cases(void) {
    lock_t l = CLOUDABI_LOCK_UNLOCKED;
    cond_t cv = CLOUDABI_CONDVAR_HAS_NO_WAITERS;
    cloudabi_subscription_t subs[3];
    cloudabi_event_t ev[3];
    size_t n = 0;

    /* A clock first, then a lock: only the clock. */
    memset(subs, 0, sizeof subs);
    subs[0].userdata = 1;
    subs[0].type = CLOUDABI_EVENTTYPE_CLOCK;
    subs[0].clock.clock_id = CLOUDABI_CLOCK_MONOTONIC;
    subs[0].clock.timeout = 5 * MS;
    subs[1] = lock_sub(&l, CLOUDABI_EVENTTYPE_LOCK_WRLOCK, PRIVATE);
    subs[1].userdata = 2;
    cloudabi_errno_t e = SYS(poll)(subs, ev, 2, &n);
    expect("poll", "clock, then a lock: the clock fires",
           e == 0 && n == 1 && ev[0].userdata == 1 && ev[0].type == CLOUDABI_EVENTTYPE_CLOCK);
    expect_eq("poll", "clock, then a lock: the lock is not taken", atomic_load(&l), CLOUDABI_LOCK_UNLOCKED);

    /* A lock, then a writable socket: only the socket. */
    cloudabi_fd_t a, b;
    SYS(fd_create2)(CLOUDABI_FILETYPE_SOCKET_STREAM, &a, &b);
    memset(subs, 0, sizeof subs);
    subs[0] = lock_sub(&l, CLOUDABI_EVENTTYPE_LOCK_WRLOCK, PRIVATE);
    subs[0].userdata = 1;
    subs[1].userdata = 2;
    subs[1].type = CLOUDABI_EVENTTYPE_FD_WRITE;
    subs[1].fd_readwrite.fd = a;
    n = 0;
    e = SYS(poll)(subs, ev, 2, &n);
    expect("poll", "lock, then a socket: the socket is ready",
           e == 0 && n == 1 && ev[0].userdata == 2 && ev[0].type == CLOUDABI_EVENTTYPE_FD_WRITE);
    expect_eq("poll", "lock, then a socket: the lock is not taken", atomic_load(&l), CLOUDABI_LOCK_UNLOCKED);

    /* A condition variable with two clocks: three subscriptions, kqueue. */
    memset(subs, 0, sizeof subs);
    subs[0] = cond_sub(&cv, &l, PRIVATE);
    subs[0].userdata = 1;
    for (int i = 1; i < 3; i++) {
        subs[i].userdata = 1 + i;
        subs[i].type = CLOUDABI_EVENTTYPE_CLOCK;
        subs[i].clock.identifier = i;
        subs[i].clock.clock_id = CLOUDABI_CLOCK_MONOTONIC;
        subs[i].clock.timeout = i == 1 ? 0 : 1000 * MS;
    }
    n = 0;
    e = SYS(poll)(subs, ev, 3, &n);
    expect("poll", "condition variable and two clocks: the due clock fires",
           e == 0 && n == 1 && ev[0].userdata == 2 && ev[0].type == CLOUDABI_EVENTTYPE_CLOCK);
    expect_eq("poll", "condition variable and two clocks: no waiter recorded", atomic_load(&cv),
              CLOUDABI_CONDVAR_HAS_NO_WAITERS);
    SYS(fd_close)(a);
    SYS(fd_close)(b);
}

/* ---- Threads ---- */

static lock_t m;
static cond_t go_cv, done_cv;
static u32 go, done_count, ran;

static void worker(void *arg) {
    (void)arg;
    lock(&m);
    while (!go) cond_wait(&go_cv, &m);
    ran++;
    done_count++;
    cond_broadcast(&done_cv);
    unlock(&m);
    SYS(thread_yield)();
}

#define NT 4
static struct thread threads[NT];
static u8 stacks[NT][64 * 1024] __attribute__((aligned(16)));

/* A thread that ends with a join lock of an unknown scope. */
static struct thread bad_exit;
static u8 bad_exit_stack[64 * 1024] __attribute__((aligned(16)));
static _Atomic u32 bad_exit_ran;

static void bad_exit_entry(cloudabi_tid_t tid, void *arg) {
    struct thread *t = arg;
    struct tls tls;
    tls_enter(&tls, tid);
    thread_claim(t, tid);
    atomic_store(&bad_exit_ran, 1);
    SYS(thread_exit)(&t->join, 77);
}

/* cloudabi_sys_thread_exit ignores what unlocking the join lock returns
 * (here EINVAL from futex_address_create) and ends the thread: the process
 * goes on, the join lock stays as it was. */
static void bad_exit_cases(void) {
    atomic_store(&bad_exit.join, CLOUDABI_LOCK_BOGUS);
    cloudabi_threadattr_t attr = { bad_exit_entry, bad_exit_stack, sizeof bad_exit_stack, &bad_exit };
    cloudabi_tid_t tid;
    if (SYS(thread_create)(&attr, &tid)) {
        expect("thread_exit", "unknown scope: the thread starts", 0);
        return;
    }
    thread_claim(&bad_exit, tid);
    while (!atomic_load(&bad_exit_ran)) SYS(thread_yield)();
    sleep_ns(20 * MS);
    expect("thread_exit", "unknown scope ends the thread, not the process", 1);
    expect_eq("thread_exit", "unknown scope leaves the join lock locked", atomic_load(&bad_exit.join),
              tid | CLOUDABI_LOCK_WRLOCKED);
}

static void thread_cases(void) {
    u32 started = 0;
    cloudabi_tid_t tids[NT];
    for (int i = 0; i < NT; i++) {
        cloudabi_errno_t e = thread_start(&threads[i], stacks[i], sizeof stacks[i], worker, 0);
        if (i == 0) expect_errno("thread_create", "thread on a static stack", e, 0);
        if (e == 0) tids[started++] = threads[i].tid;
    }
    expect_eq("thread_create", "four threads", started, NT);
    int distinct = 1;
    for (u32 i = 0; i < started; i++) {
        distinct &= tids[i] != self() && tids[i] != 0;
        for (u32 j = 0; j < i; j++) distinct &= tids[i] != tids[j];
    }
    expect("thread_create", "distinct thread IDs", distinct);
    /* Wake them all with one broadcast. */
    lock(&m);
    go = 1;
    cond_broadcast(&go_cv);
    while (done_count < started) cond_wait(&done_cv, &m);
    unlock(&m);
    expect_eq("condvar_signal", "broadcast wakes every waiter", ran, started);
    /* thread_exit releases the join lock once the thread is gone. */
    u32 joined = 0;
    for (u32 i = 0; i < started; i++) joined += thread_join(&threads[i]);
    expect_eq("thread_exit", "join locks released", joined, started);
    int free_locks = 1;
    for (u32 i = 0; i < started; i++) free_locks &= (atomic_load(&threads[i].join) & CLOUDABI_LOCK_WRLOCKED) == 0;
    expect("thread_exit", "join lock no longer write-locked", free_locks);
    OK(thread_yield, "yield");
    /* copyin of the attributes. */
    ERR(thread_create, "unmapped attributes", CLOUDABI_EFAULT, (void *)(uintptr_t)0x10000, &(cloudabi_tid_t){ 0 });
}

/* ---- Shared between processes ---- */

struct shared_page {
    lock_t lock;
    cond_t cv;
    u32 flag;
    u32 counter;
};

static u32 wait_child(cloudabi_fd_t pd) {
    cloudabi_subscription_t s = { 0 };
    s.type = CLOUDABI_EVENTTYPE_PROC_TERMINATE;
    s.proc_terminate.fd = pd;
    cloudabi_event_t ev;
    size_t n = 0;
    if (SYS(poll)(&s, &ev, 1, &n) || n != 1 || ev.error) return 9999;
    return ev.proc_terminate.signal ? 1000 + ev.proc_terminate.signal : ev.proc_terminate.exitcode;
}

static void shared_cases(void) {
    struct shared_page *sp = 0;
    SYS(mem_map)(0, 4096, CLOUDABI_PROT_READ | CLOUDABI_PROT_WRITE, CLOUDABI_MAP_ANON | CLOUDABI_MAP_SHARED,
                 CLOUDABI_MAP_ANON_FD, 0, (void **)&sp);
    if (!sp) { expect("lock_unlock", "shared page", 0); return; }
    /* The parent holds the lock; the child blocks on it until the parent
     * unlocks with SCOPE_SHARED. */
    expect("poll", "shared write lock", lock_scoped(&sp->lock, SHARED));
    cloudabi_fd_t pd;
    cloudabi_tid_t tid;
    cloudabi_errno_t e = SYS(proc_fork)(&pd, &tid);
    if (e == 0 && pd == CLOUDABI_PROCESS_CHILD) {
        main_tls.tid = tid;
        if (!lock_scoped(&sp->lock, SHARED)) SYS(proc_exit)(50);
        u32 seen = sp->flag;
        sp->counter++;
        if (!unlock_scoped(&sp->lock, SHARED)) SYS(proc_exit)(51);
        SYS(proc_exit)(seen == 1 ? 7 : 52);
    }
    sleep_ns(30 * MS);
    sp->flag = 1;
    expect("lock_unlock", "shared lock with a waiter in another process", unlock_scoped(&sp->lock, SHARED));
    expect_eq("lock_unlock", "the child got the lock", wait_child(pd), 7);
    SYS(fd_close)(pd);

    /* The child waits on a shared condition variable; the parent signals. */
    sp->flag = 0;
    e = SYS(proc_fork)(&pd, &tid);
    if (e == 0 && pd == CLOUDABI_PROCESS_CHILD) {
        main_tls.tid = tid;
        if (!lock_scoped(&sp->lock, SHARED)) SYS(proc_exit)(60);
        while (!sp->flag)
            if (!cond_wait_scoped(&sp->cv, &sp->lock, SHARED)) SYS(proc_exit)(61);
        unlock_scoped(&sp->lock, SHARED);
        SYS(proc_exit)(8);
    }
    /* Let the child reach its wait. */
    for (int i = 0; i < 200 && atomic_load(&sp->cv) == CLOUDABI_CONDVAR_HAS_NO_WAITERS; i++) sleep_ns(5 * MS);
    lock_scoped(&sp->lock, SHARED);
    sp->flag = 1;
    expect("condvar_signal", "shared condition variable", cond_signal_scoped(&sp->cv, 1, SHARED));
    unlock_scoped(&sp->lock, SHARED);
    expect_eq("condvar_signal", "the child woke up", wait_child(pd), 8);
    SYS(fd_close)(pd);
    expect_eq("lock_unlock", "shared lock left free", atomic_load(&sp->lock) & ~CLOUDABI_LOCK_KERNEL_MANAGED, 0);
}

static void run_cases(void) {
    tls_enter(&main_tls, initial_tid);
    lock_cases();
    poll_ignores_cases();
    thread_cases();
    bad_exit_cases();
    shared_cases();
}
