package cn.onewindow.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

class TemplateModelTest {

    private static final TemplateModel MODEL = TemplateModel.load();

    @Test
    void classpathCopyEqualsRootTemplate() {
        TemplateModel fromFile = TemplateModel.load(Path.of(System.getProperty("basedir", ".")).resolve("../template.yaml"));
        assertEquals(fromFile.raw(), MODEL.raw());
    }

    @Test
    void resourcesByIdAndType() {
        assertEquals(List.of("CasesTable", "ReferenceTable", "IdempotencyTable", "CallersTable"),
                MODEL.resourcesOfType(TemplateModel.TABLE_TYPE).stream().map(ResourceSpec::logicalId).toList());
        assertEquals(List.of("ApprovalQueue", "ApprovalDeadLetterQueue", "NotificationQueue", "NotificationDeadLetterQueue",
                        "EvaluationQueue", "EvaluationDeadLetterQueue"),
                MODEL.resourcesOfType(TemplateModel.QUEUE_TYPE).stream().map(ResourceSpec::logicalId).toList());
        assertEquals("AWS::Serverless::HttpApi", MODEL.resource("HttpApi").orElseThrow().type());
        assertEquals(Optional.empty(), MODEL.resource("NoSuchThing"));
    }

    @Test
    void casesTableSpec() {
        TableSpec cases = MODEL.table("CasesTable", "dev");
        assertEquals("onewindow-cases-dev", cases.tableName());
        assertEquals("pk", cases.hashKey());
        assertEquals(Optional.of("sk"), cases.rangeKey());
        assertEquals("PAY_PER_REQUEST", cases.billingMode());
        assertTrue(cases.pointInTimeRecovery());
        assertEquals(Optional.empty(), cases.ttlAttribute());
        assertEquals(List.of("byCenter", "byServicePoint", "byDepartment", "byDue"),
                cases.globalSecondaryIndexes().stream().map(TableSpec.IndexSpec::indexName).toList());
        TableSpec.IndexSpec byDue = cases.globalSecondaryIndex("byDue").orElseThrow();
        assertEquals("dueBucket", byDue.hashKey());
        assertEquals(Optional.of("dueKey"), byDue.rangeKey());
        assertEquals("ALL", byDue.projectionType());
        TableSpec.IndexSpec byCenter = cases.globalSecondaryIndex("byCenter").orElseThrow();
        assertEquals(List.of(new TableSpec.KeyElement("gsi1pk", "HASH"), new TableSpec.KeyElement("gsi1sk", "RANGE")),
                byCenter.keySchema());
        assertEquals(10, cases.attributeDefinitions().size());
        cases.attributeDefinitions().values().forEach(type -> assertEquals("S", type));
    }

    @Test
    void otherTablesAndStageResolution() {
        Map<String, String> names = Map.of("CasesTable", "onewindow-cases-prod", "ReferenceTable",
                "onewindow-reference-prod", "IdempotencyTable", "onewindow-idempotency-prod", "CallersTable",
                "onewindow-callers-prod");
        MODEL.tables("prod").forEach(t -> assertEquals(names.get(t.logicalId()), t.tableName()));

        TableSpec idempotency = MODEL.table("IdempotencyTable", "dev");
        assertEquals(Optional.of("expiresAt"), idempotency.ttlAttribute());
        assertEquals(List.of(new TableSpec.KeyElement("pk", "HASH")), idempotency.keySchema());
        assertTrue(idempotency.globalSecondaryIndexes().isEmpty());

        assertTrue(MODEL.table("ReferenceTable", "dev").pointInTimeRecovery());
        assertEquals(Optional.of("sk"), MODEL.table("ReferenceTable", "dev").rangeKey());
        TableSpec callers = MODEL.table("CallersTable", "dev");
        assertTrue(callers.pointInTimeRecovery());
        assertEquals(Optional.empty(), callers.rangeKey());
    }

