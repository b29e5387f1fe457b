import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import InfraModel
import Planning
import Scenario

/// The investment-proposal report of `capsim report`: one self-contained `index.html` (inline CSS and SVG),
/// `report.md` with the same tables, and CSV tables for spreadsheets.
public enum ReportBundle {
    /// The files of a bundle, in the order they are written.
    public static let fileNames = ["procurement.csv", "costs.csv", "capacity.csv", "energy.csv", "pools.csv", "links.csv",
                                   "limiters.csv", "workloads.csv", "targets.csv", "assumptions.csv", "report.md", "index.html"]
    /// Written as well when the report has the time series of a scenario with events.
    public static let eventFileNames = ["series.csv"]

    /// Every file of the bundle (name → content), rendered in memory; nothing is written.
    /// - Parameters:
    ///   - uncertainty: an uncertainty study of the scenario; adds a section and `explore-runs.csv`, `sensitivity.csv`.
    ///   - eventSeries: the last plan year simulated with time series (`RunStudy.eventSeries`), for scenarios with
    ///     events; adds a chart section and `series.csv`.
    public static func render(plan: ProcurementPlan, scenario: Scenario, language: ReportLanguage,
                              uncertainty: UncertaintyView? = nil, eventSeries: RunResults? = nil) -> [(String, String)] {
        let context = ReportContext(plan: plan, scenario: scenario, language: language, uncertainty: uncertainty,
                                    eventSeries: eventSeries)
        let study: [(String, String)] = uncertainty.map {
            [("explore-runs.csv", ReportUncertainty.runsCSV($0)), ("sensitivity.csv", ReportUncertainty.sensitivityCSV($0))]
        } ?? []
        var files = study + [
            ("procurement.csv", ReportCSV.procurement(plan)),
            ("costs.csv", ReportCSV.costs(plan)),
            ("capacity.csv", ReportCSV.capacity(plan)),
            ("energy.csv", ReportCSV.energy(plan)),
            ("pools.csv", ReportCSV.pools(plan)),
            ("links.csv", ReportCSV.links(plan)),
            ("limiters.csv", ReportCSV.limiters(plan)),
            ("workloads.csv", ReportCSV.workloads(plan)),
            ("targets.csv", ReportCSV.targets(plan)),
            ("assumptions.csv", ReportCSV.assumptions(scenario)),
        ]
        if let series = eventSeries?.series { files.append(("series.csv", ReportCSV.series(series, year: context.lastYear))) }
        files += [
            ("report.md", ReportMarkdown.render(context)),
            ("index.html", ReportHTML.render(context)),
        ]
        return files
    }

    /// Renders the bundle and writes it into `directory` (created with its parents if missing). Every file is
    /// rendered before the first is written, and each is written atomically (temporary file, then rename), so a
    /// failure leaves no partial file. Throws `AtomicFile.Failure` (`cannotCreate` when the folder cannot be
    /// made). Returns the paths written, in order.
    @discardableResult
    public static func write(plan: ProcurementPlan, scenario: Scenario, to directory: String,
                             language: ReportLanguage, uncertainty: UncertaintyView? = nil,
                             eventSeries: RunResults? = nil) throws -> [String] {
        let files = render(plan: plan, scenario: scenario, language: language, uncertainty: uncertainty, eventSeries: eventSeries)
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: directory, isDirectory: &isDir) {
            guard isDir.boolValue else {
                throw AtomicFile.Failure.cannotCreate(path: directory, reason: "'\(directory)' exists and is not a folder")
            }
        } else {
            do {
                try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw AtomicFile.Failure.cannotCreate(path: directory, reason: "cannot create the folder: \(error.localizedDescription)")
            }
        }
        let base = URL(fileURLWithPath: directory)
        var written: [String] = []
        for (name, text) in files {
            let path = base.appendingPathComponent(name).path
            try AtomicFile.write(text, to: path)
            written.append(directory.hasSuffix("/") ? directory + name : directory + "/" + name)
        }
        return written
    }

    /// True for inputs whose source comment marks them as assumptions: it starts with "A:" or mentions
    /// "assum" (assumed, assumption), in any case.
    public static func isAssumption(_ input: ScenarioInput) -> Bool {
        guard let c = input.comment?.trimmingCharacters(in: .whitespaces) else { return false }
        return c.hasPrefix("A:") || c.lowercased().contains("assum") || c.lowercased().contains("giả định")
    }
}

