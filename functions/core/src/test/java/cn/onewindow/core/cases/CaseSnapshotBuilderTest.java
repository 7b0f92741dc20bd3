package cn.onewindow.core.cases;

import cn.onewindow.core.catalog.HandlingMode;
import cn.onewindow.core.identity.Actor;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * A copy of a case's snapshot carries every field over (a field dropped or swapped in the copy would silently
 * change a case at its next transition); the version and the recent facts are the only things the store changes.
 */
class CaseSnapshotBuilderTest {
    private static final Instant T0 = Instant.parse("2025-04-25T02:00:00Z");

    private static Instant t(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    /** Every field set, each to a value no other field has. */
    private static ServiceCase.Snapshot full(int suspensions, int notices) {
        Actor actor = Actor.system("tester");
        List<Suspension> s = IntStream.range(0, suspensions)
                .mapToObj(i -> new Suspension(Suspension.Kind.HEARING, "s" + i, t(100 + i), t(200 + i))).toList();
        List<Notice> n = IntStream.range(0, notices)
                .mapToObj(i -> new Notice(NoticeType.PROMISE, List.of("m" + i), "n" + i, t(300 + i))).toList();
        return new ServiceCase.Snapshot("id", "item", 3, "itemName", HandlingMode.JOINT, "dept", "region",
                CaseStatus.IN_REVIEW, Channel.VILLAGE_AGENT,
                new Applicant("张三", null, IdType.RESIDENT_ID, "11010519491231002X", "13812345678"), "center",
                "point", "agent", List.of(new SubmittedMaterial("M01", 2)), List.of("M02"), List.of("M03"), t(1),
                t(2), t(3), true, 4, 5, 6, s, 7, "extensionReason",
                new Decision(Decision.Outcome.APPROVE, List.of("ok"), t(4), actor), "result", t(5), t(6),
                "deliveredTo", "confirmation", t(7), n.isEmpty() ? null : n.get(n.size() - 1), n, List.of("zrzy"),
                t(8), t(9), t(10), t(11), 12L, 13L, 14,
                new Consent(Consent.Method.WRITTEN_AUTHORIZATION, "ref", t(12)), "pickupHash", "SIGNATURE", 15,
                "queryHash", "ticket", "A001");
    }

    @Test
    void aCopyWithNothingChangedIsTheSameSnapshot() {
        ServiceCase.Snapshot s = full(2, 2);
        assertEquals(s, new CaseSnapshotBuilder(s).build());
    }

    @Test
    void anotherVersionChangesTheVersionOnly() {
        ServiceCase.Snapshot s = full(2, 2);
        ServiceCase.Snapshot v = s.withVersion(99);
        assertEquals(99, v.version());
        assertNotEquals(s, v);
        assertEquals(s, v.withVersion(13));
    }

    @Test
    void theRecordKeepsTheTenMostRecentSuspensionsAndNoticesAndEverythingElse() {
        ServiceCase.Snapshot s = full(12, 13);
        ServiceCase.Snapshot r = s.recentFactsOnly();
        assertEquals(s.suspensions().subList(2, 12), r.suspensions());
        assertEquals(s.notices().subList(3, 13), r.notices());
        assertEquals(s.notice(), r.notice());
        assertEquals(s, new CaseSnapshotBuilder(r).facts(s.suspensions(), s.notices()).build());
        ServiceCase.Snapshot few = full(10, 10);
        assertSame(few, few.recentFactsOnly());
    }
}
