package org.lfenergy.sogno.sdk.async.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.DateTimeException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobProgress;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.async.Link;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.Rfc3339;

/**
 * Jackson codecs of the public job model, referenced from class-level annotations on the model types.
 *
 * <p>Why annotations rather than a module registered through a {@code JsonCustomizer}: the model
 * must (de)serialize through <em>every</em> {@code SognoJson} — the one a user built for their client,
 * the one generated code uses — without anyone remembering to register anything. The annotations
 * name only these internal classes, so no Jackson type appears in a public signature.
 */
public final class AsyncJsonCodecs {
  /** The members of the convention's job resource; everything else is an extension. */
  public static final Set<String> JOB_MEMBERS =
      Set.of(
          "id", "status", "kind", "progress", "createdAt", "updatedAt", "startedAt", "finishedAt",
          "expiresAt", "problem", "links");

  private AsyncJsonCodecs() {}

  /** Writes a {@link Job}; absent members are omitted. */
  public static final class JobSerializer extends StdSerializer<Job> {
    private static final long serialVersionUID = 1L;

    public JobSerializer() {
      super(Job.class);
    }

    @Override
    public void serialize(Job job, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeStartObject();
      gen.writeStringField("id", job.id());
      gen.writeStringField("status", job.status().value());
      if (job.kind().isPresent()) {
        gen.writeStringField("kind", job.kind().get());
      }
      if (job.progress().isPresent()) {
        gen.writeFieldName("progress");
        new ProgressSerializer().serialize(job.progress().get(), gen, provider);
      }
      writeInstant(gen, "createdAt", job.createdAt().orElse(null));
      writeInstant(gen, "updatedAt", job.updatedAt().orElse(null));
      writeInstant(gen, "startedAt", job.startedAt().orElse(null));
      writeInstant(gen, "finishedAt", job.finishedAt().orElse(null));
      writeInstant(gen, "expiresAt", job.expiresAt().orElse(null));
      if (job.problem().isPresent()) {
        provider.defaultSerializeField("problem", job.problem().get(), gen);
      }
      if (!job.links().isEmpty()) {
        gen.writeObjectFieldStart("links");
        for (Map.Entry<String, Link> link : job.links().entrySet()) {
          gen.writeObjectFieldStart(link.getKey());
          gen.writeStringField("href", link.getValue().href());
          gen.writeEndObject();
        }
        gen.writeEndObject();
      }
      for (Map.Entry<String, Object> extension : job.extensions().entrySet()) {
        provider.defaultSerializeField(extension.getKey(), extension.getValue(), gen);
      }
      gen.writeEndObject();
    }

    private static void writeInstant(JsonGenerator gen, String name, Instant value)
        throws IOException {
      if (value != null) {
        gen.writeStringField(name, value.toString());
      }
    }
  }

  /** Reads a {@link Job}, keeping unknown members and unknown statuses. */
  public static final class JobDeserializer extends StdDeserializer<Job> {
    private static final long serialVersionUID = 1L;

    public JobDeserializer() {
      super(Job.class);
    }

    /**
     * Reads the job in one pass over the parser's tokens (every replica of the distributed runtime
     * reads every state record, and every client every poll's body, through here): members in any
     * order, the last of a repeated member winning, as a tree would.
     */
    @Override
    public Job deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
      JsonToken token = parser.currentToken();
      if (token == JsonToken.START_OBJECT) {
        token = parser.nextToken();
      } else if (token != JsonToken.FIELD_NAME && token != JsonToken.END_OBJECT) {
        parser.skipChildren();
        return ctxt.reportInputMismatch(Job.class, "A job must be a JSON object");
      }
      String id = null;
      String status = null;
      String kind = null;
      Instant createdAt = null;
      Instant updatedAt = null;
      Instant startedAt = null;
      Instant finishedAt = null;
      Instant expiresAt = null;
      JobProgress progress = null;
      Problem problem = null;
      Map<String, Link> links = null;
      Map<String, Object> extensions = null;
      for (; token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (name) {
          case "id" -> id = text(parser, name, ctxt);
          case "status" -> status = text(parser, name, ctxt);
          case "kind" -> kind = text(parser, name, ctxt);
          case "createdAt" -> createdAt = instant(parser, name, ctxt);
          case "updatedAt" -> updatedAt = instant(parser, name, ctxt);
          case "startedAt" -> startedAt = instant(parser, name, ctxt);
          case "finishedAt" -> finishedAt = instant(parser, name, ctxt);
          case "expiresAt" -> expiresAt = instant(parser, name, ctxt);
          case "progress" ->
              progress = value == JsonToken.VALUE_NULL ? null : readProgress(ctxt.readTree(parser), ctxt);
          case "problem" -> problem = value == JsonToken.VALUE_NULL ? null : ctxt.readValue(parser, Problem.class);
          case "links" -> links = value == JsonToken.START_OBJECT ? readLinks(parser) : skipped(parser);
          default -> {
            extensions = extensions == null ? new LinkedHashMap<>() : extensions;
            extensions.put(name, ctxt.readValue(parser, Object.class));
          }
        }
      }
      if (id == null || id.isBlank() || status == null || status.isBlank()) {
        return ctxt.reportInputMismatch(Job.class, "A job needs the members 'id' and 'status'");
      }
      Job.Builder job = Job.builder(id, JobStatus.of(status)).kind(kind)
          .createdAt(createdAt).updatedAt(updatedAt).startedAt(startedAt).finishedAt(finishedAt).expiresAt(expiresAt)
          .progress(progress).problem(problem);
      if (links != null) {
        links.forEach(job::link);
      }
      if (extensions != null) {
        extensions.forEach(job::extension);
      }
      return job.build();
    }

