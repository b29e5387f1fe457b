/// The folder part of a file path, as text.
///
/// What `NSString.deletingLastPathComponent` gives, written out because the Linux Foundation of Swift 6.3 traps on
/// it for a one-character path ("r", or "x" from "x/y"), which `--out r` reaches.
public enum ParentFolder {
    /// The folder holding `path`: "" for a bare name ("r", "report"), "/" for a name at the root ("/r"), else the
    /// text before the last "/" (trailing slashes ignored: "a/b/" → "a").
    public static func of(_ path: String) -> String {
        var p = Substring(path)
        while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
        guard let slash = p.lastIndex(of: "/") else { return "" }
        if slash == p.startIndex { return "/" }
        var parent = p[..<slash]
        while parent.count > 1, parent.hasSuffix("/") { parent = parent.dropLast() }
        return String(parent)
    }
}
