package org.lfenergy.sogno.sdk.server.internal.auth;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.lfenergy.sogno.sdk.server.auth.AuthConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The issuer's public keys, fetched from its JWKS (configured, or discovered once from the issuer)
 * and cached for {@link AuthConfig#jwksCacheTtl()}; expired keys keep serving while their successors
 * are fetched in the background. Fetches are bounded: one at a time (concurrent
 * requests share it), each request waits at most {@link AuthConfig#jwksTimeout()}, documents are
 * read up to {@link AuthConfig#jwksMaxBytes()}, and
 * <ul>
 *   <li>without usable keys (none yet, or expired), a fetch is tried at most once per {@link
 *       AuthConfig#jwksRefreshInterval()} (no storm against a provider that is down);
 *   <li>a token whose key is unknown makes a refresh at most once per interval too, so forged
 *       {@code kid}s cannot make the service hammer the provider.
 * </ul>
 * A failed refresh keeps the keys it had. With no keys at all, {@link #get} throws {@link
 * KeysUnavailableException}. Thread-safe.
 */
final class JwksKeys implements JWKSource<SecurityContext> {
  private static final Logger log = LoggerFactory.getLogger(JwksKeys.class);
  private static final Executor FETCHES = task -> {
    Thread thread = new Thread(task, "sogno-jwks-fetch");
    thread.setDaemon(true);
    thread.start();
  };

  /** Keys as fetched, and when (System.nanoTime). */
  private record Snapshot(JWKSet keys, long fetchedAt) {}

  private final KeyLocation location;
  private final long ttl;
  private final long interval;
  private final long timeoutMillis;

  private Snapshot current;
  private CompletableFuture<Snapshot> inFlight;
  private long lastAttempt;
  private long lastUnknownKeyRefresh;
  private boolean attempted;
  private boolean refreshedForUnknownKey;

  JwksKeys(KeyLocation location, AuthConfig config) {
    this.location = location;
    this.ttl = config.jwksCacheTtl().toNanos();
    this.interval = config.jwksRefreshInterval().toNanos();
    this.timeoutMillis = config.jwksTimeout().toMillis();
  }

  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
    Snapshot seen;
    synchronized (this) {
      seen = current;
    }
    if (seen == null) {
      seen = fetch(null, false, true);
    } else if (System.nanoTime() - seen.fetchedAt() > ttl) {
      fetch(seen, false, false);
    }
    List<JWK> found = selector.select(seen.keys());
    if (found.isEmpty()) {
      Snapshot fresh = fetch(seen, true, true);
      if (fresh != seen) {
        found = selector.select(fresh.keys());
      }
    }
    return found;
  }

  /**
   * Fetches unless another thread just did or the rate limit forbids it; with {@code wait}, waits
   * for the fetch (or one already under way) and answers the newest keys, else answers {@code seen}
   * at once (expired keys serve until the new ones are in). Answers {@code seen} when fetching is not
   * allowed or failed.
   */
  private Snapshot fetch(Snapshot seen, boolean unknownKey, boolean wait) throws KeysUnavailableException {
    CompletableFuture<Snapshot> fetch;
    synchronized (this) {
      long now = System.nanoTime();
      if (current != seen) {
        return current;
      }
      if (inFlight == null) {
        boolean allowed = unknownKey
            ? !refreshedForUnknownKey || now - lastUnknownKeyRefresh >= interval
            : !attempted || now - lastAttempt >= interval;
        if (!allowed) {
          return orUnavailable(seen, "the last attempt failed less than the refresh interval ago");
        }
        if (unknownKey) {
          refreshedForUnknownKey = true;
          lastUnknownKeyRefresh = now;
          log.debug("A token names a key not in the JWKS: fetching it again");
        }
        attempted = true;
        lastAttempt = now;
        inFlight = CompletableFuture.supplyAsync(this::load, FETCHES).whenComplete(this::fetched);
      }
      fetch = inFlight;
    }
    if (!wait) {
      return seen;
    }
    try {
      return fetch.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return orUnavailable(seen, "the identity provider did not answer within " + timeoutMillis + " ms");
    } catch (ExecutionException e) {
      return orUnavailable(seen, String.valueOf(e.getCause().getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return orUnavailable(seen, "interrupted");
    }
  }

  private synchronized void fetched(Snapshot snapshot, Throwable failure) {
    inFlight = null;
    if (snapshot != null) {
      current = snapshot;
    } else {
      log.warn("Cannot fetch the identity provider's keys{}: {}", current == null ? "" : " (keeping the cached ones)",
          failure.getCause() == null ? failure.getMessage() : failure.getCause().getMessage());
    }
  }

  private Snapshot load() {
    URI jwks = location.jwksUri();
    JWKSet keys;
    try {
      keys = JWKSet.parse(location.read(jwks)).toPublicJWKSet();
    } catch (java.text.ParseException e) {
      throw new IllegalStateException("The JWKS at " + jwks + " is not a JWK set: " + e.getMessage(), e);
    }
    log.info("Fetched {} key(s) from {}", keys.getKeys().size(), jwks);
    return new Snapshot(keys, System.nanoTime());
  }

  private static Snapshot orUnavailable(Snapshot seen, String reason) throws KeysUnavailableException {
    if (seen == null) {
      throw new KeysUnavailableException("No keys of the identity provider: " + reason);
    }
    return seen;
  }

  /** No keys to check a token with: the provider did not answer usably. */
  static final class KeysUnavailableException extends KeySourceException {
    private static final long serialVersionUID = 1L;

    KeysUnavailableException(String message) {
      super(message);
    }
  }
}
