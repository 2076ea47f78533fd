package org.lfenergy.sogno.sdk.codegen;

import java.nio.file.Path;
import java.util.List;
import org.lfenergy.sogno.sdk.lint.LoadedSpec;
import org.lfenergy.sogno.sdk.lint.SpecLoader;
import org.lfenergy.sogno.sdk.spec.BaseSpec;

/**
 * Reads a spec the way the linter does ({@link SpecLoader}): OpenAPI 3 or Swagger 2.0 (converted),
 * references to the base spec's stable URL resolved to the copy in the {@code sogno-api-spec} jar. A
 * spec with any loading finding (rule {@code SOGNO-101}) is refused with those findings.
 */
final class SpecParsing {
  private SpecParsing() {}

  static LoadedSpec load(Path spec) {
    return parsed(SpecLoader.defaults().load(spec));
  }

  /** The spec with the overlays merged onto it ({@link SpecOverlays}), read as {@link #load} does. */
  static LoadedSpec load(Path spec, List<Path> overlays) {
    if (overlays.isEmpty()) {
      return load(spec);
    }
    return SpecOverlays.apply(spec, overlays)
        .map(merged -> parsed(SpecLoader.defaults().load(spec, merged)))
        .orElseGet(() -> load(spec));
  }

  /** The base spec itself, from the {@code sogno-api-spec} jar. */
  static LoadedSpec loadBaseSpec() {
    return parsed(SpecLoader.defaults().load(BaseSpec.URL, BaseSpec.text()));
  }

  /** Refuses a spec the loader reported anything for: generating from it would guess or crash. */
  private static LoadedSpec parsed(LoadedSpec loaded) {
    if (loaded.openApi().isEmpty() || !loaded.findings().isEmpty()) {
      throw GenerationFailures.refused(loaded);
    }
    return loaded;
  }
}
