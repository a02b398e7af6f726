// The server's HTTP/1 connections: Hummingbird's HTTP1Channel pipeline, plus what it does not do: answer an
// HTTP/1.0 client in HTTP/1.0 (no chunked encoding, which such a client would save inside a CSV; the body ends
// when the connection closes). The idle timeout closes half-sent requests and idle keep-alive connections.
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1

struct HTTP1Connection: ServerChildChannel, HTTPChannelHandler {
    typealias Value = NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>

    let responder: HTTPChannelHandler.Responder
    let idleTimeout: TimeAmount

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.configureHTTPServerPipeline(
                withPipeliningAssistance: false, withErrorHandling: false, withOutboundHeaderValidation: false,
                withEncoderConfiguration: .init(), withDecoderLimitConfiguration: .init())
            try channel.pipeline.syncOperations.addHandler(HTTP10Framing())
            try channel.pipeline.syncOperations.addHandler(HTTP1ToHTTPServerCodec(secure: false))
            try channel.pipeline.syncOperations.addHandler(HTTPConnectionStateHandler(idleTimeout: .init(idleTimeout), logger: logger))
            return try NIOAsyncChannel(wrappingChannelSynchronously: channel, configuration: .init(isOutboundHalfClosureEnabled: true))
        }
    }

    func handle(value asyncChannel: Value, logger: Logger) async {
        await handleHTTP(asyncChannel: asyncChannel, logger: logger)
    }
}

/// Between NIO's HTTP/1 codec and the version-free HTTP types: remembers the version of each request and
/// answers an HTTP/1.0 one in HTTP/1.0, its body delimited by closing the connection unless it has a length.
final class HTTP10Framing: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// The versions of the requests not answered yet, oldest first (requests may be pipelined).
    private var versions: [HTTPVersion] = []
    private var closeAfterResponse = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head(let head) = unwrapInboundIn(data) { versions.append(head.version) }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head) where head.status.code >= 200:
            let version = versions.isEmpty ? .http1_1 : versions.removeFirst()
            guard version.major == 1, version.minor == 0 else { return context.write(data, promise: promise) }
            head.version = version
            head.headers.remove(name: "transfer-encoding")
            // Keep-alive is not offered to HTTP/1.0 clients: each response ends its connection.
            head.headers.replaceOrAdd(name: "connection", value: "close")
            closeAfterResponse = true
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .end where closeAfterResponse:
            closeAfterResponse = false
            context.writeAndFlush(data).whenComplete { result in
                promise?.completeWith(result)
                context.close(promise: nil)
            }
        default:
            context.write(data, promise: promise)
        }
    }
}
