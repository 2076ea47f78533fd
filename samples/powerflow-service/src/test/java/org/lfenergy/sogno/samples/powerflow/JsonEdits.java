package org.lfenergy.sogno.samples.powerflow;

import java.util.List;
import java.util.Map;

/** Edits plain JSON values (maps and lists) at a JSON pointer, to derive bad requests from good. */
public final class JsonEdits {
  private JsonEdits() {}

  /** Sets (or adds) the member or element the pointer names. */
  public static Object set(Object root, String pointer, Object value) {
    edit(root, pointer, value, false);
    return root;
  }

  /** Removes the member or element the pointer names. */
  public static Object remove(Object root, String pointer) {
    edit(root, pointer, null, true);
    return root;
  }

  @SuppressWarnings("unchecked")
  private static void edit(Object root, String pointer, Object value, boolean remove) {
    String[] tokens = pointer.substring(1).split("/");
    Object parent = root;
    for (int i = 0; i < tokens.length - 1; i++) {
      parent = parent instanceof List<?> list
          ? list.get(Integer.parseInt(tokens[i])) : ((Map<String, Object>) parent).get(tokens[i]);
    }
    String last = tokens[tokens.length - 1];
    if (parent instanceof List<?> list) {
      List<Object> elements = (List<Object>) list;
      if (remove) {
        elements.remove(Integer.parseInt(last));
      } else {
        elements.set(Integer.parseInt(last), value);
      }
    } else if (remove) {
      ((Map<String, Object>) parent).remove(last);
    } else {
      ((Map<String, Object>) parent).put(last, value);
    }
  }
}
