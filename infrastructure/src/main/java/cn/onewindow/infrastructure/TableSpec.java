package cn.onewindow.infrastructure;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A DynamoDB table declared in the template ({@code AWS::DynamoDB::Table}), with its name resolved
 * for one set of parameters (stage).
 *
 * @param logicalId              e.g. {@code CasesTable}
 * @param tableName              resolved {@code TableName}, e.g. {@code onewindow-cases-dev}
 * @param keySchema              the table's key, HASH first
 * @param attributeDefinitions   attribute name → type ({@code S}, {@code N}, {@code B}), in template order
 * @param globalSecondaryIndexes GSIs in template order
 * @param localSecondaryIndexes  LSIs in template order
 * @param ttlAttribute           the TTL attribute if {@code TimeToLiveSpecification} is enabled
 * @param billingMode            {@code PAY_PER_REQUEST} or {@code PROVISIONED} as declared (default PROVISIONED)
 * @param pointInTimeRecovery    whether PITR is declared enabled
 * @param streamViewType         the stream view type if {@code StreamSpecification} is declared
 */
public record TableSpec(
        String logicalId,
        String tableName,
        List<KeyElement> keySchema,
        Map<String, String> attributeDefinitions,
        List<IndexSpec> globalSecondaryIndexes,
        List<IndexSpec> localSecondaryIndexes,
        Optional<String> ttlAttribute,
        String billingMode,
        boolean pointInTimeRecovery,
        Optional<String> streamViewType) {

    /** One element of a key schema. */
    public record KeyElement(String attributeName, String keyType) {
        public boolean isHash() {
            return "HASH".equals(keyType);
        }
    }

    /**
     * A secondary index.
     *
     * @param nonKeyAttributes only for projection type {@code INCLUDE}; empty otherwise
     */
    public record IndexSpec(String indexName, List<KeyElement> keySchema, String projectionType,
            List<String> nonKeyAttributes) {

        public String hashKey() {
            return TableSpec.hashKeyOf(keySchema);
        }

        public Optional<String> rangeKey() {
            return TableSpec.rangeKeyOf(keySchema);
        }
    }

    public String hashKey() {
        return hashKeyOf(keySchema);
    }

    public Optional<String> rangeKey() {
        return rangeKeyOf(keySchema);
    }

    public Optional<IndexSpec> globalSecondaryIndex(String indexName) {
        return globalSecondaryIndexes.stream().filter(i -> i.indexName().equals(indexName)).findFirst();
    }

    static String hashKeyOf(List<KeyElement> keySchema) {
        return keySchema.stream().filter(KeyElement::isHash).map(KeyElement::attributeName).findFirst()
                .orElseThrow(() -> new IllegalStateException("key schema without HASH key: " + keySchema));
    }

    static Optional<String> rangeKeyOf(List<KeyElement> keySchema) {
        return keySchema.stream().filter(k -> "RANGE".equals(k.keyType())).map(KeyElement::attributeName)
                .findFirst();
    }
}
