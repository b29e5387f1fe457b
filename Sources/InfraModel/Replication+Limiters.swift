import SimKernel

/// Token buckets. Tokens accrue continuously at the limiter's rate up to its burst; a request takes one token and
/// goes on at once. Without a token it is rejected (`excess: reject`) or waits first come first served for one
/// (`excess: queue`), abandoning after its patience.
extension Replication {
    /// Tokens within this of a whole token count as one (rounding of rate × time).
    static var tokenTolerance: Double { 1e-9 }

    /// Adds the tokens accrued since the last refill, up to the burst.
    @inline(__always)
    mutating func refill(_ l: Int) {
        let elapsed = now - limiters[l].refilled
        if elapsed > 0 {
            limiters[l].tokens = min(model.limiters[l].burst, limiters[l].tokens + elapsed * model.limiters[l].rate)
            limiters[l].refilled = now
        }
    }

    mutating func enterLimiter(_ l: Int, request r: Int) {
        refill(l)
        limiters[l].arrivals += 1
        if limiters[l].waiting == 0 && limiters[l].tokens >= 1 - Self.tokenTolerance {
            limiters[l].tokens = max(limiters[l].tokens - 1, 0)
            limiters[l].passed += 1
            histograms.record(waitHistogram(limiter: l), 0)
            advance(r)
            return
        }
        guard model.limiters[l].queues, limiters[l].waiting < model.limiters[l].capacity else {
            limiters[l].rejected += 1
            lose(r)
            return
        }
        requests[r].stepStart = now
        waitingLines.append(QueueEntry(request: Int32(truncatingIfNeeded: r), generation: requests[r].generation), to: limiterQueueBase + l)
        limiters[l].waiting += 1
        limiters[l].queueLength.update(to: Double(limiters[l].waiting), at: now)
        if let patience = model.limiters[l].patience {
            let w = Int(requests[r].workload)
            calendar.schedule(at: now + patience.sample(workStreams[w]), kind: EventKind.limiterAbandon,
                              subject: Int32(truncatingIfNeeded: l), item: Int32(truncatingIfNeeded: r), tag: requests[r].generation)
        }
        if !limiters[l].tokenEventPending { scheduleToken(l) }
    }

    /// Schedules the moment the bucket next holds a whole token.
    mutating func scheduleToken(_ l: Int) {
        let missing = max(1 - limiters[l].tokens, 0)
        limiters[l].tokenEventPending = true
        calendar.schedule(at: now + missing / model.limiters[l].rate, kind: EventKind.tokenReady, subject: Int32(truncatingIfNeeded: l))
    }

    /// A token is ready: the requests at the head of the queue take the tokens there are.
    mutating func tokenReady(limiter l: Int) {
        limiters[l].tokenEventPending = false
        refill(l)
        while limiters[l].waiting > 0 && limiters[l].tokens >= 1 - Self.tokenTolerance {
            guard let entry = waitingLines.popFirst(limiterQueueBase + l) else { break }
            let r = Int(entry.request)
            guard requests[r].generation == entry.generation else { continue }
            limiters[l].tokens = max(limiters[l].tokens - 1, 0)
            limiters[l].waiting -= 1
            limiters[l].queueLength.update(to: Double(limiters[l].waiting), at: now)
            limiters[l].passed += 1
            histograms.record(waitHistogram(limiter: l), now - requests[r].stepStart)
            requests[r].generation &+= 1  // its patience event is now stale
            advance(r)
        }
        if limiters[l].waiting > 0 && !limiters[l].tokenEventPending { scheduleToken(l) }
    }

    /// Request `r` gave up waiting for a token.
    mutating func abandonLimiter(_ l: Int, request r: Int) {
        // The queue entry becomes stale through the generation bump in `release`.
        limiters[l].waiting -= 1
        limiters[l].queueLength.update(to: Double(limiters[l].waiting), at: now)
        limiters[l].abandoned += 1
        lose(r)
    }
}
