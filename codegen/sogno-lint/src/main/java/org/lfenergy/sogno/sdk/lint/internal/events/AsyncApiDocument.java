package org.lfenergy.sogno.sdk.lint.internal.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.lfenergy.sogno.sdk.lint.RuleInfo;
import org.lfenergy.sogno.sdk.lint.internal.Pointers;
import org.lfenergy.sogno.sdk.lint.internal.rules.LintContext;

/**
 * What an event rule sees of one AsyncAPI 2.x or 3.0 document, read as a plain YAML/JSON tree: its
 * channels with their addresses and messages (local {@code $ref}s followed), which channels the
 * application receives from, and where to report.
 *
 * <p>A tree and not a parser's model: no AsyncAPI parser for Java is maintained (the JS parser is
 * the reference), the rules read only a handful of fields that are plain in both versions, and the
 * tree keeps JSON pointers, which locate findings in the source. Not thread-safe: one instance per
 * lint run.
 */
public final class AsyncApiDocument {

    /** A message of a channel, after following references; {@code pointer} is where it is defined. */
    public record Message(String pointer, JsonNode node) {
    }

    /**
     * A channel: its key, where it is, its address (the Kafka topic; null when the document has none),
     * where the address is written, its messages, and the operations receiving from it (pointers).
     */
    public record Channel(String key, String pointer, String address, String addressPointer, JsonNode node,
            List<Message> messages, List<String> receivingOperations) {

        /** Tells whether this is a dead-letter topic ({@code <topic>.dlt}), whose records are other topics' records. */
        public boolean deadLetters() {
            return address != null && address.endsWith(".dlt");
        }
    }

    /** A schema node after following references, and where it is defined. */
    public record SchemaAt(String pointer, JsonNode node) {
    }

    private static final Pattern V3 = Pattern.compile("3\\.\\d+\\.\\d+.*");
    private static final int MAX_REF_HOPS = 16;

    private final JsonNode root;
    private final boolean v3;
    private final List<Channel> channels;
    private final List<LintContext.RawFinding> findings = new ArrayList<>();

    public AsyncApiDocument(JsonNode root) {
        this.root = root;
        this.v3 = V3.matcher(root.path("asyncapi").asText("")).matches();
        this.channels = v3 ? channelsV3() : channelsV2();
    }

    /** Tells whether the document is AsyncAPI 3 (else 2.x). */
    public boolean isV3() {
        return v3;
    }

    /** The document's channels in source order. */
    public List<Channel> channels() {
        return channels;
    }

    /** The default content type of messages ({@code defaultContentType}), or null. */
    public String defaultContentType() {
        return textOrNull(root.get("defaultContentType"));
    }

    public void report(RuleInfo rule, String pointer, String message) {
        findings.add(new LintContext.RawFinding(rule, pointer, message));
    }

    public List<LintContext.RawFinding> findings() {
        return Collections.unmodifiableList(findings);
    }

    /**
     * Follows local references ({@code #/...}) from {@code node} at {@code pointer}; stops at a
     * reference that is not local, does not resolve, or loops (returning that reference node).
     */
    public SchemaAt resolve(String pointer, JsonNode node) {
        for (int hops = 0; hops < MAX_REF_HOPS && node != null && node.isObject() && node.has("$ref"); hops++) {
            String ref = node.path("$ref").asText("");
            if (!ref.startsWith("#")) {
                break;
            }
            JsonNode target = root.at(ref.substring(1));
            if (target.isMissingNode()) {
                break;
            }
            pointer = ref.substring(1);
            node = target;
        }
        return new SchemaAt(pointer, node);
    }

    /**
     * A schema's property names and required names, through references and {@code allOf} (and the
     * AsyncAPI 3 multi-format wrapper {@code {schemaFormat, schema}}).
     */
    public Shape shape(String pointer, JsonNode schema) {
        Shape shape = new Shape();
        collect(pointer, schema, shape, new HashSet<>());
        return shape;
    }

    /** Property schemas by name (every definition, {@code allOf} members included) and the required names. */
    public static final class Shape {
        private final Map<String, List<SchemaAt>> properties = new java.util.LinkedHashMap<>();
        private final Set<String> required = new java.util.LinkedHashSet<>();

