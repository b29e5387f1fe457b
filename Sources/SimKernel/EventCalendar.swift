/// The pending-event set of a discrete-event simulation, ordered by (time, sequence number): a store of `Event`
/// values, plus optional first-in first-out lanes for streams of events that a model schedules in non-decreasing
/// time order.
///
/// **The store** is a sorted array while it holds few events (at most `arrayLimit`) and a 4-ary min-heap of keys
/// beyond. The sorted array keeps events in descending order: taking the first event takes the last element, and
/// adding one moves the events that are not later than it up by one. For a handful of pending events that is
/// cheaper than a heap, whose comparisons the processor cannot predict. The heap orders 16-byte keys (see `Key`:
/// the time, then a store sequence number and the slot of the event's payload in `storage`), so that a sift moves
/// half the bytes of an event, and the four children of a key fill one cache line: half the levels of a binary
/// heap, each choosing its least child without branches. Freed payload slots are reused from a stack. Reversed,
/// the sorted array is in heap order, so the store becomes a heap by writing one key per event (the events stay
/// where they are) when it grows past `arrayLimit`; it sorts itself back into an array when it shrinks to
/// `heapLimit`.
///
/// Events are stored inline in buffers that this calendar owns (it is `~Copyable`, so they are never shared and
/// never copied on write): scheduling and removing allocate nothing once the buffers have grown to the largest
/// number of pending events. Events that share a time come out in the order they were scheduled, whichever
/// lane or heap holds them, which makes every run repeatable. Event times are seconds and never negative.
///
/// **Lanes.** Some event streams are already sorted when they are scheduled: a workload's next arrival (one
/// pending at a time), or deliveries after a constant latency (scheduled at now + latency, so in time order). A
/// lane (`addLane()`, `schedule(_:lane:)`) keeps such a stream in a ring buffer: adding is O(1), and only the
/// heads of the lanes are ordered, in a small heap with one entry per lane (an empty lane's entry sorts last). The
/// order in which events come out is exactly the order without lanes. A heap lane (`addHeapLane()`,
/// `schedule(_:heapLane:)`) takes events in any order and keeps them in a small heap of its own: for a stream that
/// is short but early (its events would climb a deep store heap to the top, only to leave it at once). A slot lane
/// (`addSlotLane()`, `schedule(_:slotLane:)`) holds at most one event: scheduling on it *withdraws* the event it
/// holds, for a stream whose next event supersedes the previous one (a processor-sharing resource's next
/// completion). A withdrawn event never comes out, but it is counted: `withdrawnTaken()` tells how many withdrawn
/// events come before the last event taken, that is how many a calendar that kept them (for the model to skip
/// them) would have handed out.
///
/// - Complexity: `schedule` is O(n) (n <= `arrayLimit`) in the array and O(log n) in the heap (amortised: once
///   every 2^32 schedules in heap mode the keys are renumbered, O(n log n)), O(1) on a lane
///   (O(log k) for k lanes when the lane was empty); `next` is O(1) from the array, O(log n) from the heap and
///   O(log k) from a lane.
public struct EventCalendar: ~Copyable {
    /// The store's events: in array mode sorted (descending), in heap mode the payloads of the keys, by slot. Before
    /// slot 0 sits a sentinel whose time's bit pattern is the largest (see `allocateStorage`): the insertion loop of the
    /// sorted array stops at it without testing its index.
    @usableFromInline var storage: UnsafeMutablePointer<Event>
    /// The heap (heap mode): `size` keys, then sentinels (see `Key`).
    @usableFromInline var keys: UnsafeMutablePointer<Key>
    /// Slots of `storage` freed by the heap below `highWater`, a stack (heap mode); slots from `highWater` on are
    /// free too.
    @usableFromInline var freeSlots: UnsafeMutablePointer<UInt32>
    @usableFromInline var freeCount = 0
    @usableFromInline var highWater = 0
    /// The store sequence number of the next key (see `Key`), and the first one that is not used (2^32; lowered
    /// only by tests, to exercise `renumberStore`).
    @usableFromInline var storeOrder: UInt64 = 0
    @usableFromInline var storeOrderLimit: UInt64 = 1 << 32
    @usableFromInline var renumberings = 0
    /// Room for the events of a heap that becomes an array again.
    @usableFromInline var scratch: UnsafeMutablePointer<Event>
    @usableFromInline var capacity: Int
    @usableFromInline var size = 0
    /// True while the store is a heap.
    @usableFromInline var heapMode = false
    @usableFromInline var nextSequence: UInt64 = 0
    /// Time of the last event taken, in seconds: debug builds refuse to schedule anything before it.
    @usableFromInline var lastTaken = -Double.infinity
    /// Lanes: their ring buffers, and a heap of all lanes ordered by their first events (`laneCount` entries).
    @usableFromInline var lanes: UnsafeMutablePointer<Lane>
    @usableFromInline var laneCount = 0
    @usableFromInline var laneCapacity = 4
    @usableFromInline var laneHeap: UnsafeMutablePointer<LaneHead>
    /// The key of the last event taken (see `withdrawnTaken`).
    @usableFromInline var lastTakenTime: UInt64 = 0
    @usableFromInline var lastTakenSequence: UInt64 = 0
    /// Keys of events withdrawn from slot lanes that may still be after the last event taken (time in `time`,
    /// sequence in `sequence`; `lane` unused), and the number of those already known to come before it.
    @usableFromInline var withdrawn: UnsafeMutablePointer<LaneHead>
    @usableFromInline var withdrawnCount = 0
    @usableFromInline var withdrawnCapacity = 64
    @usableFromInline var withdrawnPassed: UInt64 = 0

