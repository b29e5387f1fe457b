import Foundation
import Yams

/// Collects every scalar of a scenario file with its path, line and comment.
enum InputRegister {
    static func collect(root: Node, text: String) -> [ScenarioInput] {
        let comments = LineComments(text: text)
        var inputs: [ScenarioInput] = []
        func add(_ path: String, _ value: String, _ mark: Mark?) {
            let line = mark?.line ?? 1
            inputs.append(ScenarioInput(path: path, value: value, line: line, comment: comments.comment(forLine: line)))
        }
        func walk(_ node: Node, _ path: String) {
            switch node {
            case .scalar(let s):
                add(path, s.string, s.mark)
            case .mapping(let m):
                for (key, value) in NodeReader.mergedPairs(m) {
                    let name = key.scalar?.string ?? "?"
                    walk(value, path.isEmpty ? name : "\(path).\(name)")
                }
            case .sequence(let seq):
                let items = Array(seq)
                if !items.isEmpty, items.allSatisfy({ $0.scalar != nil }) {
                    add(path, "[" + items.map { $0.scalar!.string }.joined(separator: ", ") + "]", seq.mark)
                } else {
                    for (index, item) in items.enumerated() {
                        if let id = NodeReader.peekID(item) {
                            walk(item, "\(path).\(id)")
                        } else {
                            walk(item, "\(path)[\(index)]")
                        }
                    }
                }
            case .alias:
                break
            }
        }
        walk(root, "")
        return inputs
    }
}

/// The `#` comments of a YAML text, line by line.
struct LineComments {
    /// Trailing (or whole-line) comment text of each line, 0-based; nil when the line has none.
    private var trailing: [String?] = []
    /// Whether each line holds nothing but a comment.
    private var commentOnly: [Bool] = []

    init(text: String) {
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            let comment = Self.comment(in: line)
            trailing.append(comment.flatMap { $0.isEmpty ? nil : $0 })
            commentOnly.append(line.trimmingCharacters(in: .whitespaces).hasPrefix("#"))
        }
    }

    /// The comment trailing `line` (1-based) or, if none, the comment lines directly above it, joined by spaces.
    func comment(forLine line: Int) -> String? {
        let index = line - 1
        guard index >= 0, index < trailing.count else { return nil }
        if !commentOnly[index], let text = trailing[index] { return text }
        var above: [String] = []
        var i = index - 1
        while i >= 0, commentOnly[i] {
            if let text = trailing[i] { above.append(text) }
            i -= 1
        }
        return above.isEmpty ? nil : above.reversed().joined(separator: " ")
    }

    /// The text after a `#` that starts a comment (at the line start or after whitespace, outside quotes).
    static func comment(in line: String) -> String? {
        let chars = Array(line)
        var inSingle = false, inDouble = false
        var i = 0
        while i < chars.count {
            let c = chars[i]
            let previous: Character? = i > 0 ? chars[i - 1] : nil
            if inDouble {
                if c == "\\" { i += 1 } else if c == "\"" { inDouble = false }
            } else if inSingle {
                if c == "'" {
                    if i + 1 < chars.count, chars[i + 1] == "'" { i += 1 } else { inSingle = false }
                }
            } else {
                let opensScalar = previous == nil || previous == " " || previous == "\t" || previous == "["
                    || previous == "{" || previous == ","
                if c == "#", previous == nil || previous == " " || previous == "\t" {
                    return String(chars[(i + 1)...]).trimmingCharacters(in: .whitespaces)
                } else if c == "\"", opensScalar {
                    inDouble = true
                } else if c == "'", opensScalar {
                    inSingle = true
                }
            }
            i += 1
        }
        return nil
    }
}
