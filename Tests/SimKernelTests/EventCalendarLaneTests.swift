import SimKernel
import Testing

// The calendar's store switches between a sorted array (at most `EventCalendar.arrayLimit` events) and a heap
// (shrinking back to an array at `EventCalendar.heapLimit`), and lanes hold presorted streams beside it. Whatever
// holds an event, events must come out in (time, scheduling order): these tests replay random schedules against
// a plain list searched for its minimum (time first, then the order of scheduling), the order the calendar
// promises.

// `Pending` and `earliest`: see PendingEventReference.swift.

@Test("Store switching between sorted array and heap many times pops the reference order, ties first-in first-out")
func calendarModeSwitchesKeepTheOrder() {
    let stream = RandomStream(seed: 31)
    var calendar = EventCalendar(reservingCapacity: 16)
    var pending: [Pending] = []
    var order = 0, now = 0.0, mismatches = 0
    // The number of pending events swings between 0 and 3 x arrayLimit: the store fills (schedule with
    // probability 0.8) until it holds `high`, then drains (probability 0.2) until it holds `low`.
    let high = 3 * EventCalendar.arrayLimit, low = 2
    var filling = true
    var crossingsUp = 0, crossingsDown = 0
    for _ in 0..<60_000 {
        if filling && pending.count >= high { filling = false; crossingsUp += 1 }
        if !filling && pending.count <= low { filling = true; crossingsDown += 1 }
        if pending.isEmpty || stream.uniform() < (filling ? 0.8 : 0.2) {
            // Times on a coarse grid so that many events share a time.
            let t = now + (stream.uniform() * 16).rounded(.down) / 4
            calendar.schedule(at: t, kind: 0, item: Int32(order))
            pending.append(Pending(time: t, order: order))
            order += 1
        } else {
            let want = pending.remove(at: earliest(pending))
            guard let got = calendar.next() else { mismatches += 1; break }
            if got.time != want.time || Int(got.item) != want.order { mismatches += 1 }
            now = got.time
        }
        if calendar.count != pending.count || calendar.nextTime != pending.min(by: { ($0.time, $0.order) < ($1.time, $1.order) })?.time {
            mismatches += 1
        }
        if order % 101 == 0 && !calendar.satisfiesInvariants { mismatches += 1 }
    }
    #expect(mismatches == 0)
    // The schedule really crossed both limits many times (array -> heap above arrayLimit, heap -> array at heapLimit).
    #expect(high > EventCalendar.arrayLimit && low < EventCalendar.heapLimit)
    #expect(crossingsUp >= 50 && crossingsDown >= 50, "up \(crossingsUp), down \(crossingsDown)")
}

@Test("Events in lanes and in the store come out in (time, scheduling order), ties across lanes included")
func calendarLanesMergeWithTheStore() {
    let stream = RandomStream(seed: 77)
    var calendar = EventCalendar(reservingCapacity: 16)
    let lanes = (0..<5).map { _ in calendar.addLane(reservingCapacity: 4) }  // small: forces lane growth
    var laneLast = [Double](repeating: 0, count: lanes.count)
    var pending: [Pending] = []
    var order = 0, now = 0.0, mismatches = 0, onLanes = 0
    for step in 0..<80_000 {
        // Fill and drain in waves so that the store and the lanes are each sometimes empty, sometimes long.
        let fill = (step / 2_000) % 2 == 0 ? 0.6 : 0.4
        if pending.isEmpty || stream.uniform() < fill {
            let t: Double
            let choice = Int(stream.uniform() * Double(lanes.count + 1))
            if choice < lanes.count {
                // A lane's stream never goes back in time: at or after both now and its last event (ties common).
                t = max(now, laneLast[choice]) + (stream.uniform() * 4).rounded(.down) / 2
                laneLast[choice] = t
                calendar.schedule(at: t, lane: lanes[choice], kind: 1, item: Int32(order))
                onLanes += 1
            } else {
                t = now + (stream.uniform() * 8).rounded(.down) / 2
                calendar.schedule(at: t, kind: 0, item: Int32(order))
            }
            pending.append(Pending(time: t, order: order))
            order += 1
        } else {
            let want = pending.remove(at: earliest(pending))
            let peeked = calendar.first
            guard let got = calendar.next() else { mismatches += 1; break }
            if got.time != want.time || Int(got.item) != want.order || peeked != got { mismatches += 1 }
            now = got.time
        }
        if calendar.count != pending.count || calendar.isEmpty != pending.isEmpty { mismatches += 1 }
        if step % 503 == 0 && !calendar.satisfiesInvariants { mismatches += 1 }
    }
    while let got = calendar.next() {
        let want = pending.remove(at: earliest(pending))
        if got.time != want.time || Int(got.item) != want.order { mismatches += 1 }
    }
    #expect(mismatches == 0)
    #expect(pending.isEmpty)
    #expect(onLanes > order / 2 && onLanes < order, "lane events \(onLanes) of \(order)")
}

