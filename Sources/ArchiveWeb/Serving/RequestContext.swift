// What a route knows of its request beyond the request itself: the connection it came on, so that a download
// can drop a client that stopped reading (closing the connection is the one thing that ends a write waiting
// for room in the client's window).
public import Hummingbird
public import NIOCore

public struct ArchiveRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}
