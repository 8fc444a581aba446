/// An item that cannot be trained on or evaluated, named by its 0-based index in the input.
public struct FSRSItemsError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong with the item.
    public enum Problem: Hashable, Sendable {
        case tooFewReviews(Int)
        case rating(review: Int, value: Int)
        case deltaT(review: Int, value: Int)
        case firstReviewNotAtZero(Int)
        case lastReviewSameDay
        case notAPair(review: Int)
    }

    /// The item's 0-based index in the input.
    public var item: Int
    public var problem: Problem

    public init(item: Int, problem: Problem) {
        self.item = item
        self.problem = problem
    }

    public var description: String {
        let place = "items[\(item)]"
        switch problem {
        case .tooFewReviews(let count):
            return "\(place) has \(count) review\(count == 1 ? "" : "s"): an item needs the reviews before the predicted one and the predicted one, at least 2"
        case .rating(let review, let value):
            return "\(place)[\(review)] has rating \(value): ratings are 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)"
        case .deltaT(let review, let value):
            return "\(place)[\(review)] has delta_t \(value): days since the previous review are whole numbers from 0 to 36500"
        case .firstReviewNotAtZero(let value):
            return "\(place)[0] has delta_t \(value): the first review of a card has delta_t 0"
        case .lastReviewSameDay:
            return "\(place) ends with a same-day review (delta_t 0): the predicted review must come on a later day; drop this item"
        case .notAPair(let review):
            return "\(place)[\(review)] is not a [rating, delta_t] pair of whole numbers"
        }
    }
}
