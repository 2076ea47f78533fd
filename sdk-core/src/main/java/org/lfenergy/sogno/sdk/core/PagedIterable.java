package org.lfenergy.sogno.sdk.core;

import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The items of a paged collection (the guidelines' page shape: {@code items} and an opaque {@code
 * next}), fetched page by page as the iteration reaches them. What a generated {@code list…Paged}
 * method returns:
 *
 * <pre>{@code
 * for (Grid grid : grids.listGridsPaged(ListGridsOptions.defaults().limit(100))) { … }
 * grids.listGridsPaged().stream().filter(…).findFirst();          // stops fetching when found
 * for (PagedIterable.Page<Grid> page : grids.listGridsPaged().pages()) {
 *   save(page.items(), page.nextCursor());                        // resume later with pages(cursor)
 * }
 * }</pre>
 *
 * <p>Following {@code next}: a value that is a URL (absolute, or a reference such as {@code
 * /v1/grids?cursor=…} or {@code ?cursor=…}) is resolved against the page's own URL and fetched as is,
 * only on the client's base URL origin (scheme, host, port) — another origin raises {@link
 * PagingException} before anything is sent there. Any other value is a cursor, sent as the {@code
 * cursor} query parameter with the first request's other parameters (so {@code limit} applies to every
 * page). The last page has no {@code next}.
 *
 * <p>Each iteration starts over from its first page; nothing is cached. Errors surface from {@code
 * hasNext}/{@code next} as the client's typed exceptions ({@code ApiException} subclasses carrying the
 * problem, {@code TransportException}). Immutable and thread-safe; the iterators are not.
 *
 * @param <T> the item type
 */
public final class PagedIterable<T> implements Iterable<T> {
  /** The query parameter a cursor goes in. */
  public static final String CURSOR = "cursor";

  private final PageFetcher<?, T> fetcher;
  private final String startCursor;

  private PagedIterable(PageFetcher<?, T> fetcher, String startCursor) {
    this.fetcher = fetcher;
    this.startCursor = startCursor;
  }

  /**
   * The items of the collection whose first page {@code firstPage} fetches.
   *
   * @param client the client that fetches every page
   * @param firstPage the request of the first page, without {@code cursor}
   * @param reader reads one page's body
   * @param items the page's items (null: none)
   * @param next the page's {@code next} (null or empty: the last page)
   * @param <P> the page type
   * @param <T> the item type
   * @throws NullPointerException if an argument is null
   */
  public static <P, T> PagedIterable<T> of(SognoClient client, ApiRequest firstPage, ResponseReader<P> reader,
      Function<P, List<T>> items, Function<P, String> next) {
    return new PagedIterable<>(new PageFetcher<>(client, firstPage, reader, items, next), null);
  }

  /**
   * The same collection, starting at the page {@code cursor} (a {@link Page#nextCursor()} saved
   * earlier) instead of the first; {@code null} starts at the first page.
   */
  public PagedIterable<T> fromCursor(String cursor) {
    return new PagedIterable<>(fetcher, cursor);
  }

  /** The items, fetching the next page when the previous one is used up. */
  @Override
  public Iterator<T> iterator() {
    Iterator<Page<T>> pages = pages().iterator();
    return new Iterator<>() {
      private Iterator<T> current = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && pages.hasNext()) {
          current = pages.next().items().iterator();
        }
        return current.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /** The items as a sequential stream; pages are fetched only as far as the stream is consumed. */
  public Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
  }

  /** The pages, fetched one at a time as the iteration reaches them. */
  public Iterable<Page<T>> pages() {
    return () -> fetcher.pages(startCursor);
  }

  /**
   * One page: its items and where the collection continues.
   *
   * @param <T> the item type
   */
  public static final class Page<T> {
    private final List<T> items;
    private final String nextCursor;
    private final ResponseInfo response;

    Page(List<T> items, String nextCursor, ResponseInfo response) {
      this.items = items == null ? List.of() : List.copyOf(items);
      this.nextCursor = nextCursor == null || nextCursor.isEmpty() ? null : nextCursor;
      this.response = Objects.requireNonNull(response, "response");
    }

    /** The page's items, unmodifiable (empty if the page had none). */
    public List<T> items() {
      return items;
    }

    /** The page's {@code next}: pass it to {@link PagedIterable#fromCursor} to resume; empty on the last page. */
    public Optional<String> nextCursor() {
      return Optional.ofNullable(nextCursor);
    }

    /** Status, headers and URL of the answer that carried this page. */
    public ResponseInfo response() {
      return response;
    }

    @Override
    public String toString() {
      return "Page{items=" + items.size() + ", next=" + nextCursor + "}";
    }
  }
}
