package cn.onewindow.infrastructure;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Evaluates CloudFormation intrinsic functions (long form, as produced by {@link CfnYaml}) against
 * parameter values and, optionally, against resources that exist locally.
 *
 * <p>Supported: {@code Ref} (parameters, pseudo parameters, {@code AWS::NoValue}, resources known to
 * the {@link ResourceLookup}), {@code Fn::Sub} (both forms, {@code ${!Literal}} escapes),
 * {@code Fn::GetAtt}, {@code Fn::Join}, {@code Fn::Select}, {@code Fn::Split}, {@code Fn::If},
 * {@code Fn::Equals}, {@code Fn::Not}, {@code Fn::And}, {@code Fn::Or}, {@code Condition},
 * {@code Fn::FindInMap}, {@code Fn::Base64}. Anything else, or a reference that cannot be resolved
 * locally, fails with an {@link IllegalArgumentException} naming what could not be resolved.
 */
public final class IntrinsicResolver {

    /** Answers {@code Ref} and {@code Fn::GetAtt} for resources. */
    public interface ResourceLookup {
        /** The value {@code Ref logicalId} has, if this lookup knows the resource. */
        Optional<String> ref(String logicalId);

        /** The value {@code Fn::GetAtt [logicalId, attribute]} has, if known. */
        Optional<String> getAtt(String logicalId, String attribute);

        /** Knows no resource: only parameters resolve. */
        ResourceLookup NONE = new ResourceLookup() {
            @Override
            public Optional<String> ref(String logicalId) {
                return Optional.empty();
            }

            @Override
            public Optional<String> getAtt(String logicalId, String attribute) {
                return Optional.empty();
            }
        };
    }

