package org.lfenergy.sogno.sdk.server;

import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Starts the things service once per test class on each adapter (response validation on, a 64 KiB
 * body limit unless {@link #config()} says otherwise); tests take the server by {@link Adapter}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BothAdapters {
  static final int LIMIT = 64 * 1024;

  final ThingsService service = new ThingsService();
  private final Map<Adapter, Adapter.Running> running = new EnumMap<>(Adapter.class);

  ServerConfig config() {
    return ServerConfig.builder().host("127.0.0.1").port(0).maxRequestBytes(LIMIT).validateResponses(true).build();
  }

  SognoServer server() {
    return service.builder(config()).build();
  }

  @BeforeAll
  void startBoth() {
    for (Adapter adapter : Adapter.values()) {
      running.put(adapter, adapter.start(server()));
    }
  }

  @AfterAll
  void stopBoth() {
    for (Adapter.Running server : running.values()) {
      server.close();
    }
    service.jobs.close();
  }

  Http http(Adapter adapter) {
    return new Http(baseUri(adapter));
  }

  URI baseUri(Adapter adapter) {
    return running.get(adapter).baseUri();
  }
}
