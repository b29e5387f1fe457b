internal import CGSL
import Foundation

/// GSL's process-wide settings. GSL's default error handler aborts the process; capsim turns it
/// off once and checks return values instead.
enum KernelGSL {
    private static let once: Void = { _ = gsl_set_error_handler_off() }()
    static func disableAbortOnError() { _ = once }
}

/// Natural logarithm, kept behind one name so the hot path can be swapped in one place.
@inlinable @inline(__always)
func _log(_ x: Double) -> Double { Foundation.log(x) }

/// Exponential function, for the ziggurat's rejection step.
@inlinable @inline(__always)
func _exp(_ x: Double) -> Double { Foundation.exp(x) }
