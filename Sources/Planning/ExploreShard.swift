/// One of `count` shards of an explore study: the runs whose index ≡ `index` (mod `count`), in run order
/// (samples, then the base and sensitivity runs, then the noise runs). Round-robin spreads the samples, and so
/// the work, evenly over the shards; a shard may be empty when there are more shards than runs.
public struct ExploreShard: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// From 0 to `count` − 1.
    public let index: Int
    /// Number of shards, at least 1.
    public let count: Int

    /// Most shards of one study: far more than any scheduler runs as one job array.
    public static let maximumCount = 1_000_000

    public init?(index: Int, count: Int) {
        guard count >= 1, count <= Self.maximumCount, index >= 0, index < count else { return nil }
        self.index = index
        self.count = count
    }

    /// Reads `I/N` (`0/3`, `2/3`).
    /// - Throws: `ExploreShard.Failure` saying what was expected.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else {
            throw Failure(description: "'\(text)' is not a shard; expected I/N with whole numbers, e.g. 0/4 (shards are numbered from 0)")
        }
        guard n >= 1, n <= Self.maximumCount else {
            throw Failure(description: "'\(text)': the number of shards must be from 1 to \(Self.maximumCount)")
        }
        guard let shard = ExploreShard(index: i, count: n) else {
            throw Failure(description: "'\(text)': the shard must be from 0 to \(n - 1) (shards are numbered from 0)")
        }
        self = shard
    }

    /// `I/N`.
    public var description: String { "\(index)/\(count)" }

    /// Whether run `index` of a study belongs to this shard.
    public func contains(run index: Int) -> Bool { index % count == self.index }

    /// A shard that cannot be read.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }
}

extension ExploreStudy {
    /// The runs of `shard`, in run order.
    public func runs(in shard: ExploreShard) -> [ExploreRunSpec] {
        runs.filter { shard.contains(run: $0.index) }
    }
}
