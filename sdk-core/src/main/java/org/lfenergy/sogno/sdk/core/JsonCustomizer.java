package org.lfenergy.sogno.sdk.core;

import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one place Jackson appears in the SDK's API: a hook that adjusts the {@link JsonMapper.Builder}
 * behind a {@link SognoJson}, for example to register a module for your own types.
 *
 * <pre>{@code
 * SognoJson json = SognoJson.builder()
 *     .customize(mapper -> mapper.addModule(new MyUnitsModule()))
 *     .build();
 * }</pre>
 *
 * <p>Customizers run once, when the {@link SognoJson} is built, after the SDK's defaults. Enabling
 * default typing or polymorphic deserialization by class name is rejected by {@link
 * SognoJson.Builder#build()}.
 */
@FunctionalInterface
public interface JsonCustomizer {
  /**
   * @param builder the mapper builder, pre-configured with the SDK defaults
   */
  void customize(JsonMapper.Builder builder);
}
