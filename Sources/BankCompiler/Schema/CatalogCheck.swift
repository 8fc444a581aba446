import AlgorithmTraces
import QuizEngine
import SortingCourse
import Spelling

/// Checks course modules against the sorting course's algorithm catalog, and trace questions
/// against it and the catalog of the algorithms beyond sorting:
/// every algorithm exists, every declared `stable`/`in-place` matches the implementation, and
/// every trace template builds into answerable instances.
enum CatalogCheck {
    /// How many instances of each trace template the compiler builds to prove it answerable.
    static let instancesPerTemplate: UInt64 = 8

    static func check(files: [LoweredFile], into bag: inout DiagnosticBag) {
        for file in files {
            for reference in file.moduleReferences {
                checkModule(
                    reference.module, reference.algorithmLocation, reference.stableLocation,
                    reference.inPlaceLocation, into: &bag)
            }
            for reference in file.traceReferences {
                checkTrace(reference.template, at: reference.location, fields: reference.fields, into: &bag)
            }
        }
    }

    private static func checkModule(
        _ module: CourseModule, _ algorithmLocation: SourceLocation, _ stableLocation: SourceLocation,
        _ inPlaceLocation: SourceLocation, into bag: inout DiagnosticBag
    ) {
        guard let entry = AlgorithmCatalog.entry(named: module.algorithm) else {
            bag.error(
                .unknownAlgorithm(
                    module.algorithm, suggestion: Spelling.nearest(to: module.algorithm, in: AlgorithmCatalog.names)),
                at: algorithmLocation)
            return
        }
        if entry.stable != module.isStable {
            bag.error(.propertyMismatch("stable", declared: module.isStable, algorithm: entry.name), at: stableLocation)
        }
        if entry.inPlace != module.isInPlace {
            bag.error(
                .propertyMismatch("in-place", declared: module.isInPlace, algorithm: entry.name), at: inPlaceLocation)
        }
    }

    private static func checkTrace(
        _ template: QuizEngine.TraceTemplate, at location: SourceLocation, fields: [String: SourceLocation],
        into bag: inout DiagnosticBag
    ) {
        // min and max only as written: a graph's template must not set them.
        let problems = TraceQuestions.validate(
            algorithm: template.algorithm, ask: template.ask, pass: template.pass, k: template.k, size: template.size,
            min: fields["min"] == nil ? nil : template.minimum, max: fields["max"] == nil ? nil : template.maximum)
        for problem in problems {
            let place = problem.field.flatMap { fields[$0] } ?? location
            bag.error(.invalidTrace(problem.description), at: place)
        }
        guard problems.isEmpty else { return }
        for seed in 0..<instancesPerTemplate {
            do {
                _ = try template.instance(seed: seed)
            } catch {
                bag.error(.invalidTrace("instance \(seed): \(error.description)"), at: location)
                return
            }
        }
    }
}
