package org.lfenergy.sogno.sdk.conformance.internal;

import org.lfenergy.sogno.sdk.conformance.ConformanceCheck;

/** A check that failed on one exchange: what was expected and what came. */
public record Violation(ConformanceCheck check, String expected, String actual) {
}
