package org.lfenergy.sogno.sdk.core;

import java.util.concurrent.CompletableFuture;
import org.lfenergy.sogno.sdk.core.internal.SharedHttp;
import org.lfenergy.sogno.sdk.core.testing.ChildJvm;

/**
 * A program run in a child JVM by {@link ClientLifecycleTest}: makes blocking and asynchronous calls
 * to the URL in {@code args[1]}, then either returns from {@code main} without closing the client
 * ({@code args[0]} {@code leave-open}) or closes it and prints how many connections the shared pool
 * still holds ({@code close}).
 */
public final class ClientProgram {
  static final String LAST_LINE = "main returns";

  private ClientProgram() {}

  public static void main(String[] args) {
    ChildJvm.printOptionalLibraries();
    SognoClient client = SognoClient.builder().baseUrl(args[1]).build();
    ApiRequest get = ApiRequest.builder("GET", "/v1/things").build();
    System.out.println("blocking " + client.execute(get, ResponseReader.discarding()).status());
    CompletableFuture<ApiResponse<Void>> async = client.executeAsync(get, ResponseReader.discarding());
    System.out.println("async " + async.join().status());
    if (args[0].equals("close")) {
      client.close();
      System.out.println("pooled connections after close " + SharedHttp.base().connectionPool().connectionCount());
    }
    System.out.println(LAST_LINE);
  }
}
