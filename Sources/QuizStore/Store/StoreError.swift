/// Why the review store refused or failed an operation, phrased as what is wrong, where, and the fix.
public struct StoreError: Error, CustomStringConvertible, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The file is an SQLite database of some other program (its `application_id`, 0 when unset).
        case foreignFile(applicationID: Int32)
        /// The file is not an SQLite database at all.
        case notADatabase(detail: String)
        /// The store was written by a newer `quiz` whose schema this one does not know.
        case newerSchema(found: Int, supported: Int)
        /// The directory for the store could not be created.
        case cannotCreateDirectory(directory: String, detail: String)
        /// None of `$QUIZ_STORE`, `$XDG_DATA_HOME` and `$HOME` is set.
        case noDefaultLocation
        /// A review record that the store will not write.
        case invalidRecord(key: String, reason: String)
        /// `undoLast` found no answer left to undo.
        case nothingToUndo
        /// No review log row has this id.
        case unknownReview(id: Int64)
        /// The answer was already undone.
        case alreadyUndone(id: Int64)
        /// Only the latest answer of a card can be undone: the card state is restored from it.
        case notLatestReview(id: Int64, key: String, latest: Int64)
        /// A saved parameter row that is not 21 valid FSRS-6 parameters.
        case invalidSavedParameters(id: Int64, reason: String)
        /// SQLite reported an error.
        case database(detail: String)
    }

    public let kind: Kind
    /// The store file concerned.
    public let path: String

    public init(_ kind: Kind, path: String) {
        self.kind = kind
        self.path = path
    }

    public var description: String {
        switch kind {
        case .foreignFile(let applicationID):
            let found = applicationID == 0 ? "no application_id" : "application_id \(hex(applicationID))"
            return
                "'\(path)' is not a quiz progress store (SQLite file with \(found), expected "
                + "\(hex(StoreSchema.applicationID))); it was left untouched. Pass --store PATH or set "
                + "$QUIZ_STORE to a quiz store, or move the file away."
        case .notADatabase(let detail):
            return
                "'\(path)' is not an SQLite database (\(detail)); it was left untouched. Pass --store PATH "
                + "or set $QUIZ_STORE to a quiz store, or move the file away."
        case .newerSchema(let found, let supported):
            return
                "'\(path)' was written by a newer quiz (store schema version \(found); this quiz knows up to "
                + "\(supported)); it was left untouched. Upgrade quiz."
        case .cannotCreateDirectory(let directory, let detail):
            return "cannot create the directory '\(directory)' for the progress store '\(path)': \(detail)"
        case .noDefaultLocation:
            return
                "cannot locate the progress store: none of $QUIZ_STORE, $XDG_DATA_HOME and $HOME is set. "
                + "Pass --store PATH or set $QUIZ_STORE."
        case .invalidSavedParameters(let id, let reason):
            return
                "'\(path)': the saved FSRS parameters (fsrs_parameters row \(id)) are unusable: \(reason). "
                + "Run 'quiz fsrs optimize --reset' to schedule with the defaults, or '--save' to fit new ones."
        case .invalidRecord(let key, let reason):
            return "'\(path)': refused to record a review of '\(key)': \(reason)"
        case .nothingToUndo:
            return "'\(path)': there is no answer left to undo"
        case .unknownReview(let id):
            return "'\(path)': there is no review with id \(id) in the log"
        case .alreadyUndone(let id):
            return "'\(path)': review \(id) was already undone"
        case .notLatestReview(let id, let key, let latest):
            return
                "'\(path)': cannot undo review \(id) of '\(key)': review \(latest) of the same card came after it; "
                + "undo that one first"
        case .database(let detail):
            return "'\(path)': \(detail)"
        }
    }

    private func hex(_ value: Int32) -> String {
        let digits = String(UInt32(bitPattern: value), radix: 16)
        return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }
}
