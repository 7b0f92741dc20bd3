package cn.onewindow.sdk.model;

import java.time.YearMonth;
import java.util.Collections;
import java.util.List;

/** A service point's ledger (台帐) for one month: every errand submitted there, oldest first. Immutable. */
public final class Ledger {
    private final String servicePointId;
    private final YearMonth month;
    private final List<LedgerEntry> entries;

    /** Built by the SDK from the platform's answer. */
    public Ledger(String servicePointId, YearMonth month, List<LedgerEntry> entries) {
        this.servicePointId = servicePointId;
        this.month = month;
        this.entries = Collections.unmodifiableList(Lists.copy(entries));
    }

    /** @return the service point */
    public String servicePointId() { return servicePointId; }

    /** @return the month */
    public YearMonth month() { return month; }

    /** @return the errands, oldest first */
    public List<LedgerEntry> entries() { return entries; }

    @Override
    public String toString() {
        return "Ledger{servicePointId=" + servicePointId + ", month=" + month + ", entries=" + entries.size() + "}";
    }
}
