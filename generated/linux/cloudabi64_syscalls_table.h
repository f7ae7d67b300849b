// Generated from spec/cloudabi.txt by cloudabi-gen. Do not edit: run `cargo xtask gen`.

/**
 * System call dispatch for 64-bit CloudABI processes on Linux.
 *
 * Every argument and result travels in a 64-bit slot. A value narrower than 64 bits
 * holds the low-order bytes of its slot: its start on little-endian machines, its end
 * on big-endian ones. MEMBER declares a full-width slot, PADDED_MEMBER a narrower
 * value with the padding placed to match.
 */
#include <asm/byteorder.h>

#include "cloudabi64_syscalls.h"
#include "cloudabi_syscalls.h"

#if defined(__LITTLE_ENDIAN)
#define MEMBER(type, name) _Alignas(8) type name
#define PADDED_MEMBER(type, name) _Alignas(8) type name
#elif defined(__BIG_ENDIAN)
#define MEMBER(type, name) _Alignas(8) type name
#define PADDED_MEMBER(type, name) \
	_Alignas(8) char name##_pad[8 - sizeof(type)]; \
	type name
#else
#error "<asm/byteorder.h> defines neither __LITTLE_ENDIAN nor __BIG_ENDIAN"
#endif

static cloudabi_errno_t do_clock_res_get(const void *in, void *out)
{
	const struct {
		PADDED_MEMBER(cloudabi_clockid_t, clock_id);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 8, "one 64-bit slot per value");
	struct {
		MEMBER(cloudabi_timestamp_t, resolution);
	} *vout = out;
	_Static_assert(sizeof(*vout) == 8, "one 64-bit slot per value");

	return cloudabi_sys_clock_res_get(vin->clock_id, &vout->resolution);
}

static cloudabi_errno_t do_clock_time_get(const void *in, void *out)
{
	const struct {
		PADDED_MEMBER(cloudabi_clockid_t, clock_id);
		MEMBER(cloudabi_timestamp_t, precision);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 16, "one 64-bit slot per value");
	struct {
		MEMBER(cloudabi_timestamp_t, time);
	} *vout = out;
	_Static_assert(sizeof(*vout) == 8, "one 64-bit slot per value");

	return cloudabi_sys_clock_time_get(
		vin->clock_id,
		vin->precision,
		&vout->time);
}

static cloudabi_errno_t do_condvar_signal(const void *in, void *out)
{
	const struct {
		MEMBER(cloudabi_condvar_t __user *, condvar);
		PADDED_MEMBER(cloudabi_scope_t, scope);
		PADDED_MEMBER(cloudabi_nthreads_t, nwaiters);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 24, "one 64-bit slot per value");
	(void)out;

	return cloudabi_sys_condvar_signal(
		vin->condvar,
		vin->scope,
		vin->nwaiters);
}

static cloudabi_errno_t do_fd_close(const void *in, void *out)
{
	const struct {
		PADDED_MEMBER(cloudabi_fd_t, fd);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 8, "one 64-bit slot per value");
	(void)out;

	return cloudabi_sys_fd_close(vin->fd);
}

static cloudabi_errno_t do_fd_create1(const void *in, void *out)
{
	const struct {
		PADDED_MEMBER(cloudabi_filetype_t, type);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 8, "one 64-bit slot per value");
	struct {
		PADDED_MEMBER(cloudabi_fd_t, fd);
	} *vout = out;
	_Static_assert(sizeof(*vout) == 8, "one 64-bit slot per value");

	return cloudabi_sys_fd_create1(vin->type, &vout->fd);
}

static cloudabi_errno_t do_fd_create2(const void *in, void *out)
{
	const struct {
		PADDED_MEMBER(cloudabi_filetype_t, type);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 8, "one 64-bit slot per value");
	struct {
		PADDED_MEMBER(cloudabi_fd_t, fd1);
		PADDED_MEMBER(cloudabi_fd_t, fd2);
	} *vout = out;
	_Static_assert(sizeof(*vout) == 16, "one 64-bit slot per value");

	return cloudabi_sys_fd_create2(vin->type, &vout->fd1, &vout->fd2);
}

static cloudabi_errno_t do_fd_datasync(const void *in, void *out)
{
	const struct {
		PADDED_MEMBER(cloudabi_fd_t, fd);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 8, "one 64-bit slot per value");
	(void)out;

	return cloudabi_sys_fd_datasync(vin->fd);
}

