package io.sparkads.content;

/** Keys of stored media are plain file names the server chose, never a path from outside. */
final class StoreKeys {
    private StoreKeys() {}

    static String check(String key) {
        if (key == null || !key.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,200}") || key.contains("..")) {
            throw new IllegalArgumentException("not a media key: " + key);
        }
        return key;
    }
}