@Test("Events at one time come out in scheduling order whether they sit in a lane or in the store")
func calendarTiesBetweenLanesAndStoreFollowSchedulingOrder() {
    var calendar = EventCalendar()
    let a = calendar.addLane(), b = calendar.addLane()
    // All at t = 5: store, lane a, lane b, store, lane a, lane b, store; then an earlier one on the store.
    calendar.schedule(at: 5, kind: 0, item: 0)
    calendar.schedule(at: 5, lane: a, kind: 0, item: 1)
    calendar.schedule(at: 5, lane: b, kind: 0, item: 2)
    calendar.schedule(at: 5, kind: 0, item: 3)
    calendar.schedule(at: 5, lane: a, kind: 0, item: 4)
    calendar.schedule(at: 5, lane: b, kind: 0, item: 5)
    calendar.schedule(at: 5, kind: 0, item: 6)
    calendar.schedule(at: 1, kind: 0, item: 7)
    var popped: [Int32] = []
    while let e = calendar.next() { popped.append(e.item) }
    #expect(popped == [7, 0, 1, 2, 3, 4, 5, 6])
}

@Test("removeAll empties the store and every lane, and the calendar orders new events correctly afterwards")
func calendarRemoveAllResetsLanes() {
    var calendar = EventCalendar()
    let lane = calendar.addLane()
    for i in 0..<50 { calendar.schedule(at: Double(i), kind: 0, item: Int32(i)) }  // past arrayLimit: a heap
    for i in 0..<10 { calendar.schedule(at: Double(i) + 0.5, lane: lane, kind: 0, item: Int32(100 + i)) }
    calendar.removeAll()
    let emptied = calendar.isEmpty, count = calendar.count, invariants = calendar.satisfiesInvariants
    #expect(emptied && count == 0 && invariants)
    calendar.schedule(at: 3, lane: lane, kind: 0, item: 1)
    calendar.schedule(at: 2, kind: 0, item: 2)
    calendar.schedule(at: 3, kind: 0, item: 3)
    var popped: [Int32] = []
    while let e = calendar.next() { popped.append(e.item) }
    #expect(popped == [2, 1, 3])
}

@Test("Heap lanes take events in any time order and merge with FIFO lanes and the store in (time, scheduling order)")
func calendarHeapLanesMergeInOrder() {
    let stream = RandomStream(seed: 123)
    var calendar = EventCalendar(reservingCapacity: 16)
    let fifo = calendar.addLane(reservingCapacity: 4)
    let heapLanes = (0..<3).map { _ in calendar.addHeapLane(reservingCapacity: 2) }  // small: forces growth
    var fifoLast = 0.0
    var pending: [Pending] = []
    var order = 0, now = 0.0, mismatches = 0, onHeapLanes = 0
    for step in 0..<80_000 {
        // Waves of filling and draining, so that heap lanes are sometimes empty and sometimes tens of events long.
        let fill = (step / 1_500) % 2 == 0 ? 0.6 : 0.4
        if pending.isEmpty || stream.uniform() < fill {
            let choice = Int(stream.uniform() * 5)
            // Coarse times (many ties), not in time order within a heap lane.
            let t = now + (stream.uniform() * 8).rounded(.down) / 2
            switch choice {
            case 0, 1, 2:
                calendar.schedule(at: t, heapLane: heapLanes[choice], kind: 2, item: Int32(order))
                onHeapLanes += 1
                pending.append(Pending(time: t, order: order))
            case 3:
                fifoLast = max(fifoLast, t)
                calendar.schedule(at: fifoLast, lane: fifo, kind: 1, item: Int32(order))
                pending.append(Pending(time: fifoLast, order: order))
            default:
                calendar.schedule(at: t, kind: 0, item: Int32(order))
                pending.append(Pending(time: t, order: order))
            }
            order += 1
        } else {
            let want = pending.remove(at: earliest(pending))
            let peeked = calendar.first
            guard let got = calendar.next() else { mismatches += 1; break }
            if got.time != want.time || Int(got.item) != want.order || peeked != got { mismatches += 1 }
            now = got.time
        }
        if calendar.count != pending.count || calendar.isEmpty != pending.isEmpty { mismatches += 1 }
        if step % 211 == 0 && !calendar.satisfiesInvariants { mismatches += 1 }
    }
    while let got = calendar.next() {
        let want = pending.remove(at: earliest(pending))
        if got.time != want.time || Int(got.item) != want.order { mismatches += 1 }
    }
    #expect(mismatches == 0)
    #expect(pending.isEmpty)
    #expect(onHeapLanes > order / 2, "heap-lane events \(onHeapLanes) of \(order)")
}

