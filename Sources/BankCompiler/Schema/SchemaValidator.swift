import QuizEngine

/// Checks one parsed file against bank schema v1 and lowers it to the engine's model.
///
/// Every problem in the file is reported; a question with errors is left out of the result
/// but does not stop the checking of the others.
struct SchemaValidator {
    let document: YAMLDocument

    func lower(into bag: inout DiagnosticBag) -> LoweredFile? {
        guard let root = document.root else { return nil }
        guard let reader = MappingReader(document, node: root, context: "the file", field: "the file", into: &bag)
        else {
            return nil
        }
        switch (reader.has("bank"), reader.has("course")) {
        case (true, true):
            bag.error(.bothBankAndCourse, at: reader.keyLocation("course")!)
            return nil
        case (true, false):
            return lowerBank(reader, into: &bag)
        case (false, true):
            return lowerCourse(reader, into: &bag)
        case (false, false):
            if reader.has("tags") && !reader.has("questions") {
                return lowerVocabulary(reader, into: &bag)
            }
            if reader.has("plans") {
                return lowerPlans(reader, into: &bag)
            }
            bag.error(.notBankOrCourse, at: reader.location)
            return nil
        }
    }

    // MARK: tags.yaml

    private func lowerVocabulary(_ reader: MappingReader, into bag: inout DiagnosticBag) -> LoweredFile {
        reader.rejectUnknown(allowed: SchemaFields.vocabulary, into: &bag)
        var tags: [(tag: TagInfo, location: SourceLocation)] = []
        if let node = reader.value("tags"),
            MappingReader.expect(.mapping, document, node, field: "tags", into: &bag)
        {
            for (key, value) in document.entries(of: node) where document[key].kind == .scalar {
                let name = document.string(key)
                let location = document.location(of: key)
                guard Identifier.isValid(name) else {
                    bag.error(.invalidIdentifier("tag", value: name), at: location)
                    continue
                }
                guard let description = MappingReader.text(document, value, field: name, into: &bag) else { continue }
                tags.append((TagInfo(name: name, description: description), location))
            }
        }
        return LoweredFile(content: .vocabulary(tags))
    }

    // MARK: Banks

    private func lowerBank(_ reader: MappingReader, into bag: inout DiagnosticBag) -> LoweredFile? {
        reader.rejectUnknown(allowed: SchemaFields.bank, into: &bag)
        let id = reader.identifier("bank", label: "bank id", into: &bag)
        let title = reader.text("title", required: true, into: &bag)
        let description = reader.text("description", into: &bag)
        var file = LoweredFile(content: .vocabulary([]))
        let bankTags = tagList(reader, into: &bag, references: &file.tagReferences)
        var questions: [Question] = []
        var seen: [String: SourceLocation] = [:]
        let items = reader.list("questions", required: true, into: &bag) ?? []
        seen.reserveCapacity(items.count)
        questions.reserveCapacity(items.count)
        for item in items {
            lowerQuestion(
                item, bank: id ?? "", module: nil, inherited: bankTags, seen: &seen, file: &file, appendingTo: &questions,
                into: &bag)
        }
        guard let id, let title else { return nil }
        let info = BankInfo(id: id, title: title, description: description, isCourse: false, location: reader.location)
        file.setBank(info, modules: [], questions: questions)
        return file
    }

    // MARK: The course

