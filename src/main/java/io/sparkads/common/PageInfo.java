package io.sparkads.common;

/** TikTok's paging block; {@code page} counts from 1. */
public record PageInfo(int page, int pageSize, long totalNumber, int totalPage) {

    public static PageInfo of(PageRequest request, long total) {
        return new PageInfo(
                request.page(),
                request.pageSize(),
                total,
                (int) ((total + request.pageSize() - 1) / request.pageSize()));
    }
}
