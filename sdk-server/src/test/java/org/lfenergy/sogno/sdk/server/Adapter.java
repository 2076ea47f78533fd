package org.lfenergy.sogno.sdk.server;

import java.net.URI;
import org.lfenergy.sogno.sdk.server.javalin.JavalinServer;
import org.lfenergy.sogno.sdk.server.jdk.JdkServer;

/** The two adapters, so that every socket test runs on both. */
enum Adapter {
  JDK {
    @Override
    Running start(SognoServer server) {
      JdkServer running = JdkServer.start(server);
      return new Running(running.baseUri(), running::close);
    }
  },
  JAVALIN {
    @Override
    Running start(SognoServer server) {
      JavalinServer running = JavalinServer.start(server);
      return new Running(running.baseUri(), running::close);
    }
  };

  abstract Running start(SognoServer server);

  /** A started server: where it listens and how to stop it. */
  record Running(URI baseUri, Runnable stop) implements AutoCloseable {
    @Override
    public void close() {
      stop.run();
    }
  }
}
