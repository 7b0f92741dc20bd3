package cn.onewindow.infrastructure;

import java.util.List;
import java.util.Map;

/**
 * A Lambda function declared in the template ({@code AWS::Serverless::Function}) with the template's
 * {@code Globals.Function} merged in the way SAM merges them (maps merged, lists concatenated,
 * scalars and intrinsics overridden by the function).
 *
 * @param logicalId   e.g. {@code IntakeApiFunction}
 * @param handler     e.g. {@code io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest}
 * @param runtime     e.g. {@code java21}
 * @param codeUri     the {@code CodeUri} when it is a plain path, else {@code null}
 * @param environment {@code Environment.Variables}, values raw (strings or intrinsics such as
 *                    {@code {"Ref": "CasesTable"}}); resolve them with
 *                    {@link ProvisionedResources#environmentFor(String)}
 * @param policies    {@code Policies}, raw
 * @param events      {@code Events}, raw, by event name
 * @param properties  all merged properties, raw
 */
public record FunctionSpec(
        String logicalId,
        String handler,
        String runtime,
        String codeUri,
        Map<String, Object> environment,
        List<Object> policies,
        Map<String, Object> events,
        Map<String, Object> properties) {
}
