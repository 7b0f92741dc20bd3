package cn.onewindow.memory;

import cn.onewindow.core.common.DomainException;
import cn.onewindow.core.common.FieldError;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque paging cursors: the listing's scope and the last key of the page, so that a cursor of one listing is
 * refused by another with the same {@code INVALID_CURSOR} validation error as the DynamoDB adapters give.
 */
final class Cursors {
    private static final String SEPARATOR = "\n";

    private Cursors() {
    }

    static String encode(String scope, String lastKey) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((scope + SEPARATOR + lastKey).getBytes(StandardCharsets.UTF_8));
    }

    /** The last key of the previous page, or null for the first page. */
    static String decode(String cursor, String scope) {
        if (cursor == null || cursor.isBlank()) return null;
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int i = plain.indexOf(SEPARATOR);
            if (i < 0 || !scope.equals(plain.substring(0, i))) throw new IllegalArgumentException("scope");
            return plain.substring(i + 1);
        } catch (IllegalArgumentException e) {
            throw DomainException.validation(List.of(FieldError.of("cursor", "INVALID_CURSOR",
                    "分页游标无效或不属于本次查询", "the cursor is invalid or belongs to another listing")));
        }
    }
}
