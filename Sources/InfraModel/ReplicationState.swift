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
    static let delayDone: UInt32 = 10     // item: request, tag: generation
    static let tokenReady: UInt32 = 11    // subject: limiter
    static let limiterAbandon: UInt32 = 12 // subject: limiter, item: request, tag: generation
    static let clientTimeout: UInt32 = 13 // subject: workload, item: client record, tag: record epoch
    static let clientRetry: UInt32 = 14   // subject: workload, item: client record, tag: record epoch
    static let capacityChange: UInt32 = 15 // subject: capacity event, item: 1 = starts, 0 = ends
    static let seriesTick: UInt32 = 16    // item: interval number
}

/// One request in flight (a whole request, one attempt of a client's request, or one branch of a fork).
/// Slots are reused through a free list, so requests cost no allocation; the slot is 64 bytes.
struct RequestSlot {
    /// `channel` of a request that waits for its first service at the current pool (its wait is recorded when that
    /// service starts).
    static var notYetServed: Int32 { -2 }

    var workload: Int32 = 0
    /// Instruction of the workload's compiled route (see `CompiledStep`).
    var step: Int32 = 0
    /// Bumped whenever a pending event or queue entry for this request must be ignored.
    var generation: UInt32 = 0
    /// Channel serving the request (pool steps); `notYetServed` until its first service at the current pool starts, -1
    /// while it waits again after a failure restarted it.
    var channel: Int32 = -1
    /// For a fork branch: the slot of the request that forked it; -1 otherwise.
    var parent: Int32 = -1
    /// For an attempt of a workload with a client: its client record; -1 otherwise.
    var client: Int32 = -1
    /// The client record's epoch when this attempt was sent (the attempt is current while they match).
    var clientEpoch: UInt32 = 0
    /// For a request waiting at a join: fork branches still running.
    var pending: Int16 = 0
    /// For a request waiting at a join: a branch was lost (the loss is already counted).
    var failed = false
    /// Arrival in the system, seconds.
    var arrival: Double = 0
    /// Entry into the current pool or link, seconds.
    var stepStart: Double = 0
    /// Service time at the current pool, drawn when the request entered it (kept if a failure restarts it), seconds.
    var service: Double = -1
    /// Bits carried on the current link.
    var bits: Double = 0
}

/// A waiting-line entry: the request and its generation when it joined.
struct QueueEntry {
    var request: Int32
    var generation: UInt32
}

/// Run-time state and measurements of one pool, with the parts of its configuration the event loop reads. A plain
/// value (no references), kept in a `SlotBuffer`.
struct PoolState {
    /// Start of this pool's segment in the replication's per-channel stores (`channelRequests`, free-channel links).
    let channelOffset: Int
    /// Start of this pool's servers in `serverDown`.
    let serverOffset: Int
    /// This pool's first waiting line in `waitingLines` (one per priority level when the discipline is priority).
    let queueBase: Int
    let levels: Int
    let concurrency: Int
    /// Waiting places (Int.max = unlimited).
    let capacity: Int
    let usesPriority: Bool
    let hasPatience: Bool
    /// Free channels form a stack, kept as a doubly linked list through the channels (see `Replication`): its top
    /// (a global channel index, -1 when none is free) and its length.
    var freeTop: Int32 = -1
    var freeCount = 0
    var waiting = 0
    var busyChannels = 0
    var upServers: Int

    var busy = TimeAverage()
    var queueLength = TimeAverage()
    var up: TimeAverage
    var arrivals = 0
    var blocked = 0
    var abandoned = 0
    var completed = 0
}

/// Run-time state and measurements of one link direction, with its configuration. A plain value.
struct DirectionState {
    /// bit/s
    let bandwidth: Double
    /// Seconds.
    let latency: Double
    let sharedByProcessors: Bool
    /// The calendar lane of this direction's deliveries (they are scheduled at now + latency, so in time order).
    let deliveryLane: Int
    /// The calendar slot lane of this direction's processor-sharing completion (the next one; each new one withdraws
    /// the one it supersedes; -1 for a FIFO direction).
    let completionLane: Int
    // Processor sharing: virtual time and finish tags (in `finishTags`; tag = finish in bits of virtual time).
    var active = 0
    var virtualTime = 0.0
    var lastUpdate = 0.0
    var tagSequence: UInt64 = 0
    var token: UInt32 = 0
    // FIFO: one transfer at a time; the others wait in `waitingLines` at `queue`.
    var transmitting = false
    let queue: Int

    var busy = TimeAverage()
    var bitsDelivered = 0.0
}

/// Measurements of one workload, with what the event loop reads of its configuration. A plain value.
struct WorkloadState {
    /// Where its route starts in the replication's flat `steps`, and its length.
    var stepBase = 0
    var routeLength = 0
    /// Mean interarrival time (seconds) when the rate is constant and > 0, else 0.
    var constantInterarrival = 0.0
    /// True when its arrival rate varies (see `ArrivalCursor`).
    var varyingRate = false
    var hasClient = false
    /// Priority level (index into a priority pool's waiting lines).
    var level = 0
    /// The calendar lane of its arrivals (one pending at a time).
    var arrivalLane = 0
    /// Requests that arrived (first attempts).
    var arrived = 0
    /// Requests that completed (with a client: succeeded within their timeout).
    var completed = 0
    /// Requests lost (with a client: failed after every attempt).
    var lost = 0
    /// Attempts after the first (client retries).
    var retries = 0
    /// Attempts that completed after their client had given up on them.
    var orphaned = 0

    /// Forgets the measurements (end of the warm-up), keeping the configuration.
    mutating func resetMeasurements() {
        arrived = 0
        completed = 0
        lost = 0
        retries = 0
        orphaned = 0
    }
}

/// One instruction of a workload's route as the event loop reads it: a plain value (see `CompiledStep`).
struct HotStep {
    let kind: StepKind
    let index: Int32
    /// Service time (pool steps), delay (delay steps) or size in bytes (link steps); a constant 0 otherwise.
    let draw: Variate
}

/// Run-time state and measurements of one limiter (token bucket). A plain value.
struct LimiterState {
    /// Tokens in the bucket at `refilled`.
    var tokens: Double
    var refilled = 0.0
    var waiting = 0
    /// A `tokenReady` event is pending.
    var tokenEventPending = false
    var queueLength = TimeAverage()
    var arrivals = 0
    var passed = 0
    var rejected = 0
    var abandoned = 0
}

/// One request of a workload with a client, across its attempts.
struct ClientRecord {
    var workload: Int32 = 0
    /// Attempts sent so far.
    var attempts: Int32 = 0
    /// Bumped when an attempt is sent, when the current attempt ends (timeout, loss, success) and when the
    /// record is freed; events and attempts carrying an older epoch are stale. Never reset, so a reused record
    /// never matches an old attempt.
    var epoch: UInt32 = 0
    /// When the first attempt was sent, seconds.
    var firstSend: Double = 0
}
