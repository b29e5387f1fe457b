import Foundation
import SimKernel
import Yams

extension ScenarioDecoder {
    static let uncertaintyKeys = ["samples", "method", "quantile", "seed", "noise_check", "inputs", "correlations", "description"]
    static let inputDistributions = ["uniform", "triangular", "normal", "lognormal", "discrete"]
    /// Most inputs the sample designs take (GSL's Sobol' generator stops at 40 dimensions).
    static let sobolDimensions = 40

    /// The `uncertainty:` block; `root` is the whole file, where input paths must name values.
    func decodeUncertainty(_ node: Node, root: Node) -> UncertaintySpec? {
        guard let f = r.fields(node, context: "uncertainty", allowed: Self.uncertaintyKeys, required: ["inputs"]) else { return nil }
        let samples = r.integer(f, "samples", minimum: 2) ?? 256
        if samples > 100_000 {
            r.report(f["samples"]?.mark, "'samples' in uncertainty is \(samples); expected at most 100000 (each sample is a whole plan)")
        }
        let method = r.choice(f, "method", UncertaintySpec.Method.allCases.map(\.rawValue)).flatMap(UncertaintySpec.Method.init) ?? .lhs
        var quantile = 0.9
        if let q = f["quantile"], let v = r.number(q, "'quantile' in uncertainty", expected: "a number between 0 and 1") {
            if v > 0 && v < 1 { quantile = v } else {
                r.report(q.mark, "'quantile' in uncertainty must be between 0 and 1 (exclusive), found \(q.scalar?.string ?? "\(v)")")
            }
        }
        var seed: UInt64?
        if let s = f["seed"], let text = r.scalar(s, "'seed' in uncertainty", expected: "a whole number >= 0") {
            seed = UInt64(text.trimmingCharacters(in: .whitespaces))
            if seed == nil { r.report(s.mark, "'seed' in uncertainty must be a whole number from 0 to \(UInt64.max), found '\(text)'") }
        }
        let noiseCheck = r.integer(f, "noise_check", minimum: 0) ?? min(8, samples)
        let tree = ScenarioTree(root: root)
        var inputs: [UncertainInput] = []
        var seen: [String: (SourceLocation, UncertainInput.Effect)] = [:]
        var names: [String: SourceLocation] = [:]
        for (i, item) in r.list(f, "inputs").enumerated() {
            guard let input = decodeInput(item, index: i, tree: tree) else { continue }
            let key = input.path.description
            // Several factors on one value multiply (a price and an exchange rate); a replacement must stand alone.
            if let (first, effect) = seen[key], effect == .replace || input.effect == .replace {
                r.report(item.mark, "input path '\(key)' is listed twice (first at \(first.line):\(first.column)); a value may have several factors but only one dist or values")
                continue
            }
            if let first = names[input.name] {
                r.report(item.mark, "two inputs are named '\(input.name)' (first at \(first.line):\(first.column)); give each a different name:")
                continue
            }
            names[input.name] = r.location(item.mark)
            seen[key] = (r.location(item.mark), input.effect)
            inputs.append(input)
        }
        if f.has("inputs"), r.list(f, "inputs").isEmpty, case .sequence = f["inputs"]! {
            r.report(f["inputs"]?.mark, "'inputs' in uncertainty is empty; expected at least one uncertain value")
        }
        if method == .grid {
            for (input, item) in zip(inputs, r.list(f, "inputs")) {
                guard case .discrete = input.distribution else {
                    r.report(item.mark, "method grid needs listed levels: give input '\(input.path)' `values: [...]`")
                    continue
                }
            }
        }
        if method == .sobol, inputs.count > Self.sobolDimensions {
            r.report(f["method"]?.mark ?? f.mark,
                     "method sobol takes at most \(Self.sobolDimensions) inputs (GSL's Sobol' generator), found \(inputs.count); use lhs")
        }
        let correlations = r.list(f, "correlations").compactMap { decodeCorrelation($0, inputs: inputs) }
        if !correlations.isEmpty {
            var matrix = (0..<inputs.count).map { i in (0..<inputs.count).map { j in i == j ? 1.0 : 0.0 } }
            for c in correlations {
                matrix[c.a][c.b] = c.rank
                matrix[c.b][c.a] = c.rank
            }
            if Cholesky(matrix) == nil {
                r.report(f["correlations"]?.mark, "the correlations cannot hold together (their matrix is not positive definite); weaken some of them")
            }
        }
        if !correlations.isEmpty, method == .grid || method == .sobol {
            r.report(f["correlations"]?.mark, "correlations apply to methods lhs and random, not \(method.rawValue)")
        }
        return UncertaintySpec(samples: samples, method: method, quantile: quantile, seed: seed, noiseCheck: noiseCheck,
                               inputs: inputs, correlations: correlations, location: r.location(f.mark))
    }

