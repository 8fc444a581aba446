import CZstd
import Foundation

/// Decompresses zstd frames (Anki's current packages compress the collection, the media map
/// and each media file) with the output bounded, so a hostile frame cannot inflate past
/// ``SizeLimits``.
enum ZstdDecoder {
    /// The decompressed bytes of `input`, which may hold several frames.
    ///
    /// - Throws: a message (the caller names the file and member) when the data is not zstd,
    ///   is truncated or inflates past `limits`.
    /// - Complexity: O(n) in the output size.
    static func decompress(_ input: Data, limits: SizeLimits) throws(DecodeFailure) -> Data {
        guard let stream = ZSTD_createDStream() else { throw DecodeFailure("zstd could not allocate a decoder") }
        defer { ZSTD_freeDStream(stream) }
        ZSTD_initDStream(stream)
        let chunkSize = ZSTD_DStreamOutSize()
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 1)
        defer { chunk.deallocate() }
        var output = Data()
        var frameOpen = false
        let failure = input.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> DecodeFailure? in
            var source = ZSTD_inBuffer(src: raw.baseAddress, size: raw.count, pos: 0)
            // Invariant: `output` holds everything decoded from source[0..<source.pos].
            while true {
                var sink = ZSTD_outBuffer(dst: chunk.baseAddress, size: chunkSize, pos: 0)
                let code = ZSTD_decompressStream(stream, &sink, &source)
                if ZSTD_isError(code) != 0 { return DecodeFailure("is not valid zstd data") }
                frameOpen = code != 0
                output.append(chunk.baseAddress!.assumingMemoryBound(to: UInt8.self), count: sink.pos)
                if let problem = limits.problem(uncompressed: Int64(output.count), compressed: Int64(raw.count)) {
                    return DecodeFailure(problem)
                }
                if source.pos == source.size && sink.pos < chunkSize { return nil }
            }
        }
        if let failure { throw failure }
        if frameOpen || input.isEmpty { throw DecodeFailure("is a truncated zstd frame") }
        return output
    }

    struct DecodeFailure: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }
}
