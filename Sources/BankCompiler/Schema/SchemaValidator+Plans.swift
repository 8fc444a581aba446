import QuizEngine

extension SchemaValidator {
    /// Lowers `interviews.yaml`: a `plans:` mapping of plan name to plan, each plan a title,
    /// an optional description and its `stages`, each stage a title, the interviewer, what
    /// they look for, a time budget in `minutes` and its `slots` (a tag expression and a count).
    ///
    /// The tag expressions are only recorded here; the linker checks them against the
    /// vocabulary and the questions (``Linker``), which only it sees.
    func lowerPlans(_ reader: MappingReader, into bag: inout DiagnosticBag) -> LoweredFile {
        reader.rejectUnknown(allowed: SchemaFields.interviews, into: &bag)
        var plans: [InterviewPlan] = []
        if let node = reader.value("plans"), MappingReader.expect(.mapping, document, node, field: "plans", into: &bag)
        {
            let entries = document.entries(of: node)
            if entries.isEmpty { bag.error(.noPlans, at: document.location(of: node)) }
            for (key, value) in entries where document[key].kind == .scalar {
                let name = document.string(key)
                guard Identifier.isValid(name) else {
                    bag.error(.invalidIdentifier("plan name", value: name), at: document.location(of: key))
                    continue
                }
                if let plan = lowerPlan(name, value, location: document.location(of: key), into: &bag) {
                    plans.append(plan)
                }
            }
        } else if !reader.has("plans") {
            bag.error(.missingField("plans", in: "the interview plans file"), at: reader.location)
        }
        return LoweredFile(content: .plans(plans))
    }

    private func lowerPlan(
        _ name: String, _ node: Int, location: SourceLocation, into bag: inout DiagnosticBag
    ) -> InterviewPlan? {
        guard let plan = MappingReader(document, node: node, context: "plan '\(name)'", field: name, into: &bag)
        else { return nil }
        plan.rejectUnknown(allowed: SchemaFields.plan, into: &bag)
        let title = plan.text("title", required: true, into: &bag)
        let description = plan.text("description", into: &bag)
        var stages: [InterviewPlan.Stage] = []
        var complete = true
        let items = plan.list("stages", required: true, into: &bag)
        if let items, items.isEmpty, let stagesNode = plan.value("stages") {
            bag.error(.emptyList("stages", of: "plan '\(name)'"), at: document.location(of: stagesNode))
        }
        for item in items ?? [] {
            if let stage = lowerStage(item, into: &bag) { stages.append(stage) } else { complete = false }
        }
        guard let title, let items, !items.isEmpty, complete else { return nil }
        return InterviewPlan(name: name, title: title, description: description, stages: stages, location: location)
    }

    private func lowerStage(_ node: Int, into bag: inout DiagnosticBag) -> InterviewPlan.Stage? {
        guard let stage = MappingReader(document, node: node, context: "stage", field: "stages", into: &bag)
        else { return nil }
        stage.rejectUnknown(allowed: SchemaFields.stage, into: &bag)
        let title = stage.text("title", required: true, into: &bag)
        let interviewer = stage.text("interviewer", required: true, into: &bag)
        let focus = stage.text("looks-for", required: true, into: &bag)
        let minutes = positive("minutes", of: stage, atMost: 600, into: &bag)
        var slots: [InterviewPlan.Slot] = []
        var complete = true
        let items = stage.list("slots", required: true, into: &bag)
        if let items, items.isEmpty, let slotsNode = stage.value("slots") {
            bag.error(.emptyList("slots", of: "stage"), at: document.location(of: slotsNode))
        }
        for item in items ?? [] {
            guard let slot = MappingReader(document, node: item, context: "slot", field: "slots", into: &bag) else {
                complete = false
                continue
            }
            slot.rejectUnknown(allowed: SchemaFields.slot, into: &bag)
            let tags = slot.text("tags", required: true, into: &bag)
            let count = positive("count", of: slot, atMost: 100, into: &bag)
            guard let tags, let count else {
                complete = false
                continue
            }
            slots.append(
                InterviewPlan.Slot(tags: tags, count: count, location: document.location(of: slot.value("tags")!)))
        }
        guard let title, let interviewer, let focus, let minutes, let items, !items.isEmpty, complete else {
            return nil
        }
        return InterviewPlan.Stage(title: title, interviewer: interviewer, focus: focus, minutes: minutes, slots: slots)
    }

    /// A required integer from 1 to `limit`.
    private func positive(
        _ field: String, of reader: MappingReader, atMost most: Int, into bag: inout DiagnosticBag
    ) -> Int? {
        guard let value = reader.integer(field, required: true, into: &bag) else { return nil }
        guard (1...most).contains(value) else {
            bag.error(
                .outOfRange(field, value: value, range: 1...most), at: document.location(of: reader.value(field)!))
            return nil
        }
        return value
    }
}
