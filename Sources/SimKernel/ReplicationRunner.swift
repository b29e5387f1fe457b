import Dispatch
import Foundation

/// Runs independent replications on up to `jobs` threads and returns their results in
/// replication order, so anything computed from them is the same whatever `jobs` is.
public enum ReplicationRunner {
    /// Runs `body(r)` for r in 0..<count on at most `jobs` threads.
    /// - Parameter progress: called (from worker threads, serialised) with the number finished.
    public static func run<R: Sendable>(
        count: Int, jobs: Int, progress: (@Sendable (Int) -> Void)? = nil,
        _ body: @Sendable (Int) -> R
    ) -> [R] {
        let box = ResultBox<R>(count: count)
        let workers = max(1, min(jobs, count))
        // Each thread takes the next index not yet taken: runs of unequal length (the plans of a study) keep every
        // thread busy until the list is done. Results are stored by index, so the order of work does not matter.
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let r = box.claim() {
                let value = body(r)
                let done = box.store(value, at: r)
                progress?(done)
            }
        }
        return box.values()
    }
}

/// Results written by worker threads under a lock.
private final class ResultBox<R: Sendable>: @unchecked Sendable {
    private var slots: [R?]
    private var finished = 0
    private var claimed = 0
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// The next index to run, or nil when every index is taken.
    func claim() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard claimed < slots.count else { return nil }
        claimed += 1
        return claimed - 1
    }

    func store(_ value: R, at index: Int) -> Int {
        lock.lock(); defer { lock.unlock() }
        slots[index] = value
        finished += 1
        return finished
    }

    func values() -> [R] {
        lock.lock(); defer { lock.unlock() }
        return slots.map { $0! }
    }
}
