#if canImport(Glibc)
import Glibc
#endif

/// The SQLite writer runs below request handling: before a write, its thread's nice
/// value is raised to the process's own plus ``lowering``.
///
/// GRDB writes on a dispatch queue, whose threads libdispatch starts at a priority of its
/// own choosing: run as root, kb's writer threads had nice -2 and -4, above the request
/// threads' 0. Waking every flush interval with a few thousand rows, the writer then
/// preempted the threads answering requests on the cores they were running on; on the
/// 2-core machine `make load` runs on, recording cost about 8 µs of kb's CPU a request
/// that way, against about 3 µs with the writer lowered (docs/analytics.md, "Measured").
/// At nice +5 the writer still gets about a quarter of a busy thread's share of the CPU,
/// many times what a few thousand rows a second take; if it ever fell behind, the queue
/// would fill and events be dropped and counted, as for any full queue.
///
/// The value is not put back after the write: without privilege a thread cannot lower
/// its nice value again. Whatever else runs on that thread later (GRDB's own queue work)
/// runs lowered too. Linux only: there a nice value belongs to a thread, and
/// `setpriority(PRIO_PROCESS, 0)` acts on the calling one. Elsewhere, or when the value
/// cannot be read or set, nothing changes.
enum WriterPriority {
    /// How much higher the writer's nice value is than the process's.
    static let lowering: Int32 = 5

    #if os(Linux)
    /// The nice value writes run at: the process's (its main thread's) plus ``lowering``,
    /// at most 19.
    static let target: Int32? = processNiceValue().map { min(19, $0 + lowering) }

    /// The process's nice value (its main thread's), or `nil` when it cannot be read.
    static func processNiceValue() -> Int32? {
        errno = 0
        let value = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(getpid()))
        return value == -1 && errno != 0 ? nil : value
    }
    #endif

    /// Raises the calling thread's nice value to the writers' one, if it is lower.
    static func lower() {
        #if os(Linux)
        guard let target, let now = niceValue(), now < target else { return }
        setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, target)
        #endif
    }

    /// The calling thread's nice value, or `nil` when it cannot be read (or off Linux).
    static func niceValue() -> Int32? {
        #if os(Linux)
        errno = 0
        let value = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
        return value == -1 && errno != 0 ? nil : value
        #else
        return nil
        #endif
    }
}
