// Generated from spec/cloudabi.txt by cloudabi-gen. Do not edit: run `cargo xtask gen`.

#ifndef CLOUDABI_TYPES_H
#define CLOUDABI_TYPES_H

#include "cloudabi_types_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * One entry of the auxiliary vector.
 *
 * The auxiliary vector is a sequence of key-value records handed to a
 * process when it starts. Unlike a fixed structure, it can grow: new
 * record kinds may be introduced later. Its final entry always has the
 * type CLOUDABI_AT_NULL.
 *
 * The concept originates in the x86-64 ABI; this environment uses it on
 * every architecture.
 */
typedef struct {
	/** Kind of this auxiliary vector entry. */
	_Alignas(4) cloudabi_auxtype_t a_type;
	union {
		/**
		 * Integer payload.
		 *
		 * Used when a_type is one of:
		 * - CLOUDABI_AT_ARGDATALEN
		 * - CLOUDABI_AT_CANARYLEN
		 * - CLOUDABI_AT_NCPUS
		 * - CLOUDABI_AT_PAGESZ
		 * - CLOUDABI_AT_PHNUM
		 * - CLOUDABI_AT_TID
		 */
		size_t a_val;
		/**
		 * Pointer payload.
		 *
		 * Used when a_type is one of:
		 * - CLOUDABI_AT_ARGDATA
		 * - CLOUDABI_AT_BASE
		 * - CLOUDABI_AT_CANARY
		 * - CLOUDABI_AT_PHDR
		 * - CLOUDABI_AT_PID
		 * - CLOUDABI_AT_SYSINFO_EHDR
		 */
		void *a_ptr;
	};
} cloudabi_auxv_t;
_Static_assert(offsetof(cloudabi_auxv_t, a_type) == 0, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || offsetof(cloudabi_auxv_t, a_val) == 4, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || offsetof(cloudabi_auxv_t, a_val) == 8, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || offsetof(cloudabi_auxv_t, a_ptr) == 4, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || offsetof(cloudabi_auxv_t, a_ptr) == 8, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || sizeof(cloudabi_auxv_t) == 8, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || sizeof(cloudabi_auxv_t) == 16, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || _Alignof(cloudabi_auxv_t) == 4, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || _Alignof(cloudabi_auxv_t) == 8, "Incorrect layout");

/** Memory region used as a source by gather writes. */
typedef struct {
	/** Start and size of the data to write. */
	const void *buf;
	size_t buf_len;
} cloudabi_ciovec_t;
_Static_assert(offsetof(cloudabi_ciovec_t, buf) == 0, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || offsetof(cloudabi_ciovec_t, buf_len) == 4, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || offsetof(cloudabi_ciovec_t, buf_len) == 8, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || sizeof(cloudabi_ciovec_t) == 8, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || sizeof(cloudabi_ciovec_t) == 16, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || _Alignof(cloudabi_ciovec_t) == 4, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || _Alignof(cloudabi_ciovec_t) == 8, "Incorrect layout");

/** Memory region used as a destination by scatter reads. */
typedef struct {
	/** Start and size of the buffer to fill. */
	void *buf;
	size_t buf_len;
} cloudabi_iovec_t;
_Static_assert(offsetof(cloudabi_iovec_t, buf) == 0, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || offsetof(cloudabi_iovec_t, buf_len) == 4, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || offsetof(cloudabi_iovec_t, buf_len) == 8, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || sizeof(cloudabi_iovec_t) == 8, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || sizeof(cloudabi_iovec_t) == 16, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || _Alignof(cloudabi_iovec_t) == 4, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || _Alignof(cloudabi_iovec_t) == 8, "Incorrect layout");

/**
 * Process entry point (`_start`).
 *
 * @param auxv
 *     Pointer to the auxiliary vector; see cloudabi_auxv_t.
 */
typedef void cloudabi_processentry_t(const cloudabi_auxv_t *auxv);

