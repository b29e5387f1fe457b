/// The pending-event set of a discrete-event simulation: a binary min-heap of `Event` values
/// ordered by (time, sequence number).
///
/// Events are stored inline in one buffer that this calendar owns (it is `~Copyable`, so the
/// buffer is never shared and never copied on write): scheduling and removing allocate nothing
/// once the buffer has grown to the largest number of pending events. Events that share a time
/// come out in the order they were scheduled, which makes every run repeatable.
///
/// - Complexity: `schedule` and `next` are O(log n) for n pending events.
public struct EventCalendar: ~Copyable {
    @usableFromInline var storage: UnsafeMutablePointer<Event>
    @usableFromInline var capacity: Int
    @usableFromInline var size = 0
    @usableFromInline var nextSequence: UInt64 = 0
    /// Time of the last event taken, in seconds: debug builds refuse to schedule anything before it.
    @usableFromInline var lastTaken = -Double.infinity

    public init(reservingCapacity capacity: Int = 1024) {
        self.capacity = max(capacity, 16)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    /// Number of pending events.
    @inlinable public var count: Int { size }
    /// True when nothing is scheduled.
    @inlinable public var isEmpty: Bool { size == 0 }
    /// The earliest pending event, left in place, or nil.
    @inlinable public var first: Event? { size > 0 ? storage[0] : nil }
    /// The time of the earliest pending event, in seconds, or nil.
    @inlinable public var nextTime: Double? { size > 0 ? storage[0].time : nil }
    /// Events scheduled so far (also the next sequence number).
    @inlinable public var scheduledCount: UInt64 { nextSequence }

    @usableFromInline
    mutating func grow() {
        let bigger = UnsafeMutablePointer<Event>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: storage, count: size)
        storage.deallocate()
        storage = bigger
        capacity *= 2
    }

    /// Adds `event`, stamping it with the next sequence number.
    @inlinable
    public mutating func schedule(_ event: Event) {
        assert(!event.time.isNaN, "EventCalendar: an event at time NaN")
        assert(event.time >= lastTaken, "EventCalendar: an event at \(event.time) s, before the last event taken (\(lastTaken) s)")
        if size == capacity { grow() }
        var e = event
        e.sequence = nextSequence
        nextSequence &+= 1
        let h = storage
        var i = size
        size += 1
        while i > 0 {
            let parent = (i - 1) >> 1
            if !e.precedes(h[parent]) { break }
            h[i] = h[parent]
            i = parent
        }
        h[i] = e
    }

    /// Schedules an event of `kind` at `time` (seconds).
    @inlinable
    public mutating func schedule(at time: Double, kind: UInt32, subject: Int32 = 0, item: Int32 = 0, tag: UInt32 = 0) {
        schedule(Event(time: time, kind: kind, subject: subject, item: item, tag: tag))
    }

    /// Removes and returns the earliest event, or nil when the calendar is empty.
    @inlinable
    public mutating func next() -> Event? {
        guard size > 0 else { return nil }
        let h = storage
        let first = h[0]
        #if DEBUG
        lastTaken = first.time
        #endif
        size -= 1
        let n = size
        if n == 0 { return first }
        let last = h[n]
        var i = 0
        while true {
            var child = 2 * i + 1
            if child >= n { break }
            if child + 1 < n && h[child + 1].precedes(h[child]) { child += 1 }
            if !h[child].precedes(last) { break }
            h[i] = h[child]
            i = child
        }
        h[i] = last
        return first
    }

    /// True when the calendar's invariants hold: every event's time is a number, no event precedes its heap parent,
    /// and every sequence number was handed out. O(n); for tests and debugging.
    public var satisfiesInvariants: Bool {
        guard size >= 0, size <= capacity else { return false }
        for i in 0..<size {
            let e = storage[i]
            if e.time.isNaN || e.sequence >= nextSequence { return false }
            if i > 0 && e.precedes(storage[(i - 1) >> 1]) { return false }
        }
        return true
    }

    /// Removes every pending event; the sequence counter keeps counting.
    public mutating func removeAll() { size = 0 }
}
