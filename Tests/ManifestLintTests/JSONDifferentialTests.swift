import Foundation
import Testing
@testable import ManifestLintCore

/// The JSON loader against the real thing: Node's JSON.parse, as Node reads
/// a package.json (the bytes decoded as UTF-8, a byte-order mark dropped), on
/// thousands of generated inputs, valid and broken. Both must accept and
/// reject the same inputs, and what both accept must be the same value.
struct JSONDifferentialTests {
    /// Tokens where parsers tend to disagree: number forms, escapes, literals, whitespace.
    static let numbers = ["0", "-0", "1", "1.5", "1E-7", "1e5", "1.5e308", "12345678901234567890", "0.000001", "0e0", "-0.0e-0", "-12"]
    static let badNumbers = ["01", "-01", "1.", ".5", "1e", "1e+", "-", "+1", "0x10", "Infinity", "NaN", "1_000"]
    static let stringPieces = ["a", "é", "😀", "\\n", "\\\"", "\\\\", "\\/", "\\u0041", "\\u00e9", "\\uD83D\\uDE00", "\u{7F}", "\u{2028}", " ",
                               "\\u0000", "\\uDE00x", "\\uD83Dx"]
    static let badStringPieces = ["\\x41", "\\u12", "\\'", "\\a", "\t", "\u{1}"]
    static let literals = ["true", "false", "null"]
    static let badLiterals = ["True", "nul", "undefined", "truex"]
    static let spaces = ["", " ", "\n", "\r\n", "\t", "  ", "\u{A0}", "\u{C}", "\u{B}", "\u{FEFF}"]

    static func value(_ random: inout SplitMix, depth: Int) -> String {
        let space = { (random: inout SplitMix) in random.chance(80) ? random.pick(["", " ", "\n  "]) : random.pick(spaces) }
        switch random.next(below: depth > 3 ? 3 : 6) {
        case 0: return random.chance(90) ? random.pick(numbers) : random.pick(badNumbers)
        case 1: return random.chance(90) ? random.pick(literals) : random.pick(badLiterals)
        case 2: return "\"" + (0..<random.next(below: 4)).map { _ in random.chance(95) ? random.pick(stringPieces) : random.pick(badStringPieces) }.joined() + "\""
        case 3:
            let items = (0..<random.next(below: 4)).map { _ in space(&random) + value(&random, depth: depth + 1) + space(&random) }
            return "[" + items.joined(separator: ",") + (random.chance(10) ? "," : "") + "]"
        default:
            let members = (0..<random.next(below: 4)).map { _ in
                space(&random) + value(&random, depth: 4) + space(&random) + (random.chance(95) ? ":" : "") + space(&random)
                    + value(&random, depth: depth + 1)
            }
            return "{" + members.joined(separator: ",") + (random.chance(10) ? "," : "") + "}"
        }
    }

    /// An input: a generated value, with a fixed structure most of the time
    /// (keys are strings), then often broken by a few byte-level mutations.
    static func input(_ random: inout SplitMix) -> [UInt8] {
        var text = random.chance(70)
            ? "{\"name\": " + value(&random, depth: 2) + ", \"scripts\": " + value(&random, depth: 1) + "}"
            : value(&random, depth: 0)
        if random.chance(5) { text = "\u{FEFF}" + text }
        if random.chance(10) { text += random.pick(spaces) }
        var bytes = Array(text.utf8)
        let inserts: [[UInt8]] = ["{", "}", "[", "]", ":", ",", "\"", "\\", " ", "0", "-", "e", ".", "\u{1}", "é", "\u{2028}"].map { Array($0.utf8) }
        for _ in 0..<(random.chance(45) ? 1 + random.next(below: 3) : 0) where !bytes.isEmpty {
            let at = random.next(below: bytes.count)
            switch random.next(below: 3) {
            case 0: bytes.remove(at: at)
            case 1: bytes.insert(contentsOf: random.pick(inserts), at: at)
            default: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + random.next(below: 8))], at: random.next(below: bytes.count))
            }
        }
        return bytes
    }

    @Test func verdictsAndValuesAgreeWithJSONParse() throws {
        var random = SplitMix(seed: 20_261_206)
        var inputs: [[UInt8]] = []
        for _ in 0..<4_000 { inputs.append(Self.input(&random)) }
        let script = """
            const inputs = JSON.parse(require('fs').readFileSync(0, 'utf8'));
            // JSON.stringify, but -0 stays -0 (isDeepStrictEqual tells it from 0, and so does the loader), and a
            // number too large for a double stays infinite.
            const canonical = (v) => v === null ? 'null'
                : Array.isArray(v) ? '[' + v.map(canonical).join(',') + ']'
                : typeof v === 'object' ? '{' + Object.keys(v).map((k) => JSON.stringify(k) + ':' + canonical(v[k])).join(',') + '}'
                : Object.is(v, -0) ? '-0' : v === Infinity ? '1e999' : v === -Infinity ? '-1e999' : JSON.stringify(v);
            console.log(JSON.stringify(inputs.map((encoded) => {
                let text = Buffer.from(encoded, 'base64').toString('utf8');
                if (text.charCodeAt(0) === 0xFEFF) text = text.slice(1);
                try { return canonical(JSON.parse(text)); } catch { return null; }
            })));
            """
        let encoded: [String] = inputs.map { "\"" + Data($0).base64EncodedString() + "\"" }
        let request = "[" + encoded.joined(separator: ",") + "]"
        let answers = try NodeProcess.run(script, input: request)
        let verdicts = JSONLoader.load(SourceFile(path: "node.json", text: answers)).root?.elements ?? []
        try #require(verdicts.count == inputs.count, "node answered: \(answers.prefix(500))")
        var accepted = 0
        var disagreements: [String] = []
        for (bytes, verdict) in zip(inputs, verdicts) {
            let ours = JSONLoader.load(SourceFile(path: "package.json", bytes: bytes))
            let shown = String(decoding: bytes, as: UTF8.self).debugDescription + " \(bytes)"
            guard let canonical = verdict.string else {
                if ours.parsed && ours.root != nil { disagreements.append("JSON.parse rejects, the loader accepts: \(shown)") }
                continue
            }
            accepted += 1
            guard ours.parsed, let root = ours.root else {
                let reason = ours.problems.first?.message ?? "no value"
                disagreements.append("JSON.parse accepts, the loader rejects (\(reason)): \(shown)")
                continue
            }
            let theirs = JSONLoader.load(SourceFile(path: "canonical.json", text: canonical)).root
            if !(theirs.map(root.isSameJSONValue) ?? false) {
                disagreements.append("different values: \(shown) gives \(canonical)")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements, the first: \(disagreements.prefix(10).joined(separator: "\n"))")
        // The inputs exercise both sides.
        #expect(accepted > 800 && accepted < 3_200, "JSON.parse accepted \(accepted) of \(inputs.count)")
    }
}
