/// One scheduled happening in a simulation: a plain value, so scheduling never allocates.
///
/// The kernel does not interpret `kind`, `subject`, `item` or `tag`; a model gives them meaning
/// (for example: kind = "service completion", subject = pool index, item = request slot,
/// tag = a generation number used to recognise events that were cancelled lazily).
public struct Event: Sendable, Equatable {
    /// Simulated time at which the event happens, in seconds.
    public var time: Double
    /// Insertion order; breaks ties between events at the same time so runs are deterministic.
    public var sequence: UInt64
    /// What happens (model-defined).
    public var kind: UInt32
    /// Which model element it concerns (model-defined index).
    public var subject: Int32
    /// Which entity it concerns (model-defined index).
    public var item: Int32
    /// A model-defined check value, e.g. a generation counter for lazy cancellation.
    public var tag: UInt32

    @inlinable
    public init(time: Double, sequence: UInt64 = 0, kind: UInt32, subject: Int32 = 0, item: Int32 = 0, tag: UInt32 = 0) {
        self.time = time
        self.sequence = sequence
        self.kind = kind
        self.subject = subject
        self.item = item
        self.tag = tag
    }

    /// Calendar order: earlier time first, then earlier insertion.
    @inlinable @inline(__always)
    public func precedes(_ other: Event) -> Bool {
        time < other.time || (time == other.time && sequence < other.sequence)
    }
}
