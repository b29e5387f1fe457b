import Foundation
import Testing

/// A scenario small enough to validate instantly, whose values the bad-input cases replace. Its pool is priced so
/// that the only diagnostics are those under test (a pool without unit: is warned about).
private let small = """
name: small
simulation: {duration: 10m, warmup: 1m, replications: 3}
agencies: [{id: a}]
sites: [{id: s, agency: a}]
pools:
  - id: p
    site: s
    servers: 2
    concurrency: 2
    unit: {name: server, cost: 1}
workloads:
  - id: w
    arrivals: {rate: 5/s}
    route: [{pool: p, service: {dist: exponential, mean: 100ms}}]

"""

/// Runs capsim and returns its output with the wall time it took, in seconds.
private func timed(_ arguments: [String]) throws -> (CapsimProcess.Output, Double) {
    let started = Date()
    let r = try CapsimProcess.run(arguments)
    return (r, Date().timeIntervalSince(started))
}

/// "LINE:COLUMN" of the first occurrence of `marker` in `text`.
private func at(_ marker: String, in text: String) -> String {
    for (i, line) in text.components(separatedBy: "\n").enumerated() {
        if let r = line.range(of: marker) { return "\(i + 1):\(line.distance(from: line.startIndex, to: r.lowerBound) + 1)" }
    }
    return "?"
}

@Suite("bad input on the command line: located errors within a second")
struct HostileInputCLITests {
    @Test func aBillionServersOfConcurrency1000Exit65AtTheServersValue() throws {
        let ws = try Workspace()
        let text = small.replacingOccurrences(of: "servers: 2\n    concurrency: 2", with: "servers: 1000000000\n    concurrency: 1000")
        let file = try ws.write("s.yaml", text)
        let (r, seconds) = try timed(["run", file])
        #expect(r.status == 65)
        #expect(r.stderr.hasPrefix("\(file):\(at("1000000000", in: text)): error: pool 'p' has 1000000000 servers × concurrency 1000"))
        #expect(seconds < 1)
    }

    @Test func aBillionReplicationsExit65AtTheReplicationsValue() throws {
        let ws = try Workspace()
        let text = small.replacingOccurrences(of: "replications: 3", with: "replications: 1000000000")
        let file = try ws.write("s.yaml", text)
        let (r, seconds) = try timed(["run", file])
        #expect(r.status == 65)
        #expect(r.stderr.hasPrefix("\(file):\(at("1000000000", in: text)): error: 1000000000 replications"))
        #expect(seconds < 1)
    }

    @Test func aDurationOf1e300sExit65AtTheDurationWithTheEstimate() throws {
        let ws = try Workspace()
        let text = small.replacingOccurrences(of: "duration: 10m", with: "duration: 1e300s")
        let file = try ws.write("s.yaml", text)
        for command in ["run", "size", "plan"] {
            let (r, seconds) = try timed([command, file])
            #expect(r.status == 65, "\(command)")
            #expect(r.stderr.hasPrefix("\(file):\(at("1e300s", in: text)): error: a simulation of 2025 is estimated at"), "\(command): \(r.stderr)")
            #expect(r.stderr.contains("--allow-long"))
            #expect(seconds < 1)
        }
        let v = try CapsimProcess.run(["validate", file])
        #expect(v.status == 65)
        #expect(v.stderr.contains("\(file):\(at("1e300s", in: text)): error: a simulation of 2025 is estimated at"))
    }

