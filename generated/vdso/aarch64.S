/* Generated from spec/cloudabi.txt by cloudabi-gen. Do not edit: run `cargo xtask gen`. */

/*
 * CloudABI vDSO for aarch64: one function cloudabi_sys_<name> per system call,
 * called with the C arguments, returning 0 or an errno.
 *
 * Kernel convention: number in w8, arguments in x0 to x7, `svc #0`; carry
 * set on failure with the errno in x0, otherwise the results in x0 and x1.
 */

	.text

/* 0: clock_res_get(clock_id, out resolution) */
	.globl	cloudabi_sys_clock_res_get
	.type	cloudabi_sys_clock_res_get, @function
	.p2align	2
cloudabi_sys_clock_res_get:
	str	x1, [sp, #-16]!
	mov	w8, #0
	svc	#0
	ldr	x2, [sp], #16
	b.cs	1f
	str	x0, [x2]
	mov	w0, wzr
1:
	ret
	.size	cloudabi_sys_clock_res_get, . - cloudabi_sys_clock_res_get

/* 1: clock_time_get(clock_id, precision, out time) */
	.globl	cloudabi_sys_clock_time_get
	.type	cloudabi_sys_clock_time_get, @function
	.p2align	2
cloudabi_sys_clock_time_get:
	str	x2, [sp, #-16]!
	mov	w8, #1
	svc	#0
	ldr	x2, [sp], #16
	b.cs	1f
	str	x0, [x2]
	mov	w0, wzr
1:
	ret
	.size	cloudabi_sys_clock_time_get, . - cloudabi_sys_clock_time_get

/* 2: condvar_signal(condvar, scope, nwaiters) */
	.globl	cloudabi_sys_condvar_signal
	.type	cloudabi_sys_condvar_signal, @function
	.p2align	2
cloudabi_sys_condvar_signal:
	mov	w8, #2
	svc	#0
	ret
	.size	cloudabi_sys_condvar_signal, . - cloudabi_sys_condvar_signal

/* 3: fd_close(fd) */
	.globl	cloudabi_sys_fd_close
	.type	cloudabi_sys_fd_close, @function
	.p2align	2
cloudabi_sys_fd_close:
	mov	w8, #3
	svc	#0
	ret
	.size	cloudabi_sys_fd_close, . - cloudabi_sys_fd_close

/* 4: fd_create1(type, out fd) */
	.globl	cloudabi_sys_fd_create1
	.type	cloudabi_sys_fd_create1, @function
	.p2align	2
cloudabi_sys_fd_create1:
	str	x1, [sp, #-16]!
	mov	w8, #4
	svc	#0
	ldr	x2, [sp], #16
	b.cs	1f
	str	w0, [x2]
	mov	w0, wzr
1:
	ret
	.size	cloudabi_sys_fd_create1, . - cloudabi_sys_fd_create1

/* 5: fd_create2(type, out fd1, out fd2) */
	.globl	cloudabi_sys_fd_create2
	.type	cloudabi_sys_fd_create2, @function
	.p2align	2
cloudabi_sys_fd_create2:
	stp	x1, x2, [sp, #-16]!
	mov	w8, #5
	svc	#0
	ldp	x2, x3, [sp], #16
	b.cs	1f
	str	w0, [x2]
	str	w1, [x3]
	mov	w0, wzr
1:
	ret
	.size	cloudabi_sys_fd_create2, . - cloudabi_sys_fd_create2

/* 6: fd_datasync(fd) */
	.globl	cloudabi_sys_fd_datasync
	.type	cloudabi_sys_fd_datasync, @function
	.p2align	2
cloudabi_sys_fd_datasync:
	mov	w8, #6
	svc	#0
	ret
	.size	cloudabi_sys_fd_datasync, . - cloudabi_sys_fd_datasync

/* 7: fd_dup(from, out fd) */
	.globl	cloudabi_sys_fd_dup
	.type	cloudabi_sys_fd_dup, @function
	.p2align	2
cloudabi_sys_fd_dup:
	str	x1, [sp, #-16]!
	mov	w8, #7
	svc	#0
	ldr	x2, [sp], #16
	b.cs	1f
	str	w0, [x2]
	mov	w0, wzr
1:
	ret
	.size	cloudabi_sys_fd_dup, . - cloudabi_sys_fd_dup

/* 8: fd_pread(fd, iovs, iovs_len, offset, out nread) */
	.globl	cloudabi_sys_fd_pread
	.type	cloudabi_sys_fd_pread, @function
	.p2align	2
cloudabi_sys_fd_pread:
	str	x4, [sp, #-16]!
	mov	w8, #8
	svc	#0
	ldr	x2, [sp], #16
	b.cs	1f
	str	x0, [x2]
	mov	w0, wzr
1:
	ret
	.size	cloudabi_sys_fd_pread, . - cloudabi_sys_fd_pread

/* 9: fd_pwrite(fd, iovs, iovs_len, offset, out nwritten) */
	.globl	cloudabi_sys_fd_pwrite
	.type	cloudabi_sys_fd_pwrite, @function
	.p2align	2
cloudabi_sys_fd_pwrite:
	str	x4, [sp, #-16]!
	mov	w8, #9
	svc	#0
	ldr	x2, [sp], #16
	b.cs	1f
	str	x0, [x2]
	mov	w0, wzr
1:
	ret
	.size	cloudabi_sys_fd_pwrite, . - cloudabi_sys_fd_pwrite

/* 10: fd_read(fd, iovs, iovs_len, out nread) */
	.globl	cloudabi_sys_fd_read
	.type	cloudabi_sys_fd_read, @function
	.p2align	2
cloudabi_sys_fd_read:
	str	x3, [sp, #-16]!
	mov	w8, #10
	svc	#0
	ldr	x2, [sp], #16
	b.cs	1f
	str	x0, [x2]
	mov	w0, wzr
1:
	ret
	.size	cloudabi_sys_fd_read, . - cloudabi_sys_fd_read

/* 11: fd_replace(from, to) */
	.globl	cloudabi_sys_fd_replace
	.type	cloudabi_sys_fd_replace, @function
	.p2align	2
cloudabi_sys_fd_replace:
	mov	w8, #11
	svc	#0
	ret
	.size	cloudabi_sys_fd_replace, . - cloudabi_sys_fd_replace

/* 12: fd_seek(fd, offset, whence, out newoffset) */
	.globl	cloudabi_sys_fd_seek
	.type	cloudabi_sys_fd_seek, @function
	.p2align	2
cloudabi_sys_fd_seek:
	str	x3, [sp, #-16]!
	mov	w8, #12
	svc	#0
	ldr	x2, [sp], #16
	b.cs	1f
	str	x0, [x2]
	mov	w0, wzr
1:
	ret
	.size	cloudabi_sys_fd_seek, . - cloudabi_sys_fd_seek

/* 13: fd_stat_get(fd, buf) */
	.globl	cloudabi_sys_fd_stat_get
	.type	cloudabi_sys_fd_stat_get, @function
	.p2align	2
cloudabi_sys_fd_stat_get:
	mov	w8, #13
	svc	#0
	ret
	.size	cloudabi_sys_fd_stat_get, . - cloudabi_sys_fd_stat_get

/* 14: fd_stat_put(fd, buf, flags) */
	.globl	cloudabi_sys_fd_stat_put
	.type	cloudabi_sys_fd_stat_put, @function
	.p2align	2
cloudabi_sys_fd_stat_put:
	mov	w8, #14
	svc	#0
	ret
	.size	cloudabi_sys_fd_stat_put, . - cloudabi_sys_fd_stat_put

/* 15: fd_sync(fd) */
	.globl	cloudabi_sys_fd_sync
	.type	cloudabi_sys_fd_sync, @function
	.p2align	2
cloudabi_sys_fd_sync:
	mov	w8, #15
	svc	#0
	ret
	.size	cloudabi_sys_fd_sync, . - cloudabi_sys_fd_sync

/* 16: fd_write(fd, iovs, iovs_len, out nwritten) */
	.globl	cloudabi_sys_fd_write
	.type	cloudabi_sys_fd_write, @function
	.p2align	2
cloudabi_sys_fd_write:
	str	x3, [sp, #-16]!
	mov	w8, #16
	svc	#0
	ldr	x2, [sp], #16
	b.cs	1f
	str	x0, [x2]
	mov	w0, wzr
1:
	ret
	.size	cloudabi_sys_fd_write, . - cloudabi_sys_fd_write

/* 17: file_advise(fd, offset, len, advice) */
	.globl	cloudabi_sys_file_advise
	.type	cloudabi_sys_file_advise, @function
	.p2align	2
cloudabi_sys_file_advise:
	mov	w8, #17
	svc	#0
	ret
	.size	cloudabi_sys_file_advise, . - cloudabi_sys_file_advise

/* 18: file_allocate(fd, offset, len) */
	.globl	cloudabi_sys_file_allocate
	.type	cloudabi_sys_file_allocate, @function
	.p2align	2
cloudabi_sys_file_allocate:
	mov	w8, #18
	svc	#0
	ret
	.size	cloudabi_sys_file_allocate, . - cloudabi_sys_file_allocate

/* 19: file_create(fd, path, path_len, type) */
	.globl	cloudabi_sys_file_create
	.type	cloudabi_sys_file_create, @function
	.p2align	2
cloudabi_sys_file_create:
	mov	w8, #19
	svc	#0
	ret
	.size	cloudabi_sys_file_create, . - cloudabi_sys_file_create

/* 20: file_link(fd1, path1, path1_len, fd2, path2, path2_len) */
	.globl	cloudabi_sys_file_link
	.type	cloudabi_sys_file_link, @function
	.p2align	2
cloudabi_sys_file_link:
	mov	w8, #20
	svc	#0
	ret
	.size	cloudabi_sys_file_link, . - cloudabi_sys_file_link

/* 21: file_open(dirfd, path, path_len, oflags, fds, out fd) */
	.globl	cloudabi_sys_file_open
	.type	cloudabi_sys_file_open, @function
	.p2align	2
cloudabi_sys_file_open:
	str	x5, [sp, #-16]!
	mov	w8, #21
	svc	#0
	ldr	x2, [sp], #16
	b.cs	1f
	str	w0, [x2]
	mov	w0, wzr
1:
	ret
	.size	cloudabi_sys_file_open, . - cloudabi_sys_file_open

/* 22: file_readdir(fd, buf, buf_len, cookie, out bufused) */
	.globl	cloudabi_sys_file_readdir
	.type	cloudabi_sys_file_readdir, @function
	.p2align	2
cloudabi_sys_file_readdir:
	str	x4, [sp, #-16]!
	mov	w8, #22
	svc	#0
	ldr	x2, [sp], #16
	b.cs	1f
	str	x0, [x2]
	mov	w0, wzr
1:
	ret
	.size	cloudabi_sys_file_readdir, . - cloudabi_sys_file_readdir

/* 23: file_readlink(fd, path, path_len, buf, buf_len, out bufused) */
	.globl	cloudabi_sys_file_readlink
	.type	cloudabi_sys_file_readlink, @function
	.p2align	2
cloudabi_sys_file_readlink:
	str	x5, [sp, #-16]!
	mov	w8, #23
	svc	#0
	ldr	x2, [sp], #16
	b.cs	1f
	str	x0, [x2]
	mov	w0, wzr
1:
	ret
	.size	cloudabi_sys_file_readlink, . - cloudabi_sys_file_readlink

/* 24: file_rename(fd1, path1, path1_len, fd2, path2, path2_len) */
	.globl	cloudabi_sys_file_rename
	.type	cloudabi_sys_file_rename, @function
	.p2align	2
cloudabi_sys_file_rename:
	mov	w8, #24
	svc	#0
	ret
	.size	cloudabi_sys_file_rename, . - cloudabi_sys_file_rename

/* 25: file_stat_fget(fd, buf) */
	.globl	cloudabi_sys_file_stat_fget
	.type	cloudabi_sys_file_stat_fget, @function
	.p2align	2
cloudabi_sys_file_stat_fget:
	mov	w8, #25
	svc	#0
	ret
	.size	cloudabi_sys_file_stat_fget, . - cloudabi_sys_file_stat_fget

/* 26: file_stat_fput(fd, buf, flags) */
	.globl	cloudabi_sys_file_stat_fput
	.type	cloudabi_sys_file_stat_fput, @function
	.p2align	2
cloudabi_sys_file_stat_fput:
	mov	w8, #26
	svc	#0
	ret
	.size	cloudabi_sys_file_stat_fput, . - cloudabi_sys_file_stat_fput

/* 27: file_stat_get(fd, path, path_len, buf) */
	.globl	cloudabi_sys_file_stat_get
	.type	cloudabi_sys_file_stat_get, @function
	.p2align	2
cloudabi_sys_file_stat_get:
	mov	w8, #27
	svc	#0
	ret
	.size	cloudabi_sys_file_stat_get, . - cloudabi_sys_file_stat_get

/* 28: file_stat_put(fd, path, path_len, buf, flags) */
	.globl	cloudabi_sys_file_stat_put
	.type	cloudabi_sys_file_stat_put, @function
	.p2align	2
cloudabi_sys_file_stat_put:
	mov	w8, #28
	svc	#0
	ret
	.size	cloudabi_sys_file_stat_put, . - cloudabi_sys_file_stat_put

/* 29: file_symlink(path1, path1_len, fd, path2, path2_len) */
	.globl	cloudabi_sys_file_symlink
	.type	cloudabi_sys_file_symlink, @function
	.p2align	2
cloudabi_sys_file_symlink:
	mov	w8, #29
	svc	#0
	ret
	.size	cloudabi_sys_file_symlink, . - cloudabi_sys_file_symlink

/* 30: file_unlink(fd, path, path_len, flags) */
	.globl	cloudabi_sys_file_unlink
	.type	cloudabi_sys_file_unlink, @function
	.p2align	2
cloudabi_sys_file_unlink:
	mov	w8, #30
	svc	#0
	ret
	.size	cloudabi_sys_file_unlink, . - cloudabi_sys_file_unlink

/* 31: lock_unlock(lock, scope) */
	.globl	cloudabi_sys_lock_unlock
	.type	cloudabi_sys_lock_unlock, @function
	.p2align	2
cloudabi_sys_lock_unlock:
	mov	w8, #31
	svc	#0
	ret
	.size	cloudabi_sys_lock_unlock, . - cloudabi_sys_lock_unlock

/* 32: mem_advise(mapping, mapping_len, advice) */
	.globl	cloudabi_sys_mem_advise
	.type	cloudabi_sys_mem_advise, @function
	.p2align	2
cloudabi_sys_mem_advise:
	mov	w8, #32
	svc	#0
	ret
	.size	cloudabi_sys_mem_advise, . - cloudabi_sys_mem_advise

/* 33: mem_map(addr, len, prot, flags, fd, off, out mem) */
	.globl	cloudabi_sys_mem_map
	.type	cloudabi_sys_mem_map, @function
	.p2align	2
cloudabi_sys_mem_map:
	str	x6, [sp, #-16]!
	mov	w8, #33
	svc	#0
	ldr	x2, [sp], #16
	b.cs	1f
	str	x0, [x2]
	mov	w0, wzr
1:
	ret
	.size	cloudabi_sys_mem_map, . - cloudabi_sys_mem_map

/* 34: mem_protect(mapping, mapping_len, prot) */
	.globl	cloudabi_sys_mem_protect
	.type	cloudabi_sys_mem_protect, @function
	.p2align	2
cloudabi_sys_mem_protect:
	mov	w8, #34
	svc	#0
	ret
	.size	cloudabi_sys_mem_protect, . - cloudabi_sys_mem_protect

/* 35: mem_sync(mapping, mapping_len, flags) */
	.globl	cloudabi_sys_mem_sync
	.type	cloudabi_sys_mem_sync, @function
	.p2align	2
cloudabi_sys_mem_sync:
	mov	w8, #35
	svc	#0
	ret
	.size	cloudabi_sys_mem_sync, . - cloudabi_sys_mem_sync

/* 36: mem_unmap(mapping, mapping_len) */
	.globl	cloudabi_sys_mem_unmap
	.type	cloudabi_sys_mem_unmap, @function
	.p2align	2
cloudabi_sys_mem_unmap:
	mov	w8, #36
	svc	#0
	ret
	.size	cloudabi_sys_mem_unmap, . - cloudabi_sys_mem_unmap

/* 37: poll(in, out, nsubscriptions, out nevents) */
	.globl	cloudabi_sys_poll
	.type	cloudabi_sys_poll, @function
	.p2align	2
cloudabi_sys_poll:
	str	x3, [sp, #-16]!
	mov	w8, #37
	svc	#0
	ldr	x2, [sp], #16
	b.cs	1f
	str	x0, [x2]
	mov	w0, wzr
1:
	ret
	.size	cloudabi_sys_poll, . - cloudabi_sys_poll

/* 38: proc_exec(fd, data, data_len, fds, fds_len) */
	.globl	cloudabi_sys_proc_exec
	.type	cloudabi_sys_proc_exec, @function
	.p2align	2
cloudabi_sys_proc_exec:
	mov	w8, #38
	svc	#0
	ret
	.size	cloudabi_sys_proc_exec, . - cloudabi_sys_proc_exec

/* 39: proc_exit(rval), noreturn */
	.globl	cloudabi_sys_proc_exit
	.type	cloudabi_sys_proc_exit, @function
	.p2align	2
cloudabi_sys_proc_exit:
	mov	w8, #39
	svc	#0
	brk	#0
	.size	cloudabi_sys_proc_exit, . - cloudabi_sys_proc_exit

/* 40: proc_fork(out fd, out tid) */
	.globl	cloudabi_sys_proc_fork
	.type	cloudabi_sys_proc_fork, @function
	.p2align	2
cloudabi_sys_proc_fork:
	stp	x0, x1, [sp, #-16]!
	mov	w8, #40
	svc	#0
	ldp	x2, x3, [sp], #16
	b.cs	1f
	str	w0, [x2]
	str	w1, [x3]
	mov	w0, wzr
1:
	ret
	.size	cloudabi_sys_proc_fork, . - cloudabi_sys_proc_fork

/* 41: proc_raise(sig) */
	.globl	cloudabi_sys_proc_raise
	.type	cloudabi_sys_proc_raise, @function
	.p2align	2
cloudabi_sys_proc_raise:
	mov	w8, #41
	svc	#0
	ret
	.size	cloudabi_sys_proc_raise, . - cloudabi_sys_proc_raise

/* 42: random_get(buf, buf_len) */
	.globl	cloudabi_sys_random_get
	.type	cloudabi_sys_random_get, @function
	.p2align	2
cloudabi_sys_random_get:
	mov	w8, #42
	svc	#0
	ret
	.size	cloudabi_sys_random_get, . - cloudabi_sys_random_get

/* 43: sock_recv(sock, in, out) */
	.globl	cloudabi_sys_sock_recv
	.type	cloudabi_sys_sock_recv, @function
	.p2align	2
cloudabi_sys_sock_recv:
	mov	w8, #43
	svc	#0
	ret
	.size	cloudabi_sys_sock_recv, . - cloudabi_sys_sock_recv

/* 44: sock_send(sock, in, out) */
	.globl	cloudabi_sys_sock_send
	.type	cloudabi_sys_sock_send, @function
	.p2align	2
cloudabi_sys_sock_send:
	mov	w8, #44
	svc	#0
	ret
	.size	cloudabi_sys_sock_send, . - cloudabi_sys_sock_send

/* 45: sock_shutdown(sock, how) */
	.globl	cloudabi_sys_sock_shutdown
	.type	cloudabi_sys_sock_shutdown, @function
	.p2align	2
cloudabi_sys_sock_shutdown:
	mov	w8, #45
	svc	#0
	ret
	.size	cloudabi_sys_sock_shutdown, . - cloudabi_sys_sock_shutdown

/* 46: thread_create(attr, out tid) */
	.globl	cloudabi_sys_thread_create
	.type	cloudabi_sys_thread_create, @function
	.p2align	2
cloudabi_sys_thread_create:
	str	x1, [sp, #-16]!
	mov	w8, #46
	svc	#0
	ldr	x2, [sp], #16
	b.cs	1f
	str	w0, [x2]
	mov	w0, wzr
1:
	ret
	.size	cloudabi_sys_thread_create, . - cloudabi_sys_thread_create

/* 47: thread_exit(lock, scope), noreturn */
	.globl	cloudabi_sys_thread_exit
	.type	cloudabi_sys_thread_exit, @function
	.p2align	2
cloudabi_sys_thread_exit:
	mov	w8, #47
	svc	#0
	brk	#0
	.size	cloudabi_sys_thread_exit, . - cloudabi_sys_thread_exit

/* 48: thread_yield() */
	.globl	cloudabi_sys_thread_yield
	.type	cloudabi_sys_thread_yield, @function
	.p2align	2
cloudabi_sys_thread_yield:
	mov	w8, #48
	svc	#0
	ret
	.size	cloudabi_sys_thread_yield, . - cloudabi_sys_thread_yield

	.section	.note.GNU-stack,"",@progbits
