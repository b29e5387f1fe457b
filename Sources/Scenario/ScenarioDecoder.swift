import Foundation
import InfraModel
import SimKernel
import Yams

/// Turns the YAML tree of a scenario into a `Scenario`, checking everything on the way.
/// Sections are read in dependency order (agencies, sites, pools, links, workloads, targets, storage, facilities) whatever
/// their order in the file, so references can be checked as they are met.
final class ScenarioDecoder {
    let r: NodeReader
    let path: String

    // Ids defined so far, with where each was first defined.
    var agencyIDs: [String: SourceLocation] = [:]
    var siteIDs: [String: SourceLocation] = [:]
    var poolIDs: [String: SourceLocation] = [:]
    var linkIDs: [String: SourceLocation] = [:]
    var limiterIDs: [String: SourceLocation] = [:]
    var workloadIDs: [String: SourceLocation] = [:]
    var storageIDs: [String: SourceLocation] = [:]
    /// Agency of each site (when valid).
    var siteAgency: [String: String] = [:]
    /// Site of each pool (when valid).
    var poolSite: [String: String] = [:]
    /// Ends of each link (when valid).
    var linkEnds: [String: (from: String, to: String)] = [:]
    /// Site of each limiter (when valid).
    var limiterSite: [String: String] = [:]

    init(path: String, baseDirectory: String) {
        self.path = path
        self.r = NodeReader(file: path, baseDirectory: baseDirectory)
    }

    var diagnostics: [Diagnostic] { r.diagnostics }

    static let rootKeys = ["name", "description", "currency", "seed", "simulation", "horizon", "agencies", "sites",
                           "pools", "links", "limiters", "workloads", "events", "targets", "storage", "facilities", "uncertainty"]

    /// The scenario, or nil when any problem was reported.
    func decode(_ root: Node) -> Scenario? {
        guard let top = r.fields(root, context: "the scenario file", allowed: Self.rootKeys,
                                 required: ["name", "simulation", "agencies", "sites", "workloads"],
                                 extensionPrefix: "x-") else { return nil }
        let name = r.text(top, "name")
        let description = r.text(top, "description")
        let currency = r.text(top, "currency") ?? "VND"
        var seed: UInt64 = 1
        if let node = top["seed"], let text = r.scalar(node, "'seed'", expected: "a whole number >= 0") {
            if let value = UInt64(Units.trimmed(text).replacingOccurrences(of: "_", with: "")) {
                seed = value
            } else {
                r.report(node.mark, "'seed' must be a whole number from 0 to \(UInt64.max), found '\(text)'")
            }
        }
        let simulation = top["simulation"].flatMap(decodeSimulation)
        let horizon = top["horizon"].map(decodeHorizon) ?? Horizon()

        let agencies = r.list(top, "agencies").enumerated().compactMap { decodeAgency($1, index: $0) }
        let sites = r.list(top, "sites").enumerated().compactMap { decodeSite($1, index: $0) }
        let pools = r.list(top, "pools").enumerated().compactMap { decodePool($1, index: $0) }
        let links = r.list(top, "links").enumerated().compactMap { decodeLink($1, index: $0) }
        let limiters = r.list(top, "limiters").enumerated().compactMap { decodeLimiter($1, index: $0) }
        let workloadNodes = r.list(top, "workloads")
        if top.has("workloads"), workloadNodes.isEmpty, case .sequence = top["workloads"]! {
            r.report(top["workloads"]?.mark, "'workloads' is empty; expected at least one workload")
        }
        let workloads = workloadNodes.enumerated().compactMap { decodeWorkload($1, index: $0) }
        let events = r.list(top, "events").enumerated().compactMap { decodeEvent($1, index: $0, simulation: simulation) }
        let targets = r.list(top, "targets").enumerated().flatMap { decodeTarget($1, index: $0) }
        let storage = r.list(top, "storage").enumerated().compactMap { decodeStorage($1, index: $0) }
        let facilities = decodeFacilities(top)
        let uncertainty = top["uncertainty"].flatMap { decodeUncertainty($0, root: root) }

        guard r.diagnostics.isEmpty, let name, let simulation else { return nil }
        var scenario = Scenario(name: name, description: description, currency: currency, seed: seed, simulation: simulation,
                                horizon: horizon, agencies: agencies, sites: sites, pools: pools, links: links,
                                limiters: limiters, workloads: workloads, events: events, targets: targets, sourcePath: path,
                                uncertainty: uncertainty)
        scenario.storage = storage
        scenario.facilities = facilities
        return scenario
    }