    @Test
    void queueSpecs() {
        QueueSpec approval = MODEL.queue("ApprovalQueue", "dev");
        assertEquals("onewindow-approval-dev", approval.queueName());
        assertEquals(OptionalInt.of(180), approval.visibilityTimeout());
        assertEquals(Optional.of("ApprovalDeadLetterQueue"), approval.deadLetterTargetLogicalId());
        assertEquals(OptionalInt.of(5), approval.maxReceiveCount());
        assertEquals("180", approval.attributes().get("VisibilityTimeout"));

        QueueSpec dlq = MODEL.queue("ApprovalDeadLetterQueue", "dev");
        assertEquals("onewindow-approval-dlq-dev", dlq.queueName());
        assertEquals(OptionalInt.of(1209600), dlq.messageRetentionPeriod());
        assertFalse(dlq.hasDeadLetterQueue());
        assertFalse(dlq.fifo());

        assertEquals(List.of("ApprovalDeadLetterQueue", "ApprovalQueue", "NotificationDeadLetterQueue", "NotificationQueue",
                        "EvaluationDeadLetterQueue", "EvaluationQueue"),
                LocalProvisioner.dependencyOrder(MODEL.queues("dev")).stream().map(QueueSpec::logicalId).toList());
    }

    @Test
    void intakeFunctionSpecWithGlobalsMerged() {
        FunctionSpec intake = MODEL.function("IntakeApiFunction");
        assertEquals("io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest", intake.handler());
        assertEquals("functions/intake-api/target/function.zip", intake.codeUri());
        assertEquals("java21", intake.runtime());
        assertEquals(1024, intake.properties().get("MemorySize"));
        assertEquals(30, intake.properties().get("Timeout"));
        assertEquals("live", intake.properties().get("AutoPublishAlias"));

        Map<String, Object> env = intake.environment();
        assertEquals(Map.of("Ref", "CasesTable"), env.get("CASES_TABLE"));
        assertEquals(Map.of("Ref", "ReferenceTable"), env.get("REFERENCE_TABLE"));
        assertEquals(Map.of("Ref", "IdempotencyTable"), env.get("IDEMPOTENCY_TABLE"));
        assertEquals(Map.of("Ref", "CallersTable"), env.get("CALLERS_TABLE"));
        assertEquals(Map.of("Ref", "ApprovalQueue"), env.get("APPROVAL_QUEUE_URL"));
        assertEquals(Map.of("Ref", "RegionCode"), env.get("REGION_CODE"));
        assertEquals("true", env.get("DISABLE_SIGNAL_HANDLERS"));

        // one inline statement list naming each table and index, and the queues it sends to
        assertEquals(3, intake.policies().size());
        assertTrue(intake.policies().stream().anyMatch(p -> p instanceof Map<?, ?> m && m.containsKey("Statement")));
        assertTrue(intake.policies().contains(Map.of("SQSSendMessagePolicy",
                Map.of("QueueName", Map.of("Fn::GetAtt", List.of("ApprovalQueue", "QueueName"))))));

        @SuppressWarnings("unchecked")
        Map<String, Object> api = (Map<String, Object>) intake.events().get("Api");
        assertEquals("HttpApi", api.get("Type"));
        assertEquals(Map.of("ApiId", Map.of("Ref", "HttpApi"), "Path", "/{proxy+}", "Method", "ANY"), api.get("Properties"));
        assertTrue(MODEL.functions().stream().map(FunctionSpec::logicalId).toList().contains("IntakeApiFunction"));
    }

    @Test
    void parametersAndConditions() {
        Map<String, String> p = MODEL.parameters("test");
        assertEquals("test", p.get("Stage"));
        assertEquals("330100", p.get("RegionCode"));
        assertEquals("", p.get("ProvincialEvaluationEndpoint"));
        assertEquals("cn-north-1", p.get("AWS::Region"));
        assertEquals(Map.of("Stage", "dev", "RegionCode", "330100", "ProvincialEvaluationEndpoint", ""),
                MODEL.parameterDefaults());
        assertEquals("onewindow-cases-x", MODEL.resolveString(Map.of("Fn::Sub", "onewindow-cases-${Stage}"), Map.of("Stage", "x")));
        assertFalse(MODEL.resolver(Map.of()).condition("SnapStartAvailable"));
        assertTrue(MODEL.resolver(Map.of("AWS::Region", "us-east-1")).condition("SnapStartAvailable"));
    }

