/// A processor-sharing transfer: done when its resource's virtual time reaches `tag` (bits of virtual time).
public struct FinishTag: Equatable {
    /// Virtual time (bits) at which the transfer finishes.
    public var tag: Double
    /// Start order on its resource: breaks ties between equal tags.
    public var sequence: UInt64
    /// Model-defined index of the transfer (a request).
    public var request: Int32

    @inlinable
    public init(tag: Double, sequence: UInt64, request: Int32) {
        self.tag = tag
        self.sequence = sequence
        self.request = request
    }

    /// Order of completion: smaller tag first, then earlier start.
    @inlinable @inline(__always)
    public static func before(_ a: FinishTag, _ b: FinishTag) -> Bool {
        a.tag < b.tag || (a.tag == b.tag && a.sequence < b.sequence)
    }
}

/// Per processor-sharing resource (e.g. a link direction), the finish tags of its active transfers: one binary
/// min-heap per resource (ordered by `FinishTag.before`), in buffers owned here (`~Copyable`: never shared, never
/// copied on write). Adding and removing a transfer are O(log n) for n active on the resource; a lone transfer
/// costs a few stores.
public struct FinishTagHeaps: ~Copyable {
    @usableFromInline struct Heap {
        @usableFromInline var buffer: UnsafeMutablePointer<FinishTag>
        @usableFromInline var capacity: Int
        @usableFromInline var count = 0

        init(buffer: UnsafeMutablePointer<FinishTag>, capacity: Int) {
            self.buffer = buffer
            self.capacity = capacity
        }
    }
    @usableFromInline let heaps: UnsafeMutablePointer<Heap>
    /// Number of heaps (resources).
    public let count: Int

    /// `count` empty heaps.
    public init(count: Int) {
        self.count = count
        heaps = .allocate(capacity: max(count, 1))
        for d in 0..<count { (heaps + d).initialize(to: Heap(buffer: .allocate(capacity: 8), capacity: 8)) }
    }

    deinit {
        for d in 0..<count { heaps[d].buffer.deallocate() }
        heaps.deallocate()
    }

    /// Number of active transfers on resource `d`.
    @inlinable
    public func count(_ d: Int) -> Int { heaps[d].count }

    /// The transfer of resource `d` that finishes first, or nil when none is active.
    @inlinable @inline(__always)
    public func min(_ d: Int) -> FinishTag? {
        heaps[d].count > 0 ? heaps[d].buffer[0] : nil
    }

    /// Adds `tag` to the heap of resource `d`.
    @inlinable @inline(__always)
    public func insert(_ tag: FinishTag, direction d: Int) {
        let heap = heaps + d
        if heap.pointee.count == heap.pointee.capacity { grow(d) }
        let h = heap.pointee.buffer
        var i = heap.pointee.count
        heap.pointee.count &+= 1
        while i > 0 {
            let parent = (i &- 1) &>> 1
            if !FinishTag.before(tag, h[parent]) { break }
            h[i] = h[parent]
            i = parent
        }
        h[i] = tag
    }

    /// Removes and returns the transfer of resource `d` that finishes first, or nil when none is active.
    @inlinable @inline(__always)
    public func popMin(_ d: Int) -> FinishTag? {
        let heap = heaps + d
        guard heap.pointee.count > 0 else { return nil }
        let h = heap.pointee.buffer
        let first = h[0]
        heap.pointee.count &-= 1
        let n = heap.pointee.count
        if n == 0 { return first }
        let last = h[n]
        var i = 0
        while true {
            var child = (i &<< 1) &+ 1
            if child >= n { break }
            if child &+ 1 < n && FinishTag.before(h[child &+ 1], h[child]) { child &+= 1 }
            if !FinishTag.before(h[child], last) { break }
            h[i] = h[child]
            i = child
        }
        h[i] = last
        return first
    }

    @usableFromInline
    func grow(_ d: Int) {
        let old = heaps[d]
        let bigger = UnsafeMutablePointer<FinishTag>.allocate(capacity: old.capacity * 2)
        bigger.moveInitialize(from: old.buffer, count: old.count)
        old.buffer.deallocate()
        heaps[d].buffer = bigger
        heaps[d].capacity = old.capacity * 2
    }
}