    /// One lane: a ring buffer of events in (time, sequence) order.
    @usableFromInline struct Lane {
        @usableFromInline var buffer: UnsafeMutablePointer<Event>
        /// A power of two.
        @usableFromInline var capacity: Int
        @usableFromInline var head = 0
        @usableFromInline var count = 0
        /// Where this lane's entry sits in `laneHeap`.
        @usableFromInline var heapIndex: Int
        /// A heap lane (`addHeapLane`): `buffer` is a binary min-heap of `count` events (`head` stays 0), not a ring.
        @usableFromInline let isHeap: Bool
        /// A slot lane (`addSlotLane`): a ring that holds at most one event.
        @usableFromInline let isSlot: Bool

        init(capacity: Int, heapIndex: Int, isHeap: Bool, isSlot: Bool) {
            self.heapIndex = heapIndex
            self.capacity = capacity
            self.isHeap = isHeap
            self.isSlot = isSlot
            buffer = .allocate(capacity: capacity)
        }
    }

    /// A lane's first event, by key, with the lane's number; an empty lane has the key (UInt64.max, UInt64.max),
    /// which no event has (its time would be a NaN).
    @usableFromInline struct LaneHead {
        @usableFromInline var time: UInt64
        @usableFromInline var sequence: UInt64
        @usableFromInline var lane: Int

        @inlinable init(time: UInt64, sequence: UInt64, lane: Int) {
            self.time = time
            self.sequence = sequence
            self.lane = lane
        }
    }

    /// The store is a sorted array up to this many events, and becomes a heap beyond.
    public static var arrayLimit: Int { 32 }
    /// A heap that shrinks to this many events becomes a sorted array again.
    public static var heapLimit: Int { 12 }

    public init(reservingCapacity capacity: Int = 1024) {
        self.capacity = max(capacity, 64)
        storage = Self.allocateStorage(capacity: self.capacity)
        keys = Self.allocateKeys(capacity: self.capacity)
        freeSlots = .allocate(capacity: self.capacity)
        scratch = .allocate(capacity: Self.heapLimit)
        lanes = .allocate(capacity: laneCapacity)
        laneHeap = .allocate(capacity: laneCapacity)
        withdrawn = .allocate(capacity: withdrawnCapacity)
    }

    deinit {
        (storage - 1).deallocate()
        Self.deallocateKeys(keys)
        freeSlots.deallocate()
        scratch.deallocate()
        for l in 0..<laneCount { lanes[l].buffer.deallocate() }
        lanes.deallocate()
        laneHeap.deallocate()
        withdrawn.deallocate()
    }

    /// Number of pending events.
    @inlinable public var count: Int {
        var n = size
        for l in 0..<laneCount { n += lanes[l].count }
        return n
    }
    /// True when nothing is scheduled.
    @inlinable public var isEmpty: Bool { size == 0 && (laneCount == 0 || laneHeap[0].time == .max) }
    /// The earliest pending event, left in place, or nil.
    public var first: Event? {
        if laneCount > 0 && laneHeap[0].time != .max {
            let lane = lanes[laneHeap[0].lane]
            let e = lane.buffer[lane.head]
            if size == 0 || Self.key(e) < Self.key(storage[top]) { return e }
        }
        return size > 0 ? storage[top] : nil
    }
    /// Where the store's first event is in `storage` (size > 0).
    @inlinable var top: Int { heapMode ? keys[0].slot : size &- 1 }
    /// The time of the earliest pending event, in seconds, or nil.
    public var nextTime: Double? { first?.time }
    /// Events scheduled so far (also the next sequence number).
    @inlinable public var scheduledCount: UInt64 { nextSequence }

    // MARK: - Keys

    /// The order of events as one 128-bit key: the time's bit pattern (for times >= 0 it orders like the time),
    /// then the sequence number. Comparisons on it compile to flag arithmetic, not branches.
    @inlinable @inline(__always)
    static func key(_ e: Event) -> (UInt64, UInt64) { (e.time.bitPattern, e.sequence) }

    /// True when key a orders before key b.
    @inlinable @inline(__always)
    static func before(_ a: (UInt64, UInt64), _ b: (UInt64, UInt64)) -> Bool {
        // a < b as 128-bit numbers: a compare of the low words and a subtract-with-borrow of the high words.
        (UInt128(a.0) &<< 64 | UInt128(a.1)) < (UInt128(b.0) &<< 64 | UInt128(b.1))
    }

