import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Reporting

/// Stops a command cleanly on SIGINT (Ctrl-C) or SIGTERM: removes the temporary files being written (files written
/// completely before the signal are kept), prints one line on stderr and exits with 128 + the signal number
/// (130 for SIGINT, 143 for SIGTERM).
///
/// Both signals are blocked in the calling thread, so in every thread started after it (the replication workers),
/// and one thread waits for them with `sigwait`: the cleanup runs on an ordinary thread, not in a signal handler,
/// while the simulation threads simply stop when the process exits.
enum Interruption {
    nonisolated(unsafe) private static var installed = false

    /// Installs the watcher (once). Call on the main thread before any other thread is started.
    static func install() {
        guard !installed else { return }
        installed = true
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in [SIGINT, SIGTERM] where !isIgnored(signal) { sigaddset(&signals, signal) }
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        let watched = signals
        let watcher = Thread {
            var received: Int32 = 0
            var wanted = watched
            while sigwait(&wanted, &received) != 0 {}
            TemporaryFiles.shared.removeAllForExit()
            let name = received == SIGINT ? "SIGINT" : "SIGTERM"
            let clear = isatty(2) == 1 ? "\r\u{1B}[K" : ""
            let line = "\(clear)capsim: interrupted by \(name); stopped, temporary files removed\n"
            _ = line.withCString { write(2, $0, strlen($0)) }
            _exit(128 + received)
        }
        watcher.name = "capsim signal watcher"
        watcher.start()
    }

    /// True when `signal` is ignored, as a shell leaves SIGINT for a background job: it stays ignored.
    static func isIgnored(_ signal: Int32) -> Bool {
        #if canImport(Glibc)
        let previous = Glibc.signal(signal, SIG_IGN)
        _ = Glibc.signal(signal, previous)
        #else
        let previous = Darwin.signal(signal, SIG_IGN)
        _ = Darwin.signal(signal, previous)
        #endif
        return unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }
}
