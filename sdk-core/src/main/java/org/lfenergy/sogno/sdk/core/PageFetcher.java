package org.lfenergy.sogno.sdk.core;

import java.net.URI;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;

/** Fetches the pages of one collection for {@link PagedIterable}: the first request, then each {@code next}. */
final class PageFetcher<P, T> {
  private final SognoClient client;
  private final ApiRequest firstPage;
  private final ResponseReader<P> reader;
  private final Function<P, List<T>> items;
  private final Function<P, String> next;

  PageFetcher(SognoClient client, ApiRequest firstPage, ResponseReader<P> reader, Function<P, List<T>> items,
      Function<P, String> next) {
    this.client = Objects.requireNonNull(client, "client");
    this.firstPage = Objects.requireNonNull(firstPage, "firstPage");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.items = Objects.requireNonNull(items, "items");
    this.next = Objects.requireNonNull(next, "next");
  }

  /** The pages from {@code cursor} on ({@code null}: from the first page). */
  Iterator<PagedIterable.Page<T>> pages(String cursor) {
    return new Iterator<>() {
      private String pending = cursor;
      private URI previous;
      private boolean started;

      @Override
      public boolean hasNext() {
        return !started || pending != null;
      }

      @Override
      public PagedIterable.Page<T> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        ApiResponse<P> answer = client.execute(request(pending, previous), reader);
        P body = answer.body();
        String following = body == null ? null : next.apply(body);
        PagedIterable.Page<T> page = new PagedIterable.Page<>(body == null ? null : items.apply(body), following,
            answer.info());
        String requested = pending;
        started = true;
        previous = answer.uri();
        pending = page.nextCursor().orElse(null);
        if (pending != null && pending.equals(requested)) {
          String repeated = pending;
          pending = null;
          throw new PagingException("The page fetched with cursor " + repeated + " names the same cursor as next; "
              + "stopped instead of fetching it forever", repeated, answer.requestId());
        }
        return page;
      }
    };
  }

  private ApiRequest request(String cursor, URI previous) {
    if (cursor == null) {
      return firstPage;
    }
    if (!isLink(cursor)) {
      return firstPage.newBuilder().queryParam(PagedIterable.CURSOR, cursor).build();
    }
    // RFC 3986 resolution (java.net.URI drops the last path segment for a "?query" reference)
    okhttp3.HttpUrl base = okhttp3.HttpUrl.get((previous == null ? client.baseUrl() : previous).toString());
    okhttp3.HttpUrl resolved = base.resolve(cursor);
    if (resolved == null) {
      throw new PagingException("The next page link " + cursor + " is not a valid URL", cursor, null);
    }
    URI target = resolved.uri();
    if (!sameOrigin(target, client.baseUrl())) {
      throw new PagingException("The next page link " + cursor + " leads to another origin than the client's "
          + origin(client.baseUrl()) + "; not followed", cursor, null);
    }
    ApiRequest.Builder request = ApiRequest.builder(firstPage.method(), target);
    for (Map.Entry<String, String> header : firstPage.headers()) {
      request.header(header.getKey(), header.getValue());
    }
    firstPage.timeout().ifPresent(request::timeout);
    return request.build();
  }

  /** A URL or a URL reference, as opposed to an opaque cursor token. */
  private static boolean isLink(String next) {
    String lower = next.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://") || next.startsWith("/") || next.startsWith("?");
  }

  private static boolean sameOrigin(URI a, URI b) {
    return origin(a).equals(origin(b));
  }

  private static String origin(URI uri) {
    String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
    int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
    return scheme + "://" + String.valueOf(uri.getHost()).toLowerCase(Locale.ROOT) + ":" + port;
  }
}
