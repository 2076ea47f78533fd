// The build ran in a folder without a POM against the service prebuild.groovy started.
System.properties.remove('sogno.conformance.it.server')?.stop(0)
def log = new File(basedir, 'build.log').text
assert !new File(basedir, 'pom.xml').exists()
assert log =~ /(?m)^\[ERROR\] SOGNO-301 MUST \S*openapi\.yaml:\d+ / : 'problem findings are errors'
assert log.contains("reproduce: curl -sS -i -X POST 'http://127.0.0.1:18769/v1/things'") : 'with curl lines'
assert log =~ /MUST finding\(s\) checking http:\/\/127\.0\.0\.1:18769 against/ : 'the build fails'
def sarif = new File(basedir, 'target/sogno-conformance/openapi.sarif')
assert sarif.isFile() && sarif.text.contains('"sogno-conformance"') : 'the SARIF report'
return true
