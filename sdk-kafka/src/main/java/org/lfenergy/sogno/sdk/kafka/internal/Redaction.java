package org.lfenergy.sogno.sdk.kafka.internal;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.lfenergy.sogno.sdk.core.LoggingConfig;

/**
 * Masks secrets before anything is logged, printed or written to a dead-letter topic: secret client
 * properties, and secrets inside free text such as exception messages and stack traces.
 */
public final class Redaction {
  public static final String REDACTED = "[redacted]";
  private static final Pattern SECRET_NAME =
      Pattern.compile(".*(password|secret|token|jaas|credential|\\.key$|private).*");

  /** Headers sdk-core always redacts, as {@code Name: value} or {@code name=value}: the rest of the line. */
  private static final Pattern SECRET_HEADER = Pattern.compile(
      "(?i)\\b(" + alternatives(LoggingConfig.ALWAYS_REDACTED.stream()) + ")(\\s*[:=]\\s*)[^\\r\\n]+");
  private static final Pattern AUTH_SCHEME = Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]+");
  /** {@code scheme://user:password@host}: the user information. */
  private static final Pattern URL_USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/\\s@]+@");
  /**
   * {@code name=value} or {@code name: value} (a space after the colon, so {@code Token.java:12} in a
   * stack trace stays) where the name is one of sdk-core's always-redacted query
   * parameters or looks secret; the value ends at white space or {@code & , ;} unless quoted.
   */
  private static final Pattern SECRET_PAIR = Pattern.compile("(?i)([A-Za-z0-9_.-]*(?:"
      + alternatives(Stream.concat(LoggingConfig.ALWAYS_REDACTED_QUERY.stream(),
          Stream.of("passwd", "secret", "credential", "jaas\\.config", "private[_.-]?key")))
      + ")[A-Za-z0-9_.-]*)(\\s*=\\s*|\\s*:\\s+)(\"[^\"]*\"|'[^']*'|[^\\s&,;\"']+)");

  private Redaction() {}

  /**
   * {@code text} with secrets masked as {@value #REDACTED}: values of {@code Authorization}/{@code
   * Cookie} headers, bearer and basic credentials, passwords in URLs ({@code user:pass@}), and values of
   * secret-looking {@code name=value} pairs (query parameters, client properties, JAAS options).
   * Null stays null.
   */
  public static String redactText(String text) {
    if (text == null) {
      return null;
    }
    String masked = SECRET_HEADER.matcher(text).replaceAll("$1$2" + REDACTED);
    masked = AUTH_SCHEME.matcher(masked).replaceAll("$1 " + REDACTED);
    masked = URL_USER_INFO.matcher(masked).replaceAll("$1" + REDACTED + "@");
    return SECRET_PAIR.matcher(masked).replaceAll("$1$2" + REDACTED);
  }

  private static String alternatives(Stream<String> names) {
    return names.map(name -> name.contains("\\") ? name : Pattern.quote(name)).collect(Collectors.joining("|"));
  }

  /** True for Kafka's own {@code PASSWORD}-typed settings and for names that look secret. */
  public static boolean isSecret(String name) {
    return isPasswordType(ProducerConfig.configDef(), name)
        || isPasswordType(ConsumerConfig.configDef(), name)
        || isPasswordType(AdminClientConfig.configDef(), name)
        || SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches();
  }

  /** A sorted copy with secret values replaced by {@value #REDACTED}. */
  public static Map<String, Object> redact(Map<String, ?> properties) {
    Map<String, Object> copy = new TreeMap<>();
    properties.forEach((name, value) -> copy.put(name, isSecret(name) ? REDACTED : value));
    return copy;
  }

  private static boolean isPasswordType(ConfigDef definition, String name) {
    ConfigDef.ConfigKey key = definition.configKeys().get(name);
    return key != null && key.type == ConfigDef.Type.PASSWORD;
  }
}