    @Test
    void shortFormTagsBecomeLongForm() {
        Object parsed = CfnYaml.parse("""
                a: !Ref X
                b: !Sub "x-${Stage}"
                c: !GetAtt Q.Arn
                d: !GetAtt [Q, QueueName]
                e: !Join [",", [!Ref A, b]]
                f: !If [C, !Equals [a, b], !Ref AWS::NoValue]
                g: !Sub
                  - "${A}-${B}"
                  - { A: !Ref Stage }
                h: !Select [0, !Split ["-", "x-y"]]
                i: !FindInMap [M, k1, k2]
                j: !Base64 abc
                k: !Not [!Condition C]
                l: !ImportValue shared-name
                """);
        assertEquals(Map.of(
                "a", Map.of("Ref", "X"),
                "b", Map.of("Fn::Sub", "x-${Stage}"),
                "c", Map.of("Fn::GetAtt", List.of("Q", "Arn")),
                "d", Map.of("Fn::GetAtt", List.of("Q", "QueueName")),
                "e", Map.of("Fn::Join", List.of(",", List.of(Map.of("Ref", "A"), "b"))),
                "f", Map.of("Fn::If", List.of("C", Map.of("Fn::Equals", List.of("a", "b")), Map.of("Ref", "AWS::NoValue"))),
                "g", Map.of("Fn::Sub", List.of("${A}-${B}", Map.of("A", Map.of("Ref", "Stage")))),
                "h", Map.of("Fn::Select", List.of(0, Map.of("Fn::Split", List.of("-", "x-y")))),
                "i", Map.of("Fn::FindInMap", List.of("M", "k1", "k2"))),
                withoutKeys(parsed, "j", "k", "l"));
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) parsed;
        assertEquals(Map.of("Fn::Base64", "abc"), map.get("j"));
        assertEquals(Map.of("Fn::Not", List.of(Map.of("Condition", "C"))), map.get("k"));
        assertEquals(Map.of("Fn::ImportValue", "shared-name"), map.get("l"));
    }

    @Test
    void resolverEvaluatesIntrinsics() {
        TemplateModel model = TemplateModel.parse("""
                Parameters:
                  Stage: { Type: String, Default: dev }
                  Empty: { Type: String, Default: "" }
                Mappings:
                  Sizes: { dev: { memory: 512 }, prod: { memory: 1024 } }
                Conditions:
                  IsDev: !Equals [!Ref Stage, dev]
                  HasEmpty: !Not [!Equals [!Ref Empty, ""]]
                  Both: !And [!Condition IsDev, !Not [!Condition HasEmpty]]
                Resources:
                  Q:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !Join ["-", [q, !Ref Stage, !If [IsDev, d, p]]]
                      DelaySeconds: !FindInMap [Sizes, !Ref Stage, memory]
                """);
        IntrinsicResolver r = model.resolver(Map.of());
        assertEquals("q-dev-d", model.queue("Q", "dev").queueName());
        assertEquals("q-prod-p", model.queue("Q", "prod").queueName());
        assertEquals("512", model.queue("Q", "dev").attributes().get("DelaySeconds"));
        assertTrue(r.condition("Both"));
        assertEquals("y", r.resolveString(Map.of("Fn::Select", List.of(1, Map.of("Fn::Split", List.of("-", "x-y"))))));
        assertEquals("${Literal}-dev", r.resolveString(Map.of("Fn::Sub", "${!Literal}-${Stage}")));
        assertEquals("a-b", r.resolveString(Map.of("Fn::Sub", List.of("${X}-b", Map.of("X", "a")))));
        assertEquals(null, r.resolveString(Map.of("Ref", "AWS::NoValue")));
        assertEquals(List.of("keep"), r.resolve(List.of("keep", Map.of("Ref", "AWS::NoValue"))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> r.resolveString(Map.of("Ref", "Q")));
        assertTrue(e.getMessage().contains("AWS::SQS::Queue"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> r.resolveString(Map.of("Ref", "Nothing")));
        assertThrows(IllegalArgumentException.class, () -> r.resolveString(Map.of("Fn::ImportValue", "x")));
    }

    @Test
    void globalsMergeLikeSam() {
        assertEquals(Map.of("A", 1, "B", 3, "C", 4),
                TemplateModel.mergeGlobals(Map.of("A", 1, "B", 2), Map.of("B", 3, "C", 4)));
        assertEquals(List.of("g", "l"), TemplateModel.mergeGlobals(List.of("g"), List.of("l")));
        assertEquals(Map.of("Ref", "X"), TemplateModel.mergeGlobals(Map.of("K", "v"), Map.of("Ref", "X")));
        assertEquals("local", TemplateModel.mergeGlobals("global", "local"));
    }

    @Test
    void rejectsDuplicateKeys() {
        assertThrows(RuntimeException.class, () -> CfnYaml.parse("a: 1\na: 2\n"));
    }

    private static Map<String, Object> withoutKeys(Object parsed, String... keys) {
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = new java.util.LinkedHashMap<>((Map<String, Object>) parsed);
        for (String k : keys) {
            copy.remove(k);
        }
        return copy;
    }
}
