package cn.onewindow.infrastructure;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads CloudFormation / SAM YAML with SnakeYAML, turning the short-form intrinsic tags into the
 * long form CloudFormation itself uses: {@code !Ref X} becomes {@code {"Ref": "X"}}, {@code !Sub s}
 * becomes {@code {"Fn::Sub": s}}, {@code !GetAtt A.B} becomes {@code {"Fn::GetAtt": ["A", "B"]}}
 * and so on. Mappings keep their order (LinkedHashMap); duplicate keys are rejected.
 */
public final class CfnYaml {

    /** Short-form tag (without the "!") → long-form key. */
    private static final Map<String, String> TAGS = new LinkedHashMap<>();

    static {
        TAGS.put("Ref", "Ref");
        TAGS.put("Condition", "Condition");
        for (String fn : List.of("Sub", "GetAtt", "Join", "If", "Equals", "Not", "And", "Or", "Select",
                "Split", "FindInMap", "Base64", "Cidr", "ImportValue", "GetAZs", "Transform", "Length",
                "ToJsonString", "ForEach")) {
            TAGS.put(fn, "Fn::" + fn);
        }
    }

    private CfnYaml() {
    }

    /** Parses one YAML document into plain maps, lists, strings, numbers and booleans. */
    public static Object parse(Reader reader) {
        return newYaml().load(reader);
    }

    /** Parses one YAML document into plain maps, lists, strings, numbers and booleans. */
    public static Object parse(String yaml) {
        return newYaml().load(yaml);
    }

    private static Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(200);
        return new Yaml(new CfnConstructor(options));
    }

    private static final class CfnConstructor extends SafeConstructor {

        CfnConstructor(LoaderOptions options) {
            super(options);
            TAGS.forEach((shortName, longName) -> yamlConstructors.put(new Tag("!" + shortName),
                    new IntrinsicConstruct(longName)));
        }

        private final class IntrinsicConstruct extends AbstractConstruct {
            private final String key;

            IntrinsicConstruct(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    String text = constructScalar(scalar);
                    if (key.equals("Fn::GetAtt")) {
                        // !GetAtt Resource.Attribute(.Nested) → [Resource, Attribute(.Nested)]
                        int dot = text.indexOf('.');
                        if (dot < 0) {
                            throw new IllegalArgumentException("!GetAtt needs Resource.Attribute, got: " + text);
                        }
                        List<Object> parts = new ArrayList<>(2);
                        parts.add(text.substring(0, dot));
                        parts.add(text.substring(dot + 1));
                        value = parts;
                    } else {
                        value = text;
                    }
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                Map<String, Object> intrinsic = new LinkedHashMap<>(1);
                intrinsic.put(key, value);
                return intrinsic;
            }
        }
    }
}
