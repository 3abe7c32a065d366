import ManifestLintFindings

/// A resource construction in any language, as the rules about what a change
/// does compare them: JavaScript's ResourceConstruction, Python's PythonResourceConstruction.
public protocol ResourceCall {
    /// The callee as written (`aws.s3.Bucket`).
    var callee: String { get }
    /// The class it resolves to through the file's imports: the same whichever way it is imported.
    var resolvedClass: String { get }
    var file: SourceFile { get }
    /// What it is bound to (`var:x`, `this.x`, `self.x`, `key:x`); nil when nothing.
    var bindingKey: String? { get }
    var nameShape: ResourceNameShape? { get }
    var nameSpan: Span { get }
    /// The source text of each argument other than the name, for comparing two calls.
    var otherArguments: [String] { get }
    /// The names of the resource's own arguments (the args object's keys, Python's keywords).
    var propertyKeys: Set<String> { get }
    var options: ResourceOptionsReading { get }
    var parent: ParentReading? { get }
}

/// A resource's logical name, as far as it is written out: the literal
/// pieces of a string, a template or a concatenation, and the source text
/// of what is put between them. Two names of this shape with the same
/// placeholders differ only in their literal text.
public struct ResourceNameShape: Equatable, Sendable {
    public var literals: [String]
    public var placeholders: [String]
    /// The name's source text.
    public var source: String
}

/// A construction's `parent` option: none, or its expression's source text.
public enum ParentReading: Equatable, Sendable {
    case none
    case expression(String)
}

extension ResourceNameShape {
    /// Assembles a shape from a name's pieces in order: literal text,
    /// separators (`+`), and the source text of what stands between.
    struct Builder {
        private var literals: [String] = []
        private var placeholders: [String] = []
        private var pending = ""

        mutating func literal(_ text: String) {
            separator()
            literals.append(text)
        }

        mutating func separator() {
            if !pending.isEmpty { placeholders.append(pending) }
            pending = ""
        }

        mutating func code(_ text: String) { pending += text }

        /// The shape; nil when the name has no literal text.
        mutating func shape(source: String) -> ResourceNameShape? {
            separator()
            return literals.isEmpty ? nil : ResourceNameShape(literals: literals, placeholders: placeholders, source: source)
        }
    }
}

/// What the options argument of a resource construction says, as far as it can be read.
public enum ResourceOptionsReading {
    /// No options argument: `)` is where one would go.
    case none
    /// An object literal (or a variable of this module holding one): whether it sets
    /// `aliases`, whether `protect: true`, and its `}` when it is written in the call.
    case known(hasAliases: Bool, isProtected: Bool, closingBrace: Int?)
    /// Anything else (a spread, a call, a variable from elsewhere): not known.
    case unknown
}
