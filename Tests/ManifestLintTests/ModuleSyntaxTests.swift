import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings
@testable import ManifestLintManifests
@testable import ManifestLintGraph
@testable import ManifestLintRules
@testable import ManifestLintEngine
@testable import ManifestLintReporting

/// What commits a file to ES module or CommonJS syntax, and what does not.
struct ModuleSyntaxTests {
    static func module(_ source: String) -> JSModule { JSModule(file: SourceFile(path: "x.js", text: source)) }

    @Test(arguments: [
        "import x from 'y';", "import 'side-effect';", "import * as ns from 'y';", "import { a as b } from 'y';",
        "export const a = 1;", "export default {};", "export { a };", "export * from 'y';", "export async function f() {}",
        "const url = import.meta.url;",
    ])
    func esmSyntax(_ source: String) {
        #expect(Self.module(source).firstESMSyntax != nil, "\(source)")
    }

    @Test(arguments: [
        "const m = await import('./x.mjs');", "obj.import('x');", "const o = { import: 1, export: 2 };",
        "// import x from 'y'", "const s = 'export default 1';", "const t = `import ${x} from y`;", "class A { import() {} }",
        "x?.export;",
    ])
    func notESMSyntax(_ source: String) {
        #expect(Self.module(source).firstESMSyntax == nil, "\(source)")
    }

    @Test(arguments: [
        ("const fs = require('fs');", "require"), ("module.exports = {};", "module.exports"), ("exports.a = 1;", "exports"),
        ("console.log(__dirname);", "__dirname"), ("const r = require.resolve('x');", "require"),
    ])
    func commonJSSyntax(_ source: String, _ name: String) {
        #expect(Self.module(source).firstCommonJSSyntax?.name == name, "\(source)")
    }

    @Test(arguments: [
        "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\nrequire('x');",
        "const __dirname = new URL('.', import.meta.url).pathname;\nconsole.log(__dirname);",
        "if (typeof module !== 'undefined' && module.exports) { module.exports = f; }",
        "(function (exports) { exports.a = 1; })(globalThis);",
        "const o = { require: 1 }; o.require(); const m = { module: 2 };", "// require('x')", "const s = 'module.exports';",
    ])
    func notCommonJSSyntax(_ source: String) {
        #expect(Self.module(source).firstCommonJSSyntax == nil, "\(source)")
    }
}
