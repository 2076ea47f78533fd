package org.lfenergy.sogno.sdk.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.codegen.poly.api.AssetsApi;
import org.lfenergy.sogno.sdk.codegen.poly.api.ContactsApi;
import org.lfenergy.sogno.sdk.codegen.poly.api.DrawingsApi;
import org.lfenergy.sogno.sdk.codegen.poly.api.PaymentsApi;
import org.lfenergy.sogno.sdk.codegen.poly.api.PetsApi;
import org.lfenergy.sogno.sdk.codegen.poly.api.ShapesApi;
import org.lfenergy.sogno.sdk.codegen.poly.model.Asset;
import org.lfenergy.sogno.sdk.codegen.poly.model.BankTransfer;
import org.lfenergy.sogno.sdk.codegen.poly.model.Card;
import org.lfenergy.sogno.sdk.codegen.poly.model.Cat;
import org.lfenergy.sogno.sdk.codegen.poly.model.Circle;
import org.lfenergy.sogno.sdk.codegen.poly.model.Contact;
import org.lfenergy.sogno.sdk.codegen.poly.model.Dog;
import org.lfenergy.sogno.sdk.codegen.poly.model.Drawing;
import org.lfenergy.sogno.sdk.codegen.poly.model.EmailContact;
import org.lfenergy.sogno.sdk.codegen.poly.model.Figure;
import org.lfenergy.sogno.sdk.codegen.poly.model.Group;
import org.lfenergy.sogno.sdk.codegen.poly.model.Meter;
import org.lfenergy.sogno.sdk.codegen.poly.model.Pet;
import org.lfenergy.sogno.sdk.codegen.poly.model.PhoneContact;
import org.lfenergy.sogno.sdk.codegen.poly.model.Shape;
import org.lfenergy.sogno.sdk.codegen.poly.model.Square;
import org.lfenergy.sogno.sdk.codegen.poly.model.Transformer;
import org.lfenergy.sogno.sdk.codegen.polyserver.server.AssetsHandler;
import org.lfenergy.sogno.sdk.codegen.polyserver.server.ContactsHandler;
import org.lfenergy.sogno.sdk.codegen.polyserver.server.DrawingsHandler;
import org.lfenergy.sogno.sdk.codegen.polyserver.server.PaymentsHandler;
import org.lfenergy.sogno.sdk.codegen.polyserver.server.PetsHandler;
import org.lfenergy.sogno.sdk.codegen.polyserver.server.ShapesHandler;
import org.lfenergy.sogno.sdk.core.JsonException;
import org.lfenergy.sogno.sdk.core.SognoClient;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.server.ServerConfig;
import org.lfenergy.sogno.sdk.server.SognoServer;
import org.lfenergy.sogno.sdk.server.jdk.JdkServer;

/**
 * The client generated from {@code specs/polymorphism.yaml} during this module's build (see the POM)
 * reads every kind of polymorphic answer from a loopback server into the right generated class and
 * writes request bodies with their discriminator, through the SDK's Jackson configuration (no default
 * typing). The server side generated from the same spec reads and writes the same bodies on
 * sdk-server.
 */
class GeneratedPolymorphismTest {
  private final SognoJson json = SognoJson.defaults();
  private final MockWebServer server = new MockWebServer();
  private SognoClient client;

