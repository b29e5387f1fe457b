import Foundation
import Yams

/// Reads a portfolio file and every member it names or generates, checking everything on the way.
///
/// ```yaml
/// portfolio: vn-2025
/// members:                        # scenario files, relative to this file
///   - vn-national.yaml
///   - {file: other.yaml, id: other, set: {pools.web.servers: 4}, agencies: {provinces: exclude}}
/// generate:                       # more members: one per row of a UTF-8 CSV table
///   template: provinces/province-template.yaml
///   table: provinces/provinces.csv
///   id: "{id}"
///   set: {name: "vn-{id}", workloads.dossiers.arrivals.rate: "{dossiers_per_day}/d"}
///   agencies: {province: {id: "ubnd-{id}", name: "UBND {full_name}"}}
/// ```
public enum PortfolioLoader {
    static let rootKeys = ["portfolio", "description", "members", "generate"]

    /// True when the text is a portfolio file rather than a scenario: a top-level `portfolio:` key.
    public static func isPortfolio(text: String) -> Bool {
        text.split(separator: "\n", omittingEmptySubsequences: false).contains { $0.hasPrefix("portfolio:") }
    }

    /// True when the file at `path` is a portfolio file (false when it cannot be read).
    public static func isPortfolio(path: String) -> Bool {
        (try? ScenarioText.read(path: path)).map(isPortfolio(text:)) ?? false
    }

    /// Reads the portfolio at `path` and its members.
    /// - Throws: `ScenarioError.fileUnreadable` for a missing portfolio, member, template or table file;
    ///   `ScenarioError.invalid` with every problem, located in the portfolio file, the table (row and column), or
    ///   the member's scenario (naming the member).
    public static func load(path: String) throws -> Portfolio {
        let text = try ScenarioText.read(path: path)
        var directory = ParentFolder.of(path)
        if directory.isEmpty { directory = "." }
        let unsafe = DocumentGuard.check(text, path: path)
        if !unsafe.isEmpty { throw ScenarioError.invalid(unsafe) }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw ScenarioError.invalid([ScenarioLoader.syntaxDiagnostic(error, yaml: text, path: path)])
        }
        guard let root else {
            throw ScenarioError.invalid([Diagnostic(file: path, line: 1, column: 1,
                                                    message: "the portfolio file is empty; expected portfolio: NAME and members or generate")])
        }
        let reader = PortfolioReader(path: path, directory: directory)
        let portfolio = try reader.read(root)
        guard reader.r.diagnostics.isEmpty, let portfolio else {
            throw ScenarioError.invalid(ScenarioLoader.sorted(reader.r.diagnostics))
        }
        return portfolio
    }
}

/// The portfolio file's reader: collects located problems in the portfolio, its table and its members.
final class PortfolioReader {
    let r: NodeReader
    let path: String
    let directory: String
    /// Problems in member scenarios and tables (located in their own files).
    var external: [Diagnostic] = []
    private var sources: [String: ScenarioSource] = [:]

    init(path: String, directory: String) {
        self.path = path
        self.directory = directory
        r = NodeReader(file: path, baseDirectory: directory)
    }

    func resolve(_ file: String) -> String { file.hasPrefix("/") ? file : (directory as NSString).appendingPathComponent(file) }

    func read(_ root: Node) throws -> Portfolio? {
        guard let top = r.fields(root, context: "the portfolio file", allowed: PortfolioLoader.rootKeys, required: ["portfolio"]) else {
            return nil
        }
        let name = r.text(top, "portfolio")
        let description = r.text(top, "description")
        var members: [PortfolioMember] = []
        for (i, item) in r.list(top, "members").enumerated() {
            if let m = try listedMember(item, index: i) { members.append(m) }
        }
        if let g = top["generate"] { members += try generated(g) }
        if !top.has("members") && !top.has("generate") {
            r.report(top.mark, "the portfolio has no members; expected members: [FILE, ...] or generate: {template, table, id, set}")
        }
        var seen: [String: String] = [:]
        for m in members {
            if let first = seen[m.id] {
                r.report(top.mark, "two members have the id '\(m.id)' (\(first) and \(m.origin)); expected unique member ids")
            }
            seen[m.id] = m.origin
        }
        if let currency = members.first?.scenario.currency, let odd = members.first(where: { $0.scenario.currency != currency }) {
            r.report(top.mark, "member '\(odd.id)' counts in \(odd.scenario.currency) but '\(members[0].id)' in \(currency); a portfolio sums one currency")
        }
        for d in external { r.report(d) }
        guard let name else { return nil }
        return Portfolio(name: name, description: description, path: path, members: members)
    }

