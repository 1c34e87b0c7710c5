package io.sparkads.campaigns;

/** TikTok's {@code schedule_type}: run from a start until stopped, or between two times. */
public enum ScheduleType {
    SCHEDULE_START_END,
    SCHEDULE_FROM_NOW;

    /** The type a request names; from now when it names none. */
    public static ScheduleType of(String value) {
        return Check.oneOf("schedule_type", value, ScheduleType.class, SCHEDULE_FROM_NOW);
    }
}
