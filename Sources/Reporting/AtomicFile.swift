import Foundation

/// Writes output files atomically: the content goes to a temporary file in the same folder,
/// which is then renamed over the destination, so a failed command leaves no partial file. Temporary files are
/// registered in `TemporaryFiles`, so an interrupted command removes them too.
public enum AtomicFile {
    public enum Failure: Error, CustomStringConvertible {
        /// The file or its folder cannot be created (sysexits 73).
        case cannotCreate(path: String, reason: String)
        /// Writing or renaming failed (sysexits 74).
        case cannotWrite(path: String, reason: String)
        public var description: String {
            switch self {
            case .cannotCreate(let p, let r): return "\(p): error: cannot create output file: \(r)"
            case .cannotWrite(let p, let r): return "\(p): error: cannot write output file: \(r)"
            }
        }
    }

    /// Writes `text` (UTF-8) to `path` atomically.
    public static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else {
            throw Failure.cannotCreate(path: path, reason: "folder '\(dir.path)' does not exist")
        }
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        guard TemporaryFiles.shared.create(temp.path) else {
            throw Failure.cannotCreate(path: path, reason: "folder '\(dir.path)' is not writable")
        }
        do {
            try Data(text.utf8).write(to: temp)
        } catch {
            TemporaryFiles.shared.discard(temp.path)
            throw Failure.cannotWrite(path: path, reason: error.localizedDescription)
        }
        // POSIX rename replaces an existing file atomically (FileManager.replaceItemAt does not on Linux).
        if let reason = TemporaryFiles.shared.commit(temp.path, to: url.path) {
            throw Failure.cannotWrite(path: path, reason: reason)
        }
    }
}
