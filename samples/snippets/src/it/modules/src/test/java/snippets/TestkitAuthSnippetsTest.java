package snippets;

import org.lfenergy.sogno.sdk.server.ServerConfig;
import org.lfenergy.sogno.sdk.testkit.auth.TestIssuer;

/** sdk-testkit-auth/README.md. */
class TestkitAuthSnippetsTest {
  void secured() {
    // snippet-start:use
    try (TestIssuer issuer = TestIssuer.forAudience("powerflow")) {
      ServerConfig config = ServerConfig.fromEnvironment(issuer.environment());   // plus host/port as needed
      // start the service with config ...
      String token = issuer.token("alice").scopes("powerflow.write").sign();
      // call it with "Authorization: Bearer " + token
    }
    // snippet-end:use
  }
}
