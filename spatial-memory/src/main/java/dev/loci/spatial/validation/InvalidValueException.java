package dev.loci.spatial.validation;

/**
 * Bad input: names the field and the value that was refused, so a caller (or a ROS error reply, or a
 * rejection counter keyed by field) can say exactly what was wrong without parsing the message.
 */
public final class InvalidValueException extends IllegalArgumentException {
    private final String field;
    private final String value;

    public InvalidValueException(String field, Object value, String problem) {
        super(field + " " + problem + ": " + render(value));
        this.field = field;
        this.value = render(value);
    }

    public String field() {
        return field;
    }

    public String value() {
        return value;
    }

    private static String render(Object value) {
        String text = String.valueOf(value);
        // Keep error messages bounded even when the bad value is a megabyte of garbage.
        return text.length() > 80 ? text.substring(0, 77) + "...(" + text.length() + " chars)" : text;
    }
}
