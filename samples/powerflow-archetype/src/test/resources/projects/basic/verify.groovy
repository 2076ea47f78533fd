// After `mvn verify` of the generated project, the jar is started with `java -jar` four ways:
// 1. secured (SOGNO_AUTH_ISSUER/AUDIENCE/JWKS_URI naming a JWKS this script serves on loopback): 401
//    problem+json with `WWW-Authenticate: Bearer` without a token and for `Bearer garbage`, 202 with a
//    token signed by the served key; 405 + Allow, 400 with pointers, one X-Request-ID, /docs; /metrics
//    without a token, in Prometheus' format, counting that 202 call; a logging
//    binding (no SLF4J warning), no WARN, a log line saying where it listens;
// 2. in development mode (SOGNO_AUTH_DISABLED=true on 127.0.0.1): serves requests without a token;
//    a slow job is accepted, the process is SIGKILLed while the job runs;
// 3. again on the same SOGNO_JOBS_DIR: the job finishes and its result is served under the same id;
// 4. with neither an issuer nor development mode: it refuses to start, naming the variables in one
//    line (no stack trace).
import com.sun.net.httpserver.HttpServer
import java.security.KeyPairGenerator
import java.security.Signature
import java.util.concurrent.TimeUnit

def root = new File((binding.hasVariable('basedir') ? basedir : projectDir).toString())
def project = [root, new File(root, 'project/state-estimation')]
    .find { new File(it, 'target/state-estimation-1.0.0-SNAPSHOT.jar').isFile() }
assert project != null : "no target/state-estimation-1.0.0-SNAPSHOT.jar under ${root}"

def start = { Map env, String name ->
  int port = new ServerSocket(0).withCloseable { it.localPort }
  def log = new File(project, "target/${name}.log")
  def builder = new ProcessBuilder(System.getProperty('java.home') + '/bin/java', '-jar',
      'target/state-estimation-1.0.0-SNAPSHOT.jar')
      .directory(project).redirectErrorStream(true).redirectOutput(log)
  builder.environment().keySet().removeAll { it.startsWith('SOGNO_') }
  builder.environment().put('SOGNO_HTTP_PORT', port as String)
  env.each { k, v -> builder.environment().put(k, v.toString()) }
  [process: builder.start(), base: "http://127.0.0.1:${port}", port: port, log: log]
}

def call = { service, String method, String path, String body = null, Map<String, String> headers = [:] ->
  HttpURLConnection connection = (HttpURLConnection) new URL(service.base + path).openConnection()
  connection.requestMethod = method
  connection.setRequestProperty('X-Request-ID', 'verify-' + method)
  headers.each { k, v -> connection.setRequestProperty(k, v) }
  if (body != null) {
    connection.doOutput = true
    connection.setRequestProperty('Content-Type', 'application/json')
    connection.outputStream.withCloseable { it.write(body.getBytes('UTF-8')) }
  }
  int status = connection.responseCode
  def stream = status >= 400 ? connection.errorStream : connection.inputStream
  String text = stream == null ? '' : stream.getText('UTF-8')
  def requestIds = connection.headerFields.findAll { k, v -> k != null && k.equalsIgnoreCase('X-Request-ID') }
      .collectMany { k, v -> v }
  [status: status, body: text, allow: connection.getHeaderField('Allow'), requestIds: requestIds,
   contentType: connection.getHeaderField('Content-Type'),
   challenge: connection.getHeaderField('WWW-Authenticate'), location: connection.getHeaderField('Location')]
}

def awaitReady = { service ->
  long deadline = System.currentTimeMillis() + 60_000
  def ready = null
  while (ready == null && System.currentTimeMillis() < deadline && service.process.alive) {
    try {
      ready = call(service, 'GET', '/health/ready')
    } catch (IOException notYet) {
      Thread.sleep(200)
    }
  }
  assert ready != null && ready.status == 200 : "the jar did not start:\n${service.log.text}"
}

def stop = { service ->
  service.process.destroy()
  service.process.waitFor()
}

