package org.lfenergy.sogno.sdk.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.kafka.Delivery;
import org.lfenergy.sogno.sdk.kafka.Event;
import org.lfenergy.sogno.sdk.kafka.EventType;
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
  void theLastContentTypeHeaderTellsTheContentModeInTheSamePass() {
    RecordHeaders structured = headers("1.0", "application/json");
    structured.add(CloudEventHeaders.CONTENT_TYPE, utf8("application/cloudevents+json"));
    RecordHeaders binary = headers("1.0", "application/cloudevents+json");
    binary.add(CloudEventHeaders.CONTENT_TYPE, utf8("application/json"));
    RecordHeaders lastWithoutValue = headers("1.0", "application/cloudevents+json");
    lastWithoutValue.add(CloudEventHeaders.CONTENT_TYPE, null);

    for (RecordHeaders headers : List.of(structured, binary, lastWithoutValue)) {
      assertThat(CloudEventHeaders.readBinary(headers, TypeNames.NONE) == null).as(headers.toString())
          .isEqualTo(StructuredCloudEvent.isStructured(headers));
    }
    assertThat(CloudEventHeaders.readBinary(structured, TypeNames.NONE)).isNull();
    assertThat(CloudEventHeaders.readBinary(binary, TypeNames.NONE).contentType).isEqualTo("application/cloudevents+json");
    assertThat(CloudEventHeaders.readBinary(lastWithoutValue, TypeNames.NONE).type).isEqualTo("sogno.test.v1");
  }

  @Test
  void everyAttributeHeaderIsToldApartFromOtherKeysOfItsLength() {
    List<String> attributes = List.of(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.ID, CloudEventHeaders.SOURCE,
        CloudEventHeaders.TYPE, CloudEventHeaders.TIME, CloudEventHeaders.SUBJECT, CloudEventHeaders.DATA_SCHEMA,
        CloudEventHeaders.CONTENT_TYPE);
    for (String attribute : attributes) {
      assertThat(CloudEventHeaders.attribute(new String(attribute.toCharArray()))).isSameAs(attribute);
      String sameLength = "x" + attribute.substring(1);
      assertThat(CloudEventHeaders.attribute(sameLength)).as(sameLength).isEmpty();
    }
    assertThat(CloudEventHeaders.attribute("ce_tyme")).isEmpty();
    assertThat(CloudEventHeaders.attribute("ce_traceparent")).isEmpty();
    assertThat(CloudEventHeaders.attribute("")).isEmpty();
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

  @Test
  void aTimeOfTheCanonicalShapeOnADayThatDoesNotExistIsRefusedWhenTheHeadersAreRead() {
    RecordHeaders headers = headers("1.0", "application/json");
    headers.add(CloudEventHeaders.TIME, utf8("2026-02-30T12:00:00Z"));

    assertNotACloudEvent(headers, "ce_time header is not an RFC 3339 timestamp");
  }

  @Test
  void anEmptyIdIsStillRefusedWhenTheHeadersAreRead() {
    RecordHeaders headers = new RecordHeaders();
    headers.add(CloudEventHeaders.ID, new byte[0]);
    headers.add(CloudEventHeaders.ID, utf8("42")); // the first header counts
    headers("1.0", "application/json").forEach(header -> headers.add(header));

    assertNotACloudEvent(headers, "record has no ce_id header");
  }

  @Test
  void aMalformedSourceIsRefusedAlsoRightAfterAWellFormedOne() {
    assertThat(CloudEventHeaders.read(headers("1.0", "application/json")).source.toString()).isEqualTo("/sogno/test");
    RecordHeaders headers = new RecordHeaders();
    headers.add(CloudEventHeaders.SOURCE, utf8("/sogno/te st"));
    headers("1.0", "application/json").forEach(header -> headers.add(header));

    assertNotACloudEvent(headers, "ce_source header is not a URI reference");
  }

  @Test
  void recordsOfAlternatingSourcesEachGetTheirOwnSource() {
    for (String source : new String[] {"/a", "/b", "/a", "urn:sogno:c", "/a"}) {
      RecordHeaders headers = new RecordHeaders();
      headers.add(CloudEventHeaders.SOURCE, utf8(source));
      headers("1.0", "application/json").forEach(header -> headers.add(header));

      assertThat(received(headers).source()).hasValue(java.net.URI.create(source));
    }
  }

  @Test
  void theAttributesReadOnFirstAccessAreWhatTheHeadersSay() {
    RecordHeaders headers = headers("1.0", "application/json");
    headers.add(CloudEventHeaders.SUBJECT, utf8("job-7"));
    headers.add(CloudEventHeaders.SUBJECT, utf8("job-8"));
    headers.add(CloudEventHeaders.TIME, utf8("2026-12-07T19:00:00.123+01:00"));
    headers.add("ce_requestid", utf8("r-1"));
    headers.add("ce_empty", new byte[0]);

    Event<String> event = received(headers);

    assertThat(event.id()).isEqualTo("42").isSameAs(event.id());
    assertThat(event.subject()).hasValue("job-7");
    assertThat(event.time()).isEqualTo(OffsetDateTime.of(2026, 12, 7, 18, 0, 0, 123_000_000, ZoneOffset.UTC))
        .isSameAs(event.time());
    assertThat(event.extensions()).isEqualTo(Map.of("requestid", "r-1"));
    assertThat(event.dataContentType()).isEqualTo("application/json");
    assertThat(event.toString()).isEqualTo("Event{id=42, type=sogno.test.v1, source=/sogno/test, subject=job-7}");
    Event<String> copy = event.toBuilder().build();
    assertThat(List.of(copy.id(), copy.subject(), copy.time(), copy.extensions(), copy.source()))
        .isEqualTo(List.of(event.id(), event.subject(), event.time(), event.extensions(), event.source()));
  }

  @Test
  void aTimeTheByteCheckIsNotSureAboutIsParsedWhenTheHeadersAreRead() {
    RecordHeaders headers = headers("1.0", "application/json");
    headers.add(CloudEventHeaders.TIME, utf8("2026-12-07T19:00:00+01:00:30"));

    assertThat(received(headers).time()).isEqualTo(OffsetDateTime.of(2026, 12, 7, 17, 59, 30, 0, ZoneOffset.UTC));
  }

  @Test
  void withoutTimeOrSubjectTheRecordTimestampStandsInAndThereIsNoSubject() {
    Event<String> event = received(headers("1.0", "application/json"));

    assertThat(event.time()).isEqualTo(RECORD_TIMESTAMP.atOffset(ZoneOffset.UTC));
    assertThat(event.subject()).isEmpty();
    assertThat(event.extensions()).isEmpty();
  }

  @Test
  void theDeliveryMadeOnFirstAccessIsWhereTheRecordWasReadFrom() {
    ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("sogno.test.v1", 3, 41, RECORD_TIMESTAMP.toEpochMilli(),
        TimestampType.CREATE_TIME, 5, 7, utf8("job-7"), utf8("payload"), headers("1.0", "application/json"),
        Optional.empty());
    CloudEventHeaders.Attributes attributes = CloudEventHeaders.read(record.headers());
    attributes.readFrom(record);

    Event<String> event = attributes.toEvent(EventType.of("sogno.test.v1", String.class), "payload");

    Delivery delivery = event.delivery().orElseThrow();
    assertThat(List.of(delivery.topic(), delivery.partition(), delivery.offset(), delivery.timestamp(),
        delivery.key().orElseThrow(), delivery.attempt()))
        .isEqualTo(List.of("sogno.test.v1", 3, 41L, RECORD_TIMESTAMP, "job-7", 1));
    assertThat(event.delivery()).containsSame(delivery);
    assertThat(event.time()).isEqualTo(RECORD_TIMESTAMP.atOffset(ZoneOffset.UTC));
    assertThat(event.toBuilder().build().delivery()).containsSame(delivery);
  }

  private static final Instant RECORD_TIMESTAMP = Instant.parse("2026-12-07T18:30:00.001Z");

  /** The event a subscriber hands to the handler of a record with these headers. */
  static Event<String> received(RecordHeaders headers) {
    CloudEventHeaders.Attributes attributes = CloudEventHeaders.read(headers);
    attributes.readFrom(new ConsumerRecord<>("sogno.test.v1", 0, 0, RECORD_TIMESTAMP.toEpochMilli(),
        TimestampType.CREATE_TIME, 0, 7, null, utf8("payload"), headers, Optional.empty()));
    return attributes.toEvent(EventType.of("sogno.test.v1", String.class), "payload");
  }

  private static void assertNotACloudEvent(RecordHeaders headers, String messagePart) {
    assertThatThrownBy(() -> CloudEventHeaders.read(headers))
        .isInstanceOfSatisfying(InvalidEventException.class,
            e -> assertThat(e.reason()).isEqualTo(InvalidEventException.Reason.NOT_A_CLOUDEVENT))
        .hasMessageContaining(messagePart);
  }

  static RecordHeaders headers(String specVersion, String contentType) {
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
