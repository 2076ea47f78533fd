package org.lfenergy.sogno.sdk.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spec text never becomes code: every string a spec author controls carries Java unicode escapes, comment
 * ends, quotes, backslashes and line breaks that would each declare a member named {@code injected…} if
 * pasted into the source unescaped. The client and the server side (generated into one source tree)
 * must compile, declare none of them, and keep the wire names exact.
 */
class HostileSpecTest {

  /** Closes a Javadoc comment at compile time through a unicode escape, then declares a field. */
  private static final String UNICODE_COMMENT_END = "a \\u002a/ public int injectedByUnicode; /\\u002a b";
  /** Ends a string literal through a unicode escape. */
  private static final String UNICODE_QUOTE = "q\\u0022; public int injectedByQuote; String s = \\u0022";
  /** A unicode line feed ends a line comment. */
  private static final String UNICODE_NEWLINE = "n\\u000a public int injectedByNewline; //";
  private static final String PLAIN = "p */ public int injectedByCommentEnd; /* \" + injectedCall() + \" \\ \\\" \n"
      + " public int injectedByLine; {@code } @return <b>";
  private static final String HOSTILE = UNICODE_COMMENT_END + " " + UNICODE_QUOTE + " " + UNICODE_NEWLINE + " " + PLAIN;
  /**
   * A schema name: without a mapping it is a discriminator value, so it lands in a string literal too.
   * The loader refuses such names, but {@code generate(OpenAPI, Path)} takes a spec no loader checked.
   */
  private static final String ODD_SCHEMA = "Odd\" */ public int injectedBySchemaName; /* " + UNICODE_QUOTE;

  /**
   * Code in each vendor extension a stock template pastes verbatim, each declaring its own member; on
   * the model, a property, the polymorphic interface, the operation and a parameter.
   */
  private static final Map<String, Object> MODEL_CODE = map(
      "x-class-extra-annotation", "@Deprecated public static int injectedByClassExtension = 1; //",
      "x-implements", List.of("java.util.RandomAccess"),
      "x-extra-annotation", "public static int injectedByModelExtraAnnotation = 1; //");
  private static final Map<String, Object> PROPERTY_CODE = map(
      "x-field-extra-annotation", "public static int injectedByFieldExtension = 1; //",
      "x-setter-extra-annotation", "public static int injectedBySetterExtension = 1; //",
      "x-extra-annotation", "public static int injectedByGetterExtension = 1; //",
      "x-class-extra-annotation", "public static int injectedByPropertyClassExtension = 1; //");
  private static final Map<String, Object> OPERATION_CODE = map(
      "x-extra-annotation", "public static int injectedByOperationExtension = 1; //",
      "x-class-extra-annotation", "public static int injectedByApiClassExtension = 1; //",
      "x-implements", List.of("java.util.RandomAccess"),
      // the generator's own marker: a spec must not switch on code the generator did not decide on
      "x-sogno-begin", "injectedByBeginMarker");
  private static final List<String> EXTENSION_MEMBERS = List.of("injectedByClassExtension",
      "injectedByModelExtraAnnotation", "injectedByFieldExtension", "injectedBySetterExtension",
      "injectedByGetterExtension", "injectedByPropertyClassExtension", "injectedByOperationExtension",
      "injectedByApiClassExtension", "injectedByInterfaceExtension", "injectedByParameterExtension",
      "injectedByBeginMarker");

  @TempDir static Path dir;
  /** What the generator logged while generating (slf4j-simple writes to standard error). */
  static String log;
  static List<File> sources;
  static List<String> diagnostics;
  static URLClassLoader classes;