    private func decodeInput(_ node: Node, index: Int, tree: ScenarioTree) -> UncertainInput? {
        let context = "uncertainty input #\(index + 1)"
        guard let f = r.fields(node, context: context,
                               allowed: ["path", "name", "dist", "factor", "values", "p", "min", "max", "mode", "mean", "sd", "cv", "description"],
                               required: ["path"]) else { return nil }
        guard let pathNode = f["path"], let text = r.scalar(pathNode, "'path' in \(context)", expected: "a scenario path") else { return nil }
        let path: ScenarioPath
        do {
            path = try ScenarioPath(parsing: text)
        } catch {
            r.report(pathNode.mark, "\(error) in \(context)")
            return nil
        }
        guard let kind = ScenarioQuantities.kind(of: path) else {
            r.report(pathNode.mark, "'\(text)' does not name a number capsim reads, so it cannot be uncertain; expected a path to a value such as workloads.ID.arrivals.growth, pools.ID.unit.cost or workloads.ID.route[0].service.mean")
            return nil
        }
        var baseValues: [(ScenarioPath, Double)] = []
        for (concrete, value) in tree.values(at: path) {
            guard let scalar = value.scalar?.string else {
                r.report(pathNode.mark, "'\(concrete)' is not a single number in this scenario; name one of its parameters (e.g. \(concrete).mean)")
                return nil
            }
            guard let x = try? kind.parse(scalar) else { return nil }  // the file's own value is reported elsewhere
            baseValues.append((concrete, x))
        }
        guard !baseValues.isEmpty else {
            r.report(pathNode.mark, "'\(text)' matches no value in this scenario; an uncertain input must name a value the file sets")
            return nil
        }
        let modes = ["dist", "factor", "values"].filter { f.has($0) }
        guard modes.count == 1 else {
            r.report(f.mark, "\(context) ('\(text)') must give exactly one of dist (the value's distribution), factor (a multiplier's distribution) or values (listed levels), found \(modes.isEmpty ? "none" : modes.joined(separator: " and "))")
            return nil
        }
        let distribution: InputDistribution?
        let effect: UncertainInput.Effect
        switch modes[0] {
        case "factor":
            effect = .factor
            guard let factorNode = f["factor"], case .mapping = factorNode else {
                r.report(f["factor"]?.mark, "'factor' in \(context) must be the distribution of a multiplier, {dist: NAME, ...}")
                return nil
            }
            guard let g = r.fields(factorNode, context: "factor of \(context)",
                                   allowed: ["dist", "values", "p", "min", "max", "mode", "mean", "sd", "cv"], required: ["dist"])
            else { return nil }
            distribution = inputDistribution(g, kind: .number, context: "factor of \(context)")
        case "values":
            effect = .replace
            distribution = listedValues(f, kind: kind, context: context)
        default:
            effect = .replace
            distribution = inputDistribution(f, kind: kind, context: "\(context) ('\(text)')")
        }
        guard let distribution else { return nil }
        let problemKind = effect == .factor ? ValueKind.number : kind
        if let problem = distributionProblem(distribution, kind: problemKind) {
            r.report(f.mark, "\(context) ('\(text)'): \(problem)")
            return nil
        }
        return UncertainInput(path: path, name: r.text(f, "name"), effect: effect, distribution: distribution, kind: kind,
                              baseValues: baseValues, location: r.location(pathNode.mark))
    }

    /// `dist: NAME` with its parameters, read in `kind`'s units.
    private func inputDistribution(_ f: Fields, kind: ValueKind, context: String) -> InputDistribution? {
        guard let name = r.choice(f, "dist", Self.inputDistributions) else {
            if !f.has("dist") { r.report(f.mark, "missing 'dist' in \(context); expected one of: \(Self.inputDistributions.joined(separator: ", "))") }
            return nil
        }
        let needed: [String]
        switch name {
        case "uniform": needed = ["min", "max"]
        case "triangular": needed = ["min", "mode", "max"]
        case "normal": needed = ["mean", "sd"]
        case "lognormal": needed = ["mean", "cv"]
        default: needed = ["values"]
        }
        for key in needed where !f.has(key) { r.report(f.mark, "\(name) distribution of \(context) needs '\(key)'") }
        func value(_ key: String) -> Double? {
            r.quantity(f, key, expected: "a value in the units of the uncertain value", { (text: String) throws(UnitError) -> Double in
                try kind.parse(text)
            })
        }
        func plain(_ key: String) -> Double? { f[key].flatMap { r.number($0, "'\(key)' in \(context)") } }
        switch name {
        case "uniform":
            guard let a = value("min"), let b = value("max") else { return nil }
            return .uniform(min: a, max: b)
        case "triangular":
            guard let a = value("min"), let m = value("mode"), let b = value("max") else { return nil }
            return .triangular(min: a, mode: m, max: b)
        case "normal":
            guard let m = value("mean"), let s = value("sd") else { return nil }
            return .normal(mean: m, sd: s, lower: kind.minimum, upper: kind.maximum)
        case "lognormal":
            guard let m = value("mean"), let cv = plain("cv") else { return nil }
            return .lognormal(mean: m, cv: cv)
        default:
            return listedValues(f, kind: kind, context: context)
        }
    }

