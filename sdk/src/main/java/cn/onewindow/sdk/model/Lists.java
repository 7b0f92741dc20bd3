package cn.onewindow.sdk.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Lists for the models: immutable copies, and the builders' varargs setters. */
final class Lists {
    private Lists() {
    }

    static <T> List<T> copy(List<T> values) {
        if (values == null || values.isEmpty()) return Collections.emptyList();
        return Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** A builder's varargs as a list ({@code null} stays {@code null}). */
    static <T> List<T> of(T[] values) {
        return values == null ? null : Arrays.asList(values);
    }
}
