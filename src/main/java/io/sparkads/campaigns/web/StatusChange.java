package io.sparkads.campaigns.web;

import io.sparkads.campaigns.OperationStatus;

/** What a bulk enable, disable or delete says once done: "2 campaigns disabled". */
final class StatusChange {
    private StatusChange() {}

    static String done(int count, String noun, OperationStatus status) {
        String verb =
                switch (status) {
                    case ENABLE -> "enabled";
                    case DISABLE -> "disabled";
                    case DELETE -> "deleted";
                };
        return count + " " + noun + (count == 1 ? "" : "s") + " " + verb;
    }
}