/** Input arguments of cloudabi_sys_sock_recv(). */
typedef struct {
	/** Scatter/gather vectors that receive the message data. */
	const cloudabi_iovec_t *ri_data;
	size_t ri_data_len;
	/**
	 * Buffer that receives the numbers of file descriptors passed
	 * along with the message.
	 */
	cloudabi_fd_t *ri_fds;
	size_t ri_fds_len;
	/** Flags for the message. */
	_Alignas(2) cloudabi_riflags_t ri_flags;
} cloudabi_recv_in_t;
_Static_assert(offsetof(cloudabi_recv_in_t, ri_data) == 0, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || offsetof(cloudabi_recv_in_t, ri_data_len) == 4, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || offsetof(cloudabi_recv_in_t, ri_data_len) == 8, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || offsetof(cloudabi_recv_in_t, ri_fds) == 8, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || offsetof(cloudabi_recv_in_t, ri_fds) == 16, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || offsetof(cloudabi_recv_in_t, ri_fds_len) == 12, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || offsetof(cloudabi_recv_in_t, ri_fds_len) == 24, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || offsetof(cloudabi_recv_in_t, ri_flags) == 16, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || offsetof(cloudabi_recv_in_t, ri_flags) == 32, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || sizeof(cloudabi_recv_in_t) == 20, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || sizeof(cloudabi_recv_in_t) == 40, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || _Alignof(cloudabi_recv_in_t) == 4, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || _Alignof(cloudabi_recv_in_t) == 8, "Incorrect layout");

/** Output of cloudabi_sys_sock_recv(). */
typedef struct {
	/** How many bytes were written into cloudabi_recv_in_t::ri_data. */
	size_t ro_datalen;
	/** How many file descriptors were written into cloudabi_recv_in_t::ri_fds. */
	size_t ro_fdslen;
	/** Reserved; older implementations made use of these bytes. */
	char ro_unused[40];
	/** Flags for the message. */
	_Alignas(2) cloudabi_roflags_t ro_flags;
} cloudabi_recv_out_t;
_Static_assert(offsetof(cloudabi_recv_out_t, ro_datalen) == 0, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || offsetof(cloudabi_recv_out_t, ro_fdslen) == 4, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || offsetof(cloudabi_recv_out_t, ro_fdslen) == 8, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || offsetof(cloudabi_recv_out_t, ro_unused) == 8, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || offsetof(cloudabi_recv_out_t, ro_unused) == 16, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || offsetof(cloudabi_recv_out_t, ro_flags) == 48, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || offsetof(cloudabi_recv_out_t, ro_flags) == 56, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || sizeof(cloudabi_recv_out_t) == 52, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || sizeof(cloudabi_recv_out_t) == 64, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || _Alignof(cloudabi_recv_out_t) == 4, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || _Alignof(cloudabi_recv_out_t) == 8, "Incorrect layout");

/** Input arguments of cloudabi_sys_sock_send(). */
typedef struct {
	/** Scatter/gather vectors holding the message data to send. */
	const cloudabi_ciovec_t *si_data;
	size_t si_data_len;
	/** File descriptors to be attached to the message. */
	const cloudabi_fd_t *si_fds;
	size_t si_fds_len;
	/** Flags for the message. */
	_Alignas(2) cloudabi_siflags_t si_flags;
} cloudabi_send_in_t;
_Static_assert(offsetof(cloudabi_send_in_t, si_data) == 0, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || offsetof(cloudabi_send_in_t, si_data_len) == 4, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || offsetof(cloudabi_send_in_t, si_data_len) == 8, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || offsetof(cloudabi_send_in_t, si_fds) == 8, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || offsetof(cloudabi_send_in_t, si_fds) == 16, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || offsetof(cloudabi_send_in_t, si_fds_len) == 12, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || offsetof(cloudabi_send_in_t, si_fds_len) == 24, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || offsetof(cloudabi_send_in_t, si_flags) == 16, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || offsetof(cloudabi_send_in_t, si_flags) == 32, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || sizeof(cloudabi_send_in_t) == 20, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || sizeof(cloudabi_send_in_t) == 40, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || _Alignof(cloudabi_send_in_t) == 4, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || _Alignof(cloudabi_send_in_t) == 8, "Incorrect layout");

/** Output of cloudabi_sys_sock_send(). */
typedef struct {
	/** How many bytes were sent. */
	size_t so_datalen;
} cloudabi_send_out_t;
_Static_assert(offsetof(cloudabi_send_out_t, so_datalen) == 0, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || sizeof(cloudabi_send_out_t) == 4, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || sizeof(cloudabi_send_out_t) == 8, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || _Alignof(cloudabi_send_out_t) == 4, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || _Alignof(cloudabi_send_out_t) == 8, "Incorrect layout");

