// SQLite's calls block: they run on Dispatch's threads, not on the event loops or Swift's cooperative pool,
// so that a slow query never stalls other connections. The read pool bounds how many run at once.
import Dispatch

enum Blocking {
    private static let queue = DispatchQueue(label: "archive.reads", attributes: .concurrent)

    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}
