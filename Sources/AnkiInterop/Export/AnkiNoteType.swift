import Presentation

/// The note types quiz exports: a front and a back template over named fields, with one
/// style sheet (code in monospace, readable on a phone, a dark mode).
struct AnkiNoteType: Sendable {
    var id: Int64
    var name: String
    var fields: [String]
    var front: String
    var back: String

    /// Flashcards and open questions: the answer (or guidance and rubric) on the back.
    static let basic = AnkiNoteType(
        id: 1_700_000_000_001, name: "quiz Basic", fields: ["Prompt", "Answer", "Extra", "Source"],
        front: #"<div class="prompt">{{Prompt}}</div>"#,
        back: """
            {{FrontSide}}

            <hr id=answer>

            <div class="answer">{{Answer}}</div>
            \(extraAndSource)
            """)

    /// Short and trace questions: typed on the front, compared on the back.
    static let typeIn = AnkiNoteType(
        id: 1_700_000_000_002, name: "quiz Type-in", fields: ["Prompt", "Answer", "Accepted", "Extra", "Source"],
        front: """
            <div class="prompt">{{Prompt}}</div>

            {{type:Answer}}
            """,
        back: """
            <div class="prompt">{{Prompt}}</div>

            <hr id=answer>

            {{type:Answer}}
            {{#Accepted}}<div class="accepted">Also accepted: {{Accepted}}</div>{{/Accepted}}
            \(extraAndSource)
            """)

    /// Choice, multi and order questions: the options on the front, the answer with each
    /// option's explanation on the back.
    static let choice = AnkiNoteType(
        id: 1_700_000_000_003, name: "quiz Choice", fields: ["Prompt", "Options", "Answer", "Extra", "Source"],
        front: """
            <div class="prompt">{{Prompt}}</div>
            <div class="options">{{Options}}</div>
            """,
        back: """
            {{FrontSide}}

            <hr id=answer>

            <div class="answer">{{Answer}}</div>
            \(extraAndSource)
            """)

    static let all = [basic, typeIn, choice]

    private static let extraAndSource = """
        {{#Extra}}<div class="extra">{{Extra}}</div>{{/Extra}}
        <div class="source">{{Source}}</div>
        """

    static let css = """
        .card {
            font-family: -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
            font-size: 18px;
            line-height: 1.5;
            text-align: left;
            color: #1d1d1f;
            background-color: #ffffff;
            max-width: 40em;
            margin: 0 auto;
            padding: 0 0.6em;
        }
        .nightMode.card, .nightMode .card { color: #e6e6e6; background-color: #1c1c1e; }
        code, pre, kbd { font-family: ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.9em; }
        code { background: rgba(127, 127, 127, 0.15); padding: 0.05em 0.3em; border-radius: 3px; }
        pre { background: rgba(127, 127, 127, 0.12); padding: 0.6em 0.8em; border-radius: 4px; overflow-x: auto; white-space: pre; }
        pre code { background: none; padding: 0; }
        table { border-collapse: collapse; margin: 0.5em 0; }
        td, th { border: 1px solid rgba(127, 127, 127, 0.4); padding: 0.2em 0.5em; }
        blockquote { margin: 0.5em 0; padding-left: 0.8em; border-left: 3px solid rgba(127, 127, 127, 0.5); }
        .options ol { list-style: none; padding-left: 0; }
        .options li { margin: 0.35em 0; }
        .answer .correct { font-weight: 600; }
        .answer .why { opacity: 0.8; }
        .answer ul.rubric { list-style: none; padding-left: 0; }
        .accepted, .extra { margin-top: 0.8em; }
        .source { margin-top: 1.5em; font-size: 0.75em; opacity: 0.6; }
        @media (max-width: 480px) { .card { font-size: 16px; padding: 0 0.3em; } }
        """

    /// The note type as the `col.models` JSON of a schema-11 collection.
    func json(deckID: Int64, modified: Int64) -> JSON {
        .object([
            ("id", .int(Int(id))), ("name", .string(name)), ("type", .int(0)), ("mod", .int(Int(modified))), ("usn", .int(-1)),
            ("sortf", .int(0)), ("did", .int(Int(deckID))),
            (
                "tmpls",
                .array([
                    .object([
                        ("name", .string("Card 1")), ("ord", .int(0)), ("qfmt", .string(front)), ("afmt", .string(back)),
                        ("bqfmt", .string("")), ("bafmt", .string("")), ("did", .null), ("bfont", .string("")),
                        ("bsize", .int(0)),
                    ])
                ])
            ),
            (
                "flds",
                .array(
                    fields.enumerated().map { ord, name in
                        .object([
                            ("name", .string(name)), ("ord", .int(ord)), ("sticky", .bool(false)),
                            ("rtl", .bool(false)), ("font", .string("Arial")), ("size", .int(20)),
                            ("media", .array([])),
                        ])
                    })
            ),
            ("css", .string(Self.css)), ("latexPre", .string(Self.latexPre)), ("latexPost", .string("\\end{document}")),
            ("latexsvg", .bool(false)), ("req", .array([.array([.int(0), .string("any"), .array([.int(0)])])])),
            ("tags", .array([])), ("vers", .array([])),
        ])
    }

    private static let latexPre = """
        \\documentclass[12pt]{article}
        \\special{papersize=3in,5in}
        \\usepackage[utf8]{inputenc}
        \\usepackage{amssymb,amsmath}
        \\pagestyle{empty}
        \\setlength{\\parindent}{0in}
        \\begin{document}

        """
}
