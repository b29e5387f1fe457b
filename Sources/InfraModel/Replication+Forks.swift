import SimKernel

/// Fork and join: every branch of a fork runs as its own request slot (`parent` = the forking request), and the
/// forking request waits at the join until all of them have finished.
///
/// A branch that is lost makes the whole request lost, once, at that moment (fail fast: the client learns at
/// once and may retry); the other branches keep running and using capacity, and the request's slot is freed when
/// the last of them finishes.
extension Replication {
    /// Starts every branch of fork `f` of request `r`.
    mutating func startFork(_ r: Int, workload w: Int, table f: Int) {
        let starts = model.workloads[w].forks[f].starts
        requests[r].step = model.workloads[w].forks[f].join
        requests[r].failed = false
        // One extra count while the branches start, so that branches finishing at once cannot complete the join
        // before the last branch has started.
        requests[r].pending = Int16(starts.count + 1)
        for start in starts {
            let c = allocate(workload: w)
            requests[c].parent = Int32(truncatingIfNeeded: r)
            requests[c].step = start
            resumeRoute(c)
        }
        branchFinished(parent: r)
    }

    /// Branch request `c` reached the end of its fork branch.
    mutating func branchJoins(_ c: Int) {
        let parent = Int(requests[c].parent)
        releaseLinked(c)
        branchFinished(parent: parent)
    }

    /// Branch request `c` was lost: its request is lost (once) and the branch is finished.
    mutating func branchLost(_ c: Int) {
        let parent = Int(requests[c].parent)
        releaseLinked(c)
        markFailed(parent)
        branchFinished(parent: parent)
    }

    /// Marks request `x`, waiting at a join, as lost; the first time, the loss is counted (or reported to the
    /// client) for the outermost request.
    mutating func markFailed(_ x: Int) {
        if requests[x].failed { return }
        requests[x].failed = true
        let up = Int(requests[x].parent)
        if up >= 0 {
            markFailed(up)
        } else if requests[x].client >= 0 {
            clientAttemptLost(x)
        } else {
            workloads[Int(requests[x].workload)].lost += 1
        }
    }

    /// One branch of the fork that request `p` waits on has finished.
    mutating func branchFinished(parent p: Int) {
        requests[p].pending -= 1
        guard requests[p].pending == 0 else { return }
        if !requests[p].failed {
            resumeRoute(p)
            return
        }
        // Lost, and now every branch has finished: free the slot.
        let up = Int(requests[p].parent)
        releaseLinked(p)
        if up >= 0 { branchFinished(parent: up) }
    }
}
