package cn.onewindow.sdk.it;

import cn.onewindow.local.LocalSystem;
import cn.onewindow.local.PiiScanner;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs last (see junit-platform.properties): after every SDK test drove the shared local system, no log line its
 * functions, the SMS stand-in or the provincial rating log wrote during this run, and no outbox item of the cases
 * table, holds an applicant's name, ID number, phone or a pick-up code in clear. Fails listing file:line, the value
 * masked.
 */
@ExtendWith(LocalPlatform.class)
@Order(Integer.MAX_VALUE)
class PersonalDataScanTest {

    /** The applicants of LocalPlatform and of the tests and examples (ErrorsTest's 张三 is refused at intake). */
    static final PiiScanner PII = PiiScanner.builder()
            .namePattern("测试村民-[0-9a-f]{8}").applicant(null, "330110198003150022", "13812345678")
            .namePattern("杭州测试科技有限公司-[0-9a-f]{8}").applicant(null, "91330110MA2B3C4D5E", "0571-88888888")
            .applicant("张三", "330110198003150023", "13812345678")
            .applicant("王五", "330110198003150022", "13812345678")
            .applicant("赵六", "330110197511200044", "13912345678")
            // pick-up codes too (AgentFlowTest's results send them): stored masked and sealed, logged masked
            .pickupCodes(Boolean.parseBoolean(System.getProperty("onewindow.pii-scan.pickup-codes", "true")))
            .build();

    @Test
    void noLogLineAndNoOutboxItemHoldsPersonalDataInClear() {
        LocalSystem system = LocalPlatform.system();
        system.relayTicker().tickNow(); // what the outbox still holds reaches notifications.log now
        String leaks = PiiScanner.report(PII.scanLocalSystem(system, LocalPlatform.logsBefore()));
        if (leaks != null) fail(leaks);
    }
}
