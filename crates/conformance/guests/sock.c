/*
 * sock_recv, sock_send, sock_shutdown.
 *
 * The reference is cloudabi_sock.c (cloudabi_sock_recv, cloudabi_sock_send,
 * cloudabi_sys_sock_shutdown) with cloudabi64_sock.c copying the vectors
 * in, on top of kern_recvit, kern_sendit (always MSG_NOSIGNAL) and
 * kern_shutdown.
 */
#include "suite.h"

#define R(x) CLOUDABI_RIGHT_##x

static cloudabi_errno_t send_(cloudabi_fd_t s, const char *data, size_t len, const cloudabi_fd_t *fds,
                              size_t nfds, size_t *sent) {
    cloudabi_ciovec_t iov = { data, len };
    cloudabi_send_in_t in = { 0 };
    in.si_data = &iov;
    in.si_data_len = 1;
    in.si_fds = fds;
    in.si_fds_len = nfds;
    cloudabi_send_out_t out = { 0 };
    cloudabi_errno_t e = SYS(sock_send)(s, &in, &out);
    if (sent) *sent = out.so_datalen;
    return e;
}

static cloudabi_errno_t recv_(cloudabi_fd_t s, void *buf, size_t len, cloudabi_fd_t *fds, size_t nfds,
                              cloudabi_riflags_t flags, cloudabi_recv_out_t *out) {
    cloudabi_iovec_t iov = { buf, len };
    cloudabi_recv_in_t in = { 0 };
    in.ri_data = &iov;
    in.ri_data_len = 1;
    in.ri_fds = fds;
    in.ri_fds_len = nfds;
    in.ri_flags = flags;
    memset(out, 0, sizeof *out);
    return SYS(sock_recv)(s, &in, out);
}

