package io.sparkads.common.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where a list page is now: its path, its filters, the column it is sorted by and the page. Its
 * links keep all of it, so sorting keeps the filters and the pager keeps filters and sort: {@code
 * th:href="${address.sortedBy('name')}"}, {@code ${address.page(2)}}. A sort starts on page one; a
 * column clicked again turns its direction.
 *
 * @param filters the list's filter parameters by name, in the order the links write them; empty
 *     values are left out
 * @param sort the sorted column's parameter, e.g. {@code name}
 * @param ascending the direction of that column
 * @param defaultSort the column the list is sorted by without a {@code sort} parameter
 */
public record ListAddress(
        String path,
        Map<String, String> filters,
        String sort,
        boolean ascending,
        int page,
        String defaultSort) {

    public ListAddress {
        filters = new LinkedHashMap<>(filters);
        filters.values().removeIf(value -> value == null || value.isBlank());
    }

    /** The link of a column's heading: sorted by it, ascending first, or turned if it is sorted. */
    public String sortedBy(String column) {
        boolean up = !column.equals(sort) || !ascending;
        return link(column, up, 1);
    }

    /** The link of another page of the same list. */
    public String page(int number) {
        return link(sort, ascending, Math.max(1, number));
    }

    /** This address again, e.g. to come back to after a change. */
    public String here() {
        return page(page);
    }

    /** The same list's parameters on another path, e.g. a form's action that comes back here. */
    public String on(String otherPath) {
        return path(otherPath, sort, ascending, page);
    }

    /** The arrow beside a column's heading: ▲ or ▼ on the sorted one, nothing elsewhere. */
    public String arrow(String column) {
        return column.equals(sort) ? (ascending ? "▲" : "▼") : "";
    }

    /** The heading's {@code aria-sort}. */
    public String ariaSort(String column) {
        return column.equals(sort) ? (ascending ? "ascending" : "descending") : "none";
    }

    public String filter(String name) {
        return filters.getOrDefault(name, "");
    }

    private String link(String column, boolean up, int number) {
        return path(path, column, up, number);
    }

    private String path(String to, String column, boolean up, int number) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(to);
        filters.forEach(uri::queryParam);
        if (!column.equals(defaultSort) || up) {
            uri.queryParam("sort", column).queryParam("dir", up ? "asc" : "desc");
        }
        if (number > 1) {
            uri.queryParam("page", number);
        }
        return uri.build().encode().toUriString();
    }
}
