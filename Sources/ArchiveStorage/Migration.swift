// One versioned SQL script, as read from a file named `NNNN_snake_name.sql`.

public struct Migration: Sendable, Equatable {
    public let version: Int
    public let name: String
    public let sql: String

    /// SHA-256 of the SQL text: an applied migration whose file changed no longer matches.
    public var checksum: String { SHA256.hexDigest(sql.utf8) }

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// Reads `0001_core.sql` as version 1, name "core". Returns nil for a file that is not a migration.
    public init?(fileName: String, sql: String) {
        guard fileName.hasSuffix(".sql") else { return nil }
        let stem = fileName.dropLast(4)
        guard let underscore = stem.firstIndex(of: "_") else { return nil }
        let digits = stem[..<underscore]
        let name = stem[stem.index(after: underscore)...]
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let version = Int(digits), version > 0, !name.isEmpty else {
            return nil
        }
        self.init(version: version, name: String(name), sql: sql)
    }

    /// `0001_core`, as in the file name.
    public var identifier: String {
        let digits = String(version)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "_" + name
    }
}
