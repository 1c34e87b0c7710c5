package io.sparkads.campaigns;

import io.sparkads.common.PageRequest;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One listing's filter over campaigns, ad groups or ads: its rows a page at a time, newest first,
 * and how many rows it holds, so a list and its count can never disagree.
 *
 * @param from the table the count reads, with the alias the where clause uses
 * @param where the where clause, with named parameters
 * @param params the values of those parameters
 */
record FilteredRows(JdbcClient jdbc, String from, String where, Map<String, ?> params) {

    /**
     * A page of the rows; {@code select} names the columns and tables (joins included), {@code
     * alias} is what the where clause calls the listed table ({@code ""} or {@code "a."}).
     */
    <T> List<T> page(String select, String alias, PageRequest page, RowMapper<T> rows) {
        return jdbc.sql(
                        select
                                + where
                                + " order by "
                                + alias
                                + "create_time desc, "
                                + alias
                                + "id desc limit :limit offset :offset")
                .params(params)
                .param("limit", page.pageSize())
                .param("offset", page.offset())
                .query(rows)
                .list();
    }

    long count() {
        return jdbc.sql("select count(*) from " + from + where)
                .params(params)
                .query(Long.class)
                .single();
    }
}