    // MARK: Settings

    func decodeSimulation(_ node: Node) -> SimulationSettings? {
        guard let f = r.fields(node, context: "simulation", allowed: ["duration", "warmup", "replications", "start"],
                               required: ["duration"]) else { return nil }
        let duration = r.quantity(f, "duration", expected: "a duration (like 2h)", Units.duration)
        if let duration, duration <= 0 {
            r.report(f["duration"]?.mark, "simulation duration must be > 0, found \(f["duration"]?.string ?? "0")")
        }
        let warmup = r.quantity(f, "warmup", expected: "a duration (like 10m)", Units.duration) ?? 0
        let replications = r.integer(f, "replications", minimum: 1) ?? 10
        let start = r.quantity(f, "start", expected: "a duration after Monday 00:00 (like 19h)", Units.duration) ?? 0
        guard let duration else { return nil }
        return SimulationSettings(duration: duration, warmup: warmup, replications: replications, start: start)
    }

    func decodeHorizon(_ node: Node) -> Horizon {
        guard let f = r.fields(node, context: "horizon", allowed: ["base_year", "to"]) else { return Horizon() }
        let base = r.integer(f, "base_year") ?? 2025
        let to = r.integer(f, "to") ?? base
        if to < base {
            r.report(f["to"]?.mark, "horizon 'to' (\(to)) is before base_year (\(base)); expected a year >= \(base)")
        }
        return Horizon(baseYear: base, to: max(to, base))
    }

    // MARK: Ids and references

    /// Reads the `id` of a list item and registers it, reporting duplicates.
    func register(_ f: Fields, kind: String, in table: inout [String: SourceLocation]) -> String? {
        guard let node = f["id"], let id = r.scalar(node, "'id' in \(f.context)", expected: "a name") else { return nil }
        if id.isEmpty {
            r.report(node.mark, "empty id in \(f.context); expected a name")
            return nil
        }
        let here = r.location(f.mark)
        if let first = table[id] {
            r.report(f.mark, "duplicate \(kind) id '\(id)' (first defined at \(first.line):\(first.column))")
        } else {
            table[id] = here
        }
        return id
    }

    /// Reads a reference to an id of `kind` under `key`, reporting it when undefined.
    func reference(_ f: Fields, _ key: String, kind: String, plural: String,
                           in table: [String: SourceLocation]) -> String? {
        guard let node = f[key], let id = r.scalar(node, "'\(key)' in \(f.context)", expected: "a \(kind) id") else {
            return nil
        }
        guard table[id] != nil else {
            let defined = table.keys.sorted()
            let list = defined.isEmpty ? "none are defined" : "defined \(plural): \(defined.joined(separator: ", "))"
            var message = "\(kind) '\(id)' is not defined (\(key) of \(f.context)); \(list)"
            if let suggestion = NodeReader.suggestion(for: id, among: defined) {
                message += "; did you mean '\(suggestion)'?"
            }
            r.report(node.mark, message)
            return nil
        }
        return id
    }

    func context(_ kind: String, _ node: Node, index: Int) -> String {
        NodeReader.peekID(node).map { "\(kind) '\($0)'" } ?? "\(kind) #\(index + 1)"
    }

    // MARK: Agencies and sites

