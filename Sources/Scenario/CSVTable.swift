import Foundation

/// A UTF-8 CSV table with a header row (RFC 4180: comma-separated, fields with commas, quotes or line breaks in
/// double quotes, quotes doubled), read into rows of named cells. A leading byte-order mark is ignored.
public struct CSVTable: Sendable, Equatable {
    public var header: [String]
    /// Data rows, each with one cell per header column.
    public var rows: [[String]]
    /// The line (from 1) each data row starts on, for error messages.
    public var lines: [Int]

    /// Why a text is not a table.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// The cells of data row `i` by column name.
    public func row(_ i: Int) -> [String: String] { Dictionary(zip(header, rows[i]), uniquingKeysWith: { a, _ in a }) }

    public init(text: String) throws(Failure) {
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var fieldWasQuoted = false
        var chars = Array(text.unicodeScalars)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) { records.append((recordLine, fields)) }
            fields = []
            field = ""
            fieldWasQuoted = false
        }
        while i < chars.count {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { field.unicodeScalars.append("\""); i += 1 } else { inQuotes = false }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
            } else {
                switch c {
                case "\"":
                    guard field.isEmpty else { throw Failure(line: line, message: "a quote inside an unquoted field; quote the whole field and double the quote") }
                    inQuotes = true
                    fieldWasQuoted = true
                case ",":
                    fields.append(field)
                    field = ""
                    fieldWasQuoted = false
                case "\r":
                    break
                case "\n":
                    endRecord()
                    line += 1
                    recordLine = line
                default:
                    field.unicodeScalars.append(c)
                }
            }
            i += 1
        }
        if inQuotes { throw Failure(line: recordLine, message: "a quoted field is not closed") }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        guard let first = records.first else { throw Failure(line: 1, message: "the table is empty; expected a header row") }
        let names = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        if let empty = names.firstIndex(where: \.isEmpty) {
            throw Failure(line: first.line, message: "column \(empty + 1) of the header has no name")
        }
        if Set(names).count != names.count {
            let dup = names.first { name in names.filter { $0 == name }.count > 1 }!
            throw Failure(line: first.line, message: "column '\(dup)' appears twice in the header")
        }
        var data: [[String]] = []
        var starts: [Int] = []
        for r in records.dropFirst() {
            guard r.fields.count == names.count else {
                throw Failure(line: r.line, message: "\(r.fields.count) cells; expected \(names.count), one per header column")
            }
            data.append(r.fields)
            starts.append(r.line)
        }
        header = names
        rows = data
        lines = starts
    }
}
