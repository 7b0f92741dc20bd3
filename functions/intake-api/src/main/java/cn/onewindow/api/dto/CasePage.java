package cn.onewindow.api.dto;

import java.util.List;

/** A page of cases; pass {@code nextCursor} as {@code cursor} to get the next one (null on the last page). */
public record CasePage(List<CaseView> items, String nextCursor) {
}
