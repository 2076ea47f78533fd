package org.lfenergy.sogno.sdk.core.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lfenergy.sogno.sdk.core.Problem;

/** Teaches Jackson to read and write {@link Problem} as RFC 9457 JSON, keeping unknown members. */
public final class ProblemJsonModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  public ProblemJsonModule() {
    super("sogno-problem");
    addSerializer(Problem.class, new JsonSerializer<>() {
      @Override
      public void serialize(Problem problem, JsonGenerator generator, SerializerProvider provider)
          throws IOException {
        provider.defaultSerializeValue(ProblemMapping.toMembers(problem), generator);
      }
    });
    addDeserializer(Problem.class, new JsonDeserializer<>() {
      @Override
      @SuppressWarnings("unchecked")
      public Problem deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
          throw MismatchedInputException.from(parser, Problem.class, "A problem must be a JSON object");
        }
        Map<String, Object> members = context.readValue(parser, LinkedHashMap.class);
        return ProblemMapping.fromMembers(members);
      }
    });
  }
}
