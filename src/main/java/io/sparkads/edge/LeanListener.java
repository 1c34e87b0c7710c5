package io.sparkads.edge;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The lean listener's Netty server: started with the application context (after the servlet
 * container's own start), closed first on shutdown, letting the requests in flight finish. The
 * event loops only parse HTTP and write answers; requests are handled on a small pool of their own
 * threads, because they may wait on PostgreSQL (a frequency cap's count, a budget lease refill, a
 * platform token that is not the bootstrap one, every events batch), unless {@code
 * blocking-threads} is 0.
 */
public final class LeanListener implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(LeanListener.class);

    /** A batch of 1000 events with long ids fits well under this. */
    static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

    private final EdgeSettings settings;
    private final PlatformHandler handler;
    private EventLoopGroup loops;
    private EventExecutorGroup workers;
    private Channel server;

    LeanListener(EdgeSettings settings, PlatformHandler handler) {
        this.settings = settings;
        this.handler = handler;
    }

    @Override
    public synchronized void start() {
        if (settings.port() < 0 || server != null) {
            return;
        }
        boolean epoll = Epoll.isAvailable();
        loops =
                new MultiThreadIoEventLoopGroup(
                        settings.ioThreads(),
                        epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        workers =
                settings.blockingThreads() > 0
                        ? new DefaultEventExecutorGroup(settings.blockingThreads())
                        : null;
        Class<? extends ServerChannel> channel =
                epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        server =
                new ServerBootstrap()
                        .group(loops)
                        .channel(channel)
                        .option(ChannelOption.SO_BACKLOG, 1024)
                        .childOption(ChannelOption.TCP_NODELAY, true)
                        // A client that half-closes after its request still gets the answer,
                        // which a request thread may write after the end of input was read.
                        .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                        .childHandler(
                                new ChannelInitializer<SocketChannel>() {
                                    @Override
                                    protected void initChannel(SocketChannel ch) {
                                        ch.pipeline()
                                                .addLast(new HttpServerCodec())
                                                .addLast(new BodyLimit())
                                                .addLast(workers, "platform", handler);
                                    }
                                })
                        .bind(new InetSocketAddress(settings.port()))
                        .syncUninterruptibly()
                        .channel();
        log.info(
                "Lean listener for ad requests and events on port {} ({}, {} I/O threads, {})",
                port(),
                epoll ? "epoll" : "NIO",
                settings.ioThreads(),
                workers == null
                        ? "handled on the event loops"
                        : settings.blockingThreads() + " request threads");
    }

    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.close().syncUninterruptibly(); // no new connections
        // Requests already read finish and are answered; then the threads end.
        if (workers != null) {
            workers.shutdownGracefully(100, 10_000, TimeUnit.MILLISECONDS).syncUninterruptibly();
        }
        loops.shutdownGracefully(100, 10_000, TimeUnit.MILLISECONDS).syncUninterruptibly();
        server = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Beside the servlet container: started after it, stopped before it. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 512;
    }

    /** The port it listens on (the one chosen when configured 0), or -1 when it is off. */
    public synchronized int port() {
        return server == null ? -1 : ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** A body over the limit is answered 413 with a problem detail, not read. */
    static final class BodyLimit extends HttpObjectAggregator {
        BodyLimit() {
            super(MAX_BODY_BYTES);
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            String uri = oversized instanceof HttpRequest request ? request.uri() : "/";
            var refusal = PlatformHandler.tooLarge(ctx, uri, MAX_BODY_BYTES);
            refusal.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(refusal).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
