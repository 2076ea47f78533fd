package org.lfenergy.sogno.sdk.server;

import java.net.http.HttpResponse;
import org.lfenergy.sogno.sdk.core.testing.ChildJvm;
import org.lfenergy.sogno.sdk.server.jdk.JdkServer;

/**
 * A program run in a child JVM by {@code WithoutOptionalLibrariesTest}: serves the things service on
 * the JDK adapter with the default (no) observability, calls it once, starts a job on its job manager
 * and waits for it, prints what it got and whether OpenTelemetry and Micrometer were on its class path.
 */
public final class ServerProgram {
  static final String LAST_LINE = "main returns";

  private ServerProgram() {}

  public static void main(String[] args) {
    ChildJvm.printOptionalLibraries();
    ThingsService service = new ThingsService();
    try (JdkServer server = JdkServer.start(service.builder(ServerConfig.builder().host("127.0.0.1").port(0).build())
        .build())) {
      HttpResponse<byte[]> response = new Http(server.baseUri()).get("/v1/things");
      System.out.println("status " + response.statusCode());
      HttpResponse<byte[]> job = new Http(server.baseUri()).postJson("/v1/calculations", "{\"input\":21}",
          "Prefer", "wait=10");
      System.out.println("job " + Http.json(job).get("status"));
    } finally {
      service.jobs.close();
    }
    System.out.println(LAST_LINE);
  }
}
