// The entry point SwiftPM expects for this executable: libFuzzer's driver, fed by fuzzQuery.
import FuzzSupport

@_cdecl("fuzz_query_main")
func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runLibFuzzer(argc, argv, fuzzQuery)
}