    /// A scenario file, read once however many members use it.
    func source(_ file: String) throws -> ScenarioSource {
        let full = resolve(file)
        if let s = sources[full] { return s }
        let s = try ScenarioSource.load(path: full)
        sources[full] = s
        return s
    }

    // MARK: - Listed members

    private func listedMember(_ node: Node, index: Int) throws -> PortfolioMember? {
        var file: String?
        var id: String?
        var overrides: [ScenarioOverride] = []
        var agencies: [String: AgencyTreatment] = [:]
        var mark = node.mark
        switch node {
        case .scalar(let s):
            file = s.string
        default:
            guard let f = r.fields(node, context: "member #\(index + 1)", allowed: ["file", "id", "set", "agencies", "description"],
                                   required: ["file"]) else { return nil }
            file = r.text(f, "file")
            id = r.text(f, "id")
            mark = f["file"]?.mark ?? mark
            if let setNode = f["set"] { overrides = assignments(setNode, context: "set of member #\(index + 1)") { $0 } }
            if let a = f["agencies"] { agencies = treatments(a, context: "agencies of member #\(index + 1)") { $0 } }
        }
        guard let file else { return nil }
        let source = try memberSource(file, at: mark)
        guard let source else { return nil }
        let memberID = id ?? ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let scenario = decode(source, overrides: overrides, member: memberID, origin: { "value set by the portfolio's set: \($0.argument)" })
        guard let scenario else { return nil }
        checkAgencies(agencies, in: scenario, member: memberID, at: node.mark)
        return PortfolioMember(id: memberID, file: source.path, source: source, overrides: overrides, scenario: scenario,
                               agencies: agencies, origin: file)
    }

    /// The source of a member file; a missing file is located at its mention in the portfolio.
    private func memberSource(_ file: String, at mark: Mark?) throws -> ScenarioSource? {
        do {
            return try source(file)
        } catch ScenarioError.fileUnreadable(_, let reason) {
            r.report(mark, "cannot read member scenario '\(file)': \(reason)")
            return nil
        } catch ScenarioError.invalid(let diagnostics) {
            external += diagnostics
            return nil
        }
    }

    /// Decodes a member; its problems are reported in its own file and name the member.
    private func decode(_ source: ScenarioSource, overrides: [ScenarioOverride], member: String,
                        origin: @escaping (ScenarioOverride) -> String,
                        cell: ((ScenarioOverride) -> (line: Int, column: Int, text: String)?)? = nil) -> Scenario? {
        do {
            return try source.scenario(overrides: overrides, collectInputs: true, origin: origin)
        } catch ScenarioError.invalid(let diagnostics) {
            for var d in diagnostics {
                if let o = d.override, let cell, let c = cell(o) {
                    // A bad cell: say where it is in the table.
                    external.append(Diagnostic(file: c.text, line: c.line, column: c.column, message: "member '\(member)': \(d.message)"))
                    continue
                }
                d.message = "member '\(member)': \(d.message)"
                external.append(d)
            }
        } catch ScenarioError.unknownPath(let e) {
            external.append(Diagnostic(file: path, line: 1, column: 1, message: "member '\(member)': \(e)"))
        } catch {
            external.append(Diagnostic(file: path, line: 1, column: 1, message: "member '\(member)': \(error)"))
        }
        return nil
    }

    // MARK: - Generated members

