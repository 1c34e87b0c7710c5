import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/**
 * Load script baseline: a raw Netty HTTP server that answers every request with the same 300-byte
 * JSON, as the lean listener runs (2 event loops, epoll when available, the body aggregated). What
 * this machine can do at most for a tiny HTTP answer; bench/lean-ad-requests.sh measures the ad
 * requests as a ratio to it, in the same run.
 *
 * <p>{@code java -cp $(cat target/run.classpath) bench/NettyFixedAnswer.java <port>}
 */
public class NettyFixedAnswer {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        StringBuilder json = new StringBuilder("{\"request_id\":\"r\",\"ads\":[{\"padding\":\"");
        while (json.length() < 300 - 4) {
            json.append('x');
        }
        json.append("\"}]}");
        byte[] answer = json.toString().getBytes(StandardCharsets.UTF_8);
        boolean epoll = Epoll.isAvailable();
        var loops =
                new MultiThreadIoEventLoopGroup(
                        2, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        ChannelHandler handler = new Answer(Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(answer)));
        new ServerBootstrap()
                .group(loops)
                .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .childHandler(
                        new ChannelInitializer<SocketChannel>() {
                            @Override
                            protected void initChannel(SocketChannel ch) {
                                ch.pipeline()
                                        .addLast(new HttpServerCodec())
                                        .addLast(new HttpObjectAggregator(2 * 1024 * 1024))
                                        .addLast(handler);
                            }
                        })
                .bind(port)
                .sync();
        System.out.println("fixed " + answer.length + "-byte answer on port " + port + (epoll ? " (epoll)" : " (NIO)"));
    }

    @ChannelHandler.Sharable
    static final class Answer extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final ByteBuf answer;

        Answer(ByteBuf answer) {
            this.answer = answer;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            var response =
                    new DefaultFullHttpResponse(
                            HttpVersion.HTTP_1_1, HttpResponseStatus.OK, answer.duplicate());
            response.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, answer.readableBytes());
            ctx.writeAndFlush(response, ctx.voidPromise());
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // wrk resets its connections at the end of a run
        }
    }
}
