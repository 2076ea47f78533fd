package org.lfenergy.sogno.sdk.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.lfenergy.sogno.sdk.codegen.GenerationException;
import org.lfenergy.sogno.sdk.codegen.SognoGenerator;

/**
 * Generates a Java client on {@code sogno-sdk-core} from a service's OpenAPI 3.0 or Swagger 2.0 spec
 * and adds it to the compile sources. References to the base spec's stable URL
 * ({@code https://sogno-platform.github.io/sogno-api/base/v1/openapi.yaml#/…}) resolve to the copy
 * bundled with this plugin, never over the network.
 *
 * <p>API classes go to {@code <packageName>.api}, models to {@code <packageName>.model}. The client
 * needs {@code sogno-sdk-core} at compile time, and {@code sogno-sdk-async} and {@code
 * sogno-platform-client} when the spec uses the base spec's jobs or health schemas: depending on
 * {@code sogno-platform-client} brings all three.
 *
 * <p>{@code side} picks what is written: {@code client} (the default), {@code server} (per tag a
 * {@code <Tag>Handler} interface in {@code <packageName>.server} with typed requests and responses on
 * {@code sogno-sdk-server}; the service implements it and writes no reader, router or problem code) or
 * {@code both}. The server side needs {@code sogno-sdk-server} at compile time.
 *
 * <p>Runs only when the spec, the files beside it or the configuration changed since the last run.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {

  /** The service's spec file (YAML or JSON; OpenAPI 3.0, or Swagger 2.0 which is converted). */
  @Parameter(property = "sogno.spec", required = true)
  private File spec;

  /** The Java package of the client, e.g. {@code com.acme.powerflow.client}. */
  @Parameter(property = "sogno.package", alias = "package", required = true)
  private String packageName;

  /**
   * Where the Java sources go; added as a compile source root. Emptied before each generation, so it
   * must lie strictly inside the build directory ({@code target}); anything else is refused.
   */
  @Parameter(property = "sogno.outputDirectory", defaultValue = "${project.build.directory}/generated-sources/sogno", required = true)
  private File outputDirectory;

  /**
   * OpenAPI Generator options of the Java generator, e.g. {@code <useBeanValidation>true</useBeanValidation>}.
   * The HTTP library and the serialization are the SDK's and cannot be changed.
   */
  @Parameter
  private Map<String, String> options;

  /**
   * What to write: {@code client} (API classes in {@code <packageName>.api}), {@code server} (handler
   * interfaces in {@code <packageName>.server}) or {@code both}; models in {@code <packageName>.model}
   * either way.
   */
  @Parameter(property = "sogno.side", defaultValue = "client")
  private String side;

  /**
   * Overlay files merged onto the spec before generation, in order: each a JSON Merge Patch (RFC 7396)
   * in YAML or JSON, e.g. to give an operation of a spec you do not own an {@code x-sogno-job-dialect}.
   */
  @Parameter
  private List<File> overlays;

  /**
   * Renders the spec's {@code x-class-extra-annotation}, {@code x-field-extra-annotation}, {@code
   * x-setter-extra-annotation}, {@code x-extra-annotation} and {@code x-implements} into the generated
   * sources verbatim. Off by default: they are dropped with a warning each, so no spec text becomes
   * code. Only for a spec you trust as you trust your own sources.
   */
  @Parameter(property = "sogno.allowSpecCode", defaultValue = "false")
  private boolean allowSpecCode;

  /** Skips generation. */
  @Parameter(property = "sogno.generate.skip", defaultValue = "false")
  private boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("sogno:generate skipped");
      return;
    }
    Directories.requireSpec(spec);
    boolean client = !"server".equals(side);
    boolean server = !"client".equals(side);
    if (!List.of("client", "server", "both").contains(side)) {
      throw new MojoFailureException("side must be client, server or both, was '" + side + "'");
    }
    Path output = Directories.requireInsideBuildDirectory(outputDirectory.toPath(),
        Path.of(project.getBuild().getDirectory()));
    Map<String, String> settings = new TreeMap<>(options == null ? Map.of() : options);
    settings.put("(package)", packageName);
    settings.put("(side)", side);
    settings.put("(allowSpecCode)", String.valueOf(allowSpecCode));
    settings.put("(overlays)", OverlayFiles.describe(overlays));
    GenerationStamp stamp = GenerationStamp.of(spec.toPath(), settings, output);
    try {
      if (stamp.isCurrent()) {
        getLog().info("Client for " + spec.getName() + " is up to date in " + outputDirectory);
      } else {
        generate(output, client, server);
        stamp.write();
      }
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot write the client to " + outputDirectory + ": " + e.getMessage(), e);
    }
    project.addCompileSourceRoot(outputDirectory.getAbsolutePath());
  }

  private void generate(Path output, boolean client, boolean server) throws IOException, MojoFailureException {
    Directories.deleteRecursively(output);
    try {
      Set<File> files = new HashSet<>();
      if (client) {
        files.addAll(generator(output).build().generate(spec.toPath()));
      }
      if (server) {
        files.addAll(generator(output).server().build().generate(spec.toPath()));
      }
      getLog().info("Generated " + files.size() + " files (" + side + ") for " + spec.getName() + " into " + outputDirectory);
    } catch (IllegalArgumentException | GenerationException e) {
      throw new MojoFailureException(e.getMessage(), e);
    }
  }

  private SognoGenerator.Builder generator(Path output) {
    SognoGenerator.Builder builder = SognoGenerator.builder().basePackage(packageName).outputDirectory(output);
    if (options != null) {
      options.forEach(builder::option);
    }
    if (overlays != null) {
      overlays.forEach(overlay -> builder.overlay(overlay.toPath()));
    }
    if (allowSpecCode) {
      builder.allowSpecCode();
    }
    return builder;
  }
}
