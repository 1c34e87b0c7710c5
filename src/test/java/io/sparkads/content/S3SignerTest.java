package io.sparkads.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Against the worked examples of Signature Version 4 in Amazon S3's API reference. */
class S3SignerTest {
    private static final S3Signer EXAMPLE =
            new S3Signer(
                    "AKIAIOSFODNN7EXAMPLE",
                    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                    "us-east-1");
    private static final Instant MAY_24_2013 = Instant.parse("2013-05-24T00:00:00Z");

    @Test
    void aRangedGetIsSignedAsTheReferenceExample() {
        Map<String, String> headers =
                EXAMPLE.sign(
                        "GET",
                        URI.create("https://examplebucket.s3.amazonaws.com/test.txt"),
                        Map.of("range", "bytes=0-9"),
                        S3Signer.EMPTY_SHA256,
                        MAY_24_2013);

        assertThat(headers.get("Authorization"))
                .isEqualTo(
                        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                                + " SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                                + " Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
        assertThat(headers)
                .containsEntry("x-amz-date", "20130524T000000Z")
                .containsEntry("x-amz-content-sha256", S3Signer.EMPTY_SHA256)
                .containsEntry("range", "bytes=0-9");
    }

    @Test
    void aQueryIsSortedAndEncodedAsTheReferenceExample() {
        Map<String, String> headers =
                EXAMPLE.sign(
                        "GET",
                        URI.create("https://examplebucket.s3.amazonaws.com/?max-keys=2&prefix=J"),
                        Map.of(),
                        S3Signer.EMPTY_SHA256,
                        MAY_24_2013);

        assertThat(headers.get("Authorization"))
                .endsWith(
                        "Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
    }

    @Test
    void theSignatureCoversThePortTheClientSendsInTheHostHeader() {
        URI withPort = URI.create("http://localhost:9000/media/1.mp4");
        URI withoutPort = URI.create("http://localhost/media/1.mp4");

        String a =
                EXAMPLE.sign("GET", withPort, Map.of(), S3Signer.EMPTY_SHA256, MAY_24_2013)
                        .get("Authorization");
        String b =
                EXAMPLE.sign("GET", withoutPort, Map.of(), S3Signer.EMPTY_SHA256, MAY_24_2013)
                        .get("Authorization");

        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void pathSegmentsAreEncodedAsRfc3986Unreserved() {
        assertThat(S3Signer.encode("a b$c~d.e_f-g/h")).isEqualTo("a%20b%24c~d.e_f-g%2Fh");
    }
}