  @BeforeEach
  void start() throws Exception {
    server.start();
    client = SognoClient.builder().baseUrl(server.url("/api").toString()).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void oneOfWithMappingReadsEachVariantByItsWireNameAlsoNestedInArrays() {
    answer("[{\"shapeType\":\"circle\",\"radius\":1.5},{\"shapeType\":\"square\",\"side\":2},"
        + "{\"shapeType\":\"group\",\"label\":\"pair\",\"members\":[{\"shapeType\":\"circle\",\"radius\":0.5},"
        + "{\"shapeType\":\"group\",\"members\":[{\"shapeType\":\"square\",\"side\":4}]}]}]");

    List<Shape> shapes = new ShapesApi(client).listShapes();

    assertThat(shapes).hasSize(3);
    assertThat(shapes.get(0)).isInstanceOfSatisfying(Circle.class, c -> assertThat(c.getRadius()).isEqualTo(1.5));
    assertThat(shapes.get(1)).isInstanceOfSatisfying(Square.class, s -> assertThat(s.getSide()).isEqualTo(2.0));
    Group group = (Group) shapes.get(2);
    assertThat(group.getLabel()).isEqualTo("pair");
    assertThat(group.getMembers().get(0)).isEqualTo(new Circle().radius(0.5));
    assertThat(((Group) group.getMembers().get(1)).getMembers()).containsExactly(new Square().side(4.0));
  }

  @Test
  void aVariantReadAsItselfNeedsNoDiscriminator() {
    answer("{\"radius\":2.5}");

    Circle circle = new ShapesApi(client).getCircle("c1");

    assertThat(circle.getRadius()).isEqualTo(2.5);
    assertThat(circle.getShapeType()).isEqualTo("circle");
  }

  @Test
  void oneOfWithoutMappingUsesTheSchemaNamesAndReadsAPolymorphicPropertyInside() throws Exception {
    answer("{\"petType\":\"Dog\",\"name\":\"Rex\",\"favouriteToy\":{\"shapeType\":\"square\",\"side\":3}}");

    Pet pet = new PetsApi(client).adoptPet(new Cat().name("Tom").indoor(true));

    assertThat(sentBody()).isEqualTo(Map.of("petType", "Cat", "name", "Tom", "indoor", true));
    assertThat(pet).isInstanceOfSatisfying(Dog.class, dog -> {
      assertThat(dog.getName()).isEqualTo("Rex");
      assertThat(dog.getFavouriteToy()).isEqualTo(new Square().side(3.0));
    });
  }

  @Test
  void requestBodiesCarryTheDiscriminatorOfTheirClass() throws Exception {
    answer("{\"shapeType\":\"circle\",\"radius\":2}");
    answer("{\"assetType\":\"meter\",\"id\":\"m1\"}");

    new ShapesApi(client).createShape(new Group().label("g").members(List.of(new Circle().radius(2.0))));
    Map<String, Object> group = sentBody();
    new AssetsApi(client).registerAsset(new Meter().reading(3.5).housing(new Square().side(1.0)).id("m1"));
    Map<String, Object> meter = sentBody();

    assertThat(group).isEqualTo(Map.of("shapeType", "group", "label", "g",
        "members", List.of(Map.of("shapeType", "circle", "radius", 2.0))));
    assertThat(meter).isEqualTo(Map.of("assetType", "meter", "id", "m1", "reading", 3.5,
        "housing", Map.of("shapeType", "square", "side", 1.0)));
  }

  @Test
  void allOfSubtypesReadAsTheirClassUnderTheDiscriminatingParent() {
    answer("[{\"assetType\":\"meter\",\"id\":\"m1\",\"reading\":7.25,\"housing\":{\"shapeType\":\"circle\",\"radius\":1}},"
        + "{\"assetType\":\"transformer\",\"id\":\"t1\",\"ratio\":20}]");

    List<Asset> assets = new AssetsApi(client).listAssets();

    assertThat(assets.get(0)).isInstanceOfSatisfying(Meter.class, meter -> {
      assertThat(meter.getId()).isEqualTo("m1");
      assertThat(meter.getReading()).isEqualTo(7.25);
      assertThat(meter.getHousing()).isEqualTo(new Circle().radius(1.0));
    });
    assertThat(assets.get(1)).isInstanceOfSatisfying(Transformer.class, transformer -> {
      assertThat(transformer.getAssetType()).isEqualTo("transformer");
      assertThat(transformer.getRatio()).isEqualTo(20.0);
    });
  }

  @Test
  void anUnknownDiscriminatorValueIsKeptAndWrittenBackUnchanged() throws Exception {
    String hexagon = "{\"shapeType\":\"hexagon\",\"side\":1,\"style\":{\"dash\":[1,2.5],\"fill\":null},\"tags\":[\"a\"]}";
    answer("[" + hexagon + ",{\"side\":2}]");
    answer("{\"shapeType\":\"circle\",\"radius\":1}");

    List<Shape> shapes = new ShapesApi(client).listShapes();
    new ShapesApi(client).createShape(shapes.get(0));
    server.takeRequest(5, TimeUnit.SECONDS); // the list

    assertThat(shapes.get(0)).isInstanceOfSatisfying(Shape.Unknown.class, unknown -> {
      assertThat(unknown.discriminatorValue()).isEqualTo("hexagon");
      assertThat(unknown.properties()).containsEntry("side", 1).containsEntry("tags", List.of("a"));
    });
    assertThat(shapes.get(1)).isInstanceOfSatisfying(Shape.Unknown.class,
        unknown -> assertThat(unknown.discriminatorValue()).isNull());
    assertThat(sentBody()).isEqualTo(json.readUntyped(hexagon.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void anUnknownSubtypeOfAnAllOfParentKeepsItsDeclaredAndOtherProperties() throws Exception {
    String battery = "{\"assetType\":\"battery\",\"id\":\"b1\",\"capacity\":{\"kWh\":13.5}}";
    answer("[" + battery + "]");
    answer(battery);

    Asset asset = new AssetsApi(client).listAssets().get(0);
    new AssetsApi(client).registerAsset(asset);
    server.takeRequest(5, TimeUnit.SECONDS); // the list

    assertThat(asset).isInstanceOfSatisfying(Asset.Unknown.class, unknown -> {
      assertThat(unknown.getAssetType()).isEqualTo("battery");
      assertThat(unknown.getId()).isEqualTo("b1");
      assertThat(unknown.otherProperties()).isEqualTo(Map.of("capacity", Map.of("kWh", 13.5)));
    });
    assertThat(sentBody()).isEqualTo(json.readUntyped(battery.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void oneOfWithoutDiscriminatorReadsTheVariantWhoseRequiredPropertiesArePresent() throws Exception {
    answer("{\"iban\":\"DE02120300000000202051\",\"reference\":\"r-1\",\"amount\":5}");
    answer("{\"cardNumber\":\"4111\",\"expiry\":\"12/30\",\"amount\":7,\"issuer\":\"from a newer server\"}");
    PaymentsApi payments = new PaymentsApi(client);

    assertThat(payments.pay(new Card().cardNumber("4111").expiry("12/30")))
        .isEqualTo(new BankTransfer().iban("DE02120300000000202051").reference("r-1").amount(5L));
    assertThat(sentBody()).isEqualTo(Map.of("cardNumber", "4111", "expiry", "12/30"));
    assertThat(payments.pay(new BankTransfer().iban("x")))
        .isEqualTo(new Card().cardNumber("4111").expiry("12/30").amount(7L));
  }

  @Test
  void anAmbiguousOneOfFailsWithATypedErrorNamingTheCandidates() {
    answer("{\"cardNumber\":\"4111\",\"expiry\":\"12/30\",\"iban\":\"DE02\"}");

    assertThatThrownBy(() -> new PaymentsApi(client).pay(new BankTransfer().iban("x")))
        .isInstanceOf(JsonException.class)
        .hasMessageContaining("Payment is oneOf BankTransfer, Card and the object matches more than one of them:"
            + " BankTransfer, Card (properties present: cardNumber, expiry, iban)");
  }

  @Test
  void aOneOfMatchingNoVariantFailsWithATypedErrorSayingWhatEachNeeds() {
    answer("{\"amount\":5}");
    answer("[{\"shapeType\":\"circle\",\"radius\":1},\"circle\"]");

    assertThatThrownBy(() -> new PaymentsApi(client).pay(new BankTransfer().iban("x")))
        .isInstanceOf(JsonException.class)
        .hasMessageContaining("Payment is oneOf BankTransfer, Card and the object matches none of them:"
            + " BankTransfer needs iban; Card needs cardNumber, expiry");
    assertThatThrownBy(() -> new ShapesApi(client).listShapes()).isInstanceOf(JsonException.class);
  }

  @Test
  void anyOfReadsTheVariantDeclaringMostOfThePropertiesPresent() {
    answer("[{\"email\":\"a@example.org\"},{\"phone\":\"+49 1\",\"mobile\":true},"
        + "{\"email\":\"b@example.org\",\"phone\":\"+49 2\",\"mobile\":false}]");

    List<Contact> contacts = new ContactsApi(client).listContacts();

    assertThat(contacts).containsExactly(new EmailContact().email("a@example.org"),
        new PhoneContact().phone("+49 1").mobile(true), new PhoneContact().phone("+49 2").mobile(false));
  }

  @Test
  void aOneOfOfOneOfsReadsThroughBothLevels() {
    Figure circle = json.read("{\"shapeType\":\"circle\",\"radius\":1}", Figure.class);
    Figure card = json.read("{\"cardNumber\":\"4111\",\"expiry\":\"12/30\"}", Figure.class);
    Figure newer = json.read("{\"shapeType\":\"star\"}", Figure.class);

    assertThat(circle).isEqualTo(new Circle().radius(1.0));
    assertThat(card).isEqualTo(new Card().cardNumber("4111").expiry("12/30"));
    assertThat(newer).isInstanceOf(Shape.Unknown.class);
    assertThat(json.read("{\"cardNumber\":\"4111\",\"expiry\":\"12/30\"}", Card.class)).isEqualTo(card);
  }

  @Test
  void aPlainModelHoldsPolymorphicValuesOfEveryKind() {
    answer("{\"id\":\"d1\",\"background\":{\"shapeType\":\"square\",\"side\":10},"
        + "\"shapes\":[{\"shapeType\":\"circle\",\"radius\":1},{\"shapeType\":\"star\",\"points\":5}],"
        + "\"pets\":[{\"petType\":\"Cat\",\"name\":\"Tom\"}],\"payment\":{\"iban\":\"DE02\"}}");

    Drawing drawing = new DrawingsApi(client).getDrawing("d1");

    assertThat(drawing.getBackground()).isEqualTo(new Square().side(10.0));
    assertThat(drawing.getShapes().get(0)).isEqualTo(new Circle().radius(1.0));
    assertThat(drawing.getShapes().get(1)).isInstanceOfSatisfying(Shape.Unknown.class,
        star -> assertThat(star.properties()).isEqualTo(Map.of("shapeType", "star", "points", 5)));
    assertThat(drawing.getPets()).containsExactly(new Cat().name("Tom"));
    assertThat(drawing.getPayment()).isEqualTo(new BankTransfer().iban("DE02"));
  }

  @Test
  void theGeneratedServerSideReadsAndWritesTheSameBodies() {
    SognoServer.Builder builder = SognoServer.builder()
        .spec(Path.of("src/test/resources/specs/polymorphism.yaml"))
        .config(ServerConfig.builder().host("127.0.0.1").port(0).validateResponses(true).build());
    List<Object> received = new java.util.concurrent.CopyOnWriteArrayList<>();
    ShapesHandler.register(builder, new ShapesHandler() {
      @Override
      public CreateShapeResponse createShape(CreateShapeRequest request) {
        received.add(request.body());
        return CreateShapeResponse.created(request.body());
      }

      @Override
      public GetCircleResponse getCircle(GetCircleRequest request) {
        throw new UnsupportedOperationException("not exercised here");
      }

      @Override
      public ListShapesResponse listShapes(ListShapesRequest request) {
        return ListShapesResponse.ok(List.of(new org.lfenergy.sogno.sdk.codegen.polyserver.model.Square().side(2.0)));
      }
    });
    AssetsHandler.register(builder, new AssetsHandler() {
      @Override
      public ListAssetsResponse listAssets(ListAssetsRequest request) {
        return ListAssetsResponse.ok(List.of());
      }

      @Override
      public RegisterAssetResponse registerAsset(RegisterAssetRequest request) {
        received.add(request.body());
        return RegisterAssetResponse.created(request.body());
      }
    });
    PaymentsHandler.register(builder, request -> {
      received.add(request.body());
      return PaymentsHandler.PayResponse.ok(request.body());
    });
    PetsHandler.register(builder, request -> PetsHandler.AdoptPetResponse.ok(request.body()));
    ContactsHandler.register(builder, request -> ContactsHandler.ListContactsResponse.ok(List.of()));
    DrawingsHandler.register(builder, request -> {
      throw new UnsupportedOperationException("not exercised here");
    });
    try (JdkServer running = JdkServer.start(builder.build())) {
      SognoClient toServer = SognoClient.builder().baseUrl(running.baseUri().toString()).build();
      // a discriminated oneOf nested in a variant of itself, two levels deep
      Group group = new Group().label("g").members(List.of(new Circle().radius(2.0),
          new Group().label("inner").members(List.of(new Square().side(4.0)))));
      Meter meter = new Meter().reading(1.25).housing(new Circle().radius(3.0)).id("m1");
      Card card = new Card().cardNumber("4111").expiry("12/30");

      assertThat(new ShapesApi(toServer).createShape(group)).isEqualTo(group);
      assertThat(new AssetsApi(toServer).registerAsset(meter)).isEqualTo(meter);
      assertThat(new PaymentsApi(toServer).pay(card)).isEqualTo(card);
      assertThat(new ShapesApi(toServer).listShapes()).containsExactly(new Square().side(2.0));
      assertThat(received).extracting(Object::getClass).extracting(Class::getSimpleName)
          .containsExactly("Group", "Meter", "Card");
      assertThat(((org.lfenergy.sogno.sdk.codegen.polyserver.model.Meter) received.get(1)).getHousing())
          .isEqualTo(new org.lfenergy.sogno.sdk.codegen.polyserver.model.Circle().radius(3.0));
      org.lfenergy.sogno.sdk.codegen.polyserver.model.Group served =
          (org.lfenergy.sogno.sdk.codegen.polyserver.model.Group) received.get(0);
      assertThat(((org.lfenergy.sogno.sdk.codegen.polyserver.model.Group) served.getMembers().get(1)).getMembers())
          .containsExactly(new org.lfenergy.sogno.sdk.codegen.polyserver.model.Square().side(4.0));
    }
  }

  private void answer(String body) {
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build());
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> sentBody() throws InterruptedException {
    okio.ByteString body = server.takeRequest(5, TimeUnit.SECONDS).getBody();
    return (Map<String, Object>) json.readUntyped(body.toByteArray());
  }
}
