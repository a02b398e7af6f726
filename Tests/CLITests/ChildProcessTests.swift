// The harness that starts programs: it must work however many descriptors the test process holds (Foundation's
// Process crashed past about 1,350), and a child must get none of them but its three streams.
import ArchiveTestSupport
import Foundation
import Glibc
import Testing

struct ChildProcessTests {
    @Test func aChildStartsWithOnlyItsStreamsWhileTheTestsHoldFifteenHundredDescriptors() throws {
        let held = (0..<1_500).map { _ in open("/dev/null", O_RDONLY) }
        defer { for descriptor in held { close(descriptor) } }
        try #require(held.allSatisfy { $0 >= 0 }, "could not open 1,500 descriptors here")
        for _ in 0..<20 {
            // ls opens the directory it lists: 0, 1, 2 and that one.
            let listed = try run(["ls", "/proc/self/fd"], in: URL(fileURLWithPath: "/"), executable: URL(fileURLWithPath: "/usr/bin/env"))
            #expect(listed.status == 0, "\(listed.stderr)")
            #expect(listed.stdout.split(separator: "\n").count == 4, "\(listed.stdout)")
        }
    }

    @Test func theExitCodeTheSignalAndTheWorkingFolderAreTheChilds() throws {
        let folder = try TemporaryFolder()
        let exited = try run(["-c", "pwd; exit 3"], in: folder.url, executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(exited.status == 3)
        #expect(exited.stdout == URL(fileURLWithPath: folder.url.path).resolvingSymlinksInPath().path + "\n")

        let killed = ChildProcess()
        killed.executableURL = URL(fileURLWithPath: "/bin/sh")
        killed.arguments = ["-c", "kill -TERM $$"]
        try killed.run()
        killed.waitUntilExit()
        #expect(killed.terminationReason == .uncaughtSignal)
        #expect(killed.terminationStatus == SIGTERM)
        #expect(!killed.isRunning)
    }

    @Test func aProgramThatIsNotThereIsAnError() {
        let missing = ChildProcess()
        missing.executableURL = URL(fileURLWithPath: "/nonexistent/program")
        #expect(throws: POSIXError.self) { try missing.run() }
    }
}
