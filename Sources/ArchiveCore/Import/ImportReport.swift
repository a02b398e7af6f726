// What an import did (or, with --dry-run, would do), table by table.

public struct ImportReport: Sendable {
    public struct TableCounts: Sendable, Equatable {
        public let table: String
        public let added: Int
        public let updated: Int
        public let unchanged: Int

        public init(table: String, added: Int, updated: Int, unchanged: Int) {
            self.table = table
            self.added = added
            self.updated = updated
            self.unchanged = unchanged
        }
    }

    public let tables: [TableCounts]
    public let dryRun: Bool
    /// Fields a curator edited that the import left as they were, though the file says otherwise (the first
    /// few; `keptEditCount` counts them all).
    public var keptEdits: [KeptEdit] = []
    public var keptEditCount = 0
    /// Images added to the records they matched (--images), or that would be.
    public var imagesAdded = 0

    public var added: Int { tables.reduce(0) { $0 + $1.added } }
    public var updated: Int { tables.reduce(0) { $0 + $1.updated } }
    public var unchanged: Int { tables.reduce(0) { $0 + $1.unchanged } }
    /// True when the archive was already up to date with the input.
    public var changedNothing: Bool { added == 0 && updated == 0 && imagesAdded == 0 }

    public func counts(for table: String) -> TableCounts? { tables.first { $0.table == table } }
}
