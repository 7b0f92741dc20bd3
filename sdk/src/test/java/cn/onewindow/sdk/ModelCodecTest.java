package cn.onewindow.sdk;

import cn.onewindow.sdk.internal.Json;
import cn.onewindow.sdk.internal.ModelCodec;
import cn.onewindow.sdk.model.Applicant;
import cn.onewindow.sdk.model.CaseStatus;
import cn.onewindow.sdk.model.Channel;
import cn.onewindow.sdk.model.HandlingMode;
import cn.onewindow.sdk.model.Material;
import cn.onewindow.sdk.model.NewCase;
import cn.onewindow.sdk.model.NoticeType;
import cn.onewindow.sdk.model.ServiceCase;
import cn.onewindow.sdk.model.Task;
import cn.onewindow.sdk.model.TaskDecision;
import cn.onewindow.sdk.model.TaskLevel;
import cn.onewindow.sdk.model.TaskOutcome;
import cn.onewindow.sdk.model.TaskStatus;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelCodecTest {

    static String resource(String name) throws IOException {
        try (InputStream in = ModelCodecTest.class.getResourceAsStream("/" + name)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] b = new byte[4096];
            int n;
            while ((n = in.read(b)) != -1) out.write(b, 0, n);
            return new String(out.toByteArray(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsACaseAsTheServerSendsIt() throws IOException {
        ServiceCase c = ModelCodec.serviceCase(Json.parseObject(resource("case-awaiting.json")));
        assertEquals("YH20250425-0007", c.id());
        assertEquals(CaseStatus.AWAITING_MATERIALS, c.status());
        assertEquals(HandlingMode.PROMISED, c.mode());
        assertEquals(Channel.VILLAGE_AGENT, c.channel());
        assertEquals("王五", c.applicant().name());
        assertEquals(Arrays.asList(Material.of("M01"), Material.of("M02")), c.materials());
        assertEquals(Arrays.asList("M03"), c.missing());
        assertTrue(c.outstandingTolerable().isEmpty());
        assertEquals(Instant.parse("2025-04-25T02:00:01.123Z"), c.submittedAt());
        assertNull(c.dueAt());
        assertEquals(NoticeType.ONE_TIME_NOTICE, c.notice().type());
        assertEquals(Arrays.asList("M03"), c.latestNotice(NoticeType.ONE_TIME_NOTICE).missing());
        assertNull(c.latestNotice(NoticeType.PROMISE));
        assertEquals(1L, c.version());
        assertTrue(c.isOpen());
        assertFalse(c.isResultReady());
        assertFalse(c.replayed());
    }

    @Test
    void readsTheWarningPointWhereTheCaseTurnsDueSoonAndKeepsItOnACopy() throws IOException {
        String json = resource("case-awaiting.json")
                .replace("\"dueAt\":null", "\"dueAt\":\"2025-05-15T10:00:00Z\",\"warningAt\":\"2025-05-14T10:00:00Z\"");
        ServiceCase c = ModelCodec.serviceCase(Json.parseObject(json));
        assertEquals(Instant.parse("2025-05-14T10:00:00Z"), c.warningAt());
        ServiceCase again = ModelCodec.serviceCase(Json.parseObject(Json.write(ModelCodec.toJson(c))));
        assertEquals(c, again);
        assertEquals(Instant.parse("2025-05-14T10:00:00Z"), again.warningAt());
        assertNull(ModelCodec.serviceCase(Json.parseObject(resource("case-awaiting.json"))).warningAt(),
                "a case without a due time has no warning point");
    }

    @Test
    void unknownEnumValuesDoNotCrashTheClient() throws IOException {
        String json = resource("case-awaiting.json")
                .replace("\"status\":\"AWAITING_MATERIALS\"", "\"status\":\"SOMETHING_NEW\"")
                .replace("\"channel\":\"VILLAGE_AGENT\"", "\"channel\":\"WECHAT_MINI_PROGRAM\"")
                .replace("\"mode\":\"PROMISED\"", "\"mode\":\"CROSS_PROVINCE\"")
                .replace("\"type\":\"ONE_TIME_NOTICE\"", "\"type\":\"E_LICENSE\"");
        ServiceCase c = ModelCodec.serviceCase(Json.parseObject(json));
        assertEquals(CaseStatus.UNKNOWN, c.status());
        assertEquals("SOMETHING_NEW", c.statusValue());
        assertEquals(Channel.UNKNOWN, c.channel());
        assertEquals("WECHAT_MINI_PROGRAM", c.channelValue());
        assertEquals(HandlingMode.UNKNOWN, c.mode());
        assertEquals(NoticeType.UNKNOWN, c.notice().type());
        assertTrue(c.isOpen(), "an unknown status counts as open");
        // the raw value survives a copy
        assertEquals("SOMETHING_NEW", c.toBuilder().build().statusValue());

        Task t = ModelCodec.task(Json.parseObject("{\"taskId\":\"T1\",\"level\":\"PROVINCIAL\","
                + "\"status\":\"ESCALATED_AGAIN\",\"outcome\":\"ABSTAIN\",\"version\":3}"));
        assertEquals(TaskLevel.UNKNOWN, t.level());
        assertEquals(TaskStatus.UNKNOWN, t.status());
        assertEquals(TaskOutcome.UNKNOWN, t.outcome());
        assertEquals("ESCALATED_AGAIN", t.statusValue());
    }

    @Test
    void unknownValuesCannotBeSent() {
        assertThrows(IllegalArgumentException.class, () -> NewCase.builder().channel(Channel.UNKNOWN));
        assertThrows(IllegalArgumentException.class,
                () -> CaseQuery.builder().status(CaseStatus.UNKNOWN).build().params(null));
    }

    @Test
    void writesAnApplicationWithoutNullsOrEmptyLists() {
        NewCase c = NewCase.builder().itemCode("330100-XK-0101")
                .applicant(Applicant.person("王五", "330110198003150022", "13812345678"))
                .channel(Channel.VILLAGE_AGENT).materials(Material.of("M01"), Material.of("M02", 2)).build();
        assertEquals("{\"itemCode\":\"330100-XK-0101\",\"applicant\":{\"name\":\"王五\",\"type\":\"PERSON\","
                        + "\"idType\":\"RESIDENT_ID\",\"idNumber\":\"330110198003150022\",\"phone\":\"13812345678\"},"
                        + "\"channel\":\"VILLAGE_AGENT\",\"materials\":[{\"code\":\"M01\",\"copies\":1},"
                        + "{\"code\":\"M02\",\"copies\":2}]}",
                Json.write(ModelCodec.toJson(c)));
        assertEquals("{\"decision\":\"APPROVE\"}", Json.write(ModelCodec.toJson(TaskDecision.approve())));
        assertEquals("{\"decision\":\"REQUEST_SUPPLEMENT\",\"reasons\":[\"缺\"],\"missing\":[\"M03\"]}",
                Json.write(ModelCodec.toJson(TaskDecision.requestSupplement(Arrays.asList("M03"), "缺"))));
    }

    @Test
    void modelsAreImmutableValuesThatDoNotPrintPersonalData() {
        Applicant a = Applicant.person("王五", "330110198003150022", "13812345678");
        assertEquals(a, a.toBuilder().build());
        assertNotEquals(a, a.toBuilder().phone("13900000000").build());
        String s = a.toString();
        assertFalse(s.contains("王五") || s.contains("3301101980") || s.contains("138123"), s);

        java.util.List<Material> list = new java.util.ArrayList<>(Arrays.asList(Material.of("M01")));
        NewCase c = NewCase.builder().materials(list).build();
        list.add(Material.of("M02"));
        assertEquals(1, c.materials().size(), "the model keeps its own copy");
        assertThrows(UnsupportedOperationException.class, () -> c.materials().add(Material.of("M03")));
    }
}