    private func generated(_ node: Node) throws -> [PortfolioMember] {
        guard let f = r.fields(node, context: "generate", allowed: ["template", "table", "id", "set", "agencies", "description"],
                               required: ["template", "table", "id"]) else { return [] }
        guard let templateFile = r.text(f, "template"), let tableFile = r.text(f, "table"),
              let idNode = f["id"], let idPattern = r.scalar(idNode, "'id' in generate", expected: "a pattern such as \"{id}\"") else { return [] }
        guard let template = try memberSource(templateFile, at: f["template"]?.mark) else { return [] }
        let tablePath = resolve(tableFile)
        let table: CSVTable
        do {
            let bytes = try ScenarioText.bytes(atPath: tablePath, maxBytes: 16 << 20)
            guard let text = String(data: bytes, encoding: .utf8) else {
                r.report(f["table"]?.mark, "the table '\(tableFile)' is not UTF-8 text; expected a UTF-8 CSV file")
                return []
            }
            table = try CSVTable(text: text)
        } catch let e as CSVTable.Failure {
            external.append(Diagnostic(file: tablePath, line: e.line, column: 1, message: e.message))
            return []
        } catch {
            r.report(f["table"]?.mark, "cannot read the table '\(tableFile)': \(error)")
            return []
        }
        // Patterns: every {column} must be a column of the table.
        var patterns: [(node: Node, text: String)] = [(idNode, idPattern)]
        let setPairs: [(ScenarioPath, String, Node)] = f["set"].map { setNode in
            assignmentPairs(setNode, context: "set of generate")
        } ?? []
        patterns += setPairs.map { ($0.2, $0.1) }
        var treatmentNodes: [(String, String?, String?, Node)] = []
        if let a = f["agencies"] { treatmentNodes = treatmentPatterns(a, context: "agencies of generate") }
        patterns += treatmentNodes.flatMap { t in [t.1, t.2].compactMap { $0 }.map { (t.3, $0) } }
        var ok = true
        for (node, text) in patterns {
            for column in Self.placeholders(text) where !table.header.contains(column) {
                var message = "'{\(column)}' is not a column of \(tableFile); its columns: \(table.header.joined(separator: ", "))"
                if let near = NodeReader.suggestion(for: column, among: table.header) { message += "; did you mean '{\(near)}'?" }
                r.report(node.mark, message)
                ok = false
            }
        }
        guard ok else { return [] }
        var members: [PortfolioMember] = []
        for i in table.rows.indices {
            let cells = table.row(i)
            let line = table.lines[i]
            func fill(_ pattern: String, _ node: Node) -> String? {
                for column in Self.placeholders(pattern) where (cells[column] ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                    external.append(Diagnostic(file: tablePath, line: line, column: columnPosition(table, row: i, column: column),
                                               message: "the cell of column '\(column)' is empty; \(tableFile) row \(i + 1) needs it for '\(pattern)'"))
                    return nil
                }
                return Self.fill(pattern, cells)
            }
            guard let id = fill(idPattern, idNode) else { continue }
            var overrides: [ScenarioOverride] = []
            var cellOf: [ScenarioOverride: (line: Int, column: Int, text: String)] = [:]
            var complete = true
            for (path, pattern, node) in setPairs {
                guard let value = fill(pattern, node) else { complete = false; continue }
                let o = ScenarioOverride(path: path, value: value)
                overrides.append(o)
                if let column = Self.placeholders(pattern).first {
                    cellOf[o] = (line, columnPosition(table, row: i, column: column), tablePath)
                }
            }
            var agencies: [String: AgencyTreatment] = [:]
            for (agency, idP, nameP, node) in treatmentNodes {
                if let idP {
                    guard let newID = fill(idP, node) else { complete = false; continue }
                    agencies[agency] = .rename(id: newID, name: nameP.flatMap { fill($0, node) })
                } else {
                    agencies[agency] = .exclude
                }
            }
            guard complete else { continue }
            let origin = "\(tableFile) row \(i + 1) (\(id))"
            let columnsOf = Dictionary(setPairs.map { ($0.0, Self.placeholders($0.1)) }, uniquingKeysWith: { a, _ in a })
            let scenario = decode(template, overrides: overrides, member: id, origin: { o in
                let columns = columnsOf[o.path] ?? []
                return "from \(tableFile) row \(i + 1), column\(columns.count == 1 ? "" : "s") \(columns.joined(separator: ", ")): \(o.path) = '\(o.value)'"
            }, cell: { cellOf[$0] })
            guard let scenario else { continue }
            checkAgencies(agencies, in: scenario, member: id, at: f["agencies"]?.mark)
            members.append(PortfolioMember(id: id, file: template.path, source: template, overrides: overrides, scenario: scenario,
                                           agencies: agencies, origin: origin, generated: true))
        }
        return members
    }

