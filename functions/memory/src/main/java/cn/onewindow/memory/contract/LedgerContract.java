package cn.onewindow.memory.contract;

import cn.onewindow.core.cases.ServiceCase;
import cn.onewindow.core.ports.CaseRepository;
import cn.onewindow.core.ports.LedgerQuery;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.onewindow.memory.contract.ContractFixtures.T0;
import static cn.onewindow.memory.contract.ContractFixtures.create;
import static cn.onewindow.memory.contract.ContractFixtures.submitted;
import static cn.onewindow.memory.contract.ContractFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What every {@link LedgerQuery} guarantees: a service point's cases submitted in [from, to), oldest first, and
 * none of another point's.
 */
public abstract class LedgerContract {

    protected abstract CaseRepository cases();

    protected abstract LedgerQuery ledger();

    private String store(String point, java.time.Instant at) {
        String id = unique("C");
        cases().save(create(submitted(id, "330110-ZX", point, at)));
        return id;
    }

    @Test
    void aPointsCasesOfAPeriodAreListedOldestFirstFromInclusiveToExclusive() {
        String point = unique("SP");
        String atNine = store(point, T0.plusSeconds(540));
        String atFrom = store(point, T0);
        String justBeforeTo = store(point, T0.plusSeconds(3599));
        store(point, T0.plusSeconds(3600)); // at `to`: out
        store(point, T0.minusSeconds(1)); // before `from`: out
        store(unique("SP"), T0.plusSeconds(60)); // another point
        List<String> ids = ledger().submittedAtPoint(point, T0, T0.plusSeconds(3600)).stream()
                .map(ServiceCase.Snapshot::id).toList();
        assertEquals(List.of(atFrom, atNine, justBeforeTo), ids);
        assertEquals(List.of(), ledger().submittedAtPoint(unique("SP"), T0.minusSeconds(3600), T0.plusSeconds(7200)));
        assertEquals(5, ledger().submittedAtPoint(point, T0.minusSeconds(3600), T0.plusSeconds(7200)).size());
    }
}
