// The generated README names the service and explains job kinds with its name filled in.
// basedir is the IT folder; the project is generated under project/<artifactId>.
def readme = new File(basedir, "project/state-estimation/README.md").text
assert readme.startsWith("state-estimation\n=") : "README title is the service name"
assert readme.contains("The `state-estimation` service of the SOGNO platform")
assert readme.contains("submits its jobs with the kind `state-estimation`")
assert readme.contains("e.g. `state-estimation-estimation`")
assert !readme.contains('${') : "no unfilled archetype property"
assert readme.contains("\nJobs and job kinds\n---") && readme.contains("\nConfiguration\n---")
return true
