/*
 * What the conformance guests need of a C library's threading, done the way
 * cloudlibc does it: each thread copies its TCB into a TLS block of its own;
 * userspace locks are taken with atomics on the lock word and the kernel is
 * only called to wait (poll with a lock or condvar subscription) or to wake
 * (lock_unlock, condvar_signal); a thread is joined through the lock that
 * thread_exit releases.
 */
#ifndef RUNTIME_H
#define RUNTIME_H

#include "suite.h"

typedef _Atomic(cloudabi_lock_t) lock_t;
typedef _Atomic(cloudabi_condvar_t) cond_t;

struct tls {
    cloudabi_tid_t tid;
    cloudabi_tcb_t tcb;
};

static cloudabi_tcb_t *tcb_get(void) {
    cloudabi_tcb_t *tcb;
    __asm__ volatile("mov %%fs:0, %0" : "=r"(tcb));
    return tcb;
}

/* Copies the current TCB into `t` and makes it the thread's TCB. */
static __attribute__((unused)) void tls_enter(struct tls *t, cloudabi_tid_t tid) {
    t->tid = tid;
    t->tcb = *tcb_get();
    cloudabi_tcb_t *tcb = &t->tcb;
    __asm__ volatile("mov %0, %%fs:0" : : "r"(tcb) : "memory");
}

static __attribute__((unused)) cloudabi_tid_t self(void) {
    return ((struct tls *)((char *)tcb_get() - __builtin_offsetof(struct tls, tcb)))->tid;
}

/* Polls one lock or condvar subscription (scope `scope`), with an optional
 * relative timeout; the type of the event that fired, 0 on failure. */
static __attribute__((unused)) cloudabi_eventtype_t wait_event(cloudabi_subscription_t first, u64 timeout_ns) {
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

static __attribute__((unused)) cloudabi_subscription_t lock_sub(lock_t *l, cloudabi_eventtype_t type,
                                        cloudabi_scope_t scope) {
    cloudabi_subscription_t s = { 0 };
    s.type = type;
    s.lock.lock = l;
    s.lock.lock_scope = scope;
    return s;
}

static __attribute__((unused)) int lock_scoped(lock_t *l, cloudabi_scope_t scope) {
    cloudabi_lock_t expected = CLOUDABI_LOCK_UNLOCKED;
    if (atomic_compare_exchange_strong(l, &expected, self() | CLOUDABI_LOCK_WRLOCKED)) return 1;
    return wait_event(lock_sub(l, CLOUDABI_EVENTTYPE_LOCK_WRLOCK, scope), 0) ==
           CLOUDABI_EVENTTYPE_LOCK_WRLOCK;
}

static __attribute__((unused)) int unlock_scoped(lock_t *l, cloudabi_scope_t scope) {
    cloudabi_lock_t expected = self() | CLOUDABI_LOCK_WRLOCKED;
    if (atomic_compare_exchange_strong(l, &expected, CLOUDABI_LOCK_UNLOCKED)) return 1;
    return SYS(lock_unlock)(l, scope) == 0;
}

static __attribute__((unused)) void lock(lock_t *l) { lock_scoped(l, CLOUDABI_SCOPE_PRIVATE); }
static __attribute__((unused)) void unlock(lock_t *l) { unlock_scoped(l, CLOUDABI_SCOPE_PRIVATE); }

static __attribute__((unused)) cloudabi_subscription_t cond_sub(cond_t *c, lock_t *l, cloudabi_scope_t scope) {
    cloudabi_subscription_t s = { 0 };
    s.type = CLOUDABI_EVENTTYPE_CONDVAR;
    s.condvar.condvar = c;
    s.condvar.lock = l;
    s.condvar.condvar_scope = scope;
    s.condvar.lock_scope = scope;
    return s;
}

static __attribute__((unused)) int cond_wait_scoped(cond_t *c, lock_t *l, cloudabi_scope_t scope) {
    return wait_event(cond_sub(c, l, scope), 0) == CLOUDABI_EVENTTYPE_CONDVAR;
}

static __attribute__((unused)) int cond_signal_scoped(cond_t *c, u32 n, cloudabi_scope_t scope) {
    if (atomic_load(c) == CLOUDABI_CONDVAR_HAS_NO_WAITERS) return 1;
    return SYS(condvar_signal)(c, scope, n) == 0;
}

static __attribute__((unused)) void cond_wait(cond_t *c, lock_t *l) { cond_wait_scoped(c, l, CLOUDABI_SCOPE_PRIVATE); }
static __attribute__((unused)) void cond_broadcast(cond_t *c) { cond_signal_scoped(c, 0xffffffff, CLOUDABI_SCOPE_PRIVATE); }

static __attribute__((unused)) void sleep_ns(u64 ns) {
    cloudabi_subscription_t s = { 0 };
    s.type = CLOUDABI_EVENTTYPE_CLOCK;
    s.clock.clock_id = CLOUDABI_CLOCK_MONOTONIC;
    s.clock.timeout = ns;
    cloudabi_event_t ev;
    size_t n;
    SYS(poll)(&s, &ev, 1, &n);
}

/* ---- Threads ---- */

struct thread {
    cloudabi_tid_t tid;
    lock_t join;
    void (*body)(void *);
    void *arg;
};

/* As cloudlibc: whoever runs first turns the join lock from BOGUS into
 * "write-locked by the new thread". */
static __attribute__((unused)) void thread_claim(struct thread *t, cloudabi_tid_t tid) {
    cloudabi_lock_t expected = CLOUDABI_LOCK_BOGUS;
    atomic_compare_exchange_strong(&t->join, &expected, tid | CLOUDABI_LOCK_WRLOCKED);
}

static __attribute__((unused)) void thread_entry(cloudabi_tid_t tid, void *arg) {
    struct thread *t = arg;
    struct tls tls;
    tls_enter(&tls, tid);
    thread_claim(t, tid);
    t->body(t->arg);
    SYS(thread_exit)(&t->join, CLOUDABI_SCOPE_PRIVATE);
}

/* Starts `body(arg)` on a stack of `stack_len` bytes at `stack`. */
static __attribute__((unused)) cloudabi_errno_t thread_start(struct thread *t, void *stack, size_t stack_len,
                                     void (*body)(void *), void *arg) {
    t->body = body;
    t->arg = arg;
    atomic_store(&t->join, CLOUDABI_LOCK_BOGUS);
    cloudabi_threadattr_t attr = { thread_entry, stack, stack_len, t };
    cloudabi_tid_t tid;
    cloudabi_errno_t e = SYS(thread_create)(&attr, &tid);
    if (e) return e;
    t->tid = tid;
    thread_claim(t, tid);
    return 0;
}

/* As cloudlibc's pthread_join: a read lock on the join lock, which the
 * thread's exit releases once it is off its stack. */
static __attribute__((unused)) int thread_join(struct thread *t) {
    if (!(atomic_load(&t->join) & CLOUDABI_LOCK_WRLOCKED)) return 1;
    return wait_event(lock_sub(&t->join, CLOUDABI_EVENTTYPE_LOCK_RDLOCK, CLOUDABI_SCOPE_PRIVATE),
                      0) == CLOUDABI_EVENTTYPE_LOCK_RDLOCK;
}

/* The main thread's TLS, set up by the harness before the cases run. */
static struct tls main_tls;

#endif