    /// The same order as `before`, written as a test of the times first (which almost always differ) and of the
    /// sequence numbers only on a tie: for the decisions that are branches anyway (which store to take from, where a
    /// sift stops), where `before`'s flag arithmetic compiles to two unpredictable branches instead of one.
    @inlinable @inline(__always)
    static func earlier(_ a: (UInt64, UInt64), _ b: (UInt64, UInt64)) -> Bool {
        a.0 < b.0 || (a.0 == b.0 && a.1 < b.1)
    }

    @inlinable @inline(__always)
    static func bit(_ b: Bool) -> Int { b ? 1 : 0 }

    /// All ones when `b`, else zero: for choosing between values without a branch (see `select`).
    @inlinable @inline(__always)
    static func mask(_ b: Bool) -> UInt64 { 0 &- UInt64(bit(b)) }

    /// `a` where `mask` is all ones, `b` where it is zero.
    @inlinable @inline(__always)
    static func select(_ a: Key, _ b: Key, _ mask: UInt64) -> Key {
        Key(time: b.time ^ ((b.time ^ a.time) & mask), order: b.order ^ ((b.order ^ a.order) & mask))
    }

    // MARK: - Store

    /// A heap entry: an event's time as its bit pattern (for times >= 0 it orders like the time), then `order`: the
    /// event's store sequence number (high 32 bits; orders the store's events like their sequence numbers) and its
    /// payload slot in `storage` (low 32 bits). The sequence numbers of distinct events differ, so comparing
    /// (time, order) as one 128-bit number orders events exactly as (time, sequence) does. 16 bytes: four share a
    /// cache line, and a sift moves half the bytes of an event.
    @usableFromInline struct Key {
        @usableFromInline var time: UInt64
        @usableFromInline var order: UInt64

        @inlinable @inline(__always) init(time: UInt64, order: UInt64) {
            self.time = time
            self.order = order
        }

        /// Past the last key: later than every event (no event has a NaN time). The heap's unused keys hold it, so
        /// that a sift can compare four children without looking at the size.
        @inlinable static var sentinel: Key { Key(time: .max, order: .max) }
        @inlinable var slot: Int { Int(truncatingIfNeeded: order & 0xFFFF_FFFF) }
        @inlinable var pair: (UInt64, UInt64) { (time, order) }
    }

    /// Keys before index 0 of the heap in its allocation: with 3, the four children 4i+1 ... 4i+4 of entry i sit
    /// in one 64-byte cache line.
    @inlinable static var keyOffset: Int { 3 }
    /// Sentinel keys after the heap's capacity (a sift reads up to three past the last key).
    @inlinable static var keyPadding: Int { 4 }

    @usableFromInline
    mutating func grow() {
        let newCapacity = capacity * 2
        precondition(newCapacity <= 1 << 32, "EventCalendar: more than 2^32 events pending")
        let bigger = Self.allocateStorage(capacity: newCapacity)
        bigger.moveInitialize(from: storage, count: heapMode ? highWater : size)
        (storage - 1).deallocate()
        storage = bigger
        let biggerKeys = Self.allocateKeys(capacity: newCapacity)
        biggerKeys.update(from: keys, count: size)
        Self.deallocateKeys(keys)
        keys = biggerKeys
        let biggerFree = UnsafeMutablePointer<UInt32>.allocate(capacity: newCapacity)
        biggerFree.moveInitialize(from: freeSlots, count: freeCount)
        freeSlots.deallocate()
        freeSlots = biggerFree
        capacity = newCapacity
    }

    /// Room for `capacity` events, after a sentinel event whose time's bit pattern is the largest (a NaN that no
    /// event has), at index -1.
    static func allocateStorage(capacity: Int) -> UnsafeMutablePointer<Event> {
        let all = UnsafeMutablePointer<Event>.allocate(capacity: capacity + 1)
        all.initialize(to: Event(time: Double(bitPattern: .max), sequence: .max, kind: 0))
        return all + 1
    }

    /// Room for `capacity` keys, cache-line aligned as `keyOffset` says, every one (padding included) the sentinel.
    static func allocateKeys(capacity: Int) -> UnsafeMutablePointer<Key> {
        let count = keyOffset + capacity + keyPadding
        let raw = UnsafeMutableRawPointer.allocate(byteCount: count * MemoryLayout<Key>.stride, alignment: 64)
        let all = raw.bindMemory(to: Key.self, capacity: count)
        all.initialize(repeating: .sentinel, count: count)
        return all + keyOffset
    }

    static func deallocateKeys(_ keys: UnsafeMutablePointer<Key>) {
        UnsafeMutableRawPointer(keys - keyOffset).deallocate()
    }

    /// Stamps `event` with the next sequence number (time checked; -0 becomes +0, so that the bit patterns of the
    /// times order like the times).
    @inlinable @inline(__always)
    mutating func stamped(_ event: Event) -> Event {
        precondition(event.time >= 0, "EventCalendar: an event at a negative or NaN time")
        assert(event.time >= lastTaken, "EventCalendar: an event at \(event.time) s, before the last event taken (\(lastTaken) s)")
        var e = event
        e.time = event.time + 0  // -0 + 0 is +0; any other time is unchanged
        e.sequence = nextSequence
        nextSequence &+= 1
        return e
    }

