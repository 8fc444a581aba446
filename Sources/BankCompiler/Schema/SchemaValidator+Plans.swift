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
        let stages = lowered("stages", of: plan, owner: "plan '\(name)'", into: &bag, lowerStage)
        guard let title, let stages else { return nil }
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
        let slots = lowered("slots", of: stage, owner: "stage", into: &bag, lowerSlot)
        guard let title, let interviewer, let focus, let minutes, let slots else { return nil }
        return InterviewPlan.Stage(title: title, interviewer: interviewer, focus: focus, minutes: minutes, slots: slots)
    }

    private func lowerSlot(_ node: Int, into bag: inout DiagnosticBag) -> InterviewPlan.Slot? {
        guard let slot = MappingReader(document, node: node, context: "slot", field: "slots", into: &bag)
        else { return nil }
        slot.rejectUnknown(allowed: SchemaFields.slot, into: &bag)
        let tags = slot.text("tags", required: true, into: &bag)
        let count = positive("count", of: slot, atMost: 100, into: &bag)
        guard let tags, let count, let tagsNode = slot.value("tags") else { return nil }
        return InterviewPlan.Slot(tags: tags, count: count, location: document.location(of: tagsNode))
    }

    /// The items of the required, non-empty list `field` of `owner`, each lowered by `lower`;
    /// nil when the list is missing or empty (reported) or an item did not lower (its
    /// problems reported by `lower`), so that nothing half-read is kept.
    private func lowered<Item>(
        _ field: String, of reader: MappingReader, owner: String, into bag: inout DiagnosticBag,
        _ lower: (Int, inout DiagnosticBag) -> Item?
    ) -> [Item]? {
        guard let nodes = reader.list(field, required: true, into: &bag) else { return nil }
        if nodes.isEmpty, let listNode = reader.value(field) {
            bag.error(.emptyList(field, of: owner), at: document.location(of: listNode))
        }
        var items: [Item] = []
        for node in nodes {
            if let item = lower(node, &bag) { items.append(item) }
        }
        return items.isEmpty || items.count < nodes.count ? nil : items
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
