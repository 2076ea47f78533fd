package org.lfenergy.sogno.sdk.lint.internal.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import org.lfenergy.sogno.sdk.lint.Level;
import org.lfenergy.sogno.sdk.lint.internal.Pointers;

/**
 * SOGNO-903, as far as one document can show compatible evolution: a message's {@code ce_type}
 * major version is its topic's ({@code ….v2} events on a {@code ….v1} topic mean a breaking change
 * went to the old topic), and payload schemas stay open ({@code additionalProperties: false} makes
 * every added property a breaking change for consumers that validate).
 */
final class CompatibleEvolution extends EventRule {

    private static final String[] NESTED = {"properties", "patternProperties"};
    private static final String[] COMPOSED = {"allOf", "anyOf", "oneOf"};

    CompatibleEvolution() {
        super("SOGNO-903", Level.MUST, "Event payloads evolve compatibly; a breaking change is a new topic version");
    }

    @Override
    public void check(AsyncApiDocument document) {
        Set<String> visited = new HashSet<>();
        for (AsyncApiDocument.Channel channel : document.channels()) {
            if (channel.deadLetters()) {
                continue;
            }
            String topicVersion = EventRules.version(EventRules.TOPIC, channel.address());
            for (AsyncApiDocument.Message message : channel.messages()) {
                JsonNode headers = message.node().get("headers");
                if (topicVersion != null && headers != null) {
                    checkTypeVersion(document, channel, topicVersion,
                            document.shape(Pointers.append(message.pointer(), "headers"), headers));
                }
                JsonNode payload = message.node().get("payload");
                if (payload != null) {
                    walk(document, Pointers.append(message.pointer(), "payload"), payload, visited);
                }
            }
        }
    }

    private void checkTypeVersion(AsyncApiDocument document, AsyncApiDocument.Channel channel, String topicVersion,
            AsyncApiDocument.Shape headers) {
        for (CeType type : CeType.of(headers)) {
            String typeVersion = EventRules.version(EventRules.CE_TYPE, type.value());
            if (typeVersion != null && !typeVersion.equals(topicVersion)) {
                report(document, type.pointer(), "ce_type '" + type.value() + "' is version v" + typeVersion
                        + " but topic '" + channel.address() + "' is v" + topicVersion
                        + "; a breaking change publishes to a new topic version with the new ce_type");
            }
        }
    }

    private void walk(AsyncApiDocument document, String pointer, JsonNode node, Set<String> visited) {
        AsyncApiDocument.SchemaAt at = document.unwrap(pointer, node);
        JsonNode schema = at.node();
        if (schema == null || !schema.isObject() || !visited.add(at.pointer())) {
            return;
        }
        JsonNode additional = schema.get("additionalProperties");
        if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
            report(document, Pointers.append(at.pointer(), "additionalProperties"), "additionalProperties: false closes"
                    + " an event payload: every added property becomes a breaking change; leave it open");
        } else if (additional != null && additional.isObject()) {
            walk(document, Pointers.append(at.pointer(), "additionalProperties"), additional, visited);
        }
        for (String keyword : NESTED) {
            schema.path(keyword).properties().forEach(p ->
                    walk(document, Pointers.append(at.pointer(), keyword, p.getKey()), p.getValue(), visited));
        }
        for (String keyword : COMPOSED) {
            JsonNode members = schema.path(keyword);
            for (int i = 0; i < members.size(); i++) {
                walk(document, Pointers.append(at.pointer(), keyword, i), members.get(i), visited);
            }
        }
        if (schema.has("items")) {
            walk(document, Pointers.append(at.pointer(), "items"), schema.get("items"), visited);
        }
    }
}