    /// Adds `event`, stamping it with the next sequence number.
    @inlinable @inline(__always)
    public mutating func schedule(_ event: Event) {
        if size == capacity { grow() }
        let e = stamped(event)
        if heapMode {
            pushHeap(e)
        } else if size < Self.arrayLimit {
            insertSorted(e)
        } else {
            becomeHeap()
            pushHeap(e)
        }
    }

    /// Adds `e` to the sorted array: after the events that come after it, before the others. Events at the same
    /// time were scheduled earlier, so they come first: `e` goes after every event whose time is greater. One loop
    /// from the top (the earliest event) moves the events that are not later than `e` up by one until it meets a
    /// later one, at the latest the sentinel before slot 0: a single branch to mispredict, where it stops. Times are
    /// compared as bit patterns (they are >= +0, see `stamped`).
    @inlinable @inline(__always)
    mutating func insertSorted(_ e: Event) {
        let t = e.time.bitPattern
        let stride = MemoryLayout<Event>.stride
        var to = UnsafeMutableRawPointer(storage + size)
        while true {
            let from = to - stride
            if from.load(as: UInt64.self) > t { break }  // the time, the first field of `Event`
            // Two 16-byte moves (copied as an `Event`, the 32 bytes took three loads and three stores).
            let low = from.loadUnaligned(as: SIMD2<UInt64>.self)
            let high = from.loadUnaligned(fromByteOffset: 16, as: SIMD2<UInt64>.self)
            to.storeBytes(of: low, as: SIMD2<UInt64>.self)
            to.storeBytes(of: high, toByteOffset: 16, as: SIMD2<UInt64>.self)
            to = from
        }
        to.assumingMemoryBound(to: Event.self).pointee = e
        size &+= 1
    }

    /// Adds `e` to the heap: its payload in a free slot, its key sifted up.
    @inlinable @inline(__always)
    mutating func pushHeap(_ e: Event) {
        let slot: Int
        if freeCount > 0 {
            freeCount &-= 1
            slot = Int(truncatingIfNeeded: freeSlots[freeCount])
        } else {
            slot = highWater
            highWater &+= 1
        }
        storage[slot] = e
        if storeOrder >= storeOrderLimit { renumberStore() }
        let k = Key(time: e.time.bitPattern, order: storeOrder &<< 32 | UInt64(truncatingIfNeeded: slot))
        storeOrder &+= 1
        let h = keys
        var i = size
        size &+= 1
        while i > 0 {
            let parent = (i &- 1) &>> 2
            let p = h[parent]
            if !Self.earlier(k.pair, p.pair) { break }
            h[i] = p
            i = parent
        }
        h[i] = k
    }

    /// Gives the heap's keys new store sequence numbers 0, 1, ... in the order of the old ones, which leaves their
    /// order (and so the heap) unchanged: for when the next number would not fit in 32 bits.
    @usableFromInline
    mutating func renumberStore() {
        let h = keys
        var byOrder = Array(0..<size)
        byOrder.sort { h[$0].order < h[$1].order }
        for (rank, i) in byOrder.enumerated() { h[i].order = UInt64(rank) << 32 | (h[i].order & 0xFFFF_FFFF) }
        storeOrder = UInt64(size)
        renumberings += 1
        precondition(storeOrder < storeOrderLimit, "EventCalendar: store sequence limit below the number of events")
    }

    /// The sorted array (descending) becomes a heap: reversed, it is sorted ascending, which is a heap. The events
    /// stay where they are, as the payloads of keys numbered in their order.
    @usableFromInline
    mutating func becomeHeap() {
        for i in 0..<size {
            let slot = size - 1 - i
            keys[i] = Key(time: storage[slot].time.bitPattern, order: UInt64(i) << 32 | UInt64(slot))
        }
        storeOrder = UInt64(size)
        highWater = size
        freeCount = 0
        heapMode = true
    }

    /// The heap becomes a sorted array (descending); its keys become sentinels again.
    @usableFromInline
    mutating func becomeArray() {
        var all = UnsafeMutableBufferPointer(start: keys, count: size)
        all.sort { Self.before($1.pair, $0.pair) }
        for i in 0..<size { scratch[i] = storage[keys[i].slot] }
        for i in 0..<size {
            storage[i] = scratch[i]
            keys[i] = .sentinel
        }
        heapMode = false
    }

    /// Schedules an event of `kind` at `time` (seconds).
    @inlinable @inline(__always)
    public mutating func schedule(at time: Double, kind: UInt32, subject: Int32 = 0, item: Int32 = 0, tag: UInt32 = 0) {
        schedule(Event(time: time, kind: kind, subject: subject, item: item, tag: tag))
    }

    /// Removes and returns the earliest event, or nil when the calendar is empty.
    @_transparent
    public mutating func next() -> Event? {
        let e: Event
        if laneCount > 0 {
            let l = laneHeap[0]
            if size > 0 {
                e = laneFirst(l) ? popLane(l.lane) : popStore()
            } else if l.time != .max {
                e = popLane(l.lane)
            } else {
                return nil
            }
        } else {
            guard size > 0 else { return nil }
            e = popStore()
        }
        lastTakenTime = e.time.bitPattern
        lastTakenSequence = e.sequence
        return e
    }

