import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The temporary files that `AtomicFile` is writing, so that an interrupted command can remove them before it exits.
///
/// A temporary file is created and registered, and later renamed and unregistered, under one lock; an interruption
/// takes the lock for good (`removeAllForExit`), so every temporary file either was renamed into place complete
/// before it (and is kept) or is removed, and no new one is created after it.
public final class TemporaryFiles: @unchecked Sendable {
    /// The registry of this process, which `AtomicFile` uses.
    public static let shared = TemporaryFiles()

    private let lock = NSLock()
    private var paths: Set<String> = []

    public init() {}

    /// Creates the empty temporary file `path` and registers it; false when it cannot be created.
    public func create(_ path: String) -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard FileManager.default.createFile(atPath: path, contents: nil) else { return false }
        paths.insert(path)
        return true
    }

    /// Renames the temporary file `path` to `destination` (replacing it atomically) and unregisters it; on failure
    /// removes it and returns the reason.
    public func commit(_ path: String, to destination: String) -> String? {
        lock.lock(); defer { lock.unlock() }
        paths.remove(path)
        guard rename(path, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(path)
            return reason
        }
        return nil
    }

    /// Removes the temporary file `path` and unregisters it.
    public func discard(_ path: String) {
        lock.lock(); defer { lock.unlock() }
        paths.remove(path)
        unlink(path)
    }

    /// The temporary files now registered.
    public var inFlight: Set<String> {
        lock.lock(); defer { lock.unlock() }
        return paths
    }

    /// Removes every registered temporary file and keeps the lock, so that no temporary file is created or renamed
    /// afterwards. For a process about to exit (after SIGINT or SIGTERM); never call it on `shared` from a thread
    /// that may be writing a file.
    public func removeAllForExit() {
        lock.lock()
        for path in paths { unlink(path) }
        paths.removeAll()
    }
}