static cloudabi_errno_t do_fd_dup(const void *in, void *out)
{
	const struct {
		PADDED_MEMBER(cloudabi_fd_t, from);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 8, "one 64-bit slot per value");
	struct {
		PADDED_MEMBER(cloudabi_fd_t, fd);
	} *vout = out;
	_Static_assert(sizeof(*vout) == 8, "one 64-bit slot per value");

	return cloudabi_sys_fd_dup(vin->from, &vout->fd);
}

static cloudabi_errno_t do_fd_pread(const void *in, void *out)
{
	const struct {
		PADDED_MEMBER(cloudabi_fd_t, fd);
		MEMBER(const cloudabi64_iovec_t __user *, iovs);
		MEMBER(size_t, iovs_len);
		MEMBER(cloudabi_filesize_t, offset);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 32, "one 64-bit slot per value");
	struct {
		MEMBER(size_t, nread);
	} *vout = out;
	_Static_assert(sizeof(*vout) == 8, "one 64-bit slot per value");

	return cloudabi64_sys_fd_pread(
		vin->fd,
		vin->iovs,
		vin->iovs_len,
		vin->offset,
		&vout->nread);
}

static cloudabi_errno_t do_fd_pwrite(const void *in, void *out)
{
	const struct {
		PADDED_MEMBER(cloudabi_fd_t, fd);
		MEMBER(const cloudabi64_ciovec_t __user *, iovs);
		MEMBER(size_t, iovs_len);
		MEMBER(cloudabi_filesize_t, offset);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 32, "one 64-bit slot per value");
	struct {
		MEMBER(size_t, nwritten);
	} *vout = out;
	_Static_assert(sizeof(*vout) == 8, "one 64-bit slot per value");

	return cloudabi64_sys_fd_pwrite(
		vin->fd,
		vin->iovs,
		vin->iovs_len,
		vin->offset,
		&vout->nwritten);
}

static cloudabi_errno_t do_fd_read(const void *in, void *out)
{
	const struct {
		PADDED_MEMBER(cloudabi_fd_t, fd);
		MEMBER(const cloudabi64_iovec_t __user *, iovs);
		MEMBER(size_t, iovs_len);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 24, "one 64-bit slot per value");
	struct {
		MEMBER(size_t, nread);
	} *vout = out;
	_Static_assert(sizeof(*vout) == 8, "one 64-bit slot per value");

	return cloudabi64_sys_fd_read(
		vin->fd,
		vin->iovs,
		vin->iovs_len,
		&vout->nread);
}

static cloudabi_errno_t do_fd_replace(const void *in, void *out)
{
	const struct {
		PADDED_MEMBER(cloudabi_fd_t, from);
		PADDED_MEMBER(cloudabi_fd_t, to);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 16, "one 64-bit slot per value");
	(void)out;

	return cloudabi_sys_fd_replace(vin->from, vin->to);
}

static cloudabi_errno_t do_fd_seek(const void *in, void *out)
{
	const struct {
		PADDED_MEMBER(cloudabi_fd_t, fd);
		MEMBER(cloudabi_filedelta_t, offset);
		PADDED_MEMBER(cloudabi_whence_t, whence);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 24, "one 64-bit slot per value");
	struct {
		MEMBER(cloudabi_filesize_t, newoffset);
	} *vout = out;
	_Static_assert(sizeof(*vout) == 8, "one 64-bit slot per value");

	return cloudabi_sys_fd_seek(
		vin->fd,
		vin->offset,
		vin->whence,
		&vout->newoffset);
}

static cloudabi_errno_t do_fd_stat_get(const void *in, void *out)
{
	const struct {
		PADDED_MEMBER(cloudabi_fd_t, fd);
		MEMBER(cloudabi_fdstat_t __user *, buf);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 16, "one 64-bit slot per value");
	(void)out;

	return cloudabi_sys_fd_stat_get(vin->fd, vin->buf);
}

static cloudabi_errno_t do_fd_stat_put(const void *in, void *out)
{
	const struct {
		PADDED_MEMBER(cloudabi_fd_t, fd);
		MEMBER(const cloudabi_fdstat_t __user *, buf);
		PADDED_MEMBER(cloudabi_fdsflags_t, flags);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 24, "one 64-bit slot per value");
	(void)out;

	return cloudabi_sys_fd_stat_put(vin->fd, vin->buf, vin->flags);
}

