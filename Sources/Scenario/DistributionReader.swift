import Foundation
import SimKernel
import Yams

extension NodeReader {
    /// The distributions of the contract and their parameters, in the order they are documented.
    static let distributionParameters: KeyValuePairs<String, [String]> = [
        "exponential": ["mean"],
        "deterministic": ["value"],
        "lognormal": ["mean", "cv"],
        "gamma": ["mean", "cv"],
        "erlang": ["k", "mean"],
        "uniform": ["min", "max"],
        "weibull": ["shape", "scale"],
        "hyperexponential": ["mean", "cv"],
        "empirical": ["file"],
    ]

    static var distributionNames: [String] { distributionParameters.map(\.key) }

    /// A distribution of durations (seconds) or sizes (bytes) under `key`; nil when absent or invalid.
    func distribution(_ f: Fields, _ key: String, kind: QuantityKind) -> Distribution? {
        guard let node = f[key] else { return nil }
        return distribution(node, kind: kind, context: "'\(key)' in \(f.context)")
    }

    /// A bare quantity (deterministic) or `{dist: NAME, ...}` whose quantity parameters take units of `kind`.
    func distribution(_ node: Node, kind: QuantityKind, context: String) -> Distribution? {
        let names = Self.distributionNames.joined(separator: ", ")
        switch node {
        case .scalar:
            let expected = "a \(kind.noun) (like \(kind.example)) or a distribution {dist: NAME, ...}"
            return quantity(node, context, expected: expected, { (text: String) throws(UnitError) -> Double in
                try kind.parse(text)
            }).map { .deterministic(value: $0) }
        case .mapping(let mapping):
            guard let distNode = mapping["dist"], !Self.isNull(distNode) else {
                report(mapping.mark, "missing required key 'dist' in distribution for \(context); expected one of: \(names)")
                return nil
            }
            guard let name = scalar(distNode, "'dist' in \(context)", expected: "a distribution name") else { return nil }
            guard let parameters = Self.distributionParameters.first(where: { $0.key == name })?.value else {
                report(distNode.mark, "unknown distribution '\(name)' for \(context); expected one of: \(names)")
                return nil
            }
            let where_ = "\(name) distribution for \(context)"
            guard let f = fields(node, context: where_, allowed: ["dist"] + parameters, required: ["dist"] + parameters)
            else { return nil }
            func amount(_ key: String) -> Double? {
                quantity(f, key, expected: "a \(kind.noun) (like \(kind.example))", { (text: String) throws(UnitError) -> Double in
                    try kind.parse(text)
                })
            }
            func plain(_ key: String) -> Double? {
                guard let node = f[key] else { return nil }
                return number(node, "'\(key)' in \(where_)")
            }
            let result: Distribution?
            switch name {
            case "exponential":
                result = amount("mean").map { .exponential(mean: $0) }
            case "deterministic":
                result = amount("value").map { .deterministic(value: $0) }
            case "lognormal":
                let mean = amount("mean"), cv = plain("cv")
                result = mean.flatMap { m in cv.map { .lognormal(mean: m, cv: $0) } }
            case "gamma":
                let mean = amount("mean"), cv = plain("cv")
                result = mean.flatMap { m in cv.map { .gamma(mean: m, cv: $0) } }
            case "hyperexponential":
                let mean = amount("mean"), cv = plain("cv")
                result = mean.flatMap { m in cv.map { .hyperexponential(mean: m, cv: $0) } }
            case "erlang":
                let k = f["k"].flatMap { integer($0, "'k' in \(where_)") }, mean = amount("mean")
                result = k.flatMap { k in mean.map { .erlang(k: k, mean: $0) } }
            case "uniform":
                let low = amount("min"), high = amount("max")
                result = low.flatMap { a in high.map { .uniform(min: a, max: $0) } }
            case "weibull":
                let shape = plain("shape"), scale = amount("scale")
                result = shape.flatMap { k in scale.map { .weibull(shape: k, scale: $0) } }
            case "empirical":
                guard let fileNode = f["file"],
                      let path = scalar(fileNode, "'file' in \(where_)", expected: "a file path") else { return nil }
                switch empiricalSamples(path: path) {
                case .success(let samples): result = .empirical(samples: samples)
                case .failure(let error):
                    report(fileNode.mark, error.message)
                    return nil
                }
            default:
                result = nil
            }
            guard let result else { return nil }
            if let problem = result.parameterProblem {
                report(mapping.mark, "invalid parameters for \(where_): \(problem)")
                return nil
            }
            return result
        case .sequence, .alias:
            report(node.mark, "\(context) must be a \(kind.noun) (like \(kind.example)) or a distribution {dist: NAME, ...}, found \(Self.describe(node))")
            return nil
        }
    }

    /// Resolves `path` against the scenario's directory.
    func resolve(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        let base = baseDirectory.isEmpty ? FileManager.default.currentDirectoryPath : baseDirectory
        return URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: base, isDirectory: true)).standardizedFileURL.path
    }

    /// Largest empirical CSV read, in bytes (64 MiB: millions of samples).
    static let maxEmpiricalBytes = 64 << 20

    /// The samples in an empirical CSV: numbers separated by commas, semicolons, spaces or line breaks. Blank lines
    /// and lines starting with `#` are skipped, and so is a first line without any number (a header).
    func empiricalSamples(path: String) -> Result<[Double], UnitError> {
        let resolved = resolve(path)
        if let cached = empiricalCache[resolved] { return cached }
        let result: Result<[Double], UnitError>
        do {
            let data = try ScenarioText.bytes(atPath: resolved, maxBytes: Self.maxEmpiricalBytes)
            if let text = String(data: data, encoding: .utf8) {
                result = Self.parseSamples(text, path: path)
            } else {
                result = .failure(UnitError("empirical file '\(path)' (\(resolved)) is not UTF-8 text"))
            }
        } catch .tooLarge {
            result = .failure(UnitError("empirical file '\(path)' (resolved to \(resolved)) has more than \(Self.maxEmpiricalBytes >> 20) MiB; expected a smaller CSV of samples"))
        } catch {
            result = .failure(UnitError("cannot read empirical file '\(path)' (resolved to \(resolved)): \(error.reason)"))
        }
        empiricalCache[resolved] = result
        return result
    }

    static func parseSamples(_ text: String, path: String) -> Result<[Double], UnitError> {
        var samples: [Double] = []
        var sawContent = false
        let separators = CharacterSet(charactersIn: ",;\t ")
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let tokens = line.components(separatedBy: separators).filter { !$0.isEmpty }
            let values = tokens.map { Units.plainNumber($0.trimmingCharacters(in: CharacterSet(charactersIn: "\""))) }
            defer { sawContent = true }
            if !sawContent && values.allSatisfy({ $0 == nil }) { continue }  // header
            for (token, value) in zip(tokens, values) {
                guard let value else {
                    return .failure(UnitError("empirical file '\(path)' line \(index + 1): '\(token)' is not a number; expected numbers separated by commas or line breaks"))
                }
                samples.append(value)
            }
        }
        if samples.isEmpty {
            return .failure(UnitError("empirical file '\(path)' has no samples; expected numbers separated by commas or line breaks"))
        }
        return .success(samples)
    }
}