static void data_cases(void) {
    cloudabi_fd_t a, b;
    SYS(fd_create2)(CLOUDABI_FILETYPE_SOCKET_STREAM, &a, &b);
    size_t sent = 0;
    char buf[64];
    cloudabi_recv_out_t ro;
    expect_errno("sock_send", "stream data", send_(a, "hello", 5, 0, 0, &sent), 0);
    expect_eq("sock_send", "bytes sent", sent, 5);
    expect_errno("sock_recv", "PEEK", recv_(b, buf, sizeof buf, 0, 0, CLOUDABI_SOCK_RECV_PEEK, &ro), 0);
    expect("sock_recv", "peeked data", ro.ro_datalen == 5 && mem_eq(buf, "hello", 5));
    expect_errno("sock_recv", "stream data", recv_(b, buf, sizeof buf, 0, 0, 0, &ro), 0);
    expect("sock_recv", "data after a peek", ro.ro_datalen == 5 && mem_eq(buf, "hello", 5) && ro.ro_flags == 0);
    send_(a, "abc", 3, 0, 0, 0);
    expect_errno("sock_recv", "WAITALL", recv_(b, buf, 3, 0, 0, CLOUDABI_SOCK_RECV_WAITALL, &ro), 0);
    expect_eq("sock_recv", "WAITALL fills the buffer", ro.ro_datalen, 3);
    /* kern_recvit / kern_sendit need CAP_RECV (FD_READ) / CAP_SEND
     * (FD_WRITE). */
    cloudabi_fd_t lim;
    SYS(fd_dup)(a, &lim);
    cloudabi_fdstat_t st = { 0 };
    st.fs_rights_base = R(FILE_STAT_FGET);
    SYS(fd_stat_put)(lim, &st, CLOUDABI_FDSTAT_RIGHTS);
    ERR(sock_send, "without FD_WRITE", CLOUDABI_ENOTCAPABLE, lim, &(cloudabi_send_in_t){ 0 }, &(cloudabi_send_out_t){ 0 });
    ERR(sock_recv, "without FD_READ", CLOUDABI_ENOTCAPABLE, lim, &(cloudabi_recv_in_t){ 0 }, &ro);
    SYS(fd_close)(lim);
    ERR(sock_send, "bad fd", CLOUDABI_EBADF, 9999, &(cloudabi_send_in_t){ 0 }, &(cloudabi_send_out_t){ 0 });
    ERR(sock_recv, "bad fd", CLOUDABI_EBADF, 9999, &(cloudabi_recv_in_t){ 0 }, &ro);
    expect_errno("sock_send", "unmapped data", send_(a, (const char *)(uintptr_t)0x10000, 4, 0, 0, 0), CLOUDABI_EFAULT);
    /* A file is no socket: it has no rights for this. */
    cloudabi_fd_t f = make_file("notsock", "x", 1);
    expect_errno("sock_recv", "regular file", recv_(f, buf, 1, 0, 0, 0, &ro), CLOUDABI_ENOTSOCK);
    SYS(fd_close)(f);
    /* Non-blocking with nothing to read. */
    cloudabi_fdstat_t nb = { 0 };
    nb.fs_flags = CLOUDABI_FDFLAG_NONBLOCK;
    SYS(fd_stat_put)(b, &nb, CLOUDABI_FDSTAT_FLAGS);
    expect_errno("sock_recv", "nothing to read, non-blocking", recv_(b, buf, 1, 0, 0, 0, &ro), CLOUDABI_EAGAIN);

    /* Datagrams: MSG_TRUNC → DATA_TRUNCATED. */
    cloudabi_fd_t c, d;
    SYS(fd_create2)(CLOUDABI_FILETYPE_SOCKET_DGRAM, &c, &d);
    send_(c, "0123456789", 10, 0, 0, 0);
    expect_errno("sock_recv", "datagram into a small buffer", recv_(d, buf, 4, 0, 0, 0, &ro), 0);
    expect("sock_recv", "DATA_TRUNCATED", ro.ro_datalen == 4 && (ro.ro_flags & CLOUDABI_SOCK_RECV_DATA_TRUNCATED));
    send_(c, "xy", 2, 0, 0, 0);
    recv_(d, buf, sizeof buf, 0, 0, 0, &ro);
    expect("sock_recv", "whole datagram not truncated", ro.ro_datalen == 2 && ro.ro_flags == 0);
    SYS(fd_close)(c);
    SYS(fd_close)(d);

    /* cloudabi_sys_sock_shutdown: RD, WR or both; anything else EINVAL. */
    ERR(sock_shutdown, "no direction", CLOUDABI_EINVAL, a, 0);
    ERR(sock_shutdown, "unknown bit", CLOUDABI_EINVAL, a, CLOUDABI_SHUT_WR | 4);
    OK(sock_shutdown, "WR", a, CLOUDABI_SHUT_WR);
    nb.fs_flags = 0;
    SYS(fd_stat_put)(b, &nb, CLOUDABI_FDSTAT_FLAGS);
    recv_(b, buf, sizeof buf, 0, 0, 0, &ro);
    expect_eq("sock_shutdown", "peer reads the end", ro.ro_datalen, 0);
    /* kern_sendit with MSG_NOSIGNAL: EPIPE, no signal. */
    expect_errno("sock_send", "after shutdown WR", send_(a, "x", 1, 0, 0, 0), CLOUDABI_EPIPE);
    OK(sock_shutdown, "RD", b, CLOUDABI_SHUT_RD);
    OK(sock_shutdown, "RD and WR", b, CLOUDABI_SHUT_RD | CLOUDABI_SHUT_WR);
    ERR(sock_shutdown, "bad fd", CLOUDABI_EBADF, 9999, CLOUDABI_SHUT_WR);
    cloudabi_fd_t g = make_file("noshut", "x", 1);
    ERR(sock_shutdown, "regular file", CLOUDABI_ENOTCAPABLE, g, CLOUDABI_SHUT_WR);
    SYS(fd_close)(g);
    SYS(fd_close)(a);
    SYS(fd_close)(b);
}

