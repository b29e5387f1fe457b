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
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var r = worker
            while r < count {
                let value = body(r)
                let done = box.store(value, at: r)
                progress?(done)
                r += workers
            }
        }
        return box.values()
    }
}

/// Results written by worker threads under a lock.
private final class ResultBox<R: Sendable>: @unchecked Sendable {
    private var slots: [R?]
    private var finished = 0
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

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
