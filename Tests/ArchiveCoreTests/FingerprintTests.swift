// The fingerprints the history keeps of what an update wrote.
@testable import ArchiveCore
import Testing

/// The log's fingerprints are kept in archive files: the function must never change (values computed once with an
/// independent FNV-1a in Python).
@Suite struct FingerprintTests {
    @Test func fingerprintsAreFNV1aOfTheStorageClassAndTheBytes() {
        #expect(Fingerprint.of(.null) == -5_808_590_958_014_384_161)
        #expect(Fingerprint.of(.text("Céline — “haute”")) == 7_605_999_675_196_005_995)
        #expect(Fingerprint.of(.integer(2019)) == -4_877_551_230_423_536_098)
        #expect(Fingerprint.of(.real(1.5)) == 994_695_138_373_925_664)
        #expect(Fingerprint.of(.text("2019")) != Fingerprint.of(.integer(2019)))
    }
}