    /** The links with a non-blank {@code href}; the parser at the members' {@code START_OBJECT}. */
    private static Map<String, Link> readLinks(JsonParser parser) throws IOException {
      Map<String, Link> links = new LinkedHashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        String href = null;
        if (parser.nextToken() == JsonToken.START_OBJECT) {
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            boolean isHref = "href".equals(parser.currentName());
            JsonToken value = parser.nextToken();
            if (isHref) {
              href = value.isScalarValue() && value != JsonToken.VALUE_NULL ? parser.getText() : null;
            }
            parser.skipChildren();
          }
        } else {
          parser.skipChildren();
        }
        if (href != null && !href.isBlank()) {
          links.put(name, Link.of(href));
        } else {
          links.remove(name);
        }
      }
      return links;
    }

    /** Skips a member that is not what it should be (a {@code links} that is no object: no links). */
    private static <T> T skipped(JsonParser parser) throws IOException {
      parser.skipChildren();
      return null;
    }
  }

  /** Writes {@link JobProgress}. */
  public static final class ProgressSerializer extends StdSerializer<JobProgress> {
    private static final long serialVersionUID = 1L;

    public ProgressSerializer() {
      super(JobProgress.class);
    }

    @Override
    public void serialize(JobProgress progress, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeStartObject();
      if (progress.percent().isPresent()) {
        gen.writeNumberField("percent", progress.percent().get());
      }
      if (progress.message().isPresent()) {
        gen.writeStringField("message", progress.message().get());
      }
      gen.writeEndObject();
    }
  }

  /** Reads {@link JobProgress}. */
  public static final class ProgressDeserializer extends StdDeserializer<JobProgress> {
    private static final long serialVersionUID = 1L;

    public ProgressDeserializer() {
      super(JobProgress.class);
    }

    @Override
    public JobProgress deserialize(JsonParser parser, DeserializationContext ctxt)
        throws IOException {
      return readProgress(ctxt.readTree(parser), ctxt);
    }
  }

  /** Writes a {@link Link} as {@code {"href":…}}. */
  public static final class LinkSerializer extends StdSerializer<Link> {
    private static final long serialVersionUID = 1L;

    public LinkSerializer() {
      super(Link.class);
    }

    @Override
    public void serialize(Link link, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeStartObject();
      gen.writeStringField("href", link.href());
      gen.writeEndObject();
    }
  }

  /** Reads a {@link Link}. */
  public static final class LinkDeserializer extends StdDeserializer<Link> {
    private static final long serialVersionUID = 1L;

    public LinkDeserializer() {
      super(Link.class);
    }

    @Override
    public Link deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
      String href = ctxt.readTree(parser).path("href").asText(null);
      if (href == null || href.isBlank()) {
        return ctxt.reportInputMismatch(Link.class, "A link needs a non-blank 'href'");
      }
      try {
        return Link.of(href);
      } catch (IllegalArgumentException e) {
        return ctxt.reportInputMismatch(Link.class, "Malformed link href");
      }
    }
  }

  private static JobProgress readProgress(JsonNode node, DeserializationContext ctxt)
      throws IOException {
    if (!node.isObject()) {
      return ctxt.reportInputMismatch(JobProgress.class, "Job progress must be a JSON object");
    }
    JsonNode percent = node.get("percent");
    Integer value = percent == null || percent.isNull() ? null : percent.asInt();
    if (percent != null && !percent.isNull() && !percent.isNumber()) {
      return ctxt.reportInputMismatch(JobProgress.class, "Job progress 'percent' must be a number");
    }
    if (value != null && (value < 0 || value > 100)) {
      return ctxt.reportInputMismatch(JobProgress.class, "Job progress 'percent' must be 0..100");
    }
    return JobProgress.of(value, text(node, "message", ctxt));
  }

  private static String text(JsonNode node, String name, DeserializationContext ctxt)
      throws IOException {
    JsonNode member = node.get(name);
    if (member == null || member.isNull()) {
      return null;
    }
    if (!member.isTextual()) {
      return ctxt.reportInputMismatch(Job.class, "Job member '%s' must be a string", name);
    }
    return member.asText();
  }

  /** The string member the parser stands on; null when it is JSON null. */
  private static String text(JsonParser parser, String name, DeserializationContext ctxt)
      throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      parser.skipChildren();
      return ctxt.reportInputMismatch(Job.class, "Job member '%s' must be a string", name);
    }
    return parser.getText();
  }

  private static Instant instant(JsonParser parser, String name, DeserializationContext ctxt)
      throws IOException {
    String text = text(parser, name, ctxt);
    if (text == null) {
      return null;
    }
    try {
      return Rfc3339.parse(text).toInstant();
    } catch (DateTimeException e) {
      return ctxt.reportInputMismatch(Job.class, "Job member '%s' must be an RFC 3339 time", name);
    }
  }
}
