import Foundation

/// Runs the built `capsim` executable (next to the test bundle) and captures its output.
struct CapsimProcess {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var executable: URL {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if dir.lastPathComponent.hasSuffix(".xctest") { dir = dir.deletingLastPathComponent() }
        for candidate in [dir, dir.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("capsim")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return dir.appendingPathComponent("capsim")
    }

    /// Runs capsim with `arguments` (in `directory`; with `environment` instead of this process's, when given).
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil) throws -> Output {
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        if let d = directory { p.currentDirectoryURL = d }
        if let e = environment { p.environment = e }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Output(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}

/// A temporary folder holding scenario files for one test.
struct Workspace {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("capsim-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }
    func files() -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [] }
}

enum Fixture {
    /// M/M/4 at 75% with a loose target; small enough for a fast run.
    static let pool = """
    name: cli-pool
    seed: 11
    simulation: {duration: 20m, warmup: 2m, replications: 4}
    horizon: {base_year: 2025, to: 2026}
    agencies:
      - {id: mps, name: Ministry of Public Security}
    sites:
      - {id: dc, agency: mps}
    pools:
      - id: auth
        site: dc
        servers: 4
        unit: {name: server, cost: 100, opex_per_year: 10}
        max_servers: 40
    workloads:
      - id: login
        agency: mps
        arrivals: {rate: 3/s, growth: 10%}
        route:
          - pool: auth
            service: {dist: exponential, mean: 1s}
    targets:
      - {workload: login, mean: 3s}

    """
}