    func decodeAgency(_ node: Node, index: Int) -> Agency? {
        guard let f = r.fields(node, context: context("agency", node, index: index),
                               allowed: ["id", "name", "description"], required: ["id"]) else { return nil }
        let id = register(f, kind: "agency", in: &agencyIDs)
        let name = r.text(f, "name")
        guard let id else { return nil }
        return Agency(id: id, name: name, location: r.location(f.mark))
    }

    func decodeSite(_ node: Node, index: Int) -> Site? {
        guard let f = r.fields(node, context: context("site", node, index: index),
                               allowed: ["id", "agency", "region", "description"], required: ["id", "agency"])
        else { return nil }
        let id = register(f, kind: "site", in: &siteIDs)
        let agency = reference(f, "agency", kind: "agency", plural: "agencies", in: agencyIDs)
        let region = r.text(f, "region")
        guard let id, let agency else { return nil }
        siteAgency[id] = agency
        return Site(id: id, agency: agency, region: region, location: r.location(f.mark))
    }

    // MARK: Pools

    static let poolKeys = ["id", "site", "servers", "concurrency", "queue", "patience", "failures", "unit",
                           "max_servers", "redundancy", "description", "power"]

    func decodePool(_ node: Node, index: Int) -> PoolSpec? {
        guard let f = r.fields(node, context: context("pool", node, index: index), allowed: Self.poolKeys,
                               required: ["id", "site", "servers"]) else { return nil }
        let id = register(f, kind: "pool", in: &poolIDs)
        let site = reference(f, "site", kind: "site", plural: "sites", in: siteIDs)
        let servers = r.integer(f, "servers", minimum: 1)
        let concurrency = r.integer(f, "concurrency", minimum: 1) ?? 1

        var capacity: Int?
        var discipline = QueueDiscipline.fifo
        if let queueNode = f["queue"],
           let q = r.fields(queueNode, context: "queue of \(f.context)", allowed: ["capacity", "discipline"]) {
            if let capNode = q["capacity"], case .scalar(let s) = capNode, s.string == "unlimited" {
                capacity = nil
            } else if let capNode = q["capacity"] {
                capacity = r.integer(capNode, "'capacity' in \(q.context) (waiting places, or 'unlimited')", minimum: 0)
            }
            if let text = r.choice(q, "discipline", ["fifo", "priority"]) {
                discipline = QueueDiscipline(rawValue: text) ?? .fifo
            }
        }
        let patience = r.distribution(f, "patience", kind: .duration)

        var failures: FailureModel?
        if let failNode = f["failures"],
           let g = r.fields(failNode, context: "failures of \(f.context)", allowed: ["mtbf", "mttr"],
                            required: ["mtbf", "mttr"]) {
            let mtbf = positiveDuration(g, "mtbf")
            let mttr = positiveDuration(g, "mttr")
            if let mtbf, let mttr { failures = FailureModel(mtbf: mtbf, mttr: mttr) }
        }

        var unit: ServerUnit?
        if let unitNode = f["unit"],
           let u = r.fields(unitNode, context: "unit of \(f.context)", allowed: ["name", "cost", "opex_per_year"],
                            required: ["cost"]) {
            let name = r.text(u, "name") ?? "server"
            let cost = r.quantity(u, "cost", expected: "an amount of money", Units.money)
            let opex = r.quantity(u, "opex_per_year", expected: "an amount of money", Units.money) ?? 0
            if let cost { unit = ServerUnit(name: name, cost: cost, opexPerYear: opex) }
        }

        let maxServers = r.integer(f, "max_servers", minimum: 1)
        if let maxServers, let servers, maxServers < servers {
            r.report(f["max_servers"]?.mark,
                     "max_servers (\(maxServers)) of \(f.context) is below its installed servers (\(servers)); expected max_servers >= servers")
        }
        var redundancy = 0
        if let redNode = f["redundancy"] { redundancy = decodeRedundancy(redNode, context: f.context) ?? 0 }
        let description = r.text(f, "description")
        let power = r.quantity(f, "power", expected: "a power per server (like 450W)", Units.power)

        guard let id, let site, let servers else { return nil }
        poolSite[id] = site
        let configuration = PoolConfiguration(id: id, site: site, servers: servers, concurrency: concurrency,
                                              queueCapacity: capacity, discipline: discipline, patience: patience,
                                              failures: failures)
        var spec = PoolSpec(configuration: configuration, agency: siteAgency[site] ?? "", unit: unit,
                            maxServers: maxServers, redundancy: redundancy, description: description,
                            location: r.location(f.mark))
        spec.power = power
        return spec
    }

