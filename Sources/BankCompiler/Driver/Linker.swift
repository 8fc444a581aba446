import QuizEngine

/// Joins the lowered files into one ``QuestionSet`` and checks what spans files.
struct Linker {
    let files: [(path: String, file: LoweredFile)]

    mutating func link(into bag: inout DiagnosticBag) -> QuestionSet {
        var vocabulary: [String: TagInfo] = [:]
        var vocabularyFile: String?
        var banks: [BankInfo] = []
        var modules: [CourseModule] = []
        var questions: [Question] = []
        var bankLocations: [String: SourceLocation] = [:]

        for (path, file) in files {
            switch file.content {
            case .vocabulary(let tags):
                if let first = vocabularyFile {
                    bag.error(.duplicateTagsFile(first), at: SourceLocation(file: path, line: 1, column: 1))
                    continue
                }
                vocabularyFile = path
                for (tag, _) in tags { vocabulary[tag.name] = tag }
            case .bank(let info, let bankModules, let bankQuestions):
                if let first = bankLocations[info.id] {
                    bag.error(
                        .duplicateBank(info.id), at: info.location,
                        notes: [.init(location: first, message: DiagnosticMessage.firstDefinedHere)])
                    continue
                }
                bankLocations[info.id] = info.location
                banks.append(info)
                modules += bankModules
                questions += bankQuestions
            }
        }

        let hasBanks = !banks.isEmpty
        if vocabularyFile == nil, hasBanks {
            bag.error(.missingTagsFile, at: SourceLocation(file: banks[0].location.file, line: 1, column: 1))
        } else {
            let names = vocabulary.keys.sorted()
            for (_, file) in files {
                for reference in file.tagReferences where vocabulary[reference.name] == nil {
                    bag.error(
                        .undeclaredTag(reference.name, suggestion: Suggestion.nearest(to: reference.name, in: names)),
                        at: reference.location)
                }
            }
        }

        CatalogCheck.check(files: files.map(\.file), into: &bag)
        reportDuplicatePrompts(questions, into: &bag)

        let tags = vocabulary.values.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        return QuestionSet(tags: tags, banks: banks, modules: modules, questions: questions, sourceDigest: [])
    }

    /// Warns when two questions ask the same thing, compared without case, spaces or punctuation.
    private func reportDuplicatePrompts(_ questions: [Question], into bag: inout DiagnosticBag) {
        var seen: [[UInt8]: Question] = [:]
        seen.reserveCapacity(questions.count)
        for question in questions where question.type != .trace {
            let normalized = AnswerNormalizer.normalizedBytes(question.prompt)
            if let first = seen[normalized] {
                bag.warning(
                    .duplicatePrompt(first.key), at: question.location,
                    notes: [.init(location: first.location, message: DiagnosticMessage.firstDefinedHere)])
            } else {
                seen[normalized] = question
            }
        }
    }
}
