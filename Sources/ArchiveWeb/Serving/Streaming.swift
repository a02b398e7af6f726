// A download streamed as it is read: the rows are written by the archive's one writer (RowWriter, as `archive
// export` writes them) on a reading thread, and handed to the response body chunk by chunk. At most a few
// chunks wait between the two, so memory does not grow with the data however slow the client. A client that
// reads nothing for the idle timeout is dropped (its connection closed), so that it holds its reading
// connection no longer; a download that fails or is cut mid-way ends without its last chunk, so that the
// client sees it truncated, never complete, and the server logs it.
import ArchiveCore
import Dispatch
import Hummingbird
import NIOCore
import Synchronization

struct Streaming: Sendable {
    /// How many 64 KiB chunks may wait for the client.
    static let window = 4

    /// The connection the body goes out on, closed when the client stops reading.
    let channel: any Channel
    /// Seconds the client may take to accept a chunk.
    let stall: Double
    /// What the log calls this download (its address).
    let label: String
    let log: ServerLog

    /// A body produced by `produce`, which writes to the BufferedOutput it is given; `length`, when known, is
    /// sent as Content-Length (a file's bytes).
    func body(length: Int? = nil, _ produce: @escaping @Sendable (BufferedOutput) throws -> Void) -> ResponseBody {
        let (channel, stall, label, log) = (self.channel, self.stall, self.label, self.log)
        return ResponseBody(contentLength: length) { writer in
            let window = Window()
            let (stream, continuation) = AsyncStream<[UInt8]>.makeStream()
            continuation.onTermination = { _ in window.cancel() }
            DispatchQueue.global().async {
                let output = BufferedOutput(sink: .chunks { bytes throws(OutputError) in
                    // Wait for room; a cancelled download ends the writing (OutputError.closed).
                    guard window.reserve(waiting: stall) else { throw .closed }
                    continuation.yield(Array(bytes))
                })
                do {
                    try produce(output)
                    try output.flush()
                } catch {
                    window.fail(error)
                }
                continuation.finish()
            }
            var sent = 0
            do {
                for await chunk in stream {
                    // The write waits while the client's window is full; closing the connection ends the wait.
                    let drop = channel.eventLoop.scheduleTask(in: .nanoseconds(Int64(stall * 1e9))) {
                        window.fail(StreamingError.stalled(stall))
                        channel.close(promise: nil)
                    }
                    defer { drop.cancel() }
                    try await writer.write(ByteBuffer(bytes: chunk))
                    sent += chunk.count
                    window.release()
                }
            } catch {
                window.cancel()
                log.say("download \(label) cut after \(sent) bytes: \(window.failure.map { "\($0)" } ?? "the client went away")")
                throw error
            }
            if let failure = window.failure {
                // Not `finish`: without its last chunk the client knows the body is incomplete.
                log.say("download \(label) cut after \(sent) bytes: \(failure)")
                channel.close(promise: nil)
                throw failure
            }
            try await writer.finish(nil)
        }
    }

    enum StreamingError: Error, CustomStringConvertible {
        case stalled(Double)
        var description: String {
            switch self {
            case .stalled(let seconds): "the client read nothing for \(seconds) s"
            }
        }
    }

    /// Room for chunks between the reading thread and the response, whether the client is still there, and
    /// what ended the reading early.
    private final class Window: Sendable {
        private let room = DispatchSemaphore(value: Streaming.window)
        private let cancelled = Atomic<Bool>(false)
        private let problem = Mutex<(any Error)?>(nil)

        func reserve(waiting seconds: Double) -> Bool {
            guard room.wait(timeout: .now() + seconds) == .success else {
                fail(StreamingError.stalled(seconds))
                return false
            }
            return !cancelled.load(ordering: .acquiring)
        }

        func release() { room.signal() }

        func fail(_ error: any Error) {
            problem.withLock { if $0 == nil, !(error is OutputError) { $0 = error } }
        }

        var failure: (any Error)? { problem.withLock { $0 } }

        func cancel() {
            cancelled.store(true, ordering: .releasing)
            // Wake a writer waiting for room, so that it sees the cancellation.
            for _ in 0..<Streaming.window { room.signal() }
        }
    }
}
