import DequeModule
import SimKernel

/// Client-side state of one workload.
struct ClientState {
    /// Retry budget: send times of first attempts and of retries within the last `ClientConfiguration.budgetWindow`
    /// seconds (kept only when the client has a budget).
    let budgeted: Bool
    var firstTimes = Deque<Double>()
    var retryTimes = Deque<Double>()
    /// Per second of simulated time from 0: first attempts and successes (for `recovery_time`; empty when not
    /// recorded).
    var firstsPerSecond: [Int32]
    var successesPerSecond: [Int32]

    init(budgeted: Bool, recoveryBins: Int) {
        self.budgeted = budgeted
        firstsPerSecond = Array(repeating: 0, count: recoveryBins)
        successesPerSecond = Array(repeating: 0, count: recoveryBins)
    }

    /// Counts one event at `t` in `bins` (seconds from 0), when bins are kept.
    @inline(__always)
    static func count(_ bins: inout [Int32], at t: Double) {
        let i = Int(t)
        if i >= 0 && i < bins.count { bins[i] &+= 1 }
    }
}

/// Clients with timeouts and retries. A request of such a workload is a `ClientRecord`; each attempt is a request
/// slot carrying the record and the record's epoch when it was sent. The attempt is current while the epochs
/// match: a timeout, a loss or a success ends it (the epoch moves on), so a timed-out attempt that keeps running is
/// recognised as orphaned when it completes.
extension Replication {
    /// A new request of workload `w` arrives: its first attempt is sent now.
    mutating func clientArrives(workload w: Int) {
        workloads[w].arrived += 1
        let record: Int
        if let free = freeClientRecords.popLast() {
            record = Int(free)
        } else {
            record = clientRecords.append(ClientRecord())
        }
        clientRecords[record].workload = Int32(truncatingIfNeeded: w)
        clientRecords[record].attempts = 0
        clientRecords[record].firstSend = now
        if clients[w].budgeted {
            pruneBudgetWindow(workload: w)
            clients[w].firstTimes.append(now)
        }
        ClientState.count(&clients[w].firstsPerSecond, at: now)
        sendAttempt(record: record, workload: w)
    }

    /// Sends the next attempt of `record`.
    mutating func sendAttempt(record: Int, workload w: Int) {
        clientRecords[record].attempts += 1
        clientRecords[record].epoch &+= 1
        let epoch = clientRecords[record].epoch
        let r = allocate(workload: w)
        requests[r].client = Int32(truncatingIfNeeded: record)
        requests[r].clientEpoch = epoch
        if let timeout = model.workloads[w].client!.timeout {
            calendar.schedule(at: now + timeout, kind: EventKind.clientTimeout, subject: Int32(truncatingIfNeeded: w), item: Int32(truncatingIfNeeded: record), tag: epoch)
        }
        resumeRoute(r)
    }

    /// Attempt `r` ran to the end of its route: a success if it is still current, else orphaned work.
    mutating func clientAttemptCompleted(_ r: Int) {
        let w = Int(requests[r].workload)
        let record = Int(requests[r].client)
        if clientRecords[record].epoch == requests[r].clientEpoch {
            workloads[w].completed += 1
            histograms.record(responseHistogram(workload: w), now - clientRecords[record].firstSend)
            ClientState.count(&clients[w].successesPerSecond, at: now)
            freeRecord(record)
        } else {
            workloads[w].orphaned += 1
        }
        releaseLinked(r)
    }

    /// Attempt `r` was lost (blocked, abandoned, rejected): if it is current, the client retries or gives up.
    /// The caller frees the slot.
    mutating func clientAttemptLost(_ r: Int) {
        let record = Int(requests[r].client)
        guard clientRecords[record].epoch == requests[r].clientEpoch else { return }  // an orphan: the client left
        clientRecords[record].epoch &+= 1
        retryOrFail(record: record)
    }

    /// The timeout of the attempt of `record` sent at `epoch` expired.
    mutating func clientTimedOut(record: Int, epoch: UInt32) {
        guard clientRecords[record].epoch == epoch else { return }  // the attempt ended before
        clientRecords[record].epoch &+= 1  // the attempt keeps running as orphaned work
        retryOrFail(record: record)
    }

    /// The backoff before a retry of `record` is over.
    mutating func clientRetries(record: Int, epoch: UInt32) {
        guard clientRecords[record].epoch == epoch else { return }
        let w = Int(clientRecords[record].workload)
        workloads[w].retries += 1
        sendAttempt(record: record, workload: w)
    }

    /// After an attempt ended without success: a retry after the backoff, if attempts remain and the budget
    /// allows, else the request has failed.
    mutating func retryOrFail(record: Int) {
        let w = Int(clientRecords[record].workload)
        let client = model.workloads[w].client!
        let sent = Int(clientRecords[record].attempts)
        guard sent < client.attempts, budgetAllowsRetry(workload: w, ratio: client.budgetRatio) else {
            workloads[w].lost += 1
            freeRecord(record)
            return
        }
        let d = client.backoff.delay(retry: sent)
        let delay: Double
        switch client.backoff.jitter {
        case .none: delay = d
        case .full: delay = d > 0 ? d * clientStreams[w].uniform() : 0
        case .equal: delay = d > 0 ? d / 2 + d / 2 * clientStreams[w].uniform() : 0
        }
        calendar.schedule(at: now + delay, kind: EventKind.clientRetry, subject: Int32(truncatingIfNeeded: w), item: Int32(truncatingIfNeeded: record),
                          tag: clientRecords[record].epoch)
    }

    /// Retry budget: true when one more retry keeps retries in the last 10 s at most `ratio` × first attempts in
    /// the same 10 s; the retry is then counted in the window (from the moment it is decided).
    mutating func budgetAllowsRetry(workload w: Int, ratio: Double?) -> Bool {
        guard let ratio else { return true }
        pruneBudgetWindow(workload: w)
        guard Double(clients[w].retryTimes.count + 1) <= ratio * Double(clients[w].firstTimes.count) + 1e-9 else { return false }
        clients[w].retryTimes.append(now)
        return true
    }

    /// Forgets first attempts and retries older than the budget window.
    mutating func pruneBudgetWindow(workload w: Int) {
        let horizon = now - ClientConfiguration.budgetWindow
        while let t = clients[w].firstTimes.first, t <= horizon { clients[w].firstTimes.removeFirst() }
        while let t = clients[w].retryTimes.first, t <= horizon { clients[w].retryTimes.removeFirst() }
    }

    /// The request of `record` is over (succeeded or failed): the record can be reused.
    mutating func freeRecord(_ record: Int) {
        clientRecords[record].epoch &+= 1
        freeClientRecords.append(Int32(truncatingIfNeeded: record))
    }
}
