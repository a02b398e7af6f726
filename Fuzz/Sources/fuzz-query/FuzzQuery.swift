// Any text through the search-query translator, then through FTS5 itself: plain text must never be an FTS5
// syntax error. One in-memory archive with a few records serves every input.
import ArchiveCore
import Glibc

nonisolated(unsafe) let archive: Archive = {
    let archive = try! Archive(path: ":memory:", access: .rehearse)
    // The record comes in as any would, through an import.
    let file = "/tmp/fuzz-query-\(getpid()).csv"
    let stream = fopen(file, "w")!
    fputs("slug,title,description\na,Ballet flats,\"Tulle and satin, “Céline” — derby\"\n", stream)
    fclose(stream)
    defer { unlink(file) }
    _ = try! Importer(archive: archive).run(try! ImportFile.files(at: file, table: "collections"))
    return archive
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let query = try? SearchQuery(text) else { return 0 } // only blank text is refused
    do {
        _ = try Searcher(archive: archive).search(query, in: SearchScope.allCases)
    } catch {
        fatalError("plain text \(text.debugDescription) became \(query.expression ?? "nil") and failed: \(error)")
    }
    return 0
}
