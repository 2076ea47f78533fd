package snippets;

import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.core.SognoClient;
import org.lfenergy.sogno.sdk.server.OperationRequest;
import org.lfenergy.sogno.sdk.server.OperationResponse;
import org.lfenergy.sogno.sdk.server.ServerConfig;
import org.lfenergy.sogno.sdk.server.SognoServer;
import org.lfenergy.sogno.sdk.server.jdk.JdkServer;

/** sdk-server/README.md. */
class ServerSnippets {
  record Thing(String id) {}

  record NewThing(String name) {}

  record Input(double value) {}

  interface Things {
    Thing get(String id);

    Thing add(NewThing thing);
  }

  SognoClient onTheCallersBehalf(SognoClient gridClient, OperationRequest request) {
    // snippet-start:forward
    SognoClient asCaller = gridClient.newBuilder()
        .authentication(request.authenticated().orElseThrow().forwardedAuthentication().orElseThrow())
        .build();                                            // sent to gridClient's origin only
    // snippet-end:forward
    return asCaller;
  }

  void serve(JobManager jobManager, Things things) {
    // snippet-start:use
    SognoServer server = SognoServer.builder()
        .specResource("openapi.yaml")                       // 3.0 or 3.1; base-spec refs resolved offline
        .config(ServerConfig.fromEnvironment(System.getenv()))
        .jobs(jobManager)                                   // optional: job operations and /v1/jobs/…
        .handle("getThing", request -> OperationResponse.ok(things.get(request.pathParam("thingId").orElseThrow())))
        .handle("createThing", request -> OperationResponse.json(201, things.add(request.body(NewThing.class))))
        .handle("startCalculation", request -> {
          Input input = request.body(Input.class);          // already valid against the spec
          return OperationResponse.job("calculation", context -> calculate(input));
        })
        .build();                                           // SpecLoadException: bad spec, missing handler
    try (JdkServer running = JdkServer.start(server)) {     // or JavalinServer.start(server)
      System.out.println("listening on " + running.baseUri());   // close() stops gracefully
    }
    // snippet-end:use
  }

  private static double calculate(Input input) {
    return input.value();
  }
}
