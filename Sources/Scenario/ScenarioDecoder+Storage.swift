import Foundation
import Yams

/// Reading `storage:` and `facilities:` (contract §6). Both are read after the workloads, so that `per_request`
/// items can name them.
extension ScenarioDecoder {
    static let storageKeys = ["id", "site", "owner", "installed", "copies", "headroom", "data", "unit", "max_capacity",
                              "description"]
    static let storageDataKeys = ["name", "count", "size", "growth", "per_request", "retention", "description"]
    static let facilityKeys = ["site", "power_per_server", "pue", "electricity", "description"]

    // MARK: Storage

    func decodeStorage(_ node: Node, index: Int) -> StorageSpec? {
        guard let f = r.fields(node, context: context("storage", node, index: index), allowed: Self.storageKeys,
                               required: ["id", "site", "installed", "copies", "headroom", "data", "unit"]) else { return nil }
        let id = register(f, kind: "storage", in: &storageIDs)
        let site = reference(f, "site", kind: "site", plural: "sites", in: siteIDs)
        let owner = f.has("owner") ? reference(f, "owner", kind: "agency", plural: "agencies", in: agencyIDs) : nil
        let installed = r.quantity(f, "installed", expected: "a usable capacity (like 400TB)", Units.size)

        var copies: Double?
        if let node = f["copies"], let value = r.number(node, "'copies' in \(f.context)", expected: "a number >= 1") {
            if value >= 1 {
                copies = value
            } else {
                r.report(node.mark, "'copies' in \(f.context) must be at least 1 (the data itself), found \(node.scalar?.string ?? "\(value)")")
            }
        }

        var headroom: Double?
        if let node = f["headroom"],
           let value = r.quantity(node, "'headroom' in \(f.context)", expected: "a fraction below 100% (like 20%)", Units.fraction) {
            if value < 1 {
                headroom = value
            } else {
                r.report(node.mark, "'headroom' in \(f.context) must be below 100% (the share of capacity kept free), found \(node.scalar?.string ?? "\(value)")")
            }
        }

        var data: [StorageData] = []
        var dataOK = true
        if let dataNode = f["data"] {
            let items = r.list(dataNode, "'data' of \(f.context)")
            if items.isEmpty, case .sequence = dataNode {
                r.report(dataNode.mark, "'data' of \(f.context) is empty; expected at least one data item")
            }
            for (i, item) in items.enumerated() {
                if let d = decodeStorageData(item, index: i, storage: f.context) { data.append(d) } else { dataOK = false }
            }
        }

        var unit: StorageUnit?
        if let unitNode = f["unit"],
           let u = r.fields(unitNode, context: "unit of \(f.context)", allowed: ["name", "step", "cost", "opex_per_year"],
                            required: ["step", "cost"]) {
            let name = r.text(u, "name")
            let step = positiveSize(u, "step")
            let cost = r.quantity(u, "cost", expected: "an amount of money", Units.money)
            let opex = r.quantity(u, "opex_per_year", expected: "an amount of money", Units.money) ?? 0
            if let step, let cost { unit = StorageUnit(name: name, step: step, cost: cost, opexPerYear: opex) }
        }

        let maxCapacity = positiveSize(f, "max_capacity")
        if let maxCapacity, let installed, maxCapacity < installed {
            r.report(f["max_capacity"]?.mark,
                     "max_capacity of \(f.context) is below its installed capacity; expected max_capacity >= installed")
        }
        let description = r.text(f, "description")

        guard let id, let site, let installed, let copies, let headroom, let unit, dataOK, !data.isEmpty else { return nil }
        return StorageSpec(id: id, site: site, owner: owner ?? siteAgency[site] ?? "", installed: installed, copies: copies,
                           headroom: headroom, data: data, unit: unit, maxCapacity: maxCapacity, description: description,
                           location: r.location(f.mark))
    }

