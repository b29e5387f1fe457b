import ArgumentParser
import Reporting

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema (draft 2020-12) of scenario files or of a document capsim writes.",
        discussion: "NAME is one of: \(DocumentSchemas.names.joined(separator: ", ")). The scenario schema lets editors with a YAML language server complete and check scenario files.")

    @Argument(help: ArgumentHelp("The schema to print.", valueName: "NAME")) var name: String

    func validate() throws {
        guard DocumentSchemas.names.contains(name) else {
            throw ValidationError("unknown schema '\(name)'; expected one of: \(DocumentSchemas.names.joined(separator: ", "))")
        }
    }

    func run() throws {
        Terminal.out(DocumentSchemas.schema(name)!.rendered())
    }
}
