package cn.onewindow.memory.usecase;

import cn.onewindow.core.identity.Caller;
import cn.onewindow.core.cases.Applicant;
import cn.onewindow.core.cases.Channel;
import cn.onewindow.core.cases.IdType;
import cn.onewindow.core.cases.IdentityNumbers;
import cn.onewindow.core.cases.SubmittedMaterial;
import cn.onewindow.core.catalog.MaterialRequirement;
import cn.onewindow.core.catalog.ServiceItem;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.cases.usecase.CaseCommands;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Demo callers, applicants and commands shared by the use-case scenarios and the store tests of functions/aws (whose
 * {@code Fixtures} extends this class with helpers that read DynamoDB items).
 */
public class Fixtures {
    public static final Map<String, Caller> CALLERS = DemoData.callers();
    public static final Caller WINDOW = CALLERS.get("demo-window");
    public static final Caller AGENT = CALLERS.get("demo-agent");
    public static final Caller SUPERVISOR = CALLERS.get("demo-supervisor");
    public static final Caller ADMIN = CALLERS.get("demo-admin");
    public static final Caller DEPT_ZRZY = CALLERS.get("demo-dept-zrzy");

    /** Friday 2025-04-25 10:00 in Shanghai. */
    public static final Instant FRIDAY_10_SHANGHAI = Instant.parse("2025-04-25T02:00:00Z");

    protected Fixtures() {
    }

    public static Clock fixed(Instant at) {
        return Clock.fixed(at, ZoneOffset.UTC);
    }

    /** A person with a valid resident id built from the given 17 digits. */
    public static Applicant person(String name) {
        String first17 = "33011019850101" + String.format("%03d", Math.abs(name.hashCode()) % 1000);
        return new Applicant(name, null, IdType.RESIDENT_ID, first17 + IdentityNumbers.checkCharacter(first17),
                "13812345678");
    }

    public static ServiceItem demoItem(String code) {
        return DemoData.items(Instant.EPOCH).stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    /** Every mandatory material of the item, with enough copies. */
    public static List<SubmittedMaterial> allMaterials(ServiceItem item) {
        return item.materials().stream().filter(MaterialRequirement::mandatory)
                .map(m -> new SubmittedMaterial(m.code(), m.copies())).toList();
    }

    public static CaseCommands.Intake complete(String itemCode, String applicantName) {
        return new CaseCommands.Intake(itemCode, person(applicantName), Channel.WINDOW, null, null,
                allMaterials(demoItem(itemCode)), List.of());
    }

    public static CaseCommands.Intake withMaterials(String itemCode, String applicantName, List<SubmittedMaterial> materials) {
        return new CaseCommands.Intake(itemCode, person(applicantName), Channel.WINDOW, null, null, materials, List.of());
    }

    /** A clock that moves one second forward every time it is read: cases get distinct, ordered times. */
    public static final class SteppingClock extends Clock {
        private final Instant start;
        private final AtomicLong reads = new AtomicLong();

        public SteppingClock(Instant start) {
            this.start = start;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return start.plus(Duration.ofSeconds(reads.getAndIncrement()));
        }
    }
}
