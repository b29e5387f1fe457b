/// The one version number of capsim: `capsim --version` prints "capsim 0.15.0". Raise it with every release.
enum CapsimVersion {
    static let number = "0.15.0"
    static let text = "capsim \(number)"
}
