package org.lfenergy.sogno.sdk.lint.internal.events;

import java.util.Set;
import java.util.stream.Collectors;
import org.lfenergy.sogno.sdk.lint.Level;

/**
 * SOGNO-904, as far as a document can show it: delivery is at least once and a record a consumer
 * cannot process after its retries goes to {@code <topic>.dlt}, so every topic the application
 * receives from has its dead-letter channel described too.
 */
final class DeadLetterTopics extends EventRule {

    DeadLetterTopics() {
        super("SOGNO-904", Level.MUST, "Consumers are idempotent (delivery is at least once)");
    }

    @Override
    public void check(AsyncApiDocument document) {
        Set<String> addresses = document.channels().stream().map(AsyncApiDocument.Channel::address)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        for (AsyncApiDocument.Channel channel : document.channels()) {
            if (channel.deadLetters() || channel.address() == null) {
                continue;
            }
            String deadLetters = channel.address() + ".dlt";
            if (!addresses.contains(deadLetters)) {
                for (String operation : channel.receivingOperations()) {
                    report(document, operation, "Receives from '" + channel.address() + "' but the document has no"
                            + " dead-letter channel '" + deadLetters + "'; records a consumer cannot process go there");
                }
            }
        }
    }
}
