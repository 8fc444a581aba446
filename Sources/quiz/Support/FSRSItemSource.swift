import ArgumentParser
import FSRSOptimizer
import Foundation
import QuizStore

/// Where `quiz fsrs optimize` and `evaluate` take their items from: `--items FILE`, else the
/// progress store's review log (`--store`, `--rollover`).
struct FSRSItemSource: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            #"Items JSON {"items": [[[rating, delta_t], …], …]}, oldest last review first, instead of the store."#,
            valueName: "file"))
    var items: String?

    @OptionGroup var storeOptions: StoreOptions

    /// The items read from the file, or nil when the store is the source.
    func fileItems() throws -> [FSRSItem]? {
        guard let items else { return nil }
        guard let data = FileManager.default.contents(atPath: items) else {
            throw CommandFailure("cannot read '\(CommandLineText.excerpt(items))': no such file or not readable")
        }
        do {
            return try FSRSItemsFile.items(from: data)
        } catch {
            throw CommandFailure("'\(CommandLineText.excerpt(items))': \(error)")
        }
    }

    /// The store's history as items, with the store.
    func storeHistory() throws -> (store: ReviewStore, history: OptimizerHistory) {
        let store = try storeOptions.open()
        do {
            return (store, try OptimizerHistory(store: store, rolloverHour: storeOptions.rollover))
        } catch {
            throw CommandFailure("\(error)")
        }
    }
}
