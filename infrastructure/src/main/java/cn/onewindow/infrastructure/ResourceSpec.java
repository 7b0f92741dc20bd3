package cn.onewindow.infrastructure;

import java.util.Map;

/**
 * One entry of the template's {@code Resources} section, as written (intrinsics in long form, see
 * {@link CfnYaml}).
 *
 * @param logicalId  the resource's logical id, e.g. {@code CasesTable}
 * @param type       e.g. {@code AWS::DynamoDB::Table}
 * @param properties its {@code Properties} (empty map if none)
 * @param definition the whole resource entry (Type, Properties, Condition, DependsOn, ...)
 */
public record ResourceSpec(String logicalId, String type, Map<String, Object> properties,
        Map<String, Object> definition) {
}
