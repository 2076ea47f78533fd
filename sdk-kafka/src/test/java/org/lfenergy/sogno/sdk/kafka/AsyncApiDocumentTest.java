package org.lfenergy.sogno.sdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lfenergy.sogno.sdk.kafka.Fixtures.Job;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafkaExtension;

/**
 * The SDK's AsyncAPI document is valid AsyncAPI 3.0.0 (checked against the official JSON Schema from
 * {@code @asyncapi/specs}), and what the publisher puts on the wire matches its message schemas.
 */
class AsyncApiDocumentTest {
  private static final String DOCUMENT = "/META-INF/asyncapi/sogno-sdk-kafka.asyncapi.yaml";
  private static final String ASYNCAPI_SCHEMA = "/asyncapi/asyncapi-3.0.0.schema.json";
  private static final JsonSchemaFactory DRAFT_7 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
  private static final SchemaValidatorsConfig STRICT_FORMATS =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

  @RegisterExtension
  static final EmbeddedKafkaExtension kafka = EmbeddedKafkaExtension.shared();
  private static JsonNode document;
  private static JsonSchema asyncApi;

  @BeforeAll
  static void load() throws IOException {
    document = new YAMLMapper().readTree(resource(DOCUMENT));
    asyncApi = DRAFT_7.getSchema(new ObjectMapper().readTree(resource(ASYNCAPI_SCHEMA)));
  }

  @Test
  void isAValidAsyncApi300Document() {
    assertThat(asyncApi.validate(document)).isEmpty();
    assertThat(document.at("/channels/jobStateChanged/address").asText()).isEqualTo(JobEvents.TOPIC);
    assertThat(document.at("/channels/jobStateChangedDeadLetters/address").asText())
        .isEqualTo(TopicNames.deadLetter(JobEvents.TOPIC));
    assertThat(document.at("/components/schemas/JobStateChangedHeaders/allOf/1/properties/ce_type/const").asText())
        .isEqualTo(JobEvents.STATE_CHANGED);
  }

  @Test
  void theSchemaCatchesABrokenDocument() {
    ObjectNode broken = document.deepCopy();
    broken.remove("info");
    ((ObjectNode) broken.at("/operations/publishJobStateChanged")).put("action", "publish");

    assertThat(asyncApi.validate(broken)).isNotEmpty();
  }

  @Test
  void aPublishedJobEventMatchesItsMessageSchema() {
    String topic = Fixtures.topic("asyncapi");
    kafka.broker().topics().create(topic);
    try (EventPublisher publisher = Fixtures.publisher(kafka.broker())) {
      publisher.publish(topic, Event.of(Fixtures.JOB_STATE_CHANGED, Job.running("0b6f3c55", 40)).subject("0b6f3c55")
          .traceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").build());
    }
    ConsumerRecord<byte[], byte[]> record = kafka.broker().topics().read(topic, 1, Duration.ofSeconds(60)).get(0);

    Set<ValidationMessage> payloadErrors = schema("Job").validate(new String(record.value(), StandardCharsets.UTF_8),
        com.networknt.schema.InputFormat.JSON);
    Set<ValidationMessage> headerErrors = schema("JobStateChangedHeaders").validate(headersAsJson(record));

    assertThat(payloadErrors).isEmpty();
    assertThat(headerErrors).isEmpty();
  }

  @Test
  void theMessageSchemaRefusesAPayloadWithoutStatus() throws IOException {
    JsonNode payload = new ObjectMapper().readTree(
        "{\"id\":\"j\",\"kind\":\"powerflow\",\"createdAt\":\"2026-01-01T00:00:00Z\","
            + "\"updatedAt\":\"not a time\",\"links\":{\"self\":{\"href\":\"/v1/jobs/j\"}}}");

    assertThat(schema("Job").validate(payload)).extracting(ValidationMessage::getMessage)
        .anySatisfy(message -> assertThat(message).contains("status"))
        .anySatisfy(message -> assertThat(message).contains("updatedAt"));
  }

  /** A schema whose root points at one of the document's component schemas, refs resolved within. */
  private static JsonSchema schema(String name) {
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("$ref", "#/components/schemas/" + name);
    root.putObject("components").set("schemas", document.at("/components/schemas"));
    return DRAFT_7.getSchema(root, STRICT_FORMATS);
  }

  private static JsonNode headersAsJson(ConsumerRecord<byte[], byte[]> record) {
    ObjectNode headers = new ObjectMapper().createObjectNode();
    for (Header header : record.headers()) {
      headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
    }
    return headers;
  }

  private static InputStream resource(String path) {
    InputStream stream = AsyncApiDocumentTest.class.getResourceAsStream(path);
    assertThat(stream).as(path).isNotNull();
    return stream;
  }
}
