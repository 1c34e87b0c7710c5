package io.sparkads.common.web;

import io.sparkads.common.PageRequest;
import io.sparkads.common.Refusal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A sorted list's column, direction, page and page size as its address carries them ({@code
 * ?sort=name&dir=asc&page=2&size=50}). Each may be missing: the list is then sorted by its default
 * column, newest or largest first, on page one. A column the list does not sort by, a direction
 * other than {@code asc} or {@code desc}, or a word where a number belongs is refused with what to
 * write instead, so the page answers 400 and never guesses.
 */
public record SortedPage(String sort, String dir, String page, String size) {

    /** The sorted column, one of {@code columns}; {@code byDefault} when the address names none. */
    public <E extends Enum<E>> E column(Class<E> columns, E byDefault) {
        if (sort == null || sort.isBlank()) {
            return byDefault;
        }
        for (E column : columns.getEnumConstants()) {
            if (parameter(column).equalsIgnoreCase(sort.strip())) {
                return column;
            }
        }
        throw Refusal.invalid(
                "sort must be one of "
                        + Arrays.stream(columns.getEnumConstants())
                                .map(SortedPage::parameter)
                                .collect(Collectors.joining(", "))
                        + "; was '"
                        + sort.strip()
                        + "'");
    }

    /** Ascending unless {@code dir=desc}; without a {@code sort}, the default column descends. */
    public boolean ascending() {
        String direction = dir == null ? "" : dir.strip().toLowerCase(Locale.ROOT);
        if (!direction.isEmpty() && !direction.equals("asc") && !direction.equals("desc")) {
            throw Refusal.invalid("dir must be asc or desc; was '" + dir.strip() + "'");
        }
        if (sort == null || sort.isBlank()) {
            return direction.equals("asc");
        }
        return !direction.equals("desc");
    }

    /** How many rows a page shows: {@code byDefault} without {@code size}, else 1 to 100. */
    public int pageSize(int byDefault) {
        Long rows = number("size", size, "how many rows a page shows, 1 to 100");
        return rows == null ? byDefault : (int) Math.min(100, Math.max(1, rows));
    }

    public PageRequest request(int defaultSize) {
        Long number = number("page", page, "a page number from 1");
        return new PageRequest(
                number == null ? 1 : (int) Math.min(100_000, Math.max(1, number)),
                pageSize(defaultSize));
    }

    /**
     * Where the list is: on {@code path}, with its {@code filters}, sorted by {@code column} (of
     * {@code byDefault} when none is asked for) on this page, its size kept when not the default.
     */
    public <E extends Enum<E>> ListAddress address(
            String path, Map<String, String> filters, E byDefault, int defaultSize) {
        Map<String, String> kept = new LinkedHashMap<>(filters);
        int rows = pageSize(defaultSize);
        kept.put("size", rows == defaultSize ? null : String.valueOf(rows));
        @SuppressWarnings("unchecked")
        E column = column((Class<E>) byDefault.getDeclaringClass(), byDefault);
        return new ListAddress(
                path,
                kept,
                parameter(column),
                ascending(),
                request(defaultSize).page(),
                parameter(byDefault));
    }

    /** A column's value in the address, e.g. {@code name} for {@code NAME}. */
    public static String parameter(Enum<?> column) {
        return column.name().toLowerCase(Locale.ROOT);
    }

    /** A whole number the address carries, or null without one; a word is refused. */
    public static Long number(String name, String value, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw Refusal.invalid(name + " must be " + what + "; was '" + value.strip() + "'");
        }
    }
}
