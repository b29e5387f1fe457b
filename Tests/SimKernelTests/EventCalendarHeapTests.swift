@_spi(Testing) import SimKernel
import Testing

// The store's heap keeps 16-byte keys (time, then a store sequence number of 32 bits with the event's payload slot)
// apart from the events. These tests replay random schedules against a plain list searched for its minimum by
// (time, scheduling order), with the store sequence numbers forced to run out (renumbering) and with payload slots
// freed and reused while the buffers grow.

// `Pending` and `earliest`: see PendingEventReference.swift.

/// Replays a random schedule whose pending count swings between `low` and `high`, with a share of the events on
/// FIFO lanes and many ties of time, and returns the number of events that came out wrong (order, time or
/// payload) or broke an invariant.
private func replay(_ calendar: inout EventCalendar, seed: UInt64, steps: Int, low: Int, high: Int, grid: Double) -> Int {
    let stream = RandomStream(seed: seed)
    let lanes = (0..<3).map { _ in calendar.addLane(reservingCapacity: 4) }
    var laneLast = [Double](repeating: 0, count: lanes.count)
    var pending: [Pending] = []
    var order = 0, now = 0.0, mismatches = 0, filling = true
    for step in 0..<steps {
        if filling && pending.count >= high { filling = false }
        if !filling && pending.count <= low { filling = true }
        if pending.isEmpty || stream.uniform() < (filling ? 0.75 : 0.25) {
            // Times on a coarse grid, so that many events tie within the store and with the lanes.
            let lane = stream.uniform() < 0.2 ? Int(stream.uniform() * Double(lanes.count)) : -1
            let t: Double
            // The payload repeats the order in every field, so that a slot handed to two events shows.
            let tag = UInt32(truncatingIfNeeded: order &* 2_654_435_761)
            if lane >= 0 {
                t = max(now, laneLast[lane]) + (stream.uniform() * 3).rounded(.down) * grid
                laneLast[lane] = t
                calendar.schedule(at: t, lane: lanes[lane], kind: 1, subject: Int32(-order), item: Int32(order), tag: tag)
            } else {
                t = now + (stream.uniform() * 24).rounded(.down) * grid
                calendar.schedule(at: t, kind: 0, subject: Int32(-order), item: Int32(order), tag: tag)
            }
            pending.append(Pending(time: t, order: order, lane: lane))
            order += 1
        } else {
            let want = pending.remove(at: earliest(pending))
            guard let got = calendar.next() else { return mismatches + 1 }
            let tag = UInt32(truncatingIfNeeded: want.order &* 2_654_435_761)
            if got.time != want.time || Int(got.item) != want.order || Int(got.subject) != -want.order || got.tag != tag
                || got.kind != (want.lane >= 0 ? 1 : 0) {
                mismatches += 1
            }
            now = got.time
        }
        if calendar.count != pending.count { mismatches += 1 }
        if step % 997 == 0 && !calendar.satisfiesInvariants { mismatches += 1 }
    }
    while let got = calendar.next() {
        let want = pending.remove(at: earliest(pending))
        if got.time != want.time || Int(got.item) != want.order { mismatches += 1 }
    }
    return mismatches + pending.count
}

@Test("The heap renumbers its store sequence numbers when they run out, and events keep the reference order")
func heapRenumberingKeepsTheOrder() {
    var calendar = EventCalendar(reservingCapacity: 16)
    // The limit just above the most events the store holds: it runs out every few dozen schedules.
    calendar.limitStoreSequence(to: 160)
    let mismatches = replay(&calendar, seed: 5, steps: 120_000, low: 40, high: 150, grid: 0.25)
    #expect(mismatches == 0)
    let renumberings = calendar.storeRenumberings
    #expect(renumberings > 500, "renumberings \(renumberings)")
}

@Test("All pending events at one time: renumbering keeps them in scheduling order")
func heapRenumberingKeepsTiesInSchedulingOrder() {
    var calendar = EventCalendar()
    calendar.limitStoreSequence(to: 100)
    var popped: [Int32] = [], order: Int32 = 0
    // 90 events at t = 1 (a heap), then take one and add one 500 times: every number runs out many times over.
    for _ in 0..<90 { calendar.schedule(at: 1, kind: 0, item: order); order += 1 }
    for _ in 0..<500 {
        if let e = calendar.next() { popped.append(e.item) }
        calendar.schedule(at: 1, kind: 0, item: order)
        order += 1
    }
    let invariants = calendar.satisfiesInvariants
    #expect(invariants)
    while let e = calendar.next() { popped.append(e.item) }
    #expect(popped == Array(0..<order))
    let renumberings = calendar.storeRenumberings
    #expect(renumberings >= 40, "renumberings \(renumberings)")
}

@Test("Lowering the limit below the heap's next sequence number renumbers at once")
func heapLimitLoweredInHeapMode() {
    var calendar = EventCalendar()
    // A heap of 300 events (store numbers 0 ..< 300); 100 taken leave 200 numbered up to 299.
    for i in 0..<300 { calendar.schedule(at: Double(300 - i), kind: 0, item: Int32(i)) }
    var popped: [Int32] = []
    for _ in 0..<100 { if let e = calendar.next() { popped.append(e.item) } }
    calendar.limitStoreSequence(to: 250)
    let renumberings = calendar.storeRenumberings, invariants = calendar.satisfiesInvariants
    #expect(renumberings == 1 && invariants)
    calendar.schedule(at: 250, kind: 0, item: -1)  // ties with item 50 (scheduled earlier: it comes first)
    while let e = calendar.next() { popped.append(e.item) }
    var expected: [Int32] = (51..<300).reversed().map { Int32($0) }
    expected += [50, -1]
    expected += (0..<50).reversed().map { Int32($0) }
    #expect(popped == expected)
}

@Test("Payload slots freed by the heap are reused while the buffers grow, and every event keeps its own payload")
func heapReusesPayloadSlots() {
    var calendar = EventCalendar(reservingCapacity: 16)  // 64 slots: grows several times while slots are reused
    let mismatches = replay(&calendar, seed: 11, steps: 60_000, low: 20, high: 400, grid: 0.5)
    #expect(mismatches == 0)
}
