import SimKernel

/// One independent replication of a compiled model: its own random streams, calendar and state.
///
/// The event loop is a single `switch` over value-type events; requests live in a reusable slot
/// array, so the steady state allocates nothing per event.
struct Replication: ~Copyable {
    let model: CompiledModel
    var calendar = EventCalendar(reservingCapacity: 4096)
    var now = 0.0
    let warmup: Double
    let end: Double

    var requests = SlotBuffer<RequestSlot>(reservingCapacity: 1024)
    var freeSlots = SlotBuffer<Int32>(reservingCapacity: 1024)
    /// Per pool segment (see `PoolState.channelOffset`): a stack of free channels, and the request
    /// each channel serves (-1 = idle). Channel k of a pool belongs to server k / concurrency.
    var freeChannels: SlotBuffer<Int32>
    var channelRequests: SlotBuffer<Int32>
    var live = 0
    /// Requests in flight beyond which the run stops early: the model is overloaded.
    let liveLimit: Int

    var pools: [PoolState]
    var directions: [DirectionState]
    var workloads: [WorkloadState]
    var limiters: [LimiterState]
    /// Per workload with a client: its requests across attempts (see `Replication+Clients`).
    var clientRecords = SlotBuffer<ClientRecord>(reservingCapacity: 16)
    var freeClientRecords = SlotBuffer<Int32>(reservingCapacity: 16)
    /// Per workload: retry-budget windows and recovery bins (empty for workloads without a client).
    var clients: [ClientState]
    /// Per workload: true when it has a client (arrivals take the client path); `anyClient` when one has.
    let hasClient: [Bool]
    let anyClient: Bool
    /// Per pool: servers currently out of service because of `events`.
    var eventServersDown: [Int]
    /// Time series, when requested (see `Replication+Series`).
    var series: SeriesRecorder?
    /// Per workload: arrivals stream, and the stream for everything its requests draw (service, sizes, patience,
    /// branch choices, delays).
    let arrivalStreams: [RandomSource]
    let workStreams: [RandomSource]
    /// Per workload: backoff jitter of its client.
    let clientStreams: [RandomSource]
    /// Per pool: failure and repair times.
    let failureStreams: [RandomSource]
    /// Owners of the generators behind the sources above.
    let streams: [RandomStream]
    /// Latency histograms: pool p wait = 2p, response = 2p + 1; then one per link direction,
    /// then one per workload (see `waitHistogram` and friends).
    let histograms: HistogramBank
    /// Per workload: route length, and the mean interarrival time when the rate is constant (else nil).
    let stepCounts: [Int]
    let constantInterarrival: [Double?]

    var events: UInt64 = 0
    var stoppedEarlyAt: Double? = nil

    /// - Parameter seriesInterval: record time series every this many seconds of measured time; nil = none.
    init(model: CompiledModel, replication: Int, liveLimit: Int = 2_000_000, seriesInterval: Double? = nil) {
        self.model = model
        let c = model.configuration
        warmup = c.simulation.warmup
        end = c.simulation.warmup + c.simulation.duration
        self.liveLimit = liveLimit
        func stream(_ name: String) -> RandomStream {
            RandomStream(seed: StreamSeed.derive(scenarioSeed: c.seed, replication: replication, stream: StreamSeed.id(of: name)))
        }
        let arrivals = model.workloads.map { stream("workload:\($0.id):arrivals") }
        let work = model.workloads.map { stream("workload:\($0.id):work") }
        let failures = model.pools.map { stream("pool:\($0.id):failures") }
        let clientJitter = model.workloads.map { stream("workload:\($0.id):client") }
        streams = arrivals + work + failures + clientJitter
        arrivalStreams = arrivals.map(\.source)
        workStreams = work.map(\.source)
        failureStreams = failures.map(\.source)
        clientStreams = clientJitter.map(\.source)
        histograms = HistogramBank(histograms: 2 * model.pools.count + model.directions.count + model.workloads.count
                                   + model.limiters.count)
        stepCounts = model.workloads.map(\.steps.count)
        constantInterarrival = model.workloads.map { $0.arrivals.isConstant && $0.arrivals.rate > 0 ? 1 / $0.arrivals.rate : nil }
        let totalChannels = model.pools.reduce(0) { $0 + $1.servers * $1.concurrency }
        channelRequests = SlotBuffer(repeating: -1, count: totalChannels)
        var offset = 0
        var pools: [PoolState] = []
        for p in model.pools {
            let channels = p.servers * p.concurrency
            // Channel 0 on top of the stack.
            pools.append(PoolState(
                channelOffset: offset, freeCount: channels,
                serverDown: Array(repeating: 0, count: p.servers),
                queues: Array(repeating: [], count: p.usesPriority ? model.priorityLevels : 1),
                upServers: p.servers,
                busy: TimeAverage(), queueLength: TimeAverage(), up: TimeAverage(value: Double(p.servers))))
            offset += channels
        }
        self.pools = pools
        freeChannels = Self.initialFreeChannels(model, total: totalChannels)
        directions = Array(repeating: DirectionState(), count: model.directions.count)
        workloads = Array(repeating: WorkloadState(), count: model.workloads.count)
        limiters = model.limiters.map { LimiterState(tokens: $0.burst) }
        hasClient = model.workloads.map { $0.client != nil }
        anyClient = hasClient.contains(true)
        eventServersDown = Array(repeating: 0, count: model.pools.count)
        let recovery = seriesInterval != nil && !model.configuration.events.isEmpty
        let runEnd = end, runWarmup = warmup
        clients = model.workloads.map { w in
            ClientState(budgeted: w.client?.budgetRatio != nil,
                        recoveryBins: recovery && w.client != nil ? Int(runEnd.rounded(.up)) + 1 : 0)
        }
        series = seriesInterval.map { SeriesRecorder(interval: $0, model: model, warmup: runWarmup, end: runEnd) }
    }

