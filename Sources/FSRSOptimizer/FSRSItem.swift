/// One card's reviews up to and including the review to predict: the unit fsrs-rs trains and
/// evaluates on.
///
/// The first review has `deltaT` 0; a review on the same day as the one before has 0 too. The
/// last review must come on a later day than the one before it, since a same-day answer says
/// nothing about forgetting (fsrs-rs rejects such items, and Anki never makes them).
public struct FSRSItem: Hashable, Sendable {
    /// One review: its grade and the whole days since the card's previous review.
    public struct Review: Hashable, Sendable {
        /// 1 Again, 2 Hard, 3 Good, 4 Easy.
        public var rating: Int
        /// Whole days since the previous review; 0 for the first and for same-day reviews.
        public var deltaT: Int

        public init(rating: Int, deltaT: Int) {
            self.rating = rating
            self.deltaT = deltaT
        }
    }

    /// The reviews, oldest first; the last is the one predicted.
    public var reviews: [Review]

    /// An item, checked: at least two reviews, ratings 1-4, a first review at 0 days,
    /// no negative day counts and a last review on a later day.
    ///
    /// - Throws: ``FSRSItemsError`` naming the item (by `index`) and the review.
    public init(reviews: [Review], index: Int) throws(FSRSItemsError) {
        guard reviews.count >= 2 else { throw FSRSItemsError(item: index, problem: .tooFewReviews(reviews.count)) }
        for (position, review) in reviews.enumerated() {
            guard (1...4).contains(review.rating) else {
                throw FSRSItemsError(item: index, problem: .rating(review: position, value: review.rating))
            }
            guard review.deltaT >= 0, review.deltaT <= 36_500 else {
                throw FSRSItemsError(item: index, problem: .deltaT(review: position, value: review.deltaT))
            }
        }
        guard reviews[0].deltaT == 0 else {
            throw FSRSItemsError(item: index, problem: .firstReviewNotAtZero(reviews[0].deltaT))
        }
        guard reviews[reviews.count - 1].deltaT > 0 else {
            throw FSRSItemsError(item: index, problem: .lastReviewSameDay)
        }
        self.reviews = reviews
    }

    init(unchecked reviews: [Review]) { self.reviews = reviews }

    /// The review predicted.
    var current: Review { reviews[reviews.count - 1] }

    /// 1 when the predicted review was recalled (any rating above Again), else 0.
    var label: Double { current.rating > 1 ? 1 : 0 }

    /// How many reviews came on a later day than the one before (the "long-term" reviews).
    var longTermReviewCount: Int { reviews.reduce(0) { $0 + ($1.deltaT > 0 ? 1 : 0) } }

    /// The first review on a later day than the one before.
    var firstLongTermReview: Review? { reviews.first { $0.deltaT > 0 } }
}

extension FSRSItem {
    /// Items from card histories, the way Anki builds them for fsrs-rs: every prefix of a
    /// card's reviews that ends on a later day than the review before it, ordered by the day
    /// of that last review (then by card, then by position), since training and evaluation
    /// weight later items more.
    ///
    /// - Parameter histories: per card, its reviews as (rating, day number), in time order.
    /// - Complexity: O(Σ n²) for cards of n reviews (each prefix is copied), and a sort.
    public static func items(fromHistories histories: [[(rating: Int, day: Int)]]) -> [FSRSItem] {
        var keyed: [(day: Int, card: Int, end: Int)] = []
        for (card, history) in histories.enumerated() where history.count >= 2 {
            for end in 1..<history.count where history[end].day > history[end - 1].day {
                keyed.append((history[end].day, card, end))
            }
        }
        keyed.sort { ($0.day, $0.card, $0.end) < ($1.day, $1.card, $1.end) }
        return keyed.map { key in
            let history = histories[key.card]
            return FSRSItem(
                unchecked: (0...key.end).map { position in
                    Review(
                        rating: history[position].rating,
                        deltaT: position == 0 ? 0 : history[position].day - history[position - 1].day)
                })
        }
    }
}
