import Foundation
import Testing

@Suite("capsim command line")
struct CLITests {
    @Test func validatePrintsOkForAValidFile() throws {
        let ws = try Workspace()
        let file = try ws.write("s.yaml", Fixture.pool)
        let r = try CapsimProcess.run(["validate", file])
        #expect(r.status == 0)
        #expect(r.stdout == "\(file): ok\n")
    }

    @Test func validateReportsATypoWithItsLocationAndExits65() throws {
        let ws = try Workspace()
        let file = try ws.write("s.yaml", Fixture.pool.replacingOccurrences(of: "    servers: 4", with: "    servrs: 4"))
        let r = try CapsimProcess.run(["validate", file])
        #expect(r.status == 65)
        #expect(r.stderr.contains("\(file):12:5: error: unknown key 'servrs'"))
    }

    @Test func validateOfAMissingFileExits66() throws {
        let r = try CapsimProcess.run(["validate", "/nonexistent/scenario.yaml"])
        #expect(r.status == 66)
        #expect(r.stderr.contains("/nonexistent/scenario.yaml"))
    }

    @Test func unknownOptionIsAUsageErrorWithStatus64() throws {
        let r = try CapsimProcess.run(["run", "x.yaml", "--frobnicate"])
        #expect(r.status == 64)
    }

    @Test func runJSONIsByteIdenticalWhateverTheNumberOfJobs() throws {
        let ws = try Workspace()
        let file = try ws.write("s.yaml", Fixture.pool)
        let one = try CapsimProcess.run(["run", file, "--jobs", "1", "--json", "-"])
        let two = try CapsimProcess.run(["run", file, "--jobs", "2", "--json", "-"])
        #expect(one.status == 0 && two.status == 0)
        #expect(!one.stdout.isEmpty)
        #expect(one.stdout == two.stdout)
    }

    @Test func runWithTheSameSeedGivesIdenticalBytesAndAnotherSeedDiffers() throws {
        let ws = try Workspace()
        let file = try ws.write("s.yaml", Fixture.pool)
        let a = try CapsimProcess.run(["run", file, "--seed", "5", "--json", "-"])
        let b = try CapsimProcess.run(["run", file, "--seed", "5", "--json", "-"])
        let c = try CapsimProcess.run(["run", file, "--seed", "6", "--json", "-"])
        #expect(a.stdout == b.stdout)
        #expect(a.stdout != c.stdout)
    }

    @Test func runJSONHasTheContractKeysAndTheSummaryGoesToStderr() throws {
        let ws = try Workspace()
        let file = try ws.write("s.yaml", Fixture.pool)
        let r = try CapsimProcess.run(["run", file, "--json", "-"])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        for key in ["scenario", "seed", "replications", "duration", "warmup", "year", "events", "pools", "links", "workloads", "targets"] {
            #expect(doc[key] != nil, "missing \(key)")
        }
        let pool = try #require((doc["pools"] as? [String: Any])?["auth"] as? [String: Any])
        for key in ["servers", "utilization", "throughput", "queue_length", "wait", "response", "blocked_fraction", "abandoned_fraction", "availability"] {
            #expect(pool[key] != nil, "missing pools.auth.\(key)")
        }
        #expect(r.stderr.contains("Workloads"))
    }

    @Test func runWritesNothingWhenTheScenarioIsInvalid() throws {
        let ws = try Workspace()
        let file = try ws.write("s.yaml", Fixture.pool.replacingOccurrences(of: "mean: 1s", with: "mean: 1xs"))
        let r = try CapsimProcess.run(["run", file, "--json", ws.path("out.json")])
        #expect(r.status == 65)
        #expect(r.stderr.contains("error: unknown unit"))
        #expect(ws.files() == ["s.yaml"])
    }

    @Test func runIntoAMissingFolderExits73AndLeavesNoFile() throws {
        let ws = try Workspace()
        let file = try ws.write("s.yaml", Fixture.pool)
        let r = try CapsimProcess.run(["run", file, "--json", ws.path("missing/out.json")])
        #expect(r.status == 73)
        #expect(ws.files() == ["s.yaml"])
    }

    @Test func sizeExits2WhenNoConfigurationMeetsTheTargets() throws {
        let ws = try Workspace()
        // A mean response below the mean service time cannot be met by adding servers.
        let file = try ws.write("s.yaml", Fixture.pool.replacingOccurrences(of: "mean: 3s}", with: "mean: 0.5s}"))
        let r = try CapsimProcess.run(["size", file, "--json", ws.path("size.json")])
        #expect(r.status == 2)
        #expect(r.stdout.contains("NO"))
    }

