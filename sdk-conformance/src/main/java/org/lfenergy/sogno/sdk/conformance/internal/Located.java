package org.lfenergy.sogno.sdk.conformance.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** A node of the spec with its JSON pointer in the self-contained document ({@code $ref}s followed). */
public record Located(JsonNode node, String pointer) {

  /** The member {@code name}, or a missing node. */
  public Located at(String name) {
    return new Located(node.path(name), pointer + "/" + name.replace("~", "~0").replace("/", "~1"));
  }

  /** The array element {@code index}, or a missing node. */
  public Located at(int index) {
    return new Located(node.path(index), pointer + "/" + index);
  }
}