    @Test func aDurationOptionBeyondTheLimitIsAUsageError64() throws {
        let ws = try Workspace()
        let file = try ws.write("s.yaml", small)
        let (r, seconds) = try timed(["run", file, "--duration", "1e300s"])
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("capsim: error: --duration 1e+300 s: a simulation of 2025 is estimated at"))
        #expect(seconds < 1)
    }

    @Test func allowLongIsAcceptedByEveryCommandThatSimulates() throws {
        let ws = try Workspace()
        let file = try ws.write("s.yaml", small.replacingOccurrences(of: "duration: 10m", with: "duration: 1m"))
        #expect(try CapsimProcess.run(["run", file, "--allow-long"]).status == 0)
        #expect(try CapsimProcess.run(["validate", "--allow-long", file]).status == 0)
        for command in ["size", "plan", "report", "check"] {
            let help = try CapsimProcess.run([command, "--help"])
            #expect(help.stdout.contains("--allow-long"), "\(command)")
        }
    }

    @Test func aBillionLaughsAliasBombExit65AtTheAliasLineWithinASecond() throws {
        let ws = try Workspace()
        var lines = ["x-lol:", "  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            lines.append("  \(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]")
            previous = name
        }
        let file = try ws.write("bomb.yaml", lines.joined(separator: "\n") + "\n" + small)
        let (r, seconds) = try timed(["validate", file])
        #expect(r.status == 65)
        // The third *e on line 7 brings the expanded document past 250,000 nodes (see DocumentSafetyTests).
        #expect(r.stderr.hasPrefix("\(file):7:"))
        #expect(r.stderr.contains("alias '*e' expands to 66430 YAML nodes"))
        #expect(seconds < 1)
    }

    @Test func malformedUTF8Exit65AtTheFirstBadByte() throws {
        let ws = try Workspace()
        let file = ws.path("latin1.yaml")
        var data = Data("name: small\ndescription: Bộ C".utf8)
        data.append(0xF4)  // column 18 ("description: " is 13 characters, "Bộ C" 4): Latin-1 'ô', not UTF-8
        data.append(contentsOf: Data("ng an\n".utf8))
        try data.write(to: URL(fileURLWithPath: file))
        let (r, seconds) = try timed(["validate", file])
        #expect(r.status == 65)
        #expect(r.stderr.hasPrefix("\(file):2:18: error: the scenario file is not UTF-8 text: byte 0xF4 at line 2, column 18"))
        #expect(seconds < 1)
    }

    @Test func anEmptyFileExit65() throws {
        let ws = try Workspace()
        let file = try ws.write("empty.yaml", "")
        let (r, seconds) = try timed(["run", file])
        #expect(r.status == 65)
        #expect(r.stderr.hasPrefix("\(file):1:1: error: the scenario file is empty"))
        #expect(seconds < 1)
    }

    @Test func aDirectoryInsteadOfAFileExit66() throws {
        let ws = try Workspace()
        let (r, seconds) = try timed(["validate", ws.url.path])
        #expect(r.status == 66)
        #expect(r.stderr.contains("it is a directory"))
        #expect(seconds < 1)
    }

    /// Root reads a file whatever its mode, so this case cannot be produced when the tests run as root (as in CI).
    @Test(.enabled(if: geteuid() != 0, "root can read a file with mode 000"))
    func anUnreadableFileExit66() throws {
        let ws = try Workspace()
        let file = try ws.write("locked.yaml", small)
        chmod(file, 0)
        defer { chmod(file, 0o644) }
        let (r, seconds) = try timed(["validate", file])
        #expect(r.status == 66)
        #expect(r.stderr.contains("permission denied"))
        #expect(seconds < 1)
    }

    @Test func anOutputPathInAMissingFolderExit73ForEveryCommand() throws {
        let ws = try Workspace()
        let file = try ws.write("s.yaml", small.replacingOccurrences(of: "duration: 10m", with: "duration: 1m"))
        for command in ["run", "plan"] {
            let r = try CapsimProcess.run([command, file, "--json", ws.path("missing/out.json")])
            #expect(r.status == 73, "\(command)")
            #expect(r.stderr.contains("does not exist"))
        }
        #expect(!ws.exists("missing"))
    }

    @Test func anExistingOutputFileIsKeptWhenTheCommandFails() throws {
        let ws = try Workspace()
        let old = try ws.write("out.json", "{\"old\": true}\n")
        let bad = try ws.write("bad.yaml", small.replacingOccurrences(of: "replications: 3", with: "replications: 1000000000"))
        let typo = try ws.write("typo.yaml", small.replacingOccurrences(of: "servers: 2", with: "servrs: 2"))
        for file in [bad, typo] {
            let r = try CapsimProcess.run(["run", file, "--json", old])
            #expect(r.status == 65)
            #expect(try String(contentsOfFile: old, encoding: .utf8) == "{\"old\": true}\n")
        }
        #expect(ws.files().sorted() == ["bad.yaml", "out.json", "typo.yaml"])
    }

    @Test func anAbsurdServiceTimeIsAnOverloadWarningNotACrash() throws {
        let ws = try Workspace()
        let file = try ws.write("s.yaml", small.replacingOccurrences(of: "mean: 100ms", with: "mean: 1e300s"))
        let (r, seconds) = try timed(["validate", file])
        #expect(r.status == 0)
        #expect(r.stderr.contains("pool:p is overloaded: offered load is 1.3e+302% of capacity"))
        #expect(seconds < 1)
    }

    @Test func sizingAnAbsurdServiceTimeEndsInfeasibleNotInACrash() throws {
        let ws = try Workspace()
        let file = try ws.write("s.yaml", small.replacingOccurrences(of: "mean: 100ms", with: "mean: 1e300s")
            + "targets: [{workload: w, p95: 1s}]\n")
        let (r, seconds) = try timed(["size", file])
        #expect(r.status == 2)
        #expect(r.stdout.contains("NO FEASIBLE CONFIGURATION: no configuration within the bounds"))
        #expect(seconds < 5)
    }

    @Test func anAbsurdHorizonOrRedundancyIsLocatedNotACrash() throws {
        let ws = try Workspace()
        let horizon = try ws.write("h.yaml", "horizon: {base_year: -9000000000000000000, to: 9000000000000000000}\n" + small)
        let h = try CapsimProcess.run(["plan", horizon])
        #expect(h.status == 65)
        #expect(h.stderr.hasPrefix("\(horizon):1:48: error: the horizon from -9000000000000000000 to 9000000000000000000 spans more than 100 years"))
        let spares = try ws.write("r.yaml", small.replacingOccurrences(of: "concurrency: 2", with: "concurrency: 2\n    redundancy: n+9000000000000000000"))
        let r = try CapsimProcess.run(["size", spares])
        #expect(r.status == 65)
        #expect(r.stderr.contains("redundancy n+9000000000000000000 of pool 'p'"))
    }

    @Test func aYearFarFromTheBaseYearIsAUsageError64NotAnOverflow() throws {
        let ws = try Workspace()
        let file = try ws.write("s.yaml", small)
        let r = try CapsimProcess.run(["run", file, "--year", "9223372036854775807"])
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("capsim: error: --year 9223372036854775807: the year is more than 100 years from the base year 2025"))
    }
}

extension HostileInputCLITests {
    /// The explore-growth study with 30-day simulations and 100 samples: one plan (about 2 × 10⁹ events) stays
    /// within a plan's limit of 10¹⁰ events, the 105 plans of its uncertainty section exceed the 10¹¹ of an uncertainty
    /// study. The report refuses before planning anything, as `capsim explore` does, and writes nothing.
    @Test func aReportWhoseUncertaintyStudyExceedsTheWorkLimitExits65BeforePlanning() throws {
        let ws = try Workspace()
        let scenario = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Scenarios/explore-growth.yaml").standardized.path
        let out = ws.path("report")
        let (r, seconds) = try timed(["report", scenario, "--out", out, "--duration", "30d", "--samples", "100"])
        #expect(r.status == 65 || r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains("a study of 105 plans"), "\(r.stderr)")
        #expect(r.stderr.contains("--allow-long"))
        #expect(!FileManager.default.fileExists(atPath: out + "/index.html"))
        #expect(seconds < 5)
    }
}
