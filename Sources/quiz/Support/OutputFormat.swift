import ArgumentParser

/// The output formats of listing commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}
