def log = new File(basedir, 'build.log').text
def finding = ~/(?m)^\[(ERROR|WARNING|INFO)\] (SOGNO-\d+) (MUST|SHOULD|MAY) (\S+):(\d+) (.+)$/

def legacy = log.readLines().findAll { it =~ finding && it.contains('file-service.swagger.yaml:') }
assert !legacy.isEmpty() : 'the Swagger 2.0 spec was converted and linted'
assert legacy.every { !it.startsWith('[ERROR]') } : 'failOn NONE reports without failing'
def sarif = new File(basedir, 'target/sogno-lint/file-service.sarif')
assert sarif.isFile() && sarif.text.contains('"2.1.0"') && sarif.text.contains('SOGNO-')

def service = log.readLines().findAll { it =~ finding && it.contains('meters-v0.yaml:') }
assert service.any { it.startsWith('[ERROR] SOGNO-') && it.contains(' MUST ') } : 'MUST findings are errors'
assert service.any { it.contains('SOGNO-200') && it.contains('(suppressed: Kept for the 2022 dashboards') }
assert log.contains('finding(s) at or above MUST in')
assert new File(basedir, 'target/sogno-lint/lint-guidelines.sarif').isFile()
return true
