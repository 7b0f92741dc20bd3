package cn.onewindow.sdk;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A listing over cursor pages, fetched lazily: the first page when iteration starts, each further page when the
 * previous one is used up. Every iteration starts again from the first page. Stop early (break out of the loop,
 * {@code limit} the stream) and no further pages are fetched.
 *
 * <pre>{@code
 * for (Task t : client.tasks().pending("fgw")) { ... }
 * client.cases().list(query).stream().limit(50).forEach(...);
 * }</pre>
 *
 * @param <T> the element type
 */
public final class Paged<T> implements Iterable<T> {

    /**
     * Fetches one page.
     *
     * @param <T> the element type
     */
    public interface Fetcher<T> {
        /**
         * @param cursor {@code null} for the first page
         * @return the page
         */
        Page<T> fetch(String cursor);
    }

    private final Fetcher<T> fetcher;

    /** @param fetcher fetches one page for a cursor */
    public Paged(Fetcher<T> fetcher) {
        this.fetcher = fetcher;
    }

    /** @return the first page only */
    public Page<T> firstPage() {
        return fetcher.fetch(null);
    }

    /** @return the pages, fetched lazily */
    public Iterable<Page<T>> pages() {
        return () -> new Iterator<Page<T>>() {
            private Page<T> last;
            private boolean started;

            @Override
            public boolean hasNext() {
                return !started || last.hasNext();
            }

            @Override
            public Page<T> next() {
                if (!hasNext()) throw new NoSuchElementException();
                last = fetcher.fetch(started ? last.nextCursor() : null);
                started = true;
                return last;
            }
        };
    }

    @Override
    public Iterator<T> iterator() {
        Iterator<Page<T>> pages = pages().iterator();
        return new Iterator<T>() {
            private Iterator<T> current = java.util.Collections.<T>emptyList().iterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    if (!pages.hasNext()) return false;
                    current = pages.next().items().iterator();
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) throw new NoSuchElementException();
                return current.next();
            }
        };
    }

    /** @return the elements as a sequential stream, fetched lazily */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }
}
