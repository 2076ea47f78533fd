package org.lfenergy.sogno.sdk.async.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {
  private static InetAddress ip(String literal) throws Exception {
    return InetAddress.getByName(literal);
  }

  private static ServerRequest.Builder from(String peer) throws Exception {
    return ServerRequest.builder("POST", "/v1/tasks").remoteAddress(ip(peer)).header("Host", "10.0.0.5:8080");
  }

  @Test
  void addressesAndCidrBlocksOfBothFamiliesMatch() throws Exception {
    TrustedProxies proxies = TrustedProxies.of("10.0.0.0/8", "192.168.1.7", "fd00::/8", "172.16.0.0/12");

    assertThat(proxies.isTrusted(ip("10.200.3.4"))).isTrue();
    assertThat(proxies.isTrusted(ip("192.168.1.7"))).isTrue();
    assertThat(proxies.isTrusted(ip("192.168.1.8"))).isFalse();
    assertThat(proxies.isTrusted(ip("fd12::1"))).isTrue();
    assertThat(proxies.isTrusted(ip("172.31.255.255"))).isTrue();
    assertThat(proxies.isTrusted(ip("172.32.0.0"))).isFalse();
    assertThat(TrustedProxies.none().isTrusted(ip("127.0.0.1"))).isFalse();
  }

  @Test
  void hostNamesAndMalformedRangesAreRefusedSoTrustNeverDependsOnDns() {
    assertThatThrownBy(() -> TrustedProxies.of("proxy.internal")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TrustedProxies.of("abc.def.ab.cd")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TrustedProxies.of("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TrustedProxies.of("10.0.0/8")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onlyTheElementTheTrustedPeerAddedIsUsed() throws Exception {
    TrustedProxies proxies = TrustedProxies.of("10.0.0.1");

    ServerRequest request = from("10.0.0.1")
        .header("Forwarded", "proto=http;host=spoofed.example")
        .header("Forwarded", "for=203.0.113.9;proto=https;host=\"grid.example\"").build();

    assertThat(proxies.externalBase(request)).contains("https://grid.example");
  }

  @Test
  void forwardedProtoAloneKeepsTheHostHeader() throws Exception {
    ServerRequest request = from("10.0.0.1").header("X-Forwarded-Proto", "https").build();

    assertThat(TrustedProxies.of("10.0.0.1").externalBase(request)).contains("https://10.0.0.5:8080");
  }

  @Test
  void malformedForwardedValuesAreIgnored() throws Exception {
    TrustedProxies proxies = TrustedProxies.of("10.0.0.1");

    assertThat(proxies.externalBase(from("10.0.0.1").header("X-Forwarded-Host", "evil.example/x?").build())).isEmpty();
    assertThat(proxies.externalBase(from("10.0.0.1").header("X-Forwarded-Proto", "javascript").build())).isEmpty();
    assertThat(proxies.externalBase(from("10.0.0.1")
        .header("X-Forwarded-Host", "ok.example").header("X-Forwarded-Prefix", "/a b").build()))
        .contains("http://ok.example");
    assertThat(proxies.externalBase(from("10.0.0.1").build())).as("no forwarded headers").isEmpty();
  }

  @Test
  void untrustedPeerIsIgnoredWhateverItSends() throws Exception {
    ServerRequest request = from("203.0.113.9").header("X-Forwarded-Host", "evil.example").build();

    assertThat(TrustedProxies.of("10.0.0.0/8").externalBase(request)).isEmpty();
  }
}