/// What the HTML and Markdown renderers share: the plan, the scenario, the language, derived figures.
struct ReportContext {
    let plan: ProcurementPlan
    let scenario: Scenario
    let language: ReportLanguage
    /// The scenario's uncertainty study, when the report has one.
    let uncertainty: UncertaintyView?
    /// The last plan year simulated with time series, for scenarios with events.
    let eventSeries: RunResults?
    var text: ReportText { language.text }

    init(plan: ProcurementPlan, scenario: Scenario, language: ReportLanguage, uncertainty: UncertaintyView? = nil,
         eventSeries: RunResults? = nil) {
        self.plan = plan
        self.scenario = scenario
        self.language = language
        self.uncertainty = uncertainty
        self.eventSeries = eventSeries
    }

    var currency: String { plan.currency }
    /// The currency as shown in headers: "₫" for VND in Vietnamese, otherwise the code.
    var currencyLabel: String { language == .vi && currency.uppercased() == "VND" ? "₫" : currency }
    func money(_ x: Double) -> String { language.money(x, currency: currency) }
    func amount(_ x: Double) -> String { language.grouped(x) }

    var firstYear: Int { plan.years.first ?? scenario.horizon.baseYear }
    var lastYear: Int { plan.years.last ?? scenario.horizon.baseYear }
    var final: YearCapacity? { plan.capacity.last }
    var itemCount: Int { plan.agencies.reduce(0) { $0 + $1.items.count } }
    var infeasibleYears: [YearCapacity] { plan.capacity.filter { !$0.feasible } }

    /// Every agency of the scenario (also those with nothing to buy), with its plan if any.
    var agencyRows: [(id: String, name: String, plan: AgencyPlan?)] {
        var rows = scenario.agencies.map { a in (id: a.id, name: a.name, plan: plan.agencies.first { $0.id == a.id }) }
        for a in plan.agencies where !rows.contains(where: { $0.id == a.id }) { rows.append((a.id, a.name, a)) }
        return rows
    }

    /// Agencies of the scenario without any purchase, as "Name (id)".
    var idleAgencies: [String] {
        agencyRows.filter { $0.plan?.items.isEmpty ?? true }.map { "\($0.name) (\($0.id))" }
    }

    /// Agencies with at least one purchase (an agency may be in the plan for its energy alone).
    var buyingAgencies: Int { plan.agencies.filter { !$0.items.isEmpty }.count }

    /// What an agency pays in each plan year (purchases, upkeep and energy).
    func yearCosts(_ a: AgencyPlan?) -> [Double] {
        plan.years.map { y in a.map { PlanSummary.yearCost($0, year: y) } ?? 0 }
    }

    var yearTotals: [Double] {
        plan.years.map { y in plan.agencies.reduce(0) { $0 + PlanSummary.yearCost($1, year: y) } }
    }

    func agencyName(_ id: String) -> String { scenario.agency(id)?.name ?? id }

    /// "Servers" / "Bandwidth" / "Rate" / "Storage".
    func kindName(_ i: ProcurementItem) -> String {
        switch i.kind {
        case .servers: return text.serversKind
        case .bandwidth: return text.bandwidthKind
        case .rate: return language.clientText.rateKind
        case .storage: return text.storageKind
        }
    }

    /// Quantity as a phrase: "4 servers", "3 steps (+300 Mbit/s)", "2 steps (+200/s)" or "2 steps (+100 TB)".
    func quantityText(_ i: ProcurementItem) -> String {
        switch i.kind {
        case .servers: return "\(i.quantity) \(singular(text.serversUnit, i.quantity))"
        case .bandwidth:
            let bps = i.bandwidthBps.map { " (+\(language.bandwidth($0)))" } ?? ""
            return "\(i.quantity) \(singular(text.stepsUnit, i.quantity))\(bps)"
        case .rate:
            let added = i.ratePerSecond.map { " (+\(language.rate($0)))" } ?? ""
            return "\(i.quantity) \(singular(text.stepsUnit, i.quantity))\(added)"
        case .storage:
            let bytes = i.capacityBytes.map { " (+\(language.bytes($0)))" } ?? ""
            return "\(i.quantity) \(singular(text.stepsUnit, i.quantity))\(bytes)"
        }
    }

