package org.lfenergy.sogno.sdk.buildchecks;

import java.util.List;
import java.util.Map;

/**
 * The published SDK modules the build checks cover. Adding a module: one line here, plus its
 * dependency in {@code build-checks/pom.xml} (so the reactor builds it first and its jar is on the
 * test class path); {@code JarIdentityTest} fails naming both when a module of the BOM is missing.
 */
public final class SdkModules {
  /** Every published module with its declared API sub-packages. */
  public static final List<SdkModule> PUBLISHED = List.of(
      SdkModule.library("sdk-core", "sogno-sdk-core", "org.lfenergy.sogno.sdk.core", "server"),
      SdkModule.library("sdk-async", "sogno-sdk-async", "org.lfenergy.sogno.sdk.async", "server", "server.http"),
      SdkModule.library("sdk-kafka", "sogno-sdk-kafka", "org.lfenergy.sogno.sdk.kafka", "micrometer"),
      SdkModule.tool("sdk-testkit", "sogno-sdk-testkit", "org.lfenergy.sogno.sdk.testkit"),
      SdkModule.tool("sdk-testkit-auth", "sogno-sdk-testkit-auth", "org.lfenergy.sogno.sdk.testkit.auth"),
      SdkModule.library("sdk-async-kafka", "sogno-sdk-async-kafka", "org.lfenergy.sogno.sdk.async.kafka"),
      SdkModule.library("sdk-async-jdbc", "sogno-sdk-async-jdbc", "org.lfenergy.sogno.sdk.async.jdbc"),
      SdkModule.library("sdk-server", "sogno-sdk-server", "org.lfenergy.sogno.sdk.server", "jdk", "javalin", "auth"),
      SdkModule.library("sdk-conformance", "sogno-sdk-conformance", "org.lfenergy.sogno.sdk.conformance"),
      SdkModule.tool("codegen/sogno-api-spec", "sogno-api-spec", "org.lfenergy.sogno.sdk.spec"),
      SdkModule.tool("codegen/sogno-lint", "sogno-lint", "org.lfenergy.sogno.sdk.lint"),
      SdkModule.tool("codegen/sogno-openapi-generator", "sogno-openapi-generator", "org.lfenergy.sogno.sdk.codegen"),
      SdkModule.library("codegen/sogno-platform-client", "sogno-platform-client", "org.lfenergy.sogno.sdk.platform",
          "api", "model"),
      SdkModule.tool("codegen/sogno-maven-plugin", "sogno-maven-plugin", "org.lfenergy.sogno.sdk.maven"));

  /**
   * Modules of the BOM that are applications, not libraries, with the reason they are not checked
   * here. Their jars bundle other modules' classes, so the package and API checks do not apply;
   * their own tests run the jar.
   */
  public static final Map<String, String> APPLICATIONS = Map.of(
      "sogno-lint-cli", "runnable shaded jar of sogno-lint and its dependencies; LintCliJarIT runs it as a child JVM",
      "sogno-sdk-conformance-cli", "runnable shaded jar of sogno-sdk-conformance and its dependencies; "
          + "ConformanceCliJarIT runs it as a child JVM");

  private SdkModules() {
  }
}
