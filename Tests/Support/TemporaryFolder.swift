// A fresh temporary folder per test, removed when the test ends: every test works on real files.
import Foundation

public final class TemporaryFolder {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("archive-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    public func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }
}