    /** Returned by {@link #resolve(Object)} for {@code Ref AWS::NoValue}; dropped inside maps and lists. */
    public static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "AWS::NoValue";
        }
    };

    private final TemplateModel model;
    private final Map<String, String> parameters;
    private final ResourceLookup lookup;
    private final Map<String, Boolean> conditionCache = new HashMap<>();

    /**
     * @param parameters parameter and pseudo-parameter values, as from {@link TemplateModel#parameters(Map)}
     */
    public IntrinsicResolver(TemplateModel model, Map<String, String> parameters, ResourceLookup lookup) {
        this.model = Objects.requireNonNull(model, "model");
        this.parameters = Map.copyOf(parameters);
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    public Map<String, String> parameters() {
        return parameters;
    }

    /** True if {@code value} is a single-key map naming an intrinsic function ({@code Ref}, {@code Fn::*}, {@code Condition}). */
    public static boolean isIntrinsic(Object value) {
        if (!(value instanceof Map<?, ?> map) || map.size() != 1) {
            return false;
        }
        Map.Entry<?, ?> e = map.entrySet().iterator().next();
        String key = String.valueOf(e.getKey());
        return key.equals("Ref") || key.startsWith("Fn::") || (key.equals("Condition") && e.getValue() instanceof String);
    }

    /**
     * Resolves intrinsics anywhere inside {@code value}. Maps and lists are copied; {@code AWS::NoValue}
     * entries are dropped from them; scalars are returned as they are. A top-level
     * {@code AWS::NoValue} returns {@link #NO_VALUE}.
     */
    public Object resolve(Object value) {
        if (isIntrinsic(value)) {
            Map.Entry<?, ?> e = ((Map<?, ?>) value).entrySet().iterator().next();
            return evaluate(String.valueOf(e.getKey()), e.getValue(), Map.of());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                Object r = resolve(v);
                if (r != NO_VALUE) {
                    out.put(String.valueOf(k), r);
                }
            });
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object v : list) {
                Object r = resolve(v);
                if (r != NO_VALUE) {
                    out.add(r);
                }
            }
            return out;
        }
        return value;
    }

    /**
     * Resolves {@code value} to a string: numbers and booleans are written as CloudFormation would;
     * {@code AWS::NoValue} gives {@code null}.
     */
    public String resolveString(Object value) {
        Object r = resolve(value);
        if (r == NO_VALUE || r == null) {
            return null;
        }
        return scalarString(r, value);
    }

    /** Evaluates the named entry of the template's {@code Conditions}. */
    public boolean condition(String name) {
        Boolean cached = conditionCache.get(name);
        if (cached != null) {
            return cached;
        }
        Object definition = model.conditions().get(name);
        if (definition == null) {
            throw new IllegalArgumentException("no condition named " + name + " in the template");
        }
        boolean result = toBoolean(resolve(definition), definition);
        conditionCache.put(name, result);
        return result;
    }

    private Object evaluate(String function, Object arg, Map<String, Object> subVariables) {
        switch (function) {
            case "Ref":
                return ref(String.valueOf(arg), subVariables);
            case "Condition":
                return condition(String.valueOf(arg));
            case "Fn::Sub":
                return sub(arg);
            case "Fn::GetAtt": {
                List<?> parts = list(arg, function, 2);
                String id = scalarString(resolve(parts.get(0)), arg);
                String attribute = scalarString(resolve(parts.get(1)), arg);
                return getAtt(id, attribute);
            }
            case "Fn::Join": {
                List<?> parts = list(arg, function, 2);
                String delimiter = scalarString(resolve(parts.get(0)), arg);
                Object items = resolve(parts.get(1));
                List<String> strings = new ArrayList<>();
                for (Object item : list(items, function + " list", -1)) {
                    strings.add(scalarString(item, arg));
                }
                return String.join(delimiter, strings);
            }
            case "Fn::Select": {
                List<?> parts = list(arg, function, 2);
                int index = Integer.parseInt(scalarString(resolve(parts.get(0)), arg));
                List<?> items = list(resolve(parts.get(1)), function + " list", -1);
                if (index < 0 || index >= items.size()) {
                    throw new IllegalArgumentException("Fn::Select index " + index + " out of range in " + arg);
                }
                return items.get(index);
            }
            case "Fn::Split": {
                List<?> parts = list(arg, function, 2);
                String delimiter = scalarString(resolve(parts.get(0)), arg);
                String source = scalarString(resolve(parts.get(1)), arg);
                List<Object> out = new ArrayList<>();
                int from = 0;
                int at;
                while ((at = source.indexOf(delimiter, from)) >= 0) {
                    out.add(source.substring(from, at));
                    from = at + delimiter.length();
                }
                out.add(source.substring(from));
                return out;
            }
            case "Fn::If": {
                List<?> parts = list(arg, function, 3);
                boolean c = condition(scalarString(parts.get(0), arg));
                return resolve(parts.get(c ? 1 : 2));
            }
            case "Fn::Equals": {
                List<?> parts = list(arg, function, 2);
                return Objects.equals(scalarString(resolve(parts.get(0)), arg),
                        scalarString(resolve(parts.get(1)), arg));
            }
            case "Fn::Not": {
                List<?> parts = list(arg, function, 1);
                return !toBoolean(resolve(parts.get(0)), arg);
            }
            case "Fn::And": {
                for (Object part : list(arg, function, -1)) {
                    if (!toBoolean(resolve(part), arg)) {
                        return false;
                    }
                }
                return true;
            }
            case "Fn::Or": {
                for (Object part : list(arg, function, -1)) {
                    if (toBoolean(resolve(part), arg)) {
                        return true;
                    }
                }
                return false;
            }
            case "Fn::FindInMap": {
                List<?> parts = list(arg, function, 3);
                String mapName = scalarString(resolve(parts.get(0)), arg);
                String top = scalarString(resolve(parts.get(1)), arg);
                String second = scalarString(resolve(parts.get(2)), arg);
                Object mapping = model.mappings().get(mapName);
                Object level1 = mapping instanceof Map<?, ?> m ? m.get(top) : null;
                Object level2 = level1 instanceof Map<?, ?> m ? m.get(second) : null;
                if (level2 == null) {
                    throw new IllegalArgumentException("Fn::FindInMap found nothing for " + arg);
                }
                return level2;
            }
            case "Fn::Base64":
                return Base64.getEncoder().encodeToString(
                        scalarString(resolve(arg), arg).getBytes(StandardCharsets.UTF_8));
            default:
                throw new IllegalArgumentException(function + " cannot be resolved locally: " + arg);
        }
    }

    private Object ref(String name, Map<String, Object> subVariables) {
        if (subVariables.containsKey(name)) {
            return subVariables.get(name);
        }
        if (name.equals("AWS::NoValue")) {
            return NO_VALUE;
        }
        String parameter = parameters.get(name);
        if (parameter != null) {
            return parameter;
        }
        if (model.parameterNames().contains(name)) {
            throw new IllegalArgumentException("parameter " + name + " has no default and no value was given");
        }
        Optional<String> resource = lookup.ref(name);
        if (resource.isPresent()) {
            return resource.get();
        }
        Optional<ResourceSpec> spec = model.resource(name);
        if (spec.isPresent()) {
            throw new IllegalArgumentException("Ref " + name + " (" + spec.get().type()
                    + ") cannot be resolved locally: no local counterpart has been provisioned");
        }
        throw new IllegalArgumentException("Ref " + name + ": no such parameter or resource in the template");
    }

    private String getAtt(String logicalId, String attribute) {
        Optional<String> value = lookup.getAtt(logicalId, attribute);
        if (value.isPresent()) {
            return value.get();
        }
        String type = model.resource(logicalId).map(ResourceSpec::type).orElse(null);
        if (type == null) {
            throw new IllegalArgumentException("Fn::GetAtt " + logicalId + "." + attribute
                    + ": no such resource in the template");
        }
        throw new IllegalArgumentException("Fn::GetAtt " + logicalId + "." + attribute + " (" + type
                + ") cannot be resolved locally");
    }

    private String sub(Object arg) {
        String template;
        Map<String, Object> variables = new HashMap<>();
        if (arg instanceof List<?> parts) {
            if (parts.size() != 2 || !(parts.get(1) instanceof Map<?, ?> vars)) {
                throw new IllegalArgumentException("Fn::Sub expects [string, {variables}], got " + arg);
            }
            template = scalarString(parts.get(0), arg);
            vars.forEach((k, v) -> variables.put(String.valueOf(k), resolve(v)));
        } else {
            template = scalarString(arg, arg);
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int start = template.indexOf("${", i);
            if (start < 0) {
                out.append(template, i, template.length());
                break;
            }
            out.append(template, i, start);
            int end = template.indexOf('}', start);
            if (end < 0) {
                throw new IllegalArgumentException("unclosed ${ in Fn::Sub: " + template);
            }
            String name = template.substring(start + 2, end).trim();
            if (name.startsWith("!")) {
                out.append("${").append(name.substring(1)).append('}');
            } else if (variables.containsKey(name)) {
                out.append(scalarString(variables.get(name), arg));
            } else if (name.contains(".") && !parameters.containsKey(name)) {
                int dot = name.indexOf('.');
                out.append(getAtt(name.substring(0, dot), name.substring(dot + 1)));
            } else {
                out.append(scalarString(ref(name, Map.of()), arg));
            }
            i = end + 1;
        }
        return out.toString();
    }

    private static List<?> list(Object value, String what, int expectedSize) {
        if (!(value instanceof List<?> l) || (expectedSize >= 0 && l.size() != expectedSize)) {
            throw new IllegalArgumentException(what + " expects a list"
                    + (expectedSize >= 0 ? " of " + expectedSize : "") + ", got " + value);
        }
        return l;
    }

    private static String scalarString(Object value, Object context) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        throw new IllegalArgumentException("expected a scalar, got " + value + " in " + context);
    }

    private static boolean toBoolean(Object value, Object context) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw new IllegalArgumentException("expected a condition (boolean), got " + value + " in " + context);
    }
}
