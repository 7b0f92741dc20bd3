package cn.onewindow.sdk.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Immutable copies of lists for the models. */
final class Lists {
    private Lists() {
    }

    static <T> List<T> copy(List<T> values) {
        if (values == null || values.isEmpty()) return Collections.emptyList();
        return Collections.unmodifiableList(new ArrayList<>(values));
    }
}
