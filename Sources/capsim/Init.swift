import ArgumentParser
import Foundation
import Reporting
import Scenario

extension ScenarioTemplate: ExpressibleByArgument {}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a commented starter scenario that validates and plans.",
        discussion: """
        Templates: minimal (one service on one pool), province (a merged province's enrolment portal, one-stop system \
        and LGSP; buys servers, bandwidth and storage) and national (VNeID, e-authentication and NPD at NDC1 with bank \
        verification). Every value carries its unit and a comment saying where it comes from. FILE is never \
        overwritten: exit 73 when it exists.
        """)

    @Argument(help: "The scenario file to create (YAML); it must not exist.")
    var file: String
    @Option(help: ArgumentHelp("What to start from: minimal, province or national.", valueName: "template"))
    var template: ScenarioTemplate = .minimal

    func run() throws {
        try Failures.guarded {
            if FileManager.default.fileExists(atPath: file) {
                throw AtomicFile.Failure.cannotCreate(path: file, reason: "'\(file)' exists; capsim init never overwrites a file: choose another name or remove it")
            }
            try AtomicFile.write(template.text, to: file)
            Terminal.out("""
            wrote \(file) (template \(template.rawValue))
            next steps:
              capsim validate \(file)                 # check it; every problem is located (FILE:LINE:COLUMN)
              capsim plan \(file)                     # what to buy, per agency and year, with costs
              capsim report \(file) --out report      # the investment proposal: report/index.html (--lang vi for Vietnamese)

            """)
        }
    }
}