    func positiveDuration(_ f: Fields, _ key: String) -> Double? {
        guard let value = r.quantity(f, key, expected: "a duration (like 2000h)", Units.duration) else { return nil }
        guard value > 0 else {
            r.report(f[key]?.mark, "'\(key)' in \(f.context) must be a duration > 0")
            return nil
        }
        return value
    }

    /// `n` = 0, `n+1` = 1, `n+2` = 2 (or a bare count of spare servers).
    private func decodeRedundancy(_ node: Node, context: String) -> Int? {
        let expected = "n, n+1 or n+2 (spare servers beyond what the targets need)"
        guard let text = r.scalar(node, "'redundancy' in \(context)", expected: expected) else { return nil }
        let compact = text.replacingOccurrences(of: " ", with: "").lowercased()
        if compact == "n" { return 0 }
        if compact.hasPrefix("n+"), let k = Int(compact.dropFirst(2)), k >= 0 { return k }
        if let k = Int(compact), k >= 0 { return k }
        r.report(node.mark, "invalid redundancy '\(text)' in \(context); expected \(expected)")
        return nil
    }

    // MARK: Links

    static let linkKeys = ["id", "from", "to", "bandwidth", "latency", "sharing", "owner", "unit", "max_bandwidth",
                           "description"]

    func decodeLink(_ node: Node, index: Int) -> LinkSpec? {
        guard let f = r.fields(node, context: context("link", node, index: index), allowed: Self.linkKeys,
                               required: ["id", "from", "to", "bandwidth"]) else { return nil }
        let id = register(f, kind: "link", in: &linkIDs)
        let from = reference(f, "from", kind: "site", plural: "sites", in: siteIDs)
        let to = reference(f, "to", kind: "site", plural: "sites", in: siteIDs)
        if let from, let to, from == to {
            r.report(f["to"]?.mark, "\(f.context) connects site '\(from)' to itself; expected two different sites")
        }
        let bandwidth = positiveBandwidth(f, "bandwidth")
        let latency = r.quantity(f, "latency", expected: "a duration (like 12ms)", Units.duration) ?? 0
        let sharing = r.choice(f, "sharing", ["ps", "fifo"]).flatMap(LinkSharing.init(rawValue:)) ?? .ps
        let owner = f.has("owner") ? reference(f, "owner", kind: "agency", plural: "agencies", in: agencyIDs) : nil

        var unit: BandwidthUnit?
        if let unitNode = f["unit"],
           let u = r.fields(unitNode, context: "unit of \(f.context)", allowed: ["step", "cost_per_year"],
                            required: ["step", "cost_per_year"]) {
            let step = positiveBandwidth(u, "step")
            let cost = r.quantity(u, "cost_per_year", expected: "an amount of money", Units.money)
            if let step, let cost { unit = BandwidthUnit(stepBps: step, costPerYear: cost) }
        }
        let maxBandwidth = positiveBandwidth(f, "max_bandwidth")
        if let maxBandwidth, let bandwidth, maxBandwidth < bandwidth {
            r.report(f["max_bandwidth"]?.mark,
                     "max_bandwidth of \(f.context) is below its installed bandwidth; expected max_bandwidth >= bandwidth")
        }
        let description = r.text(f, "description")

        guard let id, let from, let to, from != to, let bandwidth else { return nil }
        linkEnds[id] = (from, to)
        let configuration = LinkConfiguration(id: id, from: from, to: to, bandwidth: bandwidth, latency: latency,
                                              sharing: sharing)
        return LinkSpec(configuration: configuration, owner: owner ?? siteAgency[from] ?? "", unit: unit,
                        maxBandwidth: maxBandwidth, description: description, location: r.location(f.mark))
    }

