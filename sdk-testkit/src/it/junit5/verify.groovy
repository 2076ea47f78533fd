def report = new File(basedir, 'target/surefire-reports/org.example.orders.OrderEventsTest.txt')
assert report.isFile()
assert report.text.contains('Tests run: 1, Failures: 0, Errors: 0')
return true
