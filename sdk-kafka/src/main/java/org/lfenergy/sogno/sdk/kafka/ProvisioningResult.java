package org.lfenergy.sogno.sdk.kafka;

import java.util.List;
import java.util.Set;

/** What a {@link TopicProvisioner} run changed. Immutable. */
public final class ProvisioningResult {
  private final Set<String> created;
  private final Set<String> reconfigured;
  private final Set<String> unchanged;
  private final List<String> warnings;

  ProvisioningResult(Set<String> created, Set<String> reconfigured, Set<String> unchanged, List<String> warnings) {
    this.created = Set.copyOf(created);
    this.reconfigured = Set.copyOf(reconfigured);
    this.unchanged = Set.copyOf(unchanged);
    this.warnings = List.copyOf(warnings);
  }

  /** Topics that did not exist and were created. */
  public Set<String> created() {
    return created;
  }

  /** Existing topics whose configs were changed to the spec. */
  public Set<String> reconfigured() {
    return reconfigured;
  }

  /** Existing topics that already matched. */
  public Set<String> unchanged() {
    return unchanged;
  }

  /** Differences the provisioner does not change by itself (partition count, replication factor). */
  public List<String> warnings() {
    return warnings;
  }

  @Override
  public String toString() {
    return "created=" + created + ", reconfigured=" + reconfigured + ", unchanged=" + unchanged + ", warnings=" + warnings;
  }
}
