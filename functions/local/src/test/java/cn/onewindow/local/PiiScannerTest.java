package cn.onewindow.local;

import cn.onewindow.infrastructure.EmbeddedAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PiiScannerTest {

    static final PiiScanner SCANNER = PiiScanner.builder()
            .applicant("张三丰", "330106199001011234", "13812345678")
            .applicant("杭州某科技有限公司", "91330100MA2B3C4D5E", "0571-88888888")
            .namePattern("测试村民-[0-9a-f]{8}")
            .build();

    @Test
    void findsPlantedIdPhoneAndNameAndMasksThemInTheReport() {
        List<PiiScanner.Hit> hits = SCANNER.scan("app.log", """
                INFO case CASE-1 accepted
                WARN applicant 张三丰 id 330106199001011234
                DEBUG sms to 13812345678
                INFO company 杭州某科技有限公司 91330100MA2B3C4D5E tel 0571-88888888
                INFO villager 测试村民-1a2b3c4d
                """);
        assertEquals(List.of(
                "app.log:2 KNOWN_ID 330106********1234",
                "app.log:2 NAME 张*丰",
                "app.log:3 KNOWN_PHONE 138****5678",
                "app.log:4 KNOWN_ID 913301********4D5E",
                "app.log:4 KNOWN_PHONE 057******8888",
                "app.log:4 NAME 杭*******司",
                "app.log:5 NAME 测***********d"), hits.stream().map(PiiScanner.Hit::toString).toList());
        String report = PiiScanner.report(hits);
        assertFalse(report.contains("330106199001011234") || report.contains("13812345678")
                || report.contains("张三丰"), report);
    }

    @Test
    void detectsUnknownResidentIdsWithAValidCheckCharacterAndMobileNumbers() {
        // 11010519491231002X is the standard's own example (check character X); 110105194912310021 fails the check
        List<PiiScanner.Hit> hits = SCANNER.scan("x.log", "id=11010519491231002X other=110105194912310021 "
                + "mobile:15912345678 landline 057187654321 millis 1745546400000 trace 13912345678ab");
        assertEquals(List.of("x.log RESIDENT_ID 110105********002X", "x.log MOBILE_PHONE 159****5678"),
                hits.stream().map(PiiScanner.Hit::toString).toList());
    }

    @Test
    void ignoresMaskedForms() {
        assertEquals(List.of(), SCANNER.scan("masked.log", """
                {"applicant":"张*丰","idNumber":"330106********1234","phone":"138****5678"}
                {"sms":"057******8888","name":"杭*******司","credit":"913301********4D5E"}
                {"text":"【政务服务】您申请的“最低生活保障”（办件编号CASE-20250425-0001）已办结。"}
                """));
    }

    @Test
    void pickUpCodesAreASeparateCategoryThatCanBeSwitchedOff() {
        String line = "{\"text\":\"已办结，代办员将为您送达，取件码042917，请在签收时告知代办员\"} learnt 731806";
        PiiScanner on = PiiScanner.builder().pickupCode("731806").build();
        assertEquals(List.of("sms PICKUP_CODE 取件码******", "sms PICKUP_CODE ******"),
                on.scan("sms", line).stream().map(PiiScanner.Hit::toString).toList());
        PiiScanner off = PiiScanner.builder().pickupCode("731806").pickupCodes(false).build();
        assertEquals(List.of(), off.scan("sms", line));
        assertEquals(List.of(), on.scan("sms", "取件码******，请在签收时告知代办员"));
    }

    @Test
    void scansOnlyWhatWasWrittenSinceTheBaselineAndCountsLinesFromTheFileStart(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("notifications.log");
        Files.writeString(log, "old line with 13812345678\n", StandardCharsets.UTF_8);
        Map<Path, Long> before = PiiScanner.sizes(dir);
        Files.writeString(log, "clean\nnew 13812345678\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Files.writeString(dir.resolve("intake-api-0.log"), "张三丰\n", StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve(".work"));
        Files.writeString(dir.resolve(".work/ignored.txt"), "13812345678\n", StandardCharsets.UTF_8);
        assertEquals(List.of("intake-api-0.log:1 NAME 张*丰", "notifications.log:3 KNOWN_PHONE 138****5678"),
                SCANNER.scanDirectory(dir, before).stream().map(PiiScanner.Hit::toString).toList());
        assertNull(PiiScanner.report(List.of()));
    }

    @Test
    void scansOutboxItemsOfTheCasesTableAndNothingElse() throws Exception {
        try (EmbeddedAws aws = EmbeddedAws.start(EmbeddedAws.Options.defaults())) {
            DynamoDbClient db = aws.dynamoDbClient();
            db.createTable(t -> t.tableName("cases").billingMode("PAY_PER_REQUEST")
                    .keySchema(k -> k.attributeName("pk").keyType("HASH"), k -> k.attributeName("sk").keyType("RANGE"))
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"),
                            a -> a.attributeName("sk").attributeType("S")));
            put(db, "META", "{\"applicant\":{\"name\":\"张三丰\",\"phone\":\"13812345678\"}}");
            put(db, "NOTIFY#2025-04-25T02:00:00Z#n1", "{\"phone\":\"13812345678\",\"text\":\"ok\"}");
            put(db, "FWD#e1", "{\"rater\":\"138****5678\"}");
            put(db, "DISPATCH#fgw", "{\"applicant\":\"张三丰\"}");
            List<String> hits = SCANNER.scanOutbox(db, "cases").stream().map(PiiScanner.Hit::toString).toList();
            assertEquals(List.of("cases[CASE#1 DISPATCH#fgw].doc NAME 张*丰",
                    "cases[CASE#1 NOTIFY#2025-04-25T02:00:00Z#n1].doc KNOWN_PHONE 138****5678"),
                    hits.stream().sorted().toList());
            assertTrue(hits.stream().noneMatch(h -> h.contains("META")));
        }
    }

    private static void put(DynamoDbClient db, String sk, String doc) {
        db.putItem(p -> p.tableName("cases").item(Map.of("pk", AttributeValue.fromS("CASE#1"),
                "sk", AttributeValue.fromS(sk), "doc", AttributeValue.fromS(doc))));
    }
}
