package org.lfenergy.sogno.sdk.lint.internal.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.lfenergy.sogno.sdk.lint.Level;
import org.lfenergy.sogno.sdk.lint.internal.Pointers;

/**
 * SOGNO-900: every message of an event topic is a CloudEvent in Kafka binary content mode: JSON
 * content, the required attributes as required {@code ce_} headers, a {@code ce_type} of the form
 * {@code org.lfenergy.sogno.<entity>.<event>.v<N>}. Dead-letter topics carry other topics' records
 * and are exempt.
 */
final class CloudEventsBinaryMode extends EventRule {

    static final List<String> REQUIRED = List.of("ce_specversion", "ce_id", "ce_source", "ce_type");

    CloudEventsBinaryMode() {
        super("SOGNO-900", Level.MUST, "Events are CloudEvents 1.0 on Kafka, binary content mode");
    }

    @Override
    public void check(AsyncApiDocument document) {
        for (AsyncApiDocument.Channel channel : document.channels()) {
            if (channel.deadLetters()) {
                continue;
            }
            for (AsyncApiDocument.Message message : channel.messages()) {
                checkContentType(document, message);
                checkHeaders(document, message);
            }
        }
    }

    private void checkContentType(AsyncApiDocument document, AsyncApiDocument.Message message) {
        String own = AsyncApiDocument.textOrNull(message.node().get("contentType"));
        String type = own != null ? own : document.defaultContentType();
        String at = own != null ? Pointers.append(message.pointer(), "contentType") : message.pointer();
        if (type == null) {
            report(document, at, "Message declares no contentType (nor the document a defaultContentType);"
                    + " CloudEvents binary mode on SOGNO carries application/json");
        } else if (type.startsWith("application/cloudevents")) {
            report(document, at, "Message content type '" + type + "' is CloudEvents structured mode;"
                    + " use binary mode: ce_ headers and an application/json payload");
        } else if (!type.equals("application/json")) {
            report(document, at, "Message content type '" + type + "' is not application/json");
        }
    }

    private void checkHeaders(AsyncApiDocument document, AsyncApiDocument.Message message) {
        JsonNode headers = message.node().get("headers");
        if (headers == null) {
            report(document, message.pointer(), "Message declares no headers; CloudEvents binary mode carries "
                    + String.join(", ", REQUIRED) + " as required ce_ headers");
            return;
        }
        String headersPointer = Pointers.append(message.pointer(), "headers");
        AsyncApiDocument.Shape shape = document.shape(headersPointer, headers);
        List<String> missing = REQUIRED.stream()
                .filter(name -> !shape.properties().containsKey(name) || !shape.required().contains(name)).toList();
        if (!missing.isEmpty()) {
            report(document, headersPointer, "Message headers lack the required CloudEvents attribute(s) "
                    + String.join(", ", missing) + " (declared as properties and listed in 'required')");
        }
        for (AsyncApiDocument.SchemaAt specVersion : shape.properties().getOrDefault("ce_specversion", List.of())) {
            JsonNode constant = specVersion.node().get("const");
            if (constant != null && !constant.asText().equals("1.0")) {
                report(document, Pointers.append(specVersion.pointer(), "const"),
                        "ce_specversion is '" + constant.asText() + "'; SOGNO events are CloudEvents 1.0");
            }
        }
        for (CeType type : CeType.of(shape)) {
            if (EventRules.version(EventRules.CE_TYPE, type.value()) == null) {
                report(document, type.pointer(), "ce_type '" + type.value()
                        + "' does not follow org.lfenergy.sogno.<entity>.<event>.v<N>");
            }
        }
    }
}
