import ArgumentParser
import Foundation
import Planning
import Reporting

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge the shard files of an explore study or of a portfolio plan into the document one machine would write.",
        discussion: """
        Reads every DIR/shard-I-of-N.json written by capsim explore --shard I/N --out DIR (or by capsim portfolio \
        plan --shard I/N --out DIR) and writes with --json exactly the bytes that capsim explore --json (or capsim \
        portfolio plan --json) writes on one machine with the same options, with the same summary. An explore study \
        is rebuilt from the scenario text and options its shards record; a portfolio's member plans are consolidated \
        per agency in member order. Exit 66 naming every missing shard file, 65 when the files are of different \
        studies, portfolios or shard counts, 2 (document written) when the robust plan, or some member's plan, cannot \
        meet the targets within the bounds.
        """)

    @Argument(help: "Folder of the shard files.")
    var directory: String
    @OptionGroup var output: JSONOutput

    func run() throws {
        try Failures.guarded {
            let started = Date()
            switch try ShardFolder.kind(directory) {
            case .explore:
                let merged = try ExploreMerge.load(directory: directory)
                let analysis = ExploreAnalysis(study: merged.study, results: merged.results)
                try output.emit(ExploreDocument.json(merged.study, analysis))
                output.human(ExploreSummary.text(merged.study, analysis)
                             + "\(merged.results.count) plans merged from \(merged.shards) shard file(s) of study \(merged.hash) in "
                             + "\(NumberFormat.fixed(Date().timeIntervalSince(started), 1)) s\n")
                if !analysis.robust.feasible { throw ExitCode(2) }
            case .portfolioPlan:
                let merged = try PortfolioMerge.load(directory: directory)
                try output.emit(PortfolioDocument.json(merged.plan))
                output.human(PortfolioDocument.summary(merged.plan)
                             + "\(merged.plan.members.count) member plans merged from \(merged.shards) shard file(s) of portfolio \(merged.hash) in "
                             + "\(NumberFormat.fixed(Date().timeIntervalSince(started), 1)) s\n")
                if !merged.plan.feasible { throw ExitCode(2) }
            }
        }
    }
}