    @Test func checkPassesAnUnchangedScenarioAndFailsADegradedOne() throws {
        let ws = try Workspace()
        let file = try ws.write("s.yaml", Fixture.pool)
        let base = try CapsimProcess.run(["run", file, "--json", ws.path("base.json")])
        #expect(base.status == 0)
        let same = try CapsimProcess.run(["check", file, "--baseline", ws.path("base.json")])
        #expect(same.status == 0)
        #expect(same.stdout.contains("check passed"))
        let worse = try ws.write("worse.yaml", Fixture.pool.replacingOccurrences(of: "servers: 4", with: "servers: 3"))
        let degraded = try CapsimProcess.run(["check", worse, "--baseline", ws.path("base.json")])
        #expect(degraded.status == 1)
        #expect(degraded.stdout.contains("REGRESSION"))
    }
}

@Suite("atomic output")
struct AtomicOutputTests {
    @Test func runJSONReplacesAnExistingFile() throws {
        let ws = try Workspace()
        let file = try ws.write("s.yaml", Fixture.pool)
        try ws.write("out.json", "old content")
        let r = try CapsimProcess.run(["run", file, "--json", ws.path("out.json")])
        #expect(r.status == 0)
        let text = try String(contentsOfFile: ws.path("out.json"), encoding: .utf8)
        #expect(text.hasPrefix("{"))
        #expect(Set(ws.files()) == ["s.yaml", "out.json"])
    }
}

@Suite("help text")
struct HelpTextTests {
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    /// The top-level help is part of the interface: a change to it must be deliberate (update the snapshot with
    /// `capsim --help > Tests/CLITests/Snapshots/help.txt`).
    @Test func topLevelHelpMatchesTheSnapshot() throws {
        let expected = try String(contentsOf: Self.snapshots.appendingPathComponent("help.txt"), encoding: .utf8)
        let r = try CapsimProcess.run(["--help"])
        #expect(r.status == 0)
        #expect(r.stdout == expected)
    }
}

@Suite("what-ifs on the command line")
struct WhatIfCLITests {
    @Test func setChangesTheRunAndIsRecordedInTheJSON() throws {
        let ws = try Workspace()
        let file = try ws.write("s.yaml", Fixture.pool)
        let r = try CapsimProcess.run(["run", file, "--set", "pools.auth.servers=6", "--json", "-"])
        #expect(r.status == 0)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect((doc["overrides"] as? [String: String]) == ["pools.auth.servers": "6"])
        #expect(((doc["pools"] as? [String: Any])?["auth"] as? [String: Any])?["servers"] as? Int == 6)
    }

    @Test func anUnknownPathIsAUsageErrorNamingTheClosestValidPath() throws {
        let ws = try Workspace()
        let file = try ws.write("s.yaml", Fixture.pool)
        let r = try CapsimProcess.run(["run", file, "--set", "pools.auth.servres=6"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("did you mean 'pools.auth.servers'?"))
    }

    @Test func anInvalidValueExits65NamingTheOverride() throws {
        let ws = try Workspace()
        let file = try ws.write("s.yaml", Fixture.pool)
        let r = try CapsimProcess.run(["plan", file, "--set", "workloads.login.arrivals.rate=fast", "--json", ws.path("p.json")])
        #expect(r.status == 65)
        #expect(r.stderr.contains("(value set by --set workloads.login.arrivals.rate=fast)"))
        #expect(!ws.exists("p.json"))
    }

    @Test func checkReappliesTheBaselinesOverrides() throws {
        let ws = try Workspace()
        let file = try ws.write("s.yaml", Fixture.pool)
        let base = try CapsimProcess.run(["run", file, "--set", "pools.auth.servers=8", "--json", ws.path("base.json")])
        #expect(base.status == 0)
        // Rerun with the same override: nothing moved.
        let same = try CapsimProcess.run(["check", file, "--baseline", ws.path("base.json")])
        #expect(same.status == 0, "\(same.stdout)\(same.stderr)")
        // An extra override that removes capacity regresses.
        let worse = try CapsimProcess.run(["check", file, "--baseline", ws.path("base.json"), "--set", "pools.auth.servers=4"])
        #expect(worse.status == 1)
    }

    @Test func checkRefusesAPlanDocumentAsBaseline() throws {
        let ws = try Workspace()
        let file = try ws.write("s.yaml", Fixture.pool)
        #expect(try CapsimProcess.run(["plan", file, "--json", ws.path("plan.json")]).status == 0)
        let r = try CapsimProcess.run(["check", file, "--baseline", ws.path("plan.json")])
        #expect(r.status == 65)
        #expect(r.stderr.contains("plan document"))
    }
}
