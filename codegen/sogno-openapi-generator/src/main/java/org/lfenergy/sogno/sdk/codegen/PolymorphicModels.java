package org.lfenergy.sogno.sdk.codegen;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openapitools.codegen.CodegenDiscriminator;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenProperty;

/**
 * Describes the polymorphic models of a spec for the model templates, so that each reads and writes
 * through the SDK's Jackson configuration, which has no default typing:
 *
 * <ul>
 *   <li>a model with a {@code discriminator} (a {@code oneOf} interface or an {@code allOf} parent
 *       class) gets {@code x-sogno-discriminated}: the discriminator's wire name and the allow-list of
 *       {@code (wire value, class)} pairs the templates write as {@code @JsonSubTypes}; any other value
 *       reads as the model's nested {@code Unknown}, which keeps it;
 *   <li>a {@code oneOf} or {@code anyOf} without one gets {@code x-sogno-deduced}: its variants, which
 *       the generated {@code OneOfReader} tells apart by their properties; every model below it gets
 *       {@code x-sogno-plain-reader}, so it does not inherit the interface's reader;
 *   <li>each variant of a discriminated model gets {@code x-sogno-discriminator-inits}: its
 *       discriminator field starts as its own wire value, so a body the caller builds says what it is;
 *       and every model below it {@code x-sogno-variant}, so that read as itself (an operation answering
 *       {@code Circle}, not {@code Shape}) it does not inherit the type handling, which would require
 *       the discriminator and could not fall back to {@code Unknown}.
 * </ul>
 *
 * <p>Every wire name and value is string-literal content ({@link JavaText#stringContent}). An {@code
 * anyOf} model becomes an interface its variants implement, as stock OpenAPI Generator does for
 * {@code oneOf}. Stateless.
 */
final class PolymorphicModels {
  static final String DISCRIMINATED = "x-sogno-discriminated";
  static final String DEDUCED = "x-sogno-deduced";
  private static final String VARIANT = "x-sogno-variant";
  private static final String PLAIN_READER = "x-sogno-plain-reader";
  private static final String INITS = "x-sogno-discriminator-inits";
  private static final String ONE_OF_INTERFACE = "x-is-one-of-interface";
  private static final String IMPLEMENTS = "x-implements";

  private PolymorphicModels() {}

  /**
   * Adds the vendor extensions above to {@code models} (by class name, in their order: a variant of
   * two discriminated models under the same property starts with the first one's value).
   *
   * @return whether any model is read by deduction, i.e. needs the generated {@code OneOfReader}
   */
  static boolean describe(Map<String, CodegenModel> models) {
    boolean deduced = false;
    for (CodegenModel model : models.values()) {
      if (model.isEnum) {
        continue;
      }
      boolean anyOf = model.oneOf.isEmpty() && !model.anyOf.isEmpty();
      if (anyOf) {
        model.vendorExtensions.put(ONE_OF_INTERFACE, true);
        model.anyOf.forEach(variant -> implement(models.get(variant), model.classname));
      }
      boolean isInterface = Boolean.TRUE.equals(model.vendorExtensions.get(ONE_OF_INTERFACE));
      if (isDiscriminated(model)) {
        describeDiscriminated(model, models);
      } else if (isInterface) {
        deduced |= describeDeduced(model, anyOf ? model.anyOf : model.oneOf, anyOf, models);
      }
    }
    for (CodegenModel model : models.values()) {
      // Jackson gives a class the annotations of every supertype it lacks itself: a model below a
      // deduced interface must not read itself with that interface's reader, one below a discriminated
      // model must not require the discriminator when read as itself
      Set<CodegenModel> ancestors = ancestors(model, models);
      if (!model.vendorExtensions.containsKey(DEDUCED)
          && ancestors.stream().anyMatch(a -> a.vendorExtensions.containsKey(DEDUCED))) {
        model.vendorExtensions.put(PLAIN_READER, true);
      }
      if (!model.vendorExtensions.containsKey(DISCRIMINATED)
          && ancestors.stream().anyMatch(a -> a.vendorExtensions.containsKey(DISCRIMINATED))) {
        model.vendorExtensions.put(VARIANT, true);
      }
    }
    return deduced;
  }

  private static boolean isDiscriminated(CodegenModel model) {
    CodegenDiscriminator discriminator = model.discriminator;
    return discriminator != null && discriminator.getPropertyBaseName() != null
        && discriminator.getMappedModels() != null && !discriminator.getMappedModels().isEmpty();
  }

