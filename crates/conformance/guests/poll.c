/*
 * poll: clocks and descriptors.
 *
 * The reference is cloudabi64_sys_poll: anything but a lock or condition
 * variable wait goes through kqueue (cloudabi64_kevent_copyin turns
 * subscriptions into kevents, cloudabi64_kevent_copyout turns results and
 * per-subscription errors back into events). A regular file is always
 * readable (EVFILT_READ with NOTE_FILE_POLL); a closed peer sets
 * EVENT_FD_READWRITE_HANGUP (EV_EOF); a bad descriptor or missing right is
 * the error of that one event.
 */
#include "suite.h"

#define MS 1000000ull

static cloudabi_subscription_t clock_sub(u64 id, cloudabi_clockid_t c, u64 timeout, int abs) {
    cloudabi_subscription_t s = { 0 };
    s.userdata = id;
    s.type = CLOUDABI_EVENTTYPE_CLOCK;
    s.clock.clock_id = c;
    s.clock.timeout = timeout;
    if (abs) s.clock.flags = CLOUDABI_SUBSCRIPTION_CLOCK_ABSTIME;
    return s;
}

static cloudabi_subscription_t fd_sub(u64 id, cloudabi_eventtype_t t, cloudabi_fd_t fd) {
    cloudabi_subscription_t s = { 0 };
    s.userdata = id;
    s.type = t;
    s.fd_readwrite.fd = fd;
    return s;
}

static u64 now(void) {
    cloudabi_timestamp_t t = 0;
    SYS(clock_time_get)(CLOUDABI_CLOCK_MONOTONIC, 0, &t);
    return t;
}

static void clock_cases(void) {
    cloudabi_event_t ev[4];
    size_t n = 0;
    u64 t0 = now();
    cloudabi_subscription_t s = clock_sub(5, CLOUDABI_CLOCK_MONOTONIC, 20 * MS, 0);
    OK(poll, "relative clock", &s, ev, 1, &n);
    u64 waited = now() - t0;
    expect("poll", "relative clock fires after its time", n == 1 && ev[0].type == CLOUDABI_EVENTTYPE_CLOCK &&
                                                             ev[0].userdata == 5 && ev[0].error == 0 && waited >= 20 * MS);
    t0 = now();
    s = clock_sub(6, CLOUDABI_CLOCK_MONOTONIC, t0 + 20 * MS, 1);
    OK(poll, "absolute clock", &s, ev, 1, &n);
    expect("poll", "absolute clock fires at its time", n == 1 && ev[0].userdata == 6 && now() >= t0 + 20 * MS);
    s = clock_sub(7, CLOUDABI_CLOCK_MONOTONIC, 1, 1);
    OK(poll, "absolute clock in the past", &s, ev, 1, &n);
    expect("poll", "past clock fires at once", n == 1 && ev[0].userdata == 7);
    s = clock_sub(8, CLOUDABI_CLOCK_REALTIME, 0, 0);
    OK(poll, "zero timeout", &s, ev, 1, &n);
    expect_eq("poll", "zero timeout fires", n, 1);
    /* The earlier of two clocks. */
    cloudabi_subscription_t two[2] = { clock_sub(1, CLOUDABI_CLOCK_MONOTONIC, 500 * MS, 0),
                                       clock_sub(2, CLOUDABI_CLOCK_MONOTONIC, 10 * MS, 0) };
    t0 = now();
    OK(poll, "two clocks", two, ev, 2, &n);
    expect("poll", "the earlier clock fires alone", n == 1 && ev[0].userdata == 2 && now() - t0 < 400 * MS);
    /* kqueue with nothing to wait for returns at once. */
    OK(poll, "no subscriptions", &s, ev, 0, &n);
    expect_eq("poll", "no events", n, 0);
    /* cloudabi64_kevent_copyin asks cloudabi_clock_time_get for the time
     * only for an absolute, non-zero timeout; its EINVAL for an unknown
     * clock fails the whole call (kern_kevent_generic stops at a copyin
     * error). A relative timeout never looks at the clock: an EVFILT_TIMER
     * that fires after it. */
    s = clock_sub(9, 99, 5, 1);
    ERR(poll, "absolute time on an unknown clock", CLOUDABI_EINVAL, &s, ev, 1, &n);
    s = clock_sub(10, 99, 1 * MS, 0);
    cloudabi_errno_t e = SYS(poll)(&s, ev, 1, &n);
    expect_or_known("poll", "relative time on an unknown clock", e == 0 && n == 1 && ev[0].userdata == 10 && ev[0].error == 0,
                    "the generated decoder refuses numbers that name no clock before the call");
}

