import Foundation
import GRDB
import QuizEngine

/// The FSRS parameters a store schedules with: the newest `fsrs_parameters` row.
public struct SavedParameters: Hashable, Sendable {
    /// The fitted parameters, or nil after a reset (the FSRS-6 defaults are in force).
    public var parameters: FSRSParameters?
    /// When they were saved.
    public var savedAt: Instant
    /// How many reviews and cards the fit used (0 after a reset).
    public var reviewCount: Int
    public var cardCount: Int
}

extension ReviewStore {
    /// The newest saved parameters, or nil when none were ever saved.
    ///
    /// - Throws: ``StoreError/Kind/invalidSavedParameters(id:reason:)`` for a row that is not
    ///   21 numbers within FSRS-6's bounds (written by hand, or by a damaged file).
    public func savedParameters() throws -> SavedParameters? {
        try perform {
            try pool.read { db -> SavedParameters? in
                let sql = """
                    SELECT id, saved_at, parameters, review_count, card_count FROM fsrs_parameters
                    ORDER BY id DESC LIMIT 1
                    """
                guard let row = try Row.fetchOne(db, sql: sql) else { return nil }
                let id: Int64 = row["id"]
                var parameters: FSRSParameters?
                if let text: String = row["parameters"] {
                    guard let values = try? JSONDecoder().decode([Double].self, from: Data(text.utf8)) else {
                        throw StoreError(.invalidSavedParameters(id: id, reason: "not a JSON array of numbers"), path: path)
                    }
                    do {
                        parameters = try FSRSParameters(weights: values)
                    } catch {
                        throw StoreError(.invalidSavedParameters(id: id, reason: "\(error)"), path: path)
                    }
                }
                return SavedParameters(
                    parameters: parameters, savedAt: Instant(microsecondsSinceEpoch: row["saved_at"]),
                    reviewCount: row["review_count"], cardCount: row["card_count"])
            }
        }
    }

    /// Saves `parameters` as the ones in force (nil: back to the defaults), in one transaction.
    public func saveParameters(_ parameters: FSRSParameters?, reviewCount: Int, cardCount: Int, at time: Instant) throws {
        let text = parameters.map { "[" + $0.weights.map { "\($0)" }.joined(separator: ",") + "]" }
        try perform {
            try pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO fsrs_parameters (saved_at, parameters, review_count, card_count)
                        VALUES (?, ?, ?, ?)
                        """,
                    arguments: [time.microsecondsSinceEpoch, text, reviewCount, cardCount])
            }
        }
    }

    /// The parameters to schedule with: the saved ones, else the defaults.
    public func parametersInForce() throws -> FSRSParameters {
        try savedParameters()?.parameters ?? .default
    }

    /// A scheduler with the default settings and the parameters in force.
    public func scheduler() throws -> Scheduler {
        Scheduler(SchedulerConfiguration.default.replacing(parameters: try parametersInForce()))
    }
}
