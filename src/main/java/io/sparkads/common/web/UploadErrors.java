package io.sparkads.common.web;

import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/** What to tell a caller whose multipart upload could not be read. */
final class UploadErrors {
    private UploadErrors() {}

    static String describe(MultipartException e) {
        if (e instanceof MaxUploadSizeExceededException) {
            return "The upload is larger than the server accepts";
        }
        return "The upload is not readable multipart/form-data: it needs a boundary in its"
                + " Content-Type and must end with the closing boundary (the stream may have been"
                + " cut short)";
    }
}
