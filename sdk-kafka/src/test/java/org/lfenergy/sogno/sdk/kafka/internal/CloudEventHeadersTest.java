package org.lfenergy.sogno.sdk.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.kafka.InvalidEventException;

/** Reading received headers: the byte-compared fast paths decide exactly what the text paths did. */
class CloudEventHeadersTest {

  @Test
  void aRecordWithTheUsualSpecVersionAndJsonContentTypeIsRead() {
    CloudEventHeaders.Attributes attributes = CloudEventHeaders.read(headers("1.0", "application/json"));

    assertThat(attributes.type).isEqualTo("sogno.test.v1");
    assertThat(attributes.contentType).isEqualTo("application/json");
    assertThat(attributes.source.toString()).isEqualTo("/sogno/test");
  }

  @Test
  void anotherSpecVersionIsStillNotACloudEvent() {
    assertNotACloudEvent(headers("0.3", "application/json"), "spec version 0.3");
  }

  @Test
  void theFirstSpecVersionHeaderCountsEvenWhenALaterOneIsTheUsualValue() {
    RecordHeaders headers = headers("0.3", "application/json");
    headers.add(CloudEventHeaders.SPEC_VERSION, utf8("1.0"));

    assertThatThrownBy(() -> CloudEventHeaders.read(headers)).isInstanceOf(InvalidEventException.class);
  }

  @Test
  void aJsonMediaTypeWithParametersOrSuffixIsStillAccepted() {
    assertThat(CloudEventHeaders.read(headers("1.0", "application/json; charset=utf-8")).contentType)
        .isEqualTo("application/json; charset=utf-8");
    assertThat(CloudEventHeaders.read(headers("1.0", "Application/CloudEvents+JSON")).contentType)
        .isEqualTo("Application/CloudEvents+JSON");
  }

  @Test
  void aNonJsonContentTypeIsStillRefused() {
    assertNotACloudEvent(headers("1.0", "text/plain"), "text/plain");
  }

  @Test
  void aMalformedTimeIsStillRefusedWhenTheHeadersAreRead() {
    RecordHeaders headers = headers("1.0", "application/json");
    headers.add(CloudEventHeaders.TIME, utf8("yesterday"));

    assertNotACloudEvent(headers, "ce_time");
  }

  private static void assertNotACloudEvent(RecordHeaders headers, String messagePart) {
    assertThatThrownBy(() -> CloudEventHeaders.read(headers))
        .isInstanceOfSatisfying(InvalidEventException.class,
            e -> assertThat(e.reason()).isEqualTo(InvalidEventException.Reason.NOT_A_CLOUDEVENT))
        .hasMessageContaining(messagePart);
  }

  private static RecordHeaders headers(String specVersion, String contentType) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(CloudEventHeaders.SPEC_VERSION, utf8(specVersion));
    headers.add(CloudEventHeaders.ID, utf8("42"));
    headers.add(CloudEventHeaders.SOURCE, utf8("/sogno/test"));
    headers.add(CloudEventHeaders.TYPE, utf8("sogno.test.v1"));
    headers.add(CloudEventHeaders.CONTENT_TYPE, utf8(contentType));
    return headers;
  }

  private static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
