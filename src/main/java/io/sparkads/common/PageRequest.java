package io.sparkads.common;

/** A page asked for by a client: {@code page} from 1, {@code pageSize} from 1 to 1000. */
public record PageRequest(int page, int pageSize) {
    public static final int MAX_PAGE_SIZE = 1000;

    public PageRequest {
        if (page < 1) {
            throw Refusal.invalid("page must be 1 or more, was " + page);
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw Refusal.invalid(
                    "page_size must be between 1 and " + MAX_PAGE_SIZE + ", was " + pageSize);
        }
    }

    public long offset() {
        return (long) (page - 1) * pageSize;
    }
}
