package org.lfenergy.sogno.sdk.async;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lfenergy.sogno.sdk.async.internal.JobPaths;
import org.lfenergy.sogno.sdk.core.SognoException;

/** The URL templates of {@link JobDialect}: checked when a dialect is built, expanded per job. Stateless. */
final class JobUrls {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");

  private JobUrls() {}

  /**
   * @throws IllegalArgumentException naming {@code setting} unless {@code template} starts with
   *     {@code /}, {@code {location}} or (when {@code locating}) {@code {request}}, and names only
   *     {@code {id}} and those
   */
  static String requireTemplate(String template, String setting, boolean locating) {
    String anchor = locating ? "{request}" : "{location}";
    boolean anchored = template != null && (template.startsWith("/") || template.startsWith(anchor));
    if (!anchored) {
      throw new IllegalArgumentException(setting + " must start with / (the base URL) or " + anchor + ", was " + template);
    }
    Matcher placeholders = PLACEHOLDER.matcher(template);
    while (placeholders.find()) {
      String name = placeholders.group(1);
      if (!name.equals("id") && !name.equals(locating ? "request" : "location")) {
        throw new IllegalArgumentException(setting + " knows the placeholders {id} and " + anchor + ", not {" + name + "}: " + template);
      }
    }
    String literal = PLACEHOLDER.matcher(template).replaceAll("");
    if (literal.contains("{") || literal.contains("}") || literal.contains("?") || literal.contains("#")) {
      throw new IllegalArgumentException(setting + " must be a path without query or fragment, was " + template);
    }
    return template;
  }

  /**
   * The absolute URL of {@code template} for job {@code id}.
   *
   * @param anchor the URL {@code {location}} or {@code {request}} stands for; unused for base-relative templates
   */
  static URI expand(String template, URI baseUrl, URI anchor, String id) {
    String path = template.replace("{id}", JobPaths.segment(id));
    if (template.startsWith("/")) {
      return URI.create(withoutTrailingSlash(baseUrl.toString()) + path);
    }
    String prefix = template.startsWith("{location}") ? "{location}" : "{request}";
    URI plain = URI.create(anchor.getScheme() + "://" + anchor.getRawAuthority() + (anchor.getRawPath() == null ? "" : anchor.getRawPath()));
    return URI.create(withoutTrailingSlash(plain.toString()) + path.substring(prefix.length()));
  }

  /**
   * The URL of {@code relation} of {@code handle}'s job: the last seen job's link (resolved against the
   * response that carried it), else {@code template} expanded for the job.
   *
   * @throws SognoException if there is neither
   */
  static URI linkOrTemplate(JobHandle<?> handle, String relation, String template) {
    PolledJob seen = handle.lastPolled();
    Optional<URI> link = seen == null ? Optional.empty() : seen.job().link(relation).map(l -> l.resolveAgainst(seen.info().uri()));
    return link.orElseGet(() -> {
      if (template == null) {
        throw new SognoException("Job " + handle.jobId() + " shows no " + relation + " link, and dialect "
            + handle.dialect().name() + " has no URL for it", null, null);
      }
      return expand(template, handle.client().baseUrl(), handle.location(), handle.jobId());
    });
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
