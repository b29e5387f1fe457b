import SimKernel

/// One independent replication of a compiled model: its own random streams, calendar and state.
///
/// The event loop is a single `switch` over value-type events; requests live in a reusable slot
/// array, so the steady state allocates nothing per event.
struct Replication: ~Copyable {
    let model: CompiledModel
    var calendar: EventCalendar
    var now = 0.0
    let warmup: Double
    let end: Double

    var requests = SlotBuffer<RequestSlot>(reservingCapacity: 1024)
    var freeSlots = SlotBuffer<Int32>(reservingCapacity: 1024)
    /// Per channel, in pool segments (see `PoolState.channelOffset`; channel k of a pool belongs to server
    /// k / concurrency): the request it serves (-1 = idle), and its neighbours in its pool's stack of free channels,
    /// a doubly linked list (global channel indices, -1 = none), so that a failed server's channels leave the stack
    /// in O(1) each, the others keeping their order.
    var channelRequests: SlotBuffer<Int32>
    var freeBelow: SlotBuffer<Int32>
    var freeAbove: SlotBuffer<Int32>
    /// Per server, in pool segments (see `PoolState.serverOffset`): reasons it is out of service now (a failure,
    /// events); up when 0.
    var serverDown: SlotBuffer<Int32>
    /// Waiting lines: per pool one per priority level, then one per link direction (FIFO links), then one per limiter.
    var waitingLines: DequeBank<QueueEntry>
    let limiterQueueBase: Int
    /// Per link direction: the finish tags of its active processor-sharing transfers.
    var finishTags: FinishTagHeaps
    var live = 0
    /// Requests in flight beyond which the run stops early: the model is overloaded.
    let liveLimit: Int

    var pools: SlotBuffer<PoolState>
    var directions: SlotBuffer<DirectionState>
    var workloads: SlotBuffer<WorkloadState>
    var limiters: SlotBuffer<LimiterState>
    /// Every workload's route, one after the other (see `WorkloadState.stepBase`).
    var steps: SlotBuffer<HotStep>
    /// Per pool: its patience, and the exponential means of its failures (seconds; 0 = no failures).
    var patience: SlotBuffer<Variate>
    var mtbf: SlotBuffer<Double>
    var mttr: SlotBuffer<Double>
    /// Empirical samples that the variates above point into (never grown after `init`).
    let variateSamples: SlotBuffer<Double>
    /// Pieces of constant arrival rate of the workloads whose rate varies, and each one's place in them.
    var ratePieces: SlotBuffer<RatePiece>
    var arrivalCursors: SlotBuffer<ArrivalCursor>
    /// Per workload with a client: its requests across attempts (see `Replication+Clients`).
    var clientRecords = SlotBuffer<ClientRecord>(reservingCapacity: 16)
    var freeClientRecords = SlotBuffer<Int32>(reservingCapacity: 16)
    /// Per workload: retry-budget windows and recovery bins (empty for workloads without a client).
    var clients: [ClientState]
    /// True when some workload has a client (its arrivals take the client path).
    let anyClient: Bool
    /// Per pool: servers currently out of service because of `events`.
    var eventServersDown: [Int]
    /// Time series, when requested (see `Replication+Series`).
    var series: SeriesRecorder?
    /// Per workload: arrivals stream, and the stream for everything its requests draw (service, sizes, patience,
    /// branch choices, delays).
    let arrivalStreams: SlotBuffer<RandomSource>
    let workStreams: SlotBuffer<RandomSource>
    /// Per workload: backoff jitter of its client.
    let clientStreams: [RandomSource]
    /// Per pool: failure and repair times.
    let failureStreams: SlotBuffer<RandomSource>
    /// Owners of the generators behind the sources above.
    let streams: [RandomStream]
    /// Latency histograms: pool p wait = 2p, response = 2p + 1; then one per link direction,
    /// then one per workload (see `waitHistogram` and friends).
    let histograms: HistogramBank
    let directionHistograms: Int
    let workloadHistograms: Int
    let limiterHistograms: Int

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
        arrivalStreams = Self.buffer(arrivals.map(\.source))
        workStreams = Self.buffer(work.map(\.source))
        failureStreams = Self.buffer(failures.map(\.source))
        clientStreams = clientJitter.map(\.source)
        histograms = HistogramBank(histograms: 2 * model.pools.count + model.directions.count + model.workloads.count
                                   + model.limiters.count)
        directionHistograms = 2 * model.pools.count
        workloadHistograms = 2 * model.pools.count + model.directions.count
        limiterHistograms = 2 * model.pools.count + model.directions.count + model.workloads.count

