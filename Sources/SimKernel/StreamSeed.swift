/// Deterministic seeds for random streams.
///
/// A stream is named by a 64-bit id, usually `StreamSeed.id(of:)` of a model element's name
/// plus a purpose ("arrivals", "service", ...). Its seed mixes the scenario seed, the
/// replication number and that id with SplitMix64, so every (replication, stream) pair gets
/// its own generator and the seeds do not depend on the order in which streams are created.
public enum StreamSeed {
    /// The seed of stream `stream` in replication `replication` of a run with `scenarioSeed`.
    public static func derive(scenarioSeed: UInt64, replication: Int, stream: UInt64) -> UInt64 {
        var x = splitMix(scenarioSeed)
        x = splitMix(x ^ UInt64(truncatingIfNeeded: replication) &* 0x9E37_79B9_7F4A_7C15)
        x = splitMix(x ^ stream)
        return x
    }

    /// A stable 64-bit id for a name (FNV-1a over its UTF-8 bytes).
    public static func id(of name: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in name.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }

    /// One SplitMix64 step (Steele, Lea and Flood 2014).
    public static func splitMix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