    /// True when the lane event with entry `l` comes before the store's first event (the store is not empty). The
    /// heap's sequence numbers are the store's own, so a tie of times is decided by the event's sequence number.
    @inlinable @inline(__always)
    func laneFirst(_ l: LaneHead) -> Bool {
        if heapMode {
            let k = keys[0]
            return l.time < k.time || (l.time == k.time && l.sequence < storage[k.slot].sequence)
        }
        return Self.earlier((l.time, l.sequence), Self.key(storage[size &- 1]))
    }

    /// Removes the store's first event (the store is not empty).
    @inlinable @inline(__always)
    mutating func popStore() -> Event {
        if !heapMode {
            size &-= 1
            #if DEBUG
            lastTaken = storage[size].time
            #endif
            return storage[size]
        }
        let e = popHeap()
        if size <= Self.heapLimit { becomeArray() }
        return e
    }

    /// Removes the heap's first event (the heap is not empty): its slot is freed, and the last key moves down from
    /// the root, at each level past the least of four children (chosen without branches; missing children are
    /// sentinels).
    @inlinable @inline(__always)
    mutating func popHeap() -> Event {
        let h = keys
        let slot = h[0].slot
        let first = storage[slot]
        #if DEBUG
        lastTaken = first.time
        #endif
        freeSlots[freeCount] = UInt32(truncatingIfNeeded: slot)
        freeCount &+= 1
        size &-= 1
        let n = size
        let last = h[n]
        h[n] = .sentinel
        if n == 0 { return first }
        let lk = last.pair
        var i = 0
        while true {
            let c = (i &<< 2) &+ 1
            if c >= n { break }
            // The least of each pair of children, then of the two: keys and index chosen by masks, not branches
            // (a ternary here compiles to a branch that the processor mispredicts half the time).
            let k0 = h[c], k1 = h[c &+ 1], k2 = h[c &+ 2], k3 = h[c &+ 3]
            let s01 = Self.mask(Self.before(k1.pair, k0.pair)), s23 = Self.mask(Self.before(k3.pair, k2.pair))
            let ka = Self.select(k1, k0, s01), kb = Self.select(k3, k2, s23)
            let s = Self.mask(Self.before(kb.pair, ka.pair))
            let child = Self.select(kb, ka, s)
            if !Self.earlier(child.pair, lk) { break }
            h[i] = child
            let a = c &+ Int(truncatingIfNeeded: s01 & 1), b = c &+ 2 &+ Int(truncatingIfNeeded: s23 & 1)
            i = a ^ ((a ^ b) & Int(truncatingIfNeeded: s))
        }
        h[i] = last
        return first
    }

    // MARK: - Lanes

    /// A new, empty lane; returns its number for `schedule(_:lane:)`.
    public mutating func addLane(reservingCapacity capacity: Int = 16) -> Int {
        addLane(reservingCapacity: capacity, isHeap: false, isSlot: false)
    }

    /// A new, empty slot lane; returns its number for `schedule(_:slotLane:)`. It holds at most one event: for a
    /// stream whose every new event supersedes the pending one, which would otherwise wait in the calendar only to be
    /// skipped when taken.
    public mutating func addSlotLane() -> Int {
        addLane(reservingCapacity: 1, isHeap: false, isSlot: true)
    }

    /// A new, empty heap lane; returns its number for `schedule(_:heapLane:)`. A heap lane takes events in any
    /// time order and keeps them in a heap of its own, so a stream that is usually one or two events long (say a
    /// processor-sharing resource's next completion, with the superseded ones) stays out of the store, whose
    /// heap may be deep.
    public mutating func addHeapLane(reservingCapacity capacity: Int = 4) -> Int {
        addLane(reservingCapacity: capacity, isHeap: true, isSlot: false)
    }

    mutating func addLane(reservingCapacity capacity: Int, isHeap: Bool, isSlot: Bool) -> Int {
        if laneCount == laneCapacity {
            let bigger = UnsafeMutablePointer<Lane>.allocate(capacity: laneCapacity * 2)
            bigger.moveInitialize(from: lanes, count: laneCount)
            lanes.deallocate()
            lanes = bigger
            let biggerHeap = UnsafeMutablePointer<LaneHead>.allocate(capacity: laneCapacity * 2)
            biggerHeap.moveInitialize(from: laneHeap, count: laneCount)
            laneHeap.deallocate()
            laneHeap = biggerHeap
            laneCapacity *= 2
        }
        var c = 4
        while c < capacity { c *= 2 }
        (lanes + laneCount).initialize(to: Lane(capacity: c, heapIndex: laneCount, isHeap: isHeap, isSlot: isSlot))
        // An empty lane sorts last: its entry goes at the end of the lane heap.
        (laneHeap + laneCount).initialize(to: LaneHead(time: .max, sequence: .max, lane: laneCount))
        laneCount += 1
        return laneCount - 1
    }

