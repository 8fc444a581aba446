import ArgumentParser

/// The output formats of listing commands.
enum OutputFormat: String, ArgumentEnum {
    case text
    case json
}