static cloudabi_errno_t do_fd_sync(const void *in, void *out)
{
	const struct {
		PADDED_MEMBER(cloudabi_fd_t, fd);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 8, "one 64-bit slot per value");
	(void)out;

	return cloudabi_sys_fd_sync(vin->fd);
}

static cloudabi_errno_t do_fd_write(const void *in, void *out)
{
	const struct {
		PADDED_MEMBER(cloudabi_fd_t, fd);
		MEMBER(const cloudabi64_ciovec_t __user *, iovs);
		MEMBER(size_t, iovs_len);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 24, "one 64-bit slot per value");
	struct {
		MEMBER(size_t, nwritten);
	} *vout = out;
	_Static_assert(sizeof(*vout) == 8, "one 64-bit slot per value");

	return cloudabi64_sys_fd_write(
		vin->fd,
		vin->iovs,
		vin->iovs_len,
		&vout->nwritten);
}

static cloudabi_errno_t do_file_advise(const void *in, void *out)
{
	const struct {
		PADDED_MEMBER(cloudabi_fd_t, fd);
		MEMBER(cloudabi_filesize_t, offset);
		MEMBER(cloudabi_filesize_t, len);
		PADDED_MEMBER(cloudabi_advice_t, advice);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 32, "one 64-bit slot per value");
	(void)out;

	return cloudabi_sys_file_advise(
		vin->fd,
		vin->offset,
		vin->len,
		vin->advice);
}

static cloudabi_errno_t do_file_allocate(const void *in, void *out)
{
	const struct {
		PADDED_MEMBER(cloudabi_fd_t, fd);
		MEMBER(cloudabi_filesize_t, offset);
		MEMBER(cloudabi_filesize_t, len);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 24, "one 64-bit slot per value");
	(void)out;

	return cloudabi_sys_file_allocate(vin->fd, vin->offset, vin->len);
}

static cloudabi_errno_t do_file_create(const void *in, void *out)
{
	const struct {
		PADDED_MEMBER(cloudabi_fd_t, fd);
		MEMBER(const char __user *, path);
		MEMBER(size_t, path_len);
		PADDED_MEMBER(cloudabi_filetype_t, type);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 32, "one 64-bit slot per value");
	(void)out;

	return cloudabi_sys_file_create(
		vin->fd,
		vin->path,
		vin->path_len,
		vin->type);
}

static cloudabi_errno_t do_file_link(const void *in, void *out)
{
	const struct {
		MEMBER(cloudabi_lookup_t, fd1);
		MEMBER(const char __user *, path1);
		MEMBER(size_t, path1_len);
		PADDED_MEMBER(cloudabi_fd_t, fd2);
		MEMBER(const char __user *, path2);
		MEMBER(size_t, path2_len);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 48, "one 64-bit slot per value");
	(void)out;

	return cloudabi_sys_file_link(
		vin->fd1,
		vin->path1,
		vin->path1_len,
		vin->fd2,
		vin->path2,
		vin->path2_len);
}

static cloudabi_errno_t do_file_open(const void *in, void *out)
{
	const struct {
		MEMBER(cloudabi_lookup_t, dirfd);
		MEMBER(const char __user *, path);
		MEMBER(size_t, path_len);
		PADDED_MEMBER(cloudabi_oflags_t, oflags);
		MEMBER(const cloudabi_fdstat_t __user *, fds);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 40, "one 64-bit slot per value");
	struct {
		PADDED_MEMBER(cloudabi_fd_t, fd);
	} *vout = out;
	_Static_assert(sizeof(*vout) == 8, "one 64-bit slot per value");

	return cloudabi_sys_file_open(
		vin->dirfd,
		vin->path,
		vin->path_len,
		vin->oflags,
		vin->fds,
		&vout->fd);
}

static cloudabi_errno_t do_file_readdir(const void *in, void *out)
{
	const struct {
		PADDED_MEMBER(cloudabi_fd_t, fd);
		MEMBER(void __user *, buf);
		MEMBER(size_t, buf_len);
		MEMBER(cloudabi_dircookie_t, cookie);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 32, "one 64-bit slot per value");
	struct {
		MEMBER(size_t, bufused);
	} *vout = out;
	_Static_assert(sizeof(*vout) == 8, "one 64-bit slot per value");

	return cloudabi_sys_file_readdir(
		vin->fd,
		vin->buf,
		vin->buf_len,
		vin->cookie,
		&vout->bufused);
}