    /// Adds `event` at the end of lane `lane`, stamping it with the next sequence number. Its time must not be
    /// before the time of any event scheduled on the lane earlier (checked).
    @inlinable @inline(__always)
    public mutating func schedule(_ event: Event, lane l: Int) {
        let e = stamped(event)
        let lane = lanes + l
        assert(!lane.pointee.isHeap && !lane.pointee.isSlot, "EventCalendar: lane \(l) is a heap or slot lane")
        if lane.pointee.count == lane.pointee.capacity { growLane(l) }
        let mask = lane.pointee.capacity &- 1
        if lane.pointee.count > 0 {
            let previous = lane.pointee.buffer[(lane.pointee.head &+ lane.pointee.count &- 1) & mask]
            precondition(previous.time <= e.time, "EventCalendar: lane \(l) events out of time order")
            lane.pointee.buffer[(lane.pointee.head &+ lane.pointee.count) & mask] = e
            lane.pointee.count &+= 1
            return
        }
        lane.pointee.buffer[lane.pointee.head] = e
        lane.pointee.count = 1
        // The lane's entry moves up from where its empty key left it.
        var i = lane.pointee.heapIndex
        let entry = LaneHead(time: e.time.bitPattern, sequence: e.sequence, lane: l)
        while i > 0 {
            let parent = (i &- 1) &>> 1
            let p = laneHeap[parent]
            if !Self.earlier((entry.time, entry.sequence), (p.time, p.sequence)) { break }
            laneHeap[i] = p
            lanes[p.lane].heapIndex = i
            i = parent
        }
        laneHeap[i] = entry
        lane.pointee.heapIndex = i
    }

    /// Schedules an event of `kind` at `time` (seconds) on lane `lane`.
    @inlinable @inline(__always)
    public mutating func schedule(at time: Double, lane: Int, kind: UInt32, subject: Int32 = 0, item: Int32 = 0, tag: UInt32 = 0) {
        schedule(Event(time: time, kind: kind, subject: subject, item: item, tag: tag), lane: lane)
    }

    /// Adds `event` to heap lane `lane` (see `addHeapLane`), stamping it with the next sequence number. Any time.
    @inlinable @inline(__always)
    public mutating func schedule(_ event: Event, heapLane l: Int) {
        let e = stamped(event)
        let lane = lanes + l
        assert(lane.pointee.isHeap, "EventCalendar: lane \(l) is not a heap lane")
        if lane.pointee.count == lane.pointee.capacity { growLane(l) }
        let h = lane.pointee.buffer
        let k = Self.key(e)
        var i = lane.pointee.count
        lane.pointee.count &+= 1
        while i > 0 {
            let parent = (i &- 1) &>> 1
            if !Self.earlier(k, Self.key(h[parent])) { break }
            h[i] = h[parent]
            i = parent
        }
        h[i] = e
        // A new first event of the lane: its entry moves up the lane heap (its key only decreased).
        if i == 0 { siftUpLaneHeap(LaneHead(time: e.time.bitPattern, sequence: e.sequence, lane: l)) }
    }

    /// Schedules an event of `kind` at `time` (seconds) on heap lane `heapLane`.
    @inlinable @inline(__always)
    public mutating func schedule(at time: Double, heapLane: Int, kind: UInt32, subject: Int32 = 0, item: Int32 = 0, tag: UInt32 = 0) {
        schedule(Event(time: time, kind: kind, subject: subject, item: item, tag: tag), heapLane: heapLane)
    }

    /// Puts `event` on slot lane `lane` (see `addSlotLane`), stamping it with the next sequence number, in place of
    /// the event the lane holds, if any, which is withdrawn. Any time.
    @inlinable @inline(__always)
    public mutating func schedule(_ event: Event, slotLane l: Int) {
        let e = stamped(event)
        let lane = lanes + l
        assert(lane.pointee.isSlot, "EventCalendar: lane \(l) is not a slot lane")
        let entry = LaneHead(time: e.time.bitPattern, sequence: e.sequence, lane: l)
        if lane.pointee.count == 0 {
            lane.pointee.buffer[lane.pointee.head] = e
            lane.pointee.count = 1
            siftUpLaneHeap(entry)  // from the empty key, the largest
            return
        }
        let old = lane.pointee.buffer[lane.pointee.head]
        recordWithdrawn(LaneHead(time: old.time.bitPattern, sequence: old.sequence, lane: l))
        lane.pointee.buffer[lane.pointee.head] = e
        // The new key is later in sequence; earlier or later in time: the entry moves up or down.
        if Self.before((entry.time, entry.sequence), (old.time.bitPattern, old.sequence)) {
            siftUpLaneHeap(entry)
        } else {
            siftDownLaneHeap(entry, from: lane.pointee.heapIndex)
        }
    }

    /// Schedules an event of `kind` at `time` (seconds) on slot lane `slotLane`, withdrawing the one it holds.
    @inlinable @inline(__always)
    public mutating func schedule(at time: Double, slotLane: Int, kind: UInt32, subject: Int32 = 0, item: Int32 = 0, tag: UInt32 = 0) {
        schedule(Event(time: time, kind: kind, subject: subject, item: item, tag: tag), slotLane: slotLane)
    }

