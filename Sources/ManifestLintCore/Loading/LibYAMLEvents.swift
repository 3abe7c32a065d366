import CLibYAML

/// libyaml's event parser, with its marks turned into byte offsets.
enum LibYAMLEvents {
    /// Hands each event to `body` until `body` returns false or the stream
    /// ends; returns the parse error that stopped it, if any.
    static func parse(_ buffer: UnsafeBufferPointer<UInt8>, offsets: CodePointOffsets,
                      _ body: (YAMLEvent) -> Bool) -> LoadProblem? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return LoadProblem(kind: .syntax, message: "could not start the YAML parser", span: Span(0, 0))
        }
        defer { yaml_parser_delete(&parser) }
        // No yaml_parser_set_encoding: libyaml skips a UTF-8 BOM only while detecting the encoding.
        if let base = buffer.baseAddress {
            yaml_parser_set_input_string(&parser, base, buffer.count)
        } else {
            var empty: UInt8 = 0
            yaml_parser_set_input_string(&parser, &empty, 0)
        }
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { return problem(parser, offsets: offsets) }
            let converted = YAMLEvent(kind: kind(of: event), start: offsets.byteOffset(Int(event.start_mark.index)),
                                      end: offsets.byteOffset(Int(event.end_mark.index)))
            let finished = event.type == YAML_STREAM_END_EVENT
            yaml_event_delete(&event)
            if !body(converted) || finished { return nil }
        }
    }

    private static func kind(of event: yaml_event_t) -> YAMLEvent.Kind {
        switch event.type {
        case YAML_STREAM_START_EVENT: return .streamStart
        case YAML_STREAM_END_EVENT: return .streamEnd
        case YAML_DOCUMENT_START_EVENT: return .documentStart
        case YAML_ALIAS_EVENT: return .alias(anchor: optionalString(event.data.alias.anchor) ?? "")
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            return .scalar(text: string(data.value, length: data.length), style: style(data.style),
                           plainImplicit: data.plain_implicit == 1, tag: optionalString(data.tag),
                           anchor: optionalString(data.anchor))
        case YAML_SEQUENCE_START_EVENT: return .sequenceStart(anchor: optionalString(event.data.sequence_start.anchor))
        case YAML_SEQUENCE_END_EVENT: return .sequenceEnd
        case YAML_MAPPING_START_EVENT: return .mappingStart(anchor: optionalString(event.data.mapping_start.anchor))
        case YAML_MAPPING_END_EVENT: return .mappingEnd
        // YAML_DOCUMENT_END_EVENT, and YAML_NO_EVENT, which a successful parse never gives.
        default: return .documentEnd
        }
    }

    private static func problem(_ parser: yaml_parser_t, offsets: CodePointOffsets) -> LoadProblem {
        let problem = optionalString(parser.problem) ?? "invalid YAML"
        let span: Span
        if parser.error == YAML_READER_ERROR {
            // Reader errors carry a byte offset into the input instead of a mark.
            let offset = Int(parser.problem_offset)
            span = Span(offset, offset + 1)
        } else {
            let offset = offsets.byteOffset(Int(parser.problem_mark.index))
            span = Span(offset, offset)
        }
        var message = problem
        if let context = optionalString(parser.context) {
            message += " (\(context))"
        }
        return LoadProblem(kind: .syntax, message: message, span: span)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String {
        guard let pointer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    private static func optionalString(_ pointer: UnsafePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private static func optionalString(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: UnsafePointer(pointer))
    }

    private static func style(_ style: yaml_scalar_style_t) -> ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }
}
