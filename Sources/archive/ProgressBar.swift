// A one-line progress bar on stderr, drawn only when stderr is a terminal and at most ten times a second.
import Glibc

final class ProgressBar {
    private let label: String
    private var lastDrawn: timespec = timespec()
    private var drawn = false

    init(label: String) { self.label = label }

    func update(done: Int64, total: Int64) {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let elapsed = Double(now.tv_sec - lastDrawn.tv_sec) + Double(now.tv_nsec - lastDrawn.tv_nsec) / 1e9
        guard elapsed >= 0.1 || done == total else { return }
        lastDrawn = now
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 0
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        Console.progress("\r\(label) [\(bar)] \(Int(fraction * 100))% of \(total / 1_048_576 > 0 ? "\(total / 1_048_576) MiB" : "\(total / 1024) KiB")")
        drawn = true
    }

    func finish() {
        if drawn { Console.progress("\r\u{1B}[K") }
    }
}
