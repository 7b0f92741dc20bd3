package cn.onewindow.aws;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Least privilege enforced by the code, not only by IAM: a function's DynamoDB client refuses, before anything is
 * sent, a request to a table its environment does not name (the variable is unset, so the name is null) and a query
 * of a cases-table index not listed in {@value AwsSettings#ENV_CASES_TABLE_INDEXES}. The local system runs every
 * function with the environment {@code template.yaml} gives it, so a function whose code reaches further than its
 * declaration fails in the end-to-end tests, not first in the cloud with AccessDenied.
 */
public final class AccessGuard implements ExecutionInterceptor {
    private final String casesTable;
    private final Set<String> casesIndexes;

    /** @param casesIndexes null = every index allowed */
    public AccessGuard(String casesTable, Set<String> casesIndexes) {
        this.casesTable = casesTable;
        this.casesIndexes = casesIndexes;
    }

    static AccessGuard of(AwsSettings s) {
        return new AccessGuard(s.casesTable(), s.casesIndexes());
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        String operation = request.getClass().getSimpleName().replace("Request", "");
        for (String table : tablesOf(request)) {
            if (table == null || table.isBlank()) {
                throw SdkClientException.create(operation + " refused: a table this function's environment does not"
                        + " name (its *_TABLE variable is unset, so template.yaml neither declares nor grants it)");
            }
        }
        String index = request.getValueForField("IndexName", String.class).orElse(null);
        if (index != null && casesIndexes != null) {
            String table = request.getValueForField("TableName", String.class).orElse(null);
            if (table != null && table.equals(casesTable) && !casesIndexes.contains(index)) {
                throw SdkClientException.create(operation + " of index " + index + " refused: "
                        + AwsSettings.ENV_CASES_TABLE_INDEXES + " of this function lists only " + casesIndexes);
            }
        }
    }

    /** Every table a request names (several for batches and transactions). */
    static List<String> tablesOf(SdkRequest request) {
        List<String> tables = new ArrayList<>();
        if (request instanceof TransactWriteItemsRequest t) {
            for (TransactWriteItem i : t.transactItems()) {
                if (i.put() != null) tables.add(i.put().tableName());
                if (i.update() != null) tables.add(i.update().tableName());
                if (i.delete() != null) tables.add(i.delete().tableName());
                if (i.conditionCheck() != null) tables.add(i.conditionCheck().tableName());
            }
        } else if (request instanceof TransactGetItemsRequest t) {
            t.transactItems().forEach(i -> tables.add(i.get().tableName()));
        } else if (request instanceof BatchGetItemRequest b) {
            tables.addAll(b.requestItems().keySet());
        } else if (request instanceof BatchWriteItemRequest b) {
            tables.addAll(b.requestItems().keySet());
        } else if (request.sdkFields().stream().anyMatch(f -> "TableName".equals(f.memberName()))) {
            tables.add(request.getValueForField("TableName", String.class).orElse(null));
        }
        return tables;
    }
}
