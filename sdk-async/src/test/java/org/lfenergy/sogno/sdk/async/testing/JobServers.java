package org.lfenergy.sogno.sdk.async.testing;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.lfenergy.sogno.sdk.async.server.JobManagerConfig;
import org.lfenergy.sogno.sdk.async.server.JobWork;
import org.lfenergy.sogno.sdk.async.server.http.ServerRequest;
import org.lfenergy.sogno.sdk.async.server.http.TrustedProxies;

/**
 * Starts {@link TestJobServer}s for one test and stops them after it, and holds the gate that blocked
 * jobs wait on: {@code @RegisterExtension final JobServers servers = new JobServers();}
 */
public final class JobServers implements AfterEachCallback {
  private final CountDownLatch gate = new CountDownLatch(1);
  private final List<TestJobServer> started = new CopyOnWriteArrayList<>();

  public TestJobServer start(JobManagerConfig config, TrustedProxies proxies, Function<ServerRequest, JobWork> work)
      throws IOException {
    return track(TestJobServer.start(config, proxies, work));
  }

  public TestJobServer startOn(int port, JobManagerConfig config, Function<ServerRequest, JobWork> work) throws IOException {
    return track(TestJobServer.startOn(port, config, work));
  }

  /** Lets every job blocked in {@link #awaitRelease()} go on. */
  public void release() {
    gate.countDown();
  }

  /** Blocks the calling job until {@link #release()} or the end of the test. */
  public void awaitRelease() throws InterruptedException {
    gate.await();
  }

  /** As {@link #awaitRelease()}, for at most {@code timeout}. */
  public boolean awaitRelease(long timeout, TimeUnit unit) throws InterruptedException {
    return gate.await(timeout, unit);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    gate.countDown();
    started.forEach(TestJobServer::close);
  }

  private TestJobServer track(TestJobServer server) {
    started.add(server);
    return server;
  }
}
