import Foundation
import Testing

/// A scenario that simulates for minutes (10^7 s at 5 requests/s: 3 × 5 × 10^7 requests), so a signal finds it busy.
private let long = """
name: long
simulation: {duration: 1e7s, replications: 3}
horizon: {base_year: 2025, to: 2026}
agencies: [{id: a}]
sites: [{id: s, agency: a}]
pools:
  - {id: p, site: s, servers: 2, concurrency: 2, unit: {cost: 100}, max_servers: 20}
workloads:
  - id: w
    arrivals: {rate: 5/s}
    route: [{pool: p, service: {dist: exponential, mean: 100ms}}]
targets: [{workload: w, p95: 1s}]

"""

/// Starts capsim with `arguments`, sends `signal` after `delay` seconds, and returns its status and stderr.
private func interrupt(_ arguments: [String], with signal: Int32, after delay: Double) throws -> (Int32, String, Process.TerminationReason) {
    let p = Process()
    p.executableURL = CapsimProcess.executable
    p.arguments = arguments
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    Thread.sleep(forTimeInterval: delay)
    kill(p.processIdentifier, signal)
    let e = err.fileHandleForReading.readDataToEndOfFile()
    _ = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: e, as: UTF8.self), p.terminationReason)
}

@Suite("signals stop commands cleanly", .serialized)
struct SignalCLITests {
    @Test func sigintStopsRunWith130AOneLineMessageAndNoFile() throws {
        let ws = try Workspace()
        let file = try ws.write("long.yaml", long)
        let (status, stderr, reason) = try interrupt(["run", file, "--allow-long", "--json", ws.path("out.json")],
                                                     with: SIGINT, after: 1)
        #expect(reason == .exit)
        #expect(status == 130)
        #expect(stderr == "capsim: interrupted by SIGINT; stopped, temporary files removed\n")
        #expect(ws.files() == ["long.yaml"])
    }

    @Test func sigtermStopsPlanWith143AndNoFile() throws {
        let ws = try Workspace()
        let file = try ws.write("long.yaml", long)
        let (status, stderr, _) = try interrupt(["plan", file, "--allow-long", "--json", ws.path("plan.json")],
                                                with: SIGTERM, after: 1)
        #expect(status == 143)
        #expect(stderr == "capsim: interrupted by SIGTERM; stopped, temporary files removed\n")
        #expect(ws.files() == ["long.yaml"])
    }

    @Test func sigintStopsSizeWith130() throws {
        let ws = try Workspace()
        let file = try ws.write("long.yaml", long)
        let (status, stderr, _) = try interrupt(["size", file, "--allow-long", "--json", ws.path("size.json")],
                                                with: SIGINT, after: 1)
        #expect(status == 130)
        #expect(stderr.hasSuffix("interrupted by SIGINT; stopped, temporary files removed\n"))
        #expect(ws.files() == ["long.yaml"])
    }

    @Test func sigtermStopsReportWith143AndLeavesNoReportFolder() throws {
        let ws = try Workspace()
        let file = try ws.write("long.yaml", long)
        let (status, _, _) = try interrupt(["report", file, "--allow-long", "--out", ws.path("report")],
                                           with: SIGTERM, after: 1)
        #expect(status == 143)
        #expect(ws.files() == ["long.yaml"])
    }

    @Test func filesWrittenBeforeTheSignalAreKept() throws {
        let ws = try Workspace()
        let file = try ws.write("long.yaml", long)
        let done = try ws.write("earlier.json", "{}\n")
        let (status, _, _) = try interrupt(["run", file, "--allow-long", "--json", ws.path("out.json")], with: SIGINT, after: 1)
        #expect(status == 130)
        #expect(try String(contentsOfFile: done, encoding: .utf8) == "{}\n")
        #expect(ws.files().sorted() == ["earlier.json", "long.yaml"])
    }
}
