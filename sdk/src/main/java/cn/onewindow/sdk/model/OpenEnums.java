package cn.onewindow.sdk.model;

/** Reading enum values the server may extend later, and refusing to send {@code UNKNOWN}. */
final class OpenEnums {
    private OpenEnums() {
    }

    static <E extends Enum<E>> E of(Class<E> type, String value) {
        if (value == null) return null;
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return Enum.valueOf(type, "UNKNOWN");
        }
    }

    static String send(Enum<?> value) {
        if (value == null) return null;
        if ("UNKNOWN".equals(value.name())) {
            throw new IllegalArgumentException(value.getDeclaringClass().getSimpleName()
                    + ".UNKNOWN stands for a value this SDK does not know; it cannot be sent");
        }
        return value.name();
    }
}
