package io.sparkads.campaigns;

import io.sparkads.common.PageRequest;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One listing's filter over campaigns, ad groups or ads: its rows a page at a time, sorted, and how
 * many rows it holds, so a list and its count can never disagree.
 *
 * @param from the table the count reads, with the alias the where clause uses
 * @param where the where clause, with named parameters
 * @param params the values of those parameters
 */
record FilteredRows(JdbcClient jdbc, String from, String where, Map<String, ?> params) {

    /**
     * A page of the rows, newest first; {@code select} names the columns and tables (joins
     * included), {@code alias} is what the where clause calls the listed table ({@code ""} or
     * {@code "a."}).
     */
    <T> List<T> page(String select, String alias, PageRequest page, RowMapper<T> rows) {
        return sorted(select, alias, alias + "create_time", false, page, rows);
    }

    /** A page of the rows sorted by {@code column} (SQL), ties in the same direction by id. */
    <T> List<T> sorted(
            String select,
            String alias,
            String column,
            boolean ascending,
            PageRequest page,
            RowMapper<T> rows) {
        return jdbc.sql(
                        select
                                + where
                                + orderBy(column, ascending, alias + "id")
                                + " limit :limit offset :offset")
                .params(params)
                .param("limit", page.pageSize())
                .param("offset", page.offset())
                .query(rows)
                .list();
    }

    /**
     * The order by clause of a list sorted by {@code column} (SQL from a fixed list, never from the
     * request), ties broken by {@code id} in the same direction so pages never overlap; empty
     * values come last either way.
     */
    static String orderBy(String column, boolean ascending, String id) {
        String direction = ascending ? " asc" : " desc";
        return " order by " + column + direction + " nulls last, " + id + direction;
    }

    long count() {
        return jdbc.sql("select count(*) from " + from + where)
                .params(params)
                .query(Long.class)
                .single();
    }
}
