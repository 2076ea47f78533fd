package org.lfenergy.sogno.sdk.codegen;

import java.nio.file.Path;
import java.util.stream.Collectors;
import org.lfenergy.sogno.sdk.lint.LoadedSpec;
import org.lfenergy.sogno.sdk.lint.SpecLoader;

/**
 * Reads a spec the way the linter does ({@link SpecLoader}): OpenAPI 3 or Swagger 2.0 (converted),
 * references to the base spec's stable URL resolved to the copy in the {@code sogno-api-spec} jar.
 */
final class SpecParsing {
  private SpecParsing() {}

  static LoadedSpec load(Path spec) {
    LoadedSpec loaded = SpecLoader.defaults().load(spec);
    if (loaded.openApi().isEmpty()) {
      String reasons = loaded.findings().stream().map(f -> f.format()).collect(Collectors.joining("\n  "));
      throw new GenerationException("Cannot read the spec " + spec + ":\n  " + reasons, null);
    }
    return loaded;
  }
}
