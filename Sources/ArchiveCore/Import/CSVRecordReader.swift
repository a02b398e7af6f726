// CSV with a header row: the header names the fields; every record must have as many fields.

final class CSVRecordReader: RecordReader {
    private let reader: CSVReader
    private let file: String
    private var header: [String]?
    private var headerLine = 1

    private let formulaGuard: Bool

    init(_ input: ByteReader, file: String, formulaGuard: Bool = true) {
        reader = CSVReader(input)
        self.file = file
        self.formulaGuard = formulaGuard
    }

    var offset: Int64 { reader.offset }

    func next() throws(ImportProblem) -> ReadOutcome? {
        let record: CSVReader.Record
        do {
            guard let next = try reader.next() else { return nil }
            record = next
        } catch {
            // Bad text in one record is that record's problem, named by its column; anywhere else (the header
            // included) the file cannot be read on.
            if case .badText(let line, let field, let failure) = error, let header, field <= header.count {
                return .problem(ImportProblem(.encoding, file: file, line: line, field: header[field - 1], message: failure.message))
            }
            throw ImportProblem(error.kind, file: file, line: error.line, message: error.description)
        }
        guard let header else {
            try readHeader(record)
            return try next()
        }
        guard record.fields.count == header.count else {
            let count = record.fields.count
            return .problem(ImportProblem(
                .syntax, file: file, line: record.line,
                message: "\(count) field\(count == 1 ? "" : "s") where the header has \(header.count)"
                    + (count > header.count ? " (an unquoted comma?)" : "")))
        }
        let fields = zip(header, record.fields).map { name, text in
            // Undo the formula guard of `archive export`, so that export → import loses nothing.
            (name: name, value: text.isEmpty ? JSONValue.null : .string(formulaGuard ? FormulaGuard.unescape(text) : text))
        }
        return .record(InputRecord(line: record.line, number: nil, fields: fields, headerLine: headerLine))
    }

    private func readHeader(_ record: CSVReader.Record) throws(ImportProblem) {
        var seen: Set<String> = []
        for (index, name) in record.fields.enumerated() {
            guard !name.isEmpty else {
                throw ImportProblem(.syntax, file: file, line: record.line, message: "column \(index + 1) of the header has no name")
            }
            guard seen.insert(name).inserted else {
                throw ImportProblem(.syntax, file: file, line: record.line, field: name, message: "the header names this column twice")
            }
        }
        header = record.fields
        headerLine = record.line
    }
}