        // Variates: every empirical sample set copied once into `variateSamples`.
        var allSteps: [CompiledStep] = []
        for w in model.workloads { allSteps += w.steps }
        let poolPatience = model.pools.map(\.patience)
        var sampleCount = 0
        for s in allSteps { sampleCount += (s.service ?? s.size)?.empiricalSamples?.count ?? 0 }
        for p in poolPatience { sampleCount += p?.empiricalSamples?.count ?? 0 }
        var samples = SlotBuffer<Double>(reservingCapacity: sampleCount)
        func variate(_ sampler: Sampler?) -> Variate {
            guard let sampler else { return Variate(Sampler(.deterministic(value: 0))) }
            guard let values = sampler.empiricalSamples else { return Variate(sampler) }
            let first = samples.count
            for v in values { samples.append(v) }
            return Variate(sampler, samples: UnsafePointer(samples.baseAddress + first))
        }
        var steps = SlotBuffer<HotStep>(reservingCapacity: allSteps.count)
        for s in allSteps { steps.append(HotStep(kind: s.kind, index: s.index, draw: variate(s.service ?? s.size))) }
        var patience = SlotBuffer<Variate>(reservingCapacity: model.pools.count)
        for p in poolPatience { patience.append(variate(p)) }
        self.steps = steps
        self.patience = patience
        variateSamples = samples

        let totalChannels = model.pools.reduce(0) { $0 + $1.servers * $1.concurrency }
        channelRequests = SlotBuffer(repeating: -1, count: totalChannels)
        serverDown = SlotBuffer(repeating: 0, count: model.pools.reduce(0) { $0 + $1.servers })
        var queueCount = 0
        var pools = SlotBuffer<PoolState>(reservingCapacity: model.pools.count)
        var mtbf = SlotBuffer<Double>(reservingCapacity: model.pools.count)
        var mttr = SlotBuffer<Double>(reservingCapacity: model.pools.count)
        var channelOffset = 0, serverOffset = 0
        for p in model.pools {
            let channels = p.servers * p.concurrency
            let levels = p.usesPriority ? model.priorityLevels : 1
            var state = PoolState(
                channelOffset: channelOffset, serverOffset: serverOffset, queueBase: queueCount, levels: levels,
                concurrency: p.concurrency, capacity: p.capacity, usesPriority: p.usesPriority,
                hasPatience: p.patience != nil, upServers: p.servers, up: TimeAverage(value: Double(p.servers)))
            state.freeTop = channels > 0 ? Int32(channelOffset) : -1
            state.freeCount = channels
            pools.append(state)
            mtbf.append(p.failures?.mtbf ?? 0)
            mttr.append(p.failures?.mttr ?? 0)
            channelOffset += channels
            serverOffset += p.servers
            queueCount += levels
        }
        self.pools = pools
        freeBelow = Self.freeStackLinks(model, total: totalChannels, below: true)
        freeAbove = Self.freeStackLinks(model, total: totalChannels, below: false)
        self.mtbf = mtbf
        self.mttr = mttr

        var calendar = EventCalendar(reservingCapacity: 4096)
        var directions = SlotBuffer<DirectionState>(reservingCapacity: model.directions.count)
        for d in model.directions {
            directions.append(DirectionState(
                bandwidth: d.bandwidth, latency: d.latency, sharedByProcessors: d.sharing == .ps,
                deliveryLane: calendar.addLane(), completionLane: d.sharing == .ps ? calendar.addSlotLane() : -1,
                queue: queueCount))
            queueCount += 1
        }
        self.directions = directions
        finishTags = FinishTagHeaps(count: model.directions.count)
        limiterQueueBase = queueCount
        queueCount += model.limiters.count
        waitingLines = DequeBank(queues: queueCount)
        var limiters = SlotBuffer<LimiterState>(reservingCapacity: model.limiters.count)
        for l in model.limiters { limiters.append(LimiterState(tokens: l.burst)) }
        self.limiters = limiters

