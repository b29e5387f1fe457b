import InfraModel

/// Why a resource has the capacity a plan gives it, as data: reports render it in each language.
public struct PurchaseReason: Sendable, Equatable {
    public enum Cause: Sendable, Equatable {
        /// With one step less this target would be missed: the target, the estimate and its 95% bound.
        case missedTarget(TargetResult)
        /// Closed form: offered load (in the resource's capacity unit) divided by the utilisation limit.
        case utilizationLimit(limit: Double, offered: Double)
        /// Closed form: capacity must exceed the offered load (in the resource's capacity unit).
        case stability(offered: Double)
        /// The capacity was installed or bought in an earlier year.
        case installed
        /// A robust plan: the capacity that at least this share of the sampled futures needs.
        case coversFutures(quantile: Double)
        /// Closed form for storage: the usable bytes needed this year, data × copies / (1 − headroom).
        case storageNeed(bytes: Double)
    }

    public var cause: Cause
    /// The kind of resource, which fixes the unit of `offered`.
    public var kind: ResourceID.Kind
    /// Steps kept in reserve (n+k) and included in the capacity.
    public var reserve: Int

    public init(_ cause: Cause, kind: ResourceID.Kind, reserve: Int = 0) {
        self.cause = cause
        self.kind = kind
        self.reserve = reserve
    }
}