    private func lowerCourse(_ reader: MappingReader, into bag: inout DiagnosticBag) -> LoweredFile? {
        reader.rejectUnknown(allowed: SchemaFields.course, into: &bag)
        let id = reader.identifier("course", label: "course id", into: &bag)
        let title = reader.text("title", required: true, into: &bag)
        let description = reader.text("description", into: &bag)
        var file = LoweredFile(content: .vocabulary([]))
        let courseTags = tagList(reader, into: &bag, references: &file.tagReferences)
        var modules: [CourseModule] = []
        var questions: [Question] = []
        var seenQuestions: [String: SourceLocation] = [:]
        var seenModules: [String: SourceLocation] = [:]
        for item in reader.list("modules", required: true, into: &bag) ?? [] {
            guard
                let module = MappingReader(
                    document, node: item, context: "module", namedByID: true, field: "modules", into: &bag)
            else { continue }
            module.rejectUnknown(allowed: SchemaFields.module, into: &bag)
            let id = module.identifier("id", label: "module id", into: &bag)
            if let id, let idNode = module.value("id") {
                if let first = seenModules[id] {
                    bag.error(
                        .duplicateModule(id), at: document.location(of: idNode),
                        notes: [.init(location: first, message: DiagnosticMessage.firstDefinedHere)])
                } else {
                    seenModules[id] = document.location(of: idNode)
                }
            }
            let moduleTitle = module.text("title", required: true, into: &bag)
            let algorithm = module.text("algorithm", required: true, into: &bag)
            let lesson = module.text("lesson", required: true, into: &bag)
            let complexity = lowerComplexity(module, into: &bag)
            let stable = module.bool("stable", required: true, into: &bag)
            let inPlace = module.bool("in-place", required: true, into: &bag)
            let moduleTags = tagList(module, into: &bag, references: &file.tagReferences)
            for item in module.list("questions", required: true, into: &bag) ?? [] {
                lowerQuestion(
                    item, bank: self.courseID(reader) ?? "", module: id, inherited: Self.union(courseTags, moduleTags),
                    seen: &seenQuestions, file: &file, appendingTo: &questions, into: &bag)
            }
            if let courseID = self.courseID(reader), let id, let moduleTitle, let algorithm, let lesson,
                let complexity, let stable, let inPlace
            {
                let lowered = CourseModule(
                    course: courseID, id: id, title: moduleTitle, algorithm: algorithm, lesson: lesson,
                    complexity: complexity, isStable: stable, isInPlace: inPlace, tags: moduleTags,
                    location: module.location)
                modules.append(lowered)
                file.moduleReferences.append(
                    (
                        lowered, module.keyLocation("algorithm")!.advanced(by: module, field: "algorithm"),
                        module.keyLocation("stable")!.advanced(by: module, field: "stable"),
                        module.keyLocation("in-place")!.advanced(by: module, field: "in-place")
                    ))
            }
        }
        guard let id, let title else { return nil }
        let info = BankInfo(id: id, title: title, description: description, isCourse: true, location: reader.location)
        file.setBank(info, modules: modules, questions: questions)
        return file
    }

    private func courseID(_ reader: MappingReader) -> String? {
        guard let node = reader.value("course"), document[node].kind == .scalar else { return nil }
        let id = document.string(node)
        return Identifier.isValid(id) ? id : nil
    }

    private func lowerComplexity(_ module: MappingReader, into bag: inout DiagnosticBag) -> CourseModule.Complexity? {
        guard let node = module.require("complexity", into: &bag),
            let reader = MappingReader(document, node: node, context: "complexity", field: "complexity", into: &bag)
        else { return nil }
        reader.rejectUnknown(allowed: SchemaFields.complexity, into: &bag)
        var values: [String] = []
        for field in SchemaFields.complexity {
            if !reader.has(field) {
                bag.error(.incompleteComplexity(field), at: reader.location)
            } else if let text = reader.text(field, into: &bag) {
                values.append(text)
            }
        }
        guard values.count == 4 else { return nil }
        return CourseModule.Complexity(best: values[0], average: values[1], worst: values[2], space: values[3])
    }

    // MARK: Tags

    /// Reads a `tags:` list: identifiers, each recorded for the vocabulary check; a repeat is a warning.
    private func tagList(
        _ reader: MappingReader, into bag: inout DiagnosticBag,
        references: inout TagReferences
    ) -> [String] {
        guard let node = reader.value("tags"),
            MappingReader.expect(.sequence, document, node, field: "tags", into: &bag)
        else { return [] }
        var tags: [String] = []
        for item in document.children(of: node) {
            guard let name = MappingReader.text(document, item, field: "tags", into: &bag) else { continue }
            let location = document.location(of: item)
            guard Identifier.isValid(name) else {
                bag.error(.invalidIdentifier("tag", value: name), at: location)
                continue
            }
            if tags.contains(name) {
                bag.warning(.duplicateTag(name), at: location)
                continue
            }
            tags.append(name)
            references.append(name, at: location)
        }
        return tags
    }

