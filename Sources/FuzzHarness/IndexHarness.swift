import QuizEngine

/// Runs one fuzz input through the index verifier, then — if it is accepted — through every
/// reader accessor.
///
/// Random bytes almost never carry valid CRC32C checksums, which would stop every mutant at
/// the first checksum. So each input is tried twice: as given, and with its declared length,
/// section checksums and header checksum recomputed (``ChecksumRepair``), which lets the
/// structural checks behind the checksums see the mutation.
public enum IndexHarness {
    public static func check(_ bytes: [UInt8]) -> [String] {
        var problems: [String] = []
        for candidate in [bytes, ChecksumRepair.repaired(bytes)] {
            guard let index = try? QuestionIndex(bytes: candidate) else { continue }
            problems += exercise(index)
        }
        return problems
    }

    /// Reads everything an opened index offers and cross-checks the answers. Must never
    /// trap. An index that passes ``QuestionIndex/verifyAll()`` must also read without an
    /// error and answer consistently; one that does not may stop with an ``IndexError`` at
    /// the first damaged read (the reader checks lazily), and its answers are not compared.
    ///
    /// - Complexity: O(n log n) in the size of the index.
    public static func exercise(_ index: QuestionIndex) -> [String] {
        let valid: Bool
        do {
            try index.verifyAll()
            valid = true
        } catch {
            valid = false
        }
        do {
            let problems = try readEverything(index)
            return valid ? problems : []
        } catch {
            return valid ? ["an accessor failed on an index that verifies whole: \(error)"] : []
        }
    }

    private static func readEverything(_ index: QuestionIndex) throws(IndexError) -> [String] {
        var problems: [String] = []
        _ = (index.formatVersion, index.compilerVersion, index.schemaVersion, index.sourceDigest, index.byteCount)
        let count = index.count
        var keySet = Set<String>()
        for ordinal in 0..<count {
            let question = try index.question(at: ordinal)
            let key = try index.key(at: ordinal)
            _ = (try index.bank(at: ordinal), try index.prompt(at: ordinal), try index.type(at: ordinal))
            _ = (try index.difficulty(at: ordinal), try index.revision(at: ordinal))
            if key != question.bank + "/" + question.id {
                problems.append("key(at: \(ordinal)) disagrees with question")
            }
            if try index.ordinal(forKey: key) != ordinal { problems.append("ordinal(forKey: \(key)) != \(ordinal)") }
            keySet.insert(key)
            let tagIDs = try index.tagIDs(at: ordinal)
            if tagIDs.count != (try index.tags(at: ordinal)).count {
                problems.append("tag ids and names differ at \(ordinal)")
            }
            for id in tagIDs where !(try index.postings(forTag: id)).contains(ordinal) {
                problems.append("question \(ordinal) carries tag \(id) but is not in its postings")
            }
        }
        if keySet.count != count { problems.append("keys are not unique") }
        if try index.allKeys().count != count { problems.append("allKeys() has the wrong size") }
        for probe in ["", "/", "\u{0}", "zzzz/zzzz", String(repeating: "a", count: 300)] where !keySet.contains(probe) {
            if try index.ordinal(forKey: probe) != nil {
                problems.append("ordinal(forKey: \(probe)) found a missing key")
            }
        }
        let tags = try index.tags
        if tags.count != index.tagCount { problems.append("tags.count != tagCount") }
        for tag in tags {
            if try index.tagID(named: tag.name) != tag.id { problems.append("tagID(named: \(tag.name)) != \(tag.id)") }
            let postings = try index.postings(forTag: tag.id)
            let ordinals = postings.ordinals
            if ordinals.count != tag.count || postings.count != tag.count {
                problems.append("tag \(tag.name) counts \(tag.count), postings hold \(ordinals.count)")
            }
            if ordinals != ordinals.sorted() || Set(ordinals).count != ordinals.count {
                problems.append("postings of \(tag.name) are not ascending")
            }
            for ordinal in ordinals {
                let carries = (0..<count).contains(ordinal) ? try index.tagIDs(at: ordinal).contains(tag.id) : false
                if !carries {
                    problems.append("postings of \(tag.name) list \(ordinal), which does not carry it")
                }
            }
            for container in postings.containers {
                _ = (container.key, container.kind, container.count, container.values, container.bitsetWords)
                _ = container.contains(0)
            }
            _ = postings.contains(-1)
            _ = postings.contains(count)
            if try index.postings(forTag: tag.name)?.count != tag.count {
                problems.append("postings(forTag: name) differs")
            }
        }
        if try index.tagID(named: "\u{FFFF}no such tag") != nil { problems.append("found a missing tag") }
        _ = try index.banks
        _ = try index.modules
        let set = try index.questionSet()
        if set.questions.count != count { problems.append("questionSet() lost questions") }
        // Whatever the writer accepts, its output must verify.
        if let again = try? IndexWriter(compilerVersion: "fuzz", schemaVersion: "1").encode(set) {
            do {
                let reread = try QuestionIndex(bytes: again)
                if reread.count != count { problems.append("re-encoded index holds \(reread.count) of \(count)") }
            } catch {
                problems.append("the writer's re-encoding does not verify: \(error)")
            }
        }
        return problems
    }
}
