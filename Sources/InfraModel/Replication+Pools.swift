import SimKernel

extension Replication {
    /// Request `r` arrives at pool `p`: its service time is drawn now, and it starts at once on a free channel or waits.
    ///
    /// Drawing at entry rather than when service starts takes the draw (and the loads that find the step's
    /// distribution and stream) off the path from a completion to the scheduling of the next one, which is what the
    /// event loop waits on: M/M/8 runs 6.5% faster (medians of 10 interleaved runs). A FIFO pool's requests of one
    /// workload start in the order they arrive, so they draw the same numbers either way; elsewhere the draws are
    /// assigned in another order, which changes no distribution (service times are independent of the state).
    @inline(__always)
    mutating func enterPool(_ p: Int, request r: Int) {
        let pool = pools.baseAddress + p
        let req = requests.baseAddress + r
        pool.pointee.arrivals &+= 1
        req.pointee.stepStart = now
        req.pointee.channel = RequestSlot.notYetServed
        let w = Int(req.pointee.workload)
        req.pointee.service = steps[workloads[w].stepBase + Int(req.pointee.step)].draw.sample(workStreams[w])
        if pool.pointee.freeCount > 0 {
            startService(pool: p, request: r, channel: popFreeChannel(pool: p))
            return
        }
        waitOrBlock(pool: p, request: r)
    }

    /// Request `r` finds every channel of pool `p` busy: it waits, or is lost when the waiting places are full. Inline:
    /// a busy pool is the common case (at 90% load on 8 servers two requests in three wait), and the call cost more
    /// than it saved (M/M/8, callgrind: 20 instructions per customer).
    @inline(__always)
    mutating func waitOrBlock(pool p: Int, request r: Int) {
        if pools[p].waiting >= pools[p].capacity {
            pools[p].blocked += 1
            lose(r)
            return
        }
        let level = pools[p].usesPriority ? workloads[Int(requests[r].workload)].level : 0
        waitingLines.append(QueueEntry(request: Int32(truncatingIfNeeded: r), generation: requests[r].generation), to: pools[p].queueBase + level)
        pools[p].waiting &+= 1
        pools[p].queueLength.update(to: Double(pools[p].waiting), at: now)
        if pools[p].hasPatience { schedulePatience(pool: p, request: r) }
    }

    mutating func schedulePatience(pool p: Int, request r: Int) {
        let w = Int(requests[r].workload)
        calendar.schedule(at: now + patience[p].sample(workStreams[w]), kind: EventKind.abandon,
                          subject: Int32(truncatingIfNeeded: p), item: Int32(truncatingIfNeeded: r), tag: requests[r].generation)
    }

    /// Request `r` starts service on channel `channel` of pool `p`. `@_transparent`: with `@inline(__always)` the
    /// optimiser called it from the link deliveries of the national-day model (5% of its time in the call).
    @_transparent
    mutating func startService(pool p: Int, request r: Int, channel: Int32) {
        let pool = pools.baseAddress + p
        pool.pointee.busyChannels &+= 1
        pool.pointee.busy.update(to: Double(pool.pointee.busyChannels), at: now)
        serve(pool: p, request: r, channel: channel)
    }

    /// Request `r` takes channel `channel` of pool `p` (its busy count already says so): records its wait unless a
    /// failure restarts it, and schedules its completion. `@_transparent`: with `@inline(__always)` the optimiser
    /// still called it from `finishService` (M/M/8, callgrind: 10 instructions per customer).
    @_transparent
    mutating func serve(pool p: Int, request r: Int, channel: Int32) {
        let req = requests.baseAddress + r
        let pool = pools.baseAddress + p
        if req.pointee.channel == RequestSlot.notYetServed {
            histograms.record(waitHistogram(pool: p), now - req.pointee.stepStart)
        }
        req.pointee.generation &+= 1
        req.pointee.channel = channel
        channelRequests[pool.pointee.channelOffset + Int(channel)] = Int32(truncatingIfNeeded: r)
        calendar.schedule(at: now + req.pointee.service, kind: EventKind.serviceDone,
                          subject: Int32(truncatingIfNeeded: p), item: Int32(truncatingIfNeeded: r), tag: req.pointee.generation)
    }

    mutating func finishService(pool p: Int, request r: Int) {
        let pool = pools.baseAddress + p
        let req = requests.baseAddress + r
        let channel = req.pointee.channel
        pool.pointee.completed &+= 1
        histograms.record(responseHistogram(pool: p), now - req.pointee.stepStart)
        req.pointee.channel = -1
        if pool.pointee.waiting > 0, let next = nextWaiting(pool: p) {
            // The channel passes straight to the next request: the number of busy channels stays the same, and one
            // update at `now` records exactly what a decrement and an increment at `now` would.
            pool.pointee.busy.update(to: Double(pool.pointee.busyChannels), at: now)
            serve(pool: p, request: next, channel: channel)
        } else {
            channelRequests[pool.pointee.channelOffset + Int(channel)] = -1
            pool.pointee.busyChannels &-= 1
            pool.pointee.busy.update(to: Double(pool.pointee.busyChannels), at: now)
            pushFreeChannel(pool: p, channel)
        }
        advance(r)
    }

    // MARK: - Free channels: a stack, as a doubly linked list through the channels

    /// Takes the channel on top of pool `p`'s free stack (the pool has one); returns its number in the pool.
    @inline(__always)
    mutating func popFreeChannel(pool p: Int) -> Int32 {
        let g = Int(pools[p].freeTop)
        pools[p].freeTop = freeBelow[g]
        pools[p].freeCount &-= 1
        return Int32(g - pools[p].channelOffset)
    }

