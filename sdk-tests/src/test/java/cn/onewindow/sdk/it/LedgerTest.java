package cn.onewindow.sdk.it;

import cn.onewindow.core.demo.DemoData;
import cn.onewindow.sdk.NotFoundException;
import cn.onewindow.sdk.OneWindowClient;
import cn.onewindow.sdk.model.Applicant;
import cn.onewindow.sdk.model.CaseStatus;
import cn.onewindow.sdk.model.Channel;
import cn.onewindow.sdk.model.DecisionOutcome;
import cn.onewindow.sdk.model.Ledger;
import cn.onewindow.sdk.model.LedgerEntry;
import cn.onewindow.sdk.model.Material;
import cn.onewindow.sdk.model.NewCase;
import cn.onewindow.sdk.model.ServiceCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.YearMonth;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent's monthly ledger (台帐) through the SDK, against the running local system. */
@ExtendWith(LocalPlatform.class)
class LedgerTest {

    @Test
    void theAgentsLedgerListsTheMonthsErrandsWithTheVillagerMasked() {
        OneWindowClient agent = LocalPlatform.client("demo-agent");
        OneWindowClient window = LocalPlatform.client("demo-window");
        Applicant villager = LocalPlatform.villager();
        ServiceCase c = agent.cases().submit(NewCase.builder().itemCode(DemoData.ITEM_TREE_FELLING)
                .channel(Channel.VILLAGE_AGENT).applicant(villager)
                .materials(Material.of("M01"), Material.of("M02"), Material.of("M03"), Material.of("M04")).build());
        window.cases().decide(c.id(), DecisionOutcome.APPROVE, null);
        window.cases().issueResult(c.id(), null);
        assertEquals(CaseStatus.DELIVERED, agent.cases().deliver(c.id(), villager.name() + "本人", "签收单 QS-17")
                .status());

        YearMonth month = YearMonth.from(c.submittedAt().atZone(ZoneId.of("Asia/Shanghai")));
        Ledger ledger = agent.servicePoints().ledger(DemoData.VILLAGE_POINT, month);
        assertEquals(DemoData.VILLAGE_POINT, ledger.servicePointId());
        assertEquals(month, ledger.month());
        LedgerEntry e = ledger.entries().stream().filter(x -> x.caseId().equals(c.id())).findFirst().orElseThrow();
        assertEquals(CaseStatus.DELIVERED, e.status());
        assertEquals("APPROVE", e.result());
        assertNotNull(e.resultIssuedAt());
        assertNotNull(e.deliveredAt());
        assertEquals("SIGNATURE", e.deliveryMethod());
        assertTrue(e.villagerName().contains("*"), "masked name");
        assertFalse(e.villagerIdNumber().equals(villager.idNumber()), "masked identity number");
        assertFalse(e.toString().contains(e.villagerName()));

        assertTrue(agent.servicePoints().ledger(DemoData.VILLAGE_POINT, month.plusMonths(1)).entries().stream()
                .noneMatch(x -> x.caseId().equals(c.id())));
        // the township staff above the point reads it too; another village's agent does not
        assertTrue(LocalPlatform.client("demo-township").servicePoints().ledger(DemoData.VILLAGE_POINT, month)
                .entries().stream().anyMatch(x -> x.caseId().equals(c.id())));
        assertThrows(NotFoundException.class,
                () -> LocalPlatform.client("demo-agent-2").servicePoints().ledger(DemoData.VILLAGE_POINT, month));
    }
}