static void fd_cases(void) {
    cloudabi_event_t ev[4];
    size_t n = 0, w;
    cloudabi_fd_t a, b;
    SYS(fd_create2)(CLOUDABI_FILETYPE_SOCKET_STREAM, &a, &b);
    /* Writable at once, readable only with data. */
    cloudabi_subscription_t s[3] = { fd_sub(1, CLOUDABI_EVENTTYPE_FD_WRITE, a),
                                     clock_sub(2, CLOUDABI_CLOCK_MONOTONIC, 2000 * MS, 0) };
    OK(poll, "writable socket", s, ev, 2, &n);
    expect("poll", "FD_WRITE ready", n == 1 && ev[0].userdata == 1 && ev[0].type == CLOUDABI_EVENTTYPE_FD_WRITE &&
                                         ev[0].error == 0 && ev[0].fd_readwrite.nbytes > 0);
    s[0] = fd_sub(3, CLOUDABI_EVENTTYPE_FD_READ, b);
    s[1] = clock_sub(4, CLOUDABI_CLOCK_MONOTONIC, 20 * MS, 0);
    OK(poll, "socket without data", s, ev, 2, &n);
    expect("poll", "only the clock fires", n == 1 && ev[0].userdata == 4);
    SYS(fd_write)(a, &(cloudabi_ciovec_t){ "hello", 5 }, 1, &w);
    OK(poll, "socket with data", s, ev, 2, &n);
    expect("poll", "FD_READ with the bytes available", n >= 1 && ev[0].userdata == 3 &&
                                                          ev[0].type == CLOUDABI_EVENTTYPE_FD_READ && ev[0].fd_readwrite.nbytes == 5);
    /* Both ready at once: both reported. */
    s[0] = fd_sub(5, CLOUDABI_EVENTTYPE_FD_READ, b);
    s[1] = fd_sub(6, CLOUDABI_EVENTTYPE_FD_WRITE, b);
    OK(poll, "two ready descriptors", s, ev, 2, &n);
    expect_eq("poll", "both events", n, 2);
    /* EV_EOF: the peer closed. */
    SYS(fd_close)(a);
    s[0] = fd_sub(7, CLOUDABI_EVENTTYPE_FD_READ, b);
    OK(poll, "socket whose peer closed", s, ev, 1, &n);
    expect("poll", "HANGUP", n == 1 && (ev[0].fd_readwrite.flags & CLOUDABI_EVENT_FD_READWRITE_HANGUP));
    SYS(fd_close)(b);

    /* A regular file is always ready (NOTE_FILE_POLL). */
    cloudabi_fd_t f = make_file("pollfile", "0123456789", 10);
    cloudabi_filesize_t pos;
    SYS(fd_seek)(f, 4, CLOUDABI_WHENCE_SET, &pos);
    s[0] = fd_sub(8, CLOUDABI_EVENTTYPE_FD_READ, f);
    OK(poll, "regular file", s, ev, 1, &n);
    expect("poll", "regular file is readable", n == 1 && ev[0].userdata == 8 && ev[0].error == 0);

    /* Errors belong to their event: the call succeeds. */
    s[0] = fd_sub(9, CLOUDABI_EVENTTYPE_FD_READ, 9999);
    OK(poll, "bad descriptor", s, ev, 1, &n);
    expect("poll", "EBADF in the event", n == 1 && ev[0].userdata == 9 && ev[0].error == CLOUDABI_EBADF);
    cloudabi_fd_t lim;
    SYS(fd_dup)(f, &lim);
    cloudabi_fdstat_t st = { 0 };
    st.fs_rights_base = CLOUDABI_RIGHT_FD_READ;
    SYS(fd_stat_put)(lim, &st, CLOUDABI_FDSTAT_RIGHTS);
    s[0] = fd_sub(10, CLOUDABI_EVENTTYPE_FD_READ, lim);
    OK(poll, "without POLL_FD_READWRITE", s, ev, 1, &n);
    expect("poll", "ENOTCAPABLE in the event", n == 1 && ev[0].userdata == 10 && ev[0].error == CLOUDABI_ENOTCAPABLE);
    /* An error does not hide a ready descriptor. */
    s[0] = fd_sub(11, CLOUDABI_EVENTTYPE_FD_READ, 9999);
    s[1] = fd_sub(12, CLOUDABI_EVENTTYPE_FD_READ, f);
    OK(poll, "a bad and a ready descriptor", s, ev, 2, &n);
    expect_eq("poll", "both reported", n, 2);
    SYS(fd_close)(lim);
    SYS(fd_close)(f);
    /* copyin of the subscriptions. */
    ERR(poll, "unmapped subscriptions", CLOUDABI_EFAULT, (void *)(uintptr_t)0x10000, ev, 1, &n);
}

static void run_cases(void) {
    clock_cases();
    fd_cases();
}
