import Foundation
import Scenario

/// What an explore study is, independent of where and how it runs: the scenario text, the `--set` overrides in
/// order, every option that changes results, and the contents of the empirical CSV files the scenario reads. Two
/// studies with the same identity plan the same runs with the same results; `hash` names it in a few characters.
///
/// It also carries what is needed to rebuild the study without the user's file (`study()`): the text itself, the
/// path it was read from (for diagnostics) and the folder its relative empirical files are resolved against. The
/// path and folder are not part of the hash: the same file reached by another path is the same study.
public struct ExploreIdentity: Sendable, Equatable {
    /// An empirical CSV the scenario reads, with an FNV-1a 64 digest of its bytes.
    public struct EmpiricalFile: Sendable, Equatable {
        /// Absolute path.
        public var path: String
        /// `fnv1a64:` and 16 hex digits, or `unreadable` when the file could not be read again.
        public var digest: String

        public init(path: String, digest: String) {
            self.path = path
            self.digest = digest
        }
    }

    /// Version of what the hash covers; a change makes older shard files another study (recomputed, not mixed).
    public static let version = 1

    /// The scenario file's path as it was given (named in diagnostics).
    public var scenarioPath: String
    /// Absolute folder against which relative empirical files are resolved.
    public var baseDirectory: String
    /// The scenario file's text.
    public var scenarioText: String
    /// `--set` overrides as `PATH=VALUE`, in the order given.
    public var overrides: [String]
    /// The study's options as given (nil = the scenario's own value).
    public var samples: Int?
    public var method: UncertaintySpec.Method?
    public var quantile: Double?
    public var designSeed: UInt64?
    public var noiseCheck: Int?
    /// Simulation seed, replications and measured duration (seconds) of every plan, as given.
    public var seed: UInt64?
    public var replications: Int?
    public var duration: Double?
    /// Sorted by path.
    public var empiricalFiles: [EmpiricalFile]

    public init(scenarioPath: String, baseDirectory: String, scenarioText: String, overrides: [String],
                samples: Int? = nil, method: UncertaintySpec.Method? = nil, quantile: Double? = nil,
                designSeed: UInt64? = nil, noiseCheck: Int? = nil, seed: UInt64? = nil, replications: Int? = nil,
                duration: Double? = nil, empiricalFiles: [EmpiricalFile] = []) {
        self.scenarioPath = scenarioPath
        self.baseDirectory = baseDirectory
        self.scenarioText = scenarioText
        self.overrides = overrides
        self.samples = samples
        self.method = method
        self.quantile = quantile
        self.designSeed = designSeed
        self.noiseCheck = noiseCheck
        self.seed = seed
        self.replications = replications
        self.duration = duration
        self.empiricalFiles = empiricalFiles
    }

    /// The identity of `study`; reads the empirical files again to digest them.
    public init(_ study: ExploreStudy) {
        let o = study.options
        self.init(scenarioPath: study.source.path,
                  baseDirectory: Self.absolute(study.source.baseDirectory),
                  scenarioText: study.source.text, overrides: study.scenario.overrides.map(\.argument),
                  samples: o.samples, method: o.method, quantile: o.quantile, designSeed: o.designSeed,
                  noiseCheck: o.noiseCheck, seed: o.simulation.seed, replications: o.simulation.replications,
                  duration: o.simulation.duration,
                  empiricalFiles: study.scenario.empiricalFiles.map { path in
                      EmpiricalFile(path: path, digest: FileManager.default.contents(atPath: path).map { FNV1a64.digest($0) } ?? "unreadable")
                  })
    }

    /// `directory` made absolute against the current folder ("" is the current folder, as for empirical files).
    static func absolute(_ directory: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        if directory.isEmpty { return cwd }
        return URL(fileURLWithPath: directory, isDirectory: true, relativeTo: URL(fileURLWithPath: cwd, isDirectory: true))
            .standardizedFileURL.path
    }

    /// `fnv1a64:` and 16 hex digits of the FNV-1a 64 hash of everything that changes results (not the paths).
    public var hash: String {
        var h = FNV1a64()
        func field(_ name: String, _ value: String?) {
            // Length-prefixed, so no value can run into the next one.
            let text = value ?? "-"
            h.add("\(name) \(value == nil ? "none" : String(text.utf8.count)):\(text)\n")
        }
        field("capsim explore study", String(Self.version))
        field("scenario", scenarioText)
        field("overrides", String(overrides.count))
        for o in overrides { field("set", o) }
        field("samples", samples.map { String($0) })
        field("method", method?.rawValue)
        field("quantile", quantile.map { "\($0)" })
        field("design-seed", designSeed.map { String($0) })
        field("noise-check", noiseCheck.map { String($0) })
        field("seed", seed.map { String($0) })
        field("replications", replications.map { String($0) })
        field("duration", duration.map { "\($0)" })
        field("empirical files", String(empiricalFiles.count))
        for f in empiricalFiles { field("empirical", f.digest) }
        return h.hex
    }

    /// The options to rebuild the study with.
    public var options: ExploreStudy.Options {
        ExploreStudy.Options(samples: samples, method: method, quantile: quantile, designSeed: designSeed,
                             noiseCheck: noiseCheck,
                             simulation: RunStudy.Overrides(seed: seed, replications: replications, duration: duration))
    }

    /// Rebuilds the study from the recorded text, overrides and options (empirical files are read again from
    /// `baseDirectory`).
    /// - Throws: what building the study from the user's file would throw (`ScenarioError`, `ExploreStudy.Failure`),
    ///   or `ExploreStudy.Failure` when a recorded override cannot be read.
    public func study() throws -> ExploreStudy {
        let source = try ScenarioSource.parse(yaml: scenarioText, path: scenarioPath, baseDirectory: baseDirectory)
        var parsed: [ScenarioOverride] = []
        for o in overrides {
            do {
                parsed.append(try ScenarioOverride(argument: o))
            } catch {
                throw ExploreStudy.Failure(description: "recorded override '\(o)' cannot be read: \(error.problem)")
            }
        }
        return try ExploreStudy(source: source, overrides: parsed, options: options)
    }
}

/// The 64-bit FNV-1a hash (Fowler–Noll–Vo): deterministic on every platform, enough to tell studies apart (not
/// a defence against forgery).
public struct FNV1a64: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for b in bytes {
            value ^= UInt64(b)
            value = value &* 0x0000_0100_0000_01b3
        }
    }

    public mutating func add(_ text: String) { add(text.utf8) }

    /// `fnv1a64:` and 16 lowercase hex digits.
    public var hex: String {
        let digits = String(value, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The digest of `bytes` as `hex`.
    public static func digest<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var h = FNV1a64()
        h.add(bytes)
        return h.hex
    }
}