    private static func union(_ a: [String], _ b: [String]) -> [String] {
        a + b.filter { !a.contains($0) }
    }

    // MARK: Questions

    /// Lowers the question at `node` and appends it to `questions` when it has no error.
    ///
    /// It appends rather than returns, so the question is moved into place, never copied.
    private func lowerQuestion(
        _ node: Int, bank: String, module: String?, inherited: [String], seen: inout [String: SourceLocation],
        file: inout LoweredFile, appendingTo questions: inout [Question], into bag: inout DiagnosticBag
    ) {
        guard
            let reader = MappingReader(
                document, node: node, context: "question", namedByID: true, field: "questions", into: &bag)
        else { return }
        let errorsBefore = bag.errorCount

        let id = reader.identifier("id", label: "question id", into: &bag)
        if let id, let idNode = reader.value("id") {
            let location = document.location(of: idNode)
            if let first = seen[id] {
                bag.error(
                    .duplicateQuestion(id), at: location,
                    notes: [.init(location: first, message: DiagnosticMessage.firstDefinedHere)])
            } else {
                seen[id] = location
            }
        }
        let type = reader.enumeration("type", as: QuestionType.self, label: "question type", required: true, into: &bag)
        if let type {
            let allowed = SchemaFields.common + SchemaFields.specific(to: type)
            reader.rejectUnknown(
                allowed: allowed, suggestFrom: SchemaFields.allQuestionFields,
                elsewhere: { field in
                    SchemaFields.allQuestionFields.contains(field) ? .fieldNotForType(field, type: type.rawValue) : nil
                }, into: &bag)
        } else {
            reader.rejectUnknown(allowed: SchemaFields.allQuestionFields, into: &bag)
        }
        let prompt = reader.text("prompt", required: true, into: &bag)
        let difficulty = reader.enumeration("difficulty", as: Difficulty.self, label: "difficulty", into: &bag)
        let explanation = reader.text("explanation", into: &bag)
        let source = reader.text("source", into: &bag)
        let refs = reader.textList("refs", into: &bag) ?? []
        var revision = 1
        if let value = reader.integer("revision", into: &bag) {
            if value < 1 {
                bag.error(
                    .notPositive("revision", found: String(value)), at: document.location(of: reader.value("revision")!)
                )
            } else {
                revision = value
            }
        }
        let ownTags = tagList(reader, into: &bag, references: &file.tagReferences)
        var tags = Self.union(inherited, ownTags)
        tags.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }

