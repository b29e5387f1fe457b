import Foundation
import Reporting
import Testing

@Suite("reading JSON back")
struct JSONParsingTests {
    @Test func aRenderedDocumentParsesBackToTheSameBytes() throws {
        let doc = JSONValue.object([
            ("b", .integer(3)), ("a", .number(0.1 + 0.2)), ("big", .number(1.25e20)), ("tiny", .number(1.5e-7)),
            ("s", .string("quote \" backslash \\ tab \t newline \n đồng ₫")), ("list", .array([.bool(true), .null, .array([])])),
            ("empty", .object([])), ("negative", .integer(-7)), ("fraction", .number(-2.5)),
        ])
        let text = doc.rendered()
        let back = try JSONValue.parse(text)
        #expect(back.rendered() == text)
        #expect(back.members?.map(\.0) == ["b", "a", "big", "tiny", "s", "list", "empty", "negative", "fraction"])
        #expect(back["a"]?.double == 0.1 + 0.2)
    }

    @Test func escapesAndSurrogatePairsAreDecoded() throws {
        let v = try JSONValue.parse(#"{"k": "\u00e9\ud83d\ude00\/"}"#)
        #expect(v["k"]?.string == "é😀/")
    }

    @Test func malformedTextIsRefusedWithItsPosition() {
        for (text, line) in [("{\"a\": }", 1), ("[1, 2", 1), ("{\n\"a\" 1}", 2), ("tru", 1), ("\"abc", 1), ("{} x", 1)] {
            do {
                _ = try JSONValue.parse(text)
                Issue.record("accepted \(text)")
            } catch {
                #expect(error.line == line, "\(text): \(error)")
            }
        }
    }

    @Test func deepNestingIsRefusedInsteadOfExhaustingTheStack() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse(text) }
    }
}

@Suite("JSON schemas")
struct SchemaTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/schema")

    /// Editors read the committed copies (shipped scenarios point at docs/schema/scenario.schema.json): they must be
    /// exactly what `capsim schema NAME` prints. Regenerate with `capsim schema NAME > docs/schema/NAME.schema.json`.
    @Test(arguments: DocumentSchemas.names)
    func theCommittedSchemaIsWhatCapsimPrints(name: String) throws {
        let committed = try String(contentsOf: Self.folder.appendingPathComponent("\(name).schema.json"), encoding: .utf8)
        #expect(committed == DocumentSchemas.schema(name)?.rendered())
    }

    @Test func everySchemaNamesDraft2020AndAnID() throws {
        for name in DocumentSchemas.names {
            let s = try #require(DocumentSchemas.schema(name))
            #expect(s["$schema"]?.string == "https://json-schema.org/draft/2020-12/schema")
            #expect(s["$id"]?.string == "urn:capsim:schema:\(name)")
        }
    }
}
