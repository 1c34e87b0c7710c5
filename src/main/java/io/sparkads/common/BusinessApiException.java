package io.sparkads.common;

/** An error of the Business API, answered in TikTok's envelope with one of TikTok's codes. */
public class BusinessApiException extends RuntimeException {
    public static final int AUTH = 40001;
    public static final int PARAMETER = 40002;
    public static final int TOO_MANY_REQUESTS = 40100;
    public static final int AD_QUOTA_REACHED = 40502;
    public static final int SERVER = 50000;

    private final int code;

    public BusinessApiException(int code, String message) {
        super(message);
        this.code = code;
    }

    public static BusinessApiException parameter(String message) {
        return new BusinessApiException(PARAMETER, message);
    }

    public static BusinessApiException auth(String message) {
        return new BusinessApiException(AUTH, message);
    }

    public int code() {
        return code;
    }
}
