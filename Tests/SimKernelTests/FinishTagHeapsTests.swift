import SimKernel
import Testing

@Test("Each FinishTagHeaps heap pops its tags in (tag, sequence) order, as a sort does, through growth and ties")
func finishTagHeapsMatchSortedReference() {
    let stream = RandomStream(seed: 11)
    let heaps = FinishTagHeaps(count: 3)
    var reference: [[FinishTag]] = [[], [], []]
    var sequence: UInt64 = 0, mismatches = 0
    for step in 0..<40_000 {
        let d = Int(stream.uniform() * 3)
        // Grow in the first half, drain in the second; coarse tags so that many are equal (ties by sequence).
        if reference[d].isEmpty || stream.uniform() < (step < 20_000 ? 0.7 : 0.3) {
            sequence += 1
            let tag = FinishTag(tag: (stream.uniform() * 64).rounded(.down) * 1_000, sequence: sequence, request: Int32(step))
            heaps.insert(tag, direction: d)
            reference[d].append(tag)
        } else {
            // Reference: the least tag by a linear search.
            var best = 0
            for i in reference[d].indices.dropFirst() where FinishTag.before(reference[d][i], reference[d][best]) { best = i }
            let want = reference[d].remove(at: best)
            let peek = heaps.min(d)
            if heaps.popMin(d) != want || peek != want { mismatches += 1 }
        }
        if heaps.count(d) != reference[d].count { mismatches += 1 }
    }
    #expect(mismatches == 0)
    #expect(sequence > 15_000)
}
