package org.lfenergy.sogno.sdk.conformance.internal;

/** A violation with the request that showed it. */
public record Observation(Probe probe, Violation violation) {
}
