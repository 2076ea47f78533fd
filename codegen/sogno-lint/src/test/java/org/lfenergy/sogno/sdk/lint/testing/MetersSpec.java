package org.lfenergy.sogno.sdk.lint.testing;

/**
 * The smallest spec the breaking-change tests compare: version 1.0.0 of a meters API with a {@code GET}
 * and a {@code DELETE} on {@code /v1/meters} (the {@code DELETE} at line 9), and the same without its
 * {@code DELETE}.
 */
public final class MetersSpec {
  /** Version 1.0.0. */
  public static final String V1 = "openapi: 3.0.3\n"
      + "info: {title: Meters, version: 1.0.0}\n"
      + "paths:\n"
      + "  /v1/meters:\n"
      + "    get:\n"
      + "      operationId: listMeters\n"
      + "      responses:\n"
      + "        '200': {description: The meters.}\n"
      + "    delete:\n"
      + "      operationId: deleteMeters\n"
      + "      responses:\n"
      + "        '204': {description: Deleted.}\n";

  /** {@link #V1} without its {@code DELETE} operation, still at version 1.0.0. */
  public static final String WITHOUT_DELETE = SpecEdit.cutToEnd("    delete:").apply(V1);

  private MetersSpec() {}
}