    /// Puts channel `channel` of pool `p` on top of the pool's free stack.
    @inline(__always)
    mutating func pushFreeChannel(pool p: Int, _ channel: Int32) {
        let g = Int32(pools[p].channelOffset) + channel
        let top = pools[p].freeTop
        freeBelow[Int(g)] = top
        if top >= 0 { freeAbove[Int(top)] = g }
        pools[p].freeTop = g
        pools[p].freeCount &+= 1
    }

    /// Takes channel `g` (a global channel index, free) out of pool `p`'s free stack; the others keep their order.
    mutating func unlinkFreeChannel(pool p: Int, _ g: Int) {
        let below = freeBelow[g]
        if Int(pools[p].freeTop) == g {
            pools[p].freeTop = below
        } else {
            let above = freeAbove[g]
            freeBelow[Int(above)] = below
            if below >= 0 { freeAbove[Int(below)] = above }
        }
        pools[p].freeCount &-= 1
    }

    /// Removes and returns the next live waiting request (highest priority level first, FIFO within it).
    @inline(__always)
    mutating func nextWaiting(pool p: Int) -> Int? {
        guard pools[p].waiting > 0 else { return nil }
        guard pools[p].levels == 1 else { return nextWaitingByLevel(pool: p) }
        return nextWaiting(pool: p, line: pools[p].queueBase)
    }

    mutating func nextWaitingByLevel(pool p: Int) -> Int? {
        for level in 0..<pools[p].levels {
            if let r = nextWaiting(pool: p, line: pools[p].queueBase + level) { return r }
        }
        return nil
    }

    /// Removes and returns the first live request of waiting line `q` of pool `p`, dropping stale entries.
    @inline(__always)
    mutating func nextWaiting(pool p: Int, line q: Int) -> Int? {
        while let entry = waitingLines.popFirst(q) {
            let r = Int(entry.request)
            if requests[r].generation == entry.generation {
                pools[p].waiting &-= 1
                pools[p].queueLength.update(to: Double(pools[p].waiting), at: now)
                return r
            }
        }
        return nil
    }

    mutating func abandon(pool p: Int, request r: Int) {
        // The queue entry becomes stale through the generation bump in `release`.
        pools[p].waiting &-= 1
        pools[p].queueLength.update(to: Double(pools[p].waiting), at: now)
        pools[p].abandoned += 1
        lose(r)
    }

    // MARK: - Failures

    mutating func serverFails(pool p: Int, server s: Int) {
        guard mtbf[p] > 0 else { return }
        takeDown(pool: p, server: s)
        calendar.schedule(at: now + failureStreams[p].exponential(mean: mttr[p]), kind: EventKind.serverUp,
                          subject: Int32(truncatingIfNeeded: p), item: Int32(truncatingIfNeeded: s))
    }

    /// Server `s` of pool `p` goes out of service (a failure or an event); it is down while any reason lasts.
    /// O(concurrency + requests restarted): the server's free channels leave the free stack one by one.
    mutating func takeDown(pool p: Int, server s: Int) {
        let k = pools[p].serverOffset + s
        serverDown[k] += 1
        guard serverDown[k] == 1 else { return }
        pools[p].upServers -= 1
        pools[p].up.update(to: Double(pools[p].upServers), at: now)
        let conc = pools[p].concurrency
        let first = s * conc, last = (s + 1) * conc
        let base = pools[p].channelOffset
        // Drop the failed server's free (idle) channels from the free stack, keeping the order of the others.
        for channel in first..<last where channelRequests[base + channel] < 0 { unlinkFreeChannel(pool: p, base + channel) }
        // Requests in service on the failed server go back to the head of the queue and start again.
        for channel in (first..<last).reversed() {
            let r = Int(channelRequests[base + channel])
            guard r >= 0 else { continue }
            channelRequests[base + channel] = -1
            pools[p].busyChannels &-= 1
            requests[r].generation &+= 1
            requests[r].channel = -1
            let level = pools[p].usesPriority ? workloads[Int(requests[r].workload)].level : 0
            waitingLines.prepend(QueueEntry(request: Int32(truncatingIfNeeded: r), generation: requests[r].generation), to: pools[p].queueBase + level)
            pools[p].waiting &+= 1
        }
        pools[p].busy.update(to: Double(pools[p].busyChannels), at: now)
        pools[p].queueLength.update(to: Double(pools[p].waiting), at: now)
        // ...and restart at once on free channels of servers that are still up.
        while pools[p].freeCount > 0, let r = nextWaiting(pool: p) {
            startService(pool: p, request: r, channel: popFreeChannel(pool: p))
        }
    }

    mutating func serverRepaired(pool p: Int, server s: Int) {
        guard mtbf[p] > 0 else { return }
        bringUp(pool: p, server: s)
        calendar.schedule(at: now + failureStreams[p].exponential(mean: mtbf[p]), kind: EventKind.serverDown,
                          subject: Int32(truncatingIfNeeded: p), item: Int32(truncatingIfNeeded: s))
    }

    /// One reason for server `s` of pool `p` to be down ends; when none is left it serves again.
    mutating func bringUp(pool p: Int, server s: Int) {
        let k = pools[p].serverOffset + s
        serverDown[k] -= 1
        guard serverDown[k] == 0 else { return }
        pools[p].upServers += 1
        pools[p].up.update(to: Double(pools[p].upServers), at: now)
        let conc = pools[p].concurrency
        for channel in (s * conc..<(s + 1) * conc).reversed() {
            if let r = nextWaiting(pool: p) {
                startService(pool: p, request: r, channel: Int32(channel))
            } else {
                pushFreeChannel(pool: p, Int32(channel))
            }
        }
    }
}
