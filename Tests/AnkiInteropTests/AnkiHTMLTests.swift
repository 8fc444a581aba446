import Testing

@testable import AnkiInterop

/// Anki's field HTML as bank markdown.
@Suite("Anki HTML to markdown")
struct AnkiHTMLTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("<b>bold</b> and <i>italic</i>, <strong>s</strong> <em>e</em>", "**bold** and *italic*, **s** *e*"),
        ("a<br>b<br/>c", "a\nb\nc"),
        ("<div>one</div><div>two</div>", "one\n\ntwo"),
        ("<ul><li>x</li><li>y</li></ul>", "- x\n- y"),
        ("<ol><li>x</li><li>y</li></ol>", "1. x\n2. y"),
        ("<code>a &lt; b</code>", "`a < b`"),
        ("<pre>if a &lt; b {\n  go()\n}</pre>", "```\nif a < b {\n  go()\n}\n```"),
        ("&amp;&nbsp;&quot;&#39;&#x1F5FE;&eacute;", "& \"'🗾&eacute;"),
        ("spaces   collapse\n here", "spaces collapse here"),
        ("<span style=\"color:red\">kept text</span>", "kept text"),
        ("<script>alert(1)</script>safe", "safe"),
        ("<b> spaced</b>", "** spaced**"),
        ("a <code>Deprecation</code> header", "a `Deprecation` header"),
        ("x <b>y</b> z and <i>w</i>.", "x **y** z and *w*."),
    ])
    func converts(_ html: String, _ markdown: String) {
        #expect(AnkiHTML.markdown(html).text == markdown)
    }

    @Test func mediaIsListedAndLeftOut() {
        let converted = AnkiHTML.markdown("see <img src=\"a b.png\"> and [sound:hello.mp3]")
        #expect(converted.text == "see and")
        #expect(converted.droppedMedia == ["image 'a b.png'", "sound 'hello.mp3'"])
    }

    @Test(
        arguments: [
            ("Spanish::Verbs", "spanish-verbs"), ("Café_Crème", "cafe-creme"), ("a  b", "a-b"), ("::x::", "x"),
            ("日本語", nil), ("C++", "c"), ("2024", "2024"),
        ] as [(String, String?)])
    func tagNames(_ anki: String, _ quiz: String?) {
        #expect(TagName.quizName(for: anki) == quiz)
    }
}
