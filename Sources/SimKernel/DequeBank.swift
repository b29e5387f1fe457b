/// A fixed number of double-ended queues of plain values, each a ring buffer owned by the bank (it is `~Copyable`,
/// so nothing is shared or copied on write): appending, prepending and removing the first element are a few
/// pointer operations, with no uniqueness check and no allocation once a queue has grown to its largest length.
///
/// `Element` must be a trivial type (no references): buffers are moved with memcpy and never deinitialized.
public struct DequeBank<Element>: ~Copyable {
    @usableFromInline struct Ring {
        @usableFromInline var buffer: UnsafeMutablePointer<Element>
        /// A power of two.
        @usableFromInline var capacity: Int
        @usableFromInline var head = 0
        @usableFromInline var count = 0
    }
    @usableFromInline let rings: UnsafeMutablePointer<Ring>
    /// Number of queues.
    public let queues: Int

    /// `queues` empty queues, each with room for `capacity` elements before it grows.
    public init(queues: Int, reservingCapacity capacity: Int = 16) {
        self.queues = queues
        var c = 4
        while c < capacity { c *= 2 }
        rings = .allocate(capacity: max(queues, 1))
        for q in 0..<queues { (rings + q).initialize(to: Ring(buffer: .allocate(capacity: c), capacity: c)) }
    }

    deinit {
        for q in 0..<queues { rings[q].buffer.deallocate() }
        rings.deallocate()
    }

    /// Number of elements in queue `q`.
    @inlinable @inline(__always)
    public func count(_ q: Int) -> Int { rings[q].count }

    /// Appends `element` at the end of queue `q`.
    @inlinable @inline(__always)
    public func append(_ element: Element, to q: Int) {
        let ring = rings + q
        if ring.pointee.count == ring.pointee.capacity { grow(q) }
        ring.pointee.buffer[(ring.pointee.head &+ ring.pointee.count) & (ring.pointee.capacity &- 1)] = element
        ring.pointee.count &+= 1
    }

    /// Inserts `element` at the front of queue `q`.
    @inlinable
    public func prepend(_ element: Element, to q: Int) {
        let ring = rings + q
        if ring.pointee.count == ring.pointee.capacity { grow(q) }
        ring.pointee.head = (ring.pointee.head &- 1) & (ring.pointee.capacity &- 1)
        ring.pointee.buffer[ring.pointee.head] = element
        ring.pointee.count &+= 1
    }

    /// Removes and returns the first element of queue `q`, or nil when it is empty.
    @inlinable @inline(__always)
    public func popFirst(_ q: Int) -> Element? {
        let ring = rings + q
        guard ring.pointee.count > 0 else { return nil }
        let e = ring.pointee.buffer[ring.pointee.head]
        ring.pointee.head = (ring.pointee.head &+ 1) & (ring.pointee.capacity &- 1)
        ring.pointee.count &-= 1
        return e
    }

    /// The first element of queue `q`, left in place, or nil.
    @inlinable
    public func first(_ q: Int) -> Element? {
        let ring = rings[q]
        return ring.count > 0 ? ring.buffer[ring.head] : nil
    }

    /// Empties queue `q`.
    public func removeAll(_ q: Int) {
        rings[q].head = 0
        rings[q].count = 0
    }

    @usableFromInline
    func grow(_ q: Int) {
        let old = rings[q]
        let bigger = UnsafeMutablePointer<Element>.allocate(capacity: old.capacity * 2)
        for k in 0..<old.count { (bigger + k).initialize(to: old.buffer[(old.head + k) & (old.capacity - 1)]) }
        old.buffer.deallocate()
        rings[q] = Ring(buffer: bigger, capacity: old.capacity * 2, head: 0, count: old.count)
    }
}
