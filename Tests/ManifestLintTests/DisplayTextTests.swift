import Testing
@testable import ManifestLintCore
@testable import ManifestLintFindings

/// What a report shows of the user's text: snippets windowed around the
/// finding with the caret under it, control characters as pictures, quoted
/// values and messages of bounded length.
struct DisplayTextTests {
    /// The snippet of the first occurrence of `flagged` in a one-line file.
    func snippet(of flagged: String, in line: String) throws -> Snippet {
        let file = SourceFile(path: "f", text: line)
        let start = try #require(line.utf8.firstRange(of: flagged.utf8)).lowerBound
        let offset = line.utf8.distance(from: line.utf8.startIndex, to: start)
        let span = Span(offset, offset + flagged.utf8.count)
        return Snippet(file: file, span: span, start: file.position(of: span.start), end: file.position(of: span.end))
    }

    /// The text under the caret, as a terminal shows it.
    func underCaret(_ snippet: Snippet) -> String {
        String(String.UnicodeScalarView(Array(snippet.line.unicodeScalars).dropFirst(snippet.caretColumn - 1).prefix(snippet.caretWidth)))
    }

    @Test(arguments: [0, 1, 59, 60, 61, 150, 5_000, 99_990])
    func aLongLineIsCutAroundTheFindingAndTheCaretStaysOnIt(at position: Int) throws {
        var characters = Array(repeating: "a", count: 100_000)
        characters.replaceSubrange(position..<(position + 5), with: ["F", "O", "U", "N", "D"])
        let line = characters.joined()
        let shown = try snippet(of: "FOUND", in: line)
        #expect(shown.line.unicodeScalars.count <= Snippet.width + 2)
        #expect(underCaret(shown) == "FOUND")
        #expect(shown.line.hasPrefix("…") == (position > Snippet.leadingContext))
        #expect(shown.line.hasSuffix("…") == (position < 99_000))
    }

    @Test func aShortLineIsShownWholeWithTheCaretUnderMultibyteText() throws {
        let shown = try snippet(of: "\"ü😀\"", in: "name: 名前 \"ü😀\" \tend")
        #expect(shown.line == "name: 名前 \"ü😀\"  end")
        #expect(underCaret(shown) == "\"ü😀\"")
    }

    @Test func aLongLineOfMultibyteTextIsCutOnCharacterBoundaries() throws {
        let line = String(repeating: "é", count: 500) + "X" + String(repeating: "😀", count: 500)
        let shown = try snippet(of: "X", in: line)
        #expect(!shown.line.contains("\u{FFFD}"))
        #expect(underCaret(shown) == "X")
        #expect(shown.line.unicodeScalars.count == Snippet.width + 2)
    }

    @Test func controlCharactersShowAsTheirPicturesOneColumnEach() throws {
        let shown = try snippet(of: "X", in: "\u{0}\u{1B}[2J\u{7F}\u{85}\u{202E}X")
        #expect(shown.line == "␀␛[2J␡\u{FFFD}\u{FFFD}X")
        #expect(underCaret(shown) == "X")
        #expect(DisplayText.escaped("a\nb\tc\r") == "a␊b c␍")
        #expect(DisplayText.escaped("plain ünïcode") == "plain ünïcode")
    }

    @Test func quotedValuesInMessagesAreBounded() {
        let long = String(repeating: "k", count: 5_000)
        let message = DisplayText.message("key '\(long)' is not declared; Pulumi's config 'short' is")
        #expect(message.unicodeScalars.count < 200)
        #expect(message.contains("'kkkk") && message.contains("…") && message.hasSuffix("Pulumi's config 'short' is"))
        let plain = "'tsc' is provided by typescript, which neither this package nor a package.json above it declares"
        #expect(DisplayText.message(plain) == plain)
        #expect(DisplayText.message(String(repeating: "word ", count: 1_000)).unicodeScalars.count <= DisplayText.messageLimit + 1)
    }
}
