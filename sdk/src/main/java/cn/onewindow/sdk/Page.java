package cn.onewindow.sdk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One page of a listing.
 *
 * @param <T> the element type
 */
public final class Page<T> {
    private final List<T> items;
    private final String nextCursor;

    /**
     * @param items the elements of this page
     * @param nextCursor cursor of the next page, {@code null} on the last one
     */
    public Page(List<T> items, String nextCursor) {
        this.items = Collections.unmodifiableList(new ArrayList<>(items));
        this.nextCursor = nextCursor;
    }

    /** @return the elements of this page */
    public List<T> items() {
        return items;
    }

    /** @return the cursor of the next page, {@code null} on the last one */
    public String nextCursor() {
        return nextCursor;
    }

    /** @return whether another page follows */
    public boolean hasNext() {
        return nextCursor != null;
    }

    @Override
    public String toString() {
        return "Page{" + items.size() + " item(s), nextCursor=" + nextCursor + '}';
    }
}
