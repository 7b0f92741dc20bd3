package cn.onewindow.memory;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** An instant as a fixed-width UTC string, so that string order is time order (as the DynamoDB sort keys). */
final class Sortable {
    private static final DateTimeFormatter SORTABLE = DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Sortable() {
    }

    static String of(Instant at) {
        return SORTABLE.format(at);
    }
}