static cloudabi_errno_t do_file_readlink(const void *in, void *out)
{
	const struct {
		PADDED_MEMBER(cloudabi_fd_t, fd);
		MEMBER(const char __user *, path);
		MEMBER(size_t, path_len);
		MEMBER(char __user *, buf);
		MEMBER(size_t, buf_len);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 40, "one 64-bit slot per value");
	struct {
		MEMBER(size_t, bufused);
	} *vout = out;
	_Static_assert(sizeof(*vout) == 8, "one 64-bit slot per value");

	return cloudabi_sys_file_readlink(
		vin->fd,
		vin->path,
		vin->path_len,
		vin->buf,
		vin->buf_len,
		&vout->bufused);
}

static cloudabi_errno_t do_file_rename(const void *in, void *out)
{
	const struct {
		PADDED_MEMBER(cloudabi_fd_t, fd1);
		MEMBER(const char __user *, path1);
		MEMBER(size_t, path1_len);
		PADDED_MEMBER(cloudabi_fd_t, fd2);
		MEMBER(const char __user *, path2);
		MEMBER(size_t, path2_len);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 48, "one 64-bit slot per value");
	(void)out;

	return cloudabi_sys_file_rename(
		vin->fd1,
		vin->path1,
		vin->path1_len,
		vin->fd2,
		vin->path2,
		vin->path2_len);
}

static cloudabi_errno_t do_file_stat_fget(const void *in, void *out)
{
	const struct {
		PADDED_MEMBER(cloudabi_fd_t, fd);
		MEMBER(cloudabi_filestat_t __user *, buf);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 16, "one 64-bit slot per value");
	(void)out;

	return cloudabi_sys_file_stat_fget(vin->fd, vin->buf);
}

static cloudabi_errno_t do_file_stat_fput(const void *in, void *out)
{
	const struct {
		PADDED_MEMBER(cloudabi_fd_t, fd);
		MEMBER(const cloudabi_filestat_t __user *, buf);
		PADDED_MEMBER(cloudabi_fsflags_t, flags);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 24, "one 64-bit slot per value");
	(void)out;

	return cloudabi_sys_file_stat_fput(vin->fd, vin->buf, vin->flags);
}

static cloudabi_errno_t do_file_stat_get(const void *in, void *out)
{
	const struct {
		MEMBER(cloudabi_lookup_t, fd);
		MEMBER(const char __user *, path);
		MEMBER(size_t, path_len);
		MEMBER(cloudabi_filestat_t __user *, buf);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 32, "one 64-bit slot per value");
	(void)out;

	return cloudabi_sys_file_stat_get(
		vin->fd,
		vin->path,
		vin->path_len,
		vin->buf);
}

static cloudabi_errno_t do_file_stat_put(const void *in, void *out)
{
	const struct {
		MEMBER(cloudabi_lookup_t, fd);
		MEMBER(const char __user *, path);
		MEMBER(size_t, path_len);
		MEMBER(const cloudabi_filestat_t __user *, buf);
		PADDED_MEMBER(cloudabi_fsflags_t, flags);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 40, "one 64-bit slot per value");
	(void)out;

	return cloudabi_sys_file_stat_put(
		vin->fd,
		vin->path,
		vin->path_len,
		vin->buf,
		vin->flags);
}

static cloudabi_errno_t do_file_symlink(const void *in, void *out)
{
	const struct {
		MEMBER(const char __user *, path1);
		MEMBER(size_t, path1_len);
		PADDED_MEMBER(cloudabi_fd_t, fd);
		MEMBER(const char __user *, path2);
		MEMBER(size_t, path2_len);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 40, "one 64-bit slot per value");
	(void)out;

	return cloudabi_sys_file_symlink(
		vin->path1,
		vin->path1_len,
		vin->fd,
		vin->path2,
		vin->path2_len);
}

static cloudabi_errno_t do_file_unlink(const void *in, void *out)
{
	const struct {
		PADDED_MEMBER(cloudabi_fd_t, fd);
		MEMBER(const char __user *, path);
		MEMBER(size_t, path_len);
		PADDED_MEMBER(cloudabi_ulflags_t, flags);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 32, "one 64-bit slot per value");
	(void)out;

	return cloudabi_sys_file_unlink(
		vin->fd,
		vin->path,
		vin->path_len,
		vin->flags);
}

