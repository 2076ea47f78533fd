package org.lfenergy.sogno.sdk.lint.internal.events;

import org.lfenergy.sogno.sdk.lint.Level;
import org.lfenergy.sogno.sdk.lint.internal.Pointers;

/**
 * SOGNO-901: every channel's address (AsyncAPI 3 {@code address}, AsyncAPI 2 channel key) is a topic
 * named {@code sogno.<domain>.<event>.v<N>} or its dead-letter topic {@code <topic>.dlt}, and a Kafka
 * binding's {@code topic} says the same.
 */
final class TopicNames extends EventRule {

    TopicNames() {
        super("SOGNO-901", Level.MUST, "Topics are named sogno.<domain>.<event>.v<N>; dead letters go to <topic>.dlt");
    }

    @Override
    public void check(AsyncApiDocument document) {
        for (AsyncApiDocument.Channel channel : document.channels()) {
            String address = channel.address();
            if (address == null) {
                report(document, channel.pointer(), "Channel '" + channel.key()
                        + "' has no address; name its topic sogno.<domain>.<event>.v<N>");
                continue;
            }
            if (EventRules.version(EventRules.TOPIC, address) == null) {
                report(document, channel.addressPointer(), "Topic '" + address
                        + "' does not follow sogno.<domain>.<event>.v<N> (lowercase kebab-case words,"
                        + " a major version; dead letters <topic>.dlt)");
            }
            String bound = AsyncApiDocument.textOrNull(channel.node().path("bindings").path("kafka").get("topic"));
            if (bound != null && !bound.equals(address)) {
                report(document, Pointers.append(channel.pointer(), "bindings", "kafka", "topic"),
                        "Kafka binding topic '" + bound + "' differs from the channel's address '" + address + "'");
            }
        }
    }
}
