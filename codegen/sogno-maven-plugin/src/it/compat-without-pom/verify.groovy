// Both invocations ran in a folder without a POM; build.log holds both.
def log = new File(basedir, 'build.log').text
assert !new File(basedir, 'pom.xml').exists()
assert log =~ /(?m)^\[INFO\] \S*meters-1\.1\.0\.yaml: 0 MUST, 0 SHOULD, 0 MAY/ : 'the compatible change passes'
assert log =~ /(?m)^\[ERROR\] SOGNO-801 MUST \S*meters-1\.0\.0\.yaml:9 Operation DELETE \/v1\/meters was removed/ : 'the removal is located'
assert log =~ /1 breaking change\(s\) \(SOGNO-801\)/ : 'the second invocation fails'
return true
