import ManifestLintEngine

/// `--format sarif`: SARIF 2.1.0, for GitHub code scanning and editors. URIs
/// are relative to the repository root, given as the %SRCROOT% base; columns
/// count Unicode code points, as `columnKind` says; fixes are artifactChanges.
public enum SARIFReporter {
    public static func render(_ diagnostics: [Diagnostic], rules: [Rule], context: ReportContext) -> String {
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let run: JSONValue = .object([
            ("tool", .object([("driver", .object([
                ("name", .string("manifest-lint")),
                ("version", .string(ManifestLintVersion.current)),
                ("semanticVersion", .string(ManifestLintVersion.current)),
                ("rules", .array(rules.map(descriptor))),
            ]))])),
            ("originalUriBaseIds", .object([("%SRCROOT%", .object([("uri", .string(fileURI(directory: context.root)))]))])),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(diagnostics.map { result($0, ruleIndex: index[$0.ruleID], context: context) })),
        ])
        let document: JSONValue = .object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ])
        return document.rendered(pretty: true) + "\n"
    }

    private static func descriptor(_ rule: Rule) -> JSONValue {
        let name = rule.id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return .object([
            ("id", .string(rule.id)),
            ("name", .string(name)),
            ("shortDescription", .object([("text", .string(rule.summary))])),
            ("fullDescription", .object([("text", .string(rule.rationale))])),
            ("help", .object([
                ("text", .string(rule.rationale + "\n\nRun `manifest-lint rule \(rule.id)` for examples.")),
                ("markdown", .string("**\(rule.summary)**\n\n\(rule.rationale)\n\nRun `manifest-lint rule \(rule.id)` for examples.")),
            ])),
            ("defaultConfiguration", .object([("level", .string(rule.severity.rawValue))])),
            ("properties", .object([("fix", .string(rule.fixApplicability?.rawValue ?? "none"))])),
        ])
    }

    private static func location(_ path: String, context: ReportContext) -> JSONValue {
        .object([("uri", .string(encode(context.rootRelative(path)))), ("uriBaseId", .string("%SRCROOT%"))])
    }

    private static func result(_ diagnostic: Diagnostic, ruleIndex: Int?, context: ReportContext) -> JSONValue {
        var members: [(String, JSONValue)] = [("ruleId", .string(diagnostic.ruleID))]
        if let ruleIndex { members.append(("ruleIndex", .number(ruleIndex))) }
        members.append(("level", .string(diagnostic.severity.rawValue)))
        members.append(("message", .object([("text", .string(diagnostic.message))])))
        members.append(("locations", .array([.object([("physicalLocation", .object([
            ("artifactLocation", location(diagnostic.path, context: context)),
            ("region", .object([
                ("startLine", .number(diagnostic.start.line)), ("startColumn", .number(diagnostic.start.column)),
                ("endLine", .number(diagnostic.end.line)), ("endColumn", .number(diagnostic.end.column)),
                ("byteOffset", .number(diagnostic.span.start)), ("byteLength", .number(diagnostic.span.length)),
            ])),
        ]))])])))
        // SARIF has no renames: only byte-range replacements become fixes.
        if let fix = diagnostic.fix, fix.applicability != .displayOnly {
            var byFile: [(String, [TextEdit])] = []
            for case .edit(let edit) in fix.changes {
                if let index = byFile.firstIndex(where: { $0.0 == edit.path }) { byFile[index].1.append(edit) } else { byFile.append((edit.path, [edit])) }
            }
            let renames = fix.changes.contains { if case .rename = $0 { return true } else { return false } }
            if !byFile.isEmpty && !renames {
                members.append(("fixes", .array([.object([
                    ("description", .object([("text", .string("\(fix.title) (\(fix.applicability.rawValue))"))])),
                    ("artifactChanges", .array(byFile.map { path, edits in
                        .object([
                            ("artifactLocation", location(path, context: context)),
                            ("replacements", .array(edits.map { edit in
                                .object([
                                    ("deletedRegion", .object([("byteOffset", .number(edit.span.start)), ("byteLength", .number(edit.span.length))])),
                                    ("insertedContent", .object([("text", .string(edit.replacement))])),
                                ])
                            })),
                        ])
                    })),
                ])])))
            }
        }
        return .object(members)
    }

    /// `file:///abs/dir/`, percent-encoded.
    static func fileURI(directory: String) -> String {
        let path = directory.hasSuffix("/") ? directory : directory + "/"
        return "file://" + encode(path)
    }

    /// Percent-encodes all but unreserved characters and `/`.
    static func encode(_ path: String) -> String {
        var output = ""
        for byte in path.utf8 {
            let scalar = Unicode.Scalar(byte)
            if (byte < 0x80) && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-._~/".unicodeScalars.contains(scalar)) {
                output.unicodeScalars.append(scalar)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                output += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return output
    }
}