    /// The character position (from 1) where cell `column` of data row `row` starts, for unquoted cells.
    private func columnPosition(_ table: CSVTable, row: Int, column: String) -> Int {
        guard let j = table.header.firstIndex(of: column) else { return 1 }
        return table.rows[row][..<j].reduce(1) { $0 + $1.unicodeScalars.count + 1 }
    }

    // MARK: - Patterns and assignments

    /// The column names of `{column}` placeholders in a pattern.
    static func placeholders(_ pattern: String) -> [String] {
        var out: [String] = []
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            out.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return out
    }

    static func fill(_ pattern: String, _ cells: [String: String]) -> String {
        var out = pattern
        for column in placeholders(pattern) { out = out.replacingOccurrences(of: "{\(column)}", with: cells[column] ?? "") }
        return out
    }

    /// `set:` as (path, value text, value node), located problems for bad paths.
    private func assignmentPairs(_ node: Node, context: String) -> [(ScenarioPath, String, Node)] {
        guard case .mapping(let m) = node else {
            r.report(node.mark, "'\(context)' must be a mapping of scenario paths to values")
            return []
        }
        var out: [(ScenarioPath, String, Node)] = []
        for (k, v) in m {
            guard let key = k.scalar?.string, let value = v.scalar?.string else {
                r.report(k.mark, "in \(context), each entry must be PATH: VALUE with a single value")
                continue
            }
            do {
                let p = try ScenarioPath(parsing: key)
                if p.hasWildcard { r.report(k.mark, "'\(key)' in \(context) has '*'; a set path names one value"); continue }
                out.append((p, value, v))
            } catch {
                r.report(k.mark, "\(error) in \(context)")
            }
        }
        return out
    }

    private func assignments(_ node: Node, context: String, _ transform: (String) -> String) -> [ScenarioOverride] {
        assignmentPairs(node, context: context).map { ScenarioOverride(path: $0.0, value: transform($0.1)) }
    }

    /// `agencies:` as (agency, new id pattern or nil for exclude, name pattern, node).
    private func treatmentPatterns(_ node: Node, context: String) -> [(String, String?, String?, Node)] {
        guard case .mapping(let m) = node else {
            r.report(node.mark, "'\(context)' must map agency ids to 'exclude' or {id: NEW-ID, name: NAME}")
            return []
        }
        var out: [(String, String?, String?, Node)] = []
        for (k, v) in m {
            guard let agency = k.scalar?.string else { continue }
            if v.scalar?.string == "exclude" {
                out.append((agency, nil, nil, v))
            } else if let f = r.fields(v, context: "agency '\(agency)' in \(context)", allowed: ["id", "name"], required: ["id"]) {
                if let id = r.text(f, "id") { out.append((agency, id, r.text(f, "name"), v)) }
            }
        }
        return out
    }

    private func treatments(_ node: Node, context: String, _ transform: (String) -> String) -> [String: AgencyTreatment] {
        var out: [String: AgencyTreatment] = [:]
        for (agency, id, name, _) in treatmentPatterns(node, context: context) {
            out[agency] = id.map { .rename(id: transform($0), name: name.map(transform)) } ?? .exclude
        }
        return out
    }

    private func checkAgencies(_ treatments: [String: AgencyTreatment], in scenario: Scenario, member: String, at mark: Mark?) {
        for agency in treatments.keys.sorted() where scenario.agency(agency) == nil {
            r.report(mark, "member '\(member)' has no agency '\(agency)'; its agencies: \(scenario.agencies.map(\.id).joined(separator: ", "))")
        }
    }
}

extension NodeReader {
    /// Records a problem found elsewhere (a member's file, a table).
    func report(_ d: Diagnostic) { appendDiagnostic(d) }
}
