// A larger page cache for one long piece of work, then the connection's own again.
extension Database {
    /// Runs `body` with SQLite's page cache at `kiB` (PRAGMA cache_size), putting the previous size back after.
    public func withPageCache<T>(kiB: Int, _ body: () throws -> T) throws -> T {
        let previous: Int64 = try fetchOne("PRAGMA cache_size") ?? -2000
        try execute("PRAGMA cache_size = -\(kiB)")
        defer { try? execute("PRAGMA cache_size = \(previous)") }
        return try body()
    }
}
