package io.sparkads.campaigns;

import io.sparkads.common.Refusal;
import java.time.Instant;

/** When an ad group runs: from a start until stopped, or from a start to a later end. */
public record Schedule(ScheduleType type, Instant start, Instant end) {
    public Schedule {
        if (type == null || start == null) {
            throw Refusal.invalid("schedule_type and schedule_start_time are required");
        }
        if (type == ScheduleType.SCHEDULE_START_END) {
            if (end == null) {
                throw requiredTimes();
            }
            if (!end.isAfter(start)) {
                throw Refusal.invalid("schedule_end_time must be after schedule_start_time");
            }
        } else {
            end = null;
        }
    }

    /**
     * The schedule a request describes: a start/end schedule needs both times; one from now starts
     * {@code now} unless it names a start, and has no end.
     */
    public static Schedule of(ScheduleType type, Instant start, Instant end, Instant now) {
        if (type == ScheduleType.SCHEDULE_START_END && (start == null || end == null)) {
            throw requiredTimes();
        }
        return new Schedule(type, start == null ? now : start, end);
    }

    private static Refusal requiredTimes() {
        return Refusal.invalid(
                "schedule_start_time and schedule_end_time are required when schedule_type is SCHEDULE_START_END");
    }
}