    private func positiveBandwidth(_ f: Fields, _ key: String) -> Double? {
        guard let value = r.quantity(f, key, expected: "a bandwidth (like 1Gbps)", Units.bandwidth) else { return nil }
        guard value > 0 else {
            r.report(f[key]?.mark, "'\(key)' in \(f.context) must be a bandwidth > 0")
            return nil
        }
        return value
    }

    // MARK: Workloads

    static let workloadKeys = ["id", "agency", "origin", "description", "arrivals", "priority", "request_size",
                               "response_size", "route", "client"]

    func decodeWorkload(_ node: Node, index: Int) -> WorkloadSpec? {
        guard let f = r.fields(node, context: context("workload", node, index: index), allowed: Self.workloadKeys,
                               required: ["id", "arrivals", "route"]) else { return nil }
        let id = register(f, kind: "workload", in: &workloadIDs)
        let agency = f.has("agency") ? reference(f, "agency", kind: "agency", plural: "agencies", in: agencyIDs) : nil
        let origin = f.has("origin") ? reference(f, "origin", kind: "site", plural: "sites", in: siteIDs) : nil
        let arrivals = f["arrivals"].flatMap { decodeArrivals($0, context: "arrivals of \(f.context)") }
        let priority = r.integer(f, "priority") ?? 0
        let requestSize = r.distribution(f, "request_size", kind: .size) ?? .deterministic(value: 0)
        let responseSize = r.distribution(f, "response_size", kind: .size) ?? .deterministic(value: 0)
        let description = r.text(f, "description")
        var clientOK = true

        let client = f["client"].flatMap { decodeClient($0, context: "client of \(f.context)") }
        if f.has("client") && client == nil { clientOK = false }

        var route = DecodedRoute()
        var routeOK = true
        if let routeNode = f["route"] {
            if case .sequence(let seq) = routeNode, seq.isEmpty {
                r.report(routeNode.mark, "'route' of \(f.context) is empty; expected at least one step")
            }
            if let steps = decodeSteps(routeNode, what: "'route' of \(f.context)", owner: "the route of \(f.context)",
                                       prefix: [], marks: &route.marks) {
                route.steps = steps
            } else {
                routeOK = false
            }
        }
        var resolvedOrigin = origin
        if routeOK, !route.steps.isEmpty, !(f.has("origin") && origin == nil) {
            resolvedOrigin = checkRoute(route, origin: origin, workload: f.context)
        }

        guard let id, let arrivals, routeOK, clientOK, !route.steps.isEmpty else { return nil }
        let owner = agency ?? resolvedOrigin.flatMap { siteAgency[$0] } ?? ""
        let configuration = WorkloadConfiguration(id: id, origin: resolvedOrigin, arrivals: arrivals.pattern,
                                                  priority: priority, requestSize: requestSize,
                                                  responseSize: responseSize, route: route.steps, client: client)
        return WorkloadSpec(configuration: configuration, agency: owner, growth: arrivals.growth,
                            description: description, location: r.location(f.mark))
    }