    /// English plural nouns lose their "s" for one; Vietnamese nouns do not inflect.
    func singular(_ noun: String, _ n: Int) -> String {
        language == .en && n == 1 && noun.hasSuffix("s") ? String(noun.dropLast()) : noun
    }

    /// The site, or "from → to" for links.
    func whereText(_ i: ProcurementItem) -> String { i.toSite.map { "\(i.site) → \($0)" } ?? i.site }

    /// The unit bought: the pool's server model, the link's step, or the storage unit (its name and step).
    func unitText(_ i: ProcurementItem) -> String? {
        switch i.kind {
        case .servers: return scenario.resource(i.resource)?.purchase?.name
        case .bandwidth:
            return scenario.resource(i.resource)?.step.map { "\(text.bandwidthKind.lowercased()) \(language.bandwidth($0))" }
        case .rate:
            return scenario.resource(i.resource)?.step.map { "\(language.clientText.rateKind.lowercased()) \(language.rate($0))" }
        case .storage:
            guard let s = scenario.storage(i.resource.id) else { return nil }
            return s.unit.name ?? "\(singular(text.stepsUnit, 1)) \(language.bytes(s.unit.step))"
        }
    }

    /// The reason in the report language.
    func reasonText(_ i: ProcurementItem) -> String { language.reason(i.reason) }

    func utilisationText(_ i: ProcurementItem) -> String {
        let what = i.kind == .storage ? text.fillChange : text.utilisationChange
        return "\(what) \(language.percent(i.utilizationBefore)) → \(language.percent(i.utilizationAfter))"
    }

    /// The name of a kind of resource in the report language ("Pool", "Link").
    func kindLabel(_ kind: ResourceID.Kind) -> String {
        switch kind {
        case .pool: return text.pool
        case .link: return text.link
        case .limiter: return language.clientText.limiter
        case .storage: return text.storageKind
        }
    }

    /// Every resource of the scenario, in order (pools, links, limiters).
    var resources: [ResourceID] { scenario.resources.map(\.id) }

    /// The capacity of `resource` in every plan year, as text, and whether it grew that year.
    func capacityRow(_ resource: ResourceID) -> [(String, Bool)] {
        var previous: Double? = scenario.resource(resource)?.installed
        return plan.capacity.map { y in
            let v = y.capacity(of: resource)
            defer { previous = v }
            guard let v else { return ("–", false) }
            let grew = previous.map { v > $0 + 1e-9 } ?? false
            return (language.capacity(v, of: resource.kind), grew)
        }
    }

    /// Targets of the final year, and whether the metric is a fraction.
    static func isFraction(_ m: Target.Metric) -> Bool { m == .maxLost || m == .maxUtilization }

    func targetRows(_ targets: [TargetResult]) -> [[String]] {
        targets.map { t in
            let f = Self.isFraction(t.target.metric)
            return [language.subjectLabel(t.target.subject), language.metricLabel(t.target.metric, subject: t.target.subject),
                    language.metricValue(t.target.limit, fraction: f),
                    language.metricValue(t.value, fraction: f), language.metricValue(t.bound, fraction: f),
                    t.met ? text.yes : text.no]
        }
    }

    /// Unmet targets of an infeasible year: "workload:x p95".
    func unmetText(_ y: YearCapacity) -> String {
        (y.results.targets.filter { !$0.met }.map { "\($0.target.subject.label) \($0.target.metric.rawValue)" }
            + y.shortfalls.map { "\($0.resource) \(language.bytes($0.need)) > max_capacity \(language.bytes($0.maximum))" })
            .joined(separator: ", ")
    }

    func methodParagraphs() -> [String] {
        text.methodParagraphs(String(plan.seed), plan.replicationsPerRun, language.duration(plan.duration),
                              language.duration(plan.warmup), plan.simulations, plan.replications,
                              scenario.horizon.baseYear)
    }

    func fill(_ s: String, _ value: String) -> String { s.replacingOccurrences(of: "%@", with: value) }
}
