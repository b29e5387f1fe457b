import Scenario
import Testing

@Suite("parent folder of a path")
struct ParentFolderTests {
    @Test(arguments: [("r", ""), ("report", ""), ("x/y", "x"), ("a/b/c.yaml", "a/b"), ("/r", "/"), ("/", "/"),
                      ("a/b/", "a"), ("a//b", "a"), ("./r", "."), ("../r", "..")])
    func theParentIsTheTextBeforeTheLastSlash(path: String, parent: String) {
        #expect(ParentFolder.of(path) == parent)
    }
}
