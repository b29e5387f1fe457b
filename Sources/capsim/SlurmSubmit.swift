import Foundation

/// Submits batch scripts with the cluster's own `sbatch`.
enum SlurmSubmit {
    /// `sbatch` is missing or refused a script (sysexits 69, service unavailable).
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The absolute path of this capsim executable, so that every task runs the same build.
    static func executablePath() -> String {
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return target }
        if let path = Bundle.main.executablePath { return URL(fileURLWithPath: path).standardizedFileURL.path }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }

    /// `sbatch` on PATH.
    static func sbatch() throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for dir in path.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = String(dir) + "/sbatch"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw Failure(description: "capsim: error: --submit needs Slurm's sbatch, which is not on PATH (\(path)); run capsim slurm on a login node of the cluster, or submit the written scripts there with the printed commands")
    }

    /// Submits `script` (after every task of job `after` succeeded, when given) and returns its job id.
    static func submit(_ sbatch: String, script: String, after: String? = nil) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: sbatch)
        p.arguments = ["--parsable"] + (after.map { ["--dependency=afterok:\($0)"] } ?? []) + [script]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        do {
            try p.run()
        } catch {
            throw Failure(description: "capsim: error: cannot run \(sbatch): \(error.localizedDescription)")
        }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let stdout = String(decoding: o, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let stderr = String(decoding: e, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard p.terminationStatus == 0 else {
            throw Failure(description: "capsim: error: sbatch \(script) failed (exit \(p.terminationStatus)): \(stderr.isEmpty ? stdout : stderr)")
        }
        // --parsable prints JOBID, or JOBID;CLUSTER on a federation.
        let id = String(stdout.split(separator: "\n").last?.prefix { $0 != ";" } ?? "")
        guard !id.isEmpty, id.allSatisfy(\.isNumber) else {
            throw Failure(description: "capsim: error: sbatch \(script) printed '\(stdout)', not a job id")
        }
        return id
    }
}