  private static void describeDiscriminated(CodegenModel model, Map<String, CodegenModel> models) {
    CodegenDiscriminator discriminator = model.discriminator;
    String wireName = JavaText.stringContent(discriminator.getPropertyBaseName());
    List<Map<String, String>> subtypes = new ArrayList<>();
    for (CodegenDiscriminator.MappedModel mapped : discriminator.getMappedModels()) {
      CodegenModel variant = mapped.getModelName() == null ? null : models.get(mapped.getModelName());
      if (variant == null || mapped.getMappingName() == null || !isSubtype(variant, model, models)) {
        continue; // a mapping to a schema that is no variant: Jackson would refuse the whole model
      }
      subtypes.add(Map.of("type", variant.classname, "name", JavaText.stringContent(mapped.getMappingName())));
      if (variant != model) {
        initDiscriminator(variant, wireName, mapped.getMappingName(), models);
      }
    }
    Map<String, Object> description = new LinkedHashMap<>();
    description.put("property", wireName);
    description.put("propertyJavadoc", JavaText.javadoc(discriminator.getPropertyBaseName()));
    description.put("subtypes", subtypes);
    model.vendorExtensions.put(DISCRIMINATED, description);
    // the pojo template renders the type annotations inside {{#discriminator}}, whose own
    // vendorExtensions hide the model's
    discriminator.getVendorExtensions().put(DISCRIMINATED, description);
  }

  /** Whether {@code variant} is {@code model}, implements it (oneOf, anyOf) or extends it (allOf). */
  private static boolean isSubtype(CodegenModel variant, CodegenModel model, Map<String, CodegenModel> models) {
    return variant == model || ancestors(variant, models).contains(model);
  }

  /** The models {@code model} extends or implements, directly or not (by identity; a broken spec may loop). */
  @SuppressWarnings("unchecked")
  private static Set<CodegenModel> ancestors(CodegenModel model, Map<String, CodegenModel> models) {
    // by identity: CodegenModel.hashCode walks every property, endlessly for recursive models
    Set<CodegenModel> found = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<CodegenModel> pending = new ArrayDeque<>(List.of(model));
    while (!pending.isEmpty()) {
      CodegenModel type = pending.pop();
      List<String> names = new ArrayList<>();
      if (type.parent != null) {
        names.add(type.parent);
      }
      Object interfaces = type.vendorExtensions.get(IMPLEMENTS);
      if (interfaces instanceof List) {
        names.addAll((List<String>) interfaces);
      }
      for (String name : names) {
        CodegenModel ancestor = models.get(name);
        if (ancestor != null && ancestor != model && found.add(ancestor)) {
          pending.push(ancestor);
        }
      }
    }
    return found;
  }

  private static boolean describeDeduced(CodegenModel model, Collection<String> variantNames, boolean anyOf,
      Map<String, CodegenModel> models) {
    List<String> variants = new ArrayList<>();
    for (String name : variantNames) {
      CodegenModel variant = models.get(name);
      if (variant != null && !variant.isEnum) {
        variants.add(name);
      }
    }
    if (variants.isEmpty()) {
      return false; // no variant is a model (oneOf of strings, numbers, arrays): nothing to choose between
    }
    model.vendorExtensions.put(DEDUCED, Map.of("variants", variants, "anyOf", anyOf));
    return true;
  }

  @SuppressWarnings("unchecked")
  private static void implement(CodegenModel variant, String interfaceName) {
    if (variant == null || variant.isEnum) {
      return;
    }
    List<String> interfaces =
        (List<String>) variant.vendorExtensions.computeIfAbsent(IMPLEMENTS, k -> new ArrayList<>());
    if (!interfaces.contains(interfaceName)) {
      interfaces.add(interfaceName);
    }
  }

  /**
   * Makes {@code variant}'s discriminator field start as {@code value}, when the field is its own or an
   * {@code allOf} parent's and holds a string or an extensible string enum; otherwise leaves it unset.
   */
  @SuppressWarnings("unchecked")
  private static void initDiscriminator(CodegenModel variant, String wireName, String value,
      Map<String, CodegenModel> models) {
    CodegenProperty field = variant.allVars.stream().filter(property -> wireName.equals(property.baseName))
        .findFirst().orElse(null);
    String literal = field == null ? null : literal(field, value, models);
    if (literal == null) {
      return;
    }
    List<Map<String, String>> inits =
        (List<Map<String, String>>) variant.vendorExtensions.computeIfAbsent(INITS, k -> new ArrayList<>());
    if (inits.stream().noneMatch(init -> init.get("field").equals(field.name))) {
      inits.add(Map.of("field", field.name, "value", literal));
    }
  }

  private static String literal(CodegenProperty field, String value, Map<String, CodegenModel> models) {
    String string = '"' + JavaText.stringContent(value) + '"';
    if (field.isContainer || field.isReadOnly) {
      return null;
    }
    if (field.isEnum && "String".equals(field.dataType)) {
      return field.datatypeWithEnum + ".of(" + string + ")";
    }
    CodegenModel enumModel = field.isEnumRef ? models.get(field.dataType) : null;
    if (enumModel != null && enumModel.isEnum && "String".equals(enumModel.dataType)) {
      return field.dataType + ".of(" + string + ")";
    }
    return field.isString && !field.isEnum && !field.isEnumRef ? string : null;
  }
}