/** A request to be notified of an event. */
typedef struct {
	/**
	 * Caller-chosen value that the kernel keeps with the
	 * subscription and hands back in cloudabi_event_t::userdata.
	 */
	_Alignas(8) cloudabi_userdata_t userdata;
	/** Left over from older implementations; ignored. */
	_Alignas(2) uint16_t unused;
	/**
	 * Kind of event to subscribe to.
	 *
	 * At present, a subscription of type CLOUDABI_EVENTTYPE_CONDVAR,
	 * CLOUDABI_EVENTTYPE_LOCK_RDLOCK or CLOUDABI_EVENTTYPE_LOCK_WRLOCK has to come
	 * first, and at most one further subscription may follow it,
	 * which must be of type CLOUDABI_EVENTTYPE_CLOCK.
	 */
	cloudabi_eventtype_t type;
	union {
		/** Used when type is CLOUDABI_EVENTTYPE_CLOCK. */
		struct {
			/**
			 * Unique identifier of the clock, chosen
			 * by the user.
			 */
			_Alignas(8) cloudabi_userdata_t identifier;
			/**
			 * Clock whose value the timestamp is
			 * compared with.
			 */
			_Alignas(4) cloudabi_clockid_t clock_id;
			/**
			 * Timestamp, either absolute or
			 * relative.
			 */
			_Alignas(8) cloudabi_timestamp_t timeout;
			/**
			 * Extra time the kernel is allowed to
			 * wait so that it can merge this wakeup
			 * with other events.
			 */
			_Alignas(8) cloudabi_timestamp_t precision;
			/**
			 * Flags telling whether the timeout is
			 * absolute or relative.
			 */
			_Alignas(2) cloudabi_subclockflags_t flags;
		} clock;
		/** Used when type is CLOUDABI_EVENTTYPE_CONDVAR. */
		struct {
			/**
			 * Condition variable to wait on until
			 * woken.
			 */
			_Atomic(cloudabi_condvar_t) *condvar;
			/**
			 * Lock that is released for the duration
			 * of the wait.
			 *
			 * Once the condition variable fires, the
			 * lock is acquired again for writing.
			 */
			_Atomic(cloudabi_lock_t) *lock;
			/**
			 * Tells whether the condition variable
			 * lives in private or shared memory.
			 */
			cloudabi_scope_t condvar_scope;
			/**
			 * Tells whether the lock lives in
			 * private or shared memory.
			 */
			cloudabi_scope_t lock_scope;
		} condvar;
		/**
		 * Used when type is one of:
		 * - CLOUDABI_EVENTTYPE_FD_READ
		 * - CLOUDABI_EVENTTYPE_FD_WRITE
		 */
		struct {
			/**
			 * File descriptor to wait on until it is
			 * ready for reading or writing.
			 */
			_Alignas(4) cloudabi_fd_t fd;
			/**
			 * Conditions under which the event
			 * fires.
			 */
			_Alignas(2) cloudabi_subrwflags_t flags;
		} fd_readwrite;
		/**
		 * Used when type is one of:
		 * - CLOUDABI_EVENTTYPE_LOCK_RDLOCK
		 * - CLOUDABI_EVENTTYPE_LOCK_WRLOCK
		 */
		struct {
			/**
			 * Lock to acquire, either for reading or
			 * for writing.
			 */
			_Atomic(cloudabi_lock_t) *lock;
			/**
			 * Tells whether the lock lives in
			 * private or shared memory.
			 */
			cloudabi_scope_t lock_scope;
		} lock;
		/** Used when type is CLOUDABI_EVENTTYPE_PROC_TERMINATE. */
		struct {
			/**
			 * Process descriptor to wait on until
			 * the process terminates.
			 */
			_Alignas(4) cloudabi_fd_t fd;
		} proc_terminate;
	};
} cloudabi_subscription_t;
_Static_assert(offsetof(cloudabi_subscription_t, userdata) == 0, "Incorrect layout");
_Static_assert(offsetof(cloudabi_subscription_t, unused) == 8, "Incorrect layout");
_Static_assert(offsetof(cloudabi_subscription_t, type) == 10, "Incorrect layout");
_Static_assert(offsetof(cloudabi_subscription_t, clock.identifier) == 16, "Incorrect layout");
_Static_assert(offsetof(cloudabi_subscription_t, clock.clock_id) == 24, "Incorrect layout");
_Static_assert(offsetof(cloudabi_subscription_t, clock.timeout) == 32, "Incorrect layout");
_Static_assert(offsetof(cloudabi_subscription_t, clock.precision) == 40, "Incorrect layout");
_Static_assert(offsetof(cloudabi_subscription_t, clock.flags) == 48, "Incorrect layout");
_Static_assert(offsetof(cloudabi_subscription_t, condvar.condvar) == 16, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || offsetof(cloudabi_subscription_t, condvar.lock) == 20, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || offsetof(cloudabi_subscription_t, condvar.lock) == 24, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || offsetof(cloudabi_subscription_t, condvar.condvar_scope) == 24, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || offsetof(cloudabi_subscription_t, condvar.condvar_scope) == 32, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || offsetof(cloudabi_subscription_t, condvar.lock_scope) == 25, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || offsetof(cloudabi_subscription_t, condvar.lock_scope) == 33, "Incorrect layout");
_Static_assert(offsetof(cloudabi_subscription_t, fd_readwrite.fd) == 16, "Incorrect layout");
_Static_assert(offsetof(cloudabi_subscription_t, fd_readwrite.flags) == 20, "Incorrect layout");
_Static_assert(offsetof(cloudabi_subscription_t, lock.lock) == 16, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || offsetof(cloudabi_subscription_t, lock.lock_scope) == 20, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || offsetof(cloudabi_subscription_t, lock.lock_scope) == 24, "Incorrect layout");
_Static_assert(offsetof(cloudabi_subscription_t, proc_terminate.fd) == 16, "Incorrect layout");
_Static_assert(sizeof(cloudabi_subscription_t) == 56, "Incorrect layout");
_Static_assert(_Alignof(cloudabi_subscription_t) == 8, "Incorrect layout");

