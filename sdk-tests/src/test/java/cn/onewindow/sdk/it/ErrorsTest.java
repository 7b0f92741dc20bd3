package cn.onewindow.sdk.it;

import cn.onewindow.core.demo.DemoData;
import cn.onewindow.sdk.ConflictException;
import cn.onewindow.sdk.ForbiddenException;
import cn.onewindow.sdk.NotFoundException;
import cn.onewindow.sdk.OneWindowClient;
import cn.onewindow.sdk.OneWindowException;
import cn.onewindow.sdk.RequestOptions;
import cn.onewindow.sdk.UnauthorizedException;
import cn.onewindow.sdk.UnprocessableException;
import cn.onewindow.sdk.ValidationException;
import cn.onewindow.sdk.model.Applicant;
import cn.onewindow.sdk.model.Channel;
import cn.onewindow.sdk.model.Material;
import cn.onewindow.sdk.model.NewCase;
import cn.onewindow.sdk.model.ServiceCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server's problem answers as typed exceptions, each sent once (no retry of a 4xx other than 409/429). */
@ExtendWith(LocalPlatform.class)
class ErrorsTest {
    final OneWindowClient window = LocalPlatform.client("demo-window");

    static NewCase felling(Applicant a, Channel channel) {
        return NewCase.builder().itemCode(DemoData.ITEM_TREE_FELLING).channel(channel).applicant(a)
                .materials(Material.of("M01"), Material.of("M02"), Material.of("M03"), Material.of("M04")).build();
    }

    static <T extends OneWindowException> T expect(Class<T> type, int status, String code, Executable call) {
        T e = assertThrows(type, call);
        assertEquals(type, e.getClass());
        assertEquals(status, e.status());
        assertEquals(code, e.code());
        assertNotNull(e.messageZh(), "Chinese message");
        assertNotNull(e.messageEn(), "English message");
        assertNotNull(e.requestId());
        assertEquals(1, e.attempts(), "not retried");
        return e;
    }

    @Test
    void badInputIs400WithTheFields() {
        Applicant badId = Applicant.person("张三", "330110198003150023", "13812345678");
        ValidationException e = expect(ValidationException.class, 400, "VALIDATION_FAILED",
                () -> window.cases().submit(felling(badId, Channel.WINDOW)));
        assertTrue(e.fieldErrors().stream().anyMatch(f -> f.field().equals("applicant.idNumber")
                && f.code().equals("INVALID_ID_NUMBER")), e.fieldErrors().toString());
        assertNotNull(e.idempotencyKey());
    }

    @Test
    void aMissingOrWrongTokenIs401() {
        OneWindowClient noToken = OneWindowClient.builder().baseUrl(LocalPlatform.baseUrl()).build();
        expect(UnauthorizedException.class, 401, "MISSING_TOKEN", () -> noToken.catalog().items());
        OneWindowClient wrong = LocalPlatform.client("bad-token");
        expect(UnauthorizedException.class, 401, "INVALID_TOKEN", () -> wrong.cases().get("X"));
        UnauthorizedException w = assertThrows(UnauthorizedException.class,
                () -> wrong.cases().submit(felling(LocalPlatform.villager(), Channel.WINDOW)));
        assertEquals(401, w.status());
    }

    @Test
    void aForbiddenActionIs403() {
        expect(ForbiddenException.class, 403, "CHANNEL_NOT_ALLOWED",
                () -> window.cases().submit(felling(LocalPlatform.villager(), Channel.VILLAGE_AGENT)));
    }

    @Test
    void anUnknownCaseIs404() {
        expect(NotFoundException.class, 404, "CASE_NOT_FOUND", () -> window.cases().get("NO-SUCH-CASE"));
    }

    @Test
    void anIllegalTransitionIs409() {
        ServiceCase c = window.cases().submit(felling(LocalPlatform.villager(), Channel.WINDOW));
        expect(ConflictException.class, 409, "ILLEGAL_TRANSITION", () -> window.cases().deliver(c.id(), "本人", null));
        assertEquals(c.status(), window.cases().get(c.id()).status(), "nothing changed");
    }

    @Test
    void anUnknownItemAndAReusedKeyAre422() {
        NewCase unknown = NewCase.builder().itemCode("330100-XK-9999").channel(Channel.WINDOW)
                .applicant(LocalPlatform.villager()).materials(Material.of("M01")).build();
        expect(UnprocessableException.class, 422, "UNKNOWN_ITEM", () -> window.cases().submit(unknown));

        String key = "errors-test-" + UUID.randomUUID();
        ServiceCase first = window.cases().submit(felling(LocalPlatform.villager(), Channel.WINDOW),
                RequestOptions.idempotencyKey(key));
        assertFalse(first.replayed());
        ServiceCase again = window.cases().submit(felling(first.applicant(), Channel.WINDOW),
                RequestOptions.idempotencyKey(key));
        assertTrue(again.replayed());
        assertEquals(first.id(), again.id());
        UnprocessableException e = expect(UnprocessableException.class, 422, "IDEMPOTENCY_KEY_REUSED",
                () -> window.cases().submit(felling(LocalPlatform.villager(), Channel.WINDOW),
                        RequestOptions.idempotencyKey(key)));
        assertEquals(key, e.idempotencyKey());
    }
}
