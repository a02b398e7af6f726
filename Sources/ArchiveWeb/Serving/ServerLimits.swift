// How much any one client may take of the server: time to send a request or read a response, connections held
// open, downloads running at once. Each bound keeps one client from holding up the others.
import Glibc

public struct ServerLimits: Sendable {
    /// Seconds a connection may send nothing of its request, sit idle between requests, or read nothing of a
    /// response, before it is closed: half-sent requests, idle keep-alive connections and stalled downloads.
    public var idleTimeout: Double = 20
    /// Connections open at once, at most; beyond it new connections wait to be accepted. Lowered to fit the
    /// process's descriptor limit (see `connectionCap`).
    public var maxConnections = 4_096
    /// Downloads (format=csv|json|ndjson over a whole table) reading at once, on connections of their own: a
    /// download never takes a page's connection. A download finding all busy waits `downloadWait` s, then 503.
    public var downloads = 4
    public var downloadWait: Double = 2
    /// Seconds a whole download may take, at most; a download cut by it ends without its last chunk (the
    /// client sees it truncated), and the server logs it.
    public var downloadTimeLimit: Double = 600

    public init() {}

    /// `maxConnections`, lowered so that the open connections, the archive's files and a margin fit within the
    /// descriptor limit (after raising the soft limit to the hard one): running out of descriptors makes the
    /// accept loop spin and new requests time out.
    public func connectionCap(reserved: Int) -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return maxConnections }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = min(limit.rlim_max, 1 << 20)
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        let available = Int(clamping: limit.rlim_cur) - reserved - 64
        return max(16, min(maxConnections, available))
    }
}