    /// Every pool's channels free, channel 0 on top of each pool's stack.
    static func initialFreeChannels(_ model: CompiledModel, total: Int) -> SlotBuffer<Int32> {
        var stack = SlotBuffer<Int32>(reservingCapacity: total)
        for p in model.pools {
            let channels = p.servers * p.concurrency
            for k in 0..<channels { stack.append(Int32(channels - 1 - k)) }
        }
        return stack
    }

    /// Runs the replication to its end and returns its measurements.
    mutating func run() -> ReplicationResult {
        for w in model.workloads.indices {
            let t = model.workloads[w].arrivals.nextArrival(after: 0, end: end, stream: arrivalStreams[w])
            if t < end { calendar.schedule(at: t, kind: EventKind.arrival, subject: Int32(w)) }
        }
        for p in model.pools.indices {
            guard let f = model.pools[p].failures else { continue }
            for s in 0..<model.pools[p].servers {
                calendar.schedule(at: failureStreams[p].exponential(mean: f.mtbf), kind: EventKind.serverDown, subject: Int32(p), item: Int32(s))
            }
        }
        for (i, e) in model.capacityEvents.enumerated() where e.at < end {
            calendar.schedule(at: e.at, kind: EventKind.capacityChange, subject: Int32(i), item: 1)
            if e.end < end { calendar.schedule(at: e.end, kind: EventKind.capacityChange, subject: Int32(i), item: 0) }
        }
        if warmup > 0 { calendar.schedule(at: warmup, kind: EventKind.warmupEnd) }
        if let s = series { scheduleFirstTick(s) }
        calendar.schedule(at: end, kind: EventKind.stop)

        loop: while let e = calendar.next() {
            now = e.time
            events &+= 1
            switch e.kind {
            case EventKind.arrival:
                arrive(workload: Int(e.subject))
            case EventKind.serviceDone:
                if requests[Int(e.item)].generation == e.tag { finishService(pool: Int(e.subject), request: Int(e.item)) }
            case EventKind.abandon:
                if requests[Int(e.item)].generation == e.tag { abandon(pool: Int(e.subject), request: Int(e.item)) }
            case EventKind.psDone:
                if directions[Int(e.subject)].token == e.tag { finishSharedTransfer(direction: Int(e.subject)) }
            case EventKind.fifoDone:
                finishQueuedTransfer(direction: Int(e.subject), request: Int(e.item))
            case EventKind.delivered:
                deliver(direction: Int(e.subject), request: Int(e.item))
            case EventKind.serverDown:
                serverFails(pool: Int(e.subject), server: Int(e.item))
            case EventKind.serverUp:
                serverRepaired(pool: Int(e.subject), server: Int(e.item))
            case EventKind.warmupEnd:
                startMeasuring()
            case EventKind.delayDone:
                if requests[Int(e.item)].generation == e.tag { advance(Int(e.item)) }
            case EventKind.tokenReady:
                tokenReady(limiter: Int(e.subject))
            case EventKind.limiterAbandon:
                if requests[Int(e.item)].generation == e.tag { abandonLimiter(Int(e.subject), request: Int(e.item)) }
            case EventKind.clientTimeout:
                clientTimedOut(record: Int(e.item), epoch: e.tag)
            case EventKind.clientRetry:
                clientRetries(record: Int(e.item), epoch: e.tag)
            case EventKind.capacityChange:
                capacityEvent(Int(e.subject), starts: e.item == 1)
            case EventKind.seriesTick:
                events &-= 1  // bookkeeping, not model behaviour: `events` is the same with or without series
                seriesTick(Int(e.item))
            default:
                break loop
            }
            if live > liveLimit {
                stoppedEarlyAt = now
                break loop
            }
        }
        return result(at: min(now, end))
    }

