package com.medialake.lambda.config;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YAML read as the Pulumi CLI reads stack and project files (gopkg.in/yaml.v3, YAML 1.2's core schema): only
 * true/false are booleans, no timestamps, {@code !!binary} decoded to text, duplicate keys refused, aliases of
 * collections bounded; and a writer that stops past a bound, for what the CLI could not pass on.
 */
final class CliYaml {
    private CliYaml() {
    }

    static Yaml yaml() {
        var options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        return new Yaml(new CliConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                options, new CoreSchemaResolver());
    }

    /**
     * Values as the CLI's YAML reader gives them: {@code !!binary} is decoded to its text (yaml.v3 decodes it
     * into a string), not a Java byte array.
     */
    static final class CliConstructor extends SafeConstructor {
        CliConstructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(Tag.BINARY, new org.yaml.snakeyaml.constructor.AbstractConstruct() {
                @Override
                public Object construct(org.yaml.snakeyaml.nodes.Node node) {
                    String base64 = ((org.yaml.snakeyaml.nodes.ScalarNode) node).getValue();
                    return new String(java.util.Base64.getMimeDecoder().decode(base64),
                            java.nio.charset.StandardCharsets.UTF_8);
                }
            });
        }
    }

    /**
     * The Pulumi CLI reads stack files as YAML 1.2, where only true/false are booleans; SnakeYAML's YAML 1.1
     * would turn an unquoted yes/no/on/off into a boolean the CLI never sees.
     */
    static final class CoreSchemaResolver extends Resolver {
        private static final Pattern CORE_BOOL = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");

        @Override
        public Tag resolve(NodeId kind, String value, boolean implicit) {
            Tag tag = super.resolve(kind, value, implicit);
            if (implicit && tag.equals(Tag.TIMESTAMP)) {
                // YAML 1.2's core schema has no timestamps: an unquoted 2026-01-01 stays the text the CLI passes.
                return Tag.STR;
            }
            return tag.equals(Tag.BOOL) && implicit && !CORE_BOOL.matcher(value).matches() ? Tag.STR : tag;
        }
    }

    /** Stops writing past a bound, so a value that unfolds to gigabytes is refused, not held in memory. */
    static final class BoundedWriter extends java.io.Writer {
        static final class TooLong extends RuntimeException {
            TooLong() {
                super(null, null, false, false);
            }
        }

        private final StringBuilder text = new StringBuilder();
        private final int bound;

        BoundedWriter(int bound) {
            this.bound = bound;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            if (text.length() + length > bound) {
                throw new TooLong();
            }
            text.append(chars, offset, length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
