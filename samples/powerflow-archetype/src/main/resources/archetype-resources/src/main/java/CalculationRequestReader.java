package ${package};

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lfenergy.sogno.sdk.core.Problem;

/**
 * Reads a {@code CalculationRequest} from parsed JSON, collecting every violation with its JSON
 * pointer instead of stopping at the first.
 */
final class CalculationRequestReader {
  static final int MAX_VALUES = 100_000;

  private CalculationRequestReader() {
  }

  /** The values, or the violations (never both empty). */
  record Outcome(List<Double> values, List<Problem.FieldError> errors) {
  }

  static Outcome read(Object body) {
    List<Problem.FieldError> errors = new ArrayList<>();
    if (!(body instanceof Map<?, ?> object)) {
      errors.add(new Problem.FieldError("#", "must be a JSON object", "type-mismatch"));
      return new Outcome(List.of(), errors);
    }
    Object values = object.get("values");
    if (!(values instanceof List<?> list)) {
      errors.add(new Problem.FieldError("#/values", values == null ? "is required"
          : "must be an array of numbers", values == null ? "required" : "type-mismatch"));
      return new Outcome(List.of(), errors);
    }
    if (list.isEmpty() || list.size() > MAX_VALUES) {
      errors.add(new Problem.FieldError("#/values", "must hold 1 to " + MAX_VALUES + " numbers",
          "size-out-of-range"));
    }
    List<Double> numbers = new ArrayList<>(list.size());
    for (int i = 0; i < list.size() && errors.size() < 100; i++) {
      if (list.get(i) instanceof Number n && Double.isFinite(n.doubleValue())) {
        numbers.add(n.doubleValue());
      } else {
        errors.add(new Problem.FieldError("#/values/" + i, "must be a finite number", "not-finite"));
      }
    }
    return new Outcome(numbers, errors);
  }
}