/**
 * Thread Control Block (TCB).
 *
 * When a thread starts running, either at program startup or after
 * creation through cloudabi_sys_thread_create(), the CPU registers that control
 * Thread-Local Storage (TLS) are already set up. They point at a region
 * that holds nothing but the TCB.
 *
 * A thread that needs room for its own thread-specific variables may
 * allocate a bigger region and point the CPU registers at it instead,
 * provided it copies the TCB into the new TLS region.
 *
 * The TCB exists so that light-weight emulators have a place to keep
 * per-thread data. An emulator could, for instance, save the CPU
 * registers there before emulation starts, so that the host system's TLS
 * can be restored later on.
 */
typedef struct {
	/**
	 * Pointer the system may set to anything. The application must
	 * not attach any meaning to its value.
	 */
	void *parent;
} cloudabi_tcb_t;
_Static_assert(offsetof(cloudabi_tcb_t, parent) == 0, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || sizeof(cloudabi_tcb_t) == 4, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || sizeof(cloudabi_tcb_t) == 8, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || _Alignof(cloudabi_tcb_t) == 4, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || _Alignof(cloudabi_tcb_t) == 8, "Incorrect layout");

/**
 * Entry point of a thread started in addition to the initial one.
 *
 * @param tid
 *     ID of the thread that is running this function.
 * @param aux
 *     The value that was supplied through
 *     cloudabi_threadattr_t::argument.
 */
typedef void cloudabi_threadentry_t(cloudabi_tid_t tid, void *aux);

/** Attributes used when creating a thread. */
typedef struct {
	/** Program counter value the thread starts at. */
	cloudabi_threadentry_t *entry_point;
	/** Memory region to be used as the thread's stack. */
	void *stack;
	size_t stack_len;
	/** Value handed to the entry point function as its argument. */
	void *argument;
} cloudabi_threadattr_t;
_Static_assert(offsetof(cloudabi_threadattr_t, entry_point) == 0, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || offsetof(cloudabi_threadattr_t, stack) == 4, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || offsetof(cloudabi_threadattr_t, stack) == 8, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || offsetof(cloudabi_threadattr_t, stack_len) == 8, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || offsetof(cloudabi_threadattr_t, stack_len) == 16, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || offsetof(cloudabi_threadattr_t, argument) == 12, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || offsetof(cloudabi_threadattr_t, argument) == 24, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || sizeof(cloudabi_threadattr_t) == 16, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || sizeof(cloudabi_threadattr_t) == 32, "Incorrect layout");
_Static_assert(sizeof(void *) != 4 || _Alignof(cloudabi_threadattr_t) == 4, "Incorrect layout");
_Static_assert(sizeof(void *) != 8 || _Alignof(cloudabi_threadattr_t) == 8, "Incorrect layout");

#ifdef __cplusplus
}
#endif

#endif /* CLOUDABI_TYPES_H */