static cloudabi_errno_t do_lock_unlock(const void *in, void *out)
{
	const struct {
		MEMBER(cloudabi_lock_t __user *, lock);
		PADDED_MEMBER(cloudabi_scope_t, scope);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 16, "one 64-bit slot per value");
	(void)out;

	return cloudabi_sys_lock_unlock(vin->lock, vin->scope);
}

static cloudabi_errno_t do_mem_advise(const void *in, void *out)
{
	const struct {
		MEMBER(void __user *, mapping);
		MEMBER(size_t, mapping_len);
		PADDED_MEMBER(cloudabi_advice_t, advice);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 24, "one 64-bit slot per value");
	(void)out;

	return cloudabi_sys_mem_advise(
		vin->mapping,
		vin->mapping_len,
		vin->advice);
}

static cloudabi_errno_t do_mem_map(const void *in, void *out)
{
	const struct {
		MEMBER(void __user *, addr);
		MEMBER(size_t, len);
		PADDED_MEMBER(cloudabi_mprot_t, prot);
		PADDED_MEMBER(cloudabi_mflags_t, flags);
		PADDED_MEMBER(cloudabi_fd_t, fd);
		MEMBER(cloudabi_filesize_t, off);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 48, "one 64-bit slot per value");
	struct {
		MEMBER(void __user *, mem);
	} *vout = out;
	_Static_assert(sizeof(*vout) == 8, "one 64-bit slot per value");

	return cloudabi_sys_mem_map(
		vin->addr,
		vin->len,
		vin->prot,
		vin->flags,
		vin->fd,
		vin->off,
		&vout->mem);
}

static cloudabi_errno_t do_mem_protect(const void *in, void *out)
{
	const struct {
		MEMBER(void __user *, mapping);
		MEMBER(size_t, mapping_len);
		PADDED_MEMBER(cloudabi_mprot_t, prot);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 24, "one 64-bit slot per value");
	(void)out;

	return cloudabi_sys_mem_protect(
		vin->mapping,
		vin->mapping_len,
		vin->prot);
}

static cloudabi_errno_t do_mem_sync(const void *in, void *out)
{
	const struct {
		MEMBER(void __user *, mapping);
		MEMBER(size_t, mapping_len);
		PADDED_MEMBER(cloudabi_msflags_t, flags);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 24, "one 64-bit slot per value");
	(void)out;

	return cloudabi_sys_mem_sync(
		vin->mapping,
		vin->mapping_len,
		vin->flags);
}

static cloudabi_errno_t do_mem_unmap(const void *in, void *out)
{
	const struct {
		MEMBER(void __user *, mapping);
		MEMBER(size_t, mapping_len);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 16, "one 64-bit slot per value");
	(void)out;

	return cloudabi_sys_mem_unmap(vin->mapping, vin->mapping_len);
}

static cloudabi_errno_t do_poll(const void *in, void *out)
{
	const struct {
		MEMBER(const cloudabi64_subscription_t __user *, in);
		MEMBER(cloudabi_event_t __user *, out);
		MEMBER(size_t, nsubscriptions);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 24, "one 64-bit slot per value");
	struct {
		MEMBER(size_t, nevents);
	} *vout = out;
	_Static_assert(sizeof(*vout) == 8, "one 64-bit slot per value");

	return cloudabi64_sys_poll(
		vin->in,
		vin->out,
		vin->nsubscriptions,
		&vout->nevents);
}

static cloudabi_errno_t do_proc_exec(const void *in, void *out)
{
	const struct {
		PADDED_MEMBER(cloudabi_fd_t, fd);
		MEMBER(const void __user *, data);
		MEMBER(size_t, data_len);
		MEMBER(const cloudabi_fd_t __user *, fds);
		MEMBER(size_t, fds_len);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 40, "one 64-bit slot per value");
	(void)out;

	return cloudabi_sys_proc_exec(
		vin->fd,
		vin->data,
		vin->data_len,
		vin->fds,
		vin->fds_len);
}

static cloudabi_errno_t do_proc_exit(const void *in, void *out)
{
	const struct {
		PADDED_MEMBER(cloudabi_exitcode_t, rval);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 8, "one 64-bit slot per value");
	(void)out;

	cloudabi_sys_proc_exit(vin->rval);
	return 0;
}

static cloudabi_errno_t do_proc_fork(const void *in, void *out)
{
	(void)in;
	struct {
		PADDED_MEMBER(cloudabi_fd_t, fd);
		PADDED_MEMBER(cloudabi_tid_t, tid);
	} *vout = out;
	_Static_assert(sizeof(*vout) == 16, "one 64-bit slot per value");

	return cloudabi_sys_proc_fork(&vout->fd, &vout->tid);
}

