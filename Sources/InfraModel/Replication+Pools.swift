import SimKernel

extension Replication {
    @inline(__always)
    mutating func enterPool(_ p: Int, request r: Int) {
        pools[p].arrivals += 1
        requests[r].stepStart = now
        requests[r].service = -1
        if pools[p].freeCount > 0 {
            pools[p].freeCount -= 1
            startService(pool: p, request: r, channel: freeChannels[pools[p].channelOffset + pools[p].freeCount])
            return
        }
        if pools[p].waiting >= model.pools[p].capacity {
            pools[p].blocked += 1
            lose(r)
            return
        }
        let level = model.pools[p].usesPriority ? model.workloads[Int(requests[r].workload)].level : 0
        requests[r].channel = -1
        pools[p].queues[level].append(QueueEntry(request: Int32(r), generation: requests[r].generation))
        pools[p].waiting += 1
        pools[p].queueLength.update(to: Double(pools[p].waiting), at: now)
        if let patience = model.pools[p].patience {
            let w = Int(requests[r].workload)
            calendar.schedule(at: now + patience.sample(workStreams[w]), kind: EventKind.abandon,
                              subject: Int32(p), item: Int32(r), tag: requests[r].generation)
        }
    }

    @inline(__always)
    mutating func startService(pool p: Int, request r: Int, channel: Int32) {
        let w = Int(requests[r].workload)
        if requests[r].service < 0 {
            histograms.record(waitHistogram(pool: p), now - requests[r].stepStart)
            requests[r].service = model.workloads[w].steps[Int(requests[r].step)].service!.sample(workStreams[w])
        }
        requests[r].generation &+= 1
        requests[r].channel = channel
        channelRequests[pools[p].channelOffset + Int(channel)] = Int32(r)
        pools[p].busyChannels += 1
        pools[p].busy.update(to: Double(pools[p].busyChannels), at: now)
        calendar.schedule(at: now + requests[r].service, kind: EventKind.serviceDone,
                          subject: Int32(p), item: Int32(r), tag: requests[r].generation)
    }

    mutating func finishService(pool p: Int, request r: Int) {
        let channel = requests[r].channel
        channelRequests[pools[p].channelOffset + Int(channel)] = -1
        pools[p].busyChannels -= 1
        pools[p].busy.update(to: Double(pools[p].busyChannels), at: now)
        pools[p].completed += 1
        histograms.record(responseHistogram(pool: p), now - requests[r].stepStart)
        requests[r].channel = -1
        if let next = nextWaiting(pool: p) {
            startService(pool: p, request: next, channel: channel)
        } else {
            pushFreeChannel(pool: p, channel)
        }
        advance(r)
    }

    @inline(__always)
    mutating func pushFreeChannel(pool p: Int, _ channel: Int32) {
        freeChannels[pools[p].channelOffset + pools[p].freeCount] = channel
        pools[p].freeCount += 1
    }

    /// Removes and returns the next live waiting request (highest priority level first, FIFO within it).
    mutating func nextWaiting(pool p: Int) -> Int? {
        guard pools[p].waiting > 0 else { return nil }
        for level in pools[p].queues.indices {
            while let entry = pools[p].queues[level].popFirst() {
                let r = Int(entry.request)
                if requests[r].generation == entry.generation {
                    pools[p].waiting -= 1
                    pools[p].queueLength.update(to: Double(pools[p].waiting), at: now)
                    return r
                }
            }
        }
        return nil
    }

    mutating func abandon(pool p: Int, request r: Int) {
        // The queue entry becomes stale through the generation bump in `release`.
        pools[p].waiting -= 1
        pools[p].queueLength.update(to: Double(pools[p].waiting), at: now)
        pools[p].abandoned += 1
        lose(r)
    }

    // MARK: - Failures

    mutating func serverFails(pool p: Int, server s: Int) {
        guard let f = model.pools[p].failures else { return }
        takeDown(pool: p, server: s)
        calendar.schedule(at: now + failureStreams[p].exponential(mean: f.mttr), kind: EventKind.serverUp,
                          subject: Int32(p), item: Int32(s))
    }

    /// Server `s` of pool `p` goes out of service (a failure or an event); it is down while any reason lasts.
    mutating func takeDown(pool p: Int, server s: Int) {
        pools[p].serverDown[s] += 1
        guard pools[p].serverDown[s] == 1 else { return }
        pools[p].upServers -= 1
        pools[p].up.update(to: Double(pools[p].upServers), at: now)
        let conc = model.pools[p].concurrency
        let first = Int32(s * conc), last = Int32((s + 1) * conc)
        // Drop the failed server's channels from the free stack, keeping the order of the others.
        let base = pools[p].channelOffset
        var kept = 0
        for k in 0..<pools[p].freeCount {
            let c = freeChannels[base + k]
            if c < first || c >= last { freeChannels[base + kept] = c; kept += 1 }
        }
        pools[p].freeCount = kept
        // Requests in service on the failed server go back to the head of the queue and start again.
        for channel in (Int(first)..<Int(last)).reversed() {
            let r = Int(channelRequests[base + channel])
            guard r >= 0 else { continue }
            channelRequests[base + channel] = -1
            pools[p].busyChannels -= 1
            requests[r].generation &+= 1
            requests[r].channel = -1
            let level = model.pools[p].usesPriority ? model.workloads[Int(requests[r].workload)].level : 0
            pools[p].queues[level].prepend(QueueEntry(request: Int32(r), generation: requests[r].generation))
            pools[p].waiting += 1
        }
        pools[p].busy.update(to: Double(pools[p].busyChannels), at: now)
        pools[p].queueLength.update(to: Double(pools[p].waiting), at: now)
        // ...and restart at once on free channels of servers that are still up.
        while pools[p].freeCount > 0, let r = nextWaiting(pool: p) {
            pools[p].freeCount -= 1
            startService(pool: p, request: r, channel: freeChannels[base + pools[p].freeCount])
        }
    }

    mutating func serverRepaired(pool p: Int, server s: Int) {
        guard let f = model.pools[p].failures else { return }
        bringUp(pool: p, server: s)
        calendar.schedule(at: now + failureStreams[p].exponential(mean: f.mtbf), kind: EventKind.serverDown,
                          subject: Int32(p), item: Int32(s))
    }

    /// One reason for server `s` of pool `p` to be down ends; when none is left it serves again.
    mutating func bringUp(pool p: Int, server s: Int) {
        pools[p].serverDown[s] -= 1
        guard pools[p].serverDown[s] == 0 else { return }
        pools[p].upServers += 1
        pools[p].up.update(to: Double(pools[p].upServers), at: now)
        let conc = model.pools[p].concurrency
        for channel in (s * conc..<(s + 1) * conc).reversed() {
            if let r = nextWaiting(pool: p) {
                startService(pool: p, request: r, channel: Int32(channel))
            } else {
                pushFreeChannel(pool: p, Int32(channel))
            }
        }
    }
}
