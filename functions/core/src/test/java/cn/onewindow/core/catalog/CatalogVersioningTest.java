package cn.onewindow.core.catalog;

import cn.onewindow.core.common.DomainException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static cn.onewindow.core.testing.TestItems.material;
import static cn.onewindow.core.testing.TestItems.promised;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogVersioningTest {
    private static final Instant T1 = Instant.parse("2025-01-02T01:00:00Z");
    private static final Instant T2 = Instant.parse("2025-03-01T01:00:00Z");
    private static final Instant T3 = Instant.parse("2025-06-01T01:00:00Z");

    @Test
    void aNewItemBecomesVersionOneAdded() {
        ServiceItem proposed = promised().version(7).changeType(ChangeType.CHANGED).versionedAt(null).build();
        ServiceItem v1 = CatalogVersioning.nextVersion(null, proposed, null, T1);
        assertEquals(1, v1.version());
        assertEquals(ChangeType.ADDED, v1.changeType());
        assertEquals(T1, v1.versionedAt());
        assertTrue(v1.sameContentAs(proposed));
    }

    @Test
    void cancellingAnItemThatDoesNotExistIsNotFound() {
        DomainException e = assertThrows(DomainException.class, () -> CatalogVersioning.nextVersion(null,
                promised().status(ItemStatus.CANCELLED).build(), ChangeType.CANCELLED, T1));
        assertEquals("ITEM_NOT_FOUND", e.code());
        assertEquals(DomainException.Kind.NOT_FOUND, e.kind());
    }

    @Test
    void identicalContentKeepsTheCurrentVersion() {
        ServiceItem v1 = CatalogVersioning.nextVersion(null, promised().build(), null, T1);
        // the proposal carries another version number, change type and time: only content counts
        ServiceItem again = promised().version(5).changeType(ChangeType.CHANGED).versionedAt(T2).build();
        assertSame(v1, CatalogVersioning.nextVersion(v1, again, null, T2));
        assertSame(v1, CatalogVersioning.nextVersion(v1, again, ChangeType.CHANGED, T2));
    }

    @Test
    void changedContentMakesTheNextVersion() {
        ServiceItem v1 = CatalogVersioning.nextVersion(null, promised().build(), null, T1);
        ServiceItem v2 = CatalogVersioning.nextVersion(v1, promised().promised(10).build(), null, T2);
        assertEquals(2, v2.version());
        assertEquals(ChangeType.CHANGED, v2.changeType());
        assertEquals(T2, v2.versionedAt());
        assertEquals(10, v2.promisedDays());

        ServiceItem v3 = CatalogVersioning.nextVersion(v2, promised().promised(10)
                .materials(material("M01", "建设用地申请表", 1, true, false)).build(), null, T3);
        assertEquals(3, v3.version());
        assertEquals(1, v3.materials().size());
        // the earlier versions are unchanged values
        assertEquals(12, v1.promisedDays());
        assertEquals(1, v1.version());
    }

    @Test
    void delegatingMakesANewVersionEvenWithTheSameContent() {
        ServiceItem v1 = CatalogVersioning.nextVersion(null, promised().build(), null, T1);
        ServiceItem v2 = CatalogVersioning.nextVersion(v1, promised().build(), ChangeType.DELEGATED, T2);
        assertEquals(2, v2.version());
        assertEquals(ChangeType.DELEGATED, v2.changeType());
        assertTrue(v2.sameContentAs(v1));

        ServiceItem v3 = CatalogVersioning.nextVersion(v2, promised().region("330200").build(),
                ChangeType.DELEGATED, T3);
        assertEquals(3, v3.version());
        assertEquals(ChangeType.DELEGATED, v3.changeType());
        assertEquals("330200", v3.regionCode());
    }

    @Test
    void cancellingMakesACancelledVersionOnce() {
        ServiceItem v1 = CatalogVersioning.nextVersion(null, promised().build(), null, T1);
        ServiceItem v2 = CatalogVersioning.nextVersion(v1, promised().status(ItemStatus.CANCELLED).build(), null, T2);
        assertEquals(2, v2.version());
        assertEquals(ChangeType.CANCELLED, v2.changeType());
        assertEquals(ItemStatus.CANCELLED, v2.status());

        ServiceItem explicit = CatalogVersioning.nextVersion(v1, promised().status(ItemStatus.CANCELLED).build(),
                ChangeType.CANCELLED, T2);
        assertEquals(ChangeType.CANCELLED, explicit.changeType());

        // cancelling what is already cancelled, even with other content, makes no further version
        assertSame(v2, CatalogVersioning.nextVersion(v2, promised().status(ItemStatus.CANCELLED).name("改名").build(),
                ChangeType.CANCELLED, T3));
    }
}