static void fd_passing_cases(void) {
    cloudabi_fd_t a, b;
    SYS(fd_create2)(CLOUDABI_FILETYPE_SOCKET_STREAM, &a, &b);
    cloudabi_fd_t f = make_file("passed", "passed-content", 14);
    /* Non-blocking, so that a wrong count fails instead of hanging. */
    cloudabi_fdstat_t nb = { 0 };
    nb.fs_flags = CLOUDABI_FDFLAG_NONBLOCK;
    SYS(fd_stat_put)(b, &nb, CLOUDABI_FDSTAT_FLAGS);
    char buf[64];
    cloudabi_recv_out_t ro;
    cloudabi_fd_t got[4];

    /* SCM_RIGHTS: the receiver gets a new descriptor for the same file. */
    cloudabi_fd_t two[2] = { f, f };
    expect_errno("sock_send", "with descriptors", send_(a, "m", 1, two, 2, 0), 0);
    expect_errno("sock_recv", "with descriptors", recv_(b, buf, sizeof buf, got, 4, 0, &ro), 0);
    expect("sock_recv", "two descriptors arrive", ro.ro_fdslen == 2 && ro.ro_datalen == 1 && ro.ro_flags == 0);
    size_t n = 0;
    if (ro.ro_fdslen >= 1) SYS(fd_pread)(got[0], &(cloudabi_iovec_t){ buf, 14 }, 1, 0, &n);
    expect("sock_recv", "a received descriptor reads the file", n == 14 && mem_eq(buf, "passed-content", 14));
    for (size_t i = 0; i < ro.ro_fdslen; i++) SYS(fd_close)(got[i]);

    /* No room for descriptors: kern_recvit gets no control buffer, the
     * descriptors are discarded, and nothing says so. */
    send_(a, "n", 1, &f, 1, 0);
    expect_errno("sock_recv", "descriptors, no room asked for", recv_(b, buf, sizeof buf, 0, 0, 0, &ro), 0);
    expect("sock_recv", "no FDS_TRUNCATED without room asked for", ro.ro_fdslen == 0 && ro.ro_flags == 0 && ro.ro_datalen == 1);
    /* Less room than descriptors: that message's descriptors are all
     * dropped and FDS_TRUNCATED is set. */
    cloudabi_fd_t three[3] = { f, f, f };
    send_(a, "o", 1, three, 3, 0);
    expect_errno("sock_recv", "more descriptors than room", recv_(b, buf, sizeof buf, got, 2, 0, &ro), 0);
    expect("sock_recv", "FDS_TRUNCATED, none delivered",
           ro.ro_fdslen == 0 && (ro.ro_flags & CLOUDABI_SOCK_RECV_FDS_TRUNCATED) && ro.ro_datalen == 1);

    /* A stream read does not run on past a message that carried
     * descriptors: the next read starts after it. */
    send_(a, "bbb", 3, &f, 1, 0);
    send_(a, "ccc", 3, 0, 0, 0);
    recv_(b, buf, sizeof buf, got, 4, 0, &ro);
    expect("sock_recv", "read stops after a message with descriptors",
           ro.ro_datalen == 3 && mem_eq(buf, "bbb", 3) && ro.ro_fdslen == 1);
    for (size_t i = 0; i < ro.ro_fdslen; i++) SYS(fd_close)(got[i]);
    recv_(b, buf, sizeof buf, got, 4, 0, &ro);
    expect("sock_recv", "then the rest", ro.ro_datalen == 3 && mem_eq(buf, "ccc", 3) && ro.ro_fdslen == 0);
    /* ... nor into one from plain data before it: FreeBSD keeps the message
     * with descriptors a record of its own. */
    send_(a, "aaa", 3, 0, 0, 0);
    send_(a, "bbb", 3, &f, 1, 0);
    recv_(b, buf, sizeof buf, got, 4, 0, &ro);
    int apart = ro.ro_datalen == 3 && mem_eq(buf, "aaa", 3) && ro.ro_fdslen == 0;
    for (size_t i = 0; i < ro.ro_fdslen; i++) SYS(fd_close)(got[i]);
    expect_or_known("sock_recv", "read stops before a message with descriptors", apart,
                    "Linux unix stream sockets join plain data with the message after it, and "
                    "a peek cannot find where that message starts");
    if (apart) {
        recv_(b, buf, sizeof buf, got, 4, 0, &ro);
        for (size_t i = 0; i < ro.ro_fdslen; i++) SYS(fd_close)(got[i]);
    }

    /* unp_internalize: every descriptor must be open. */
    cloudabi_fd_t bad[2] = { f, 9999 };
    expect_errno("sock_send", "a closed descriptor", send_(a, "p", 1, bad, 2, 0), CLOUDABI_EBADF);
    /* cloudabi_sock_send: a control message larger than MCLBYTES. */
    static cloudabi_fd_t lots[600];
    for (int i = 0; i < 600; i++) lots[i] = f;
    expect_errno("sock_send", "600 descriptors", send_(a, "q", 1, lots, 600, 0), CLOUDABI_EINVAL);
    /* 300 fit into MCLBYTES on the reference. */
    cloudabi_errno_t e300 = send_(a, "r", 1, lots, 300, 0);
    expect_or_known("sock_send", "300 descriptors", e300 == 0,
                    "Linux carries at most 253 descriptors in a message (SCM_MAX_FD)");
    if (e300 == 0) {
        static cloudabi_fd_t many[300];
        recv_(b, buf, sizeof buf, many, 300, 0, &ro);
        for (size_t i = 0; i < ro.ro_fdslen; i++) SYS(fd_close)(many[i]);
    }
    /* Descriptors over a datagram pair. */
    cloudabi_fd_t c, d;
    SYS(fd_create2)(CLOUDABI_FILETYPE_SOCKET_DGRAM, &c, &d);
    send_(c, "dg", 2, &f, 1, 0);
    recv_(d, buf, sizeof buf, got, 1, 0, &ro);
    expect("sock_recv", "datagram with a descriptor", ro.ro_fdslen == 1 && ro.ro_datalen == 2);
    if (ro.ro_fdslen) SYS(fd_close)(got[0]);
    SYS(fd_close)(c);
    SYS(fd_close)(d);
    SYS(fd_close)(f);
    SYS(fd_close)(a);
    SYS(fd_close)(b);
}

static void run_cases(void) {
    data_cases();
    fd_passing_cases();
}
