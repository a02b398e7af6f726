// A download streamed as it is read: the rows are written by the archive's one writer (RowWriter, as `archive
// export` writes them) on a reading thread, and handed to the response body chunk by chunk. At most a few
// chunks wait between the two, so memory does not grow with the data however slow the client; a client that
// goes away stops the reading.
import ArchiveCore
import Dispatch
import Hummingbird
import Synchronization

enum Streaming {
    /// How many 64 KiB chunks may wait for the client.
    static let window = 4

    /// A body produced by `produce`, which writes to the BufferedOutput it is given.
    static func body(_ produce: @escaping @Sendable (BufferedOutput) throws -> Void) -> ResponseBody {
        ResponseBody { writer in
            let channel = Channel()
            let (stream, continuation) = AsyncStream<[UInt8]>.makeStream()
            continuation.onTermination = { _ in channel.cancel() }
            DispatchQueue.global().async {
                let output = BufferedOutput(sink: .chunks { bytes throws(OutputError) in
                    // Wait for room; a cancelled download ends the writing (OutputError.closed).
                    guard channel.reserve() else { throw .closed }
                    continuation.yield(Array(bytes))
                })
                do {
                    try produce(output)
                    try output.flush()
                } catch {
                    // A failure mid-way ends the body early; the client sees a truncated download (the status
                    // was sent), which is all HTTP/1.1 allows once the first bytes are out.
                }
                continuation.finish()
            }
            do {
                for await chunk in stream {
                    try await writer.write(ByteBuffer(bytes: chunk))
                    channel.release()
                }
            } catch {
                channel.cancel()
                throw error
            }
            try await writer.finish(nil)
        }
    }

    /// Room for chunks between the reading thread and the response, and whether the client is still there.
    private final class Channel: Sendable {
        private let room = DispatchSemaphore(value: Streaming.window)
        private let cancelled = Atomic<Bool>(false)

        func reserve() -> Bool {
            room.wait()
            return !cancelled.load(ordering: .acquiring)
        }

        func release() { room.signal() }

        func cancel() {
            cancelled.store(true, ordering: .releasing)
            // Wake a writer waiting for room, so that it sees the cancellation.
            for _ in 0..<Streaming.window { room.signal() }
        }
    }
}
