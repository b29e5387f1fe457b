import Foundation

/// Reads the text of a scenario file: at most `DocumentLimits.maxBytes` bytes are read (a device such as
/// /dev/zero or an endless pipe cannot exhaust memory), and bytes that are not UTF-8 are a located error at the
/// first bad byte.
enum ScenarioText {
    /// The text of the file at `path`, without a leading byte-order mark.
    ///
    /// - Throws: `ScenarioError.fileUnreadable` when the file is missing, a directory or unreadable;
    ///   `ScenarioError.invalid` when it is too large or not UTF-8.
    static func read(path: String, limits: DocumentLimits = .standard) throws -> String {
        let data: Data
        do {
            data = try bytes(atPath: path, maxBytes: limits.maxBytes)
        } catch .tooLarge {
            throw ScenarioError.invalid([DocumentGuard.sizeProblem(bytes: limits.maxBytes + 1, path: path, limits: limits)!])
        } catch {
            throw ScenarioError.fileUnreadable(path: path, reason: error.reason)
        }
        return try decode(data, path: path)
    }

    /// Why a file could not be read.
    enum ReadProblem: Error {
        case missing, directory, unreadable(String), tooLarge

        /// Why, in words.
        var reason: String {
            switch self {
            case .missing: return "no such file"
            case .directory: return "it is a directory; expected a file"
            case .unreadable(let why): return why
            case .tooLarge: return "it is too large"
            }
        }
    }

    /// At most `maxBytes` bytes of the file at `path`; `tooLarge` when it has more.
    static func bytes(atPath path: String, maxBytes: Int) throws(ReadProblem) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .missing }
        if isDirectory.boolValue { throw .directory }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable("permission denied") }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maxBytes + 1) ?? Data()
        } catch {
            throw .unreadable("read error: \(error.localizedDescription)")
        }
        if data.count > maxBytes { throw .tooLarge }
        return data
    }

    /// `data` as UTF-8 text without a leading byte-order mark.
    ///
    /// - Throws: `ScenarioError.invalid` located at the first byte that is not part of a UTF-8 character.
    static func decode(_ data: Data, path: String) throws -> String {
        var bytes = data.makeIterator()
        var decoder = UTF8()
        var line = 1, column = 1
        var offset = 0  // bytes of the characters decoded so far
        decoding: while true {
            switch decoder.decode(&bytes) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                break decoding
            case .error:
                let byte = data[data.startIndex + offset]
                throw ScenarioError.invalid([Diagnostic(file: path, line: line, column: column,
                    message: "the scenario file is not UTF-8 text: byte 0x\(String(byte, radix: 16, uppercase: true)) at line \(line), column \(column) is not part of a UTF-8 character; expected UTF-8 (save the file as UTF-8)")])
            }
        }
        var text = String(decoding: data, as: UTF8.self)
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        return text
    }
}
