package io.sparkads.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of the TikTok-compatible Business API ({@code /open_api/v1.3}): it answers in
 * TikTok's envelope, also for errors, and is called with an {@code Access-Token} header.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface BusinessApi {
    String PREFIX = "/open_api/v1.3";
}