    // MARK: - Histogram numbering

    @inline(__always) func waitHistogram(pool p: Int) -> Int { 2 * p }
    @inline(__always) func responseHistogram(pool p: Int) -> Int { 2 * p + 1 }
    @inline(__always) func delayHistogram(direction d: Int) -> Int { 2 * model.pools.count + d }
    @inline(__always) func responseHistogram(workload w: Int) -> Int { 2 * model.pools.count + model.directions.count + w }
    @inline(__always) func waitHistogram(limiter l: Int) -> Int {
        2 * model.pools.count + model.directions.count + model.workloads.count + l
    }

    // MARK: - Requests

    @inline(__always)
    mutating func allocate(workload: Int) -> Int {
        live += 1
        if let slot = freeSlots.popLast() {
            let i = Int(slot)
            requests[i].workload = Int32(workload)
            requests[i].step = 0
            requests[i].arrival = now
            return i  // `parent` and `client` are -1: `releaseLinked` resets them on the slots that used them
        }
        var r = RequestSlot()
        r.workload = Int32(workload)
        r.arrival = now
        return requests.append(r)
    }

    @inline(__always)
    mutating func release(_ r: Int) {
        live -= 1
        requests[r].generation &+= 1
        freeSlots.append(Int32(r))
    }

    /// Frees a slot that may be a fork branch or a client's attempt, so that its next use starts unlinked.
    mutating func releaseLinked(_ r: Int) {
        requests[r].parent = -1
        requests[r].client = -1
        release(r)
    }

    mutating func arrive(workload w: Int) {
        let next: Double
        if let mean = constantInterarrival[w] {
            next = now + arrivalStreams[w].exponential(mean: mean)
        } else {
            next = model.workloads[w].arrivals.nextArrival(after: now, end: end, stream: arrivalStreams[w])
        }
        if next < end { calendar.schedule(at: next, kind: EventKind.arrival, subject: Int32(w)) }
        if anyClient && hasClient[w] {
            clientArrives(workload: w)
            return
        }
        workloads[w].arrived += 1
        let r = allocate(workload: w)
        startStep(r)
    }

    /// Sends request `r` to its current route step, or completes it after the last step.
    @inline(__always)
    mutating func startStep(_ r: Int) {
        let w = Int(requests[r].workload)
        let k = Int(requests[r].step)
        if k == stepCounts[w] {
            if requests[r].client >= 0 {
                clientAttemptCompleted(r)
                return
            }
            workloads[w].completed += 1
            histograms.record(responseHistogram(workload: w), now - requests[r].arrival)
            release(r)
            return
        }
        switch model.workloads[w].steps[k].kind {
        case .pool:
            enterPool(Int(model.workloads[w].steps[k].index), request: r)
        case .link:
            enterLink(direction: Int(model.workloads[w].steps[k].index), request: r,
                      bits: 8 * model.workloads[w].steps[k].size!.sample(workStreams[w]))
        default:
            controlStep(r, workload: w, step: k)
        }
    }

    /// A step that is neither a pool nor a link: limit, delay, branch, fork, join or jump.
    mutating func controlStep(_ r: Int, workload w: Int, step k: Int) {
        let step = model.workloads[w].steps[k]
        switch step.kind {
        case .limit:
            enterLimiter(Int(step.index), request: r)
        case .delay:
            calendar.schedule(at: now + step.service!.sample(workStreams[w]), kind: EventKind.delayDone,
                              item: Int32(r), tag: requests[r].generation)
        case .branch:
            let table = model.workloads[w].branches[Int(step.index)]
            let u = workStreams[w].uniform()
            var j = 0
            while u >= table.cumulative[j] { j += 1 }
            requests[r].step = table.targets[j]
            startStep(r)
        case .jump:
            requests[r].step = step.index
            startStep(r)
        case .fork:
            startFork(r, workload: w, table: Int(step.index))
        case .join:
            branchJoins(r)
        case .pool, .link:
            break
        }
    }

    /// Moves request `r` on to its next step.
    @inline(__always)
    mutating func advance(_ r: Int) {
        requests[r].step += 1
        startStep(r)
    }

    /// Request `r` is lost (blocked, abandoned or rejected).
    mutating func lose(_ r: Int) {
        if requests[r].parent >= 0 {
            branchLost(r)
            return
        }
        if requests[r].client >= 0 {
            clientAttemptLost(r)
            releaseLinked(r)
            return
        }
        workloads[Int(requests[r].workload)].lost += 1
        release(r)
    }
}
