package org.lfenergy.sogno.sdk.lint.internal.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.lfenergy.sogno.sdk.lint.Level;
import org.lfenergy.sogno.sdk.lint.internal.Pointers;

/**
 * SOGNO-902: the document is the events' contract: every channel names its messages, and every
 * message of an event topic has a payload schema that says something (a reference, a type or
 * composition). Dead-letter topics carry other topics' records verbatim and need no payload.
 */
final class EventContracts extends EventRule {

    EventContracts() {
        super("SOGNO-902", Level.MUST, "Event streams are described in AsyncAPI next to the OpenAPI spec");
    }

    @Override
    public void check(AsyncApiDocument document) {
        for (AsyncApiDocument.Channel channel : document.channels()) {
            if (channel.messages().isEmpty()) {
                report(document, channel.pointer(), "Channel '" + channel.key()
                        + "' declares no messages; describe what its records carry");
                continue;
            }
            if (channel.deadLetters()) {
                continue;
            }
            for (AsyncApiDocument.Message message : channel.messages()) {
                JsonNode payload = message.node().get("payload");
                String payloadPointer = Pointers.append(message.pointer(), "payload");
                AsyncApiDocument.SchemaAt schema = payload == null ? null : document.unwrap(payloadPointer, payload);
                if (payload == null) {
                    report(document, message.pointer(), "Message has no payload schema; describe the record value"
                            + " (reference the OpenAPI component it carries, e.g. Job)");
                } else if (!describes(schema.node())) {
                    report(document, schema.pointer(),
                            "Message payload schema is empty; give it a type, properties or a reference");
                }
            }
        }
    }

    private static boolean describes(JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            return false;
        }
        for (String keyword : new String[] {"$ref", "type", "properties", "allOf", "oneOf", "anyOf", "enum", "const"}) {
            if (schema.has(keyword)) {
                return true;
            }
        }
        return false;
    }
}