        var workloads = SlotBuffer<WorkloadState>(reservingCapacity: model.workloads.count)
        var pieces = SlotBuffer<RatePiece>(reservingCapacity: 16)
        var cursors = SlotBuffer<ArrivalCursor>(reservingCapacity: model.workloads.count)
        var stepBase = 0
        let runEnd = end
        for w in model.workloads {
            var state = WorkloadState()
            state.stepBase = stepBase
            state.routeLength = w.steps.count
            stepBase += w.steps.count
            if w.arrivals.isConstant {
                state.constantInterarrival = w.arrivals.rate > 0 ? 1 / w.arrivals.rate : 0
            } else {
                state.varyingRate = true
            }
            state.hasClient = w.client != nil
            state.level = w.level
            state.arrivalLane = calendar.addLane(reservingCapacity: 1)
            workloads.append(state)
            // A workload whose table would be too long (-1) draws through its clock.
            var first = -1
            if state.varyingRate, let table = w.arrivals.ratePieces(until: runEnd) {
                first = pieces.count
                for piece in table { pieces.append(piece) }
            }
            cursors.append(ArrivalCursor(clockStart: w.arrivals.start, piece: first))
        }
        self.workloads = workloads
        self.calendar = calendar
        ratePieces = pieces
        arrivalCursors = cursors
        anyClient = model.workloads.contains { $0.client != nil }
        eventServersDown = Array(repeating: 0, count: model.pools.count)
        let recovery = seriesInterval != nil && !model.configuration.events.isEmpty
        let runWarmup = warmup
        clients = model.workloads.map { w in
            ClientState(budgeted: w.client?.budgetRatio != nil,
                        recoveryBins: recovery && w.client != nil ? Int(runEnd.rounded(.up)) + 1 : 0)
        }
        series = seriesInterval.map { SeriesRecorder(interval: $0, model: model, warmup: runWarmup, end: runEnd) }
    }

    /// Every channel free, channel 0 on top of each pool's stack: the links to the channel below (`below`) or above.
    static func freeStackLinks(_ model: CompiledModel, total: Int, below: Bool) -> SlotBuffer<Int32> {
        var links = SlotBuffer<Int32>(repeating: -1, count: total)
        var offset = 0
        for p in model.pools {
            let channels = p.servers * p.concurrency
            for k in 0..<channels {
                let g = offset + k
                if below { links[g] = k + 1 < channels ? Int32(g + 1) : -1 } else { links[g] = k > 0 ? Int32(g - 1) : -1 }
            }
            offset += channels
        }
        return links
    }

    static func buffer<T>(_ values: [T]) -> SlotBuffer<T> {
        var b = SlotBuffer<T>(reservingCapacity: values.count)
        for v in values { b.append(v) }
        return b
    }

    /// Runs the replication to its end and returns its measurements.
    mutating func run() -> ReplicationResult {
        for w in workloads.indices {
            let t = nextArrival(workload: w)
            if t < end { calendar.schedule(at: t, lane: workloads[w].arrivalLane, kind: EventKind.arrival, subject: Int32(truncatingIfNeeded: w)) }
        }
        for p in pools.indices where mtbf[p] > 0 {
            for s in 0..<model.pools[p].servers {
                calendar.schedule(at: failureStreams[p].exponential(mean: mtbf[p]), kind: EventKind.serverDown, subject: Int32(truncatingIfNeeded: p), item: Int32(truncatingIfNeeded: s))
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
        // A processor-sharing link's superseded completions are withdrawn from the calendar rather than skipped when
        // taken; they still count as events, as they always have (the count is part of the results).
        events &+= calendar.withdrawnTaken()
        return result(at: min(now, end))
    }

    // MARK: - Histogram numbering

    @inline(__always) func waitHistogram(pool p: Int) -> Int { p &<< 1 }
    @inline(__always) func responseHistogram(pool p: Int) -> Int { (p &<< 1) | 1 }
    @inline(__always) func delayHistogram(direction d: Int) -> Int { directionHistograms &+ d }
    @inline(__always) func responseHistogram(workload w: Int) -> Int { workloadHistograms &+ w }
    @inline(__always) func waitHistogram(limiter l: Int) -> Int { limiterHistograms &+ l }

    // MARK: - Requests

    @inline(__always)
    mutating func allocate(workload: Int) -> Int {
        live &+= 1
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
        live &-= 1
        requests[r].generation &+= 1
        freeSlots.append(Int32(truncatingIfNeeded: r))
    }

    /// Frees a slot that may be a fork branch or a client's attempt, so that its next use starts unlinked.
    mutating func releaseLinked(_ r: Int) {
        requests[r].parent = -1
        requests[r].client = -1
        release(r)
    }

    /// The first arrival of workload `w` after now (seconds; infinity when none): exactly what
    /// `ArrivalClock.nextArrival` gives, drawn from the workload's arrival stream.
    @inline(__always)
    mutating func nextArrival(workload w: Int) -> Double {
        let mean = workloads[w].constantInterarrival
        if mean > 0 { return now + arrivalStreams[w].exponential(mean: mean) }
        guard workloads[w].varyingRate else { return .infinity }  // a constant rate of 0
        return nextVaryingArrival(workload: w)
    }

    mutating func nextVaryingArrival(workload w: Int) -> Double {
        let need = arrivalStreams[w].exponential(mean: 1)
        if arrivalCursors[w].piece >= 0,
           let t = arrivalCursors[w].nextArrival(after: now, end: end, need: need, pieces: ratePieces.baseAddress) {
            return t
        }
        return model.workloads[w].arrivals.nextArrivalVarying(after: now, end: end, need: need)
    }

    mutating func arrive(workload w: Int) {
        let next = nextArrival(workload: w)
        if next < end { calendar.schedule(at: next, lane: workloads[w].arrivalLane, kind: EventKind.arrival, subject: Int32(truncatingIfNeeded: w)) }
        if anyClient && workloads[w].hasClient {
            clientArrives(workload: w)
            return
        }
        workloads[w].arrived &+= 1
        let r = allocate(workload: w)
        startStep(r)
    }

    /// Sends request `r` to its current route step, or completes it after the last step.
    @inline(__always)
    mutating func startStep(_ r: Int) {
        let w = Int(requests[r].workload)
        let k = Int(requests[r].step)
        if k == workloads[w].routeLength {
            if requests[r].client >= 0 {
                clientAttemptCompleted(r)
                return
            }
            workloads[w].completed &+= 1
            histograms.record(responseHistogram(workload: w), now - requests[r].arrival)
            release(r)
            return
        }
        let i = workloads[w].stepBase + k
        switch steps[i].kind {
        case .pool:
            enterPool(Int(steps[i].index), request: r)
        case .link:
            enterLink(direction: Int(steps[i].index), request: r, bits: 8 * steps[i].draw.sample(workStreams[w]))
        default:
            controlStep(r, workload: w, step: k)
        }
    }

    /// `startStep` out of line: for the steps that lead to another step (branch, jump, fork, join) and other rare
    /// paths. `startStep` calls them, so if they inlined it, the optimiser would have to break the cycle somewhere and
    /// could pick `startStep` itself, which then costs a call on every arrival and completion.
    @inline(never)
    mutating func resumeRoute(_ r: Int) {
        startStep(r)
    }

    /// A step that is neither a pool nor a link: limit, delay, branch, fork, join or jump.
    mutating func controlStep(_ r: Int, workload w: Int, step k: Int) {
        let step = steps[workloads[w].stepBase + k]
        switch step.kind {
        case .limit:
            enterLimiter(Int(step.index), request: r)
        case .delay:
            calendar.schedule(at: now + step.draw.sample(workStreams[w]), kind: EventKind.delayDone,
                              item: Int32(truncatingIfNeeded: r), tag: requests[r].generation)
        case .branch:
            let table = model.workloads[w].branches[Int(step.index)]
            let u = workStreams[w].uniform()
            var j = 0
            while u >= table.cumulative[j] { j += 1 }
            requests[r].step = table.targets[j]
            resumeRoute(r)
        case .jump:
            requests[r].step = step.index
            resumeRoute(r)
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
        requests[r].step &+= 1
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
