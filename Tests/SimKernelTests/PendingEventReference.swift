// The reference that the calendar tests replay random schedules against: a plain list of pending events searched
// for its minimum by (time, order of scheduling), the order the calendar promises.

/// A pending event of the reference: its time (seconds), the order in which it was scheduled, and where the
/// calendar holds it (a lane number, or -1 for the store).
struct Pending {
    let time: Double
    let order: Int
    var lane = -1
}

/// Index of the earliest pending event by (time, order): a linear search, the simplest correct reference.
func earliest(_ pending: [Pending]) -> Int {
    var best = 0
    for i in pending.indices.dropFirst()
    where pending[i].time < pending[best].time || (pending[i].time == pending[best].time && pending[i].order < pending[best].order) {
        best = i
    }
    return best
}