    @inlinable @inline(__always)
    mutating func recordWithdrawn(_ key: LaneHead) {
        if withdrawnCount == withdrawnCapacity { settleWithdrawn() }
        withdrawn[withdrawnCount] = key
        withdrawnCount &+= 1
    }

    /// Counts (and forgets) the withdrawn events that come before the last event taken; makes room for more.
    @usableFromInline
    mutating func settleWithdrawn() {
        var kept = 0
        for i in 0..<withdrawnCount {
            let k = withdrawn[i]
            if Self.before((k.time, k.sequence), (lastTakenTime, lastTakenSequence)) {
                withdrawnPassed &+= 1
            } else {
                withdrawn[kept] = k
                kept += 1
            }
        }
        withdrawnCount = kept
        if kept * 2 > withdrawnCapacity {
            let bigger = UnsafeMutablePointer<LaneHead>.allocate(capacity: withdrawnCapacity * 2)
            bigger.moveInitialize(from: withdrawn, count: kept)
            withdrawn.deallocate()
            withdrawn = bigger
            withdrawnCapacity *= 2
        }
    }

    /// The number of events withdrawn from slot lanes (see `schedule(_:slotLane:)`) that come before the last event
    /// taken, in (time, scheduling order): the events a calendar that kept them would have handed out so far, on top
    /// of those `next()` did.
    public mutating func withdrawnTaken() -> UInt64 {
        settleWithdrawn()
        return withdrawnPassed
    }

    /// Moves lane `entry.lane`'s entry, whose key has decreased to `entry`'s, up the lane heap.
    @inlinable @inline(__always)
    mutating func siftUpLaneHeap(_ entry: LaneHead) {
        var i = lanes[entry.lane].heapIndex
        while i > 0 {
            let parent = (i &- 1) &>> 1
            let p = laneHeap[parent]
            if !Self.earlier((entry.time, entry.sequence), (p.time, p.sequence)) { break }
            laneHeap[i] = p
            lanes[p.lane].heapIndex = i
            i = parent
        }
        laneHeap[i] = entry
        lanes[entry.lane].heapIndex = i
    }

    /// Removes the first event of heap lane `l` (not empty) and returns the lane's new first event's key entry.
    @usableFromInline
    mutating func popHeapLane(_ l: Int) -> (Event, LaneHead) {
        let lane = lanes + l
        let h = lane.pointee.buffer
        let first = h[0]
        lane.pointee.count &-= 1
        let n = lane.pointee.count
        guard n > 0 else { return (first, LaneHead(time: .max, sequence: .max, lane: l)) }
        let last = h[n]
        let lk = Self.key(last)
        var i = 0
        while true {
            let c = (i &<< 1) &+ 1
            if c >= n { break }
            var m = c
            if c &+ 1 < n { m = c &+ Self.bit(Self.before(Self.key(h[c &+ 1]), Self.key(h[c]))) }
            if !Self.earlier(Self.key(h[m]), lk) { break }
            h[i] = h[m]
            i = m
        }
        h[i] = last
        return (first, LaneHead(time: h[0].time.bitPattern, sequence: h[0].sequence, lane: l))
    }

    @usableFromInline
    mutating func growLane(_ l: Int) {
        let old = lanes[l]
        let bigger = UnsafeMutablePointer<Event>.allocate(capacity: old.capacity * 2)
        for k in 0..<old.count { (bigger + k).initialize(to: old.buffer[(old.head + k) & (old.capacity - 1)]) }
        old.buffer.deallocate()
        lanes[l].buffer = bigger
        lanes[l].capacity = old.capacity * 2
        lanes[l].head = 0
    }

    /// Removes the first event of lane `l`, whose entry heads the lane heap.
    @_transparent @usableFromInline
    mutating func popLane(_ l: Int) -> Event {
        let lane = lanes + l
        if lane.pointee.isHeap {
            let (e, head) = popHeapLane(l)
            #if DEBUG
            lastTaken = e.time
            #endif
            siftDownLaneHeap(head)
            return e
        }
        let e = lane.pointee.buffer[lane.pointee.head]
        #if DEBUG
        lastTaken = e.time
        #endif
        lane.pointee.head = (lane.pointee.head &+ 1) & (lane.pointee.capacity &- 1)
        lane.pointee.count &-= 1
        if lane.pointee.count > 0 {
            let next = lane.pointee.buffer[lane.pointee.head]
            siftDownLaneHeap(LaneHead(time: next.time.bitPattern, sequence: next.sequence, lane: l))
        } else {
            siftDownLaneHeap(LaneHead(time: .max, sequence: .max, lane: l))
        }
        return e
    }

    /// Puts `entry` at the root of the lane heap and sifts it down.
    @inlinable @inline(__always)
    mutating func siftDownLaneHeap(_ entry: LaneHead) {
        siftDownLaneHeap(entry, from: 0)
    }

