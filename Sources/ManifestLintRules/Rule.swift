import ManifestLintGraph

/// A check with a stable id, its documentation, and the examples that prove it.
public struct Rule: Sendable {
    /// Kebab-case, stable forever.
    public let id: String
    public let severity: Severity
    public var summary: String { text.summary }
    /// Why it matters: which Pulumi, Node or npm behaviour it mirrors.
    public var rationale: String { text.rationale }
    /// What the user meets when a finding is left: for an error, the command
    /// that fails and what it prints; for a warning, the named consequence.
    public var consequence: Consequence { text.consequence }
    /// For a rule with a fix: why the fix is safe (it keeps the meaning) or
    /// unsafe (probably right, but it changes what runs), or only displayed.
    public var fixSafety: String? { text.fixSafety }
    /// The examples, built when asked for (documentation, tests), not when the rule runs.
    public var examples: [RuleExample] { makeExamples() }
    private let makeExamples: @Sendable () -> [RuleExample]
    /// The most its fixes can be (nil: the rule has no fix), from its fix examples
    /// and, for suggestions, its display-only advice.
    public var fixApplicability: Applicability? {
        if let applicability = examples.compactMap(\.fixApplicability).max() { return applicability }
        return displayOnlyFix ? .displayOnly : nil
    }
    let displayOnlyFix: Bool
    public let check: @Sendable (ProjectGraph, inout Findings) -> Void
    /// The documentation, in one object: the linter holds the rules for every
    /// project, and a rule with fewer fields is called in place rather than copied.
    private let text: Text

    private final class Text: Sendable {
        let summary: String
        let rationale: String
        let consequence: Consequence
        let fixSafety: String?

        init(summary: String, rationale: String, consequence: Consequence, fixSafety: String?) {
            self.summary = summary
            self.rationale = rationale
            self.consequence = consequence
            self.fixSafety = fixSafety
        }
    }

    public init(id: String, severity: Severity, summary: String, rationale: String, consequence: Consequence, fixSafety: String? = nil,
                displayOnlyFix: Bool = false,
                examples: @autoclosure @escaping @Sendable () -> [RuleExample],
                check: @escaping @Sendable (ProjectGraph, inout Findings) -> Void) {
        self.id = id
        self.severity = severity
        self.text = Text(summary: summary, rationale: rationale, consequence: consequence, fixSafety: fixSafety)
        self.displayOnlyFix = displayOnlyFix
        self.makeExamples = examples
        self.check = check
    }

    /// Every rule, in the order of their documentation.
    public static let all: [Rule] = [
        .yamlSyntax, .jsonSyntax, .duplicateKey, .projectSchema, .projectName, .runtimeOptions,
        .projectFileCase, .projectFileDuplicate, .pluginBesideProject,
        .mainMissing, .mainAbsolute, .entryPointMissing, .mainBinMismatch, .binMissing, .binShebang, .moduleFormatMismatch, .esmEntryRequire, .packageMainMissing,
        .pathCaseMismatch, .typeScriptDisabled, .tsconfigMissing, .typescriptConfigMissing,
        .stackFileExtension, .stackName, .stackFileSchema, .configNamespace, .configKeyInvalid, .configKeyDuplicate, .configKeyUnreadable,
        .configDeclaration, .configMissingValue, .configTypeMismatch, .configSecretPlaintext, .configEmptyValue, .configValuePlaceholder,
        .scriptSyntax, .scriptMissing, .scriptFileMissing, .scriptEntryMismatch, .scriptBinaryUndeclared, .scriptGlobUnmatched,
        .pulumiCwdMissing, .pulumiSDKMissing, .dependencyDuplicate, .nondeterministicResourceName, .resourceRenamedWithoutAlias, .resourceTypeChangedWithoutAlias, .resourceParentChangedWithoutAlias, .assetPathMissing, .incompletePulumiMock,
        // After every rule that reads a file: it reports the reads refused.
        .fileUnreadable, .unusedSuppression,
    ]

    public static func named(_ id: String) -> Rule? { all.first { $0.id == id } }

    /// Runs the rule on one project's graph, adding what it finds to `findings`
    /// (shared by the rules of one project: one list, not one per rule).
    public func run(on graph: ProjectGraph, into findings: inout Findings) {
        findings.reporting(as: self)
        check(graph, &findings)
    }
}

/// What happens when a rule's finding is left: the command the user runs
/// (`pulumi preview`, `npm run <script>`, jest...) and what it prints or does.
/// The rule of severities: an error means that command fails, or the
/// deployment goes wrong; a warning is a likely mistake with this named
/// consequence; anything else is not reported.
public struct Consequence: Sendable {
    public let command: String
    public let outcome: String

    public init(command: String, outcome: String) {
        self.command = command
        self.outcome = outcome
    }
}

/// Where the rules of one project put what they find: one list for all of
/// them, each finding stamped with the id and severity of the rule reporting it.
public struct Findings {
    /// The rule reporting now: its id and severity only (a whole Rule would be copied for every rule of every project).
    public private(set) var ruleID = ""
    private var ruleSeverity = Severity.error
    public let tree: any FileTree
    public private(set) var diagnostics: [Diagnostic] = []

    public init(tree: any FileTree) {
        self.tree = tree
    }

    /// What is reported from now on is `rule`'s.
    public mutating func reporting(as rule: Rule) {
        ruleID = rule.id
        ruleSeverity = rule.severity
    }

    public mutating func report(_ message: String, in file: SourceFile, at span: Span, severity: Severity? = nil, fix: Fix? = nil) {
        diagnostics.append(Diagnostic(ruleID: ruleID, severity: severity ?? ruleSeverity, message: message,
                                      file: file, span: span, displayPath: tree.displayPath(file.path), fix: fix))
    }
}
