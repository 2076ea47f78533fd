package org.lfenergy.sogno.sdk.async;

import java.net.URI;
import org.lfenergy.sogno.sdk.async.internal.Origins;

/**
 * A {@link JobHandle} refused to follow a link the service returned — the job's {@code Location} (or
 * {@code self} link), its {@code result} or its {@code cancel} link — because it points to an origin
 * (scheme, host, port) other than the client's base URL and the origins allowed with {@link
 * JobHandle#withAllowedOrigins}. Nothing was sent there. Unchecked.
 */
public final class CrossOriginLinkException extends JobException {
  private static final long serialVersionUID = 1L;

  private final String relation;
  private final URI link;

  /**
   * @param jobId the job's id
   * @param lastKnown the job as last seen, may be null
   * @param relation which link: {@code Location}, {@code result} or {@code cancel}
   * @param link the refused URL
   */
  public CrossOriginLinkException(String jobId, Job lastKnown, String relation, URI link) {
    super("Job " + jobId + ": the " + relation + " link " + Origins.display(link) + " points to another origin; "
        + "nothing was sent there (allow the origin with JobHandle.withAllowedOrigins to follow it)",
        jobId, lastKnown, null, null);
    this.relation = relation;
    this.link = link;
  }

  /** Which link was refused: {@code Location}, {@code result} or {@code cancel}. */
  public String relation() {
    return relation;
  }

  /** The refused URL. */
  public URI link() {
    return link;
  }
}