    /// Puts `entry` at index `start` of the lane heap (where its lane's entry is) and sifts it down.
    @inlinable @inline(__always)
    mutating func siftDownLaneHeap(_ entry: LaneHead, from start: Int) {
        let n = laneCount
        var i = start
        let k = (entry.time, entry.sequence)
        while true {
            let c = (i &<< 1) &+ 1
            if c >= n { break }
            var m = c
            if c &+ 1 < n {
                let a = laneHeap[c &+ 1], b = laneHeap[c]
                m = c &+ Self.bit(Self.before((a.time, a.sequence), (b.time, b.sequence)))
            }
            let child = laneHeap[m]
            if !Self.earlier((child.time, child.sequence), k) { break }
            laneHeap[i] = child
            lanes[child.lane].heapIndex = i
            i = m
        }
        laneHeap[i] = entry
        lanes[entry.lane].heapIndex = i
    }

    // MARK: - Checks

    /// True when the calendar's invariants hold: every event's time is a number, no event precedes its heap parent,
    /// every lane is in order and the lane heap orders the lanes' first events, and every sequence number was
    /// handed out. O(n); for tests and debugging.
    public var satisfiesInvariants: Bool {
        guard size >= 0, size <= capacity else { return false }
        if heapMode {
            // Every key names a distinct slot below `highWater` that is not free, holds its event's time, and
            // orders no earlier than its parent; the keys order the events as (time, sequence) does; past the
            // keys, sentinels.
            guard highWater <= capacity, freeCount + size == highWater else { return false }
            var used = [Bool](repeating: false, count: highWater)
            for f in 0..<freeCount {
                let slot = Int(freeSlots[f])
                if slot >= highWater || used[slot] { return false }
                used[slot] = true
            }
            for i in 0..<size {
                let k = keys[i], slot = k.slot
                if slot >= highWater || used[slot] { return false }
                used[slot] = true
                let e = storage[slot]
                if e.time.isNaN || e.sequence >= nextSequence || k.time != e.time.bitPattern { return false }
                if k.order >> 32 >= storeOrder { return false }
                if i > 0 && Self.before(k.pair, keys[(i - 1) >> 2].pair) { return false }
            }
            let byKey = (0..<size).map { keys[$0] }.sorted { Self.before($0.pair, $1.pair) }
            for i in 1..<max(size, 1) where !storage[byKey[i - 1].slot].precedes(storage[byKey[i].slot]) { return false }
            for i in size..<(capacity + Self.keyPadding) where keys[i].pair != Key.sentinel.pair { return false }
        } else {
            for i in 0..<size {
                let e = storage[i]
                if e.time.isNaN || e.sequence >= nextSequence { return false }
                if e.time.bitPattern == (-0.0).bitPattern { return false }
                if i > 0 && storage[i - 1].precedes(e) { return false }
            }
            if size > Self.arrayLimit { return false }
            for i in 0..<(capacity + Self.keyPadding) where keys[i].pair != Key.sentinel.pair { return false }
        }
        for l in 0..<laneCount {
            let lane = lanes[l]
            if lane.isSlot && lane.count > 1 { return false }
            for k in 0..<lane.count {
                let e = lane.buffer[(lane.head + k) & (lane.capacity - 1)]
                if e.time.isNaN || e.sequence >= nextSequence { return false }
                if lane.isHeap {
                    // A heap lane: no event precedes its parent.
                    if lane.head != 0 || (k > 0 && e.precedes(lane.buffer[(k - 1) >> 1])) { return false }
                } else if k > 0 && e.precedes(lane.buffer[(lane.head + k - 1) & (lane.capacity - 1)]) {
                    return false
                }
            }
            // The lane's entry is where the lane says, with its first event's key (or the empty key).
            let h = lane.heapIndex
            guard h >= 0, h < laneCount, laneHeap[h].lane == l else { return false }
            let first = lane.count > 0 ? lane.buffer[lane.head] : nil
            if laneHeap[h].time != (first?.time.bitPattern ?? .max) || laneHeap[h].sequence != (first?.sequence ?? .max) {
                return false
            }
        }
        for h in 1..<max(laneCount, 1) {
            let p = laneHeap[(h - 1) >> 1]
            if Self.before((laneHeap[h].time, laneHeap[h].sequence), (p.time, p.sequence)) { return false }
        }
        return true
    }

    /// Lowers the store's sequence-number limit (normally 2^32, see `Key`) so that tests can make the heap
    /// renumber its keys often. `limit` must exceed the largest number of events the store will hold.
    @_spi(Testing)
    public mutating func limitStoreSequence(to limit: UInt64) {
        precondition(limit > UInt64(max(size, Self.arrayLimit + 1)) && limit <= 1 << 32,
                     "EventCalendar: store sequence limit out of range")
        storeOrderLimit = limit
        if heapMode && storeOrder >= limit { renumberStore() }
    }

    /// How many times the heap has renumbered its keys (see `renumberStore`).
    @_spi(Testing)
    public var storeRenumberings: Int { renumberings }

    /// Removes every pending event; the sequence counter keeps counting.
    public mutating func removeAll() {
        if heapMode { keys.update(repeating: .sentinel, count: size) }
        size = 0
        heapMode = false
        for l in 0..<laneCount {
            lanes[l].count = 0
            lanes[l].head = 0
            lanes[l].heapIndex = l
            laneHeap[l] = LaneHead(time: .max, sequence: .max, lane: l)
        }
    }
}
