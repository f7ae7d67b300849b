// Generated from spec/cloudabi.txt by cloudabi-gen. Do not edit: run `cargo xtask gen`.

#ifndef LINUX_CLOUDABI64_SYSCALLS_H
#define LINUX_CLOUDABI64_SYSCALLS_H

#include "cloudabi64_types.h"

/**
 * Reads from a file descriptor at a given offset, leaving the
 * descriptor's own offset unused and unchanged.
 *
 * @param fd
 *     File descriptor to read from.
 * @param iovs, iovs_len
 *     Scatter/gather vectors that receive the data.
 * @param offset
 *     Position in the file where the read begins.
 * @param[out] nread
 *     How many bytes were read.
 */
cloudabi_errno_t cloudabi64_sys_fd_pread(
	cloudabi_fd_t fd,
	const cloudabi64_iovec_t __user *iovs,
	size_t iovs_len,
	cloudabi_filesize_t offset,
	size_t *nread
);

/**
 * Writes to a file descriptor at a given offset, leaving the
 * descriptor's own offset unused and unchanged.
 *
 * @param fd
 *     File descriptor to write to.
 * @param iovs, iovs_len
 *     Scatter/gather vectors holding the data to write.
 * @param offset
 *     Position in the file where the write begins.
 * @param[out] nwritten
 *     How many bytes were written.
 */
cloudabi_errno_t cloudabi64_sys_fd_pwrite(
	cloudabi_fd_t fd,
	const cloudabi64_ciovec_t __user *iovs,
	size_t iovs_len,
	cloudabi_filesize_t offset,
	size_t *nwritten
);

/**
 * Reads data from a file descriptor at its current offset.
 *
 * @param fd
 *     File descriptor to read from.
 * @param iovs, iovs_len
 *     Scatter/gather vectors that receive the data.
 * @param[out] nread
 *     How many bytes were read.
 */
cloudabi_errno_t cloudabi64_sys_fd_read(
	cloudabi_fd_t fd,
	const cloudabi64_iovec_t __user *iovs,
	size_t iovs_len,
	size_t *nread
);

/**
 * Writes data to a file descriptor at its current offset.
 *
 * @param fd
 *     File descriptor to write to.
 * @param iovs, iovs_len
 *     Scatter/gather vectors holding the data to write.
 * @param[out] nwritten
 *     How many bytes were written.
 */
cloudabi_errno_t cloudabi64_sys_fd_write(
	cloudabi_fd_t fd,
	const cloudabi64_ciovec_t __user *iovs,
	size_t iovs_len,
	size_t *nwritten
);

/**
 * Waits concurrently for any of a set of events to happen.
 *
 * @param in
 *     Subscriptions to wait for.
 * @param out
 *     Buffer that receives the events that occurred.
 * @param nsubscriptions
 *     Number of subscriptions, which is also the capacity of
 *     the event buffer.
 * @param[out] nevents
 *     How many events were written.
 */
cloudabi_errno_t cloudabi64_sys_poll(
	const cloudabi64_subscription_t __user *in,
	cloudabi_event_t __user *out,
	size_t nsubscriptions,
	size_t *nevents
);

/**
 * Receives a message from a socket.
 *
 * @param sock
 *     Socket to receive the message on.
 * @param in
 *     Input arguments.
 * @param out
 *     Output arguments.
 */
cloudabi_errno_t cloudabi64_sys_sock_recv(
	cloudabi_fd_t sock,
	const cloudabi64_recv_in_t __user *in,
	cloudabi64_recv_out_t __user *out
);

/**
 * Sends a message through a socket.
 *
 * @param sock
 *     Socket to send the message on.
 * @param in
 *     Input arguments.
 * @param out
 *     Output arguments.
 */
cloudabi_errno_t cloudabi64_sys_sock_send(
	cloudabi_fd_t sock,
	const cloudabi64_send_in_t __user *in,
	cloudabi64_send_out_t __user *out
);

/**
 * Starts a new thread in the current process.
 *
 * @param attr
 *     Attributes for the new thread.
 * @param[out] tid
 *     ID of the newly created thread.
 */
cloudabi_errno_t cloudabi64_sys_thread_create(
	cloudabi64_threadattr_t __user *attr,
	cloudabi_tid_t *tid
);

#endif /* LINUX_CLOUDABI64_SYSCALLS_H */
