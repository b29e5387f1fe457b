import DequeModule
import HeapModule
import SimKernel

/// Event kinds of the infrastructure model.
enum EventKind {
    static let arrival: UInt32 = 0        // subject: workload
    static let serviceDone: UInt32 = 1    // subject: pool, item: request, tag: generation
    static let abandon: UInt32 = 2        // subject: pool, item: request, tag: generation
    static let psDone: UInt32 = 3         // subject: direction, tag: direction token
    static let fifoDone: UInt32 = 4       // subject: direction, item: request, tag: generation
    static let delivered: UInt32 = 5      // subject: direction, item: request, tag: generation
    static let serverDown: UInt32 = 6     // subject: pool, item: server
    static let serverUp: UInt32 = 7       // subject: pool, item: server
    static let warmupEnd: UInt32 = 8
    static let stop: UInt32 = 9
}

/// One request in flight. Slots are reused through a free list, so requests cost no allocation.
struct RequestSlot {
    var workload: Int32 = 0
    var step: Int32 = 0
    /// Bumped whenever a pending event or queue entry for this request must be ignored.
    var generation: UInt32 = 0
    /// Channel serving the request (pool steps), -1 when waiting.
    var channel: Int32 = -1
    /// Arrival in the system, seconds.
    var arrival: Double = 0
    /// Entry into the current pool or link, seconds.
    var stepStart: Double = 0
    /// Service time drawn at the current pool (kept if a failure restarts it), seconds; < 0 = not drawn.
    var service: Double = -1
    /// Bits carried on the current link.
    var bits: Double = 0
}

/// A waiting-line entry: the request and its generation when it joined.
struct QueueEntry {
    var request: Int32
    var generation: UInt32
}

/// Run-time state and measurements of one pool.
struct PoolState {
    /// Start of this pool's segment in the replication's channel stores.
    let channelOffset: Int
    /// Free channels: the first `freeCount` entries of the pool's segment of `Replication.freeChannels`.
    var freeCount: Int
    var serverUp: [Bool]
    var queues: [Deque<QueueEntry>]
    var waiting = 0
    var busyChannels = 0
    var upServers: Int

    var busy: TimeAverage
    var queueLength: TimeAverage
    var up: TimeAverage
    var arrivals = 0
    var blocked = 0
    var abandoned = 0
    var completed = 0
}

/// Run-time state and measurements of one link direction.
struct DirectionState {
    // Processor sharing: virtual time and finish tags (time field = finish tag in bits).
    var active = 0
    var virtualTime = 0.0
    var lastUpdate = 0.0
    var finishTags = Heap<FinishTag>()
    var tagSequence: UInt64 = 0
    var token: UInt32 = 0
    // FIFO: one transfer at a time.
    var transmitting = false
    var queue = Deque<QueueEntry>()

    var busy = TimeAverage()
    var bitsDelivered = 0.0
}

/// A processor-sharing transfer: done when the direction's virtual time reaches `tag` (bits).
struct FinishTag: Comparable {
    var tag: Double
    var sequence: UInt64
    var request: Int32
    static func < (a: FinishTag, b: FinishTag) -> Bool {
        a.tag < b.tag || (a.tag == b.tag && a.sequence < b.sequence)
    }
}

/// Measurements of one workload.
struct WorkloadState {
    var arrived = 0
    var completed = 0
    var lost = 0
}
