package dev.loci.spatial.validation;

import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/** Constructor checks shared by the value types; each throws {@link InvalidValueException}. */
public final class Require {
    /** Longest label (class names, sensor names, skills) anywhere in memory. */
    public static final int MAX_LABEL_CHARS = 64;
    /** Longest free text (attribute values, descriptions). */
    public static final int MAX_TEXT_CHARS = 1024;
    /** Most attributes on one observation, event or object. */
    public static final int MAX_ATTRIBUTES = 16;

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private Require() {
    }

    public static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidValueException(field, value, "must be finite");
        }
        return value;
    }

    public static double nonNegative(String field, double value) {
        finite(field, value);
        if (value < 0) {
            throw new InvalidValueException(field, value, "must not be negative");
        }
        return value;
    }

    public static double positive(String field, double value) {
        finite(field, value);
        if (value <= 0) {
            throw new InvalidValueException(field, value, "must be positive");
        }
        return value;
    }

    public static double inRange(String field, double value, double min, double max) {
        finite(field, value);
        if (value < min || value > max) {
            throw new InvalidValueException(field, value, "must be in [" + min + ", " + max + "]");
        }
        return value;
    }

    public static long nonNegative(String field, long value) {
        if (value < 0) {
            throw new InvalidValueException(field, value, "must not be negative");
        }
        return value;
    }

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidValueException(field, null, "is required");
        }
        return value;
    }

    /** Non-blank printable text of at most {@code maxChars}. */
    public static String text(String field, String value, int maxChars) {
        present(field, value);
        if (value.isBlank()) {
            throw new InvalidValueException(field, "\"" + value + "\"", "must not be empty");
        }
        if (value.length() > maxChars) {
            throw new InvalidValueException(field, value, "is longer than " + maxChars + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new InvalidValueException(field, value, "contains a control character at index " + i);
            }
        }
        return value;
    }

    /** A label such as a class name: non-empty printable text of at most {@link #MAX_LABEL_CHARS}. */
    public static String label(String field, String value) {
        return text(field, value, MAX_LABEL_CHARS);
    }

    /** A ROS-style name token: letter first, then letters, digits and underscores. */
    public static String name(String field, String value) {
        label(field, value);
        if (!isName(value)) {
            throw new InvalidValueException(field, value, "must match " + NAME.pattern());
        }
        return value;
    }

    /** The {@link #NAME} pattern without a regex engine: names are checked on every decoded record. */
    private static boolean isName(String value) {
        char first = value.charAt(0);
        if (!(first >= 'A' && first <= 'Z' || first >= 'a' && first <= 'z')) {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    public static <C extends Collection<?>> C atMost(String field, C values, int max) {
        present(field, values);
        if (values.size() > max) {
            throw new InvalidValueException(field, values.size() + " entries", "has more than " + max + " entries");
        }
        return values;
    }

    /** Attributes: at most {@link #MAX_ATTRIBUTES}, label keys and text values. */
    public static void attributes(String field, Map<String, String> attributes) {
        present(field, attributes);
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw new InvalidValueException(field, attributes.size() + " entries",
                    "has more than " + MAX_ATTRIBUTES + " entries");
        }
        attributes.forEach((key, value) -> {
            label(field + " key", key);
            present(field + "[" + key + "]", value);
            if (value.length() > MAX_TEXT_CHARS) {
                throw new InvalidValueException(field + "[" + key + "]", value,
                        "is longer than " + MAX_TEXT_CHARS + " characters");
            }
        });
    }
}
