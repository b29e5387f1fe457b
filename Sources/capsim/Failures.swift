import ArgumentParser
import Foundation
import Planning
import Reporting
import Scenario

/// Maps typed failures to messages on stderr and sysexits statuses.
enum Failures {
    static func exit(for error: Error) -> ExitCode {
        switch error {
        case let e as ScenarioError:
            Terminal.error(e.description)
            switch e {
            case .fileUnreadable: return ExitCode(66)
            case .unknownPath: return ExitCode(64)
            case .invalid: return ExitCode(65)
            }
        case let e as BaselineDocument.Failure:
            Terminal.error(e.description)
            if case .unreadable = e { return ExitCode(66) }
            return ExitCode(65)
        case let e as ExploreStudy.Failure:
            // Located failures name their file already.
            Terminal.error(e.description.contains(": error: ") ? e.description : "capsim: error: \(e)")
            return ExitCode(65)
        case let e as UncertaintyView.Failure:
            Terminal.error(e.description)
            return ExitCode(65)
        case let e as ExploreMerge.Failure:
            Terminal.error(e.description)
            return ExitCode(e.exitStatus)
        case let e as SlurmSubmit.Failure:
            Terminal.error(e.description)
            return ExitCode(69)
        case let e as DocumentComparison.Failure:
            Terminal.error(e.description)
            return ExitCode(65)
        case let e as SettingLimitError:
            Terminal.error(e.description)
            return ExitCode(64)
        case let e as AtomicFile.Failure:
            Terminal.error(e.description)
            if case .cannotCreate = e { return ExitCode(73) }
            return ExitCode(74)
        default:
            Terminal.error("capsim: error: \(error)")
            return ExitCode(70)
        }
    }

    /// Runs `body`, turning failures into an exit status; SIGINT and SIGTERM stop it cleanly (`Interruption`).
    static func guarded(_ body: () throws -> Void) throws {
        Interruption.install()
        do { try body() } catch let e as ExitCode { throw e } catch let e as CleanExit { throw e } catch let e as ValidationError {
            throw e
        } catch {
            throw exit(for: error)
        }
    }
}

/// Where `--json` output goes.
struct JSONOutput: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Write the results document as JSON to PATH ('-' = stdout).", valueName: "PATH"))
    var json: String?

    /// True when JSON goes to stdout, so human output must go to stderr.
    var toStdout: Bool { json == "-" }

    func emit(_ value: JSONValue) throws {
        guard let path = json else { return }
        if path == "-" { Terminal.out(value.rendered()) } else { try AtomicFile.write(value.rendered(), to: path) }
    }

    func human(_ text: String) {
        if toStdout { Terminal.error(text) } else { Terminal.out(text) }
    }
}