    /// `{name, count, size, growth}` or `{name, per_request: [workload ids], size, retention}`.
    private func decodeStorageData(_ node: Node, index: Int, storage: String) -> StorageData? {
        let context = (NodeReader.peekName(node).map { "data item '\($0)'" } ?? "data item #\(index + 1)") + " of \(storage)"
        guard let f = r.fields(node, context: context, allowed: Self.storageDataKeys, required: ["name", "size"]) else { return nil }
        let name = r.text(f, "name")
        let size = r.quantity(f, "size", expected: "a size per item (like 600KB)", Units.size)

        let hasCount = f.has("count"), hasPerRequest = f.has("per_request")
        guard hasCount != hasPerRequest else {
            let found = hasCount ? "both" : "neither"
            r.report(f.mark, "\(context) has \(found) of 'count' and 'per_request'; expected exactly one: {count, size, growth} for a stock of items, or {per_request: [workloads], size, retention} for one item per request")
            return nil
        }
        let volume: StorageData.Volume?
        if hasCount {
            if let key = f.keyMark("retention") {
                r.report(key, "'retention' in \(context) applies only to per_request items; a count item is kept as long as it exists")
            }
            let count = r.quantity(f, "count", expected: "a count (like 105M)", Units.count)
            let growth = r.quantity(f, "growth", expected: "a growth per year (like 1%)", Units.growth) ?? 0
            volume = count.map { .count($0, growth: growth) }
        } else {
            if let key = f.keyMark("growth") {
                r.report(key, "'growth' in \(context) applies only to count items; a per_request item grows with its workloads")
            }
            let workloads = perRequestWorkloads(f, context: context)
            var retention: Double?
            if let node = f["retention"] {
                retention = r.quantity(node, "'retention' in \(context)", expected: "a duration (like 2y or 180d)", Units.duration)
                if let value = retention, value < 86_400 {
                    let text = node.scalar?.string ?? "\(value)"
                    r.report(node.mark, "'retention' in \(context) is \(text), less than a day ('m' means minutes); expected a retention of at least 1d (write months as days or years, like 180d or 0.5y)")
                    retention = nil
                }
            } else {
                r.report(f.mark, "missing required key 'retention' in \(context); expected how long each item is kept (like 2y)")
            }
            if let workloads, let retention { volume = .perRequest(workloads: workloads, retention: retention) } else { volume = nil }
        }
        guard let name, let size, let volume else { return nil }
        return StorageData(name: name, size: size, volume: volume, location: r.location(f.mark))
    }

    /// The workload ids of `per_request`, each defined and listed once.
    private func perRequestWorkloads(_ f: Fields, context: String) -> [String]? {
        guard let node = f["per_request"] else { return nil }
        let items = r.list(node, "'per_request' in \(context)")
        if items.isEmpty {
            if case .sequence = node { r.report(node.mark, "'per_request' in \(context) is empty; expected at least one workload id") }
            return nil
        }
        var ids: [String] = []
        var ok = true
        for item in items {
            guard let id = r.scalar(item, "an entry of 'per_request' in \(context)", expected: "a workload id") else { ok = false; continue }
            guard workloadIDs[id] != nil else {
                let defined = workloadIDs.keys.sorted()
                var message = "workload '\(id)' is not defined (per_request of \(context)); "
                message += defined.isEmpty ? "none are defined" : "defined workloads: \(defined.joined(separator: ", "))"
                if let suggestion = NodeReader.suggestion(for: id, among: defined) { message += "; did you mean '\(suggestion)'?" }
                r.report(item.mark, message)
                ok = false
                continue
            }
            if ids.contains(id) {
                r.report(item.mark, "workload '\(id)' is listed twice in 'per_request' of \(context); expected each workload once")
                ok = false
                continue
            }
            ids.append(id)
        }
        return ok ? ids : nil
    }

    private func positiveSize(_ f: Fields, _ key: String) -> Double? {
        guard let value = r.quantity(f, key, expected: "a size (like 100TB)", Units.size) else { return nil }
        guard value > 0 else {
            r.report(f[key]?.mark, "'\(key)' in \(f.context) must be a size > 0")
            return nil
        }
        return value
    }

    // MARK: Facilities

    /// Every `facilities:` entry, at most one per site.
    func decodeFacilities(_ top: Fields) -> [Facility] {
        var seen: [String: SourceLocation] = [:]
        var out: [Facility] = []
        for (i, node) in r.list(top, "facilities").enumerated() {
            var context = "facilities entry #\(i + 1)"
            if case .mapping(let m) = node, let v = m["site"], case .scalar(let s) = v, !NodeReader.isNull(v) {
                context = "facilities of site '\(s.string)'"
            }
            guard let f = r.fields(node, context: context, allowed: Self.facilityKeys,
                                   required: ["site", "power_per_server", "pue", "electricity"]) else { continue }
            let site = reference(f, "site", kind: "site", plural: "sites", in: siteIDs)
            let power = r.quantity(f, "power_per_server", expected: "an average power per server (like 450W)", Units.power)
            var pue: Double?
            if let node = f["pue"], let value = r.number(node, "'pue' in \(context)", expected: "a number >= 1 (like 1.5)") {
                if value >= 1 {
                    pue = value
                } else {
                    r.report(node.mark, "'pue' in \(context) must be at least 1 (total facility power / IT power), found \(node.scalar?.string ?? "\(value)")")
                }
            }
            let electricity = r.quantity(f, "electricity", expected: "a price per kWh in the scenario's currency", Units.money)
            let description = r.text(f, "description")
            guard let site else { continue }
            if let first = seen[site] {
                r.report(f.mark, "duplicate facilities entry for site '\(site)' (first at \(first.line):\(first.column)); expected one entry per site")
                continue
            }
            seen[site] = r.location(f.mark)
            guard let power, let pue, let electricity else { continue }
            out.append(Facility(site: site, powerPerServer: power, pue: pue, electricity: electricity,
                                description: description, location: r.location(f.mark)))
        }
        return out
    }
}
