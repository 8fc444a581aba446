import QuizEngine
import Testing

@testable import AnkiInterop

@Suite struct MarkdownHTMLTests {
    @Test(
        "the banks' markdown becomes escaped HTML",
        arguments: [
            ("plain text", "<p>plain text</p>"),
            ("two lines\nof one paragraph", "<p>two lines of one paragraph</p>"),
            ("one\n\ntwo", "<p>one</p>\n<p>two</p>"),
            ("`a < b` and **bold** and *it*", "<p><code>a &lt; b</code> and <b>bold</b> and <i>it</i></p>"),
            ("2 * 3 * 4 stays", "<p>2 * 3 * 4 stays</p>"),
            ("`**not bold**`", "<p><code>**not bold**</code></p>"),
            ("```sql\nSELECT 1 < 2;\n```", "<pre><code>SELECT 1 &lt; 2;</code></pre>"),
            ("- one\n- two", "<ul><li>one</li><li>two</li></ul>"),
            ("1. first\n2. second", "<ol><li>first</li><li>second</li></ol>"),
            ("| a | b |\n|---|---|\n| 1 | 2 |", "<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>"),
            ("## Heading", "<h4>Heading</h4>"),
            ("> quoted", "<blockquote>quoted</blockquote>"),
            ("<script>alert(1)</script> & \"q\"", "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;</p>"),
            ("unclosed `tick", "<p>unclosed `tick</p>"),
        ])
    func html(markdown: String, expected: String) {
        #expect(MarkdownHTML.html(markdown) == expected)
    }

    @Test func guidsAreStableAndDistinct() {
        #expect(ExportedNote.guid(forKey: "sql/coalesce") == ExportedNote.guid(forKey: "sql/coalesce"))
        #expect(ExportedNote.guid(forKey: "sql/coalesce") != ExportedNote.guid(forKey: "sql/coalesce2"))
        #expect(ExportedNote.guid(forKey: "sql/coalesce").count == 20)
    }

    @Test func csvFieldsAreQuotedWhenTheyMustBe() {
        #expect(CSVExport.quoted("plain", separator: ",") == "plain")
        #expect(CSVExport.quoted("a, b", separator: ",") == "\"a, b\"")
        #expect(CSVExport.quoted("say \"hi\"", separator: "\t") == "\"say \"\"hi\"\"\"")
        #expect(CSVExport.quoted("two\nlines", separator: ",") == "\"two\nlines\"")
        #expect(CSVExport.quoted("#not a header", separator: ",") == "\"#not a header\"")
        #expect(CSVExport.quoted("a\tb", separator: ",") == "a\tb")
    }
}
