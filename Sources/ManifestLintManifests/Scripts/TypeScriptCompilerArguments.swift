/// What `tsc`'s arguments say about the project it compiles.
public enum TypeScriptCompilerArguments {
    /// Whether `tsc` with these arguments (the words after `tsc`) compiles
    /// the project of the nearest tsconfig.json, which it searches for from
    /// the current directory up: no input file, no `-p`/`--project`, no build
    /// mode, and nothing that runs without a project (`--init`, `--help`,
    /// `--version`, `--all`). A word that might be an input file (the value of
    /// an option not known here, a variable) makes the answer false.
    public static func usesNearestTSConfig(_ arguments: some Collection<ShellWord>) -> Bool {
        var expectingValue = false
        for word in arguments {
            if word.isDynamic { return false }
            let text = word.text
            if expectingValue {
                expectingValue = false
                continue
            }
            guard text.hasPrefix("-") else {
                // `--strict false`: a boolean option's value, not a file.
                if text == "true" || text == "false" { continue }
                return false
            }
            // `--project=x` names a project too; a value option written `--outDir=x` takes no next word.
            if projectOptions.contains(text) || text.utf8.contains(UInt8(ascii: "=")) && projectOptions.contains(String(text.prefix { $0 != "=" })) { return false }
            if valueOptions.contains(text) { expectingValue = true }
        }
        return true
    }

    /// Options after which tsc does not look for the nearest tsconfig.json.
    static let projectOptions: Set<String> = [
        "-p", "--project", "-b", "--build", "--init", "-h", "--help", "-?", "-v", "--version", "--all",
    ]

    /// Options whose value is the next word.
    static let valueOptions: Set<String> = [
        "-t", "--target", "-m", "--module", "--lib", "--jsx", "--outDir", "--outFile", "--rootDir", "--declarationDir",
        "--baseUrl", "--moduleResolution", "--types", "--typeRoots", "--tsBuildInfoFile", "--locale", "--generateTrace",
        "--generateCpuProfile", "--newLine", "--maxNodeModuleJsDepth", "--sourceRoot", "--mapRoot", "--reactNamespace",
        "--jsxFactory", "--jsxFragmentFactory", "--jsxImportSource", "--moduleDetection", "--rootDirs", "--ignoreDeprecations",
        "--moduleSuffixes", "--customConditions", "--watchFile", "--watchDirectory", "--fallbackPolling",
        "--excludeDirectories", "--excludeFiles", "--charset", "--importsNotUsedAsValues", "--verbatimModuleSyntax",
    ]
}
