import ArgumentParser
import Foundation
import Planning
import Reporting

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge the shard files of an explore study into the document and summary explore would write.",
        discussion: """
        Reads every DIR/shard-I-of-N.json written by capsim explore --shard I/N --out DIR, rebuilds the study from \
        the scenario text and options they record, and writes with --json exactly the bytes that capsim explore \
        --json writes on one machine. Exit 66 naming every missing shard file, 65 when the files are of different \
        studies or shard counts, 2 (document written) when the robust plan cannot meet the targets within the bounds.
        """)

    @Argument(help: "Folder of the shard files.")
    var directory: String
    @OptionGroup var output: JSONOutput

    func run() throws {
        try Failures.guarded {
            let started = Date()
            let merged = try ExploreMerge.load(directory: directory)
            let analysis = ExploreAnalysis(study: merged.study, results: merged.results)
            try output.emit(ExploreDocument.json(merged.study, analysis))
            output.human(ExploreSummary.text(merged.study, analysis)
                         + "\(merged.results.count) plans merged from \(merged.shards) shard file(s) of study \(merged.hash) in "
                         + "\(NumberFormat.fixed(Date().timeIntervalSince(started), 1)) s\n")
            if !analysis.robust.feasible { throw ExitCode(2) }
        }
    }
}
