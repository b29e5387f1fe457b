/// Limits on a scenario file as text and as a YAML tree. They keep a hostile or broken file (a huge file, an alias
/// bomb, absurd nesting) from stalling the tool or exhausting memory: the file is refused with a located error
/// before anything walks its tree. Real scenario files stay far below them (the shipped national scenario has
/// 35 KB, about 1,800 nodes after expanding its anchors and a nesting depth of 8).
public struct DocumentLimits: Sendable, Equatable {
    /// Largest scenario file, in bytes.
    public var maxBytes: Int
    /// Most YAML nodes (scalars, lists, mappings) as written.
    public var maxNodes: Int
    /// Most YAML nodes once every alias (`*name`, also in `<<: *name` merges) is replaced by the node it names.
    public var maxExpandedNodes: Int
    /// Deepest nesting of lists and mappings.
    public var maxDepth: Int

    public init(maxBytes: Int = 4 << 20, maxNodes: Int = 250_000, maxExpandedNodes: Int = 250_000, maxDepth: Int = 64) {
        self.maxBytes = maxBytes
        self.maxNodes = maxNodes
        self.maxExpandedNodes = maxExpandedNodes
        self.maxDepth = maxDepth
    }

    /// The limits every scenario file is read with: 4 MiB, 250,000 nodes as written and after expanding aliases,
    /// nesting depth 64.
    public static let standard = DocumentLimits()
}
