import FSRSOptimizer
import GRDB
import QuizEngine
import TestSupport
import Testing

@testable import QuizStore

@Suite struct ParameterStoreTests {
    /// The review log as optimizer items: undone and overruled answers out, history before
    /// the current revision out, one review per local day (the first), items by last day.
    @Test func historyBecomesItemsTheWayAnkiMakesThem() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try ReviewStore(path: folder.file("progress.sqlite"))
        try store.record(review("a/one", at: epoch, rating: .again))
        try store.record(review("a/one", at: epoch + hour, rating: .good))  // same day: dropped
        try store.record(review("a/one", at: epoch + 2 * day, rating: .good))
        let wrong = try store.record(review("a/one", at: epoch + 5 * day, rating: .again))
        try store.overrule(reviewID: wrong, with: review("a/one", at: epoch + 5 * day))  // both left out
        try store.record(review("a/one", at: epoch + 9 * day, rating: .easy))
        try store.record(review("a/two", at: epoch, rating: .good))
        try store.record(review("a/two", at: epoch + 3 * day, rating: .hard))
        try store.record(review("a/two", at: epoch + 4 * day, rating: .good))
        _ = try store.undoLast(at: instant(epoch + 4 * day))
        try store.record(review("a/three", at: epoch, rating: .good))  // revision 1: reset below
        try store.record(review("a/three", at: epoch + day, rating: .good))
        try store.record(review("a/three", at: epoch + 2 * day, rating: .good, revision: 2))
        try store.record(review("a/three", at: epoch + 6 * day, rating: .again, revision: 2))

        let history = try OptimizerHistory(store: store, rolloverHour: 4)
        #expect(history.reviewCount == 7)
        #expect(history.cardCount == 3)
        #expect(
            history.items.map { $0.reviews.map { [$0.rating, $0.deltaT] } } == [
                [[1, 0], [3, 2]],
                [[3, 0], [2, 3]],
                [[3, 0], [1, 4]],
                [[1, 0], [3, 2], [4, 7]],
            ])
    }

    @Test func savedParametersRoundTripAndResetReturnsToDefaults() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try ReviewStore(path: folder.file("progress.sqlite"))
        #expect(try store.savedParameters() == nil)
        #expect(try store.parametersInForce() == .default)
        var weights = FSRSParameters.defaultWeights
        weights[20] = 0.3
        let fitted = try FSRSParameters(weights: weights)
        try store.saveParameters(fitted, reviewCount: 1200, cardCount: 150, at: instant(epoch))
        let saved = try #require(try store.savedParameters())
        #expect(saved.parameters == fitted)
        #expect(saved.reviewCount == 1200 && saved.cardCount == 150)
        #expect(saved.savedAt == instant(epoch))
        #expect(try store.scheduler().configuration.parameters == fitted)
        try store.saveParameters(nil, reviewCount: 0, cardCount: 0, at: instant(epoch + day))
        #expect(try store.parametersInForce() == .default)
        #expect(try inspect(folder.file("progress.sqlite"), "SELECT COUNT(*) FROM fsrs_parameters", as: Int.self) == 2)
    }

    @Test func aDamagedSavedRowIsAClearError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try ReviewStore(path: folder.file("progress.sqlite"))
        try store.pool.write { db in
            try db.execute(
                sql: "INSERT INTO fsrs_parameters (saved_at, parameters, review_count, card_count) VALUES (0, '[1,2]', 0, 0)")
        }
        #expect {
            try store.scheduler()
        } throws: { error in
            "\(error)".contains("fsrs_parameters row 1") && "\(error)".contains("--reset")
        }
    }

    /// A store written by schema 3 (the version before saved parameters) migrates and keeps
    /// its history; it schedules with the defaults until a save.
    @Test func version3StoreMigrates() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("progress.sqlite")
        try MigrationTests.makeVersion1Store(at: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: StoreSchema.version2)
            try db.execute(sql: StoreSchema.version3)
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v2-undo-and-introductions'), ('v3-overrides')")
        }
        try queue.close()
        #expect(try inspect(path, "PRAGMA user_version", as: Int.self) == 3)
        let store = try ReviewStore(path: path)
        #expect(try inspect(path, "PRAGMA user_version", as: Int.self) == StoreSchema.version)
        #expect(try store.totalReviews == 4)
        #expect(try store.savedParameters() == nil)
        try store.saveParameters(.default, reviewCount: 4, cardCount: 2, at: instant(epoch))
        #expect(try store.savedParameters()?.reviewCount == 4)
    }
}
