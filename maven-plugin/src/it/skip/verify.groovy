def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] Skipping Lateral (lateral.skip is true).')
assert !new File(basedir, 'target/site-output').exists()
return true
