// Both invocations ran in a folder without a POM; build.log holds both.
def log = new File(basedir, 'build.log').text
assert !new File(basedir, 'pom.xml').exists()
assert log =~ /(?m)^\[INFO\] \S*openapi\.json: 0 MUST, 0 SHOULD, 0 MAY/ : 'the sample spec passes'
assert log =~ /(?m)^\[ERROR\] SOGNO-200 MUST \S*meters-v0\.yaml:6 / : 'MUST findings are errors'
assert log =~ /finding\(s\) at or above MUST in \S*meters-v0\.yaml/ : 'the second invocation fails'
for (name in ['openapi', 'meters-v0']) {
  def sarif = new File(basedir, "target/sogno-lint/${name}.sarif")
  assert sarif.isFile() && sarif.text.contains('"2.1.0"') : "the SARIF report of ${name}"
}
assert !new File(basedir, '${project.basedir}').exists() : 'no folder named after an uninterpolated expression'
return true
