import Foundation
import FuzzTargets

/// The reader chosen by the environment variable CAPSIM_FUZZ_TARGET (default: scenario).
nonisolated(unsafe) var selectedTarget = FuzzTarget.scenario

@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> Int32 {
    let name = ProcessInfo.processInfo.environment["CAPSIM_FUZZ_TARGET"] ?? FuzzTarget.scenario.rawValue
    guard let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("capsim-fuzz: unknown CAPSIM_FUZZ_TARGET '\(name)'; expected one of: \(names)\n".utf8))
        exit(64)
    }
    selectedTarget = target
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    selectedTarget.run(data)
    return 0
}
