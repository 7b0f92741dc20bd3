package cn.onewindow.sdk;

import cn.onewindow.sdk.internal.HttpEngine;
import cn.onewindow.sdk.internal.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What every part of the client ({@link CasesApi}, {@link TasksApi}, {@link QueueApi}, …) does with the HTTP engine:
 * read a JSON array of models or one page of them, and send a write with the caller's idempotency key. Not API.
 */
abstract class ApiPart {
    final HttpEngine http;

    ApiPart(HttpEngine http) {
        this.http = http;
    }

    /** A GET answered by a JSON array, each element read by {@code read}, in the server's order. */
    final <T> List<T> getList(String path, Function<JsonObject, T> read) {
        List<T> out = new ArrayList<>();
        for (JsonObject o : http.get(path, null).objects()) out.add(read.apply(o));
        return out;
    }

    /** A GET of one page: its {@code items} read by {@code read}, and the cursor of the next page. */
    final <T> Page<T> getPage(String path, Map<String, ?> query, Function<JsonObject, T> read) {
        JsonObject o = http.get(path, query).object();
        List<T> items = new ArrayList<>();
        for (JsonObject item : o.objects("items")) items.add(read.apply(item));
        return new Page<>(items, o.string("nextCursor"));
    }

    /**
     * A write with the key of {@code options} ({@code null} or no key: one generated for this call, the same on
     * every retry of it).
     */
    final HttpEngine.Response write(String method, String path, String body, RequestOptions options) {
        return http.write(method, path, body, (options == null ? RequestOptions.none() : options).idempotencyKey());
    }

    final HttpEngine.Response write(WriteRequest w, RequestOptions options) {
        return write(w.method, w.path, w.body, options);
    }
}
