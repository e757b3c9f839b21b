def log = new File(basedir, 'build.log').getText('UTF-8')
// the hub was built; the goal ran and failed on the user's input (MojoFailureException), with its fix
assert new File(basedir, 'target/site-output/digest/digest.json').isFile()
assert log.contains("site.yaml's hub: section has no mail: settings, so the digest cannot be sent")
assert log.contains('fix: add under hub: e.g. mail: { host: smtp.school.example')
assert !new File(basedir, 'target/lateral-cache/digest-sent.json').exists()
