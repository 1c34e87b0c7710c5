package io.sparkads.common.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Controller;

/**
 * Marks a controller of the web UI: it renders Thymeleaf pages for people signed in with a session.
 * Its errors are pages in the layout ({@link WebPageErrors}), never the problem details or the
 * TikTok envelope of the machine APIs, which are scoped to their own controllers.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface WebPage {}
