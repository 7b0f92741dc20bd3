package cn.onewindow.core.ports;

import cn.onewindow.core.cases.ServiceCase;

import java.time.Instant;
import java.util.List;

/** The cases of one service point submitted in a period, read from the by-service-point index (never a scan). */
public interface LedgerQuery {

    /** Oldest first. */
    List<ServiceCase.Snapshot> submittedAtPoint(String servicePointId, Instant from, Instant to);
}
