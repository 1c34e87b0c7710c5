package io.sparkads.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** What the lean listener answers before any bean is asked: the route, the method, the size. */
class PlatformHandlerTest {
    private final EmbeddedChannel channel =
            new EmbeddedChannel(
                    new HttpServerCodec(),
                    new LeanListener.BodyLimit(),
                    new PlatformHandler(null, null, null, JsonMapper.builder().build()));

    private String exchange(String request) {
        channel.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.ISO_8859_1));
        StringBuilder answer = new StringBuilder();
        for (ByteBuf out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
            answer.append(out.toString(StandardCharsets.UTF_8));
            out.release();
        }
        return answer.toString();
    }

    @Test
    void anUnknownPathIsAProblemDetail() {
        String answer =
                exchange("POST /platform/v1/accounts HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}");

        assertThat(answer)
                .startsWith("HTTP/1.1 404 Not Found")
                .contains("content-type: application/problem+json")
                .contains("\"status\":404")
                .contains("\"instance\":\"/platform/v1/accounts\"")
                .contains("POST /platform/v1/ad_requests and POST /platform/v1/events");
    }

    @Test
    void aWrongMethodNamesTheOneAllowed() {
        String answer = exchange("GET /platform/v1/events?x=1 HTTP/1.1\r\n\r\n");

        assertThat(answer)
                .startsWith("HTTP/1.1 405 Method Not Allowed")
                .contains("allow: POST")
                .contains("\"detail\":\"Method 'GET' is not supported.\"");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWithoutReadingIt() {
        String answer =
                exchange(
                        "POST /platform/v1/events HTTP/1.1\r\nContent-Length: "
                                + (LeanListener.MAX_BODY_BYTES + 1)
                                + "\r\n\r\n{");

        assertThat(answer)
                .startsWith("HTTP/1.1 413 ")
                .contains("\"status\":413")
                .contains("larger than " + LeanListener.MAX_BODY_BYTES + " bytes");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void garbageInsteadOfHttpIsABadRequest() {
        String answer = exchange("\u0001\u0002 not http at all\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400 Bad Request").contains("\"status\":400");
    }
}
