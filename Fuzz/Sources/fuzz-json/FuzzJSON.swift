// Any bytes through the JSON parser, as one value and as NDJSON lines: values or JSONSyntaxError, never a crash.
import ArchiveCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let parser = JSONParser(ByteReader(bytes: bytes))
    var values = 0
    while values < 10_000 {
        do {
            _ = try parser.parseValue()
            values += 1
            guard try parser.skipWhitespace() != nil else { break }
        } catch {
            break
        }
    }
    return 0
}
