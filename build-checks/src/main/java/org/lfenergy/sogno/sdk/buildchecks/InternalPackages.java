package org.lfenergy.sogno.sdk.buildchecks;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which packages are somebody's implementation, not API. The list, and why:
 * <ul>
 *   <li>any package with an {@code internal} or {@code internals} segment: the libraries' own mark for
 *       "not API, changes without notice" — {@code okhttp3.internal} (square/okhttp#9435 broke
 *       kiota-java this way), {@code kotlin.internal}/{@code kotlin.jvm.internal} (compiler support),
 *       {@code org.apache.kafka.*.internals} (outside Kafka's compatibility promise), Jackson's and
 *       Resilience4j's {@code internal} packages, and the SDK's own {@code <module>.internal};
 *   <li>Jackson's {@code impl} packages ({@code databind.ser.impl}, {@code jsontype.impl}, …), which
 *       Jackson documents as implementation;
 *   <li>{@code sun.*}, {@code com.sun.*} and {@code jdk.internal.*}: JDK internals, not exported or
 *       unsupported — except {@code com.sun.net.httpserver}, exported by module {@code jdk.httpserver}
 *       and a supported API (sdk-async's {@code JdkHttpServerAdapter} builds on it).
 * </ul>
 * Thread-safe (stateless).
 */
public final class InternalPackages {
  private static final String SDK_PREFIX = "org.lfenergy.sogno.";
  private static final List<String> SUPPORTED_JDK_PACKAGES = List.of("com.sun.net.httpserver");

  private InternalPackages() {
  }

  /** Why {@code packageName} is some library's or the JDK's implementation; empty when it is API or the SDK's. */
  public static Optional<String> ofLibrary(String packageName) {
    if (packageName.startsWith(SDK_PREFIX)) {
      return Optional.empty();
    }
    List<String> segments = Arrays.asList(packageName.split("\\."));
    if (SUPPORTED_JDK_PACKAGES.stream().anyMatch(p -> packageName.equals(p) || packageName.startsWith(p + "."))) {
      return Optional.empty();
    }
    if (segments.get(0).equals("sun") || packageName.startsWith("com.sun.") || packageName.startsWith("jdk.internal")) {
      return Optional.of("a JDK-internal package");
    }
    if (segments.contains("internal") || segments.contains("internals")) {
      return Optional.of("a library's internal package");
    }
    if (packageName.startsWith("com.fasterxml.jackson.") && segments.contains("impl")) {
      return Optional.of("a Jackson implementation package");
    }
    return Optional.empty();
  }

  /** Whether {@code packageName} is an SDK module's {@code internal} package or below one. */
  public static boolean isSdkInternal(String packageName) {
    return packageName.startsWith(SDK_PREFIX) && Arrays.asList(packageName.split("\\.")).contains("internal");
  }
}
