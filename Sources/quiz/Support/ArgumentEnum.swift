import ArgumentParser
import QuizEngine

/// A string enum given on the command line, with the value lists that help and completions
/// show written out for it.
///
/// ArgumentParser's generic defaults build them through key paths, `reduce` and
/// `String(describing:)`. The first use of each makes the Swift runtime scan every
/// conformance record of the process (about 7,000, some 50 µs), and the option's definition
/// asks for them on every parse, so each enum option cost `quiz draw` a few of those scans
/// per start. These say the same thing without the generic detours.
protocol ArgumentEnum: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension ArgumentEnum {
    public var defaultValueDescription: String { rawValue }

    public static var allValueStrings: [String] { allCases.map { $0.rawValue } }

    /// No value has a description beyond its name (ArgumentParser's default finds the same).
    public static var allValueDescriptions: [String: String] { [:] }
}

extension QuestionType: ArgumentEnum {}
extension Difficulty: ArgumentEnum {}
