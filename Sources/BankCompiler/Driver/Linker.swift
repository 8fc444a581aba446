import QuizEngine
import Spelling

/// Joins the lowered files into one ``QuestionSet`` and checks what spans files.
struct Linker {
    /// The lowered files; the set shares their packed questions, so linking copies none.
    var files: [(path: String, file: LoweredFile)]

    mutating func link(into bag: inout DiagnosticBag) -> PackedQuestionSet {
        var vocabulary: [String: TagInfo] = [:]
        var vocabularyFile: String?
        var banks: [BankInfo] = []
        var modules: [CourseModule] = []
        var runs = QuestionRuns()
        var promptKeys: [PromptKey?] = []
        var shingles: [ShingleTable] = []
        var statistics: [(bank: BankInfo, figures: BankItemStatistics)] = []
        var bankLocations: [String: SourceLocation] = [:]
        var plans: [InterviewPlan] = []
        var planLocations: [String: SourceLocation] = [:]
        let questionCount = files.reduce(0) { total, entry in
            guard case .bank(_, _, let questions) = entry.file.content else { return total }
            return total + questions.count
        }
        promptKeys.reserveCapacity(questionCount)

        for position in files.indices {
            let path = files[position].path
            // Taken out of the list so that this loop holds the only reference to its lists.
            var file = LoweredFile(content: .vocabulary([]))
            swap(&file, &files[position].file)
            defer { swap(&file, &files[position].file) }
            switch file.content {
            case .vocabulary(let tags):
                if let first = vocabularyFile {
                    bag.error(.duplicateTagsFile(first), at: SourceLocation(file: path, line: 1, column: 1))
                    continue
                }
                vocabularyFile = path
                for (tag, _) in tags { vocabulary[tag.name] = tag }
            case .plans(let filePlans):
                for plan in filePlans {
                    if let first = planLocations[plan.name] {
                        bag.error(
                            .duplicatePlan(plan.name), at: plan.location,
                            notes: [.init(location: first, message: DiagnosticMessage.firstDefinedHere)])
                        continue
                    }
                    planLocations[plan.name] = plan.location
                    plans.append(plan)
                }
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
                runs.append(bankQuestions)
                promptKeys += file.promptKeys
                shingles.append(file.shingles)
                statistics.append((info, file.itemStatistics))
            }
        }

        let hasBanks = !banks.isEmpty
        if vocabularyFile == nil, hasBanks {
            bag.error(.missingTagsFile, at: SourceLocation(file: banks[0].location.file, line: 1, column: 1))
        } else {
            let names = vocabulary.keys.sorted()
            for (_, file) in files {
                for reference in file.tagReferences.uses(where: { vocabulary[$0] == nil }) {
                    bag.error(
                        .undeclaredTag(reference.name, suggestion: Spelling.nearest(to: reference.name, in: names)),
                        at: reference.location)
                }
            }
        }

        if !plans.isEmpty {
            PlanCheck(vocabulary: vocabulary, questions: runs).check(plans, into: &bag)
        }
        CatalogCheck.check(files: files.map(\.file), into: &bag)
        reportDuplicatePrompts(runs, keys: promptKeys, into: &bag)
        reportTestWiseness(statistics, into: &bag)
        for (earlier, later, similarity) in NearDuplicateFinder.pairs(shingles)
        where promptKeys[earlier] == nil || promptKeys[earlier] != promptKeys[later] {
            let first = runs[earlier]
            bag.warning(
                .nearDuplicate(first.key, similarity: similarity), at: runs[later].location,
                notes: [.init(location: first.location, message: DiagnosticMessage.firstDefinedHere)])
        }

        let tags = vocabulary.values.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        return PackedQuestionSet(
            tags: tags, banks: banks, modules: modules, runs: runs.runs, plans: plans, sourceDigest: [])
    }

    /// The bank-level item-writing warnings, at each bank's first line: a length cue across
    /// its `choice` questions and a fixed number of correct options across its `multi` ones.
    ///
    /// - Complexity: O(b) for b banks; the figures were measured where each file was lowered.
    private func reportTestWiseness(
        _ statistics: [(bank: BankInfo, figures: BankItemStatistics)], into bag: inout DiagnosticBag
    ) {
        for (bank, figures) in statistics {
            let location = SourceLocation(file: bank.location.file, line: 1, column: 1)
            if figures.hasLengthCue {
                bag.warning(
                    .bankLengthCue(
                        longest: figures.longestShare, shortest: figures.shortestShare, chance: figures.chance,
                        questions: figures.choiceCount), at: location)
            }
            if figures.hasCorrectCountPattern, let commonest = figures.commonestCorrectCount {
                bag.warning(
                    .correctCountPattern(correct: commonest.correct, questions: commonest.questions, of: figures.multiCount),
                    at: location)
            }
        }
    }

    /// Warns when two questions ask the same thing, compared without case, spaces or punctuation.
    ///
    /// - Complexity: O(n) expected, where n is the number of questions (keys are hashed once,
    ///   where their files were lowered).
    private func reportDuplicatePrompts(_ questions: QuestionRuns, keys: [PromptKey?], into bag: inout DiagnosticBag) {
        precondition(keys.count == questions.count, "every bank question has a prompt key")
        var firstIndex: [PromptKey: Int] = [:]
        firstIndex.reserveCapacity(keys.count)
        for (index, key) in keys.enumerated() {
            guard let key else { continue }
            if let first = firstIndex[key] {
                let original = questions[first]
                bag.warning(
                    .duplicatePrompt(original.key), at: questions[index].location,
                    notes: [.init(location: original.location, message: DiagnosticMessage.firstDefinedHere)])
            } else {
                firstIndex[key] = index
            }
        }
    }
}