// --- 1. secured: a JWKS served here, on loopback -------------------------------------------------
def b64 = { byte[] bytes -> Base64.urlEncoder.withoutPadding().encodeToString(bytes) }
def unsigned = { BigInteger n -> byte[] b = n.toByteArray(); b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b }
def keys = KeyPairGenerator.getInstance('RSA').with { initialize(2048); generateKeyPair() }
def jwks = """{"keys":[{"kty":"RSA","kid":"it-key","use":"sig","alg":"RS256",""" +
    """"n":"${b64(unsigned(keys.getPublic().modulus))}","e":"${b64(unsigned(keys.getPublic().publicExponent))}"}]}"""
def idp = HttpServer.create(new InetSocketAddress(InetAddress.getByName('127.0.0.1'), 0), 0)
idp.createContext('/jwks') { exchange ->
  byte[] bytes = jwks.getBytes('UTF-8')
  exchange.responseHeaders.add('Content-Type', 'application/json')
  exchange.sendResponseHeaders(200, bytes.length)
  exchange.responseBody.withCloseable { it.write(bytes) }
}
idp.start()
def issuer = "http://127.0.0.1:${idp.address.port}/realms/it"
def sign = { Map claims ->
  def json = { Map m -> groovy.json.JsonOutput.toJson(m).getBytes('UTF-8') }
  String input = b64(json([alg: 'RS256', typ: 'JWT', kid: 'it-key'])) + '.' + b64(json(claims))
  def signer = Signature.getInstance('SHA256withRSA')
  signer.initSign(keys.getPrivate())
  signer.update(input.getBytes('US-ASCII'))
  input + '.' + b64(signer.sign())
}
long now = System.currentTimeMillis().intdiv(1000)
def token = sign([iss: issuer, aud: 'state-estimation', sub: 'verify', iat: now, exp: now + 600])

def secured = start([SOGNO_AUTH_ISSUER: issuer, SOGNO_AUTH_AUDIENCE: 'state-estimation',
    SOGNO_AUTH_JWKS_URI: "http://127.0.0.1:${idp.address.port}/jwks".toString(),
    SOGNO_JOBS_DIR: new File(project, 'target/jobs-secured').path], 'run')
try {
  awaitReady(secured)

  [null, 'Bearer garbage'].each { authorization ->
    def refused = call(secured, 'POST', '/v1/calculations', '{"values":[1]}',
        authorization == null ? [:] : [Authorization: authorization])
    assert refused.status == 401 : "${authorization}: ${refused}"
    assert refused.contentType.startsWith('application/problem+json')
    assert refused.challenge != null && refused.challenge.startsWith('Bearer')
    assert refused.body.contains('"code":"unauthorized"')
  }

  def wrongMethod = call(secured, 'DELETE', '/v1/calculations')
  assert wrongMethod.status == 405
  assert wrongMethod.allow == 'POST'

  def bearer = [Authorization: 'Bearer ' + token]
  def invalid = call(secured, 'POST', '/v1/calculations', '{"values":[1,"two",3]}', bearer)
  assert invalid.status == 400
  assert invalid.body.contains('"pointer":"#/values/1"')
  assert invalid.requestIds == ['verify-POST']

  def accepted = call(secured, 'POST', '/v1/calculations', '{"values":[1.5,2.5,3]}', bearer)
  assert accepted.status == 202 : accepted
  assert accepted.requestIds == ['verify-POST']

  // Prometheus scrapes /metrics without a token; the call above is counted by operation and status.
  def metrics = call(secured, 'GET', '/metrics')
  assert metrics.status == 200 : metrics
  assert metrics.contentType.startsWith('text/plain; version=0.0.4')
  assert metrics.body =~ /(?m)^sogno_http_server_requests_seconds_count\{[^}]*operation="startCalculation"[^}]*status="202"[^}]*} [1-9]/ :
      "no request metric of the call in:\n${metrics.body}"

  def docs = call(secured, 'GET', '/docs')
  assert docs.status == 200
  assert docs.body.toLowerCase().contains('swagger')

  // The conformance check of issue #19 against the running service, with a token: no MUST finding.
  def repository = new File(root, '../../../../../..').canonicalFile
  def checker = new File(repository, 'sdk-conformance-cli/target/sogno-sdk-conformance-cli-0.1.0-SNAPSHOT.jar')
  assert checker.isFile() : "no conformance checker at ${checker}"
  def conformanceLog = new File(project, 'target/conformance.log')
  def conformance = new ProcessBuilder(System.getProperty('java.home') + '/bin/java', '-jar', checker.path,
      '--url', secured.base, '--spec', 'src/main/resources/openapi.yaml', '--token', token, '--seed', '7',
      '--budget', '400').directory(project).redirectErrorStream(true).redirectOutput(conformanceLog).start()
  assert conformance.waitFor() == 0 : "conformance findings:\n${conformanceLog.text}"
} finally {
  stop(secured)
  idp.stop(0)
}
def output = secured.log.text
assert output.contains("listening on http://0.0.0.0:${secured.port}/")
assert !output.contains('SLF4J(W)') && !output.contains('SLF4J: ')
assert !output.contains('WARN') : "warnings at start-up:\n${output}"

