package org.lfenergy.sogno.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class DeprecationWarningTest {
  @StartStop
  private final MockWebServer server = new MockWebServer();
  private final Logger logger = (Logger) LoggerFactory.getLogger("org.lfenergy.sogno.sdk.core.deprecation");
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();
  private SognoClient client;

  @BeforeEach
  void start() throws Exception {
    events.start();
    logger.addAppender(events);
    client = SognoClient.builder().baseUrl(server.url("/api").toString()).build();
  }

  @AfterEach
  void stop() {
    logger.detachAppender(events);
  }

  @Test
  void deprecationAndSunsetHeadersWarnOncePerOperationPerClientAndStayOnTheResponse() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(deprecated());
    }

    ApiResponse<Void> first = client.execute(grid("g1"), ResponseReader.discarding());
    client.execute(grid("g2"), ResponseReader.discarding());
    client.execute(ApiRequest.builder("GET", "/v1/grids").build(), ResponseReader.discarding());
    client.newBuilder().build().execute(grid("g3"), ResponseReader.discarding());
    client.execute(grid("g4"), ResponseReader.discarding());

    assertThat(warnings()).containsExactly(
        "GET /v1/grids/{gridId} is deprecated (Deprecation: @1688169599), sunset Sun, 30 Jun 2030 23:59:59 GMT; plan to stop using it (warned once per client)",
        "GET /v1/grids is deprecated (Deprecation: @1688169599), sunset Sun, 30 Jun 2030 23:59:59 GMT; plan to stop using it (warned once per client)",
        "GET /v1/grids/{gridId} is deprecated (Deprecation: @1688169599), sunset Sun, 30 Jun 2030 23:59:59 GMT; plan to stop using it (warned once per client)");
    assertThat(first.header("Deprecation")).contains("@1688169599");
    assertThat(first.header("Sunset")).contains("Sun, 30 Jun 2030 23:59:59 GMT");
  }

  @Test
  void anOperationDeprecatedInItsDescriptionWarnsOnceWithoutHeaders() {
    server.enqueue(new MockResponse.Builder().code(204).build());
    server.enqueue(new MockResponse.Builder().code(204).build());
    server.enqueue(new MockResponse.Builder().code(204).build());

    client.execute(ApiRequest.builder("DELETE", "/v1/old").deprecated().build(), ResponseReader.discarding());
    client.execute(ApiRequest.builder("DELETE", "/v1/old").deprecated().build().newBuilder().build(), ResponseReader.discarding());
    client.execute(ApiRequest.builder("DELETE", "/v1/current").build(), ResponseReader.discarding());

    assertThat(warnings()).containsExactly(
        "DELETE /v1/old is deprecated in its API description; plan to stop using it (warned once per client)");
  }

  private List<String> warnings() {
    return events.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage)
        .collect(Collectors.toList());
  }

  private static ApiRequest grid(String id) {
    return ApiRequest.builder("GET", "/v1/grids/{gridId}").pathParam("gridId", id).build();
  }

  private static MockResponse deprecated() {
    return new MockResponse.Builder().code(204).setHeader("Deprecation", "@1688169599")
        .setHeader("Sunset", "Sun, 30 Jun 2030 23:59:59 GMT").build();
  }
}
