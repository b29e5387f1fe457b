/// A configuration the simulator cannot run. Scenario files are checked (with source locations)
/// before they reach the model, so these errors mean a programming mistake or a hand-built
/// configuration that skipped that check.
public struct ModelError: Error, CustomStringConvertible, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
