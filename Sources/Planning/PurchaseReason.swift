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
    /// The case the reserve is for, once the capacity is known (plan items of pools with n+k); nil otherwise.
    public var reserveCase: ReserveCase?

    /// A pool with k servers out of service: what an n+k purchase must survive.
    public struct ReserveCase: Sendable, Equatable {
        /// Servers after the purchase (all of them, the reserve included).
        public var servers: Int
        /// Servers out of service in this case (k of n+k).
        public var down: Int
        /// Offered utilisation of the servers left in service, offered load / (servers − down), a fraction
        /// (closed form, like the item's utilisation before and after).
        public var utilization: Double

        public init(servers: Int, down: Int, utilization: Double) {
            self.servers = servers
            self.down = down
            self.utilization = utilization
        }
    }

    public init(_ cause: Cause, kind: ResourceID.Kind, reserve: Int = 0, reserveCase: ReserveCase? = nil) {
        self.cause = cause
        self.kind = kind
        self.reserve = reserve
        self.reserveCase = reserveCase
    }
}
