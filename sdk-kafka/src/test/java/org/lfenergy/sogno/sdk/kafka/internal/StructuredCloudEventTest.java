package org.lfenergy.sogno.sdk.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.kafka.InvalidEventException;

class StructuredCloudEventTest {
  private static final SognoJson JSON = SognoJson.defaults();

  @Test
  void theContentTypeHeaderAloneMarksStructuredModeWhateverItsCaseAndParameters() {
    assertThat(StructuredCloudEvent.isStructured(headers("Application/CloudEvents+JSON; charset=UTF-8"))).isTrue();
    assertThat(StructuredCloudEvent.isStructured(headers("application/cloudevents-batch+json"))).isTrue();
    assertThat(StructuredCloudEvent.isStructured(headers("application/json"))).isFalse();
    assertThat(StructuredCloudEvent.isStructured(new RecordHeaders())).isFalse();
  }

  @Test
  void readsTheAttributesKeepsExtensionsAsTextAndLeavesDataUntyped() {
    StructuredCloudEvent event = read("{\"specversion\":\"1.0\",\"id\":\"e-1\",\"source\":\"/dpsim\","
        + "\"type\":\"t.v1\",\"subject\":\"j-1\",\"priority\":3,\"data\":{\"a\":1}}");

    assertThat(event.attributes.id).isEqualTo("e-1");
    assertThat(event.attributes.type).isEqualTo("t.v1");
    assertThat(event.attributes.subject).isEqualTo("j-1");
    assertThat(event.attributes.source.toString()).isEqualTo("/dpsim");
    assertThat(event.attributes.contentType).isEqualTo("application/json");
    assertThat(event.attributes.extensions).containsExactly(Map.entry("priority", "3"));
    assertThat(event.data).isEqualTo(Map.of("a", 1));
  }

  @Test
  void refusesWhatIsNotAJsonFormatCloudEventNamingTheMember() {
    assertInvalid("{\"specversion\":\"0.3\",\"id\":\"e\",\"source\":\"/s\",\"type\":\"t\"}", "spec version 0.3");
    assertInvalid("{\"id\":\"e\",\"source\":\"/s\",\"type\":\"t\"}", "no member specversion");
    assertInvalid("{\"specversion\":\"1.0\",\"id\":\"e\",\"type\":\"t\"}", "no member source");
    assertInvalid("{\"specversion\":\"1.0\",\"id\":\"e\",\"source\":\"/s\",\"type\":\"t\",\"time\":\"noon\"}",
        "member time is not an RFC 3339 timestamp");
    assertInvalid("{\"specversion\":\"1.0\",\"id\":{\"x\":1},\"source\":\"/s\",\"type\":\"t\"}",
        "attribute id of a structured-mode event must be a string");
    assertInvalid("{\"specversion\":\"1.0\",\"id\":\"e\",\"source\":\"/s\",\"type\":\"t\","
        + "\"datacontenttype\":\"text/plain\",\"data\":\"x\"}", "unsupported content type text/plain");
    assertInvalid("not json", "structured-mode event is not valid JSON");
  }

  private static StructuredCloudEvent read(String value) {
    return StructuredCloudEvent.read(headers("application/cloudevents+json"), value.getBytes(StandardCharsets.UTF_8),
        JSON);
  }

  private static void assertInvalid(String value, String messagePart) {
    assertThatThrownBy(() -> read(value)).isInstanceOfSatisfying(InvalidEventException.class,
        e -> assertThat(e.reason()).isEqualTo(InvalidEventException.Reason.NOT_A_CLOUDEVENT))
        .hasMessageContaining(messagePart);
  }

  private static RecordHeaders headers(String contentType) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("content-type", contentType.getBytes(StandardCharsets.UTF_8));
    return headers;
  }
}
