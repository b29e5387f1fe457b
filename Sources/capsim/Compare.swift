import ArgumentParser
import Reporting

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show two results documents, or two plan documents, side by side with their differences.",
        discussion: """
        Results (capsim run --json): every statistic of A and B, the difference B − A and whether it is significant \
        at 95% (|B − A| > sqrt(h_A² + h_B²)), each target's verdict and the configuration. Plans (capsim plan \
        --json): every agency's cost per year and in total, the plan total and each resource's capacity per year. \
        The table lists what differs; --json writes every row.
        """)

    @Argument(help: "The first document (A).") var a: String
    @Argument(help: "The second document (B).") var b: String
    @OptionGroup var output: JSONOutput

    func run() throws {
        try Failures.guarded {
            let docA = try DocumentComparison.load(path: a)
            let docB = try DocumentComparison.load(path: b)
            let outcome = try DocumentComparison.compare(docA, docB, aPath: a, bPath: b)
            try output.emit(DocumentComparison.json(outcome, aPath: a, bPath: b))
            output.human(DocumentComparison.table(outcome, aPath: a, bPath: b))
        }
    }
}
