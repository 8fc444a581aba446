import QuizEngine

/// Checks course modules and trace questions against the sorting course's algorithm catalog.
enum CatalogCheck {
    static func check(files: [LoweredFile], into bag: inout DiagnosticBag) {
    }
}
