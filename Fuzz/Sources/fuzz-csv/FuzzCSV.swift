// Any bytes through the CSV reader: it must return records or a Failure, never crash or hang.
import ArchiveCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let reader = CSVReader(ByteReader(bytes: Array(UnsafeBufferPointer(start: data, count: size))))
    var records = 0
    while records < 100_000 {
        do {
            guard let record = try reader.next() else { break }
            precondition(record.line >= 1)
        } catch {
            if case .badText = error { continue } // a record with bad text: reading goes on
            break
        }
        records += 1
    }
    return 0
}