@Test("A heap lane's events come out by time, then scheduling order, whatever order they were scheduled in")
func calendarHeapLaneSortsItsEvents() {
    var calendar = EventCalendar()
    let lane = calendar.addHeapLane()
    let times: [Double] = [4, 1, 3, 1, 2, 4, 0.5, 3]
    for (i, t) in times.enumerated() { calendar.schedule(at: t, heapLane: lane, kind: 0, item: Int32(i)) }
    var popped: [Int32] = []
    while let e = calendar.next() { popped.append(e.item) }
    // 0.5: #6; 1: #1, #3; 2: #4; 3: #2, #7; 4: #0, #5.
    #expect(popped == [6, 1, 3, 4, 2, 7, 0, 5])
}

@Test("A slot lane withdraws its pending event when it gets a new one; the others come out in the reference order, and withdrawnTaken counts the withdrawn events before the last one taken")
func slotLaneWithdrawsAndCountsWhatWouldHaveBeenTaken() {
    let stream = RandomStream(seed: 47)
    var calendar = EventCalendar(reservingCapacity: 16)
    let ring = calendar.addLane()
    let slot = calendar.addSlotLane()
    // The reference keeps every event scheduled, withdrawn ones included, as a calendar without slot lanes would (the
    // model then skips the superseded ones when they are taken). Its order numbers are the calendar's sequence numbers.
    var pending: [Pending] = []
    var withdrawn = Set<Int>()
    var onSlot: Int? = nil
    var order = 0, now = 0.0, ringLast = 0.0
    var mismatches = 0, withdrawnBeforeTaken = 0, withdrawals = 0, taken = 0
    func precedes(_ a: Pending, _ b: Pending) -> Bool { a.time < b.time || (a.time == b.time && a.order < b.order) }
    for _ in 0..<20_000 {
        if stream.uniform() < 0.5 {
            // Times on a coarse grid so that many events tie, across the store, the lane and the slot.
            var t = now + (stream.uniform() * 8).rounded(.down) / 4
            let target = stream.uniform()
            if target < 0.4 {
                calendar.schedule(at: t, slotLane: slot, kind: 0, item: Int32(order))
                if let old = onSlot { withdrawn.insert(old); withdrawals += 1 }
                onSlot = order
            } else if target < 0.6 {
                t = max(t, ringLast)
                ringLast = t
                calendar.schedule(at: t, lane: ring, kind: 0, item: Int32(order))
            } else {
                calendar.schedule(at: t, kind: 0, item: Int32(order))
            }
            pending.append(Pending(time: t, order: order))
            order += 1
        } else {
            // The reference's next live event; the withdrawn events before it would have been taken (and skipped) first.
            let live = pending.filter { !withdrawn.contains($0.order) }
            guard let want = live.min(by: precedes) else {
                if calendar.next() != nil { mismatches += 1 }
                continue
            }
            let passed = pending.filter { withdrawn.contains($0.order) && precedes($0, want) }
            withdrawnBeforeTaken += passed.count
            pending.removeAll { $0.order == want.order || (withdrawn.contains($0.order) && precedes($0, want)) }
            if onSlot == want.order { onSlot = nil }
            guard let got = calendar.next() else { mismatches += 1; break }
            taken += 1
            if got.time != want.time || Int(got.item) != want.order { mismatches += 1 }
            if calendar.withdrawnTaken() != UInt64(withdrawnBeforeTaken) { mismatches += 1 }
            now = got.time
        }
        if order % 97 == 0 && !calendar.satisfiesInvariants { mismatches += 1 }
    }
    #expect(mismatches == 0)
    // The schedule exercised what it is meant to: many withdrawals, many of them before later events were taken.
    #expect(withdrawals > 2_000 && withdrawnBeforeTaken > 1_000 && taken > 5_000,
            "withdrawals \(withdrawals), counted \(withdrawnBeforeTaken), taken \(taken)")
}