    private func decodeArrivals(_ node: Node, context: String) -> (pattern: ArrivalPattern, growth: Double)? {
        guard let f = r.fields(node, context: context, allowed: ["rate", "profile", "weekly", "peaks", "growth"],
                               required: ["rate"]) else { return nil }
        let rate = r.quantity(f, "rate", expected: "a rate (like 7.2/s or 3.6M/d)", Units.rate)
        let profile = f["profile"].flatMap { multipliers($0, count: 24, what: "'profile' in \(context)", unit: "hourly") }
        let weekly = f["weekly"].flatMap { multipliers($0, count: 7, what: "'weekly' in \(context)", unit: "daily (Monday first)") }
        let peaks = r.list(f, "peaks").enumerated().compactMap { decodePeak($1, context: "peak #\($0 + 1) of \(context)") }
        let growth = r.quantity(f, "growth", expected: "a growth per year (like 25%)", Units.growth) ?? 0
        guard let rate else { return nil }
        return (ArrivalPattern(rate: rate, hourly: profile, weekly: weekly, peaks: peaks), growth)
    }

    /// `count` non-negative multipliers, not all zero, normalised to mean 1.
    private func multipliers(_ node: Node, count: Int, what: String, unit: String) -> [Double]? {
        guard case .sequence = node else {
            r.report(node.mark, "\(what) must be a list of \(count) \(unit) multipliers, found \(NodeReader.describe(node))")
            return nil
        }
        let items = r.list(node, what)
        guard items.count == count else {
            r.report(node.mark, "\(what) has \(items.count) values; expected exactly \(count) \(unit) multipliers")
            return nil
        }
        var values: [Double] = []
        for item in items {
            guard let v = r.number(item, "a value of \(what)", expected: "a number >= 0") else { return nil }
            guard v >= 0 else {
                r.report(item.mark, "negative multiplier \(item.scalar?.string ?? "\(v)") in \(what); expected numbers >= 0")
                return nil
            }
            values.append(v)
        }
        let mean = values.reduce(0, +) / Double(count)
        guard mean > 0 else {
            r.report(node.mark, "\(what) is all zeros; expected at least one multiplier > 0")
            return nil
        }
        return values.map { $0 / mean }
    }

    private func decodePeak(_ node: Node, context: String) -> Peak? {
        let named = NodeReader.peekName(node).map { "peak '\($0)'" } ?? context
        guard let f = r.fields(node, context: named, allowed: ["name", "day", "hours", "multiplier"],
                               required: ["day", "multiplier"]) else { return nil }
        let name = r.text(f, "name") ?? context
        let day = r.integer(f, "day", minimum: 1)
        var fromHour = 0.0, toHour = 24.0, hoursOK = true
        if let hoursNode = f["hours"] {
            let items = r.list(hoursNode, "'hours' in \(named)")
            if items.count == 2, let a = r.number(items[0], "'hours' in \(named)"), let b = r.number(items[1], "'hours' in \(named)") {
                if a >= 0 && a < b && b <= 24 {
                    fromHour = a
                    toHour = b
                } else {
                    let written = items.map { $0.scalar?.string ?? "?" }.joined(separator: ", ")
                    r.report(hoursNode.mark, "'hours' in \(named) is [\(written)]; expected [from, to] with 0 <= from < to <= 24")
                    hoursOK = false
                }
            } else {
                if items.count != 2, case .sequence = hoursNode {
                    r.report(hoursNode.mark, "'hours' in \(named) has \(items.count) values; expected [from, to] with 0 <= from < to <= 24")
                }
                hoursOK = false
            }
        }
        var multiplier: Double?
        if let node = f["multiplier"], let m = r.number(node, "'multiplier' in \(named)", expected: "a number > 0") {
            if m > 0 {
                multiplier = m
            } else {
                r.report(node.mark, "'multiplier' in \(named) must be > 0, found \(node.scalar?.string ?? "\(m)")")
            }
        }
        guard let day, let multiplier, hoursOK else { return nil }
        return Peak(name: name, day: day, fromHour: fromHour, toHour: toHour, multiplier: multiplier)
    }

    // MARK: Targets

