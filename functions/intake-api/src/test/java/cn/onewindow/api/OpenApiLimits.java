package cn.onewindow.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Writes the maxima of {@link Limits} into the OpenAPI document the test application generates from the code (the
 * one {@link OpenApiDocumentTest} holds the committed document to): {@code maxLength} on every string property (and
 * on the entries of a list of strings), {@code maxItems} on every list property.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiLimits implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) return;
        for (Schema schema : openAPI.getComponents().getSchemas().values()) {
            Map<String, Schema> props = schema.getProperties();
            if (props == null) continue;
            for (Map.Entry<String, Schema> p : props.entrySet()) apply(p.getKey(), p.getValue());
        }
    }

    private static void apply(String name, Schema s) {
        if (s == null) return;
        if (isType(s, Schema.SchemaType.STRING) && s.getEnumeration() == null && s.getFormat() == null) {
            s.setMaxLength(Limits.maxLength(name));
        } else if (isType(s, Schema.SchemaType.ARRAY)) {
            s.setMaxItems(Limits.maxItems(name));
            Schema items = s.getItems();
            if (items != null && isType(items, Schema.SchemaType.STRING) && items.getEnumeration() == null
                    && items.getFormat() == null) {
                items.setMaxLength(Limits.maxLength(name));
            }
        } else if (isType(s, Schema.SchemaType.NUMBER)) {
            s.setMaximum(BigDecimal.TEN.pow(Limits.MAX_DIGITS));
        }
    }

    private static boolean isType(Schema s, Schema.SchemaType t) {
        List<Schema.SchemaType> types = s.getType();
        return types != null && types.contains(t);
    }
}
