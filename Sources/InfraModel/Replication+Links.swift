import SimKernel

extension Replication {
    /// Request `r` starts sending `bits` over link direction `d`.
    @inline(__always)
    mutating func enterLink(direction d: Int, request r: Int, bits: Double) {
        requests[r].stepStart = now
        requests[r].bits = bits
        if directions[d].sharedByProcessors {
            advanceVirtualTime(d)
            directions[d].active &+= 1
            if directions[d].active == 1 { directions[d].busy.update(to: 1, at: now) }
            directions[d].tagSequence &+= 1
            finishTags.insert(FinishTag(tag: directions[d].virtualTime + bits, sequence: directions[d].tagSequence, request: Int32(truncatingIfNeeded: r)),
                              direction: d)
            scheduleNextSharedCompletion(d)
        } else if directions[d].transmitting {
            waitingLines.append(QueueEntry(request: Int32(truncatingIfNeeded: r), generation: requests[r].generation), to: directions[d].queue)
        } else {
            startTransmission(direction: d, request: r)
        }
    }

    // MARK: - Processor sharing (exact, by virtual time)
    //
    // While n transfers are active each receives bandwidth / n. Virtual time V grows at
    // bandwidth / n bits per second, so a transfer of b bits that starts at virtual time V0 ends
    // when V reaches V0 + b. Finish tags never change order, so only the smallest one needs a
    // calendar event, rescheduled (O(log n)) whenever n changes: on the direction's slot lane, where the new event
    // withdraws the one it supersedes.

    @inline(__always)
    mutating func advanceVirtualTime(_ d: Int) {
        let n = directions[d].active
        if n > 0 {
            // A lone transfer (the common case) takes the whole bandwidth: x / 1 is x exactly, so skipping the
            // division changes no bit of the result.
            let bits = (now - directions[d].lastUpdate) * directions[d].bandwidth
            directions[d].virtualTime += n == 1 ? bits : bits / Double(n)
        }
        directions[d].lastUpdate = now
    }

    @inline(__always)
    mutating func scheduleNextSharedCompletion(_ d: Int) {
        directions[d].token &+= 1
        guard let top = finishTags.min(d) else { return }
        let remaining = max(0, top.tag - directions[d].virtualTime)
        let t = now + remaining * Double(directions[d].active) / directions[d].bandwidth
        calendar.schedule(at: t, slotLane: directions[d].completionLane, kind: EventKind.psDone,
                          subject: Int32(truncatingIfNeeded: d), tag: directions[d].token)
    }

    mutating func finishSharedTransfer(direction d: Int) {
        advanceVirtualTime(d)
        guard let done = finishTags.popMin(d) else { return }
        let r = Int(done.request)
        directions[d].active &-= 1
        if directions[d].active == 0 {
            directions[d].busy.update(to: 0, at: now)
            directions[d].virtualTime = 0
        }
        directions[d].bitsDelivered += requests[r].bits
        scheduleNextSharedCompletion(d)
        scheduleDelivery(direction: d, request: r)
    }

    /// The transfer of request `r` has left direction `d`: it arrives at the far end after the latency. Deliveries
    /// of one direction come in the order they are scheduled, so they use the direction's calendar lane.
    @inline(__always)
    mutating func scheduleDelivery(direction d: Int, request r: Int) {
        calendar.schedule(at: now + directions[d].latency, lane: directions[d].deliveryLane, kind: EventKind.delivered,
                          subject: Int32(truncatingIfNeeded: d), item: Int32(truncatingIfNeeded: r), tag: requests[r].generation)
    }

    // MARK: - FIFO: one transfer at a time

    mutating func startTransmission(direction d: Int, request r: Int) {
        directions[d].transmitting = true
        directions[d].busy.update(to: 1, at: now)
        calendar.schedule(at: now + requests[r].bits / directions[d].bandwidth, kind: EventKind.fifoDone,
                          subject: Int32(truncatingIfNeeded: d), item: Int32(truncatingIfNeeded: r), tag: requests[r].generation)
    }

    mutating func finishQueuedTransfer(direction d: Int, request r: Int) {
        directions[d].bitsDelivered += requests[r].bits
        scheduleDelivery(direction: d, request: r)
        if let next = waitingLines.popFirst(directions[d].queue) {
            startTransmission(direction: d, request: Int(next.request))
        } else {
            directions[d].transmitting = false
            directions[d].busy.update(to: 0, at: now)
        }
    }

    /// The request arrives at the far end of the link.
    mutating func deliver(direction d: Int, request r: Int) {
        histograms.record(delayHistogram(direction: d), now - requests[r].stepStart)
        advance(r)
    }
}
