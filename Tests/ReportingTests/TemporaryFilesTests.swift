import Foundation
import Reporting
import Testing

@Suite("temporary files of interrupted writes")
struct TemporaryFilesTests {
    @Test func anInterruptionRemovesTheFilesBeingWrittenAndKeepsTheFilesCompletedBeforeIt() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("capsim-tmp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
        let files = TemporaryFiles()
        #expect(files.create(path(".a.json.tmp")))
        #expect(files.create(path(".b.json.tmp")))
        try Data("{}".utf8).write(to: URL(fileURLWithPath: path(".b.json.tmp")))
        #expect(files.commit(path(".b.json.tmp"), to: path("b.json")) == nil)
        #expect(files.inFlight == [path(".a.json.tmp")])

        files.removeAllForExit()  // what SIGINT and SIGTERM do
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(left == ["b.json"])
    }

    @Test func aFailedWriteRemovesItsTemporaryFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("capsim-tmp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = TemporaryFiles()
        let temp = dir.appendingPathComponent(".x.tmp").path
        #expect(files.create(temp))
        // Renaming onto a path in a missing folder fails: the temporary file goes too.
        #expect(files.commit(temp, to: dir.appendingPathComponent("missing/x.json").path) != nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        #expect(files.inFlight.isEmpty)
    }
}
