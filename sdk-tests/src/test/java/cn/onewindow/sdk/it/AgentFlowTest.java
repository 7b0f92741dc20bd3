package cn.onewindow.sdk.it;

import cn.onewindow.core.demo.DemoData;
import cn.onewindow.sdk.ForbiddenException;
import cn.onewindow.sdk.NotFoundException;
import cn.onewindow.sdk.OneWindowClient;
import cn.onewindow.sdk.UnprocessableException;
import cn.onewindow.sdk.model.Applicant;
import cn.onewindow.sdk.model.CaseStatus;
import cn.onewindow.sdk.model.Channel;
import cn.onewindow.sdk.model.DecisionOutcome;
import cn.onewindow.sdk.model.HistoryEntry;
import cn.onewindow.sdk.model.Material;
import cn.onewindow.sdk.model.NewCase;
import cn.onewindow.sdk.model.NoticeType;
import cn.onewindow.sdk.model.ServiceCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A village agent (代办员) applying for a villager: submit, one-time notice, supplement, follow, result ready,
 * delivery. The window decides and issues the result in between.
 */
@ExtendWith(LocalPlatform.class)
class AgentFlowTest {

    @Test
    void anAgentCarriesAVillagersApplicationThroughToDelivery() {
        OneWindowClient agent = LocalPlatform.client("demo-agent");
        OneWindowClient window = LocalPlatform.client("demo-window");
        Applicant villager = LocalPlatform.villager();

        // submitted without the proof of ownership of the trees (M03): one one-time notice lists it
        ServiceCase c = agent.cases().submit(NewCase.builder()
                .itemCode(DemoData.ITEM_TREE_FELLING)
                .channel(Channel.VILLAGE_AGENT)
                .applicant(villager)
                .materials(Material.of("M01"), Material.of("M02"), Material.of("M04"))
                .build());
        assertEquals(CaseStatus.AWAITING_MATERIALS, c.status());
        assertEquals(Channel.VILLAGE_AGENT, c.channel());
        assertEquals("agent-001", c.agentId());
        assertEquals(DemoData.VILLAGE_POINT, c.servicePointId());
        assertEquals(NoticeType.ONE_TIME_NOTICE, c.notice().type());
        assertEquals(List.of("M03"), c.notice().missing());
        assertEquals(List.of("M03"), c.missing());

        // the agent brings the missing material: accepted, the clock starts
        ServiceCase accepted = agent.cases().supplement(c.id(), List.of(Material.of("M03")));
        assertEquals(CaseStatus.ACCEPTED, accepted.status());
        assertNotNull(accepted.dueAt());
        assertNotNull(accepted.acceptedAt());

        // following the case: the agent reads it, its history, and its point's list
        assertEquals(CaseStatus.ACCEPTED, agent.cases().get(c.id()).status());
        assertTrue(agent.cases().list(cn.onewindow.sdk.CaseQuery.builder().channel(Channel.VILLAGE_AGENT).build())
                .stream().anyMatch(x -> x.id().equals(c.id())));
        assertTrue(agent.cases().resultsReady().stream().noneMatch(x -> x.id().equals(c.id())));

        // an agent may not decide
        assertThrows(ForbiddenException.class, () -> agent.cases().decide(c.id(), DecisionOutcome.APPROVE, null));

        // the window decides and issues the result
        assertEquals(CaseStatus.APPROVED, window.cases().decide(c.id(), DecisionOutcome.APPROVE, null).status());
        ServiceCase ready = window.cases().issueResult(c.id(), null);
        assertEquals(CaseStatus.RESULT_READY, ready.status());
        assertNotNull(ready.resultNumber());

        // the agent is told: the case is in its list of results to fetch, and a follower sees it
        assertTrue(agent.cases().resultsReady().stream().anyMatch(x -> x.id().equals(c.id())));
        Optional<ServiceCase> seen = agent.cases().awaitStatus(c.id(), Duration.ofSeconds(5), Duration.ofMillis(200),
                CaseStatus.RESULT_READY);
        assertTrue(seen.isPresent());
        assertTrue(seen.get().isResultReady());
        assertEquals(NoticeType.RESULT_READY, seen.get().notice().type());

        // the agent hands the result to the villager and records it
        // a wrong pick-up code is refused and changes nothing (the real code is one of a million, drawn at random,
        // and only the villager got it by SMS); the villager's signature is accepted
        UnprocessableException wrongCode = assertThrows(UnprocessableException.class,
                () -> agent.cases().deliverWithPickupCode(c.id(), villager.name() + "本人", "000000"));
        assertEquals("CONFIRMATION_CODE_MISMATCH", wrongCode.code());
        assertEquals(CaseStatus.RESULT_READY, agent.cases().get(c.id()).status());
        ServiceCase delivered = agent.cases().deliverWithSignature(c.id(), villager.name() + "本人", "签收单 V01-0425");
        assertEquals(CaseStatus.DELIVERED, delivered.status());
        assertEquals(villager.name() + "本人", delivered.deliveredTo());
        assertNotNull(delivered.deliveredAt());

        List<HistoryEntry> history = agent.cases().history(c.id());
        List<String> statuses = history.stream().map(HistoryEntry::toValue).filter(s -> s != null).distinct()
                .collect(Collectors.toList());
        assertEquals(List.of("AWAITING_MATERIALS", "ACCEPTED", "IN_REVIEW", "APPROVED", "RESULT_READY", "DELIVERED"),
                statuses.stream().filter(s -> !s.equals("SUBMITTED")).collect(Collectors.toList()), history.toString());
        assertEquals("agent-001", history.get(0).actorId());
        assertEquals(DemoData.VILLAGE_POINT, history.get(0).servicePointId());
    }

    @Test
    void anAgentSeesOnlyItsOwnPointsCases() {
        OneWindowClient window = LocalPlatform.client("demo-window");
        ServiceCase atWindow = window.cases().submit(NewCase.builder().itemCode(DemoData.ITEM_TREE_FELLING)
                .channel(Channel.WINDOW).applicant(LocalPlatform.villager())
                .materials(Material.of("M01"), Material.of("M02"), Material.of("M03"), Material.of("M04")).build());
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> LocalPlatform.client("demo-agent").cases().get(atWindow.id()));
        assertEquals("CASE_NOT_FOUND", e.code());
    }
}