    static let timeMetrics = ["mean", "p50", "p95", "p99"]
    static let targetKinds = ["workload", "pool", "link", "limiter"]
    static let targetMetrics: [String: [String]] = [
        "workload": ["mean", "p50", "p95", "p99", "max_lost"],
        "pool": ["mean", "p50", "p95", "p99", "max_lost", "max_utilization"],
        "link": ["max_utilization", "mean", "p50", "p95", "p99"],
        "limiter": ["mean", "p50", "p95", "p99", "max_lost", "max_utilization"],
    ]

    func decodeTarget(_ node: Node, index: Int) -> [Target] {
        var context = "target #\(index + 1)"
        if case .mapping(let m) = node {
            for kind in Self.targetKinds {
                if let v = m[kind], case .scalar(let s) = v, !NodeReader.isNull(v) {
                    context = "target on \(kind) '\(s.string)'"
                    break
                }
            }
        }
        let allMetrics = ["mean", "p50", "p95", "p99", "max_lost", "max_utilization"]
        guard let f = r.fields(node, context: context, allowed: Self.targetKinds + allMetrics + ["description"])
        else { return [] }
        let kinds = Self.targetKinds.filter { f.has($0) }
        guard kinds.count == 1, let kind = kinds.first else {
            let found = kinds.isEmpty ? "none" : kinds.joined(separator: " and ")
            r.report(f.mark, "\(context) must name exactly one of 'workload', 'pool', 'link' or 'limiter' (found \(found))")
            return []
        }
        let subjectID: String?
        switch kind {
        case "workload": subjectID = reference(f, "workload", kind: "workload", plural: "workloads", in: workloadIDs)
        case "pool": subjectID = reference(f, "pool", kind: "pool", plural: "pools", in: poolIDs)
        case "limiter": subjectID = reference(f, "limiter", kind: "limiter", plural: "limiters", in: limiterIDs)
        default: subjectID = reference(f, "link", kind: "link", plural: "links", in: linkIDs)
        }
        let applicable = Self.targetMetrics[kind] ?? []
        guard case .mapping(let mapping) = node else { return [] }
        var targets: [Target] = []
        var sawMetric = false
        // In the order written.
        for (keyNode, valueNode) in mapping {
            guard let key = keyNode.scalar?.string, allMetrics.contains(key) else { continue }
            sawMetric = true
            guard applicable.contains(key) else {
                r.report(keyNode.mark, "metric '\(key)' does not apply to a \(kind); expected one of: \(applicable.joined(separator: ", "))")
                continue
            }
            guard f.has(key) else {
                r.report(keyNode.mark, "missing value for metric '\(key)' in \(context)")
                continue
            }
            let limit: Double?
            if Self.timeMetrics.contains(key) {
                limit = r.quantity(valueNode, "'\(key)' in \(context)", expected: "a duration (like 2s)", Units.duration)
            } else {
                limit = r.quantity(valueNode, "'\(key)' in \(context)", expected: "a fraction (like 0.1% or 0.7)", Units.fraction)
            }
            guard let limit, let subjectID, let metric = Target.Metric(rawValue: key) else { continue }
            let subject: Target.Subject
            switch kind {
            case "workload": subject = .workload(subjectID)
            case "pool": subject = .pool(subjectID)
            case "limiter": subject = .limiter(subjectID)
            default: subject = .link(subjectID)
            }
            targets.append(Target(subject: subject, metric: metric, limit: limit))
        }
        if !sawMetric {
            r.report(f.mark, "\(context) has no metric; expected one or more of: \(applicable.joined(separator: ", "))")
        }
        return targets
    }
}

extension NodeReader {
    /// The `name` written in a mapping, if any.
    static func peekName(_ node: Node) -> String? {
        guard case .mapping(let m) = node, let value = m["name"], case .scalar(let s) = value, !isNull(value)
        else { return nil }
        return s.string
    }
}
