import Foundation

/// Standard streams of the command line.
enum Terminal {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    /// A progress callback that redraws one line on stderr when it is a terminal, with the time left estimated
    /// from the pace so far.
    static func progressWithETA(_ label: String, total: Int) -> (@Sendable (Int) -> Void)? {
        guard stderrIsTerminal else { return nil }
        let started = Date()
        return { done in
            let elapsed = Date().timeIntervalSince(started)
            var text = "\r\(label): \(done)/\(total)"
            if done > 0, done < total {
                let left = Int((elapsed / Double(done) * Double(total - done)).rounded())
                text += ", about \(left / 60) min \(left % 60) s left"
            }
            text += "\u{1B}[K" + (done == total ? "\r\u{1B}[K" : "")
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    /// A progress callback that redraws one line on stderr when it is a terminal.
    static func progress(_ label: String, total: Int) -> (@Sendable (Int) -> Void)? {
        guard stderrIsTerminal else { return nil }
        return { done in
            let end = done == total ? "\r\u{1B}[K" : ""
            FileHandle.standardError.write(Data("\r\(label): \(done)/\(total)\u{1B}[K\(end)".utf8))
        }
    }
}
