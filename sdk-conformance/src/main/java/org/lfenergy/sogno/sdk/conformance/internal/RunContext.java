package org.lfenergy.sogno.sdk.conformance.internal;

import java.net.URI;
import org.lfenergy.sogno.sdk.conformance.ConformanceConfig;

/** What every part of one run shares. */
record RunContext(SpecDocument document, URI base, Requests requests, ResponseChecks checks, JobFollower jobs,
    ConformanceConfig config) {
}