// --- 2. development mode; a job killed with SIGKILL while it runs ---------------------------------
def development = [SOGNO_HTTP_HOST: '127.0.0.1', SOGNO_AUTH_DISABLED: 'true',
    SOGNO_JOBS_DIR: new File(project, 'target/jobs-crash').path, CALCULATION_PAUSE_PER_VALUE: 'PT1S']
def first = start(development, 'run-development')
String location
try {
  awaitReady(first)
  def slow = call(first, 'POST', '/v1/calculations', '{"values":[1,2,3,4,5,6,7,8,9,10]}')
  assert slow.status == 202 : "development mode serves requests without a token: ${slow}"
  location = slow.location
  long deadline = System.currentTimeMillis() + 30_000
  while (!call(first, 'GET', location).body.contains('"status":"running"') && System.currentTimeMillis() < deadline) {
    Thread.sleep(100)
  }
  assert call(first, 'GET', location).body.contains('"status":"running"')
} finally {
  first.process.destroyForcibly() // SIGKILL: no shutdown hook, no drain
  first.process.waitFor()
}
assert first.log.text.contains('SOGNO_AUTH_DISABLED=true') : 'development mode says so in the log'

// --- 3. the same data directory: the job finishes under the same id --------------------------------
def second = start(development, 'run-restarted')
try {
  awaitReady(second)
  long deadline = System.currentTimeMillis() + 90_000
  def job = call(second, 'GET', location)
  while (!job.body.contains('"status":"succeeded"') && System.currentTimeMillis() < deadline) {
    assert job.status == 200 : "the job is known after the restart: ${job}"
    assert !job.body.contains('"status":"failed"') : job.body
    Thread.sleep(250)
    job = call(second, 'GET', location, null, [Prefer: 'wait=5'])
  }
  assert job.body.contains('"status":"succeeded"') : "not finished after the restart: ${job.body}\n${second.log.text}"
  assert job.body.contains(location.substring(location.lastIndexOf('/') + 1))
  def result = call(second, 'GET', location + '/result')
  assert result.status == 200
  assert result.body.contains('"sum":55.0') && result.body.contains('"count":10')
} finally {
  stop(second)
}

// --- 4. neither an issuer nor development mode: no start ---------------------------------------------
def unsecured = start([SOGNO_JOBS_DIR: new File(project, 'target/jobs-unsecured').path], 'run-unsecured')
assert unsecured.process.waitFor(60, TimeUnit.SECONDS) : 'the unsecured service keeps running'
assert unsecured.process.exitValue() != 0
def refusal = unsecured.log.text
['SOGNO_AUTH_ISSUER', 'SOGNO_AUTH_AUDIENCE', 'SOGNO_AUTH_JWKS_URI', 'SOGNO_AUTH_DISABLED'].each {
  assert refusal.contains(it) : "the refusal names ${it}:\n${refusal}"
}
assert !refusal.contains('\tat ') : "a configuration error is one line, not a stack trace:\n${refusal}"

// The generated README names the service and explains job kinds with its name filled in.
def readme = new File(project, "README.md").text
assert readme.startsWith("state-estimation\n=") : "README title is the service name"
assert readme.contains("The `state-estimation` service of the SOGNO platform")
assert readme.contains("submits its jobs with the kind `state-estimation`")
assert readme.contains("e.g. `state-estimation-estimation`")
assert !readme.contains('${') : "no unfilled archetype property"
assert readme.contains("\nJobs and job kinds\n---") && readme.contains("\nConfiguration\n---")
return true
