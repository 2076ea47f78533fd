package org.lfenergy.sogno.sdk.bench.http;

import java.io.IOException;
import java.util.List;

/**
 * The loopback keep-alive HTTP/1.1 server all HTTP benchmarks call, answering the benchmark spec's
 * four operations with the fixed bytes of {@link Payloads} ({@link MeterReadingAnswers}), so every
 * client gets identical responses. It reads each request body to the end (as a real service would) and
 * does nothing else.
 *
 * <p>Which server runs is the system property {@value #SERVER_PROPERTY}: {@code jetty} (default),
 * Jetty 12 — the server the sample service runs on, through Javalin, so the one the SDK's clients
 * meet — or {@code jdk}, the JDK's {@code com.sun.net.httpserver} the figures before 2026-12-07 came
 * from. {@code BenchmarkMain -server} sets it; JMH forks and child JVMs inherit it.
 */
public interface MeterReadingServer extends AutoCloseable {
  /** The system property naming the server: {@code jetty} or {@code jdk}. */
  String SERVER_PROPERTY = "bench.server";
  /** The servers {@link #SERVER_PROPERTY} may name. */
  List<String> SERVERS = List.of("jetty", "jdk");

  /** Starts the server {@link #kind()} names on an ephemeral loopback port. */
  static MeterReadingServer start() throws IOException {
    return start(kind());
  }

  /**
   * Starts {@code kind} ({@code jetty} or {@code jdk}) on an ephemeral loopback port.
   *
   * @throws IllegalArgumentException for another kind
   */
  static MeterReadingServer start(String kind) throws IOException {
    return switch (known(kind)) {
      case "jdk" -> JdkMeterReadingServer.start();
      default -> JettyMeterReadingServer.start();
    };
  }

  /**
   * The server {@link #SERVER_PROPERTY} names, {@code jetty} when unset.
   *
   * @throws IllegalArgumentException when it names another
   */
  static String kind() {
    return known(System.getProperty(SERVER_PROPERTY, "jetty"));
  }

  private static String known(String kind) {
    if (!SERVERS.contains(kind)) {
      throw new IllegalArgumentException("unknown loopback server '" + kind + "' (-D" + SERVER_PROPERTY
          + "); known: " + SERVERS);
    }
    return kind;
  }

  /** The JVM option that gives a child JVM or JMH fork this JVM's server: {@code -Dbench.server=<kind>}. */
  static String jvmOption() {
    return "-D" + SERVER_PROPERTY + "=" + kind();
  }

  /** The base URL of the spec's server, e.g. {@code http://127.0.0.1:41234/api/meters}. */
  String baseUrl();

  @Override
  void close();
}
