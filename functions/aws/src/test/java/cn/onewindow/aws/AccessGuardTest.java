package cn.onewindow.aws;

import cn.onewindow.core.common.AdjustableClock;
import cn.onewindow.core.demo.DemoData;
import cn.onewindow.core.service.StatsService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static cn.onewindow.aws.Fixtures.FRIDAY_10_SHANGHAI;
import static cn.onewindow.aws.Fixtures.WINDOW;
import static cn.onewindow.aws.Fixtures.complete;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Least privilege enforced by the code: a platform built from a function's environment, as in Lambda, refuses a table
 * the environment does not name and an index of the cases table it does not list, before any request is sent (real
 * dynoxide behind the real SDK client).
 */
@ExtendWith(LocalDynamo.class)
class AccessGuardTest {

    static Map<String, String> environment(LocalDynamo.Tables tables) {
        Map<String, String> env = new HashMap<>();
        env.putAll(tables.aws().clientEnvironment());
        env.put(AwsSettings.ENV_CASES_TABLE, tables.casesTable());
        env.put(AwsSettings.ENV_REFERENCE_TABLE, tables.resources().tableName("ReferenceTable"));
        return env;
    }

    @Test
    void aWorkerGivenTheCasesAndReferenceTablesOnlyCanNeitherTakeIdempotencyKeysNorQueryAnUnlistedIndex(
            LocalDynamo.Tables tables) {
        AdjustableClock clock = AdjustableClock.anchored(FRIDAY_10_SHANGHAI, Instant.now());
        tables.seededPlatform(clock);
        Map<String, String> env = environment(tables);
        env.put(AwsSettings.ENV_CASES_TABLE_INDEXES, DynamoCaseRepository.INDEX_BY_DUE);
        Platform worker = new Platform(AwsSettings.fromEnvironment(env), clock);
        try (DynamoDbClient ignored = worker.dynamoDb) {
            // what it is given works: the due-time index, the checkpoint item, a case written without a key
            assertEquals(0, worker.deadlineChecker.run().failures());
            String id = worker.caseService.intake(WINDOW, complete(DemoData.ITEM_CONSTRUCTION_LAND, "郑明"), null)
                    .snapshot().id();
            assertTrue(worker.cases.find(id).isPresent());

            SdkClientException noTable = assertThrows(SdkClientException.class, () -> worker.caseService.intake(
                    WINDOW, complete(DemoData.ITEM_CONSTRUCTION_LAND, "郑明"), "key-1"));
            assertTrue(noTable.getMessage().contains("does not name"), noTable.getMessage());

            SdkClientException noIndex = assertThrows(SdkClientException.class,
                    () -> worker.statsService.figures(Fixtures.SUPERVISOR, "330110-ZX",
                            LocalDate.of(2025, 4, 1), LocalDate.of(2025, 6, 30), StatsService.GroupBy.ITEM));
            assertTrue(noIndex.getMessage().contains("byCenter") && noIndex.getMessage().contains("byDue"),
                    noIndex.getMessage());
            assertThrows(SdkClientException.class, () -> worker.authenticator.authenticate("Bearer demo-window"));
        }
    }

    @Test
    void withoutAnIndexListNoIndexMayBeQueried(LocalDynamo.Tables tables) {
        AdjustableClock clock = AdjustableClock.anchored(FRIDAY_10_SHANGHAI, Instant.now());
        Platform worker = new Platform(AwsSettings.fromEnvironment(environment(tables)), clock);
        try (DynamoDbClient ignored = worker.dynamoDb) {
            SdkClientException e = assertThrows(SdkClientException.class, () -> worker.deadlineChecker.run());
            assertTrue(e.getMessage().contains(AwsSettings.ENV_CASES_TABLE_INDEXES), e.getMessage());
        }
    }
}
