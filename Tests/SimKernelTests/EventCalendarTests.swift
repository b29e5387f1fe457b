import SimKernel
import Testing

@Test("Calendar pops events by time, and events at the same time in insertion order")
func calendarOrdersByTimeThenInsertion() {
    var calendar = EventCalendar()
    let times: [Double] = [3, 1, 2, 1, 3, 1, 0.5, 2]
    for (i, t) in times.enumerated() { calendar.schedule(at: t, kind: 7, item: Int32(i)) }
    let count = calendar.count, nextTime = calendar.nextTime
    #expect(count == times.count)
    #expect(nextTime == 0.5)
    var popped: [Int32] = []
    while let e = calendar.next() {
        #expect(e.kind == 7)
        popped.append(e.item)
    }
    // 0.5: #6; 1: #1, #3, #5; 2: #2, #7; 3: #0, #4.
    #expect(popped == [6, 1, 3, 5, 2, 7, 0, 4])
    let isEmpty = calendar.isEmpty, after = calendar.next(), scheduled = calendar.scheduledCount
    #expect(isEmpty)
    #expect(after == nil)
    #expect(scheduled == UInt64(times.count))
}

@Test("Many random pushes pop sorted by (time, insertion), ties first-in first-out")
func calendarSortsManyRandomEvents() {
    let stream = RandomStream(seed: 2024)
    var calendar = EventCalendar(reservingCapacity: 16)  // forces many grow() calls
    let n = 50_000
    var times: [Double] = []
    times.reserveCapacity(n)
    for i in 0..<n {
        // Coarse times so that many events tie.
        let t = (stream.uniform() * 2_000).rounded(.down) / 4
        times.append(t)
        calendar.schedule(at: t, kind: 1, item: Int32(i))
    }
    let count = calendar.count
    #expect(count == n)
    // Reference: stable sort of insertion indices by time.
    let expected = (0..<n).sorted { times[$0] < times[$1] || (times[$0] == times[$1] && $0 < $1) }
    var popped: [Int] = []
    popped.reserveCapacity(n)
    while let e = calendar.next() { popped.append(Int(e.item)) }
    #expect(popped.count == n)
    #expect(popped == expected)
}

@Test("Interleaved schedules and removals always return the earliest pending event")
func calendarInterleavedMatchesReference() {
    let stream = RandomStream(seed: 99)
    var calendar = EventCalendar(reservingCapacity: 16)
    var pending: [(time: Double, order: Int)] = []
    var order = 0
    var now = 0.0
    var mismatches = 0
    for _ in 0..<40_000 {
        if pending.isEmpty || stream.uniform() < 0.52 {
            // Schedule in the future of the last removal, as a simulation does; some ties.
            let t = now + (stream.uniform() * 40).rounded(.down) / 8
            calendar.schedule(at: t, kind: 0, item: Int32(order))
            pending.append((t, order))
            order += 1
        } else {
            var best = 0
            for i in pending.indices.dropFirst()
            where pending[i].time < pending[best].time || (pending[i].time == pending[best].time && pending[i].order < pending[best].order) {
                best = i
            }
            let want = pending.remove(at: best)
            guard let got = calendar.next() else { mismatches += 1; break }
            if got.time != want.time || Int(got.item) != want.order { mismatches += 1 }
            now = got.time
        }
        if calendar.count != pending.count { mismatches += 1 }
    }
    #expect(mismatches == 0)
}

@Test("The heap invariants hold after every schedule and every removal")
func calendarKeepsItsInvariants() {
    let stream = RandomStream(seed: 7)
    var calendar = EventCalendar(reservingCapacity: 16)
    var now = 0.0
    for step in 0..<5_000 {
        if step % 3 == 2, let e = calendar.next() {
            now = e.time
        } else {
            calendar.schedule(at: now + (stream.uniform() * 8).rounded(.down), kind: 1)
        }
        if step % 97 == 0 {
            let holds = calendar.satisfiesInvariants
            #expect(holds, "step \(step)")
        }
    }
    let holds = calendar.satisfiesInvariants
    #expect(holds)
}

@Test("Events at -0 s and +0 s are at the same time: they come out in scheduling order, from the array, the heap and a lane")
func negativeZeroIsTimeZero() {
    for count in [4, EventCalendar.arrayLimit + 8] {  // the store as a sorted array, then as a heap
        var calendar = EventCalendar()
        let lane = calendar.addLane()
        for i in 0..<count {
            let t: Double = i % 2 == 0 ? -0.0 : 0.0
            if i % 3 == 2 {
                calendar.schedule(at: t, lane: lane, kind: 1, item: Int32(i))
            } else {
                calendar.schedule(at: t, kind: 1, item: Int32(i))
            }
        }
        calendar.schedule(at: 0x1p-1074, kind: 2)  // the least positive time: after every zero
        var order: [Int32] = []
        while let e = calendar.next(), e.kind == 1 { order.append(e.item) }
        #expect(order == (0..<Int32(count)).map { $0 }, "\(count) events")
    }
}

@Test("An event's time is its first field: the sorted store reads it at offset 0")
func eventTimeIsTheFirstField() {
    #expect(MemoryLayout<Event>.offset(of: \Event.time) == 0)
    #expect(MemoryLayout<Event>.stride == 32)
}