static cloudabi_errno_t do_proc_raise(const void *in, void *out)
{
	const struct {
		PADDED_MEMBER(cloudabi_signal_t, sig);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 8, "one 64-bit slot per value");
	(void)out;

	return cloudabi_sys_proc_raise(vin->sig);
}

static cloudabi_errno_t do_random_get(const void *in, void *out)
{
	const struct {
		MEMBER(void __user *, buf);
		MEMBER(size_t, buf_len);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 16, "one 64-bit slot per value");
	(void)out;

	return cloudabi_sys_random_get(vin->buf, vin->buf_len);
}

static cloudabi_errno_t do_sock_recv(const void *in, void *out)
{
	const struct {
		PADDED_MEMBER(cloudabi_fd_t, sock);
		MEMBER(const cloudabi64_recv_in_t __user *, in);
		MEMBER(cloudabi64_recv_out_t __user *, out);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 24, "one 64-bit slot per value");
	(void)out;

	return cloudabi64_sys_sock_recv(vin->sock, vin->in, vin->out);
}

static cloudabi_errno_t do_sock_send(const void *in, void *out)
{
	const struct {
		PADDED_MEMBER(cloudabi_fd_t, sock);
		MEMBER(const cloudabi64_send_in_t __user *, in);
		MEMBER(cloudabi64_send_out_t __user *, out);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 24, "one 64-bit slot per value");
	(void)out;

	return cloudabi64_sys_sock_send(vin->sock, vin->in, vin->out);
}

static cloudabi_errno_t do_sock_shutdown(const void *in, void *out)
{
	const struct {
		PADDED_MEMBER(cloudabi_fd_t, sock);
		PADDED_MEMBER(cloudabi_sdflags_t, how);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 16, "one 64-bit slot per value");
	(void)out;

	return cloudabi_sys_sock_shutdown(vin->sock, vin->how);
}

static cloudabi_errno_t do_thread_create(const void *in, void *out)
{
	const struct {
		MEMBER(cloudabi64_threadattr_t __user *, attr);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 8, "one 64-bit slot per value");
	struct {
		PADDED_MEMBER(cloudabi_tid_t, tid);
	} *vout = out;
	_Static_assert(sizeof(*vout) == 8, "one 64-bit slot per value");

	return cloudabi64_sys_thread_create(vin->attr, &vout->tid);
}

static cloudabi_errno_t do_thread_exit(const void *in, void *out)
{
	const struct {
		MEMBER(cloudabi_lock_t __user *, lock);
		PADDED_MEMBER(cloudabi_scope_t, scope);
	} *vin = in;
	_Static_assert(sizeof(*vin) == 16, "one 64-bit slot per value");
	(void)out;

	cloudabi_sys_thread_exit(vin->lock, vin->scope);
	return 0;
}

static cloudabi_errno_t do_thread_yield(const void *in, void *out)
{
	(void)in;
	(void)out;

	return cloudabi_sys_thread_yield();
}

static cloudabi_errno_t (*syscalls[])(const void *, void *) = {
	do_clock_res_get,
	do_clock_time_get,
	do_condvar_signal,
	do_fd_close,
	do_fd_create1,
	do_fd_create2,
	do_fd_datasync,
	do_fd_dup,
	do_fd_pread,
	do_fd_pwrite,
	do_fd_read,
	do_fd_replace,
	do_fd_seek,
	do_fd_stat_get,
	do_fd_stat_put,
	do_fd_sync,
	do_fd_write,
	do_file_advise,
	do_file_allocate,
	do_file_create,
	do_file_link,
	do_file_open,
	do_file_readdir,
	do_file_readlink,
	do_file_rename,
	do_file_stat_fget,
	do_file_stat_fput,
	do_file_stat_get,
	do_file_stat_put,
	do_file_symlink,
	do_file_unlink,
	do_lock_unlock,
	do_mem_advise,
	do_mem_map,
	do_mem_protect,
	do_mem_sync,
	do_mem_unmap,
	do_poll,
	do_proc_exec,
	do_proc_exit,
	do_proc_fork,
	do_proc_raise,
	do_random_get,
	do_sock_recv,
	do_sock_send,
	do_sock_shutdown,
	do_thread_create,
	do_thread_exit,
	do_thread_yield,
};

#undef MEMBER
#undef PADDED_MEMBER
