def generated = new File(basedir, 'target/generated-sources/sogno/org/example/meters/client')
assert new File(generated, 'api/MetersApi.java').isFile()
assert new File(generated, 'server/MetersHandler.java').isFile()
assert new File(generated, 'model/Meter.java').isFile()
// The overlay was merged onto the spec: its title is in the generated Javadoc.
assert new File(generated, 'api/MetersApi.java').text.contains('Meter service (overlaid)')
// Base-spec schemas map to the SDK's classes: no copies.
assert !new File(generated, 'model/Job.java').exists()
assert !new File(generated, 'model/Problem.java').exists()
assert !new File(generated, 'model/Health.java').exists()
def report = new File(basedir, 'target/surefire-reports/org.example.meters.MetersClientTest.txt')
assert report.isFile()
assert report.text.contains('Failures: 0, Errors: 0')
assert !report.text.contains('Tests run: 0,')
return true