  @BeforeAll
  static void generateAndCompile() throws Exception {
    Path spec = Files.writeString(dir.resolve("hostile.json"), new ObjectMapper().writeValueAsString(spec("Odd")));
    // schema names the loader would refuse, given to the generator as a parsed spec
    io.swagger.v3.oas.models.OpenAPI unchecked =
        io.swagger.v3.core.util.Json.mapper().convertValue(spec(ODD_SCHEMA), io.swagger.v3.oas.models.OpenAPI.class);
    java.io.PrintStream stderr = System.err;
    java.io.ByteArrayOutputStream logged = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(logged, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      sources = generate(spec, unchecked);
    } finally {
      System.setErr(stderr);
      log = logged.toString(java.nio.charset.StandardCharsets.UTF_8);
      stderr.print(log);
    }
    diagnostics = GeneratedCodeCompilesTest.compile(sources, dir.resolve("classes"));
    classes = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()}, HostileSpecTest.class.getClassLoader());
  }

  private static List<File> generate(Path spec, io.swagger.v3.oas.models.OpenAPI unchecked) {
    return Stream.of(
            SognoGenerator.builder().basePackage("org.example.hostile").outputDirectory(dir.resolve("src"))
                .build().generate(spec).stream(),
            SognoGenerator.builder().server().basePackage("org.example.hostile").outputDirectory(dir.resolve("src"))
                .build().generate(spec).stream(),
            SognoGenerator.builder().basePackage("org.example.unchecked").outputDirectory(dir.resolve("src"))
                .build().generate(unchecked, dir.resolve("unchecked.json")).stream())
        .flatMap(files -> files)
        .filter(f -> f.getName().endsWith(".java")).distinct().collect(Collectors.toList());
  }

  @Test
  void theClientAndServerCompileWithoutWarnings() {
    assertThat(sources).anyMatch(f -> f.getName().endsWith("Api.java")).anyMatch(f -> f.getName().endsWith("Handler.java"));
    assertThat(diagnostics).isEmpty();
  }

  @Test
  void noClassOrMemberNamedBySpecTextExists() throws Exception {
    List<String> declared = new ArrayList<>();
    for (Class<?> type : generatedClasses()) {
      declared.add(type.getName());
      Stream.of(type.getDeclaredFields(), type.getDeclaredMethods(), type.getDeclaredConstructors())
          .flatMap(Stream::of).map(Member::getName).forEach(declared::add);
    }
    // Sanitised names of hostile properties contain "Injected…"; a payload would declare exactly these.
    assertThat(declared).isNotEmpty().doesNotContainAnyElementsOf(List.of("injectedByUnicode", "injectedByQuote",
        "injectedByNewline", "injectedByCommentEnd", "injectedByLine", "injectedCall"))
        .doesNotContainAnyElementsOf(EXTENSION_MEMBERS);
  }

  @Test
  void noSourceLineDeclaresInjectedCode() throws Exception {
    for (File source : sources) {
      for (String line : Files.readAllLines(source.toPath())) {
        assertThat(line).as(source.getName())
            .doesNotContainPattern("^\\s*public int injected")
            .doesNotContainPattern("(?<!\\\\)\\\\u00(2a|22|0a)");  // no unicode escape javac would read
      }
    }
  }

  @Test
  void wireNamesInStringLiteralsStayExact() throws Exception {
    Class<?> model = classes.loadClass("org.example.hostile.model.Thing");
    List<Object> constants = new ArrayList<>();
    for (Field field : model.getDeclaredFields()) {
      if (field.getName().startsWith("JSON_PROPERTY_")) {
        constants.add(field.get(null));
      }
    }
    assertThat(constants).contains("name", HOSTILE);
  }

  @Test
  void discriminatorNamesMappingKeysAndSchemaNamesInTheAllowListStayExact() throws Exception {
    assertThat(typeInfo("org.example.hostile.model.Pick").property()).isEqualTo(HOSTILE);
    assertThat(subtypeNames("org.example.hostile.model.Pick")).containsExactlyInAnyOrder(HOSTILE, UNICODE_COMMENT_END);
    assertThat(subtypeNames("org.example.hostile.model.Loose")).containsExactlyInAnyOrder("Thing", "Odd");
    assertThat(subtypeNames("org.example.unchecked.model.Loose")).containsExactlyInAnyOrder("Thing", ODD_SCHEMA);
  }

  @Test
  void hostileDiscriminatorValuesReadAndWriteExactly() throws Exception {
    org.lfenergy.sogno.sdk.core.SognoJson json = org.lfenergy.sogno.sdk.core.SognoJson.defaults();
    Class<?> odd = classes.loadClass("org.example.unchecked.model." + oddClassName());
    String body = new ObjectMapper().writeValueAsString(map(HOSTILE, ODD_SCHEMA, UNICODE_QUOTE, "q"));

    Object read = json.read(body, classes.loadClass("org.example.unchecked.model.Loose"));
    Object built = odd.getConstructor().newInstance();

    assertThat(read).isInstanceOf(odd);
    assertThat(json.readUntyped(json.write(read))).isEqualTo(map(HOSTILE, ODD_SCHEMA, UNICODE_QUOTE, "q"));
    // built, it starts with Loose's name for it (Loose comes before Pick)
    assertThat(json.readUntyped(json.write(built))).isEqualTo(map(HOSTILE, ODD_SCHEMA, UNICODE_QUOTE, null));
    assertThat(json.read(body, classes.loadClass("org.example.unchecked.model.Guess"))).isInstanceOf(odd);
  }

  private static String oddClassName() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("src/org/example/unchecked/model"))) {
      return files.map(f -> f.getFileName().toString().replace(".java", ""))
          .filter(name -> name.startsWith("Odd")).findFirst().orElseThrow();
    }
  }

  private static com.fasterxml.jackson.annotation.JsonTypeInfo typeInfo(String type) throws Exception {
    return classes.loadClass(type).getAnnotation(com.fasterxml.jackson.annotation.JsonTypeInfo.class);
  }

  private static List<String> subtypeNames(String type) throws Exception {
    return Stream.of(classes.loadClass(type).getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class).value())
        .map(com.fasterxml.jackson.annotation.JsonSubTypes.Type::name).collect(Collectors.toList());
  }

  @Test
  void noVendorExtensionOfTheSpecBecomesCodeByDefault() throws Exception {
    for (File source : sources) {
      assertThat(Files.readString(source.toPath())).as(source.getName())
          .doesNotContain("injectedBy" + "ClassExtension").doesNotContain("RandomAccess").doesNotContain("@Deprecated")
          .doesNotContain("ByModelExtraAnnotation").doesNotContain("ByFieldExtension").doesNotContain("BySetterExtension")
          .doesNotContain("ByGetterExtension").doesNotContain("ByPropertyClassExtension")
          .doesNotContain("ByOperationExtension").doesNotContain("ByApiClassExtension")
          .doesNotContain("ByInterfaceExtension").doesNotContain("ByParameterExtension").doesNotContain("ByBeginMarker");
    }
    assertThat(java.util.RandomAccess.class.isAssignableFrom(classes.loadClass("org.example.hostile.model.Thing"))).isFalse();
    assertThat(sources).extracting(File::getName).contains("Thing.java").doesNotContain("Hidden.java");
  }

  @Test
  void warnsOfEachDroppedExtensionNamingWhereItIs() {
    String thing = "/components/schemas/Thing";
    assertThat(log.lines().filter(line -> line.contains(" WARN ")))
        .anyMatch(line -> line.contains("x-class-extra-annotation at " + thing + ":"))
        .anyMatch(line -> line.contains("x-implements at " + thing + ":"))
        .anyMatch(line -> line.contains("x-extra-annotation at " + thing + ":"))
        .anyMatch(line -> line.contains("x-field-extra-annotation at " + thing + "/properties/name:"))
        .anyMatch(line -> line.contains("x-setter-extra-annotation at " + thing + "/properties/name:"))
        .anyMatch(line -> line.contains("x-extra-annotation at " + thing + "/properties/name:"))
        .anyMatch(line -> line.contains("x-class-extra-annotation at /components/schemas/Pick:"))
        .anyMatch(line -> line.matches(".*x-extra-annotation at /paths/[^ ]*/get:.*"))
        .anyMatch(line -> line.matches(".*x-sogno-begin at /paths/[^ ]*/get:.*"))
        .anyMatch(line -> line.matches(".*x-extra-annotation at /paths/[^ ]*/get/parameters/0:.*"))
        .allMatch(line -> !line.contains("x-enum-descriptions"));
  }

  /**
   * The same extensions, harmless and given to a generator told to allow them (through the command
   * line's flag), are pasted as they are: the opt-in is what lets them in, and nothing else does.
   */
  @Test
  void onlyAnExplicitOptInRendersTheExtensionsVerbatim(@TempDir Path trusted) throws Exception {
    Map<String, Object> spec = spec("Odd");
    Map<String, Object> thing = schema(spec, "Thing");
    thing.putAll(map("x-class-extra-annotation", "@com.fasterxml.jackson.annotation.JsonClassDescription(\"trusted\")",
        "x-implements", List.of("java.util.RandomAccess")));
    thing.remove("x-extra-annotation");
    Map<String, Object> name = property(thing, "name");
    name.remove("x-class-extra-annotation");
    name.putAll(map(
        "x-field-extra-annotation", "@com.fasterxml.jackson.annotation.JsonPropertyDescription(\"field\")",
        "x-extra-annotation", "@com.fasterxml.jackson.annotation.JsonPropertyDescription(\"getter\")",
        "x-setter-extra-annotation", "@com.fasterxml.jackson.annotation.JsonPropertyDescription(\"setter\")"));
    Path file = Files.writeString(trusted.resolve("trusted.json"), new ObjectMapper().writeValueAsString(spec));
    SognoGeneratorMain.main(new String[] {file.toString(), "org.example.trusted", trusted.resolve("src").toString(),
        SognoGeneratorMain.ALLOW_SPEC_CODE});
    SognoGenerator.builder().basePackage("org.example.untrusted").outputDirectory(trusted.resolve("src")).build()
        .generate(file);
    List<File> generated;
    try (Stream<Path> files = Files.walk(trusted.resolve("src"))) {
      generated = files.filter(f -> f.toString().endsWith(".java")).map(Path::toFile).collect(Collectors.toList());
    }
    assertThat(GeneratedCodeCompilesTest.compile(generated, trusted.resolve("classes"))).isEmpty();

    try (URLClassLoader loader = new URLClassLoader(new URL[] {trusted.resolve("classes").toUri().toURL()},
        HostileSpecTest.class.getClassLoader())) {
      Class<?> allowed = loader.loadClass("org.example.trusted.model.Thing");
      Class<?> refused = loader.loadClass("org.example.untrusted.model.Thing");
      assertThat(described(allowed)).containsExactlyInAnyOrder("class trusted", "field field", "getter getter",
          "setter setter");
      assertThat(java.util.RandomAccess.class.isAssignableFrom(allowed)).isTrue();
      assertThat(described(refused)).isEmpty();
      assertThat(java.util.RandomAccess.class.isAssignableFrom(refused)).isFalse();
    }
  }

  /** The descriptions annotated on {@code model}, its {@code name} field, getter and setter. */
  private static List<String> described(Class<?> model) throws Exception {
    List<String> found = new ArrayList<>();
    var type = model.getAnnotation(com.fasterxml.jackson.annotation.JsonClassDescription.class);
    if (type != null) {
      found.add("class " + type.value());
    }
    Map<String, java.lang.reflect.AnnotatedElement> members = map(
        "field", model.getDeclaredField("name"), "getter", model.getMethod("getName"),
        "setter", model.getMethod("setName", String.class));
    members.forEach((what, member) -> {
      var description = member.getAnnotation(com.fasterxml.jackson.annotation.JsonPropertyDescription.class);
      if (description != null) {
        found.add(what + " " + description.value());
      }
    });
    return found;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> schema(Map<String, Object> spec, String name) {
    return (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) spec.get("components"))
        .get("schemas")).get(name);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> property(Map<String, Object> schema, String name) {
    return (Map<String, Object>) ((Map<String, Object>) schema.get("properties")).get(name);
  }

  @Test
  void theGeneratedCallSendsTheSpecsExactPathAndQueryName() throws Exception {
    try (mockwebserver3.MockWebServer server = new mockwebserver3.MockWebServer()) {
      server.start();
      server.enqueue(new mockwebserver3.MockResponse.Builder().code(200)
          .setHeader("Content-Type", "application/json").body("{\"name\":\"n\"}").build());
      org.lfenergy.sogno.sdk.core.SognoClient client =
          org.lfenergy.sogno.sdk.core.SognoClient.builder().baseUrl(server.url("/api").toString()).build();
      Class<?> api = generatedClasses().stream().filter(c -> c.getName().startsWith("org.example.hostile.api.")
          && c.getName().endsWith("Api")).findFirst().orElseThrow();
      java.lang.reflect.Method call = Stream.of(api.getMethods())
          .filter(m -> m.getName().startsWith("get") && m.getParameterCount() == 2
              && m.getParameterTypes()[1].getSimpleName().endsWith("Options")).findFirst().orElseThrow();
      // the optional query parameter is an option; its setter is the String one not named after the X- header
      Class<?> optionsType = call.getParameterTypes()[1];
      java.lang.reflect.Method querySetter = Stream.of(optionsType.getMethods())
          .filter(m -> m.getReturnType() == optionsType && m.getParameterCount() == 1
              && m.getParameterTypes()[0] == String.class && !m.getName().startsWith("x"))
          .findFirst().orElseThrow();

      call.invoke(api.getConstructor(org.lfenergy.sogno.sdk.core.SognoClient.class).newInstance(client),
          "t1", querySetter.invoke(optionsType.getMethod("defaults").invoke(null), "v"));

      okhttp3.HttpUrl sent = server.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS).getUrl();
      assertThat(sent.pathSegments()).containsExactly("api", "v1", "things", "t1", UNICODE_QUOTE.replace(" ", "-"));
      assertThat(sent.queryParameterNames()).containsExactly(HOSTILE);
      assertThat(sent.queryParameter(HOSTILE)).isEqualTo("v");
    }
  }

  private static List<Class<?>> generatedClasses() throws Exception {
    Path root = dir.resolve("classes");
    List<Class<?>> types = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList())) {
        String name = root.relativize(file).toString().replace(File.separatorChar, '.').replaceAll("\\.class$", "");
        types.add(classes.loadClass(name));
      }
    }
    return types;
  }

  /** The hostile spec, whose second variant of the polymorphic schemas is named {@code oddSchema}. */
  private static Map<String, Object> spec(String oddSchema) {
    Map<String, Object> thing = with(map(
        "type", "object",
        "description", HOSTILE,
        "example", map("name", HOSTILE),
        "properties", map(
            "name", with(map("type", "string", "description", HOSTILE, "default", HOSTILE, "example", HOSTILE),
                PROPERTY_CODE),
            HOSTILE, map("type", "string", "description", HOSTILE),
            "kind", map("type", "string", "description", HOSTILE, "enum", List.of("plain", HOSTILE, UNICODE_QUOTE),
                "x-enum-descriptions", List.of(HOSTILE, HOSTILE, HOSTILE)))), MODEL_CODE);
    Map<String, Object> level = map("type", "string", "description", HOSTILE, "enum", List.of("low", HOSTILE));
    Map<String, Object> get = with(map(
        "tags", List.of(HOSTILE),
        "operationId", "get" + UNICODE_QUOTE,
        "summary", HOSTILE,
        "description", HOSTILE,
        "parameters", List.of(
            map("name", "thingId", "in", "path", "required", true, "description", HOSTILE, "schema", map("type", "string"),
                "x-extra-annotation", "public static int injectedByParameterExtension = 1; //"),
            map("name", HOSTILE, "in", "query", "description", HOSTILE, "example", HOSTILE,
                "schema", map("type", "string", "default", HOSTILE)),
            map("name", "X-" + UNICODE_QUOTE, "in", "header", "description", HOSTILE, "schema", map("type", "string")),
            map("name", "level", "in", "query", "schema", map("$ref", "#/components/schemas/Level"))),
        "responses", map(
            "200", map("description", HOSTILE, "content", map("application/json",
                map("schema", map("$ref", "#/components/schemas/Thing"), "example", map("name", HOSTILE)))),
            "202", map("description", HOSTILE, "content", map("text/plain", map("schema", map("type", "string")))))),
        OPERATION_CODE);
    return map(
        "openapi", "3.0.3",
        "info", map("title", HOSTILE, "version", "1.0.0", "description", HOSTILE),
        "tags", List.of(map("name", HOSTILE, "description", HOSTILE)),
        "paths", map("/v1/things/{thingId}/" + UNICODE_QUOTE.replace(" ", "-"), map("get", get)),
        "components", map("schemas", map("Thing", thing, "Level", level, oddSchema, odd(),
            // discriminated oneOf, mapping keys and the discriminator's name hostile
            "Pick", map("oneOf", List.of(ref("Thing"), ref(oddSchema)), "discriminator", map("propertyName", HOSTILE,
                "mapping", map(HOSTILE, "#/components/schemas/Thing", UNICODE_COMMENT_END, pointer(oddSchema))),
                "x-class-extra-annotation", "public static int injectedByInterfaceExtension = 1; //"),
            // discriminated oneOf without mapping: the schema names are the values
            "Loose", map("oneOf", List.of(ref("Thing"), ref(oddSchema)), "discriminator", map("propertyName", HOSTILE)),
            // oneOf and anyOf without discriminator: read by the properties
            "Guess", map("oneOf", List.of(ref("Thing"), ref(oddSchema))),
            "Either", map("anyOf", List.of(ref("Thing"), ref(oddSchema))),
            // an extension the generator still reads: it leaves the schema out
            "Hidden", map("type", "object", "properties", map("note", map("type", "string")),
                "x-internal", true))));
  }

  private static Map<String, Object> odd() {
    return map("type", "object", "description", HOSTILE, "required", List.of(HOSTILE, UNICODE_QUOTE),
        "properties", map(HOSTILE, map("type", "string", "description", HOSTILE),
            UNICODE_QUOTE, map("type", "string", "description", HOSTILE)));
  }

  private static Map<String, Object> ref(String schema) {
    return map("$ref", pointer(schema));
  }

  /** A JSON pointer to a schema (RFC 6901: "~" and "/" escaped). */
  private static String pointer(String schema) {
    return "#/components/schemas/" + schema.replace("~", "~0").replace("/", "~1");
  }

  private static Map<String, Object> with(Map<String, Object> map, Map<String, Object> extensions) {
    map.putAll(extensions);
    return map;
  }

  private static <V> Map<String, V> map(Object... entries) {
    Map<String, V> map = new LinkedHashMap<>();
    for (int i = 0; i < entries.length; i += 2) {
      @SuppressWarnings("unchecked")
      V value = (V) entries[i + 1];
      map.put((String) entries[i], value);
    }
    return map;
  }
}
