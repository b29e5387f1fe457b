import SimKernel

/// Capacity-loss events: while an event lasts, its `servers_down` servers of the pool are out of service. Events on
/// the same pool add up; the servers taken out are the last ones installed (those with the highest numbers), so
/// overlapping events take out distinct servers. Load-spike events are part of the arrival process
/// (`ArrivalClock`), not handled here.
extension Replication {
    /// Capacity event `i` starts (`starts`) or ends.
    mutating func capacityEvent(_ i: Int, starts: Bool) {
        let e = model.capacityEvents[i]
        let p = e.pool
        let n = model.pools[p].servers
        let before = min(eventServersDown[p], n)
        eventServersDown[p] += starts ? e.count : -e.count
        let after = min(eventServersDown[p], n)
        if after > before {
            for s in (n - after..<n - before).reversed() { takeDown(pool: p, server: s) }
        } else if after < before {
            for s in n - before..<n - after { bringUp(pool: p, server: s) }
        }
    }
}
