// After `mvn verify` of the generated project: the jar starts with `java -jar` and answers as the
// issue's done-criteria say (405 + Allow, 400 with pointers, one X-Request-ID, /docs), with a logging
// binding (no SLF4J warning) and a log line saying where it listens.
def root = new File((binding.hasVariable('basedir') ? basedir : projectDir).toString())
def project = [root, new File(root, 'project/state-estimation')]
    .find { new File(it, 'target/state-estimation-1.0.0-SNAPSHOT.jar').isFile() }
assert project != null : "no target/state-estimation-1.0.0-SNAPSHOT.jar under ${root}"

int port = new ServerSocket(0).withCloseable { it.localPort }
def log = new File(project, 'target/run.log')
def builder = new ProcessBuilder(System.getProperty('java.home') + '/bin/java', '-jar',
    'target/state-estimation-1.0.0-SNAPSHOT.jar')
    .directory(project).redirectErrorStream(true).redirectOutput(log)
builder.environment().put('SOGNO_HTTP_PORT', port as String)
def process = builder.start()
def base = "http://127.0.0.1:${port}"

def call = { String method, String path, String body = null ->
  HttpURLConnection connection = (HttpURLConnection) new URL(base + path).openConnection()
  connection.requestMethod = method
  connection.setRequestProperty('X-Request-ID', 'verify-' + method)
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
  [status: status, body: text, allow: connection.getHeaderField('Allow'), requestIds: requestIds]
}

try {
  long deadline = System.currentTimeMillis() + 60_000
  def ready = null
  while (ready == null && System.currentTimeMillis() < deadline && process.alive) {
    try {
      ready = call('GET', '/health/ready')
    } catch (IOException notYet) {
      Thread.sleep(200)
    }
  }
  assert ready != null && ready.status == 200 : "the jar did not start:\n${log.text}"

  def wrongMethod = call('DELETE', '/v1/calculations')
  assert wrongMethod.status == 405
  assert wrongMethod.allow == 'POST'

  def invalid = call('POST', '/v1/calculations', '{"values":[1,"two",3]}')
  assert invalid.status == 400
  assert invalid.body.contains('"pointer":"#/values/1"')
  assert invalid.requestIds == ['verify-POST']

  def accepted = call('POST', '/v1/calculations', '{"values":[1.5,2.5,3]}')
  assert accepted.status == 202
  assert accepted.requestIds == ['verify-POST']

  def docs = call('GET', '/docs')
  assert docs.status == 200
  assert docs.body.toLowerCase().contains('swagger')
} finally {
  process.destroy()
  process.waitFor()
}
def output = log.text
assert output.contains("listening on http://0.0.0.0:${port}/")
assert !output.contains('SLF4J(W)') && !output.contains('SLF4J: ')
assert !output.contains('WARN') : "warnings at start-up:\n${output}"

// The generated README names the service and explains job kinds with its name filled in.
def readme = new File(project, "README.md").text
assert readme.startsWith("state-estimation\n=") : "README title is the service name"
assert readme.contains("The `state-estimation` service of the SOGNO platform")
assert readme.contains("submits its jobs with the kind `state-estimation`")
assert readme.contains("e.g. `state-estimation-estimation`")
assert !readme.contains('${') : "no unfilled archetype property"
assert readme.contains("\nJobs and job kinds\n---") && readme.contains("\nConfiguration\n---")
return true
