package org.lfenergy.sogno.sdk.kafka.internal;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;

/** Masks secret client properties before anything is logged or printed. */
public final class Redaction {
  public static final String REDACTED = "[redacted]";
  private static final Pattern SECRET_NAME =
      Pattern.compile(".*(password|secret|token|jaas|credential|\\.key$|private).*");

  private Redaction() {}

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
