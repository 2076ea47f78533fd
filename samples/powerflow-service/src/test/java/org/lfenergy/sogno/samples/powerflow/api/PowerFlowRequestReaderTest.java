package org.lfenergy.sogno.samples.powerflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lfenergy.sogno.samples.powerflow.JsonEdits.remove;
import static org.lfenergy.sogno.samples.powerflow.JsonEdits.set;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.samples.powerflow.Ieee14;
import org.lfenergy.sogno.samples.powerflow.grid.BusType;
import org.lfenergy.sogno.sdk.core.SognoJson;

class PowerFlowRequestReaderTest {
  private final Object body = Ieee14.requestTree();

  private static void assertViolations(Object body, int status, Violation... expected) {
    ThrowingCallable read = () -> PowerFlowRequestReader.read(body);
    assertThatThrownBy(read).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
      assertThat(e.status()).isEqualTo(status);
      assertThat(e.violations()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("detail")
          .containsExactlyInAnyOrder(expected);
    });
  }

  private static Violation violation(String pointer, String code) {
    return new Violation(pointer, code, "");
  }

  @Test
  void readsTheExampleIntoAGridAndOptions() {
    PowerFlowRequest request = PowerFlowRequestReader.read(body);

    assertThat(request.grid().buses()).hasSize(14);
    assertThat(request.grid().branches()).hasSize(20);
    assertThat(request.grid().buses().get(1).type()).isEqualTo(BusType.PV);
    assertThat(request.grid().buses().get(8).shuntSusceptanceMvar()).isEqualTo(19);
    assertThat(request.grid().branches().get(7).tapRatio()).isEqualTo(0.978);
    assertThat(request.grid().branches().get(0).tapRatio()).isEqualTo(1.0);
    assertThat(request.options().maxIterations()).isEqualTo(20);
  }

  @Test
  void defaultsOptionalMembers() {
    remove(body, "/options");
    remove(body, "/grid/baseMva");
    remove(body, "/grid/buses/3/loadMw");

    PowerFlowRequest request = PowerFlowRequestReader.read(body);

    assertThat(request.options().tolerancePu()).isEqualTo(1e-8);
    assertThat(request.grid().baseMva()).isEqualTo(100);
    assertThat(request.grid().buses().get(3).loadMw()).isZero();
  }

  @Test
  void gridWithoutSlackBusIsUnprocessableAtTheBusList() {
    set(body, "/grid/buses/0/type", "pq");

    assertViolations(body, 422, violation("#/grid/buses", "no-slack-bus"));
  }

  @Test
  void secondSlackBusIsUnprocessableAtItsType() {
    set(body, "/grid/buses/1/type", "slack");

    assertViolations(body, 422, violation("#/grid/buses/1/type", "multiple-slack-buses"));
  }

  @Test
  void branchToAnUnknownBusIsUnprocessableAtTheReference() {
    set(body, "/grid/branches/3/toBus", 99);

    assertViolations(body, 422, violation("#/grid/branches/3/toBus", "unknown-bus"));
  }

  @Test
  void duplicateBusNumberIsUnprocessableAndOrphansItsBranches() {
    set(body, "/grid/buses/13/number", 13);

    assertViolations(body, 422,
        violation("#/grid/buses/13/number", "duplicate-bus-number"),
        violation("#/grid/branches/16/toBus", "unknown-bus"),
        violation("#/grid/branches/19/toBus", "unknown-bus"));
  }

  @Test
  void busWithoutPathToTheSlackIsUnprocessable() {
    remove(body, "/grid/branches/13"); // 7-8, the only branch to bus 8

    assertViolations(body, 422, violation("#/grid/buses/7", "not-connected"));
  }

  @Test
  void negativeOrZeroBaseMvaIsABadRequest() {
    set(body, "/grid/baseMva", -100);
    assertViolations(body, 400, violation("#/grid/baseMva", "must-be-positive"));

    set(body, "/grid/baseMva", 0);
    assertViolations(body, 400, violation("#/grid/baseMva", "must-be-positive"));
  }

  @Test
  void nanAndInfinityAreBadRequestsAtTheirMember() {
    set(body, "/grid/buses/3/loadMw", "NaN");
    set(body, "/grid/branches/0/bPu", "-Infinity");

    assertViolations(body, 400,
        violation("#/grid/buses/3/loadMw", "not-finite"),
        violation("#/grid/branches/0/bPu", "not-finite"));
  }

  @Test
  void numberTooLargeForADoubleIsNotFinite() {
    String json = new String(Ieee14.requestBody(), StandardCharsets.UTF_8)
        .replace("\"loadMw\": 47.8", "\"loadMw\": 1e400");

    assertViolations(SognoJson.defaults().readUntyped(json.getBytes(StandardCharsets.UTF_8)), 400,
        violation("#/grid/buses/3/loadMw", "not-finite"));
  }

  @Test
  void missingOrNullRequiredValuesAreBadRequests() {
    remove(body, "/grid/branches/2/xPu");
    set(body, "/grid/branches/4/fromBus", null);
    remove(body, "/grid/buses/1/voltageSetpointPu"); // required for PV buses
    remove(body, "/grid/buses/0/type");

    assertViolations(body, 400,
        violation("#/grid/branches/2/xPu", "required"),
        violation("#/grid/branches/4/fromBus", "required"),
        violation("#/grid/buses/1/voltageSetpointPu", "required"),
        violation("#/grid/buses/0/type", "required"));
  }

  @Test
  void wrongTypesAndUnknownBusTypesAreBadRequests() {
    set(body, "/grid/buses/0/number", "one");
    set(body, "/grid/buses/4/type", "PQ");
    set(body, "/grid/branches/1/rPu", List.of(0.1));
    set(body, "/grid/buses/2/name", 3);
    set(body, "/options/enforceReactiveLimits", "yes");
    set(body, "/grid/branches/5/toBus", 4.5);

    assertViolations(body, 400,
        violation("#/grid/buses/0/number", "wrong-type"),
        violation("#/grid/buses/4/type", "unknown-value"),
        violation("#/grid/branches/1/rPu", "wrong-type"),
        violation("#/grid/buses/2/name", "wrong-type"),
        violation("#/options/enforceReactiveLimits", "wrong-type"),
        violation("#/grid/branches/5/toBus", "wrong-type"));
  }

  @Test
  void zeroImpedanceAndSelfLoopBranchesAreBadRequests() {
    set(body, "/grid/branches/6/rPu", 0);
    set(body, "/grid/branches/6/xPu", 0.0);
    set(body, "/grid/branches/0/toBus", 1);

    assertViolations(body, 400,
        violation("#/grid/branches/6/xPu", "zero-impedance"),
        violation("#/grid/branches/0/toBus", "same-bus"));
  }

  @Test
  void invertedReactiveLimitsAreABadRequest() {
    set(body, "/grid/buses/1/minReactiveMvar", 60);

    assertViolations(body, 400, violation("#/grid/buses/1/minReactiveMvar", "inverted-limits"));
  }

  @Test
  void solverOptionsOutOfRangeAreBadRequests() {
    set(body, "/options/maxIterations", 0);
    set(body, "/options/tolerancePu", -1e-6);
    assertViolations(body, 400,
        violation("#/options/maxIterations", "out-of-range"),
        violation("#/options/tolerancePu", "must-be-positive"));

    set(body, "/options/maxIterations", PowerFlowRequestReader.MAX_ITERATIONS + 1);
    set(body, "/options/tolerancePu", 1e-6);
    assertViolations(body, 400, violation("#/options/maxIterations", "out-of-range"));
  }

  @Test
  void bodyThatIsNotAnObjectOrLacksTheGridIsABadRequest() {
    assertViolations(new ArrayList<>(), 400, violation("#", "wrong-type"));
    assertViolations(new java.util.LinkedHashMap<>(), 400, violation("#/grid", "required"));
    assertViolations(set(body, "/grid/buses/2", "bus"), 400,
        violation("#/grid/buses/2", "wrong-type"));
  }

  @Test
  void shapeProblemsAreReportedBeforeGridProblems() {
    set(body, "/grid/buses/0/type", "pq"); // no slack: a 422 on its own
    set(body, "/grid/baseMva", -1);

    assertViolations(body, 400, violation("#/grid/baseMva", "must-be-positive"));
  }

  @Test
  void tooLargeGridsAreRefusedWithoutReadingTheirElements() {
    List<Object> buses = new ArrayList<>(
        Collections.nCopies(PowerFlowRequestReader.MAX_BUSES + 1, Map.of()));
    set(body, "/grid/buses", buses);

    assertViolations(body, 400, violation("#/grid/buses", "too-many-items"));
  }

  @Test
  void reportsAtMostOneHundredViolations() {
    List<Object> buses = new ArrayList<>(Collections.nCopies(500, Map.of()));
    set(body, "/grid/buses", buses);

    assertThatThrownBy(() -> PowerFlowRequestReader.read(body))
        .isInstanceOfSatisfying(InvalidRequestException.class,
            e -> assertThat(e.violations()).hasSize(Violations.MAX_REPORTED));
  }
}
