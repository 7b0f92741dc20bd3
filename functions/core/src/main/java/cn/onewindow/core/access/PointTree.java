package cn.onewindow.core.access;

import java.util.List;

/**
 * Where a service point sits in the tree (county center → township center → village point). A point's place never
 * changes once created, so an answer may be cached for the life of a function.
 */
public interface PointTree {

    /** A tree that knows no points: every point is its own root. */
    PointTree FLAT = pointId -> pointId == null ? List.of() : List.of(pointId);

    /** The point's ancestors and itself, root first; an unknown point is its own root. */
    List<String> pathOf(String pointId);

    /** True when {@code pointId} is {@code ancestorId} or lies below it. */
    default boolean within(String pointId, String ancestorId) {
        return pointId != null && ancestorId != null && pathOf(pointId).contains(ancestorId);
    }
}
