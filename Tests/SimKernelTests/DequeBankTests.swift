import SimKernel
import Testing

@Test("Each queue of a DequeBank gives the elements of an Array used as a deque, through appends, prepends and growth")
func dequeBankMatchesArrayReference() {
    let stream = RandomStream(seed: 5)
    let queues = 4
    let bank = DequeBank<Int>(queues: queues, reservingCapacity: 2)  // tiny rings: many grow() calls, wrapped heads
    var reference = [[Int]](repeating: [], count: queues)
    var mismatches = 0
    for i in 0..<60_000 {
        let q = Int(stream.uniform() * Double(queues))
        let u = stream.uniform()
        // Lengths wander: append 45 %, prepend 10 %, remove the first 45 %.
        if u < 0.45 {
            bank.append(i, to: q)
            reference[q].append(i)
        } else if u < 0.55 {
            bank.prepend(i, to: q)
            reference[q].insert(i, at: 0)
        } else {
            let got = bank.popFirst(q)
            let want = reference[q].isEmpty ? nil : reference[q].removeFirst()
            if got != want { mismatches += 1 }
        }
        if bank.count(q) != reference[q].count || bank.first(q) != reference[q].first { mismatches += 1 }
    }
    for q in 0..<queues {
        while let got = bank.popFirst(q) {
            if reference[q].isEmpty || got != reference[q].removeFirst() { mismatches += 1 }
        }
        if !reference[q].isEmpty { mismatches += 1 }
    }
    #expect(mismatches == 0)
}

@Test("removeAll empties one queue of a DequeBank and leaves the others")
func dequeBankRemoveAllEmptiesOneQueue() {
    let bank = DequeBank<Int>(queues: 2)
    for i in 0..<40 { bank.append(i, to: 0); bank.append(-i, to: 1) }
    bank.removeAll(0)
    let emptied = bank.count(0), kept = bank.count(1), first = bank.first(1)
    #expect(emptied == 0 && kept == 40 && first == 0)
    bank.append(7, to: 0)
    let again = bank.popFirst(0), none = bank.popFirst(0)
    #expect(again == 7 && none == nil)
}
