//! Which threads a batch runs on: rayon's global pool, a pool of the size the caller asked
//! for (`n_threads=`), or the calling thread alone.
//!
//! Fork safety: a process that forks after rayon started its pool (multiprocessing, Spark
//! executors) gets a child with the pool's bookkeeping but none of its threads, and the first
//! parallel call there would wait forever. A `pthread_atfork` child handler marks the child,
//! and batches in a marked process run on the calling thread. `COPYDESK_PARALLELISM=false`
//! forces the same anywhere; `=true` overrides the fork guard for users who know better.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use rayon::{ThreadPool, ThreadPoolBuilder};

use crate::Error;

/// Set in a forked child (see the module comment).
static FORKED: AtomicBool = AtomicBool::new(false);

extern "C" fn mark_forked_child() {
    FORKED.store(true, Ordering::SeqCst);
}

/// Installs the fork handler once per process.
pub fn install_fork_guard() {
    static ONCE: OnceLock<()> = OnceLock::new();
    ONCE.get_or_init(|| {
        // SAFETY: `pthread_atfork` only records the three function pointers; the child handler
        // is an `extern "C"` function that performs one atomic store, which is async-signal-safe
        // and allowed in a freshly forked child.
        unsafe {
            libc::pthread_atfork(None, None, Some(mark_forked_child));
        }
    });
}

/// Where a batch runs.
pub enum Workers {
    /// On the calling thread, in order.
    Sequential,
    /// On rayon's global pool (sized by `RAYON_NUM_THREADS`, default all cores).
    Global,
    /// On a dedicated pool of that many threads.
    Pool(Arc<ThreadPool>),
}

/// The most threads a batch may ask for. Past the cores there is nothing to gain, and a pool
/// is built once per size and kept: `n_threads=10**6` spawned a million threads and hung.
pub const MAX_THREADS: usize = 1024;

impl Workers {
    /// Resolves `n_threads=` (None: all cores) under the fork guard and the environment.
    pub fn for_request(n_threads: Option<usize>) -> Result<Workers, Error> {
        if matches!(n_threads, Some(n) if n == 0 || n > MAX_THREADS) {
            return Err(Error::option(
                "n_threads",
                format!("must be 1 to {MAX_THREADS}, or None for all cores"),
            ));
        }
        if !parallelism_allowed() || n_threads == Some(1) {
            return Ok(Workers::Sequential);
        }
        match n_threads {
            None => Ok(Workers::Global),
            Some(n) => Ok(Workers::Pool(pool_of_size(n)?)),
        }
    }

    /// Runs `work` inside this pool (or directly when sequential or global).
    pub fn install<R: Send>(&self, work: impl FnOnce() -> R + Send) -> R {
        match self {
            Workers::Pool(pool) => pool.install(work),
            Workers::Sequential | Workers::Global => work(),
        }
    }

    /// True when rows should be processed with rayon: not for a single thread, where
    /// rayon's dispatch would only add cost.
    pub fn is_parallel(&self) -> bool {
        match self {
            Workers::Sequential => false,
            Workers::Global => rayon::current_num_threads() > 1,
            Workers::Pool(pool) => pool.current_num_threads() > 1,
        }
    }
}

fn parallelism_allowed() -> bool {
    match std::env::var("COPYDESK_PARALLELISM")
        .ok()
        .as_deref()
        .map(str::to_ascii_lowercase)
    {
        Some(v) if matches!(v.as_str(), "0" | "false" | "no" | "off") => false,
        Some(v) if matches!(v.as_str(), "1" | "true" | "yes" | "on") => true,
        _ => !FORKED.load(Ordering::SeqCst),
    }
}

/// Pools are built once per size and kept: building one costs a thread spawn per worker.
fn pool_of_size(n: usize) -> Result<Arc<ThreadPool>, Error> {
    static POOLS: OnceLock<Mutex<HashMap<usize, Arc<ThreadPool>>>> = OnceLock::new();
    let mut pools = POOLS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|p| p.into_inner());
    if let Some(pool) = pools.get(&n) {
        return Ok(pool.clone());
    }
    let pool = ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("copydesk-{i}"))
        .build()
        .map_err(|e| Error::Internal(format!("cannot start {n} threads: {e}")))?;
    let pool = Arc::new(pool);
    pools.insert(n, pool.clone());
    Ok(pool)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thread_counts_out_of_range_are_option_errors() {
        for n in [0, MAX_THREADS + 1, usize::MAX] {
            let err = Workers::for_request(Some(n)).err().expect("an error");
            assert!(
                err.to_string().contains("n_threads: must be 1 to 1024"),
                "{err}"
            );
        }
        assert!(Workers::for_request(Some(2)).is_ok());
    }

    /// The `pthread_atfork` call itself, which Miri runs (it registers the handler and never
    /// calls it): installing twice is fine and marks nothing.
    #[test]
    fn installing_the_fork_guard_marks_nothing() {
        install_fork_guard();
        install_fork_guard();
        assert!(!FORKED.load(Ordering::SeqCst));
    }

    /// The child handler marks a forked child, and only the child. Miri cannot run it: it
    /// does not support `fork` (FUZZING.md, "Unsafe code").
    #[test]
    #[cfg_attr(miri, ignore = "FFI: Miri cannot fork")]
    fn fork_guard_marks_the_child_only() {
        install_fork_guard();
        install_fork_guard(); // installs once per process, however often called
                              // SAFETY: the child of this multi-threaded process runs only async-signal-safe code
                              // (the handler's atomic store, an atomic load, `_exit`) and never returns into the
                              // test harness; the parent reaps it below.
        let pid = unsafe { libc::fork() };
        assert!(pid >= 0, "fork failed");
        if pid == 0 {
            let code = if FORKED.load(Ordering::SeqCst) { 0 } else { 1 };
            // SAFETY: `_exit` ends the child without running the parent's atexit handlers or
            // unwinding through the harness's stack.
            unsafe { libc::_exit(code) };
        }
        let mut status = 0;
        // SAFETY: `pid` is our own child and `status` a live, writable int.
        let reaped = unsafe { libc::waitpid(pid, &mut status, 0) };
        assert_eq!(reaped, pid, "waitpid failed");
        assert!(libc::WIFEXITED(status), "the child did not exit");
        assert_eq!(
            libc::WEXITSTATUS(status),
            0,
            "the child was not marked as forked"
        );
        assert!(
            !FORKED.load(Ordering::SeqCst),
            "the parent was marked as forked"
        );
    }
}
