package org.lfenergy.sogno.sdk.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.lfenergy.sogno.sdk.lint.LintReport;
import org.lfenergy.sogno.sdk.lint.SpecCompatibility;

/**
 * The breaking-change check of SOGNO-801: compares the spec with its previous version and fails the
 * build on a change that breaks clients within the same major {@code info.version} (a removed
 * operation, a new required parameter, a narrowed request type, …; see {@link SpecCompatibility}).
 * With a new major version the changes are listed and the build passes.
 *
 * <p>The previous version ({@code sogno.previous}) is a file, {@code git:<ref>} (the spec's own path
 * at that revision, e.g. {@code git:v1.4.0} or {@code git:origin/main}), or the Maven coordinates of a
 * released artifact that contains the spec ({@code groupId:artifactId:version[:type[:classifier]]},
 * the entry named by {@code sogno.previousPath}, by default the spec's file name). Needs no POM:
 * {@code mvn org.lfenergy.sogno:sogno-maven-plugin:<version>:compat -Dsogno.spec=openapi.yaml
 * -Dsogno.previous=git:v1.0.0}.
 */
@Mojo(name = "compat", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true, requiresProject = false)
public class CompatMojo extends SpecCheckMojo {

  /** The previous version: a file, {@code git:<ref>}, or {@code groupId:artifactId:version[:type[:classifier]]}. */
  @Parameter(property = "sogno.previous", required = true)
  private String previous;

  /** The spec's path inside the previous artifact; by default the spec's file name. */
  @Parameter(property = "sogno.previousPath")
  private String previousPath;

  /** Where a previous spec read from git or an artifact is written. */
  @Parameter(property = "sogno.compat.directory", defaultValue = "${project.build.directory}/sogno-compat")
  private File workDirectory;

  /** Skips the check. */
  @Parameter(property = "sogno.compat.skip", defaultValue = "false")
  private boolean skip;

  @Component
  private RepositorySystem repositorySystem;

  @Parameter(defaultValue = "${repositorySystemSession}", readonly = true)
  private RepositorySystemSession repositorySession;

  @Parameter(defaultValue = "${project.remoteProjectRepositories}", readonly = true)
  private List<RemoteRepository> remoteRepositories;

  public CompatMojo() {
    super("compat");
  }

  @Override
  boolean skipped() {
    return skip;
  }

  @Override
  void check() throws MojoFailureException {
    Path base = executionRoot == null ? Path.of("") : executionRoot.toPath();
    Path previousSpec = PreviousSpec.locate(previous, spec.toPath(), base, work(base), previousPath, this::resolve);
    getLog().info("Comparing " + spec + " with " + previous + (previousSpec.toString().equals(previous) ? "" : " (" + previousSpec + ")"));
    LintReport report = SpecCompatibility.defaults().compare(previousSpec, spec.toPath());
    FindingLines.print(getLog(), report);
    if (report.failed()) {
      throw new MojoFailureException(report.failures().size() + " breaking change(s) (SOGNO-801) from " + previous
          + " to " + spec + " within the same major version (listed above); bump the major info.version"
          + " or keep the change compatible");
    }
  }

  /** Without a POM the stub project leaves {@code ${project.build.directory}} uninterpolated. */
  private Path work(Path base) {
    return workDirectory.getPath().contains("${") ? base.resolve("target/sogno-compat") : workDirectory.toPath();
  }

  private Path resolve(String coordinates) throws MojoFailureException {
    if (repositorySystem == null || repositorySession == null) {
      throw new MojoFailureException("Cannot resolve " + coordinates + ": no Maven repository session");
    }
    try {
      String[] parts = coordinates.split(":");
      DefaultArtifact artifact = new DefaultArtifact(parts[0], parts[1], parts.length > 4 ? parts[4] : "",
          parts.length > 3 ? parts[3] : "jar", parts[2]);
      ArtifactRequest request = new ArtifactRequest(artifact, remoteRepositories, null);
      return repositorySystem.resolveArtifact(repositorySession, request).getArtifact().getFile().toPath();
    } catch (ArtifactResolutionException | IllegalArgumentException e) {
      throw new MojoFailureException("Cannot resolve the previous spec's artifact " + coordinates + ": "
          + e.getMessage(), e);
    }
  }
}
