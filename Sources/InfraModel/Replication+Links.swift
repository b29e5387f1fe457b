import SimKernel

extension Replication {
    /// Request `r` starts sending `bits` over link direction `d`.
    @inline(__always)
    mutating func enterLink(direction d: Int, request r: Int, bits: Double) {
        requests[r].stepStart = now
        requests[r].bits = bits
        if model.directions[d].sharing == .ps {
            advanceVirtualTime(d)
            directions[d].active += 1
            if directions[d].active == 1 { directions[d].busy.update(to: 1, at: now) }
            directions[d].tagSequence &+= 1
            directions[d].finishTags.insert(FinishTag(tag: directions[d].virtualTime + bits, sequence: directions[d].tagSequence, request: Int32(r)))
            scheduleNextSharedCompletion(d)
        } else if directions[d].transmitting {
            directions[d].queue.append(QueueEntry(request: Int32(r), generation: requests[r].generation))
        } else {
            startTransmission(direction: d, request: r)
        }
    }

    // MARK: - Processor sharing (exact, by virtual time)
    //
    // While n transfers are active each receives bandwidth / n. Virtual time V grows at
    // bandwidth / n bits per second, so a transfer of b bits that starts at virtual time V0 ends
    // when V reaches V0 + b. Finish tags never change order, so only the smallest one needs a
    // calendar event, rescheduled (O(log n)) whenever n changes.

    @inline(__always)
    mutating func advanceVirtualTime(_ d: Int) {
        let n = directions[d].active
        if n > 0 {
            directions[d].virtualTime += (now - directions[d].lastUpdate) * model.directions[d].bandwidth / Double(n)
        }
        directions[d].lastUpdate = now
    }

    mutating func scheduleNextSharedCompletion(_ d: Int) {
        directions[d].token &+= 1
        guard let top = directions[d].finishTags.min else { return }
        let remaining = max(0, top.tag - directions[d].virtualTime)
        let t = now + remaining * Double(directions[d].active) / model.directions[d].bandwidth
        calendar.schedule(at: t, kind: EventKind.psDone, subject: Int32(d), tag: directions[d].token)
    }

    mutating func finishSharedTransfer(direction d: Int) {
        advanceVirtualTime(d)
        guard let done = directions[d].finishTags.popMin() else { return }
        let r = Int(done.request)
        directions[d].active -= 1
        if directions[d].active == 0 {
            directions[d].busy.update(to: 0, at: now)
            directions[d].virtualTime = 0
        }
        directions[d].bitsDelivered += requests[r].bits
        scheduleNextSharedCompletion(d)
        calendar.schedule(at: now + model.directions[d].latency, kind: EventKind.delivered,
                          subject: Int32(d), item: Int32(r), tag: requests[r].generation)
    }

    // MARK: - FIFO: one transfer at a time

    mutating func startTransmission(direction d: Int, request r: Int) {
        directions[d].transmitting = true
        directions[d].busy.update(to: 1, at: now)
        calendar.schedule(at: now + requests[r].bits / model.directions[d].bandwidth, kind: EventKind.fifoDone,
                          subject: Int32(d), item: Int32(r), tag: requests[r].generation)
    }

    mutating func finishQueuedTransfer(direction d: Int, request r: Int) {
        directions[d].bitsDelivered += requests[r].bits
        calendar.schedule(at: now + model.directions[d].latency, kind: EventKind.delivered,
                          subject: Int32(d), item: Int32(r), tag: requests[r].generation)
        if let next = directions[d].queue.popFirst() {
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
