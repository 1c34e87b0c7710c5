package io.sparkads.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The text fields of a request record so marked reach it as sent, NUL characters included, instead
 * of failing the whole request body: the record's owner checks them one item at a time, so that one
 * bad item (an event in a batch) is rejected by index and the others are kept.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AcceptsAnyText {}
