package org.lfenergy.sogno.sdk.lint.internal.compat;

/** A resolved element of a spec and the JSON pointer of where it is written. */
record Located<T>(T value, String pointer) {
}
