// The monotonic clock, for time budgets measured in the CLI.
import Glibc

/// Seconds on the monotonic clock.
enum Clock {
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
