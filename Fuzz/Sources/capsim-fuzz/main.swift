import Foundation
import FuzzTargets

// libFuzzer's driver, from the fuzzer runtime that -sanitize=fuzzer links. SwiftPM gives every executable its own
// `main`, so this program calls the driver itself instead of using libFuzzer's `main`.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// The reader chosen by the environment variable CAPSIM_FUZZ_TARGET (default: scenario).
let name = ProcessInfo.processInfo.environment["CAPSIM_FUZZ_TARGET"] ?? FuzzTarget.scenario.rawValue
guard let target = FuzzTarget(rawValue: name) else {
    let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
    FileHandle.standardError.write(Data("capsim-fuzz: unknown CAPSIM_FUZZ_TARGET '\(name)'; expected one of: \(names)\n".utf8))
    exit(64)
}
FuzzTarget.selected = target

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { bytes, count in
    FuzzTarget.selected.run(bytes.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
})
