import Foundation
import Scenario
import Testing

/// A "billion laughs" alias bomb under an `x-` key: 9 levels of 9 aliases, 9^9 ≈ 387 million scalars once expanded.
let billionLaughs: String = {
    var lines = ["x-lol:", "  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    var previous = "a"
    for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
        lines.append("  \(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]")
        previous = name
    }
    return lines.joined(separator: "\n") + "\n" + baseScenario
}()

@Suite("hostile YAML: aliases, size, nesting, encoding")
struct DocumentSafetyTests {
    @Test func billionLaughsIsRefusedAtTheAliasThatCrossesTheLimitWithinASecond() throws {
        let started = Date()
        let found = diagnostics(billionLaughs)
        #expect(Date().timeIntervalSince(started) < 1)
        // Expanded sizes: a = 10 nodes, b = 1 + 9 × 10 = 91, c = 820, d = 7,381, e = 66,430; the nodes before
        // line 7 and two copies of *e stay under 250,000, the third *e on line 7 crosses it.
        #expect(found.count == 1)
        #expect(found.first?.line == 7)
        #expect(found.first?.message.contains("alias '*e' expands to 66430 YAML nodes") == true)
        // Line 7 is "  f: &f [*e, *e, *e, ...": the third *e starts at column 9 + 2 × 4 + 1 = 18.
        #expect(found.first.map { ($0.line, $0.column) } ?? (0, 0) == (7, 18))
    }

    @Test func anchorsAndMergesUnderXKeysStillWork() throws {
        let yaml = """
        x-pool: &pool {servers: 3, concurrency: 2}
        x-service: &svc {dist: exponential, mean: 10ms}
        """ + "\n" + variant("""
          - id: web
            site: s1
            servers: 2
        """, """
          - <<: *pool
            id: web
            site: s1
        """).replacingOccurrences(of: "{pool: web, service: 10ms}", with: "{pool: web, service: *svc}")
        let scenario = try parse(yaml)
        #expect(scenario.pool("web")?.configuration.servers == 3)
        #expect(scenario.pool("web")?.configuration.concurrency == 2)
    }

    @Test func anAliasAsAMappingKeyIsRefusedAtTheKey() {
        let yaml = "x-a: &a [1, 2]\nx-b:\n  ? *a\n  : 1\n" + baseScenario
        let found = diagnostics(yaml)
        #expect(found.map { "\($0.line):\($0.column)" } == ["3:5"])
        #expect(found.first?.message.contains("a key must be a plain name, found the alias '*a'") == true)
    }

    @Test func aListAsAMappingKeyIsRefused() {
        let found = diagnostics("x-b:\n  ? [1, 2]\n  : 1\n" + baseScenario)
        #expect(found.first?.message.contains("a key must be a plain name, found a list") == true)
        #expect(found.first?.line == 2)
    }

    @Test func nestingDeeperThan64LevelsIsRefusedWhereItGoesTooDeep() {
        let yaml = "x-deep: " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "\n" + baseScenario
        let found = diagnostics(yaml)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("nested more than 64 levels") == true)
        // The root mapping is level 1, the x-deep list level 2: the 64th '[' is at level 65.
        #expect(found.first.map { ($0.line, $0.column) } ?? (0, 0) == (1, 9 + 63))
    }

    @Test func moreThan250000NodesAreRefused() {
        let items = String(repeating: "0,", count: 260_000)
        let started = Date()
        let found = diagnostics("x-many: [\(items)]\n" + baseScenario)
        #expect(Date().timeIntervalSince(started) < 2)
        #expect(found.first?.message.contains("more than 250000 YAML nodes") == true)
    }

    @Test func aFileOfMoreThan4MiBIsRefusedBeforeItIsParsed() {
        let data = Data(repeating: UInt8(ascii: " "), count: (4 << 20) + 1)
        do {
            _ = try ScenarioLoader.parse(data: data, path: "big.yaml", baseDirectory: "/tmp")
            Issue.record("a file over the size limit was accepted")
        } catch {
            #expect("\(error)".contains("big.yaml:1:1: error: the scenario file has more than 4194304 bytes"))
        }
    }

    @Test func malformedUTF8IsLocatedAtTheFirstBadByte() {
        var data = Data("name: t\nsimulation: {duration: 1h}\ndescription: caf".utf8)
        data.append(contentsOf: [0xC3, 0x28])  // 0xC3 starts a two-byte character that 0x28 '(' does not continue
        do {
            _ = try ScenarioLoader.parse(data: data, path: "bad.yaml", baseDirectory: "/tmp")
            Issue.record("bytes that are not UTF-8 were accepted")
        } catch let error as ScenarioError {
            #expect(error.diagnostics.map { "\($0.line):\($0.column)" } == ["3:17"])
            #expect(error.description.contains("byte 0xC3 at line 3, column 17 is not part of a UTF-8 character"))
        } catch {
            Issue.record("untyped error \(error)")
        }
    }

    @Test func anEmptyFileIsAnInvalidScenarioAtItsFirstLine() {
        let found = (try? ScenarioLoader.parse(data: Data(), path: "e.yaml", baseDirectory: "/tmp")) == nil
        #expect(found)
        #expect(diagnostics("").first?.message.contains("the scenario file is empty") == true)
    }

    @Test func anEmpiricalFileThatNeverEndsIsCutOffNotReadForever() throws {
        // /dev/zero has no end: reading stops after the 64 MiB limit with a located error.
        let yaml = variant("{pool: web, service: 10ms}", "{pool: web, service: {dist: empirical, file: /dev/zero}}")
        let started = Date()
        let found = diagnostics(yaml)
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(found.contains { $0.message.contains("has more than 64 MiB") })
    }
}