        public Map<String, List<SchemaAt>> properties() {
            return properties;
        }

        public Set<String> required() {
            return required;
        }
    }

    private void collect(String pointer, JsonNode schema, Shape shape, Set<String> seen) {
        SchemaAt at = unwrap(pointer, schema);
        if (at.node() == null || !at.node().isObject() || !seen.add(at.pointer())) {
            return;
        }
        at.node().path("properties").properties().forEach(p -> shape.properties
                .computeIfAbsent(p.getKey(), k -> new ArrayList<>())
                .add(resolve(Pointers.append(at.pointer(), "properties", p.getKey()), p.getValue())));
        at.node().path("required").forEach(name -> shape.required.add(name.asText()));
        JsonNode allOf = at.node().path("allOf");
        for (int i = 0; i < allOf.size(); i++) {
            collect(Pointers.append(at.pointer(), "allOf", i), allOf.get(i), shape, seen);
        }
    }

    /** Resolves references and unwraps AsyncAPI 3's multi-format schema object. */
    public SchemaAt unwrap(String pointer, JsonNode schema) {
        SchemaAt at = resolve(pointer, schema);
        if (at.node() != null && at.node().has("schemaFormat") && at.node().has("schema")) {
            return resolve(Pointers.append(at.pointer(), "schema"), at.node().get("schema"));
        }
        return at;
    }

    private List<Channel> channelsV3() {
        List<Channel> result = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : root.path("channels").properties()) {
            String pointer = Pointers.of("channels", entry.getKey());
            SchemaAt channel = resolve(pointer, entry.getValue());
            List<Message> messages = new ArrayList<>();
            channel.node().path("messages").properties().forEach(m -> messages.add(message(
                    Pointers.append(channel.pointer(), "messages", m.getKey()), m.getValue())));
            List<String> receivers = new ArrayList<>();
            root.path("operations").properties().forEach(op -> {
                String target = op.getValue().path("channel").path("$ref").asText("");
                if (op.getValue().path("action").asText("").equals("receive")
                        && (target.equals("#" + pointer) || target.equals("#" + channel.pointer()))) {
                    receivers.add(Pointers.of("operations", op.getKey()));
                }
            });
            result.add(new Channel(entry.getKey(), channel.pointer(), textOrNull(channel.node().get("address")),
                    Pointers.append(channel.pointer(), "address"), channel.node(), messages, receivers));
        }
        return List.copyOf(result);
    }

    private List<Channel> channelsV2() {
        List<Channel> result = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : root.path("channels").properties()) {
            String pointer = Pointers.of("channels", entry.getKey());
            SchemaAt channel = resolve(pointer, entry.getValue());
            List<Message> messages = new ArrayList<>();
            List<String> receivers = new ArrayList<>();
            // AsyncAPI 2: 'publish' holds what others publish and the application receives.
            for (String operation : List.of("subscribe", "publish")) {
                JsonNode op = channel.node().get(operation);
                if (op == null) {
                    continue;
                }
                String opPointer = Pointers.append(channel.pointer(), operation);
                if (operation.equals("publish")) {
                    receivers.add(opPointer);
                }
                Message message = message(Pointers.append(opPointer, "message"), op.get("message"));
                JsonNode oneOf = message.node() == null ? null : message.node().get("oneOf");
                if (oneOf != null && oneOf.isArray()) {
                    for (int i = 0; i < oneOf.size(); i++) {
                        messages.add(message(Pointers.append(message.pointer(), "oneOf", i), oneOf.get(i)));
                    }
                } else if (message.node() != null) {
                    messages.add(message);
                }
            }
            result.add(new Channel(entry.getKey(), channel.pointer(), entry.getKey(), pointer, channel.node(),
                    dedupe(messages), receivers));
        }
        return List.copyOf(result);
    }

    private Message message(String pointer, JsonNode node) {
        SchemaAt at = resolve(pointer, node);
        return new Message(at.pointer(), at.node());
    }

    private static List<Message> dedupe(List<Message> messages) {
        Set<String> seen = new HashSet<>();
        return messages.stream().filter(m -> seen.add(m.pointer())).toList();
    }

    static String textOrNull(JsonNode node) {
        return node == null || !node.isTextual() ? null : node.asText();
    }
}