    /// `values: [...]` with optional probabilities `p: [...]` (equal when absent).
    private func listedValues(_ f: Fields, kind: ValueKind, context: String) -> InputDistribution? {
        guard let node = f["values"] else { return nil }
        let items = r.list(node, "'values' in \(context)")
        var values: [Double] = []
        for item in items {
            guard let v = r.quantity(item, "a value of 'values' in \(context)", expected: "a value in the units of the uncertain value",
                                     { (text: String) throws(UnitError) -> Double in try kind.parse(text) }) else { return nil }
            values.append(v)
        }
        guard !values.isEmpty else {
            r.report(node.mark, "'values' in \(context) is empty; expected at least one value")
            return nil
        }
        var p = Array(repeating: 1 / Double(values.count), count: values.count)
        if let pNode = f["p"] {
            let given = r.list(pNode, "'p' in \(context)").compactMap { r.quantity($0, "'p' in \(context)", expected: "a probability", Units.fraction) }
            guard given.count == values.count else {
                r.report(pNode.mark, "'p' in \(context) has \(given.count) probabilities for \(values.count) values; expected one per value")
                return nil
            }
            guard abs(given.reduce(0, +) - 1) <= 1e-9 else {
                r.report(pNode.mark, "probabilities 'p' in \(context) add up to \(given.reduce(0, +)); expected 1")
                return nil
            }
            p = given
        }
        return .discrete(values: values, p: p)
    }

    /// Why a distribution cannot describe a value of `kind`, or nil.
    func distributionProblem(_ d: InputDistribution?, kind: ValueKind) -> String? {
        guard let d else { return nil }
        func valid(_ x: Double) -> Bool { kind.isValid(x) || (kind.unit == .integer && kind.isValid(x.rounded())) }
        switch d {
        case .uniform(let a, let b):
            if !(a <= b) { return "uniform needs min <= max" }
            if !valid(a) || !valid(b) { return "min and max must be valid values (\(rangeText(kind)))" }
        case .triangular(let a, let m, let b):
            if !(a <= m && m <= b && a < b) { return "triangular needs min <= mode <= max and min < max" }
            if !valid(a) || !valid(b) { return "min and max must be valid values (\(rangeText(kind)))" }
        case .normal(let m, let s, _, _):
            if !(s > 0) { return "normal needs sd > 0" }
            if !valid(m) { return "the mean must be a valid value (\(rangeText(kind)))" }
        case .lognormal(let m, let cv):
            if !(m > 0 && cv > 0) { return "lognormal needs mean > 0 and cv > 0" }
        case .discrete(let values, let p):
            if p.contains(where: { $0 < 0 }) { return "probabilities must be >= 0" }
            if let bad = values.first(where: { !valid($0) }) { return "value \(bad) is not valid here (\(rangeText(kind)))" }
        }
        return nil
    }

    private func rangeText(_ kind: ValueKind) -> String {
        var parts: [String] = []
        if kind.minimum.isFinite { parts.append("\(kind.minimumIncluded ? ">=" : ">") \(kind.text(kind.minimum))") }
        if kind.maximum.isFinite { parts.append("<= \(kind.text(kind.maximum))") }
        if kind.unit == .integer { parts.append("whole") }
        return parts.isEmpty ? "any number" : parts.joined(separator: ", ")
    }

    private func decodeCorrelation(_ node: Node, inputs: [UncertainInput]) -> RankCorrelation? {
        guard let f = r.fields(node, context: "correlation", allowed: ["paths", "rank"], required: ["paths", "rank"]) else { return nil }
        let names = r.list(f, "paths").compactMap { r.scalar($0, "a path of 'paths' in correlation", expected: "an input path") }
        guard names.count == 2 else {
            r.report(f["paths"]?.mark, "'paths' in a correlation names \(names.count) inputs; expected exactly two")
            return nil
        }
        var indices: [Int] = []
        for name in names {
            guard let i = inputs.firstIndex(where: { $0.path.description == name }) else {
                r.report(f["paths"]?.mark, "correlation names '\(name)', which is not an uncertainty input; expected one of: \(inputs.map(\.path.description).joined(separator: ", "))")
                return nil
            }
            indices.append(i)
        }
        guard indices[0] != indices[1] else {
            r.report(f["paths"]?.mark, "a correlation needs two different inputs")
            return nil
        }
        guard let rankNode = f["rank"], let rank = r.number(rankNode, "'rank' in correlation", expected: "a number between -1 and 1") else { return nil }
        guard rank > -1 && rank < 1 else {
            r.report(rankNode.mark, "'rank' in correlation must be between -1 and 1 (exclusive), found \(rankNode.scalar?.string ?? "\(rank)")")
            return nil
        }
        return RankCorrelation(a: indices[0], b: indices[1], rank: rank)
    }
}
