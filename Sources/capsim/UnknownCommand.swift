import ArgumentParser
import Foundation
import Scenario

/// A first argument that is neither a command, an option nor an existing file is a mistyped command, not a scenario
/// file for the default `plan`: `capsim siz x.yaml` stops with exit 64 "unknown command 'siz'; did you mean 'size'?".
/// A first argument that looks like a path (it has a '/' or a '.') stays a scenario file, so a missing one is still
/// reported as missing (66).
enum UnknownCommand {
    /// The message for `arguments` (without the program name), or nil when the first one is fine.
    static func problem(_ arguments: [String], commands: [String], fileExists: (String) -> Bool) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !commands.contains(first), first != "help",
              !first.contains("/"), !first.contains("."), !fileExists(first) else { return nil }
        var message = "unknown command '\(first)'"
        if let guess = suggestion(first, among: commands) { message += "; did you mean '\(guess)'?" }
        message += " (commands: \(commands.joined(separator: ", ")); a scenario file for the default plan must exist)"
        return message
    }

    /// The closest command within a small edit distance, if any.
    static func suggestion(_ word: String, among commands: [String]) -> String? {
        let limit = max(1, min(2, word.count / 2))
        let ranked = commands.map { ($0, EditDistance.between(word.lowercased(), $0)) }.filter { $0.1 <= limit }
        if let best = ranked.min(by: { $0.1 < $1.1 }) { return best.0 }
        // A prefix of a command ("repo" for "report") counts too.
        return word.count >= 2 ? commands.first { $0.hasPrefix(word.lowercased()) } : nil
    }
}

extension Capsim {
    /// The entry point: a mistyped command stops with exit 64 before ArgumentParser would take it for the default
    /// plan's scenario file; everything else is ArgumentParser's.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let commands = configuration.subcommands.map { $0._commandName }
        if let problem = UnknownCommand.problem(arguments, commands: commands, fileExists: { FileManager.default.fileExists(atPath: $0) }) {
            FileHandle.standardError.write(Data("capsim: error: \(problem)\n".utf8))
            Foundation.exit(64)
        }
        main(nil)
    }
}
