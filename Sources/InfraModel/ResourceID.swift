/// The identity of one resource that capacity can be bought for, from the scenario file to the report:
/// its kind and its id, written `kind:id` (`pool:eauth`, `link:hn-hcm`, `limiter:sms-gateway`, `storage:npd-store`).
///
/// Ids are unique within a kind; a pool and a link may share an id, because every table, cache and plan
/// is keyed by the typed identity, never by the bare id.
public struct ResourceID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// What kind of resource it is; the kind fixes its capacity unit.
    public enum Kind: String, Sendable, CaseIterable, Comparable {
        /// A server pool; capacity in servers.
        case pool
        /// A full-duplex link; capacity in bit/s per direction.
        case link
        /// A token bucket (SMS gateway, HSM signing, partner API); capacity in tokens per second.
        case limiter
        /// Storage for data at rest; capacity in usable bytes. Not simulated: its need is a closed form.
        case storage

        /// Kinds order as declared (pools, links, limiters, storage).
        public static func < (a: Kind, b: Kind) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    public let kind: Kind
    /// The id written in the scenario, unique within `kind`.
    public let id: String

    public init(_ kind: Kind, _ id: String) {
        self.kind = kind
        self.id = id
    }

    public static func pool(_ id: String) -> ResourceID { ResourceID(.pool, id) }
    public static func link(_ id: String) -> ResourceID { ResourceID(.link, id) }
    public static func limiter(_ id: String) -> ResourceID { ResourceID(.limiter, id) }
    public static func storage(_ id: String) -> ResourceID { ResourceID(.storage, id) }

    /// Parses `kind:id`; nil when the kind is unknown or the id is empty.
    public init?(label: String) {
        guard let colon = label.firstIndex(of: ":"), let kind = Kind(rawValue: String(label[..<colon])) else { return nil }
        let id = String(label[label.index(after: colon)...])
        guard !id.isEmpty else { return nil }
        self.init(kind, id)
    }

    /// `kind:id`, as in target subjects, explore capacity keys and reports.
    public var description: String { "\(kind.rawValue):\(id)" }

    /// Kind first, then id.
    public static func < (a: ResourceID, b: ResourceID) -> Bool { (a.kind, a.id) < (b.kind, b.id) }
}
