package cn.onewindow.core.cases;

import java.time.Instant;
import java.util.List;

/**
 * A notice issued to the applicant.
 *
 * @param missing material codes the notice is about (missing, or tolerable still outstanding)
 * @param text    the notice in Chinese, as printed at the window
 */
public record Notice(NoticeType type, List<String> missing, String text, Instant issuedAt) {
    public Notice {
        missing = missing == null ? List.of() : List.copyOf(missing);
    }
}
