package io.sparkads.common.web;

import io.sparkads.common.Refusal;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;

/**
 * The problem details (RFC 9457) of the platform API for a listener outside Spring MVC (the lean
 * listener, module {@code edge}): the same statuses and sentences {@link ProblemErrors} and {@link
 * ProblemDetailLimits} give the servlet stack, so a client sees one contract on either port.
 */
public final class PlatformProblems {
    private static final Logger log = LoggerFactory.getLogger(PlatformProblems.class);

    private PlatformProblems() {}

    /** What the failure of a request at {@code path} answers; a 500 only for our own faults. */
    public static ProblemDetail of(Throwable failure, String path) {
        ProblemDetail problem;
        if (failure instanceof Refusal refusal) {
            problem = refusal(refusal);
        } else if (failure instanceof ErrorResponse error) {
            problem = error.getBody();
        } else if (failure instanceof JacksonException unreadable) {
            problem =
                    ProblemDetail.forStatusAndDetail(
                            HttpStatus.BAD_REQUEST, RequestBodyErrors.describe(unreadable));
        } else {
            problem = unexpected(failure);
        }
        return limited(problem, path);
    }

    /** An answer of the listener itself (no body, a body too large, no such path or method). */
    public static ProblemDetail of(HttpStatus status, String detail, String path) {
        return limited(ProblemDetail.forStatusAndDetail(status, detail), path);
    }

    /** The answer to a request that sent no body at all, as Spring MVC words it. */
    public static ProblemDetail missingBody(String path) {
        return of(HttpStatus.BAD_REQUEST, RequestBodyErrors.MISSING, path);
    }

    /** As Spring MVC writes a problem detail (its Jackson mix-in leaves out empty members). */
    public static void write(ProblemDetail problem, JsonGenerator json) {
        json.writeStartObject();
        if (problem.getType() != null) {
            json.writeStringProperty("type", problem.getType().toString());
        }
        if (problem.getTitle() != null) {
            json.writeStringProperty("title", problem.getTitle());
        }
        json.writeNumberProperty("status", problem.getStatus());
        if (problem.getDetail() != null) {
            json.writeStringProperty("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            json.writeStringProperty("instance", problem.getInstance().toString());
        }
        json.writeEndObject();
    }

    static ProblemDetail refusal(Refusal e) {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.valueOf(e.kind().httpStatus()), ClientMessages.clean(e.getMessage()));
    }

    static ProblemDetail unexpected(Throwable e) {
        var refused = ClientMessages.storageRefusal(e);
        if (refused.isPresent()) {
            log.warn("Request refused by the database: {}", e.getMessage());
            return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, refused.get());
        }
        log.error("Request failed", e);
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error; the request was not carried out");
    }

    private static ProblemDetail limited(ProblemDetail problem, String path) {
        if (problem.getDetail() != null) {
            problem.setDetail(ClientMessages.clean(problem.getDetail()));
        }
        if (problem.getInstance() == null && path.length() <= ProblemDetailLimits.MAX_INSTANCE) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException notAnAddress) {
                // a path no URI can hold is not echoed back
            }
        }
        return problem;
    }
}