        var question = Question(
            bank: bank, id: id ?? "", type: type ?? .flashcard, prompt: prompt ?? "", explanation: explanation,
            tags: tags, difficulty: difficulty, source: source, refs: refs, revision: revision, module: module,
            location: reader.location)
        if let type {
            lowerTypeFields(type, reader, into: &question, file: &file, bag: &bag)
        }
        let errorsAfter = bag.errorCount
        guard errorsAfter == errorsBefore, id != nil, type != nil, prompt != nil else { return }
        ItemWritingCheck(question: question, sites: itemSites(reader)).check(into: &bag)
        file.record(question)
        questions.append(consume question)
    }

    /// Where the question's prompt and choices were written.
    private func itemSites(_ reader: MappingReader) -> ItemWritingCheck.Sites {
        let choices = reader.value("choices").map { Array(document.children(of: $0)).map(document.location(of:)) } ?? []
        return ItemWritingCheck.Sites(
            prompt: reader.value("prompt").map(document.location(of:)) ?? reader.location, choices: choices)
    }

    private func lowerTypeFields(
        _ type: QuestionType, _ reader: MappingReader, into question: inout Question, file: inout LoweredFile,
        bag: inout DiagnosticBag
    ) {
        switch type {
        case .flashcard:
            question.answer = reader.text("answer", required: true, into: &bag)
        case .choice, .multi:
            question.choices = lowerChoices(reader, type: type, into: &bag)
        case .short:
            let accept = reader.textList("accept", required: true, into: &bag)
            if let accept, accept.isEmpty {
                bag.error(.noAcceptedAnswer, at: document.location(of: reader.value("accept")!))
            }
            question.accept = accept ?? []
        case .open:
            question.guidance = reader.text("guidance", into: &bag)
            question.rubric = reader.textList("rubric", into: &bag) ?? []
            if !reader.has("guidance") && !reader.has("rubric") {
                bag.error(.openNeedsGuidance, at: reader.location)
            }
        case .order:
            let items = reader.textList("items", required: true, into: &bag) ?? []
            if reader.has("items"), items.count < 2 {
                bag.error(.tooFewItems, at: document.location(of: reader.value("items")!))
            }
            for (index, item) in items.enumerated() where items[..<index].contains(item) {
                bag.error(
                    .duplicateItem(item),
                    at: document.location(of: Array(document.children(of: reader.value("items")!))[index]))
            }
            question.items = items
        case .trace:
            guard let algorithm = reader.text("algorithm", required: true, into: &bag),
                let ask = reader.text("ask", required: true, into: &bag)
            else { return }
            var template = TraceTemplate(algorithm: algorithm, ask: ask)
            template.pass = reader.integer("pass", into: &bag)
            template.k = reader.integer("k", into: &bag)
            template.size = reader.integer("size", into: &bag) ?? template.size
            template.minimum = reader.integer("min", into: &bag) ?? template.minimum
            template.maximum = reader.integer("max", into: &bag) ?? template.maximum
            question.trace = template
            var fields: [String: SourceLocation] = [:]
            for field in SchemaFields.specific(to: .trace) {
                if let node = reader.value(field) { fields[field] = document.location(of: node) }
            }
            file.traceReferences.append((template, reader.location, fields))
        }
    }

    private func lowerChoices(_ reader: MappingReader, type: QuestionType, into bag: inout DiagnosticBag) -> [Choice] {
        guard let items = reader.list("choices", required: true, into: &bag) else { return [] }
        var choices: [Choice] = []
        var texts: [[UInt8]] = []
        // A malformed `correct:` is already reported; counting around it would only add noise.
        var unreadableCorrect = false
        for item in items {
            guard let choice = MappingReader(document, node: item, context: "choice", field: "choices", into: &bag)
            else {
                continue
            }
            choice.rejectUnknown(allowed: SchemaFields.choice, into: &bag)
            guard let text = choice.text("text", required: true, into: &bag) else { continue }
            let normalized = Self.caseAndSpaceFolded(text)
            if texts.contains(normalized) {
                bag.error(.duplicateChoice(text), at: choice.location)
            }
            texts.append(normalized)
            let correct = choice.bool("correct", into: &bag)
            if correct == nil && choice.has("correct") { unreadableCorrect = true }
            choices.append(
                Choice(
                    text: text, isCorrect: correct ?? false,
                    why: choice.text("why", into: &bag), isFixed: choice.bool("fixed", into: &bag) ?? false))
        }
        let location = document.location(of: reader.value("choices")!)
        if items.count < 2 {
            bag.error(.tooFewChoices, at: location)
        }
        let correct = choices.count(where: \.isCorrect)
        if unreadableCorrect {
            return choices
        } else if type == .choice, correct != 1, items.count == choices.count {
            bag.error(correct == 0 ? .noCorrectChoice : .choiceCorrectCount(correct), at: location)
        } else if type == .multi, correct == 0, items.count == choices.count {
            bag.error(.noCorrectChoice, at: location)
        }
        return choices
    }
}

extension SchemaValidator {
    /// The text with ASCII letters lowercased and runs of whitespace folded to one space:
    /// two choices that differ only so are the same choice. Punctuation counts ("1.5 TB" is
    /// not "15 TB").
    static func caseAndSpaceFolded(_ text: String) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D:
                pendingSpace = !result.isEmpty
            default:
                if pendingSpace { result.append(0x20) }
                pendingSpace = false
                result.append((0x41...0x5A).contains(byte) ? byte + 32 : byte)
            }
        }
        return result
    }
}

extension SourceLocation {
    /// The location of a field's value rather than its key, when the field exists.
    fileprivate func advanced(by reader: MappingReader, field: String) -> SourceLocation {
        reader.value(field).map { reader.document.location(of: $0) } ?? self
    }
}
