import Presentation
import ArgumentParser
import QuizEngine

/// `quiz tags`: the tag vocabulary with descriptions and question counts.
struct Tags: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tags", abstract: "List tags with their descriptions and question counts."
    )

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @OptionGroup var indexOptions: IndexOptions

    func run() throws {
        let index = try indexOptions.open()
        let tags = try index.tags
        switch format {
        case .json:
            let list = tags.map { tag -> JSON in
                .object([
                    ("name", .string(tag.name)), ("description", .optional(tag.description)),
                    ("count", .int(tag.count)),
                ])
            }
            print(JSON.object([("tags", .array(list))]).text)
        case .text:
            let width = tags.map(\.name.count).max() ?? 0
            let countWidth = String(tags.map(\.count).max() ?? 0).count
            let color = Terminal.allowsColor(fileDescriptor: 1)
            for tag in tags {
                let name = tag.name + String(repeating: " ", count: width - tag.name.count)
                let count = String(repeating: " ", count: countWidth - String(tag.count).count) + String(tag.count)
                print("\(Terminal.paint(name, .cyan, enabled: color))  \(count)  \(tag.description ?? "")")
            }
        }
    }
}
