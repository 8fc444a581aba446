/// fsrs-rs's outlier filter: drops the rarest (first rating, first interval) groups, about 5%
/// of each first rating's items and at least 20, and groups too small or too long to estimate
/// from, from the pre-training items and from the training items alike.
enum OutlierFilter {
    /// The kept pre-training items (exactly one long-term review) and the kept training items.
    ///
    /// - Complexity: O(n log n) for n items.
    static func filter(_ items: [FSRSItem]) -> (initialization: [FSRSItem], training: [FSRSItem]) {
        var groups: [Int: [Int: [FSRSItem]]] = [:]
        for item in items where item.longTermReviewCount == 1 {
            groups[item.reviews[0].rating, default: [:]][item.current.deltaT, default: []].append(item)
        }
        var kept: [FSRSItem] = []
        var removed: [Int: Set<Int>] = [:]
        for rating in groups.keys.sorted() {
            // Largest groups first, longer intervals first among equals; walked from the end.
            let subgroups = groups[rating]!.sorted { a, b in
                a.value.count != b.value.count ? a.value.count > b.value.count : a.key > b.key
            }
            let total = subgroups.reduce(0) { $0 + $1.value.count }
            var removedSoFar = 0
            for (interval, group) in subgroups.reversed() {
                if removedSoFar + group.count >= max(20, total / 20) {
                    if group.count >= 6 && interval <= (rating != 4 ? 100 : 365) {
                        kept.append(contentsOf: group)
                    } else {
                        removed[rating, default: []].insert(interval)
                    }
                } else {
                    removedSoFar += group.count
                    removed[rating, default: []].insert(interval)
                }
            }
        }
        let training = items.filter { item in
            guard let first = item.firstLongTermReview else { return true }
            return !(removed[item.reviews[0].rating]?.contains(first.deltaT) ?? false)
        }
        return (kept, training)
    }
}
