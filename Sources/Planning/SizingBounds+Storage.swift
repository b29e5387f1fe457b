import Foundation
import InfraModel
import Scenario

/// A resource whose closed-form need exceeds the largest capacity it may reach.
public struct CapacityShortfall: Sendable, Equatable {
    public var resource: ResourceID
    /// Capacity needed, in the resource's capacity unit (bytes for storage).
    public var need: Double
    /// The largest capacity allowed (`max_capacity`), in the same unit.
    public var maximum: Double
}

extension SizingBounds {
    /// Sizing variables for the storage of `scenario` in `year`. Storage is not simulated, so each variable is fixed
    /// at its closed form: the smallest whole number of steps with base + steps × step >= need, where base is what
    /// is installed or already bought (`floor`, else `installed`) and need = data × copies / (1 − headroom).
    /// When even the bound (`max_capacity`) is short of the need, the variable stops at the bound and a shortfall
    /// is returned.
    static func storage(_ scenario: Scenario, year: Int,
                        floor: [ResourceID: Double]?) -> (variables: [SizingVariable], shortfalls: [CapacityShortfall]) {
        var variables: [SizingVariable] = []
        var shortfalls: [CapacityShortfall] = []
        for storage in scenario.storage {
            let spec = storage.resource
            let step = storage.unit.step
            let base = floor?[spec.id] ?? spec.installed
            let need = scenario.storageNeed(storage, year: year)
            let steps = stepsToCover(need - base, step: step)
            let bound = spec.maximum.isFinite ? max(wholeSteps((spec.maximum - base) / step + 1e-9), 0) : Int(1e15)
            if steps > bound {
                shortfalls.append(CapacityShortfall(resource: spec.id, need: need, maximum: spec.maximum))
            }
            let value = min(steps, bound)
            variables.append(SizingVariable(resource: spec.id, lower: value, bound: value, base: base, step: step,
                                            redundancy: 0, lowerReason: PurchaseReason(.storageNeed(bytes: need), kind: .storage),
                                            closedForm: true))
        }
        return (variables, shortfalls)
    }

    /// The smallest whole number of steps whose capacity covers `missing` (0 when nothing is missing). A shortfall
    /// within a billionth of a step is rounding error, not a reason to buy.
    static func stepsToCover(_ missing: Double, step: Double) -> Int {
        guard missing > 0 else { return 0 }
        return wholeSteps((missing / step - 1e-9).rounded(.up))
    }

    /// `x` rounded down to a whole number of steps, clamped to a range `Int` holds.
    static func wholeSteps(_ x: Double) -> Int {
        guard x.isFinite else { return x > 0 ? Int(1e15) : 0 }
        return Int(min(max(x, 0), 1e15).rounded(.down))
    }
}
