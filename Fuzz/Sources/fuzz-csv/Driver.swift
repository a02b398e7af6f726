// The entry point SwiftPM expects for this executable: libFuzzer's driver, fed by fuzzCSV.
import FuzzSupport

@_cdecl("fuzz_csv_main")
func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runLibFuzzer(argc, argv, fuzzCSV)
}
