package io.sparkads.edge;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.sparkads.accounts.AccessTokens;
import io.sparkads.common.web.PlatformProblems;
import io.sparkads.delivery.PlatformAdRequests;
import io.sparkads.tracking.EventBatch;
import io.sparkads.tracking.PlatformEvents;
import java.io.OutputStream;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers one HTTP request of the lean listener: the route, the platform bearer token, the body
 * read and the answer written as JSON, or a problem detail as Spring MVC would give it.
 */
@ChannelHandler.Sharable
final class PlatformHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    static final String AD_REQUESTS = "/platform/v1/ad_requests";
    static final String EVENTS = "/platform/v1/events";

    private static final Logger log = LoggerFactory.getLogger(PlatformHandler.class);
    private static final JsonFactory JSON = new JsonFactory();
    private static final MediaType JSON_SUFFIXED = MediaType.parseMediaType("application/*+json");

    private final AccessTokens tokens;
    private final PlatformAdRequests adRequests;
    private final PlatformEvents events;
    private final AdRequestReader adRequestReader;
    private final JsonMapper mapper;

    PlatformHandler(
            AccessTokens tokens,
            PlatformAdRequests adRequests,
            PlatformEvents events,
            JsonMapper mapper) {
        this.tokens = tokens;
        this.adRequests = adRequests;
        this.events = events;
        this.adRequestReader = new AdRequestReader(mapper);
        this.mapper = mapper;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        String path = path(request.uri());
        if (!request.decoderResult().isSuccess()) {
            problem(
                    ctx,
                    PlatformProblems.of(
                            HttpStatus.BAD_REQUEST, "The request is not valid HTTP", path),
                    false);
            return;
        }
        if (!path.equals(AD_REQUESTS) && !path.equals(EVENTS)) {
            problem(
                    ctx,
                    PlatformProblems.of(
                            HttpStatus.NOT_FOUND,
                            "No endpoint at this address; this port serves POST "
                                    + AD_REQUESTS
                                    + " and POST "
                                    + EVENTS,
                            path),
                    keepAlive);
            return;
        }
        if (!HttpMethod.POST.equals(request.method())) {
            FullHttpResponse response =
                    problemResponse(
                            ctx,
                            PlatformProblems.of(
                                    HttpStatus.METHOD_NOT_ALLOWED,
                                    "Method '" + request.method().name() + "' is not supported.",
                                    path));
            response.headers().set(HttpHeaderNames.ALLOW, "POST");
            send(ctx, response, keepAlive);
            return;
        }
        try {
            tokens.requireBearer(
                    AccessTokens.Kind.PLATFORM,
                    request.headers().get(HttpHeaderNames.AUTHORIZATION));
            byte[] body = ByteBufUtil.getBytes(request.content());
            String type = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
            if (body.length == 0 && (type == null || isJson(type))) {
                problem(ctx, PlatformProblems.missingBody(path), keepAlive);
                return;
            }
            if (type == null || !isJson(type)) {
                problem(ctx, notJson(type, path), keepAlive);
                return;
            }
            if (path.equals(AD_REQUESTS)) {
                var answer = adRequests.answer(adRequestReader.read(body));
                ByteBuf content = ctx.alloc().buffer(1024);
                write(content, answer::writeTo);
                send(ctx, response(HttpResponseStatus.OK, "application/json", content), keepAlive);
            } else {
                var outcome = events.accept(mapper.readValue(body, EventBatch.class));
                ByteBuf content = ctx.alloc().buffer(128);
                mapper.writeValue(out(content), outcome);
                send(ctx, response(HttpResponseStatus.OK, "application/json", content), keepAlive);
            }
        } catch (RuntimeException failure) {
            problem(ctx, PlatformProblems.of(failure, path), keepAlive);
        }
    }

    /** What Spring MVC's JSON converter reads: {@code application/json} and {@code +json} types. */
    private static boolean isJson(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || type.isCompatibleWith(JSON_SUFFIXED);
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }

    /** As Spring MVC refuses it; a body without a type is taken for bytes, as there. */
    private static ProblemDetail notJson(String contentType, String path) {
        String shown = contentType == null ? "application/octet-stream" : contentType;
        try {
            shown = MediaType.parseMediaType(shown).toString();
        } catch (InvalidMediaTypeException unreadable) {
            // shown as sent
        }
        return PlatformProblems.of(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Content-Type '" + shown + "' is not supported.",
                path);
    }

    /** The client sent its last request and half-closed: close once its answers are written. */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof ChannelInputShutdownEvent) {
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    /** A failure outside any request's handling (a reset connection, …): the connection ends. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("Lean listener connection failed", cause);
        ctx.close();
    }

    /** Answered by the HTTP layer before any route: a body over the listener's limit. */
    static FullHttpResponse tooLarge(ChannelHandlerContext ctx, String uri, int maxBytes) {
        return problemResponse(
                ctx,
                PlatformProblems.of(
                        HttpStatus.CONTENT_TOO_LARGE,
                        "The request body is larger than "
                                + maxBytes
                                + " bytes; send fewer events per batch",
                        path(uri)));
    }

    private static void problem(
            ChannelHandlerContext ctx, ProblemDetail problem, boolean keepAlive) {
        send(ctx, problemResponse(ctx, problem), keepAlive);
    }

    private static FullHttpResponse problemResponse(
            ChannelHandlerContext ctx, ProblemDetail problem) {
        ByteBuf content = ctx.alloc().buffer(256);
        write(content, json -> PlatformProblems.write(problem, json));
        return response(
                HttpResponseStatus.valueOf(problem.getStatus()),
                "application/problem+json",
                content);
    }

    private static void write(ByteBuf content, Consumer<JsonGenerator> writer) {
        try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), out(content))) {
            writer.accept(json);
        }
    }

    private static OutputStream out(ByteBuf content) {
        return new ByteBufOutputStream(content);
    }

    private static FullHttpResponse response(
            HttpResponseStatus status, String contentType, ByteBuf content) {
        FullHttpResponse response =
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        return response;
    }

    private static void send(
            ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response, ctx.voidPromise());
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static String path(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }
}
